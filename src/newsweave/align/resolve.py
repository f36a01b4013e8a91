"""Time expressions resolved to TIMEX3 values against an anchor (the report date, given or inferred).

The analyse step parses what a phrase says ("last Wednesday", "the third quarter", "two years
ago"); the value needs the day the report was written, which align may only know after inferring
it. Values follow the TimeML guidelines as TimeBank and AQUAINT annotate them: 2023-07-26,
2023-W30, 2023-Q3, 2023-SU, 2023-07-31TNI, 2023-07-31T15:30, 199, P1D, PT2H, PRESENT_REF, and for
sets P1W or XXXX-WXX-2. No library does this: dateparser and timexy resolve calendar dates but not
quarters, seasons, decades, durations or sets against a document date, so the arithmetic is ours.
"""

from __future__ import annotations

import calendar
from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import date, timedelta

from dateutil.easter import easter

from newsweave.model import TimeExpression, TimeValue

WEEKDAY_NAMES = tuple(calendar.day_name)
_UNIT_CODES = {"hour": "H", "minute": "M", "second": "S", "day": "D", "week": "W", "month": "M", "year": "Y",
               "decade": "DE", "century": "CE", "weekend": "WE", "quarter": "Q"}  # fmt: skip
_CLOCK_UNITS = ("hour", "minute", "second")
_SHIFTS = {"last": -1, "next": 1, "this": 0, "earlier this": 0, "later this": 0, "previous": -1,
           "coming": 1, "past": -1}  # fmt: skip
# "the following year" counts from an event, not from the report date: it is tagged but left unresolved.
_SEASON_ORDER = ("WI", "SP", "SU", "FA")


def resolve(timex: TimeExpression, anchor: date | None, year_hint: int | None = None) -> TimeValue | None:
    """Return the timex as a TIMEX3 value, resolved against the report date ``anchor`` where relative."""
    if timex.type == "DURATION":
        return _duration(timex)
    if timex.type == "SET":
        return _set(timex)
    if timex.ref is not None:
        return TimeValue(timex.ref, "DATE", "none", "reference to the present, past or future", None)
    value = _calendar_value(timex, anchor, year_hint)
    if value is None or timex.mod is None:
        return value
    return TimeValue(value.value, value.type, value.precision, value.how, value.anchor, value.day, timex.mod)


# Which resolved precisions can be the antecedent of "that day", "that month", "that year".
_ANTECEDENTS = {"day": ("day",), "month": ("day", "month"), "year": ("day", "month", "year", "quarter",
                "half", "season")}  # fmt: skip
_ANAPHORIC = {"that": 0, "same": 0, "following": 1, "previous": -1}


def resolve_in_order(
    timexes: Iterable[TimeExpression], anchor: date | None, year_hint: int | None = None
) -> list[TimeValue | None]:
    """Return the values of a report's timexes, in text order, with anaphora dated from the date before.

    "later that year" after "in June 1998" is 1998, "the following year" after "On May 22, 1995"
    is 1996: the report date is no anchor for them, the last date the report wrote is.
    """
    values: list[TimeValue | None] = []
    antecedent: TimeValue | None = None
    antecedent_sentence = -1
    for timex in timexes:
        value = resolve(timex, anchor, year_hint)
        if value is None and timex.relative in _ANAPHORIC and timex.unit in _ANTECEDENTS:
            value = _anaphoric(timex, antecedent)
        elif antecedent is not None and antecedent_sentence == timex.sentence and _bare_clock(timex):
            value = _clock_on(timex, antecedent) or value
        if value is not None and value.day is not None and value.type in ("DATE", "TIME"):
            antecedent, antecedent_sentence = value, timex.sentence
        values.append(value)
    return values


def _bare_clock(timex: TimeExpression) -> bool:
    """Return True for a clock time that names no day of its own ("at 10:30 a.m.", not "3 p.m. today")."""
    return timex.hour is not None and timex.relative == "today" and "today" not in timex.text.lower()


def _clock_on(timex: TimeExpression, antecedent: TimeValue) -> TimeValue | None:
    """Return a clock time on the day its sentence wrote before it: "on Aug. 7, 1998, at 10:30 a.m."."""
    if antecedent.day is None or antecedent.precision != "day":
        return None
    how = f"clock time on {antecedent.day.isoformat()}, the day written before it in its sentence"
    return replace(_day_value(antecedent.day, timex, how, antecedent.day.isoformat()), mod=timex.mod)


def _anaphoric(timex: TimeExpression, antecedent: TimeValue | None) -> TimeValue | None:
    unit = timex.unit or ""
    if antecedent is None or antecedent.day is None or antecedent.precision not in _ANTECEDENTS[unit]:
        return None
    shift = _ANAPHORIC[timex.relative or ""]
    how = f"{timex.text.lower()} after {antecedent.value}"
    anchor = antecedent.day.isoformat()
    if unit == "day":
        day = antecedent.day + timedelta(days=shift)
        return TimeValue(day.isoformat(), "DATE", "day", how, anchor, day, timex.mod)
    if unit == "month":
        first = _month_shift(antecedent.day, shift)
        return TimeValue(first.strftime("%Y-%m"), "DATE", "month", how, anchor, first, timex.mod)
    year = antecedent.day.year + shift
    return TimeValue(str(year), "DATE", "year", how, anchor, date(year, 1, 1), timex.mod)


def written_day(timex: TimeExpression, year: int | None) -> date | None:
    """Return the calendar day a timex writes out (month and day), in its own year or else ``year``."""
    if timex.month is None or timex.day is None:
        return None
    chosen = timex.year or year
    if chosen is None:
        return None
    try:
        return date(chosen, timex.month, timex.day)
    except ValueError:
        return None


def _nth_weekday(month: int, weekday: int, n: int) -> Callable[[int], date]:
    """Return the day-of-year rule "the n-th <weekday> of <month>" (n = -1: the last one)."""

    def day_in(year: int) -> date:
        if n > 0:
            first = date(year, month, 1)
            return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
        last = date(year, month, calendar.monthrange(year, month)[1])
        return last - timedelta(days=(last.weekday() - weekday) % 7)

    return day_in


# The US and Christian holidays news dates things by. dateutil (installed with dateparser) gives Easter;
# the others are a fixed day or "the n-th weekday of a month", one line each, not worth a new dependency.
HOLIDAY_DAYS: dict[str, Callable[[int], date]] = {
    "thanksgiving": _nth_weekday(11, 3, 4),
    "election": lambda year: _nth_weekday(11, 0, 1)(year) + timedelta(days=1),
    "labor": _nth_weekday(9, 0, 1),
    "memorial": _nth_weekday(5, 0, -1),
    "easter": easter,
    "good-friday": lambda year: easter(year) - timedelta(days=2),
    "christmas": lambda year: date(year, 12, 25),
    "christmas-eve": lambda year: date(year, 12, 24),
    "new-year": lambda year: date(year, 1, 1),
    "new-year-eve": lambda year: date(year, 12, 31),
    "independence": lambda year: date(year, 7, 4),
    "veterans": lambda year: date(year, 11, 11),
    "halloween": lambda year: date(year, 10, 31),
    "valentine": lambda year: date(year, 2, 14),
    "palm-sunday": lambda year: easter(year) - timedelta(days=7),
    "holy-saturday": lambda year: easter(year) - timedelta(days=1),
    "easter-monday": lambda year: easter(year) + timedelta(days=1),
    "ash-wednesday": lambda year: easter(year) - timedelta(days=46),
    "mother": _nth_weekday(5, 6, 2),
    "father": _nth_weekday(6, 6, 3),
    "presidents": _nth_weekday(2, 0, 3),
    "mlk": _nth_weekday(1, 0, 3),
    "columbus": _nth_weekday(10, 0, 2),
    "boxing": lambda year: date(year, 12, 26),
}


def _holiday_value(timex: TimeExpression, anchor: date | None, year_hint: int | None) -> TimeValue | None:
    """Return the day of a holiday (or its week): in its written year, else the one the tense points to.

    As for a day of a month written without a year (`_year_near`): the nearest one, unless the tense
    points the other way and that one is more than a week off, within ten months ("the boy was found
    on Thanksgiving" in August is last November's; "protesters gathered as Easter week began" six
    days before Easter is this year's; "40 days before Election Day" in a past clause of September is
    still this year's).
    """
    rule = HOLIDAY_DAYS[timex.holiday or ""]
    if timex.year or year_hint:
        day = rule(timex.year or year_hint or 0)
        how = "holiday, explicit year" if timex.year else "holiday, year from the pile"
        return _holiday_day_or_week(day, timex, how, None)
    if anchor is None:
        return None
    days = [rule(year) for year in (anchor.year - 1, anchor.year, anchor.year + 1)]
    day = _nearest_in_tense(days, anchor, timex.tense)
    how = "holiday nearest the report date, or the one before or after it that the tense points to"
    return _holiday_day_or_week(day, timex, how, anchor.isoformat())


def _holiday_day_or_week(day: date, timex: TimeExpression, how: str, anchor: str | None) -> TimeValue:
    if timex.unit == "week":  # "Easter week": the ISO week holding the day
        return _week_value(day, how, anchor)
    if timex.unit == "weekend":  # "Easter weekend"; "Memorial Day weekend" is the one before the Monday
        return _week_value(day - timedelta(days=1 if day.weekday() == 0 else 0), how, anchor, "-WE")
    return _day_value(day, timex, how, anchor)


def _nearest_in_tense(days: list[date], anchor: date, tense: str) -> date:
    """Return the day of ``days`` (sorted, a year apart) nearest ``anchor``, or its neighbour the tense
    points to when the nearest lies more than a week the other way and the neighbour within ten months."""
    nearest = min(days, key=lambda day: (abs((day - anchor).days), day > anchor))
    index = days.index(nearest)
    if tense == "past" and nearest > anchor + timedelta(days=7) and index > 0:
        earlier = days[index - 1]
        return earlier if (anchor - earlier).days <= _TENSE_REACH_DAYS else nearest
    if tense == "future" and nearest < anchor - timedelta(days=7) and index + 1 < len(days):
        later = days[index + 1]
        return later if (later - anchor).days <= _TENSE_REACH_DAYS else nearest
    return nearest


def _calendar_value(timex: TimeExpression, anchor: date | None, year_hint: int | None) -> TimeValue | None:
    anchor_iso = anchor.isoformat() if anchor else None
    if timex.holiday is not None:
        return _holiday_value(timex, anchor, year_hint)
    # A yearless "December 30" in a report of January 5 is last year's: the report date says which
    # year, nearer than the pile's most written year, which only dates reports with no date at all.
    year = _year_near(timex, anchor) or year_hint
    written = written_day(timex, year)
    if written is not None and timex.weekday is not None and written.weekday() != timex.weekday and anchor:
        # The weekday is what the reporter lived; the date beside it is a gloss, and the one
        # more often miscounted. The conflict itself is reported as a divergence.
        day = _weekday_day(timex, anchor)
        how = (
            f"{WEEKDAY_NAMES[timex.weekday]} relative to the report date "
            f"({written.isoformat()} written beside it is a {WEEKDAY_NAMES[written.weekday()]})"
        )
        return _day_value(day, timex, how, anchor_iso)
    if written is not None:
        how = "explicit" if timex.year else "explicit day, year from the report date (or the pile's)"
        return _day_value(written, timex, how, anchor_iso)
    if timex.weekday is not None and anchor is not None:
        how = f"{WEEKDAY_NAMES[timex.weekday]} relative to the report date"
        return _day_value(_weekday_day(timex, anchor), timex, how, anchor_iso)
    if timex.relative in _DAY_OFFSETS and anchor is not None:
        offset = _DAY_OFFSETS[timex.relative]
        how = f"{timex.relative} relative to the report date"
        return _day_value(anchor + timedelta(days=offset), timex, how, anchor_iso)
    if timex.relative in ("ago", "earlier", "later", "before", "after") and timex.unit and anchor:
        return _shifted(timex, anchor)
    if timex.relative and timex.unit and anchor is not None:
        return _relative_period(timex, anchor)
    if timex.hour is not None and anchor is not None:
        return _day_value(anchor, timex, "clock time on the report date", anchor_iso)
    return _period(timex, anchor, year)


_DAY_OFFSETS = {
    "day before yesterday": -2,
    "yesterday": -1,
    "today": 0,
    "tomorrow": 1,
    "day after tomorrow": 2,
}


# How far from the report date the tense may move a month written without a year (245 days until
# 2026-11-24; ten months gained a value on each tuning part: docs/benchmarks.md).
_TENSE_REACH_DAYS = 300


def _year_near(timex: TimeExpression, anchor: date | None) -> int | None:
    """Return the year of a month (and day) or quarter written without one, from the report date.

    The nearest such day to the report date, unless the tense points the other way and the other
    year is not too far (ten months: further than that, the tense is more often misread than the
    month far off): a past-tense "Aug. 6" in a report of February 6 is last August, "January" in a
    November report is next January, and "the fourth quarter" in a January report is last year's.
    """
    if anchor is None:
        return None
    if timex.quarter is not None and not timex.relative:
        later = timex.quarter > (anchor.month - 1) // 3 + 1
        return anchor.year - 1 if later and timex.tense != "future" else anchor.year
    if timex.month is not None and timex.day is None and timex.relative in ("last", "next", "this"):
        return _named_month_year(timex.month, timex.relative, anchor)
    if timex.day is not None and timex.unit == "year" and timex.relative in ("last", "next", "this"):
        return anchor.year + _SHIFTS[timex.relative]  # "16 April last year"
    if timex.month is None or timex.relative:
        return anchor.year
    candidates = []
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            candidates.append(date(year, timex.month, timex.day or 1))
        except ValueError:
            continue
    if not candidates:
        return anchor.year
    return _nearest_in_tense(candidates, anchor, timex.tense).year


def _named_month_year(month: int, relative: str, anchor: date) -> int:
    """Return the year of "last May", "next May" or "this May" written on the report date ``anchor``.

    As TimeBank reads them: "last" skips the month just gone ("last February" in March 1998 is
    1997-02; "last April" in October is this year's), "next" skips the coming one, "this" is the
    report's year.
    """
    if relative == "last":
        return anchor.year if month < anchor.month - 1 else anchor.year - 1
    if relative == "next":
        return anchor.year if month > anchor.month + 1 else anchor.year + 1
    return anchor.year


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
    value = day.isoformat()
    # The night of a day the phrase names ("Friday night", "tonight") is written as that day: AQUAINT's
    # annotators do so 9 times in 13 on AQUAINT-tune (TimeBank and the TimeML guidelines keep TNI:
    # docs/benchmarks.md).
    names_day = timex.weekday is not None or timex.relative == "today"
    part = None if names_day and timex.part_of_day == "NI" else timex.part_of_day
    if timex.hour is not None:
        value += f"T{timex.hour:02d}:{timex.minute or 0:02d}"
    elif part:
        value += f"T{part}"
    kind = "TIME" if part or timex.hour is not None else "DATE"
    return TimeValue(value=value, type=kind, precision="day", how=how, anchor=anchor, day=day)


def _amount(timex: TimeExpression) -> str:
    if timex.amount is None:
        return "X"
    return f"{timex.amount:g}"


def _duration(timex: TimeExpression) -> TimeValue:
    unit = timex.unit or "day"
    if unit == "decade" and timex.amount is not None:  # "two decades": TimeBank and AQUAINT write P20Y
        return TimeValue(f"P{timex.amount * 10:g}Y", "DURATION", "none", "duration", mod=timex.mod)
    if timex.amount is not None and timex.amount != int(timex.amount) and unit in _SMALLER:
        return TimeValue(_mixed_length(timex.amount, unit), "DURATION", "none", "duration", mod=timex.mod)
    code = _UNIT_CODES.get(unit, "D")
    prefix = "PT" if unit in _CLOCK_UNITS else "P"
    value = f"{prefix}{_amount(timex)}{code}"
    return TimeValue(value, "DURATION", "none", "duration", mod=timex.mod)


# The next smaller unit, and how many of it make one: "two and a half years" is P2Y6M, "an hour and a
# half" PT1H30M, "half an hour" PT30M, as TimeBank writes them (ISO 8601 allows P2.5Y, TimeML does not).
_SMALLER = {"year": ("month", 12), "month": ("day", 30), "week": ("day", 7), "day": ("hour", 24),
            "hour": ("minute", 60), "minute": ("second", 60), "decade": ("year", 10),
            "century": ("year", 100)}  # fmt: skip


def _mixed_length(amount: float, unit: str) -> str:
    """Return a length with a fraction in two units: 2.5 years -> P2Y6M, 0.5 hours -> PT30M."""
    smaller, per = _SMALLER[unit]
    whole, rest = int(amount), round((amount - int(amount)) * per)
    if unit in ("decade", "century"):
        return f"P{whole * per + rest}Y"
    parts = ([(whole, unit)] if whole else []) + ([(rest, smaller)] if rest else [])
    clock = [f"{n}{_UNIT_CODES[u]}" for n, u in parts if u in _CLOCK_UNITS]
    calendar_part = "".join(f"{n}{_UNIT_CODES[u]}" for n, u in parts if u not in _CLOCK_UNITS)
    return "P" + calendar_part + ("T" + "".join(clock) if clock else "")


def _set(timex: TimeExpression) -> TimeValue:
    if timex.ref is not None:  # "daily", "annually": TimeBank's XXXX-XX-XX and XXXX
        value = timex.ref
    elif timex.weekday is not None:
        value = f"XXXX-WXX-{timex.weekday + 1}" + (f"T{timex.part_of_day}" if timex.part_of_day else "")
    elif timex.part_of_day and not timex.unit:
        value = f"XXXX-XX-XXT{timex.part_of_day}"
    elif timex.month is not None:  # "each July": TimeML's XXXX-07
        value = f"XXXX-{timex.month:02d}"
    elif timex.season is not None:  # "every summer"
        value = f"XXXX-{timex.season}"
    else:
        unit = timex.unit or "day"
        amount = "1" if timex.amount is None else f"{timex.amount:g}"
        value = ("PT" if unit in _CLOCK_UNITS else "P") + amount + _UNIT_CODES.get(unit, "D")
    return TimeValue(value, "SET", "none", "a recurring time")


def _shifted(timex: TimeExpression, anchor: date) -> TimeValue | None:
    """Return "two years ago", "a week earlier", "three months later": the anchor moved by the amount."""
    if timex.amount is None or timex.amount != int(timex.amount):
        return None
    sign = 1 if timex.relative in ("later", "after") else -1
    amount = int(timex.amount) * sign
    how = f"{timex.text.lower()} relative to the report date"
    iso = anchor.isoformat()
    if timex.unit == "day":
        return _day_value(anchor + timedelta(days=amount), timex, how, iso)
    if timex.unit == "week":
        return _week_value(anchor + timedelta(weeks=amount), how, iso)
    if timex.unit == "month":
        return _month_value(_month_shift(anchor, amount), how, iso)
    if timex.unit == "year":
        year = anchor.year + amount
        return TimeValue(str(year), "DATE", "year", how, iso, date(year, 1, 1))
    if timex.unit == "decade":
        year = anchor.year + 10 * amount
        return TimeValue(str(year)[:3], "DATE", "decade", how, iso, date(year // 10 * 10, 1, 1))
    return None


def _relative_period(timex: TimeExpression, anchor: date) -> TimeValue | None:
    how = f"{timex.text.lower()} relative to the report date"
    iso = anchor.isoformat()
    if timex.relative == "prior-year quarter":  # "the year-earlier quarter": the last quarter, a year back
        index = anchor.year * 4 + (anchor.month - 1) // 3 - 5
        year, quarter = divmod(index, 4)
        return TimeValue(
            f"{year}-Q{quarter + 1}", "DATE", "quarter", how, iso, date(year, quarter * 3 + 1, 1)
        )
    # "the weekend", "the summer": the last one in a past-tense clause, else the coming one
    shift = (
        (-1 if timex.tense == "past" else 0) if timex.relative == "the" else _SHIFTS.get(timex.relative or "")
    )
    if shift is None:
        return None
    if timex.unit in ("week", "weekend"):
        suffix = "-WE" if timex.unit == "weekend" else ""
        return _week_value(anchor + timedelta(weeks=shift), how, iso, suffix)
    if timex.unit == "month":
        return _month_value(_month_shift(anchor, shift), how, iso)
    if timex.unit == "quarter":
        index = anchor.year * 4 + (anchor.month - 1) // 3 + shift
        year, quarter = divmod(index, 4)
        year = timex.year or year  # "the 1988 quarter": the quarter reported on, in the year written
        first = date(year, quarter * 3 + 1, 1)
        return TimeValue(f"{year}-Q{quarter + 1}", "DATE", "quarter", how, iso, first)
    if timex.unit == "year":
        year = anchor.year + shift
        if timex.quarter:  # "last year's third quarter"
            return TimeValue(f"{year}-Q{timex.quarter}", "DATE", "quarter", how, iso, date(year, 1, 1))
        if timex.half:  # "the first half of next year"
            return TimeValue(f"{year}-H{timex.half}", "DATE", "half", how, iso, date(year, 1, 1))
        if timex.month:  # "June last year"
            return _month_value(date(year, timex.month, 1), how, iso)
        return TimeValue(str(year), "DATE", "year", how, iso, date(year, 1, 1))
    if timex.unit == "season" and timex.season:
        year = anchor.year + _season_year_shift(timex.season, anchor, shift)
        return TimeValue(f"{year}-{timex.season}", "DATE", "season", how, iso, date(year, 1, 1))
    if timex.unit == "decade":
        year = anchor.year + 10 * shift
        return TimeValue(str(year)[:3], "DATE", "decade", how, iso, date(year // 10 * 10, 1, 1))
    if timex.unit == "century":  # "this century" in 2009 is 20, "the last century" 19
        year = anchor.year + 100 * shift
        return TimeValue(f"{year // 100:02d}", "DATE", "century", how, iso, date(year // 100 * 100, 1, 1))
    return None


def _season_year_shift(season: str, anchor: date, shift: int) -> int:
    now = _SEASON_ORDER[(anchor.month % 12) // 3]
    later_in_year = _SEASON_ORDER.index(season) > _SEASON_ORDER.index(now)
    if shift < 0:
        return -1 if later_in_year or season == now else 0
    if shift > 0:
        return 0 if later_in_year else 1
    return 0


def _period(timex: TimeExpression, anchor: date | None, year: int | None) -> TimeValue | None:
    """Return a year, month, quarter, half, season, decade or century, in the timex's year or the anchor's."""
    own = timex.year
    chosen = own if own is not None else year
    if chosen is None:
        return None
    how = "explicit" if own is not None else "year from the report date"
    iso = None if own is not None else (anchor.isoformat() if anchor else None)
    if timex.unit == "century":
        return TimeValue(f"{chosen // 100:02d}", "DATE", "century", how, iso, date(chosen, 1, 1), timex.mod)
    if timex.unit == "decade":
        return TimeValue(str(chosen)[:3], "DATE", "decade", how, iso, date(chosen, 1, 1), timex.mod)
    if timex.month is not None:
        first = date(chosen, timex.month, 1)
        return TimeValue(first.strftime("%Y-%m"), "DATE", "month", how, iso, first, timex.mod)
    if timex.quarter is not None:
        first = date(chosen, timex.quarter * 3 - 2, 1)
        return TimeValue(f"{chosen}-Q{timex.quarter}", "DATE", "quarter", how, iso, first, timex.mod)
    if timex.half is not None:
        first = date(chosen, timex.half * 6 - 5, 1)
        return TimeValue(f"{chosen}-H{timex.half}", "DATE", "half", how, iso, first, timex.mod)
    if timex.season is not None:
        first = date(chosen, 1, 1)
        return TimeValue(f"{chosen}-{timex.season}", "DATE", "season", how, iso, first, timex.mod)
    if own is None:
        return None  # nothing but the anchor's year: the phrase said no period at all
    return TimeValue(str(chosen), "DATE", "year", how, iso, date(chosen, 1, 1), timex.mod)


def _week_value(day: date, how: str, anchor_iso: str | None, suffix: str = "") -> TimeValue:
    """Return the ISO week holding ``day`` ("2023-W30", or "2023-W30-WE" for its weekend)."""
    week = day.isocalendar()
    return TimeValue(f"{week.year}-W{week.week:02d}{suffix}", "DATE", "week", how, anchor_iso, _monday(day))


def _month_value(first: date, how: str, anchor_iso: str) -> TimeValue:
    return TimeValue(first.strftime("%Y-%m"), "DATE", "month", how, anchor_iso, first)


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _month_shift(anchor: date, months: int) -> date:
    index = anchor.year * 12 + anchor.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)
