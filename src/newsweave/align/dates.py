"""Report dates (given or inferred from the text) and time expressions resolved to the calendar.

No library estimates the date of an undated report from its text, so this is ours: the latest
explicit day the report mentions is the anchor; weekday mentions in past-tense reporting are the
days around it; the report date is the latest of them. A year missing from the report comes from
the other reports of the pile.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta

from newsweave.model import TimeExpression, TimeValue

_WEEKDAY_NAMES = tuple(calendar.day_name)
_UNIT_CODES = {"hour": "H", "minute": "M", "second": "S", "day": "D", "week": "W", "month": "M", "year": "Y",
               "decade": "DE", "century": "CE"}  # fmt: skip


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


def resolve(timex: TimeExpression, anchor: date | None, year_hint: int | None = None) -> TimeValue | None:
    """Return the timex on the calendar, resolved against the report date ``anchor`` where relative."""
    anchor_iso = anchor.isoformat() if anchor else None
    if timex.type == "DURATION":
        return _duration(timex)
    written = explicit_day(timex, year_hint or (anchor.year if anchor else None))
    if written is not None and timex.weekday is not None and written.weekday() != timex.weekday and anchor:
        # The weekday is what the reporter lived; the date beside it is a gloss, and the one
        # more often miscounted. The conflict itself is reported as a divergence.
        day = _weekday_day(timex, anchor)
        how = (
            f"{_WEEKDAY_NAMES[timex.weekday]} relative to the report date "
            f"({written.isoformat()} written beside it is a {_WEEKDAY_NAMES[written.weekday()]})"
        )
        return _day_value(day, timex, how, anchor_iso)
    if written is not None:
        how = "explicit" if timex.year else "explicit day, year from the report date or the pile"
        return _day_value(written, timex, how, anchor_iso)
    if timex.weekday is not None and anchor is not None:
        return _day_value(
            _weekday_day(timex, anchor),
            timex,
            f"{_WEEKDAY_NAMES[timex.weekday]} relative to the report date",
            anchor_iso,
        )
    if timex.relative in ("yesterday", "today", "tomorrow") and anchor is not None:
        offset = {"yesterday": -1, "today": 0, "tomorrow": 1}[timex.relative]
        return _day_value(
            anchor + timedelta(days=offset),
            timex,
            f"{timex.relative} relative to the report date",
            anchor_iso,
        )
    if timex.relative and timex.unit and anchor is not None:
        return _relative_period(timex, anchor)
    if timex.year is not None:
        return _period(timex)
    return None


def weekday_conflict(timex: TimeExpression, year_hint: int | None) -> tuple[date, str] | None:
    """Return the written date and the weekday it really falls on, when the weekday beside it is wrong."""
    if timex.weekday is None:
        return None
    written = explicit_day(timex, year_hint)
    if written is None or written.weekday() == timex.weekday:
        return None
    return written, _WEEKDAY_NAMES[written.weekday()]


def _weekday_day(timex: TimeExpression, anchor: date) -> date:
    weekday = timex.weekday if timex.weekday is not None else anchor.weekday()
    back = (anchor.weekday() - weekday) % 7
    forward = (weekday - anchor.weekday()) % 7
    if timex.relative == "last":
        return anchor - timedelta(days=back or 7)
    if timex.relative == "next":
        return anchor + timedelta(days=forward or 7)
    if timex.tense == "future":
        return anchor + timedelta(days=forward)
    return anchor - timedelta(days=back)


def _day_value(day: date, timex: TimeExpression, how: str, anchor: str | None) -> TimeValue:
    value = day.isoformat() + (f"T{timex.part_of_day}" if timex.part_of_day else "")
    kind = "TIME" if timex.part_of_day else "DATE"
    return TimeValue(value=value, type=kind, precision="day", how=how, anchor=anchor, day=day)


def _duration(timex: TimeExpression) -> TimeValue:
    unit = timex.unit or "day"
    code = _UNIT_CODES.get(unit, "D")
    amount = "X" if timex.amount is None else f"{timex.amount:g}"
    prefix = "PT" if unit in ("hour", "minute", "second") else "P"
    return TimeValue(value=f"{prefix}{amount}{code}", type="DURATION", precision="none", how="duration")


def _relative_period(timex: TimeExpression, anchor: date) -> TimeValue | None:
    shift = {"last": -1, "next": 1, "this": 0, "earlier this": 0, "later this": 0}.get(timex.relative or "")
    if shift is None:
        return None
    how = f"{timex.text.lower()} relative to the report date"
    if timex.unit in ("week", "weekend"):
        day = anchor + timedelta(weeks=shift)
        iso = day.isocalendar()
        return TimeValue(
            f"{iso.year}-W{iso.week:02d}",
            "DATE",
            "week",
            how,
            anchor.isoformat(),
            day - timedelta(days=day.weekday()),
        )
    if timex.unit == "month":
        month_index = anchor.year * 12 + anchor.month - 1 + shift
        first = date(month_index // 12, month_index % 12 + 1, 1)
        return TimeValue(first.strftime("%Y-%m"), "DATE", "month", how, anchor.isoformat(), first)
    if timex.unit == "year":
        first = date(anchor.year + shift, 1, 1)
        return TimeValue(str(first.year), "DATE", "year", how, anchor.isoformat(), first)
    return None


def _period(timex: TimeExpression) -> TimeValue:
    assert timex.year is not None
    if timex.unit == "decade":
        return TimeValue(str(timex.year)[:3], "DATE", "decade", "explicit", None, date(timex.year, 1, 1))
    if timex.month is not None:
        first = date(timex.year, timex.month, 1)
        return TimeValue(first.strftime("%Y-%m"), "DATE", "month", "explicit", None, first)
    return TimeValue(str(timex.year), "DATE", "year", "explicit", None, date(timex.year, 1, 1))
