"""A summarised timeline: the days that matter in a pile of reports, a few sourced sentences each.

Written by ``newsweave timeline``; its JSON cites sources with the brief's citation shape.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from newsweave.model.items import Span

TIMELINE_SCHEMA_VERSION = "1.0"


@dataclass(frozen=True, slots=True)
class TimelineSentence:
    """A sentence chosen to say what happened on its day, with where it came from."""

    span: Span
    text: str  # exactly the report text the span covers
    # "mentions the day": the sentence dates itself to the day; "lead of a report published that day
    # or the next": a report's opening sentence, dated by its publication.
    how: str
    score: float  # closeness to what the day's reports say, 0..1
    # The same news in other reports, left out so as not to repeat it: evidence, not shown twice.
    also_in: tuple[Span, ...] = ()


@dataclass(frozen=True, slots=True)
class TimelineDay:
    """One chosen day, why it was chosen, and its sentences."""

    day: date
    score: float  # how much the pile refers to the day; days are chosen by it
    published: int  # reports published that day
    mentioned: int  # reports whose text places something on that day
    sentences: tuple[TimelineSentence, ...]


@dataclass(frozen=True, slots=True)
class TimelineDocument:
    """A report the timeline was made from, with its date and how that date was found."""

    id: str
    path: str
    title: str
    published: date | None
    published_how: str


@dataclass(frozen=True, slots=True)
class TimelineRejection:
    path: str
    code: str
    reason: str


@dataclass(frozen=True, slots=True)
class Timeline:
    """The days chosen, in calendar order, and the reports (and rejected inputs) they were chosen from."""

    title: str
    days: tuple[TimelineDay, ...]
    documents: tuple[TimelineDocument, ...]
    rejections: tuple[TimelineRejection, ...] = ()
    schema_version: str = TIMELINE_SCHEMA_VERSION

    def to_dict(self, texts: dict[str, str] | None = None) -> dict[str, Any]:
        """Return JSON-ready data; each sentence cites its source, brief-style (report, start, end, text).

        ``texts`` (report id → text) fills the citation text of the left-out repeats; the chosen
        sentence's own citation text is the sentence.
        """
        return {
            "schema_version": self.schema_version,
            "title": self.title,
            "days": [_day_dict(day, texts or {}) for day in self.days],
            "documents": [
                {
                    "id": d.id,
                    "path": d.path,
                    "title": d.title,
                    "published": d.published.isoformat() if d.published else None,
                    "published_how": d.published_how,
                }
                for d in self.documents
            ],
            "rejections": [{"path": r.path, "code": r.code, "reason": r.reason} for r in self.rejections],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Timeline:
        """Return the timeline that ``to_dict`` wrote."""
        if data.get("schema_version") != TIMELINE_SCHEMA_VERSION:
            raise ValueError(f"unsupported timeline schema_version {data.get('schema_version')!r}")
        return cls(
            title=data["title"],
            days=tuple(_day_from(row) for row in data["days"]),
            documents=tuple(
                TimelineDocument(
                    id=d["id"],
                    path=d["path"],
                    title=d["title"],
                    published=date.fromisoformat(d["published"]) if d["published"] else None,
                    published_how=d["published_how"],
                )
                for d in data["documents"]
            ),
            rejections=tuple(TimelineRejection(**r) for r in data["rejections"]),
        )


def _citation(span: Span, text: str) -> dict[str, Any]:
    return {"report": span.report_id, "start": span.start, "end": span.end, "text": text}


def _day_dict(day: TimelineDay, texts: dict[str, str]) -> dict[str, Any]:
    return {
        "date": day.day.isoformat(),
        "score": day.score,
        "published": day.published,
        "mentioned": day.mentioned,
        "sentences": [
            {
                "text": s.text,
                "how": s.how,
                "score": s.score,
                "reports": list(dict.fromkeys([s.span.report_id, *(a.report_id for a in s.also_in)])),
                "citations": [_citation(s.span, s.text)]
                + [_citation(a, a.text_of(texts.get(a.report_id, ""))) for a in s.also_in],
            }
            for s in day.sentences
        ],
    }


def _day_from(row: dict[str, Any]) -> TimelineDay:
    sentences = []
    for s in row["sentences"]:
        first, *rest = s["citations"]
        sentences.append(
            TimelineSentence(
                span=Span(first["report"], first["start"], first["end"]),
                text=s["text"],
                how=s["how"],
                score=s["score"],
                also_in=tuple(Span(c["report"], c["start"], c["end"]) for c in rest),
            )
        )
    return TimelineDay(
        day=date.fromisoformat(row["date"]),
        score=row["score"],
        published=row["published"],
        mentioned=row["mentioned"],
        sentences=tuple(sentences),
    )
