"""The brief as Markdown, every statement footnoted to the exact text it rests on."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from typing import TypeVar

from newsweave.model.brief import Brief
from newsweave.render.view import (
    BriefView,
    DivergenceRow,
    DocumentRow,
    EntityRow,
    FigureRow,
    Group,
    Note,
    QuoteRow,
    Ref,
    TimelineRow,
    UniqueRow,
    build_view,
)

# Characters that start Markdown markup (or raw HTML) anywhere in a line; `|` ends table cells.
_SPECIAL = re.compile(r"([\\`*_\[\]<>&|~])")
_PLAIN_ID = re.compile(r"^[\w.-]+$")

R = TypeVar("R")


def render_markdown(brief: Brief) -> str:
    """Return the brief as a Markdown document with footnoted citations."""
    view = build_view(brief)
    blocks = [
        f"# {escape(view.title)}",
        escape(view.summary),
        f"*Story {_id(view.story_id)} · brief schema {escape(view.schema_version)}*",
        _section("Timeline", _bullets(_timeline_line(r) for r in view.timeline), "No dated events."),
        _section("Who's who", _groups(view.entities, _entity_line), "No people, organisations or places."),
        _section("Key figures", _groups(view.figures, _figure_line), "No figures."),
        _section("Who said what", _groups(view.quotes, _quote_line), "No attributed statements."),
        _section("Where sources differ", _divergences(view), "The reports do not contradict each other."),
        _section("Only in one report", _bullets(_unique_line(r) for r in view.unique), "Nothing."),
        _section("Sources", _sources(view.documents), "No reports."),
        _section("Rejected inputs", _rejections(view), "No input was rejected."),
    ]
    if view.notes:
        blocks.append("\n".join(_footnote(n) for n in view.notes))
    return "\n\n".join(blocks) + "\n"


def escape(text: str) -> str:
    """Return source text safe to put inside a Markdown paragraph, list item or table cell."""
    return _SPECIAL.sub(r"\\\1", " ".join(text.split()))


def _id(value: str) -> str:
    # Our ids (001_b3b5c18a…) carry no markup; underscores inside a word do not make emphasis.
    return value if _PLAIN_ID.match(value) else escape(value)


def _marks(refs: Sequence[Ref]) -> str:
    return "".join(f"[^{ref.number}]" for ref in refs)


def _section(heading: str, body: str, empty: str) -> str:
    return f"## {heading}\n\n{body or f'*{empty}*'}"


def _bullets(lines: Iterable[str]) -> str:
    return "\n".join(f"- {line}" for line in lines)


def _groups(groups: Sequence[Group[R]], line: Callable[[R], str]) -> str:
    blocks = [f"### {escape(g.label)}\n\n{_bullets(line(row) for row in g.rows)}" for g in groups]
    return "\n\n".join(blocks)


def _timeline_line(row: TimelineRow) -> str:
    planned = " *(planned)*" if row.planned else ""
    return f"**{row.label}**{planned} — {escape(row.text)}{_marks(row.refs)}"


def _entity_line(row: EntityRow) -> str:
    aliases = ", ".join(escape(a) for a in row.aliases)
    also = f" (also {aliases})" if aliases else ""
    spread = f"{row.mentions} mention{'s' * (row.mentions != 1)} in {len(row.reports)} report"
    return f"**{escape(row.name)}**{also} — {spread}{'s' * (len(row.reports) != 1)}{_marks(row.refs)}"


def _figure_line(row: FigureRow) -> str:
    line = f"**{escape(row.text)}**" + (f" {escape(row.counts)}" if row.counts else "")
    line += f" — {escape(row.context)}" if row.context else ""
    where = [f"reported {row.date_label}"] if row.date_label else []
    where += [f"report {', '.join(_id(r) for r in row.reports)}"] if row.reports else []
    return line + (f" ({'; '.join(where)})" if where else "") + _marks(row.refs)


def _quote_line(row: QuoteRow) -> str:
    said = f"“{escape(row.text)}”" if row.kind == "direct" else f"{escape(row.lead)} {escape(row.text)}"
    cue = f" *({escape(row.cue)})*" if row.cue else ""
    return f"{said}{cue}{_marks(row.refs)}"


def _divergences(view: BriefView) -> str:
    blocks = []
    for group in view.divergences:
        lines = "\n".join(_divergence_lines(row) for row in group.rows)
        head = f"### {escape(group.label)}" + (f"\n\n*{escape(group.blurb)}*" if group.blurb else "")
        blocks.append(f"{head}\n\n{lines}")
    return "\n\n".join(blocks)


def _divergence_lines(row: DivergenceRow) -> str:
    lines = [f"- **{escape(row.summary)}**{_marks(row.refs)}"]
    lines += [f"  - {escape(item.text)}{_marks(item.refs)}" for item in row.items]
    return "\n".join(lines)


def _unique_line(row: UniqueRow) -> str:
    reason = f" — *{escape(row.reason)}*" if row.reason else ""
    return f"{escape(row.text)}{_marks(row.refs)}{reason} (report {_id(row.report)})"


def _sources(documents: Sequence[DocumentRow]) -> str:
    if not documents:
        return ""
    rows = ["| Report | Title | Published | Words | Duplicate of |", "|---|---|---|--:|---|"]
    rows += [_document_cells(d) for d in documents]
    dating = [_dating_line(d) for d in documents if d.explanation or d.notes]
    return "\n".join(rows) + ("\n\nHow each report was dated:\n\n" + _bullets(dating) if dating else "")


def _document_cells(row: DocumentRow) -> str:
    how = ", ".join(p for p in (escape(row.how), row.confidence) if p)
    published = f"{row.published} ({how})" if how else row.published
    duplicate = _id(row.duplicate_of) if row.duplicate_of else "—"
    return f"| {_id(row.id)} | {escape(row.title)} | {published} | {row.words} | {duplicate} |"


def _dating_line(row: DocumentRow) -> str:
    notes = f" Notes: {escape('; '.join(row.notes))}." if row.notes else ""
    return f"{_id(row.id)}: {escape(row.explanation)}{_marks(row.refs)}{notes}"


def _rejections(view: BriefView) -> str:
    if not view.rejections:
        return ""
    rows = ["| Path | Code | Reason |", "|---|---|---|"]
    rows += [
        f"| {escape(r.path)} | {escape(r.code)} | {escape(r.reason)}{_marks(r.refs)} |"
        for r in view.rejections
    ]
    return "\n".join(rows)


def _footnote(note: Note) -> str:
    c = note.citation
    return f'[^{note.number}]: report {_id(c.report)}, chars {c.start}–{c.end}: "{escape(c.text)}"'
