"""Calendar days written out in a report, and weekdays that contradict the date beside them.

Report-date inference lives in align/report_date.py; align/resolve.py puts time expressions on the calendar.
"""

from __future__ import annotations

from datetime import date

from newsweave.align.resolve import WEEKDAY_NAMES, written_day
from newsweave.model import TimeExpression


def explicit_day(timex: TimeExpression, year_hint: int | None) -> date | None:
    """Return the calendar day a timex writes out (month and day), borrowing a year if it has none."""
    if timex.month is None or timex.day is None:
        return None
    return written_day(timex, timex.year or _year_for(timex, year_hint))


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


def weekday_conflict(timex: TimeExpression, year_hint: int | None) -> tuple[date, str] | None:
    """Return the written date and the weekday it really falls on, when the weekday beside it is wrong."""
    if timex.weekday is None:
        return None
    written = explicit_day(timex, year_hint)
    if written is None or written.weekday() == timex.weekday:
        return None
    return written, WEEKDAY_NAMES[written.weekday()]
