"""The publication date of a report: given by the input, or inferred from the report's own text.

No library estimates the date of an undated report from its text, so this is ours. News is written
about its own days: a report puts its own date at the top ("RABAT | Sat Feb 26, 2011 12:58pm EST"),
writes out the dates of recent events and says "on Tuesday" for the day it appears or the day before.
A date line (or a blog's byline stamp) dates a report by rule, and so does the earliest reader
comment below a page without one. Each calendar day the report writes out is scored as its anchor: a
date line naming it counts most, mentions of it or of the day before count, repeats of one date count
little, and a date written in the past tense after it counts against it (scraped pages carry later
dates in comments and sidebars, which a "latest date wins" rule would follow). A report whose best
anchor is no date line is dated by a learned ranker of candidate days (date_ranker). The confidence
is the share of T17 reports with the same kind of evidence that got the exact day (CALIBRATION, and
the ranker's bands; docs/benchmarks.md, "Report dates").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from newsweave.align import date_ranker
from newsweave.align.date_ranker import DayMention as _Mention
from newsweave.model import AnalysedReport, ReportDate, TimeExpression

# A confidence at or above this is "high": only date lines with their year reach it (all exact on T17).
HIGH = 0.8
# Confidence per kind of evidence: the share of T17 reports that got the exact day, rounded, measured
# on every 16th article of each topic with the topic's year lent (`eval/report_dates.py t17 --every 16
# --pile`). Re-measure after any change here.
CALIBRATION = {
    "dateline": 0.95,  # a date line, and the weekdays the report names fall on it or the day before
    "dateline, weekdays elsewhere": 0.75,
    # "WASHINGTON, Feb. 10 --": print datelines name the day of writing, often the eve of the paper
    "dateline without its year": 0.7,
    # "February 8, 2011 at 4:27 pm | Report abuse": readers comment from the day a page appears
    "earliest reader comment": 0.78,
}
_AGREE = 0.5  # share of weekday mentions on the report date or the day before, to call them agreeing

_WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
# dateparser (in analyse) reads phrases like "20 years from now" as today's date: only a timex that
# writes a month name or a numeric date can name a calendar day.
_WRITES_DAY = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|\d{1,4}[/.-]\d{1,2}", re.IGNORECASE
)
_DATELINE_SENTENCES = 3  # a date line sits in the first sentences of a report
_STAMP_REACH = 30
# What stamps a date as the report's own: a clock time, a time zone, an agency tag, a "--" or "|".
_STAMP_AFTER = re.compile(
    r"\W{0,4}(?:\d{1,2}[:.]\d\d|\d{4} (?:GMT|UTC)|\(?(?:Reuters|AP|AFP|CNN)\b|--|\|"
    r"|(?:Updated|Last updated)\b)",
    re.IGNORECASE,
)
_STAMP_BEFORE = re.compile(
    r"(?:\d{1,2}[:.]\d\d\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{2,4}|UK time)?|\||Updated|Published|Posted|"
    r"Last updated(?: at)?)\W{0,4}$",
    re.IGNORECASE,
)
# A blog post's byline stamp, anywhere on the page: "By Web Politics Editor | September 24, 2008; 2:58 PM".
_BYLINE_BEFORE = re.compile(r"\bBy [^|\n]{1,60}\|\s*$")
# A reader comment's stamp: "February 8, 2011 at 4:27 pm | Report abuse", "Posted by: DD | September 25,
# 2008 9:35 AM |", "At 2:10 pm on 02 Jun 2009, … wrote:". Comments come after the page, so they are not
# evidence of the days it tells of, but the earliest is close to the day it appeared.
_COMMENT_AFTER = re.compile(r"\s*(?:at\s+)?\d{1,2}:\d\d\s*[ap]\.?m\.?\s*(?:[A-Z]{2,4}\s*)?\|", re.IGNORECASE)
_COMMENT_BEFORE = re.compile(
    r"(?:Posted by:[^|\n]{0,60}\||\bAt \d{1,2}[:.]\d\d\s*[ap]\.?m\.? on)\s*$", re.IGNORECASE
)
_SAME_DAY, _DAY_BEFORE = 1.0, 0.5  # weight of a mention that falls on the candidate day / the day before
_DATELINE = 3.0
_LATER_PAST = -1.5  # a date written in the past tense after the candidate day
_NEAR = 3  # a weekday named beside a date is the nearest such day, within three days
_REPEAT = 0.1  # weight of each further mention of a date already counted


@dataclass(frozen=True, slots=True)
class _Candidate:
    day: date
    score: float
    support: tuple[_Mention, ...]
    against: tuple[_Mention, ...]


def pile_year(analysed: Iterable[AnalysedReport]) -> int | None:
    """Return the year most reports of the pile write in full day dates, to lend to reports without one."""
    # One vote per report and year: a scraped sidebar repeating one date cannot outvote the pile.
    years = Counter(
        year
        for a in analysed
        for year in {written_year(t) for t in a.timexes if t.month and t.day and _writes_day(t)}
        if year is not None
    )
    # On a tie, the later year: a pile tells of its present, older years are its background.
    return max(years, key=lambda year: (years[year], year)) if years else None


def infer_report_date(analysed: AnalysedReport, year_hint: int | None) -> ReportDate:
    """Return the report's publication date: given by the input, or inferred from its own text.

    ``year_hint`` is the pile's year: it dates day-and-month mentions that have no year of their own,
    and days more than a year away from it are not considered.
    """
    report = analysed.report
    if report.published is not None:
        how = report.published_how or "given in input"
        return ReportDate(report.id, report.published, "given", 1.0, f"publication date {how}")
    evidence = gather_evidence(analysed, year_hint)
    if evidence.comments and (evidence.anchor is None or not is_dateline(evidence.anchor)):
        return _from_comments(report.id, evidence.comments)
    if evidence.anchor is None:
        return ReportDate(
            report.id, None, "unknown", 0.0, "the text names no calendar day to anchor its date"
        )
    if not is_dateline(evidence.anchor):
        return _from_ranker(report.id, evidence)
    # A date line is the report's own date: the weekdays it names only say how sure it is.
    dated = _score(evidence.anchor.day, evidence.mentions, weekdays=True)
    confidence = dateline_confidence(dated, evidence.mentions)
    shown = _evidence(dated)
    spans = tuple(dict.fromkeys(m.timex.span for m in shown))
    return ReportDate(report.id, dated.day, "inferred", confidence, _explain(dated, shown), spans)


@dataclass(frozen=True, slots=True)
class Evidence:
    """What a report without a given date says about its date."""

    mentions: tuple[_Mention, ...]  # calendar days and past weekdays, not in the future tense
    comments: tuple[_Mention, ...]  # reader-comment stamps
    anchor: _Candidate | None  # the best-supported day written, by the hand weights
    candidates: tuple[date_ranker.Candidate, ...]  # the days the ranker chooses among
    rule_day: date | None  # the anchor, moved by past-tense weekdays: the hand-weighted choice


def gather_evidence(analysed: AnalysedReport, year_hint: int | None) -> Evidence:
    """Return the report's mentions of days, its best-supported written day and the ranker's candidates."""
    found = _mentions(analysed, _year_of(analysed, year_hint))
    told = tuple(m for m in found if not m.comment)
    mentions = tuple(m for m in told if m.dateline or m.timex.tense != "future")
    comments = tuple(m for m in found if m.comment and _near_year(m, year_hint))
    near = {m.day for m in mentions if m.day and _near_year(m, year_hint)}
    anchors = [_score(day, mentions, weekdays=False) for day in sorted(near)]
    anchor = max(anchors, key=lambda c: (c.score, c.day)) if anchors else None
    relative = [set[str]() for _ in analysed.sentences]
    for timex in analysed.timexes:
        if timex.relative in ("today", "yesterday") and timex.sentence < len(relative):
            relative[timex.sentence].add(timex.relative)
    nearby = [m for m in told if _near_year(m, year_hint)]
    rule_day = refine(anchor, mentions).day if anchor is not None else None
    sentences = [frozenset(words) for words in relative]
    ranked = date_ranker.candidates(nearby, sentences, rule_day, analysed.report.text)
    return Evidence(mentions, comments, anchor, tuple(ranked), rule_day)


def _from_ranker(report_id: str, evidence: Evidence) -> ReportDate:
    """Return the day the learned ranker puts first among the candidates of a report with no date line."""
    ranked = date_ranker.rank(evidence.candidates, evidence.rule_day)
    assert ranked is not None  # a written day makes candidates
    chosen = _score(ranked.day, evidence.mentions, weekdays=True)
    shown = _ranker_evidence(chosen)
    said = "; ".join(_describe(m, ranked.day) for m in shown)
    weight = f"{ranked.probability:.0%} of the ranker's weight over {ranked.candidates} candidate days"
    if ranked.day == ranked.first:
        how = f"ranked first ({weight})"
    else:
        margin = date_ranker.shipped_weights().margin
        how = (
            f"the hand-weighted day, kept ({weight}; the ranker's first, {ranked.first.isoformat()}, is "
            f"less than {margin * 100:.0f} points likelier)"
        )
    explanation = f"{ranked.day.isoformat()} ({_WEEKDAY_NAMES[ranked.day.weekday()]}): {how}: {said}"
    if chosen.against:
        explanation += (
            f"; left aside {chosen.against[0].timex.text!r}, a later date written in the past tense"
        )
    spans = tuple(dict.fromkeys(m.timex.span for m in shown))
    return ReportDate(report_id, ranked.day, "inferred", ranked.confidence, explanation, spans)


def _ranker_evidence(chosen: _Candidate) -> list[_Mention]:
    """Return the mentions that speak for the chosen day: the day written, the eve, a weekday."""
    same = [m for m in chosen.support if m.day == chosen.day]
    eve = [m for m in chosen.support if m.day is not None and m.day != chosen.day]
    weekday = [m for m in chosen.support if m.day is None and m.weekday == chosen.day.weekday()]
    weekday_eve = [m for m in chosen.support if m.day is None and m.weekday != chosen.day.weekday()]
    return (same[:1] + eve[:1] + weekday[:1] + weekday_eve[:1])[:3]


def _describe(mention: _Mention, day: date) -> str:
    if mention.day is not None:
        return f"date written {mention.timex.text!r} = {mention.day.isoformat()}"
    relation = "that day" if mention.weekday == day.weekday() else "the day before"
    return f"weekday {mention.timex.text!r} ({relation})"


def _near_year(mention: _Mention, year_hint: int | None) -> bool:
    """Return False for a day more than a year away from the pile's year (weekdays have no year)."""
    return mention.day is None or year_hint is None or abs(mention.day.year - year_hint) <= 1


def is_dateline(anchor: _Candidate) -> bool:
    """Return True when a date line (or a byline stamp) names the anchor's day."""
    return any(m.dateline and m.day == anchor.day for m in anchor.support)


def _from_comments(report_id: str, comments: Sequence[_Mention]) -> ReportDate:
    """Return the day of the earliest reader comment: a page is commented on from the day it appears."""
    first = min(comments, key=lambda m: (m.day, m.timex.span.start))
    assert first.day is not None
    explanation = (
        f"{first.day.isoformat()} ({_WEEKDAY_NAMES[first.day.weekday()]}): the earliest reader comment "
        f"is stamped {first.timex.text!r}; the report has no date line"
    )
    confidence = CALIBRATION["earliest reader comment"]
    return ReportDate(report_id, first.day, "inferred", confidence, explanation, (first.timex.span,))


def _year_of(analysed: AnalysedReport, year_hint: int | None) -> int | None:
    """Return the year for the report's dates without one: its own, unless that is far from the pile's."""
    own = pile_year([analysed])
    if own is None or (year_hint is not None and abs(own - year_hint) > 1):
        return year_hint
    return own


def _writes_day(timex: TimeExpression) -> bool:
    return bool(_WRITES_DAY.search(timex.text))


def written_year(timex: TimeExpression) -> int | None:
    """Return the timex's year when the text writes it: dateparser lends the current year otherwise."""
    if timex.year is None or str(timex.year) not in timex.text:
        return None
    return timex.year


def calendar_day(timex: TimeExpression, year: int | None) -> date | None:
    """Return the calendar day a timex writes out, with ``year`` when it writes none; None if no day."""
    if timex.month is None or timex.day is None or not _writes_day(timex):
        return None
    own_year = written_year(timex)
    # A weekday beside a date with no year anywhere is not enough: the pair repeats every few years.
    if own_year is None and year is not None and timex.weekday is not None:
        try:
            if date(year, timex.month, timex.day).weekday() != timex.weekday:
                return None  # the borrowed year is wrong for this report
        except ValueError:
            return None
    year = own_year or year
    if year is None:
        return None
    try:
        return date(year, timex.month, timex.day)
    except ValueError:
        return None


def _mentions(analysed: AnalysedReport, year: int | None) -> list[_Mention]:
    """Return the calendar days and weekdays the report names (any tense: the ranker weighs the future
    ones), and its reader-comment stamps."""
    text = analysed.report.text
    found = []
    for timex in analysed.timexes:
        day = calendar_day(timex, year)
        if day is not None and _is_comment_stamp(timex, text):
            found.append(_Mention(timex, day, day.weekday(), comment=True))  # its tense means nothing
        elif day is not None and _is_stamped(timex, text):
            # A stamped date line has no tense of its own: "WASHINGTON | Tue May 5, 2009 2:45 am EDT" is
            # read with the verb of the headline run into it ("… will fail").
            found.append(_Mention(timex, day, day.weekday(), dateline=True))
        elif day is not None:
            found.append(_Mention(timex, day, day.weekday(), _is_dateline(timex, day, text)))
        elif _is_weekday_mention(timex):
            assert timex.weekday is not None
            found.append(_Mention(timex, None, timex.weekday))
    return found


def _is_dateline(timex: TimeExpression, day: date, text: str) -> bool:
    """Return True for the report's own date line: stamped (see _is_stamped), or near the top with the
    weekday of its day and its year ("Saturday 22 January 2005")."""
    if _is_stamped(timex, text):
        return True
    if timex.sentence >= _DATELINE_SENTENCES or timex.tense == "future":
        return False
    return timex.weekday == day.weekday() and written_year(timex) is not None


def _is_stamped(timex: TimeExpression, text: str) -> bool:
    """Return True for a date stamped as the report's own: a byline stamp anywhere (blog pages put the
    post's byline below the site's furniture), or near the top with a clock time, time zone, agency."""
    if _BYLINE_BEFORE.search(text[max(0, timex.span.start - 80) : timex.span.start]):
        return True
    if timex.sentence >= _DATELINE_SENTENCES:
        return False
    before = text[max(0, timex.span.start - _STAMP_REACH) : timex.span.start]
    after = text[timex.span.end : timex.span.end + _STAMP_REACH]
    return bool(_STAMP_AFTER.match(after) or _STAMP_BEFORE.search(before))


def _is_comment_stamp(timex: TimeExpression, text: str) -> bool:
    before = text[max(0, timex.span.start - 80) : timex.span.start]
    after = text[timex.span.end : timex.span.end + 25]
    return bool(_COMMENT_AFTER.match(after) or _COMMENT_BEFORE.search(before))


def _is_weekday_mention(timex: TimeExpression) -> bool:
    # News capitalises weekdays; "sun" and "sat" in lower case are words, not days.
    return (
        timex.weekday is not None
        and timex.month is None
        and timex.relative is None
        and timex.text[:1].isupper()
    )


def refine(anchor: _Candidate, mentions: Sequence[_Mention]) -> _Candidate:
    """Return the report date: the anchor, or the latest past-tense weekday near it, whichever is later.

    A report cannot tell in the past tense what happened after its own date, so "Colonna said
    Friday" next to "Thursday July 27" puts the report on Friday 28 or later. A dateline is the
    report's own date and is not moved.
    """
    day = anchor.day
    if not any(m.dateline and m.day == anchor.day for m in anchor.support):
        for mention in mentions:
            if mention.day is None and mention.timex.tense == "past":
                day = max(day, _nearest_weekday(anchor.day, mention.weekday))
    return _score(day, mentions, weekdays=True)


def _nearest_weekday(anchor: date, weekday: int) -> date:
    delta = (weekday - anchor.weekday()) % 7
    return anchor + timedelta(days=delta if delta <= _NEAR else delta - 7)


def _score(day: date, mentions: Sequence[_Mention], weekdays: bool) -> _Candidate:
    score, support, against = 0.0, [], []
    seen: Counter[date] = Counter()
    for mention in mentions:
        if mention.day is None and not weekdays:
            continue
        weight = _weight(mention, day)
        if mention.day is not None:
            # Repeats of one date add little: a sidebar of timestamped posts repeats its date.
            seen[mention.day] += 1
            weight *= 1.0 if seen[mention.day] == 1 else _REPEAT
        score += weight
        if weight > 0:
            support.append(mention)
        elif weight < 0:
            against.append(mention)
    return _Candidate(day, score, tuple(support), tuple(against))


def _weight(mention: _Mention, day: date) -> float:
    if mention.day is not None:
        if mention.day == day:
            return _SAME_DAY + (_DATELINE if mention.dateline else 0.0)
        if mention.day == day - timedelta(days=1):
            return _DAY_BEFORE
        return _LATER_PAST if mention.day > day else 0.0
    if mention.weekday == day.weekday():
        return _SAME_DAY
    if mention.weekday == (day.weekday() - 1) % 7:
        return _DAY_BEFORE
    return 0.0


def dateline_confidence(dated: _Candidate, mentions: Sequence[_Mention]) -> float:
    """Return the share of T17 reports with this kind of date line that got the exact day (CALIBRATION)."""
    weekdays = [m for m in mentions if m.day is None]
    near = {dated.day.weekday(), (dated.day.weekday() - 1) % 7}
    agree = sum(m.weekday in near for m in weekdays) / len(weekdays) if weekdays else None
    if not any(m.dateline and written_year(m.timex) for m in dated.support):
        return CALIBRATION["dateline without its year"]
    agreeing = agree is None or agree >= _AGREE
    return CALIBRATION["dateline" if agreeing else "dateline, weekdays elsewhere"]


def _evidence(dated: _Candidate) -> list[_Mention]:
    """Return the mentions that place the report: the date line first, then a weekday, then the eve."""
    written = sorted(
        (m for m in dated.support if m.day == dated.day), key=lambda m: (not m.dateline, m.timex.span.start)
    )
    weekday = [m for m in dated.support if m.day is None and m.weekday == dated.day.weekday()]
    before = [m for m in dated.support if m not in written and m not in weekday]
    return (written[:1] + weekday[:1] + before[:1])[:3]


def _explain(dated: _Candidate, evidence: Sequence[_Mention]) -> str:
    said = []
    for mention in evidence:
        if mention.day is not None:
            kind = "dateline" if mention.dateline else "date written"
            said.append(f"{kind} {mention.timex.text!r} = {mention.day.isoformat()}")
        else:
            said.append(_describe(mention, dated.day))
    text = f"{dated.day.isoformat()} ({_WEEKDAY_NAMES[dated.day.weekday()]}): " + "; ".join(said)
    if dated.against:
        text += f"; left aside {dated.against[0].timex.text!r}, a later date written in the past tense"
    return text
