"""Items extracted from one report. Each carries a Span back into the report's text."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True, slots=True)
class Span:
    """A character range ``[start, end)`` of one report's text."""

    report_id: str
    start: int
    end: int

    def __post_init__(self) -> None:
        if not (0 <= self.start < self.end):
            raise ValueError(f"invalid span {self.start}..{self.end} in report {self.report_id!r}")

    def text_of(self, text: str) -> str:
        """Return the substring of ``text`` this span covers."""
        return text[self.start : self.end]

    def contains(self, other: Span) -> bool:
        """Return True when ``other`` lies inside this span of the same report."""
        return self.report_id == other.report_id and self.start <= other.start and other.end <= self.end


@dataclass(frozen=True, slots=True)
class Sentence:
    span: Span
    index: int
    # prose, heading, caption (a photo caption) or post (an embedded tweet or social media post)
    kind: str = "prose"


@dataclass(frozen=True, slots=True)
class EntityMention:
    span: Span
    text: str
    label: str  # spaCy label after our corrections (PERSON, ORG, GPE, LOC, NORP, FAC, EVENT, …)
    sentence: int
    # A title or role written right before the name ("Foreign Minister", "Colonel").
    title: str = ""


@dataclass(frozen=True, slots=True)
class TimeValue:
    """A time expression resolved to the calendar, with how it was derived."""

    value: str  # TIMEX3-style value: 2023-07-26, 2023-07, 2023, 2023-W30, P1D, PRESENT_REF …
    type: str  # DATE, TIME, DURATION or SET
    precision: str  # day, week, month, year, decade or none
    how: str  # explicit, relative to the report date, …
    anchor: str | None = None  # ISO date the arithmetic started from
    day: date | None = None  # the first calendar day the value covers, when it has one
    mod: str | None = None  # TIMEX3 mod: START, MID, END, APPROX, LESS_THAN, MORE_THAN …


@dataclass(frozen=True, slots=True)
class TimeExpression:
    """A time expression as written, parsed into fields; resolution to the calendar needs an anchor."""

    span: Span
    text: str
    sentence: int
    type: str  # DATE, TIME, DURATION or SET
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None  # Monday = 0
    relative: str | None = None  # last, next, this, yesterday, today, tomorrow, ago, later, week_last, …
    amount: float | None = None  # for durations and "N days ago"
    unit: str | None = None  # day, week, month, year, hour, minute, decade
    part_of_day: str | None = None  # MO, AF, EV, NI (TIMEX3 codes)
    tense: str = "past"  # past, present or future: the tense of the clause it modifies
    embedded: bool = False  # inside a tweet or caption
    # The non-finite clause it dates when that is an aside of its sentence: in "Russia – isolated
    # since invading Ukraine in February 2022 – joined …", the date belongs to "invading Ukraine …".
    aside: Span | None = None
    # Fields for the rest of TIMEX3 (TempEval-3 annotates them): "the third quarter", "this summer",
    # "3:30 p.m.", "now" (PRESENT_REF), "late 1989" (mod END), "every Tuesday" (a SET).
    quarter: int | None = None  # 1-4
    half: int | None = None  # 1-2
    season: str | None = None  # SP, SU, FA, WI (TIMEX3 codes)
    hour: int | None = None  # 0-24, with minute for a clock time
    minute: int | None = None
    ref: str | None = None  # PRESENT_REF, PAST_REF or FUTURE_REF
    mod: str | None = None  # TIMEX3 mod: START, MID, END, APPROX, LESS_THAN, MORE_THAN …
    holiday: str | None = None  # "thanksgiving", "election", "christmas" …: the calendar gives its day


@dataclass(frozen=True, slots=True)
class Figure:
    """A number in the text and what it counts."""

    span: Span
    text: str  # the number as written, with its vague qualifier ("a few hundred", "more than 70")
    value: float | None  # None for ranges and vague amounts
    low: float | None
    high: float | None
    counts: str  # what is counted, as written ("French citizens"); "" when the text does not say
    counts_key: str  # a normalised key used to follow one quantity across reports
    context: str  # the verb phrase that says what happened to the counted things ("evacuated")
    sentence: int
    counts_span: Span | None = None


@dataclass(frozen=True, slots=True)
class Quote:
    """An attribution: who said (or believes) what, through which cue."""

    content: Span
    text: str
    kind: str  # direct, indirect or mixed
    sentence: int
    cue: Span | None = None
    cue_text: str = ""
    source: Span | None = None  # the speaker as written ("she", "a spokesman", "Catherine Colonna")
    source_text: str = ""
    # The named mention the speaker resolves to inside the report (for "she": the earlier "Colonna").
    speaker_mention: Span | None = None
    speaker_name: str = ""  # the text of that mention, or a description when no name is given
    # A quote the cue interrupts ('"My hope," he said, "is that …"') is one content in pieces:
    # `content` spans them all, `parts` lists them (empty when the content is one piece).
    parts: tuple[Span, ...] = ()
