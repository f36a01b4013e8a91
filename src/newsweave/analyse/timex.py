"""Find time expressions in a report and parse them into fields (no calendar arithmetic here).

A regular-expression scanner finds the forms news uses, as TimeML (TimeBank) delimits them: dates
("last Wednesday (July 27)", "August 2, 2023", "the third quarter", "this summer", "the 1990s"),
times ("Monday night", "3 p.m. yesterday"), durations ("the past two months", "five-year"), sets
("every Tuesday", "$5 a month") and references to the present, past or future ("now", "recent
years"). spaCy's DATE/TIME entities add what the scanner does not know, parsed with dateparser where
they name a calendar date. No library covers this list with TIMEX3 fields (HeidelTime does, in Java,
at 1/70 of the speed: docs/benchmarks.md), so the rules are ours. Resolution against a report date
happens in align/resolve.py, where the pile can lend a year to a report that never writes one.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import dateparser
import regex
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from newsweave.analyse.entities import sentence_of
from newsweave.model import Sentence, Span, TimeExpression

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = "january february march april may june july august september october november december".split()
_MONTH_ABBR = {m[:3]: i + 1 for i, m in enumerate(MONTHS)} | {"sept": 9}
_PARTS = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI"}
_UNITS = "second(?=s)|minute|hour|day|week|weekend|month|quarter|year|decade|century"  # "a second term"
_ONES = "one|two|three|four|five|six|seven|eight|nine"
_TEENS = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_NUM = (
    rf"(?:\d+(?:\.\d+)?|(?:{_TENS})(?:[- ](?:{_ONES}))?|{_TEENS}|{_ONES}|a hundred|hundred"
    r"|a couple of|couple of|a few|few"
    r"|several|some|many|a|an)"
)
_WORD_VALUES = {
    w: i for i, w in enumerate(f"zero {_ONES.replace('|', ' ')} {_TEENS.replace('|', ' ')}".split())
} | {w: 20 + 10 * i for i, w in enumerate(_TENS.split("|"))} | {"a": 1, "an": 1, "hundred": 100,
    "a hundred": 100, "a couple of": 2, "couple of": 2}  # fmt: skip
_MODS = {"early": "START", "beginning": "START", "start": "START", "mid": "MID", "middle": "MID",
         "late": "END", "end": "END", "about": "APPROX", "almost": "APPROX", "nearly": "APPROX",
         "some": "APPROX", "roughly": "APPROX", "approximately": "APPROX", "around": "APPROX",
         "more than": "MORE_THAN", "over": "MORE_THAN", "less than": "LESS_THAN", "under": "LESS_THAN",
         "up to": "EQUAL_OR_LESS", "at least": "EQUAL_OR_MORE", "earlier": "START",
         "later": "END"}  # fmt: skip
_REFS = {"now": "PRESENT_REF", "currently": "PRESENT_REF", "current": "PRESENT_REF",
         "these days": "PRESENT_REF",
         "nowadays": "PRESENT_REF", "at present": "PRESENT_REF", "recently": "PAST_REF",
         "the past": "PAST_REF", "previously": "PAST_REF", "formerly": "PAST_REF",
         "the future": "FUTURE_REF", "the near future": "FUTURE_REF", "soon": "FUTURE_REF",
         "the near term": "FUTURE_REF", "the short term": "FUTURE_REF"}  # fmt: skip
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
_SET_WORDS = {"daily": ("day", None), "nightly": (None, "NI"), "weekly": ("week", None),
              "monthly": ("month", None), "annually": ("year", None), "yearly": ("year", None),
              "hourly": ("hour", None)}  # fmt: skip
# Holidays by the name news writes, to the key align/resolve.py computes the day of in a given year.
HOLIDAYS = {"Thanksgiving Day": "thanksgiving", "Thanksgiving": "thanksgiving", "Election Day": "election",
            "Christmas Day": "christmas", "Christmas Eve": "christmas-eve", "Christmas": "christmas",
            "New Year's Day": "new-year", "New Year's Eve": "new-year-eve",
            "Independence Day": "independence", "Labor Day": "labor", "Memorial Day": "memorial",
            "Veterans Day": "veterans", "Easter Sunday": "easter", "Easter": "easter",
            "Good Friday": "good-friday", "Halloween": "halloween",
            "Valentine's Day": "valentine", "Palm Sunday": "palm-sunday", "Holy Saturday": "holy-saturday",
            "Easter Monday": "easter-monday", "Ash Wednesday": "ash-wednesday",
            "Mother's Day": "mother", "Father's Day": "father", "Presidents' Day": "presidents",
            "Presidents Day": "presidents", "Columbus Day": "columbus", "Boxing Day": "boxing",
            "Martin Luther King Day": "mlk", "Fourth of July": "independence"}  # fmt: skip
_SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
_DAY_WORDS = {
    w: i + 1
    for i, w in enumerate(
        "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth"
        " fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth".split()
    )
} | {
    f"twenty-{w}": 21 + i
    for i, w in enumerate("first second third fourth fifth sixth seventh eighth ninth".split())
}
_DAY_WORDS |= {"thirtieth": 30, "thirty-first": 31}
_CENTURY_WORDS = {"nineteenth": 18, "twentieth": 19, "twenty-first": 20}  # the century's hundreds
_DECADE_WORDS = {w: 20 + 10 * i for i, w in enumerate(
    "twenties thirties forties fifties sixties seventies eighties nineties".split())}  # fmt: skip

_WD = r"(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon\.|tues?\.|thur?s?\.|fri\.)"
_MON_WORDS = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
_MON = rf"(?P<mon>{_MON_WORDS})\.?"
_MON2 = rf"(?P<mon2>{_MON_WORDS})\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_DAY2 = r"(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:1[89]|20)\d\d)"
# (" , " before the year: text tokenised as T17's is)
_MONTH_DAY = rf"(?:{_MON}\s+{_DAY}|{_DAY2}\s+(?:of\s+)?{_MON2})(?:(?:\s?,)?\s+{_YEAR})?"
_CLOCK = (  # "10:45 p.m.", "10.45pm" (a full stop after "pm" ends the sentence, not the time)
    r"(?:(?P<hour>[01]?\d)(?:[:.](?P<minute>[0-5]\d))?\s*(?P<ampm>[ap])(?:\.m\.|\.?m\b)"
    r"(?:\s+(?:EST|EDT|CST|CDT|PST|PDT|GMT|BST|local time))?|(?P<clock>noon|midday|midnight))"
)
_CAPITAL_MONTH = (
    r"(?P<mon>January|February|March|April|June|July|August|September|October|November|December"
    r"|Jan\.|Feb\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)"
)
_I = re.IGNORECASE
# Words a bare year follows in a date ("in 1990", "both 1990 and 1991"); the span leaves them out.
_LEADING_WORDS = tuple("in since from by until of during between and to through both".split())
# The scanner's patterns are compiled by `regex` (a dependency of dateparser) rather than `re`: on
# news they find the same matches in about 0.55 of the time (docs/benchmarks.md, "Pipeline speed").
_rx = regex.compile
_PATTERNS = [
    # a clock time, with the day it is on: "10 p.m. Wednesday", "noon Thursday", "5 p.m. EST Nov. 9"
    _rx(
        rf"\b{_CLOCK}(?:,?\s+(?:on\s+)?(?:{_WD}|(?P<rel>yesterday|today|tomorrow)|{_MON}\s+{_DAY}"
        rf"(?:(?:\s?,)?\s+{_YEAR})?))?(?![\w-])",
        _I,
    ),
    # holidays whose date the calendar gives: "Thanksgiving Day", "Election Day", "Christmas Eve"; "Easter
    # week", "the Thanksgiving weekend" are the week (or weekend) the holiday falls in. Before the
    # weekdays, which would take the "Sunday" of "Palm Sunday", longest name first.
    _rx(
        rf"\b(?P<holiday>{'|'.join(re.escape(h) for h in sorted(HOLIDAYS, key=len, reverse=True))})"
        rf"(?:\s+(?P<hunit>week(?:end)?)\b|\s+{_YEAR})?(?![\w-])"
    ),
    # a 24-hour clock time with its zone, as wires write it: "1425 local time (1925 GMT)"
    _rx(r"\b(?P<hhmm>(?:[01]\d|2[0-3])[0-5]\d)\s*(?:GMT|BST|UTC|local time)\b"),
    # the first of two weekdays sharing a plural part of day is a set too: "Monday and Tuesday nights"
    _rx(
        rf"\b{_WD}(?=\s+(?:and|or)\s+(?:mon|tues|wednes|thurs|fri|satur|sun)day\s+"
        r"(?P<part>morning|afternoon|evening|night)(?P<plural>s)\b)",
        _I,
    ),
    # weekday, optionally with a part of day and a date beside it: "last Wednesday (July 27)"
    _rx(
        rf"\b(?:(?P<set>every|each)\s+)?(?:(?P<rel>last|next|this coming|this past|this|late|early)\s+)?{_WD}"
        r"(?P<plural>s(?!\w))?(?:\s+(?P<part>morning|afternoon|evening|night)(?P<plural2>s)?)?"
        rf"(?:\s*(?:,|\()?\s*{_MONTH_DAY}(?:\s*\))?)?(?![\w-])",
        _I,
    ),
    # a part of a written day: "the morning of Aug. 7", "the night of Oct. 23, 1998"
    _rx(rf"\b(?:the\s+)?(?P<part>morning|afternoon|evening|night)\s+of\s+{_MONTH_DAY}(?![\w-])", _I),
    # two days of one month, each a timex as TimeML tags them: "April 24 and 25", "March 3-4, 1999"
    _rx(
        rf"\b{_MON}\s+{_DAY}(?P<pair>\s*(?:-|and|or|to|through)\s*)(?P<nextday>[0-3]?\d)(?:st|nd|rd|th)?"
        rf"(?:,?\s+{_YEAR})?(?![\w-])(?!\s*(?:%|percent))",
        _I,
    ),
    _rx(rf"\b{_MONTH_DAY}(?:\s+(?P<yrel>last|this|next) year)?(?![\w-])", _I),  # "16 April last year"
    # a day in words: "the first of June 2009", "the twenty-third of May"
    _rx(rf"\b(?:the\s+)?(?P<dayword>{'|'.join(_DAY_WORDS)})\s+of\s+{_MON}(?:(?:\s?,)?\s+{_YEAR})?\b", _I),
    _rx(rf"\b(?:(?P<rel>early|mid|late)[- ])?{_MON}\s+(?:of\s+)?{_YEAR}\b", _I),
    _rx(r"\b(?P<iso>(?P<year>(?:19|20)\d\d)-(?P<mon>[01]\d)-(?P<day>[0-3]\d))\b"),
    _rx(r"\bthe day (?P<dby>before yesterday|after tomorrow)\b", _I),
    # "yesterday afternoon", "this morning", "tonight"
    _rx(
        r"\b(?:(?P<rel>yesterday|today|tomorrow|this|last|the)\s+(?P<part>morning|afternoon|evening|night)"
        r"|(?:(?P<pmod>early|late|mid)[- ]?(?P<part2>morning|afternoon|evening))"
        r"(?:\s+(?P<rel2>yesterday|today|tomorrow))?"
        r"|(?P<rel3>yesterday|today|tonight|tomorrow))\b",
        _I,
    ),
    # quarters and halves: "the third quarter", "third-quarter", "the year-earlier quarter",
    # "last year's quarter"
    _rx(
        r"\b(?:the\s+)?(?:(?P<yrel>this|last|next) year's\s+)?(?:(?P<prior>year-earlier|year-ago|comparable"
        r"(?: year-ago)?|corresponding|year earlier)\s+)?(?:(?P<year>(?:19|20)\d\d)\s+)?(?:fiscal[- ])?"
        r"(?:(?P<qn>first|second|third|fourth|1st|2nd|3rd|4th)[- ](?:fiscal[- ])?(?P<qunit>quarter|half)"
        r"|(?P<qrel>latest|current|previous|same|last|next|this)?\s*(?P<qunit2>quarter|period))"
        r"(?:\s+(?:of\s+)?(?:fiscal\s+)?(?P<year2>(?:19|20)\d\d)"
        r"|\s+(?:of\s+)?(?P<yrel2>last|this|next) year)?"
        r"(?![\w-])",
        _I,
    ),
    # months and seasons alone or relative: "January", "mid-November", "last June", "June last year",
    # "this summer"
    _rx(
        r"\b(?:(?P<set>every|each)\s+|(?P<rel>last|next|this|this past|this coming|the)\s+)?"
        r"(?:(?P<mod>early|mid|late)[- ]"
        r"|the (?P<mod2>middle|end|beginning|start) of\s+)?(?P<season>spring|summer|fall|autumn|winter)"
        r"(?:\s+(?:of\s+)?" + _YEAR + r"|\s+(?P<yrel>this|last|next) year)?\b",  # "autumn 2002"
        _I,
    ),
    _rx(
        r"\b(?:(?P<set>[Ee]very|[Ee]ach)\s+|(?P<rel>[Ll]ast|[Nn]ext|[Tt]his|[Tt]his past|[Tt]his coming)\s+"
        r"|(?P<mod>[Ee]arly|[Mm]id|[Ll]ate)[- ]"
        rf"|the (?P<mod2>middle|end|beginning|start) of\s+)?{_CAPITAL_MONTH}"
        r"(?:\s+(?P<yrel>this|last|next) year)?"
        r"(?![\w-])"
    ),
    # decades and centuries: "the 1980s", "the mid-1990s", "the '80s", "the nineties", "the 20th century"
    # ("the 60s" needs "the": "in their 40s" is an age; "the 90s" after a temperature is rejected;
    # "the mid-20s" is more often a level than the 1920s)
    _rx(
        r"(?<![\w'])(?:(?P<the>the)\s+)?(?:(?P<mod>early|mid|late)[- ])?(?:(?P<decade>(?:1[89]|20)\d0)'?s"
        r"|(?:'|(?(the)(?=[3-9])|(?!)))(?P<decade2>\d0)s(?!\s*(?:degrees|percent|%))"
        r"|(?P<decade3>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))\b",
        _I,
    ),
    _rx(
        r"\b(?:the\s+)?(?:(?P<century>1\d|2[01])(?:st|nd|rd|th)|(?P<century2>nineteenth|twentieth|twenty-first))"
        r"[- ]century\b",
        _I,
    ),
    # spelled-out and fiscal years: "nineteen ninety-six", "the year two thousand", "fiscal 1989"
    _rx(
        rf"\b(?:the year\s+)?(?:nineteen[- ](?P<tens>{_TENS})(?:[- ](?P<ones>{_ONES}))?"
        rf"|(?P<thousand>two thousand)(?:\s+and\s+(?P<ones2>{_ONES}))?)\b",
        _I,
    ),
    _rx(r"\bfiscal\s+(?:year\s+)?(?P<year>(?:19|20)\d\d)\b", _I),
    # "the last half of 1989", "the latter half of 1990": the second half (never "the last quarter",
    # which is the quarter before the report's)
    _rx(r"\b(?:the\s+)?(?P<lasthalf>last|latter)\s+half\s+of\s+(?:fiscal\s+)?(?P<year>(?:19|20)\d\d)\b", _I),
    # anaphora, dated from the last date the report gave (align/resolve.py): "later that year",
    # "the same day", "the following month"
    _rx(
        r"\b(?:(?P<mod>earlier|later)\s+)?"
        r"(?P<rel>that|the same|the following|(?:the )?next(?= day)|the previous(?= day))"
        r"\s+(?P<unit>day|month|year)\b(?!-)",
        _I,
    ),
    # relative periods: "last week", "the current year", "earlier this month", "the past year"
    _rx(
        r"\b(?:(?P<mod>early|late)\s+)?(?P<rel>last|next|this past|this coming|this|earlier this|later this"
        r"|the current|the latest|"
        r"the past|the last|the previous|the coming|the following|the next)\s+(?:fiscal\s+)?"
        r"(?P<unit>week|month|year|weekend|decade|century)\b(?!-)",
        _I,
    ),
    _rx(r"\bthe\s+(?P<rel>)(?P<unit>weekend)\b", _I),
    # "two years ago", "a year earlier", "year-earlier", "year-ago"
    _rx(
        rf"\b(?:(?P<mod>about|almost|nearly|some|roughly|more than|less than)\s+)?(?P<num>{_NUM})\s+"
        r"(?P<unit>day|week|month|year|hour|decade)s?\s+(?P<rel>ago|earlier|later|before)\b",
        _I,
    ),
    _rx(r"\b(?P<unit>year)-(?P<rel>earlier|ago)\b", _I),
    # sets: "every month", "each year", "$5 a year", "daily"
    _rx(rf"\b(?P<set>every|each|per)\s+(?:(?P<num>{_NUM})\s+)?(?P<unit>{_UNITS})s?\b", _I),
    _rx(r"\b(?P<set>every|each)\s+(?P<part>morning|afternoon|evening|night)\b", _I),  # XXXX-XX-XXTNI
    _rx(
        r"(?:(?<=\d )|(?<=% )|(?<=illion )|(?<=cents )|(?<=dollars )|(?<=times )|(?<=once )|(?<=twice )"
        r"|(?<=s ))"
        # a plural before "a week" makes a rate ("seats a week"); these words end in s and make none
        # ("as long as a month", "this is a year of change")
        r"(?<!\bas )(?<!\bis )(?<!\bwas )(?<!\bhas )(?<!\bthis )(?<!\bhis )(?<!\bits )(?<!\bthus )"
        r"(?<!\bless )(?<!\bdoes )(?<!\bperhaps )(?<!\bacross )"
        r"(?P<set>a)\s+(?P<unit>day|week|month|year)\b(?!\s+(?:ago|earlier|later))",
        _I,
    ),
    # lengths with a half: "two and a half years", "2 1/2 years", "a year and a half", "half an hour"
    _rx(
        rf"\b(?:(?P<num>{_NUM})(?P<half>\s+and\s+a\s+half|\s+1/2)[- ](?P<unit>{_UNITS})s?"
        rf"|(?P<num2>a|an|one|{_NUM})\s+(?P<unit2>{_UNITS})s?(?P<half2>\s+and\s+a\s+half)"
        rf"|(?P<half3>half)(?:\s+an?|-)\s*(?P<unit3>{_UNITS}))"
        r"(?![\w-])(?!\s+(?:ago|old)\b)",  # "a minute and a half later": the length, "later" its signal
        _I,
    ),
    # a range of lengths, "two to three weeks", "between 10 and 15 years": the lower bound on its own
    # number (P2W, as TimeBank and HeidelTime's range rules write it), then the upper one with the unit
    _rx(
        rf"\b(?P<num>\d+|{_TENS}|{_TEENS}|{_ONES})(?P<range>\s+(?:to|or|and)\s+|-)"
        rf"(?P<upper>\d+|{_TENS}|{_TEENS}|{_ONES})[- ](?P<unit>{_UNITS})s?"
        r"(?![\w-])(?!\s+(?:ago|old|earlier|later|before|after)\b)",
        _I,
    ),
    # durations: "the past two months", "a five-year", "less than one hour", "the first nine months"
    _rx(
        r"\b(?:the\s+(?:(?P<drel>past|last|next|first|coming|previous|following|latest|full|entire)\s+)?)?"
        r"(?:(?P<mod>about|almost|nearly|some|roughly|approximately|more than|over|less than|under|up to"
        r"|at least)"
        rf"\s+)?(?P<num>{_NUM})[- ](?:(?:more|additional|extra|straight|consecutive)\s+)?(?P<unit>{_UNITS})s?"
        r"(?![\w-])(?!\s+(?:ago|old)\b)(?!(?<=year)\s+earlier\b)(?!(?<=years)\s+earlier\b)",
        _I,
    ),
    # "a day-long meeting", "a year-long war": one unit
    _rx(r"\b(?P<unit>hour|day|week|month|year|decade)(?P<long>-long)\b", _I),
    # sets written as one word: "daily", "weekly radio address", "annually" (TimeML tags the adjective too)
    _rx(r"\b(?P<setword>daily|nightly|weekly|monthly|annually|yearly|hourly)\b(?!\s+(?-i:[A-Z]))", _I),
    # references to the present, the past and the future: "now", "recently", "recent years", "the future"
    _rx(
        r"\b(?P<ref>now|currently|these days|nowadays|at present|recently"
        r"|the near future|the future|the near term|the short term|the past(?! (?:few|several|\d)))\b",
        _I,
    ),
    # "current" before a noun ("current market conditions", "its current share"): TimeML's PRESENT_REF
    _rx(r"\b(?P<ref>current)(?=\s+[a-z])"),
    _rx(r"\b(?P<refpl>recent|coming|future)\s+(?P<unit>days|weeks|months|quarters|years|decades)\b", _I),
    _rx(rf"\b(?:{'|'.join(_LEADING_WORDS)})\s+{_YEAR}\b(?![-,.]?\d)", _I),
    # a year listed after another, or opening a range: "in 1994, 1995 and 1997", "(1997 to 2001)", "(2003)"
    _rx(
        rf"(?<=(?:19|20)\d\d, ){_YEAR}\b(?![-,.]?\d)|(?<=\()(?P<year2>(?:1[89]|20)\d\d)"
        r"(?=\)|\s*(?:-|to)\s*(?:19|20)\d\d\b)"
    ),
    _rx(rf"\b(?P<mod>early|mid|late)[- ]{_YEAR}\b(?!-)", _I),
    _rx(
        r"\b(?P<rel>last|next|this)\s+(?P<mon>May)\b|\b(?P<mod>[Ee]arly|[Mm]id|[Ll]ate)[- ](?P<mon3>May)\b"
        r"|(?:(?<=\bin )|(?<=\bby )|(?<=\buntil )|(?<=\bsince )|(?<=\bof ))(?P<mon2>May)\b"
    ),
    # the ends of periods and the year of accounts: "the end of the year", "year-end", "the fiscal year"
    _rx(
        r"\b(?:the\s+)?(?P<mod>end|beginning|start|middle) of (?:the|this) (?P<unit>year|month|week)\b"
        r"|\b(?P<unit2>year)(?:-|'s |\s)(?P<mod2>end)\b",
        _I,
    ),
    _rx(
        r"(?<=\bof )(?P<fy>the) (?P<unit>year)\b(?!\s+(?:ago|earlier|before))"
        r"|\b(?P<mod>earlier|later) in the (?P<unit2>year|month|week|day)\b",
        _I,
    ),
    _rx(r"\bthe (?:fiscal |full )?(?P<unit>year)(?= end(?:ed|ing)\b)", _I),
    _rx(r"\bthe (?P<fy>fiscal|full) year\b(?!\s+\d)", _I),
]
_DURATION = re.compile(
    r"^(?:the\s+)?(?:(?:next|past|last|first|coming|previous)\s+)?(?:(?:less|more)\s+than\s+|about\s+|nearly\s+|almost\s+)?"
    r"(?P<num>\d+(?:\.\d+)?|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
    r"|fifteen|twenty|thirty|forty|fifty|a few|several|few)?"
    r"\s*(?P<unit>second|minute|hour|day|week|month|year|decade|century)s?$",
    re.IGNORECASE,
)
# Words that put the day after them ahead of the report, read just before a weekday or clock time.
_DEADLINE = re.compile(r"\b(?:as (?:soon|early) as|no later than|until|till|by)\s+(?:on\s+)?$", _I)
# "effective June 1", "effective on Feb. 1": the day a change takes effect, ahead or just past.
_EFFECTIVE = re.compile(r"\beffective\s+(?:on\s+|as of\s+)?$", _I)


@dataclass(frozen=True, slots=True)
class _Found:
    start: int
    end: int
    fields: dict[str, object]


def find_time_expressions(
    doc: Doc, report_id: str, sentences: tuple[Sentence, ...]
) -> tuple[TimeExpression, ...]:
    """Return the report's time expressions, in text order, each parsed into TimeExpression fields."""
    text = doc.text  # Doc.text rebuilds the string on every access
    found = _scan(text)
    taken = [(f.start, f.end) for f in found]
    for ent in doc.ents:
        if ent.label_ in ("DATE", "TIME") and not _overlaps(ent.start_char, ent.end_char, taken):
            parsed = _parse_entity(ent)
            if parsed is not None and not _not_a_time(text, parsed.start, parsed.end):
                found.append(parsed)
                taken.append((parsed.start, parsed.end))
    found.sort(key=lambda f: f.start)
    starts = [s.span.start for s in sentences]
    return tuple(_to_timex(doc, text, report_id, f, sentences, starts) for f in found)


def _scan(text: str) -> list[_Found]:
    found: list[_Found] = []
    for pattern in _PATTERNS:
        for match in pattern.finditer(text):
            start, end = match.span()
            start += len(match.group(0)) - len(match.group(0).lstrip())
            if text[start:end].lower().endswith("day."):
                end -= 1  # a full weekday name followed by the sentence's full stop
            if match.group(0).lower().split()[0] in _LEADING_WORDS and match.groupdict().get("year"):
                start = match.start("year")
            if start >= end or _overlaps(start, end, [(f.start, f.end) for f in found]):
                continue
            if _not_a_time(text, start, end):
                continue
            fields = _fields_from_match(match)
            if fields is not None and "pair" in pattern.groupindex and match.group("pair"):
                found.extend(_day_pair(match, start, end, fields))
            elif fields is not None and "range" in pattern.groupindex:
                found.extend(_length_range(match, start, end, fields))
            elif fields is not None:
                found.append(_Found(start, end, fields))
    return found


def _length_range(match: regex.Match[str], start: int, end: int, fields: dict[str, object]) -> list[_Found]:
    """Return "two" (P2W) and "three weeks" (P3W) of "two to three weeks"; none unless both are numbers."""
    upper = _number(match.group("upper"))
    if fields.get("amount") is None or upper is None:
        return []
    return [
        _Found(start, match.start("range"), fields),
        _Found(match.start("upper"), end, {**fields, "amount": upper}),
    ]


def _day_pair(match: regex.Match[str], start: int, end: int, fields: dict[str, object]) -> list[_Found]:
    """Return "April 24" and "25" of "April 24 and 25" as two days; none unless the second comes later.

    With none, the plain month-and-day pattern still finds "April 24" alone.
    """
    second = int(match.group("nextday"))
    if not isinstance(fields.get("day"), int) or not fields["day"] < second <= 31:  # type: ignore[operator]
        return []
    return [
        _Found(start, match.start("pair"), fields),
        _Found(match.start("nextday"), end, {**fields, "day": second}),
    ]


# Unit words that, capitalised inside a phrase, name a programme or a paper: "This Week", "60 Minutes",
# "USA Today", "VOA Today".
_TITLE_WORDS = re.compile(r"(?<=\S )(?:Minutes?|Hours?|Days?|Weeks?|Months?|Years?|Today|Tonight)\b")
_AFTER_NAME = re.compile(r"\b[A-Z][A-Za-z]*[ ]$")
# "today's" before these is the present age, not the report date ("today's youth", "in today's world").
_GENERIC_TODAY = re.compile(
    r"'s\s+(?:world|youth|young|society|generation|children|kids|students|families|economy|market"
    r"|culture|technology|standards|computers|consumers|teenagers|women|men|people)\b",
    _I,
)


# A capitalised march named for its cause or goal: "the March for Life", "the March on Washington",
# "the March of Dimes" (never "in March for the first time": the name goes on capitalised).
_NAMED_MARCH = re.compile(r"\s+(?:for|on|of|against)\s+(?:the\s+)?[A-Z]")


def _not_a_time(text: str, start: int, end: int) -> bool:
    """Return True for phrases that read as time but are not one: titles, "Now," as a discourse word."""
    phrase = text[start:end]
    if phrase == "March" and _NAMED_MARCH.match(text, end):
        return True
    if _TITLE_WORDS.search(phrase) and not any(phrase.startswith(h) for h in HOLIDAYS):
        return True  # "This Week With David Brinkley", "CBS's 60 Minutes"
    if phrase in ("Today", "Tonight") and _AFTER_NAME.search(text, max(0, start - 30), start):
        line_start = text.rfind("\n", 0, start) + 1
        return not re.search(r"[.!?:;\"'`]\s*\S*\s*$", text[line_start:start])  # "USA Today", not ". Today"
    if phrase == "Now" and text.startswith(",", end):
        return True  # "Now, he says, ...": the word that moves a story on, not the present
    return phrase.lower() == "today" and bool(_GENERIC_TODAY.match(text, end))


def _fields_from_match(match: regex.Match[str]) -> dict[str, object] | None:
    groups = {k.rstrip("23"): v for k, v in match.groupdict().items() if v is not None}
    if _rejected(match, groups):
        return None
    fields: dict[str, object] = {"type": "DATE"}
    if "wd" in groups:
        fields["weekday"] = _weekday_index(groups["wd"])
    if "mon" in groups:
        mon = groups["mon"].lower().rstrip(".")
        fields["month"] = (
            int(mon) if mon.isdigit() else _MONTH_ABBR[mon[:4] if mon[:4] == "sept" else mon[:3]]
        )
    if "dayword" in groups:
        groups["day"] = str(_DAY_WORDS[groups["dayword"].lower()])
    if "day" in groups:
        day = int(groups["day"])
        if not 1 <= day <= 31:
            return None
        fields["day"] = day
    if "year" in groups:
        fields["year"] = int(groups["year"])
    if "part" in groups:
        fields["part_of_day"] = _PARTS[groups["part"].lower()]
        fields["type"] = "TIME"
    if "hhmm" in groups:
        hhmm = groups["hhmm"]
        fields.update(hour=int(hhmm[:2]), minute=int(hhmm[2:]), type="TIME", relative="today")
    for key in ("hour", "clock", "ref", "refpl", "qn", "qunit", "season", "decade", "century", "tens",
                "thousand", "setword", "holiday", "dby", "lasthalf"):  # fmt: skip
        if key in groups:
            _EXTRA[key](groups, fields)
    for key in ("mod", "pmod"):
        if groups.get(key):
            fields["mod"] = _MODS[groups[key].lower()]
    period_end = fields.get("mod") and "num" not in groups and "rel" not in groups
    if "fy" in groups or (period_end and groups.get("unit") in ("year", "month", "week", "day")):
        unit = groups.get("unit", "year").lower()
        fields.update(relative="today" if unit == "day" else "this", unit=None if unit == "day" else unit)
        return fields  # "the end of the year", "later in the day"
    if groups.get("unit") == "year" and match.group(0).lower().startswith("the") and len(groups) == 1:
        fields.update(type="DURATION", unit="year", amount=1.0)  # "the year ended Sept. 30"
        return fields
    rel = groups.get("rel", "").lower()
    if "pmod" in groups and "rel" not in groups:
        rel = groups["rel"] = "today"  # "by mid-afternoon": of the report's day, as "this afternoon" is
    if "rel" in groups:
        _relative_fields(rel, groups, fields)
    elif "unit" in groups and "set" not in groups and "refpl" not in groups:
        fields.update(type="DURATION", unit=groups["unit"].lower())
        if "long" in groups:
            fields["amount"] = 1.0
    if "yrel" in groups and "qunit" not in groups:
        fields.update(relative=groups["yrel"].lower(), unit="year")
    if fields.get("relative") in ("ago", "earlier", "later", "before") and "num" not in groups:
        fields["amount"] = 1.0  # "year-earlier", "year-ago"
    if "num" in groups and "unit" in groups:
        fields["amount"] = _number(groups["num"])
        if fields["amount"] is None and fields.get("relative") == "ago":
            fields.update(relative=None, unit=None, ref="PAST_REF")  # "several years ago"
        elif fields["amount"] is None and fields.get("relative") in ("earlier", "later", "before"):
            fields.update(relative=None, type="DURATION")  # "some hours later": no day to put it on
    if "half" in groups:  # "two and a half years": resolve.py writes P2Y6M, as TimeBank does
        whole = fields.get("amount") if "num" in groups else 0.0
        amount = whole + 0.5 if isinstance(whole, float) else None
        fields.update(type="DURATION", unit=groups["unit"].lower(), amount=amount)
    if "set" in groups or "plural" in groups or "setword" in groups:
        fields.update(type="SET", relative="every")
        if "unit" in groups:
            fields["unit"] = groups["unit"].lower()
    return fields


# After "the first quarter" or "the second half": "of" a thing that is not a year is a part of that thing.
_NOT_A_YEARS_PART = re.compile(
    r"\s+of\s+(?:the|that|this|its|his|her|their|a|an)\s+(?!(?:fiscal\s+|calendar\s+)?year\b|(?:19|20)\d\d\b)",
    _I,
)


def _rejected(match: regex.Match[str], groups: dict[str, str]) -> bool:
    """Return True for matches that look like time but are not: "a quarter of", "prices fall"."""
    lowered = match.group(0).lower()
    if groups.get("unit", "").lower() == "quarter" and (
        groups.get("num", "").lower() in ("a", "an", "one") or match.string.startswith(" of", match.end())
    ):
        return True
    if "qn" in groups and _NOT_A_YEARS_PART.match(match.string, match.end()):
        return True  # "the second half of the game", "the first quarter of that money"
    if "qunit" in groups and "qn" not in groups:
        if groups["qunit"].lower() == "period" and not ("qrel" in groups or "prior" in groups):
            return True
        return not re.match(r"(?:the|this|last|next|that)\b", lowered)
    if groups.get("rel", "").lower() in ("later", "before") or (
        groups.get("rel", "").lower() == "earlier" and groups.get("unit", "").lower() != "year"
    ):
        return True  # "three days later": a length from an event of the story (below, as TimeML tags it)
    if groups.get("rel", "").lower() == "the" and groups.get("part", "").lower() == "night":
        return True  # "the night the plane crashed": a night of the story, not of the report date
    relative = groups.get("rel", "").lower().removeprefix("the ")
    if (
        groups.get("unit", "").lower() == "century"
        and "rel" in groups
        and relative not in ("this", "last", "next")
    ):
        return True  # "the past century" is the last hundred years, not the century before this one
    if "decade" in groups and "'" not in lowered and len(groups["decade"]) == 2:
        before = match.string[max(0, match.start() - 60) : match.start()].lower()
        if re.search(r"temperature|degree|\bhighs?\b|\blows?\b|\bage", before):
            return True  # "temperatures in the 90s", "ages in the 60s"
    season_alone = not any(k in groups for k in ("rel", "mod", "year", "yrel"))
    return "season" in groups and season_alone and groups["season"].lower() in ("fall", "spring")


def _number(words: str) -> float | None:
    """Return the number a count is written as ("12", "twenty-four", "a"), or None when vague ("a few")."""
    lowered = words.lower()
    try:
        return float(lowered)
    except ValueError:
        pass
    if lowered in _WORD_VALUES:
        return float(_WORD_VALUES[lowered])
    parts = re.split(r"[- ]", lowered)
    if len(parts) == 2 and parts[0] in _WORD_VALUES and parts[1] in _WORD_VALUES:
        return float(_WORD_VALUES[parts[0]] + _WORD_VALUES[parts[1]])
    return None


def _clock_fields(groups: dict[str, str], fields: dict[str, object]) -> None:
    if "clock" in groups:
        fields["hour"] = 24 if groups["clock"].lower() == "midnight" else 12
    else:
        hour = int(groups["hour"]) % 12 + (12 if groups["ampm"].lower() == "p" else 0)
        fields["hour"] = hour
        fields["minute"] = int(groups.get("minute") or 0)
    fields["type"] = "TIME"
    if "rel" not in groups and "wd" not in groups and "mon" not in groups:
        fields["relative"] = "today"


def _quarter_fields(groups: dict[str, str], fields: dict[str, object]) -> None:
    unit = groups.get("qunit", "quarter").lower()
    yrel = groups.get("yrel", "").lower()
    if "qn" not in groups and (groups.get("qrel") or "").lower() == "last" and (yrel or "year" in groups):
        groups = {**groups, "qn": "fourth"}  # "the last quarter of this year", "of 2009": its fourth
    if "qn" in groups:
        number = _ORDINALS[groups["qn"].lower()]
        fields["half" if unit == "half" else "quarter"] = min(number, 2 if unit == "half" else 4)
    if groups.get("prior") or yrel == "last":
        fields.update(relative="last", unit="year")
        if "qn" not in groups:
            fields["relative"] = "prior-year quarter"
            fields["unit"] = "quarter"
    elif "qn" in groups and yrel in ("next", "this"):
        fields.update(relative=yrel, unit="year")  # "next year's first quarter"
    elif "qn" not in groups:
        qrel = (groups.get("qrel") or "").lower()
        fields.update(
            relative="this" if qrel in ("current", "this") else "next" if qrel == "next" else "last"
        )
        fields["unit"] = "quarter"


def _plural_ref_fields(groups: dict[str, str], fields: dict[str, object]) -> None:
    # TimeBank and AQUAINT write "recent days", "recent weeks" and "recent months" as a vague duration
    # (PXD, PXW, PXM) but "recent years" and "coming months" as PAST_REF and FUTURE_REF.
    unit = groups["unit"].lower().removesuffix("s")
    if groups["refpl"].lower() == "recent" and unit in ("day", "week", "month"):
        fields.update(type="DURATION", unit=unit)
    else:
        fields["ref"] = "PAST_REF" if groups["refpl"].lower() == "recent" else "FUTURE_REF"


def _decade_fields(groups: dict[str, str], fields: dict[str, object]) -> None:
    decade = groups["decade"]
    if not decade.isdigit():
        fields["year"] = 1900 + _DECADE_WORDS[decade.lower()]
    else:
        fields["year"] = int(decade) if len(decade) == 4 else 1900 + int(decade)
    fields["unit"] = "decade"


def _spelled_year_fields(groups: dict[str, str], fields: dict[str, object]) -> None:
    if "tens" in groups:
        year = (
            1900 + _WORD_VALUES[groups["tens"].lower()] + _WORD_VALUES.get(groups.get("ones", "").lower(), 0)
        )
    else:
        year = 2000 + _WORD_VALUES.get(groups.get("ones", "").lower(), 0)
    fields["year"] = year


_EXTRA: dict[str, Callable[[dict[str, str], dict[str, object]], None]] = {
    "hour": _clock_fields,
    "clock": _clock_fields,
    "ref": lambda groups, fields: fields.update(ref=_REFS[" ".join(groups["ref"].lower().split())]),
    "refpl": _plural_ref_fields,
    "qn": _quarter_fields,
    "qunit": _quarter_fields,
    "season": lambda groups, fields: fields.update(season=_SEASONS[groups["season"].lower()]),
    "decade": _decade_fields,
    "century": lambda groups, fields: fields.update(
        year=(_CENTURY_WORDS.get(groups["century"].lower()) or int(groups["century"]) - 1) * 100,
        unit="century",
    ),
    "tens": _spelled_year_fields,
    "thousand": _spelled_year_fields,
    "setword": lambda groups, fields: fields.update(
        {
            k: v
            for k, v in zip(("unit", "part_of_day"), _SET_WORDS[groups["setword"].lower()], strict=True)
            if v
        }
    ),
    "holiday": lambda groups, fields: fields.update(
        holiday=HOLIDAYS[groups["holiday"]], **({"unit": groups["hunit"]} if "hunit" in groups else {})
    ),
    "dby": lambda groups, fields: fields.update(relative="day " + groups["dby"].lower()),
    "lasthalf": lambda groups, fields: fields.update(half=2),
}


def _relative_fields(rel: str, groups: dict[str, str], fields: dict[str, object]) -> None:
    rel = rel.lower().removeprefix("the ").strip()
    if "month" in fields and "weekday" not in fields and "day" not in fields and rel in _MONTH_RELS:
        # "last May" is a named month at least a month back, "this May" the report year's, "this
        # past May" the latest one: resolve.py picks the year from the report date.
        fields["relative"], fields["tense"] = _MONTH_RELS[rel]
        return
    if rel in ("late", "early", "mid"):
        # "late Monday" is Monday, with mod END, as "early Tuesday" is Tuesday with mod START
        # (TimeBank and AQUAINT give the day, not the night)
        if "unit" in groups or "month" in fields or "weekday" in fields:
            fields["mod"] = _MODS[rel]
        return
    if rel in ("this", "the", "last") and "part" in groups and "unit" not in groups:
        rel = "yesterday" if rel == "last" else "today"  # "this morning", "last night"
    if rel == "tonight":
        fields.update(relative="today", part_of_day="NI", type="TIME")
        return
    if rel in ("next", "previous") and groups.get("unit", "").lower() == "day":
        fields.update(relative="following" if rel == "next" else "previous", unit="day")
        return  # "the next day": the day after the date written before it (align/resolve.py)
    if rel == "this coming" and groups.get("unit", "").lower() == "weekend":
        rel = "this"  # "this coming weekend": the one ahead in the report's week
    rel = {"this coming": "next", "this past": "last", "current": "this", "latest": "last", "past": "last",
           "previous": "last", "coming": "next", "": "the"}.get(rel, rel)  # fmt: skip
    if "month" in fields and "weekday" not in fields and rel in ("last", "next", "this"):
        fields["relative"] = None  # "last June": the month, in the year the tense points to
        fields["tense"] = {"last": "past", "next": "future"}.get(rel, "present")
        return
    fields["relative"] = rel
    if "unit" in groups:
        fields["unit"] = groups["unit"].lower()
    elif "season" in fields:
        fields["unit"] = "season"


_MONTH_RELS = {"last": ("last", "past"), "next": ("next", "future"), "this": ("this", "present"),
               "this past": (None, "past"), "this coming": (None, "future")}  # fmt: skip


def _weekday_index(word: str) -> int:
    prefix = word.lower()[:2]
    return {"mo": 0, "tu": 1, "we": 2, "th": 3, "fr": 4, "sa": 5, "su": 6}[prefix]


def _parse_entity(ent: SpacySpan) -> _Found | None:
    """Parse a spaCy DATE/TIME entity the scanner did not cover: durations and bare years."""
    text = ent.text.strip()
    lowered = text.lower()
    start = ent.start_char + (len(ent.text) - len(ent.text.lstrip()))
    if re.fullmatch(r"(?:the\s+)?(?:19|20)\d\d", lowered):
        return _Found(start, start + len(text), {"type": "DATE", "year": int(lowered[-4:])})
    if re.fullmatch(r"(?:the\s+)?(?:19|20)\d0s", lowered):
        return _Found(
            start, start + len(text), {"type": "DATE", "year": int(lowered[-5:-1]), "unit": "decade"}
        )
    duration = _DURATION.match(lowered)
    if duration and not duration.group("num") and not lowered.endswith("s"):
        return None  # "the day", "the week": a day of the story, not a length; no value to give it
    if duration:
        amount = duration.group("num")
        value = _number(amount) if amount else None
        return _Found(
            start, start + len(text), {"type": "DURATION", "amount": value, "unit": duration.group("unit")}
        )
    if lowered in ("years", "decades", "months", "weeks", "days", "hours"):
        return _Found(start, start + len(text), {"type": "DURATION", "unit": lowered[:-1]})
    return _parse_with_dateparser(text, start)


def _parse_with_dateparser(text: str, start: int) -> _Found | None:
    # dateparser covers the long tail of explicit formats ("27/07/2023", "2023.07.27"); we only trust
    # it for text with digits, where it cannot invent a date from a vague phrase.
    if not re.search(r"\d", text) or re.search(r"[a-z]{3,}-old\b", text, re.IGNORECASE):
        return None
    # Absolute dates only: its relative parser reads "80s" as eighty seconds before the moment the
    # tool runs, a value that would change from run to run.
    parsed = dateparser.parse(
        text,
        languages=["en"],
        settings={"STRICT_PARSING": True, "PARSERS": ["custom-formats", "absolute-time"]},
    )
    if parsed is None:
        return None
    return _Found(
        start,
        start + len(text),
        {"type": "DATE", "year": parsed.year, "month": parsed.month, "day": parsed.day},
    )


def _overlaps(start: int, end: int, spans: Iterable[tuple[int, int]]) -> bool:
    return any(start < b and a < end for a, b in spans)


def _to_timex(
    doc: Doc, text: str, report_id: str, found: _Found, sentences: tuple[Sentence, ...], starts: list[int]
) -> TimeExpression:
    span = doc.char_span(found.start, found.end, alignment_mode="expand")
    sentence = sentence_of(starts, found.start)
    tense = _tense(span.root) if span is not None else "past"
    aside = _aside_clause(span.root, report_id) if span is not None else None
    fields = dict(found.fields)
    unit = fields.pop("unit", None)
    if "tense" in fields:  # "last June" says its own tense
        tense = str(fields.pop("tense") or tense)
    elif _deadline_ahead(fields, text, found.start, span):
        tense = "future"  # "until 9 a.m. Tuesday", "as soon as Tuesday": a deadline ahead, whatever the verb
    elif "month" in fields and "year" not in fields and _EFFECTIVE.search(text, 0, found.start):
        tense = "present"  # "a pact effective June 1": the date the change takes effect, not the clause's
    if _in_quarterly_results(fields, unit, text, sentences, sentence):
        fields["relative"], unit = "prior-year quarter", "quarter"
    return TimeExpression(
        span=Span(report_id, found.start, found.end),
        text=text[found.start : found.end],
        sentence=sentence,
        unit=unit,  # type: ignore[arg-type]
        tense=tense,
        aside=aside,
        embedded=sentences[sentence].kind in ("caption", "post") if sentences else False,
        **fields,  # type: ignore[arg-type]
    )


def _deadline_ahead(fields: dict[str, object], text: str, start: int, span: SpacySpan | None) -> bool:
    """Return True for a weekday, clock time or yearless month after "until", "by", "as soon as" ….

    Not in the past perfect ("Until Thursday, they had not called him a suspect"), and for a month,
    whose reach is wider, not in a simple past either ("By March, the rebels held the north").
    """
    month = "month" in fields and "year" not in fields
    if not ("weekday" in fields or "hour" in fields or month):
        return False
    deadline = _DEADLINE.search(text, 0, start)
    if not deadline:
        return False
    verb = _clause_verb(span.root) if span is not None else None
    if verb is None:
        return True
    if (month or deadline.group(0).lower().startswith("by")) and _finite_past(verb):
        return False  # "by Friday's end the slick was larger": the state by then, not a deadline
    return not any(c.lower_ == "had" for c in verb.children)


def _in_quarterly_results(
    fields: dict[str, object], unit: object, text: str, sentences: tuple[Sentence, ...], sentence: int
) -> bool:
    """Return True for "a year earlier" in a report of quarterly results: that quarter, a year back."""
    if unit != "year" or fields.get("relative") not in ("ago", "earlier") or fields.get("amount") != 1:
        return False
    if not sentences:
        return False
    window = text[sentences[max(sentence - 2, 0)].span.start : sentences[sentence].span.end]
    return "quarter" in window.lower()


def _aside_clause(token: Token, report_id: str) -> Span | None:
    """Return the span of the gerund or participle clause a time expression sits in, if any."""
    verb = token
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    if verb.tag_ not in ("VBG", "VBN") or verb.dep_ not in ("pcomp", "advcl", "acl") or verb.head.i == verb.i:
        return None
    if any(c.dep_ in ("aux", "auxpass", "nsubj") for c in verb.children):
        return None  # a finite clause of its own ("which has been …") is the sentence's business
    tokens = list(verb.subtree)
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    return Span(report_id, start, end)


# Verbs whose complement lies ahead, by word form: the small model's lemmas miss some ("hoped" -> "hop").
_FUTURE_HEADS = frozenset(
    "plan plans planned planning expect expects expected expecting schedule schedules scheduled scheduling"
    " intend intends intended intending set sets setting due aim aims aimed aiming hope hopes hoped hoping"
    " agree agrees agreed agreeing".split()
)


def _planned_tense(verb: Token, time: Token) -> str | None:
    """Return the tense of a clause about a plan, schedule or expectation, or None for other clauses.

    What is planned lies ahead ("is scheduled to close Monday", "plans to meet on Tuesday", "were
    planning to drive there on Monday"), but the time of the planning itself does not: a simple past
    "agreed in June to buy" or "On Friday, the government planned to pay" dates the agreeing, a past
    perfect "had been due to expire Friday" a deadline already gone, and "a service planned for
    Saturday was canceled" takes the tense of the clause the plan is part of (TimeML dates each
    expression by its own clause).
    """
    if verb.lower_ in _FUTURE_HEADS and _plans(verb):
        if verb.tag_ == "VBN" and verb.dep_ == "acl" and verb.head.i != verb.i:
            # "a service planned for Saturday was canceled": a plan that a finite past clause reports
            # as gone; "rallies planned for Tuesday" in any other clause are still ahead; "a record
            # set on Aug. 6" dates the setting, not a plan
            if verb.lower_ == "set" and not (time.dep_ == "pobj" and time.head.lower_ == "for"):
                return "past"
            return "past" if _finite_past(_clause_verb(verb.head)) else "future"
        if verb.tag_ == "VBD" and not any(c.dep_ == "dobj" for c in verb.children):
            return "past"  # "agreed in June to buy"; "planned a rally on Saturday" keeps the rally ahead
        return "past" if _past_perfect(verb) else "future"
    if (
        verb.head.lower_ in _FUTURE_HEADS
        and _plans(verb.head)
        and verb.dep_ in ("xcomp", "ccomp", "conj", "acl")
    ):
        return "past" if _past_perfect(verb.head) else "future"
    return None


def _plans(verb: Token) -> bool:
    """Return False for a plan word used as a phrasal verb: "set off", "set up", "set out" plan nothing."""
    return not any(c.dep_ == "prt" for c in verb.children)


def _clause_verb(token: Token) -> Token:
    """Return the verb (or the root) of the clause a token is part of."""
    while token.pos_ not in ("VERB", "AUX") and token.head.i != token.i:
        token = token.head
    return token


def _finite_past(verb: Token) -> bool:
    """Return True for a simple past, a past passive or a past progressive: "passed", "was canceled",
    "were waiting"."""
    # "were flown to a hospital and released by Thursday": a verb joined to another shares its auxiliaries
    heads = (verb, verb.head) if verb.dep_ == "conj" else (verb,)
    auxes = {c.lower_ for h in heads for c in h.children if c.dep_ in ("aux", "auxpass")}
    return verb.tag_ == "VBD" or (verb.tag_ in ("VBN", "VBG") and bool(auxes & {"was", "were", "had"}))


def _past_perfect(verb: Token) -> bool:
    """Return True for a verb (or the adjective "due") in the past perfect: "had been scheduled"."""
    heads = [verb, verb.head] if verb.pos_ == "ADJ" else [verb]
    return any(c.lower_ in ("had", "'d") and c.dep_ == "aux" for h in heads for c in h.children)


def _tense(token: Token) -> str:
    """Return past, present or future for the clause a time expression modifies."""
    verb = _clause_verb(token)
    if verb.pos_ not in ("VERB", "AUX"):
        return "past"
    words = {child.lower_ for child in verb.children if child.dep_ in ("aux", "auxpass")} | {verb.lower_}
    if words & {"will", "would", "shall", "'ll", "wo"}:
        return "future"
    planned = _planned_tense(verb, token)
    if planned is not None:
        return planned
    if verb.tag_ == "VB" and "to" in words and verb.head.lemma_ == "be":
        return "future"  # "is to resume trading Tuesday"
    if verb.head.lemma_ == "go" and verb.head.tag_ == "VBG":
        return "future"  # "is going to start in the spring"
    if verb.tag_ in ("VBD", "VBN"):
        return "past"
    if verb.tag_ == "VBG" and any(c.lower_ in ("is", "are", "'s") for c in verb.children):
        return "present"
    return "present" if verb.tag_ in ("VBZ", "VBP") else "past"
