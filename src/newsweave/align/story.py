"""Build one Story from the analysed reports that tell it."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

from newsweave.align.actors import actor_index, build_actors
from newsweave.align.differences import (
    date_inconsistencies,
    dates_after_report,
    timeline_conflicts,
    unique_details,
)
from newsweave.align.figures import build_figure_series, figure_divergences
from newsweave.align.quotes import attribute_quotes
from newsweave.align.report_date import infer_report_date, pile_year
from newsweave.align.timeline import build_timeline, dated_statements
from newsweave.model import AnalysedReport, Rejection, Story
from newsweave.settings import Settings

STAGE_VERSION = "align-1"


def align_story(
    analysed: Sequence[AnalysedReport],
    duplicates: Sequence[AnalysedReport] = (),
    rejections: Sequence[Rejection] = (),
    settings: Settings = Settings(),
) -> Story:
    """Return the story the reports tell together: dates, actors, timeline, figures, quotes, differences."""
    year = pile_year(analysed)
    report_dates = tuple(infer_report_date(a, year) for a in analysed)
    date_of = {d.report_id: d for d in report_dates}
    texts = {a.report.id: a.report.text for a in analysed}
    statements = [s for a in analysed for s in dated_statements(a, date_of[a.report.id], year)]
    timeline = build_timeline(statements, settings)
    actors = build_actors(analysed, settings)
    iso_dates = {k: (v.value.isoformat() if v.value else None) for k, v in date_of.items()}
    series = build_figure_series(analysed, iso_dates)
    divergences = (
        date_inconsistencies(analysed, year)
        + dates_after_report(analysed, date_of, year)
        + timeline_conflicts(timeline)
        + figure_divergences(series, texts)
    )
    return Story(
        id=_story_id(analysed),
        title=_title(analysed, actors),
        reports=tuple(analysed),
        duplicates=tuple(duplicates),
        report_dates=report_dates,
        actors=actors,
        timeline=timeline,
        figure_series=series,
        quotes=attribute_quotes(analysed, actor_index(actors)),
        divergences=divergences,
        unique=unique_details(analysed, texts),
        rejections=tuple(rejections),
    )


def _story_id(analysed: Sequence[AnalysedReport]) -> str:
    digest = hashlib.sha1("\n".join(sorted(a.report.id for a in analysed)).encode()).hexdigest()[:8]
    return f"story-{digest}"


def _title(analysed: Sequence[AnalysedReport], actors) -> str:  # type: ignore[no-untyped-def]
    titled = [a.report.title for a in analysed if a.report.title]
    if titled:
        return titled[0]
    names = [a.name for a in actors if a.type in ("PERSON", "GPE", "ORG")][:3]
    return ", ".join(names) if names else analysed[0].report.id
