"""A summarised timeline as JSON, Markdown, HTML and plain text: formatting only, no analysis.

Every sentence in every format points back to the report text it was taken from.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from newsweave.errors import InputError
from newsweave.model.timeline import Timeline
from newsweave.render.html import template_environment

TEMPLATE = "timeline.html.j2"
TIMELINE_FORMATS = ("json", "md", "html", "txt")


def render_timeline_json(timeline: Timeline, texts: dict[str, str]) -> str:
    """Return timeline.json: each sentence with citations of the brief's shape (report, start, end, text)."""
    return json.dumps(timeline.to_dict(texts), indent=2, ensure_ascii=False) + "\n"


def render_timeline_markdown(timeline: Timeline, texts: dict[str, str]) -> str:
    """Return the timeline as Markdown, one section per day, numbered footnotes quoting the sources."""
    data = timeline.to_dict(texts)
    lines = [f"# {data['title']}", "", f"{len(data['days'])} days from {len(data['documents'])} reports.", ""]
    notes: list[str] = []
    for day in data["days"]:
        lines += [f"## {day['date']}", ""]
        for sentence in day["sentences"]:
            marks = ""
            for citation in sentence["citations"]:
                notes.append(_note(len(notes) + 1, citation))
                marks += f"[^{len(notes)}]"
            lines.append(f"- {_md(sentence['text'])}{marks}")
        lines.append("")
    if data["rejections"]:
        lines += ["## Rejected inputs", ""]
        lines += [f"- `{r['code']}` {_md(r['path'])}: {_md(r['reason'])}" for r in data["rejections"]]
        lines.append("")
    return "\n".join(lines + notes) + "\n"


def _note(number: int, citation: dict[str, Any]) -> str:
    where = f"report `{citation['report']}`, chars {citation['start']}–{citation['end']}"
    return f"[^{number}]: {where}: “{_md(citation['text'])}”"


def _md(text: str) -> str:
    # Report text must not turn into Markdown markup (links, emphasis, headings) on the page.
    return " ".join(text.split()).replace("\\", "\\\\").replace("[", "\\[").replace("*", "\\*")


def render_timeline_text(timeline: Timeline, texts: dict[str, str]) -> str:
    """Return the timeline in Timeline17's plain form: a date line, one sentence a line, 32 dashes."""
    lines = []
    for day in timeline.days:
        lines.append(day.day.isoformat())
        lines += [" ".join(s.text.split()) for s in day.sentences]
        lines.append("-" * 32)
    return "\n".join(lines) + "\n"


def render_timeline_html(timeline: Timeline, texts: dict[str, str]) -> str:
    """Return the timeline as one self-contained HTML page; each citation links to its report."""
    return template_environment().get_template(TEMPLATE).render(data=timeline.to_dict(texts))



TIMELINE_RENDERERS: dict[str, Callable[[Timeline, dict[str, str]], str]] = {
    "json": render_timeline_json,
    "md": render_timeline_markdown,
    "html": render_timeline_html,
    "txt": render_timeline_text,
}


def write_timeline(
    timeline: Timeline, texts: dict[str, str], out_dir: Path, formats: Sequence[str] = TIMELINE_FORMATS
) -> tuple[Path, ...]:
    """Return the paths of timeline.<format> written into ``out_dir`` (created when missing)."""
    if isinstance(formats, str):
        raise InputError(f"formats takes a sequence of names such as ('json', 'md'), not {formats!r}")
    unknown = [f for f in formats if f not in TIMELINE_RENDERERS]
    if unknown:
        raise InputError(
            f"unknown timeline format {', '.join(unknown)}: choose from {', '.join(TIMELINE_FORMATS)}"
        )
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for name in dict.fromkeys(formats):
        path = out_dir / f"timeline.{name}"
        path.write_text(TIMELINE_RENDERERS[name](timeline, texts), encoding="utf-8")
        paths.append(path)
    return tuple(paths)
