"""The brief: what a reader gets, in the shape of the brief.json contract.

Every item carries citations: the exact source substrings it rests on.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from typing import Any, TypeVar

SCHEMA_VERSION = "1.0"

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Citation:
    report: str
    start: int
    end: int
    text: str  # exactly report_text[start:end]


@dataclass(frozen=True, slots=True)
class BriefDocument:
    id: str
    path: str
    title: str
    published: str | None
    published_how: str
    published_confidence: float
    published_explanation: str
    words: int
    duplicate_of: str | None
    notes: tuple[str, ...]
    citations: tuple[Citation, ...]


@dataclass(frozen=True, slots=True)
class BriefTimelineEntry:
    date: str
    precision: str
    text: str
    reports: tuple[str, ...]
    citations: tuple[Citation, ...]
    status: str = "reported"  # or "planned": announced for that day in the future tense


@dataclass(frozen=True, slots=True)
class BriefEntity:
    name: str
    type: str
    aliases: tuple[str, ...]
    mentions: int
    reports: tuple[str, ...]
    citations: tuple[Citation, ...]


@dataclass(frozen=True, slots=True)
class BriefFigure:
    value: float | None
    low: float | None
    high: float | None
    text: str
    counts: str
    context: str
    date: str | None
    series: str
    citations: tuple[Citation, ...]


@dataclass(frozen=True, slots=True)
class BriefQuote:
    speaker: str | None
    speaker_text: str
    text: str
    kind: str
    cue: str
    citations: tuple[Citation, ...]
    # Where each part stands in its report: the content (in pieces when the cue interrupts it),
    # the cue and the source as written; None when the report gives no cue or source.
    content_spans: tuple[Citation, ...] = ()
    cue_span: Citation | None = None
    source_span: Citation | None = None


@dataclass(frozen=True, slots=True)
class BriefDivergence:
    kind: str
    summary: str
    items: tuple[str, ...]
    citations: tuple[Citation, ...]


@dataclass(frozen=True, slots=True)
class BriefUnique:
    report: str
    text: str
    reason: str
    citations: tuple[Citation, ...]


@dataclass(frozen=True, slots=True)
class BriefRejection:
    path: str
    code: str
    reason: str
    citations: tuple[Citation, ...] = ()


@dataclass(frozen=True, slots=True)
class Brief:
    story_id: str
    title: str
    documents: tuple[BriefDocument, ...]
    timeline: tuple[BriefTimelineEntry, ...]
    entities: tuple[BriefEntity, ...]
    figures: tuple[BriefFigure, ...]
    quotes: tuple[BriefQuote, ...]
    divergences: tuple[BriefDivergence, ...]
    unique: tuple[BriefUnique, ...]
    rejections: tuple[BriefRejection, ...]
    schema_version: str = SCHEMA_VERSION

    def to_dict(self) -> dict[str, Any]:
        """Return the brief as plain JSON-ready data (lists, not tuples)."""
        data: dict[str, Any] = _lists(asdict(self))
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Brief:
        """Return the brief that ``to_dict`` wrote."""
        if data.get("schema_version") != SCHEMA_VERSION:
            raise ValueError(f"unsupported brief schema_version {data.get('schema_version')!r}")
        item_types = {
            "documents": BriefDocument,
            "timeline": BriefTimelineEntry,
            "entities": BriefEntity,
            "figures": BriefFigure,
            "quotes": BriefQuote,
            "divergences": BriefDivergence,
            "unique": BriefUnique,
            "rejections": BriefRejection,
        }
        parts: dict[str, Any] = {
            name: tuple(_item(kind, row) for row in data[name]) for name, kind in item_types.items()
        }
        return cls(
            story_id=data["story_id"], title=data["title"], schema_version=data["schema_version"], **parts
        )


def _item(kind: type[T], row: dict[str, Any]) -> T:
    values = {}
    for f in fields(kind):  # type: ignore[arg-type]
        value = row[f.name]
        if f.name in ("citations", "content_spans"):
            value = tuple(Citation(**c) for c in value)
        elif isinstance(value, dict):
            value = Citation(**value)
        elif isinstance(value, list):
            value = tuple(value)
        values[f.name] = value
    return kind(**values)


def _lists(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _lists(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_lists(v) for v in value]
    return value
