"""The brief as one self-contained HTML page: inline CSS, no scripts, no external assets."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from newsweave.model.brief import Brief
from newsweave.render.view import build_view, short_labels

TEMPLATES = Path(__file__).with_name("templates")
TEMPLATE = "brief.html.j2"


def render_html(brief: Brief) -> str:
    """Return the brief as a self-contained HTML page with hoverable, linked citations."""
    view = build_view(brief)
    ids = [d.id for d in view.documents] + [n.citation.report for n in view.notes]
    return (
        template_environment()
        .get_template(TEMPLATE)
        .render(
            view=view,
            notes={note.number: note for note in view.notes},
            counts={key: n for key, _, n in view.sections},
            labels=short_labels(ids),
            titles={d.id: d.title for d in view.documents},
        )
    )


@cache
def template_environment() -> Environment:
    """Return the Jinja environment of the HTML templates (the brief's and the timeline's)."""
    # Autoescape everything: every string on the page comes from a news report.
    return Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
