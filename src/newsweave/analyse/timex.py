"""Find time expressions in a report and parse them into fields (no calendar arithmetic here).

A regular-expression scanner finds the forms news uses ("last Wednesday (July 27)", "Monday night",
"August 2, 2023", "on Thursday"); spaCy's DATE/TIME entities add what the scanner does not know,
parsed with dateparser where they name a calendar date. Resolution against a report date happens
in the align stage, where the pile can lend a year to a report that never writes one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

import dateparser
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from newsweave.analyse.entities import sentence_of
from newsweave.model import Sentence, Span, TimeExpression

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = "january february march april may june july august september october november december".split()
_MONTH_ABBR = {m[:3]: i + 1 for i, m in enumerate(MONTHS)} | {"sept": 9}
_PARTS = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI"}
_NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100, "several": 3, "few": 3, "a few": 3,
}  # fmt: skip
_UNIT = {"second": "S", "minute": "M", "hour": "H", "day": "D", "week": "W", "month": "M",
         "year": "Y", "decade": "DE", "century": "CE"}  # fmt: skip

_WD = r"(?P<wd>mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?"
_MON_WORDS = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
_MON = rf"(?P<mon>{_MON_WORDS})\.?"
_MON2 = rf"(?P<mon2>{_MON_WORDS})\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_DAY2 = r"(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:1[89]|20)\d\d)"
_MONTH_DAY = rf"(?:{_MON}\s+{_DAY}|{_DAY2}\s+(?:of\s+)?{_MON2})(?:,?\s+{_YEAR})?"
_PATTERNS = [
    # weekday, optionally with a part of day and a date beside it: "last Wednesday (July 27)"
    re.compile(
        rf"\b(?:(?P<rel>last|next|this|late|early)\s+)?{_WD}(?:\s+(?P<part>morning|afternoon|evening|night))?"
        rf"(?:\s*(?:,|\()?\s*{_MONTH_DAY}\s*\)?)?(?![\w-])",
        re.IGNORECASE,
    ),
    re.compile(rf"\b{_MONTH_DAY}(?![\w-])", re.IGNORECASE),
    re.compile(rf"\b(?:(?P<rel>early|mid|late)[- ])?{_MON}\s+(?:of\s+)?{_YEAR}\b", re.IGNORECASE),
    re.compile(r"\b(?P<iso>(?P<year>(?:19|20)\d\d)-(?P<mon>[01]\d)-(?P<day>[0-3]\d))\b"),
    re.compile(r"\b(?P<rel>yesterday|today|tonight|tomorrow)\b", re.IGNORECASE),
    re.compile(
        r"\b(?P<rel>last|next|this|earlier this|later this)\s+(?P<unit>week|month|year|weekend)\b",
        re.IGNORECASE,
    ),
    re.compile(
        r"\b(?P<num>\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|a few|several)\s+"
        r"(?P<unit>day|week|month|year|hour)s?\s+(?P<rel>ago|earlier|later)\b",
        re.IGNORECASE,
    ),
    re.compile(rf"\b(?:in|since|from|by|until|of|during)\s+{_YEAR}\b(?!-)", re.IGNORECASE),
]
_DURATION = re.compile(
    r"^(?:the\s+)?(?:(?:next|past|last|first|coming|previous)\s+)?(?:(?:less|more)\s+than\s+|about\s+|nearly\s+|almost\s+)?"
    r"(?P<num>\d+(?:\.\d+)?|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
    r"|fifteen|twenty|thirty|forty|fifty|a few|several|few)?"
    r"\s*(?P<unit>second|minute|hour|day|week|month|year|decade|century)s?$",
    re.IGNORECASE,
)


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
            if parsed is not None:
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
            if match.group(0).lower().split()[0] in ("in", "since", "from", "by", "until", "of", "during"):
                start = match.start("year")
            if _overlaps(start, end, [(f.start, f.end) for f in found]):
                continue
            fields = _fields_from_match(match)
            if fields is not None:
                found.append(_Found(start, end, fields))
    return found


def _fields_from_match(match: re.Match[str]) -> dict[str, object] | None:
    groups = {k.rstrip("2"): v for k, v in match.groupdict().items() if v}
    fields: dict[str, object] = {"type": "DATE"}
    if "wd" in groups:
        fields["weekday"] = _weekday_index(groups["wd"])
    if "mon" in groups:
        mon = groups["mon"].lower().rstrip(".")
        fields["month"] = (
            int(mon) if mon.isdigit() else _MONTH_ABBR[mon[:4] if mon[:4] == "sept" else mon[:3]]
        )
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
    rel = groups.get("rel", "").lower()
    if rel:
        _relative_fields(rel, groups, fields)
    if "num" in groups and "unit" in groups:
        fields["amount"] = float(_NUMBER_WORDS.get(groups["num"].lower(), 0) or groups["num"])
    return fields


def _relative_fields(rel: str, groups: dict[str, str], fields: dict[str, object]) -> None:
    if rel in ("late", "early", "mid"):
        if "weekday" in fields and rel == "late":
            fields["part_of_day"] = "NI"
        return
    if rel == "tonight":
        fields.update(relative="today", part_of_day="NI", type="TIME")
        return
    fields["relative"] = rel
    if "unit" in groups:
        fields["unit"] = groups["unit"].lower()


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
    if duration:
        amount = duration.group("num")
        value = float(_NUMBER_WORDS.get(amount, 0) or amount) if amount else None
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
    parsed = dateparser.parse(text, languages=["en"], settings={"STRICT_PARSING": True})
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


def _tense(token: Token) -> str:
    """Return past, present or future for the clause a time expression modifies."""
    verb = token
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX"):
        return "past"
    words = {child.lower_ for child in verb.children if child.dep_ in ("aux", "auxpass")} | {verb.lower_}
    if words & {"will", "would", "shall", "'ll", "wo"}:
        return "future"
    if verb.lemma_ in ("plan", "expect", "schedule", "intend") or verb.head.lemma_ in ("plan", "expect"):
        return "future"
    if verb.tag_ in ("VBD", "VBN"):
        return "past"
    if verb.tag_ == "VBG" and any(c.lower_ in ("is", "are", "'s") for c in verb.children):
        return "present"
    return "present" if verb.tag_ in ("VBZ", "VBP") else "past"
