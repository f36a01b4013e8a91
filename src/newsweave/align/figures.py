"""Figure series: the same kind of quantity as the reports give it, and how it changed."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence

from newsweave.model import AnalysedReport, DatedFigure, Divergence, Figure, FigureSeries


def build_figure_series(
    analysed: Sequence[AnalysedReport], report_dates: Mapping[str, str | None]
) -> tuple[FigureSeries, ...]:
    """Return one series per counted quantity, its figures in the order they were reported."""
    groups: dict[str, list[DatedFigure]] = defaultdict(list)
    for report in analysed:
        for figure in report.figures:
            key = figure.counts_key or f"unspecified:{report.report.id}:{figure.span.start}"
            groups[key].append(DatedFigure(figure, report_dates.get(report.report.id)))
    series = [
        FigureSeries(key=key, label=_label(figures), figures=tuple(sorted(figures, key=_order)))
        for key, figures in groups.items()
    ]
    return tuple(sorted(series, key=lambda s: (-len(s.figures), s.figures[0].reported_on or "", s.key)))


def figure_divergences(series: Sequence[FigureSeries], texts: Mapping[str, str]) -> tuple[Divergence, ...]:
    """Return updates (a later report gives another figure) and conflicts (same day, incompatible figures)."""
    divergences = []
    for one in series:
        reports = {f.figure.span.report_id for f in one.figures}
        # "people" alone is too vague to compare across reports ("70 citizens" of Spain, "992 people").
        if one.key.startswith("people|") or len(reports) < 2 or not _differ(one.figures):
            continue
        dates = {f.reported_on for f in one.figures}
        kind = "update" if len(dates) > 1 and None not in dates else "conflict"
        steps = " → ".join(_describe(f) for f in one.figures)
        summary = f"{one.label}: {steps}"
        items = tuple(f.figure.span for f in one.figures)
        divergences.append(
            Divergence(kind, summary, items, tuple(s.text_of(texts[s.report_id]) for s in items))
        )
    return tuple(divergences)


def _order(dated: DatedFigure) -> tuple[str, str, int]:
    return (dated.reported_on or "9999", dated.figure.span.report_id, dated.figure.span.start)


def _label(figures: list[DatedFigure]) -> str:
    counts = [f.figure.counts for f in figures if f.figure.counts]
    noun = min(counts, key=len) if counts else "unspecified quantity"
    verb = figures[0].figure.counts_key.partition("|")[2]
    return f"{noun} ({verb})" if verb else noun


def _differ(figures: Sequence[DatedFigure]) -> bool:
    intervals = {_interval(f.figure) for f in figures}
    return len(intervals) > 1


def _interval(figure: Figure) -> tuple[float, float]:
    low = figure.low if figure.low is not None else (figure.value or 0.0)
    high = figure.high if figure.high is not None else float("inf")
    return low, high


def _describe(dated: DatedFigure) -> str:
    figure = dated.figure
    context = f" {figure.context}" if figure.context else ""
    when = dated.reported_on or "undated"
    return f"{figure.text} {figure.counts}{context} ({figure.span.report_id}, {when})"
