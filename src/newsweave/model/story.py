"""What the align stage builds across the reports of one story."""

from __future__ import annotations

from dataclasses import dataclass

from newsweave.model.items import Figure, Quote, Span, TimeValue
from newsweave.model.report import AnalysedReport, Rejection, ReportDate


@dataclass(frozen=True, slots=True)
class Actor:
    """A person, organisation or place, merged across reports."""

    name: str  # canonical name
    type: str
    aliases: tuple[str, ...]  # every other way the reports write it
    mentions: tuple[Span, ...]
    reports: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class DatedStatement:
    """A sentence of one report placed on the calendar through one of its time expressions."""

    sentence: Span
    timex: Span
    time: TimeValue
    text: str
    tense: str = "past"  # of the clause the time expression modifies


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    """One event on the story's timeline; its statements come from one or more reports."""

    date: str  # YYYY-MM-DD, the first day of the period for month and year precision
    precision: str  # day, month or year
    text: str  # the representative statement
    statements: tuple[DatedStatement, ...]

    @property
    def reports(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(s.sentence.report_id for s in self.statements))

    @property
    def status(self) -> str:
        """Return "planned" when every report announces the event in the future tense, else "reported"."""
        return "planned" if all(s.tense == "future" for s in self.statements) else "reported"


@dataclass(frozen=True, slots=True)
class DatedFigure:
    """A figure with the date it was reported on (the report's date) when known."""

    figure: Figure
    reported_on: str | None  # YYYY-MM-DD


@dataclass(frozen=True, slots=True)
class FigureSeries:
    """The same kind of quantity as different reports (or dates) give it."""

    key: str
    label: str
    figures: tuple[DatedFigure, ...]


@dataclass(frozen=True, slots=True)
class AttributedQuote:
    """A quote whose speaker is resolved to a canonical actor where possible."""

    quote: Quote
    speaker: str | None  # canonical actor name, or None
    also_in: tuple[Span, ...] = ()  # the same statement attributed to the same speaker elsewhere


@dataclass(frozen=True, slots=True)
class Divergence:
    """Where the reports (or one report with itself) do not agree."""

    kind: str  # update, conflict, inconsistency
    summary: str
    items: tuple[Span, ...]
    item_texts: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class UniqueDetail:
    """A statement that only one report makes."""

    sentence: Span
    text: str
    reason: str


@dataclass(frozen=True, slots=True)
class Story:
    """One story: its reports and everything aligned across them."""

    id: str
    title: str
    reports: tuple[AnalysedReport, ...]
    duplicates: tuple[AnalysedReport, ...]
    report_dates: tuple[ReportDate, ...]
    actors: tuple[Actor, ...]
    timeline: tuple[TimelineEntry, ...]
    figure_series: tuple[FigureSeries, ...]
    quotes: tuple[AttributedQuote, ...]
    divergences: tuple[Divergence, ...]
    unique: tuple[UniqueDetail, ...]
    rejections: tuple[Rejection, ...] = ()

    def report_date(self, report_id: str) -> ReportDate | None:
        return next((d for d in self.report_dates if d.report_id == report_id), None)
