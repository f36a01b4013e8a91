"""Orchestration of ``newsweave timeline``: ingest → analyse → summarise the whole pile → render.

The pile is one timeline (a long story's reports are not split into stories first: months of an
oil spill are one timeline even when its reports drift apart in vocabulary).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from newsweave.align.summarise import SummaryOptions, report_dates, summarise
from newsweave.ingest import load_reports
from newsweave.model import AnalysedReport, Rejection
from newsweave.model.timeline import Timeline, TimelineDocument, TimelineRejection
from newsweave.render.timeline import write_timeline
from newsweave.run.analysis import Progress, analyse_cached
from newsweave.run.pipeline import EXIT_NOTHING_USABLE, EXIT_OK, EXIT_SOME_REJECTED
from newsweave.settings import Settings

__all__ = [
    "SummaryOptions",
    "TimelineResult",
    "build_timeline_file",
    "summarise_analysed",
    "write_timeline_outputs",
]


@dataclass(frozen=True, slots=True)
class TimelineResult:
    """The timeline, the report texts its citations point into, and the inputs turned away."""

    timeline: Timeline
    texts: dict[str, str]
    rejections: tuple[Rejection, ...]
    reports_read: int
    notes: tuple[str, ...] = ()  # what went wrong without stopping the run (an unusable cache)

    @property
    def exit_code(self) -> int:
        if not self.texts:
            return EXIT_NOTHING_USABLE
        return EXIT_SOME_REJECTED if self.rejections else EXIT_OK


def build_timeline_file(
    paths: Sequence[str | Path],
    options: SummaryOptions | None = None,
    settings: Settings = Settings(),
    progress: Progress | None = None,
) -> TimelineResult:
    """Return the summarised timeline of the reports found under ``paths``."""
    notify = progress or (lambda stage, done, total: None)
    ingested = load_reports(list(paths), settings)
    originals = [r for r in ingested.reports if r.duplicate_of is None]
    notes: list[str] = []
    analysed = list(analyse_cached(originals, settings, notify, notes))
    timeline = summarise_analysed(analysed, options, ingested.rejections)
    notify("summarise", 1, 1)
    texts = {a.report.id: a.report.text for a in analysed}
    return TimelineResult(timeline, texts, ingested.rejections, len(ingested.reports), tuple(notes))


def summarise_analysed(
    analysed: Sequence[AnalysedReport],
    options: SummaryOptions | None = None,
    rejections: Sequence[Rejection] = (),
) -> Timeline:
    """Return the timeline of already analysed reports."""
    dates_of = report_dates(analysed)
    days = summarise(analysed, options or SummaryOptions(), dates_of) if analysed else ()
    documents = tuple(
        TimelineDocument(
            id=a.report.id,
            path=a.report.path,
            title=a.report.title,
            published=dates_of[a.report.id].value,
            published_how=a.report.published_how or dates_of[a.report.id].explanation,
        )
        for a in analysed
    )
    return Timeline(
        title=_title(analysed),
        days=days,
        documents=documents,
        rejections=tuple(TimelineRejection(r.path, r.code, r.reason) for r in rejections),
    )


def write_timeline_outputs(
    result: TimelineResult, out_dir: Path, formats: Sequence[str] = ("json", "md", "html", "txt")
) -> tuple[Path, ...]:
    """Write timeline.<format> into ``out_dir``; return the paths written."""
    return write_timeline(result.timeline, result.texts, out_dir, formats)


def _title(analysed: Sequence[AnalysedReport]) -> str:
    titled = [a.report.title for a in analysed if a.report.title]
    return f"Timeline: {titled[0]}" if titled else "Timeline"
