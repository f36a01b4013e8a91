"""A learned choice among the days a report without a date line may have appeared on.

A report with no date line still tells its date: it writes out the days of recent events (its own day
among them about half the time), says "on Tuesday" for days of the past week and "will" for days to
come. Each candidate day (a day it writes, the day after one, a day its past-tense weekdays point to
after the days it writes, and the hand-weighted choice of report_date) gets features relative to the
others, and a logistic regression trained on pairs of candidates of T17 articles outside the
held-apart part scores them (`eval/report_dates.py train` writes its weights, date_ranker.json). Its
first day replaces the hand-weighted one when clearly likelier (the table's margin). The confidence
of the day chosen is the share exact of its probability band, measured leaving one topic out on the
training articles (docs/benchmarks.md, "A learned ranker").
"""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from pathlib import Path
from typing import Any

from newsweave.model import TimeExpression

WEIGHTS_PATH = Path(__file__).with_name("date_ranker.json")
_TOP_SENTENCES = 3  # the first sentences: a headline, a standfirst, the lead
_WEEK = 7
_RELATIVE_TODAY = frozenset({"today"})  # the analyse step reads "tonight" as today too
_LOOK_BACK = 8  # words before a date searched for a look ahead
_PROSPECT = frozenset(
    {
        "due",
        "scheduled",
        "set",
        "expected",
        "planned",
        "until",
        "will",
        "would",
        "to",
        "ahead",
        "before",
        "by",
    }
)
_PAST_MARKERS = frozenset({"on", "since", "last"})


@dataclass(frozen=True, slots=True)
class DayMention:
    """A mention that speaks for some report dates: a calendar day, or a weekday with no day."""

    timex: TimeExpression
    day: date | None  # the calendar day written out, when there is one
    weekday: int  # Monday = 0
    dateline: bool = False
    comment: bool = False  # the stamp of a reader comment below the report


@dataclass(frozen=True, slots=True)
class Candidate:
    """A day the report may have appeared on, with its features (FEATURES order) for the ranker."""

    day: date
    features: tuple[float, ...]


@dataclass(frozen=True, slots=True)
class Ranked:
    """The ranker's choice: the day, its probability among the candidates, and the candidates' count."""

    day: date
    probability: float
    confidence: float
    candidates: int
    first: date  # the ranker's own first day: another when the hand-weighted day was kept


FEATURES = (
    "written",  # the report writes this day out
    "same_past",  # log(1 + past-tense mentions of the day)
    "same_present",  # log(1 + present-tense mentions of the day)
    "eve",  # log(1 + mentions of the day before)
    "latest",  # the latest day written
    "later_days",  # log(1 + distinct days written after it)
    "days_after_latest",  # days after the latest day written (0 for it and before), / 7
    "days_before_latest",  # log(1 + days before the latest day written)
    "later_past",  # log(1 + past-tense mentions of later days)
    "later_present",  # log(1 + present-tense mentions of later days)
    "future_before",  # log(1 + future-tense mentions of days before it): "will" about its past
    "future_after",  # log(1 + future-tense mentions of later days)
    "weekday_same",  # share of past-tense weekday mentions naming its weekday
    "weekday_eve",  # share naming the weekday before it
    "weekday_back",  # mean days back (0-6) to the past-tense weekdays, / 6
    "weekdays_after",  # share of past-tense weekdays whose day nearest the latest written one is after it
    "weekday_future_ahead",  # share of future-tense weekdays that are not its own weekday
    "first_sentence",  # 1 / (1 + the sentence of its first mention); 0 when not written
    "top",  # written in the first sentences
    "own_year",  # a mention writes its year (not lent by the pile)
    "weekday_written",  # a mention writes its weekday too ("Thursday July 27")
    "day_after",  # not written, the day before is
    "from_weekdays",  # neither it nor the day before is written: past-tense weekdays point to it
    "rule",  # the day the hand-weighted score chooses (report_date.refine)
    "most_mentioned",  # no written day is mentioned more often
    "eve_yesterday",  # not written, the day before is, and the report says "yesterday" somewhere
    "same_today",  # written, and the report says "today" somewhere
    "eve_weekday_written",  # the day before is written with its weekday ("Thursday July 27")
    "same_prospect",  # share of its mentions with "until", "due", "will" … in the words before
    "same_on",  # share of its mentions right after "on", "since" or "last"
    "same_embedded",  # share of its mentions inside a tweet or a caption
    "later_on_past",  # log(1 + later days told as past: "on", past tense, no look ahead before)
    "later_prospect",  # log(1 + mentions of later days with a look ahead before)
    "today_with",  # log(1 + sentences naming it beside "today")
    "yesterday_with",  # log(1 + sentences naming the day before beside "yesterday")
)


def candidate_days(mentions: Sequence[DayMention], rule_day: date | None) -> list[date]:
    """Return the days the report may have appeared on: each day written (not in the future tense),
    the day after each, the next day of each past-tense weekday after the latest day written, and the
    hand-weighted choice."""
    written = sorted({m.day for m in mentions if m.day is not None and m.timex.tense != "future"})
    if not written:
        return []
    days = set(written) | {day + timedelta(days=1) for day in written} | ({rule_day} if rule_day else set())
    latest = written[-1]
    for mention in mentions:
        if mention.day is None and mention.timex.tense == "past":
            ahead = (mention.weekday - latest.weekday()) % _WEEK or _WEEK
            days.add(latest + timedelta(days=ahead))
    return sorted(days)


def candidates(
    mentions: Sequence[DayMention], sentences: Sequence[frozenset[str]], rule_day: date | None, text: str
) -> list[Candidate]:
    """Return each candidate day with its features; ``sentences`` holds the relative words
    ("today", "yesterday") of each sentence, ``rule_day`` the hand-weighted choice."""
    days = candidate_days(mentions, rule_day)
    return [Candidate(day, _features(day, mentions, sentences, rule_day, text)) for day in days]


def _log(count: int) -> float:
    return math.log1p(count)


def _features(
    day: date,
    mentions: Sequence[DayMention],
    sentences: Sequence[frozenset[str]],
    rule_day: date | None,
    text: str,
) -> tuple[float, ...]:
    dated = [m for m in mentions if m.day is not None]
    told = [m for m in dated if m.timex.tense != "future"]
    latest = max(m.day for m in told if m.day is not None)
    same = [m for m in told if m.day == day]
    eve = day - timedelta(days=1)
    later = [m for m in told if m.day is not None and m.day > day]
    future = [m for m in dated if m.timex.tense == "future"]
    weekdays = [m for m in mentions if m.day is None and m.timex.tense == "past"]
    ahead = [m for m in mentions if m.day is None and m.timex.tense == "future"]
    back = [(day.weekday() - m.weekday) % _WEEK for m in weekdays]
    first = min((m.timex.sentence for m in same), default=None)
    written_eve = any(m.day == eve for m in told)
    counts = Counter(m.day for m in told)
    values = {
        "written": float(bool(same)),
        "same_past": _log(sum(m.timex.tense == "past" for m in same)),
        "same_present": _log(sum(m.timex.tense == "present" for m in same)),
        "eve": _log(sum(m.day == eve for m in told)),
        "latest": float(day == latest),
        "later_days": _log(len({m.day for m in later})),
        "days_after_latest": max(0, (day - latest).days) / _WEEK,
        "days_before_latest": _log(max(0, (latest - day).days)),
        "later_past": _log(sum(m.timex.tense == "past" for m in later)),
        "later_present": _log(sum(m.timex.tense == "present" for m in later)),
        "future_before": _log(sum(m.day is not None and m.day < day for m in future)),
        "future_after": _log(sum(m.day is not None and m.day > day for m in future)),
        "weekday_same": _share(sum(b == 0 for b in back), len(back)),
        "weekday_eve": _share(sum(b == 1 for b in back), len(back)),
        "weekday_back": _share(sum(back), 6 * len(back)),
        "weekdays_after": _share(sum(_nearest(latest, m.weekday) > day for m in weekdays), len(weekdays)),
        "weekday_future_ahead": _share(sum(m.weekday != day.weekday() for m in ahead), len(ahead)),
        "first_sentence": 0.0 if first is None else 1 / (1 + first),
        "top": float(first is not None and first < _TOP_SENTENCES),
        "own_year": float(any(_writes_year(m.timex) for m in same)),
        "weekday_written": float(any(m.timex.weekday == day.weekday() for m in same)),
        "day_after": float(not same and written_eve),
        "from_weekdays": float(not same and not written_eve),
        "rule": float(day == rule_day),
        "most_mentioned": float(bool(same) and len(same) == max(counts.values())),
        "eve_yesterday": float(not same and written_eve and any("yesterday" in words for words in sentences)),
        "same_today": float(bool(same) and any("today" in words for words in sentences)),
        "eve_weekday_written": float(any(m.day == eve and m.timex.weekday == eve.weekday() for m in told)),
        "same_prospect": _share(sum(_prospect(m, text) for m in same), len(same)),
        "same_on": _share(sum(_after_marker(m, text) for m in same), len(same)),
        "same_embedded": _share(sum(m.timex.embedded for m in same), len(same)),
        "later_on_past": _log(
            sum(m.timex.tense == "past" and _after_marker(m, text) and not _prospect(m, text) for m in later)
        ),
        "later_prospect": _log(sum(_prospect(m, text) for m in later)),
        "today_with": _log(_beside(same, sentences, _RELATIVE_TODAY)),
        "yesterday_with": _log(
            _beside([m for m in told if m.day == eve], sentences, frozenset({"yesterday"}))
        ),
    }
    return tuple(values[name] for name in FEATURES)


def _words_before(mention: DayMention, text: str) -> list[str]:
    return (
        text[max(0, mention.timex.span.start - 80) : mention.timex.span.start].lower().split()[-_LOOK_BACK:]
    )


def _prospect(mention: DayMention, text: str) -> bool:
    """Return True for a day looked ahead to ("due to reopen on Sunday 31 May"), whatever the tense."""
    return bool(_PROSPECT & set(_words_before(mention, text)))


def _after_marker(mention: DayMention, text: str) -> bool:
    before = _words_before(mention, text)
    return bool(before) and before[-1] in _PAST_MARKERS


def _nearest(anchor: date, weekday: int) -> date:
    """Return the day of ``weekday`` nearest ``anchor``, within three days either side."""
    delta = (weekday - anchor.weekday()) % _WEEK
    return anchor + timedelta(days=delta if delta <= _WEEK // 2 else delta - _WEEK)


def _share(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def _writes_year(timex: TimeExpression) -> bool:
    return timex.year is not None and str(timex.year) in timex.text


def _beside(
    mentions: Sequence[DayMention], sentences: Sequence[frozenset[str]], words: frozenset[str]
) -> int:
    """Return how many sentences hold one of ``mentions`` and one of the relative ``words``."""
    held = {m.timex.sentence for m in mentions}
    return sum(1 for index in held if index < len(sentences) and sentences[index] & words)


@dataclass(frozen=True, slots=True)
class RankerWeights:
    """The ranker's weights (FEATURES order) and its confidence bands."""

    coefficients: tuple[float, ...]
    bands: tuple[tuple[float, float], ...]  # (lowest probability of the band, share exact measured)
    margin: float  # how much likelier the ranker's day must be to replace the hand-weighted one

    @classmethod
    def from_dict(cls, table: Mapping[str, Any]) -> RankerWeights:
        """Return the weights of a table written by `eval/report_dates.py train` (KeyError if a feature
        has no weight: the table was trained for other features)."""
        named = table["coefficients"]
        bands = tuple((float(low), float(measured)) for low, measured in table["bands"])
        return cls(tuple(float(named[name]) for name in FEATURES), bands, float(table["margin"]))


@cache
def shipped_weights() -> RankerWeights:
    """Return the weights shipped beside this module, read once."""
    return RankerWeights.from_dict(json.loads(WEIGHTS_PATH.read_text(encoding="utf-8")))


def score(features: Sequence[float], weights: RankerWeights | None = None) -> float:
    """Return the ranker's score of a candidate with these features (a log-odds; higher is likelier)."""
    table = weights or shipped_weights()
    return math.fsum(w * value for w, value in zip(table.coefficients, features, strict=True))


def rank(
    found: Sequence[Candidate], rule_day: date | None, weights: RankerWeights | None = None
) -> Ranked | None:
    """Return the day to date the report by, with the confidence measured for its band of probability
    (the softmax of the scores over the candidates); None when there is no candidate.

    The ranker's first day (the later on a tie) replaces the hand-weighted choice only when its
    probability is higher by ``margin`` or more: closer calls go either way on the training articles.
    """
    if not found:
        return None
    table = weights or shipped_weights()
    scored = [(score(c.features, table), c.day) for c in found]
    best, first = max(scored)
    total = math.fsum(math.exp(z - best) for z, _ in scored)
    share = {candidate: math.exp(z - best) / total for z, candidate in scored}
    day = first
    if rule_day in share and share[first] - share[rule_day] < table.margin:
        day = rule_day
    return Ranked(day, share[day], band_confidence(share[day], table), len(found), first)


def band_confidence(share: float, weights: RankerWeights | None = None) -> float:
    """Return the share exact measured, across topics on the training articles, for the band of
    ``share`` (the chosen day's probability among the candidates)."""
    confidence = 0.0
    for low, measured in (weights or shipped_weights()).bands:
        if share >= low:
            confidence = measured
    return confidence


def confidences() -> frozenset[float]:
    """Return every confidence the shipped ranker can give (one per band)."""
    return frozenset(measured for _, measured in shipped_weights().bands)
