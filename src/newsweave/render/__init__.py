"""Brief → JSON, Markdown and HTML: formatting only, no analysis.

Every statement in every format points back to the exact report text it rests on.
"""

from newsweave.render.html import render_html
from newsweave.render.jsonfile import load_schema, render_json
from newsweave.render.markdown import render_markdown
from newsweave.render.write import write_brief, write_index

__all__ = ["load_schema", "render_html", "render_json", "render_markdown", "write_brief", "write_index"]
