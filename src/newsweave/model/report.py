"""Reports as ingested and as analysed, and the inputs that were turned away."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from newsweave.model.items import EntityMention, Figure, Quote, Sentence, Span, TimeExpression


@dataclass(frozen=True, slots=True)
class Rejection:
    """An input that could not be used, with a coded reason."""

    path: str
    code: str  # E101 …, see newsweave.errors
    reason: str


@dataclass(frozen=True, slots=True)
class Report:
    """One news report as read from its source."""

    id: str
    path: str
    text: str
    title: str = ""
    url: str = ""
    outlet: str = ""
    published: date | None = None
    published_how: str = ""  # where the given date came from: "jsonl field", "html metadata", …
    sha1: str = ""
    notes: tuple[str, ...] = ()  # non-fatal remarks (encoding guessed, HTML boilerplate removed, …)
    duplicate_of: str | None = None  # id of the report this one repeats
    duplicate_similarity: float | None = None

    @property
    def words(self) -> int:
        return len(self.text.split())


@dataclass(frozen=True, slots=True)
class ReportDate:
    """A report's publication date, given or inferred, with how sure we are and why."""

    report_id: str
    value: date | None
    how: str  # given, inferred, unknown
    confidence: float  # 0..1
    explanation: str
    evidence: tuple[Span, ...] = ()


@dataclass(frozen=True, slots=True)
class AnalysedReport:
    """Everything the analyse stage finds in one report."""

    report: Report
    sentences: tuple[Sentence, ...]
    mentions: tuple[EntityMention, ...]
    timexes: tuple[TimeExpression, ...]
    figures: tuple[Figure, ...]
    quotes: tuple[Quote, ...]
    # A step that failed on this report, and what of it is missing ("the attribution step failed …").
    problems: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        limit = len(self.report.text)
        for span in self._spans():
            if span.report_id != self.report.id or span.end > limit:
                raise ValueError(f"span {span} lies outside report {self.report.id!r} ({limit} chars)")

    def _spans(self) -> list[Span]:
        spans = [s.span for s in self.sentences] + [m.span for m in self.mentions]
        spans += [t.span for t in self.timexes] + [f.span for f in self.figures]
        for quote in self.quotes:
            spans += [s for s in (quote.content, quote.cue, quote.source, quote.speaker_mention) if s]
            spans += quote.parts
        return spans

    def text_of(self, span: Span) -> str:
        """Return the report text a span covers."""
        return self.report.text[span.start : span.end]


@dataclass(frozen=True, slots=True)
class IngestResult:
    """What ingest made of the inputs: usable reports (duplicates marked) and rejections."""

    reports: tuple[Report, ...]
    rejections: tuple[Rejection, ...]
