"""The brief arranged for reading: grouped sections, display dates and numbered citations.

Markdown and HTML are two spellings of this one view, so both number their citations alike.
Nothing here escapes text; each renderer escapes for its own format.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Generic, TypeVar

from newsweave.model.brief import (
    Brief,
    BriefDivergence,
    BriefDocument,
    BriefEntity,
    BriefFigure,
    BriefQuote,
    BriefTimelineEntry,
    Citation,
)

T = TypeVar("T")
R = TypeVar("R")

_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

# Entity types as spaCy labels them and as a selection step may name them, in display order.
ENTITY_GROUPS: tuple[tuple[str, str, frozenset[str]], ...] = (
    ("people", "People", frozenset({"PERSON", "PER", "PEOPLE"})),
    ("organisations", "Organisations", frozenset({"ORG", "ORGANISATION", "ORGANIZATION"})),
    ("places", "Places", frozenset({"GPE", "LOC", "FAC", "PLACE", "LOCATION"})),
    ("groups", "Groups", frozenset({"NORP", "GROUP"})),
)
DIVERGENCE_KINDS: dict[str, tuple[str, str]] = {
    "update": ("Updates", "A later report revises what an earlier one said."),
    "conflict": ("Conflicts", "Reports make claims that cannot both be true."),
    "inconsistency": ("Inconsistencies", "A report disagrees with itself or with the calendar."),
}
SECTIONS: tuple[tuple[str, str], ...] = (
    ("timeline", "Timeline"),
    ("entities", "Who's who"),
    ("figures", "Key figures"),
    ("quotes", "Who said what"),
    ("divergences", "Where sources differ"),
    ("unique", "Only in one report"),
    ("sources", "Sources"),
    ("rejected", "Rejected inputs"),
)
_PLAIN_CUES = frozenset({"said", "says", "say"})
# Cues that only say that something was said, so "said that …" renders them faithfully.
_SPEECH_CUES = frozenset(
    "said says say saying told tells tell added adding says announced announces stated noted wrote "
    "tweeted reported reports".split()
)
_LOWERED_STARTS = frozenset("the a an about some it this there they he she we many most all".split())
_QUOTE_PAIRS = {'"': '"', "“": "”", "„": "“", "«": "»", "‘": "’", "'": "'"}


@dataclass(frozen=True, slots=True)
class Ref:
    """One citation marker: the note's number, and whether this is its first use in the brief."""

    number: int
    first: bool


@dataclass(frozen=True, slots=True)
class Note:
    """A numbered citation, as the appendix (or the footnotes) lists it."""

    number: int
    citation: Citation
    title: str  # title of the cited report, "" when the brief does not list it


@dataclass(frozen=True, slots=True)
class Line:
    """A statement and the notes it rests on."""

    text: str
    refs: tuple[Ref, ...]


@dataclass(frozen=True, slots=True)
class Group(Generic[R]):
    """Rows under one heading (an entity type, a figure series, a speaker, a divergence kind)."""

    key: str
    label: str
    rows: tuple[R, ...]
    blurb: str = ""


@dataclass(frozen=True, slots=True)
class TimelineRow:
    date: str
    label: str
    precision: str
    text: str
    reports: tuple[str, ...]
    refs: tuple[Ref, ...]
    planned: bool = False


@dataclass(frozen=True, slots=True)
class EntityRow:
    name: str
    aliases: tuple[str, ...]
    mentions: int
    reports: tuple[str, ...]
    refs: tuple[Ref, ...]


@dataclass(frozen=True, slots=True)
class FigureRow:
    text: str
    counts: str
    context: str
    date_label: str
    reports: tuple[str, ...]
    refs: tuple[Ref, ...]


@dataclass(frozen=True, slots=True)
class QuoteRow:
    kind: str
    text: str  # direct: without outer quotation marks; others: without a leading "that"
    cue: str  # "" when the cue is a plain "said": the brief already says so
    speaker_text: str
    refs: tuple[Ref, ...]
    # Words printed before a reported statement: "said that", or its own cue ("also urged").
    lead: str = "said that"


@dataclass(frozen=True, slots=True)
class DivergenceRow:
    kind: str
    summary: str
    refs: tuple[Ref, ...]  # citations that belong to no single item
    items: tuple[Line, ...]


@dataclass(frozen=True, slots=True)
class UniqueRow:
    report: str
    text: str
    reason: str
    refs: tuple[Ref, ...]


@dataclass(frozen=True, slots=True)
class DocumentRow:
    id: str
    title: str
    published: str
    how: str
    confidence: str
    explanation: str
    words: int
    duplicate_of: str | None
    notes: tuple[str, ...]
    refs: tuple[Ref, ...]


@dataclass(frozen=True, slots=True)
class RejectionRow:
    path: str
    code: str
    reason: str
    refs: tuple[Ref, ...]


@dataclass(frozen=True, slots=True)
class BriefView:
    title: str
    story_id: str
    schema_version: str
    summary: str
    sections: tuple[tuple[str, str, int], ...]  # (anchor, heading, number of items)
    timeline: tuple[TimelineRow, ...]
    entities: tuple[Group[EntityRow], ...]
    figures: tuple[Group[FigureRow], ...]
    quotes: tuple[Group[QuoteRow], ...]
    divergences: tuple[Group[DivergenceRow], ...]
    unique: tuple[UniqueRow, ...]
    documents: tuple[DocumentRow, ...]
    rejections: tuple[RejectionRow, ...]
    notes: tuple[Note, ...]


class Numbering:
    """Numbers citations in order of first use; identical citations share one number."""

    def __init__(self) -> None:
        self._numbers: dict[Citation, int] = {}

    def refs(self, citations: Iterable[Citation]) -> tuple[Ref, ...]:
        """Return the markers for ``citations``, numbering the ones not seen before."""
        refs = []
        for citation in dict.fromkeys(citations):
            number = self._numbers.get(citation)
            first = number is None
            if number is None:
                number = self._numbers[citation] = len(self._numbers) + 1
            refs.append(Ref(number, first))
        return tuple(refs)

    def notes(self, titles: dict[str, str]) -> tuple[Note, ...]:
        """Return every numbered citation in number order."""
        return tuple(Note(n, c, titles.get(c.report, "")) for c, n in self._numbers.items())


def format_date(value: str | None, precision: str = "day") -> str:
    """Return a date as a reader writes it: "Wed 26 Jul 2023", "Jul 2023" or "2023"."""
    if not value:
        return "undated"
    try:
        day = date.fromisoformat(value)
    except ValueError:
        return value
    month = _MONTHS[day.month - 1]
    if precision == "year":
        return str(day.year)
    if precision == "month":
        return f"{month} {day.year}"
    return f"{_DAYS[day.weekday()]} {day.day} {month} {day.year}"


def reports_of(citations: Iterable[Citation]) -> tuple[str, ...]:
    """Return the ids of the cited reports in order of first citation."""
    return tuple(dict.fromkeys(c.report for c in citations))


def build_view(brief: Brief) -> BriefView:
    """Return the brief arranged for reading, its citations numbered in reading order."""
    numbering = Numbering()
    # Build in the order the sections are read: citation numbers follow first use.
    timeline = tuple(_timeline_row(entry, numbering) for entry in brief.timeline)
    entities = _entity_groups(brief.entities, numbering)
    figures = _figure_groups(brief.figures, numbering)
    quotes = _quote_groups(brief.quotes, numbering)
    divergences = _divergence_groups(brief.divergences, numbering)
    unique = tuple(UniqueRow(u.report, u.text, u.reason, numbering.refs(u.citations)) for u in brief.unique)
    documents = tuple(_document_row(d, numbering) for d in brief.documents)
    rejections = tuple(
        RejectionRow(r.path, r.code, r.reason, numbering.refs(r.citations)) for r in brief.rejections
    )
    counts = (
        len(timeline),
        len(brief.entities),
        len(brief.figures),
        sum(len(g.rows) for g in quotes),
        len(brief.divergences),
        len(unique),
        len(documents),
        len(rejections),
    )
    return BriefView(
        title=brief.title,
        story_id=brief.story_id,
        schema_version=brief.schema_version,
        summary=summarise(brief),
        sections=tuple((key, label, n) for (key, label), n in zip(SECTIONS, counts, strict=True)),
        timeline=timeline,
        entities=entities,
        figures=figures,
        quotes=quotes,
        divergences=divergences,
        unique=unique,
        documents=documents,
        rejections=rejections,
        notes=numbering.notes({d.id: d.title for d in brief.documents}),
    )


def summarise(brief: Brief) -> str:
    """Return one paragraph: how many reports, the dates they span, how many inputs were rejected."""
    originals = [d for d in brief.documents if d.duplicate_of is None]
    duplicates = len(brief.documents) - len(originals)
    text = f"This brief draws on {_plural(len(originals), 'report')}"
    if duplicates:
        text += f" (and {_plural(duplicates, 'duplicate')} set aside)"
    text += _published_span(originals) + "."
    text += _event_span(brief)
    rejected = len(brief.rejections)
    if not rejected:
        return text + " No input was rejected."
    return text + f" {_plural(rejected, 'input')} {'was' if rejected == 1 else 'were'} rejected."


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


def _published_span(documents: Sequence[BriefDocument]) -> str:
    dates = sorted(d.published for d in documents if d.published)
    undated = len(documents) - len(dates)
    text = ""
    if dates:
        first, last = format_date(dates[0]), format_date(dates[-1])
        text = f", published on {first}" if first == last else f", published between {first} and {last}"
    if undated:
        text += f" ({undated} undated)" if dates else ", none of them dated"
    return text


def _event_span(brief: Brief) -> str:
    days = sorted(e.date for e in brief.timeline if e.precision == "day")
    if not days:
        return ""
    text = f" Dated events run from {format_date(days[0])} to {format_date(days[-1])}"
    older = [e for e in brief.timeline if e.precision != "day" and e.date < days[0]]
    if older:
        oldest = min(older, key=lambda e: e.date)
        text += f", with background going back to {format_date(oldest.date, oldest.precision)}"
    return text + "."


def _group(items: Iterable[T], key: Callable[[T], str]) -> dict[str, list[T]]:
    groups: dict[str, list[T]] = {}
    for item in items:
        groups.setdefault(key(item), []).append(item)
    return groups


def _timeline_row(entry: BriefTimelineEntry, numbering: Numbering) -> TimelineRow:
    refs = numbering.refs(entry.citations)
    label = format_date(entry.date, entry.precision)
    reports = entry.reports or reports_of(entry.citations)
    planned = entry.status == "planned"
    return TimelineRow(entry.date, label, entry.precision, entry.text, reports, refs, planned)


def entity_group_of(entity_type: str) -> tuple[str, str]:
    """Return the (key, label) of the Who's who group an entity type belongs to."""
    upper = entity_type.upper()
    for key, label, types in ENTITY_GROUPS:
        if upper in types or upper.rstrip("S") in types:
            return key, label
    return "other", "Other"


def _entity_groups(entities: Sequence[BriefEntity], numbering: Numbering) -> tuple[Group[EntityRow], ...]:
    order = [key for key, _, _ in ENTITY_GROUPS] + ["other"]
    groups = _group(entities, lambda e: entity_group_of(e.type)[0])
    labels = {entity_group_of(e.type)[0]: entity_group_of(e.type)[1] for e in entities}
    return tuple(
        Group(key, labels[key], tuple(_entity_row(e, numbering) for e in groups[key]))
        for key in order
        if key in groups
    )


def _entity_row(entity: BriefEntity, numbering: Numbering) -> EntityRow:
    aliases = tuple(a for a in entity.aliases if a != entity.name)
    reports = entity.reports or reports_of(entity.citations)
    return EntityRow(entity.name, aliases, entity.mentions, reports, numbering.refs(entity.citations))


def _figure_groups(figures: Sequence[BriefFigure], numbering: Numbering) -> tuple[Group[FigureRow], ...]:
    groups = _group(figures, lambda f: f.series)
    return tuple(
        Group(series, series or "Other figures", tuple(_figure_row(f, numbering) for f in rows))
        for series, rows in groups.items()
    )


def _figure_row(figure: BriefFigure, numbering: Numbering) -> FigureRow:
    refs = numbering.refs(figure.citations)
    date_label = format_date(figure.date) if figure.date else ""
    return FigureRow(
        figure.text, figure.counts, figure.context, date_label, reports_of(figure.citations), refs
    )


def speaker_of(quote: BriefQuote) -> str:
    """Return the heading a quote goes under: its speaker, or how the report describes one."""
    if quote.speaker:
        return quote.speaker
    if quote.speaker_text:
        described = quote.speaker_text.rstrip(", ")  # "a spokesman for the ministry," as PolNeAR marks it
        return f"{described[:1].upper()}{described[1:]} (not named)"
    return "Unattributed"


def _quote_groups(quotes: Sequence[BriefQuote], numbering: Numbering) -> tuple[Group[QuoteRow], ...]:
    groups = _group(quotes, speaker_of)
    return tuple(
        Group(speaker, speaker, tuple(_quote_rows(rows, numbering))) for speaker, rows in groups.items()
    )


def _quote_rows(quotes: Sequence[BriefQuote], numbering: Numbering) -> list[QuoteRow]:
    # The same words reported twice (or cited twice) are one statement with several sources.
    same = _group(quotes, lambda q: f"{q.kind}|{' '.join(_bare(q.text).casefold().split())}")
    rows = []
    for copies in same.values():
        quote = copies[0]
        refs = numbering.refs(c for q in copies for c in q.citations)
        cue = "" if quote.cue.casefold() in _PLAIN_CUES else quote.cue
        lead = _lead(quote)
        if lead != "said that" and quote.kind != "direct":
            cue = ""  # the cue is printed as the lead
        rows.append(QuoteRow(quote.kind, _shown(quote, lead), cue, quote.speaker_text, refs, lead))
    return rows


def _lead(quote: BriefQuote) -> str:
    """Return the words before a reported statement: its cue, unless that is a plain speech verb."""
    words = quote.cue.casefold().rstrip(":, ").split()
    if not words or words[-1] in _SPEECH_CUES or quote.cue.casefold().startswith("according to"):
        return "said that"
    # A cue that is not "said" carries the meaning: "urged its citizens to …", "called for …".
    return quote.cue.rstrip(":, ")


def _shown(quote: BriefQuote, lead: str = "said that") -> str:
    """Return a quote's words as the brief prints them after “…” or after its lead ("said that …")."""
    if quote.kind == "direct":
        return _bare(quote.text)
    text = " ".join(quote.text.split())
    if lead != "said that":
        return text
    text = text[5:] if text[:5].casefold() == "that " else text
    first, _, rest = text.partition(" ")
    # "said that The United States …": a sentence's capital is not part of the statement.
    return f"{first.lower()} {rest}" if first.casefold() in _LOWERED_STARTS and rest else text


def _bare(text: str) -> str:
    """Return a direct quote without its outer pair of quotation marks and trailing comma."""
    text = text.strip()
    inner = text[1:-1]
    if len(text) > 1 and _QUOTE_PAIRS.get(text[0]) == text[-1] and text[0] not in inner:
        text = inner.strip()
    return text.removesuffix(",")


def _divergence_groups(
    divergences: Sequence[BriefDivergence], numbering: Numbering
) -> tuple[Group[DivergenceRow], ...]:
    order = [*DIVERGENCE_KINDS, *(d.kind for d in divergences)]
    groups = _group(divergences, lambda d: d.kind)
    return tuple(
        Group(
            kind,
            DIVERGENCE_KINDS.get(kind, (kind.capitalize(), ""))[0],
            tuple(_divergence_row(d, numbering) for d in groups[kind]),
            DIVERGENCE_KINDS.get(kind, ("", ""))[1],
        )
        for kind in dict.fromkeys(order)
        if kind in groups
    )


def _divergence_row(divergence: BriefDivergence, numbering: Numbering) -> DivergenceRow:
    if len(divergence.items) == len(divergence.citations):
        # One citation per item: each item shows its own source.
        pairs = zip(divergence.items, divergence.citations, strict=True)
        items = tuple(Line(text, numbering.refs([citation])) for text, citation in pairs)
        return DivergenceRow(divergence.kind, divergence.summary, (), items)
    refs = numbering.refs(divergence.citations)
    items = tuple(Line(t, ()) for t in divergence.items)
    return DivergenceRow(divergence.kind, divergence.summary, refs, items)


def _document_row(document: BriefDocument, numbering: Numbering) -> DocumentRow:
    return DocumentRow(
        id=document.id,
        title=document.title,
        published=format_date(document.published),
        how=document.published_how,
        confidence=f"{document.published_confidence:.0%}",
        explanation=document.published_explanation,
        words=document.words,
        duplicate_of=document.duplicate_of,
        notes=document.notes,
        refs=numbering.refs(document.citations),
    )


def short_labels(report_ids: Iterable[str]) -> dict[str, str]:
    """Return a short label per report id: the part before "_" when that is unique, else the id."""
    ids = list(dict.fromkeys(report_ids))
    prefixes = [i.split("_", 1)[0] for i in ids]
    return {i: p if prefixes.count(p) == 1 else i for i, p in zip(ids, prefixes, strict=True)}
