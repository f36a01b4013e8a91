"""Orchestration: the only place that knows the order of the stages.

ingest → analyse (per report) → align (across reports, per story) → render.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from newsweave.align import align_story, group_into_stories
from newsweave.ingest import load_reports
from newsweave.model import AnalysedReport, Brief, Rejection, Report, Story
from newsweave.render import write_brief, write_index
from newsweave.render.select import select_brief
from newsweave.run.analysis import Progress, analyse_cached
from newsweave.settings import Settings

EXIT_OK, EXIT_SOME_REJECTED, EXIT_USAGE, EXIT_NOTHING_USABLE = 0, 1, 2, 3


@dataclass(frozen=True, slots=True)
class RunResult:
    """What a run produced: one story (and brief) per story in the pile, and the rejected inputs."""

    stories: tuple[Story, ...]
    briefs: tuple[Brief, ...]
    rejections: tuple[Rejection, ...]
    reports_read: int
    notes: tuple[str, ...] = ()  # what went wrong without stopping the run (an unusable cache)

    @property
    def exit_code(self) -> int:
        if not self.stories:
            return EXIT_NOTHING_USABLE
        return EXIT_SOME_REJECTED if self.rejections else EXIT_OK


def build_briefs(
    paths: Sequence[str | Path], settings: Settings = Settings(), progress: Progress | None = None
) -> RunResult:
    """Return the stories and briefs of the reports found under ``paths``."""
    notify = progress or (lambda stage, done, total: None)
    ingested = load_reports(list(paths), settings)
    originals = [r for r in ingested.reports if r.duplicate_of is None]
    notes: list[str] = []
    analysed = list(analyse_cached(originals, settings, notify, notes))
    duplicates = [_unanalysed(r) for r in ingested.reports if r.duplicate_of is not None]
    groups = group_into_stories(analysed, settings)
    stories = []
    for index, group in enumerate(groups, start=1):
        ids = {a.report.id for a in group}
        story_duplicates = [d for d in duplicates if d.report.duplicate_of in ids]
        stories.append(align_story(group, story_duplicates, ingested.rejections, settings))
        notify("align", index, len(groups))
    briefs = tuple(select_brief(story) for story in stories)
    return RunResult(tuple(stories), briefs, ingested.rejections, len(ingested.reports), tuple(notes))


def write_outputs(
    result: RunResult, out_dir: Path, formats: Sequence[str] = ("json", "md", "html")
) -> tuple[Path, ...]:
    """Write the briefs: DIR/brief.* for one story, DIR/<story>/brief.* and DIR/index.json for several."""
    if len(result.briefs) == 1:
        return write_brief(result.briefs[0], out_dir, formats)
    written: list[Path] = []
    entries = []
    for story, brief in zip(result.stories, result.briefs, strict=True):
        folder = out_dir / story.id
        written += write_brief(brief, folder, formats)
        entries.append((story.id, story.title, len(story.reports), folder))
    written.append(write_index(entries, out_dir))
    return tuple(written)


def _unanalysed(report: Report) -> AnalysedReport:
    # A duplicate is kept as evidence of its original; its text is not analysed twice.
    return AnalysedReport(report=report, sentences=(), mentions=(), timexes=(), figures=(), quotes=())
