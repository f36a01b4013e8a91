"""Report dates, given or inferred from the text (align/resolve.py puts time expressions on the calendar).

No library estimates the date of an undated report from its text, so this is ours: the latest
explicit day the report mentions is the anchor; weekday mentions in past-tense reporting are the
days around it; the report date is the latest of them. A year missing from the report comes from
the other reports of the pile.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import date, timedelta

from newsweave.align.resolve import WEEKDAY_NAMES
from newsweave.model import AnalysedReport, ReportDate, TimeExpression


def pile_year(analysed: Iterable[AnalysedReport]) -> int | None:
    """Return the year most written in full day dates across the pile, to lend to reports without one."""
    years = Counter(
        t.year
        for a in analysed
        for t in a.timexes
        if t.year is not None and t.day is not None and t.month is not None
    )
    return years.most_common(1)[0][0] if years else None


def infer_report_date(analysed: AnalysedReport, year_hint: int | None) -> ReportDate:
    """Return the report's publication date: given by the input, or inferred from its own text."""
    report = analysed.report
    if report.published is not None:
        how = report.published_how or "given in input"
        return ReportDate(report.id, report.published, "given", 1.0, f"publication date {how}")
    explicit = [
        (t, d)
        for t in analysed.timexes
        if (d := explicit_day(t, year_hint)) is not None and t.tense != "future"
    ]
    if not explicit:
        return ReportDate(
            report.id, None, "unknown", 0.0, "the text names no calendar day to anchor its date"
        )
    # The latest day; among mentions of it, one with its weekday written beside it is the surest.
    anchor_timex, anchor = max(explicit, key=lambda pair: (pair[1], pair[0].weekday == pair[1].weekday()))
    latest, latest_timex = anchor, anchor_timex
    for timex in analysed.timexes:
        if timex.weekday is None or timex.month is not None or timex.tense == "future" or timex.relative:
            continue
        day = _nearest_weekday(anchor, timex.weekday)
        if day > latest:
            latest, latest_timex = day, timex
    confidence, how = _confidence(anchor_timex, anchor, latest, year_hint)
    explanation = _explain(anchor_timex, anchor, latest_timex, latest, how)
    evidence = tuple(dict.fromkeys([anchor_timex.span, latest_timex.span]))
    return ReportDate(report.id, latest, "inferred", confidence, explanation, evidence)


def explicit_day(timex: TimeExpression, year_hint: int | None) -> date | None:
    """Return the calendar day a timex writes out (month and day), borrowing a year if it has none."""
    if timex.month is None or timex.day is None:
        return None
    year = timex.year or _year_for(timex, year_hint)
    if year is None:
        return None
    try:
        return date(year, timex.month, timex.day)
    except ValueError:
        return None


def _year_for(timex: TimeExpression, year_hint: int | None) -> int | None:
    if year_hint is not None:
        return year_hint
    if timex.weekday is None:
        return None
    # With no year anywhere in the pile, a weekday beside the date names the most recent year it fits.
    for year in range(date.today().year, date.today().year - 12, -1):
        try:
            if date(year, timex.month or 1, timex.day or 1).weekday() == timex.weekday:
                return year
        except ValueError:
            continue
    return None


def _nearest_weekday(anchor: date, weekday: int) -> date:
    delta = (weekday - anchor.weekday()) % 7
    return anchor + timedelta(days=delta if delta <= 3 else delta - 7)


def _confidence(
    anchor_timex: TimeExpression, anchor: date, latest: date, year_hint: int | None
) -> tuple[float, str]:
    paired = anchor_timex.weekday is not None and anchor_timex.weekday == anchor.weekday()
    year_given = anchor_timex.year is not None
    confidence = (
        0.6 + (0.2 if paired else 0.0) + (0.1 if year_given else 0.0) - (0.1 if latest == anchor else 0.0)
    )
    how = "year from the other reports" if not year_given else "year written in the report"
    return round(min(confidence, 0.95), 2), how


def _explain(
    anchor_timex: TimeExpression, anchor: date, latest_timex: TimeExpression, latest: date, how: str
) -> str:
    text = f"latest day written out: {anchor_timex.text!r} = {anchor.isoformat()} ({how})"
    if latest != anchor:
        text += f"; latest weekday reported in the past tense: {latest_timex.text!r} = {latest.isoformat()}"
    else:
        text += "; no later weekday is mentioned, so the report may be later than this"
    return text


def weekday_conflict(timex: TimeExpression, year_hint: int | None) -> tuple[date, str] | None:
    """Return the written date and the weekday it really falls on, when the weekday beside it is wrong."""
    if timex.weekday is None:
        return None
    written = explicit_day(timex, year_hint)
    if written is None or written.weekday() == timex.weekday:
        return None
    return written, WEEKDAY_NAMES[written.weekday()]
