"""Figures: numbers in the text, their value or range, and the noun they count."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from newsweave.analyse.entities import sentence_of
from newsweave.analyse.lexicon import (
    APPROXIMATE,
    LOWER_BOUND,
    PEOPLE_NOUNS,
    PLURAL_SCALES,
    UPPER_BOUND,
    VAGUE_MULTIPLIERS,
    VERB_CLASSES,
)
from newsweave.model import Figure, Sentence, Span, TimeExpression

FIGURE_LABELS = frozenset({"CARDINAL", "QUANTITY", "MONEY", "PERCENT", "ORDINAL"})
_SCALE = {"dozen": 12, "hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "a": 1, "an": 1,
}  # fmt: skip
_VAGUE_SCALE = re.compile(
    r"\b(?P<q>a few|few|several|some|many|a couple of)\s+(?P<scale>dozen|hundred|thousand|million)\b"
    r"|\b(?P<plural>tens of thousands|hundreds of thousands|dozens|scores|hundreds|thousands|millions)\b",
    re.IGNORECASE,
)
_QUALIFIER = re.compile(
    r"(?P<q>more than|fewer than|less than|at least|at most|up to|no more than|upwards of|in excess of|"
    r"about|some|around|roughly|approximately|nearly|almost|over|under|above|below)\s+$",
    re.IGNORECASE,
)


def find_figures(
    doc: Doc, report_id: str, sentences: tuple[Sentence, ...], timexes: tuple[TimeExpression, ...]
) -> tuple[Figure, ...]:
    """Return the figures of a report, skipping numbers that are part of dates or embedded posts."""
    starts = [s.span.start for s in sentences]
    text = doc.text  # Doc.text rebuilds the string on every access
    blocked = [(t.span.start, t.span.end) for t in timexes]
    blocked += [(s.span.start, s.span.end) for s in sentences if s.kind == "post"]
    figures: list[Figure] = []
    for start, end, label in _candidate_spans(doc, text):
        if any(start < b and a < end for a, b in blocked):
            continue
        if any(start < f.span.end and f.span.start < end for f in figures):
            continue
        span = doc.char_span(start, end, label=label, alignment_mode="expand")
        figure = _figure(text, span, report_id, sentence_of(starts, start)) if span is not None else None
        if figure is not None:
            figures.append(figure)
    return tuple(sorted(figures, key=lambda f: f.span.start))


def _candidate_spans(doc: Doc, text: str) -> list[tuple[int, int, str]]:
    spans = [(m.start(), m.end(), "CARDINAL") for m in _VAGUE_SCALE.finditer(text)]
    spans += [(e.start_char, e.end_char, e.label_) for e in doc.ents if e.label_ in FIGURE_LABELS]
    return sorted(spans, key=lambda s: (s[0], -s[1]))


def _figure(doc_text: str, span: SpacySpan, report_id: str, sentence: int) -> Figure | None:
    start, end = _with_qualifier(doc_text, span.start_char), span.end_char
    text = doc_text[start:end]
    ordinal = span.label_ == "ORDINAL"
    bounds = _ordinal_value(text) if ordinal else parse_amount(text)
    if bounds is None or _is_pronoun_one(span):
        return None
    value, low, high = (None if x is None else float(x) for x in bounds)
    hyphenated = _hyphenated_counts(doc_text, end, report_id)
    if hyphenated is not None:  # "the 15-member-state regional bloc"
        counts, hyphen_span, key = hyphenated
        return Figure(
            Span(report_id, start, end), text, value, low, high, counts, key, "", sentence, hyphen_span
        )
    head = _counted_noun(span)
    elided = head is None
    head = head or _elided_noun(span)
    if head is None:
        counts, counts_span, key = "", None, ""
    else:
        counts, counts_span = _counts_phrase(head, report_id, doc_text, bare=elided)
        key = _counts_key(head, _event_verb(head))
    if ordinal:  # "the seventh military takeover": a rank, followed as its own series
        key, context = (f"rank:{head.lemma_.lower()}" if head is not None else ""), "rank"
    else:
        context = _context(head if head is not None else span.root)
    return Figure(
        Span(report_id, start, end), text, value, low, high, counts, key, context, sentence, counts_span
    )


_ORDINALS = {
    "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9,
    "tenth": 10, "eleventh": 11, "twelfth": 12, "twentieth": 20,
}  # fmt: skip


def _ordinal_value(text: str) -> tuple[float, float, float] | None:
    """Return a rank ("seventh", "3rd") as a figure; "first" and "last" are too often not ranks."""
    lowered = text.lower()
    digits = re.fullmatch(r"(\d+)(?:st|nd|rd|th)", lowered)
    number = float(digits.group(1)) if digits else _ORDINALS.get(lowered)
    return (number, number, number) if number and number >= 2 else None


def _hyphenated_counts(text: str, end: int, report_id: str) -> tuple[str, Span, str] | None:
    match = re.match(r"-([A-Za-z]+(?:-[A-Za-z]+)*)", text[end:])
    if match is None:  # "2-1", "3-6 %": not a compound noun
        return None
    start = end + 1
    return match.group(1), Span(report_id, start, start + len(match.group(1))), match.group(1).lower()


def _with_qualifier(text: str, start: int) -> int:
    match = _QUALIFIER.search(text[max(0, start - 20) : start])
    return start - len(match.group(0)) if match else start


def parse_amount(text: str) -> tuple[float | None, float | None, float | None] | None:
    """Return (value, low, high) for a written amount; value is None for ranges and vague amounts."""
    lowered = " ".join(text.lower().replace(",", "").split())
    for word in ("a few", "several", "some", "many", "a couple of", "few"):
        for scale, size in _SCALE.items():
            if f"{word} {scale}" in lowered:
                low, high = VAGUE_MULTIPLIERS[word]
                return None, low * size, high * size
    for plural, (low, high) in sorted(PLURAL_SCALES.items(), key=lambda kv: -len(kv[0])):
        if re.search(rf"\b{plural}\b", lowered):
            return None, low, high
    qualifier, _, number_text = _split_qualifier(lowered)
    number = _parse_number(number_text)
    if number is None:
        return None
    return _apply_qualifier(qualifier, number)


def _split_qualifier(lowered: str) -> tuple[str, str, str]:
    for qualifier in sorted(APPROXIMATE | LOWER_BOUND | UPPER_BOUND, key=len, reverse=True):
        if lowered.startswith(qualifier + " "):
            return qualifier, " ", lowered[len(qualifier) + 1 :]
    return "", "", lowered


def _apply_qualifier(qualifier: str, number: float) -> tuple[float | None, float | None, float | None]:
    if qualifier in LOWER_BOUND:
        return None, number + (1 if qualifier in ("more than", "over", "above") else 0), None
    if qualifier in UPPER_BOUND:
        return None, None, number - (1 if qualifier in ("less than", "fewer than", "under", "below") else 0)
    if qualifier in ("nearly", "almost"):
        return number, round(number * 0.9), number
    if qualifier in APPROXIMATE:
        return number, round(number * 0.9), round(number * 1.1)
    return number, number, number


def _parse_number(text: str) -> float | None:
    # Hand-written: news numbers mix digits and words ("1.5 million", "twenty-five", "560").
    words = text.replace("-", " ").replace("$", " ").replace("%", " ").split()
    total, current, seen = 0.0, 0.0, False
    for word in words:
        if re.fullmatch(r"\d+(?:\.\d+)?", word):
            current += float(word)
            seen = True
        elif word in _WORDS:
            current += _WORDS[word]
            seen = seen or word not in ("a", "an")
        elif word in _SCALE:
            current = (current or 1) * _SCALE[word]
            if _SCALE[word] >= 1_000:
                total, current = total + current, 0.0
            seen = True
        elif word in ("and", "per", "cent", "percent", "dollars", "euros", "pounds", "us", "usd", "eur"):
            continue
        else:
            break
    return total + current if seen else None


def _is_pronoun_one(span: SpacySpan) -> bool:
    # "one of the world's poorest", "the 63-year-old is one of": not a figure.
    return span.text.lower() in ("one", "a", "an") or span.text.lower().startswith("one of")


def _counted_noun(span: SpacySpan) -> Token | None:
    """Return the noun a number counts: its head for "992 people", the object of "hundreds of X"."""
    root = span.root
    if root.pos_ in ("NOUN", "PROPN") and root.i >= span.end - 1 and root.dep_ != "nummod":
        of = next((c for c in root.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        if of is not None:
            return next((c for c in of.children if c.dep_ == "pobj"), None)
    head = root.head if root.dep_ in ("nummod", "quantmod", "amod", "compound", "nmod") else None
    if head is not None and head.pos_ in ("NOUN", "PROPN") and head.i >= span.end:
        return head
    nxt = span.doc[span.end] if span.end < len(span.doc) else None
    if nxt is not None and nxt.pos_ in ("NOUN", "PROPN") and nxt.ent_type_ not in ("DATE", "TIME"):
        return nxt
    return None


def _elided_noun(span: SpacySpan) -> Token | None:
    """Return the noun an elliptical number refers back to ("four coups … including two")."""
    sentence = span.sent
    before = [t for t in sentence if t.i < span.start and t.tag_ == "NNS"]
    if before and span.start - before[-1].i <= 5:
        return before[-1]
    for token in reversed(before):
        if any(c.like_num for c in token.children):
            return token
    return None


def _counts_phrase(head: Token, report_id: str, doc_text: str, bare: bool = False) -> tuple[str, Span | None]:
    if bare:  # an elided noun borrowed from earlier: its own modifiers describe something else
        return head.text, Span(report_id, head.idx, head.idx + len(head.text))
    left = [c for c in head.lefts if c.dep_ in ("amod", "compound") or (c.dep_ == "conj")]
    modifiers = [t for c in left for t in c.subtree if t.dep_ not in ("nummod", "quantmod", "det", "predet")]
    conj_adjs = [t for c in head.lefts if c.dep_ == "amod" for t in c.subtree]
    tokens = sorted({*modifiers, *conj_adjs, head}, key=lambda t: t.i)
    tokens = [t for t in tokens if t.i >= tokens[0].i and not t.like_num]
    if not tokens:
        return head.text, Span(report_id, head.idx, head.idx + len(head.text))
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    return doc_text[start:end], Span(report_id, start, end)


def _counts_key(head: Token, verb: str) -> str:
    """Return "noun[:groups]|verb class": the key that follows one quantity across reports."""
    lemma = head.lemma_.lower()
    if head.ent_type_ == "NORP":  # "a few hundred Europeans"
        return f"people:{head.text.removesuffix('s')}|{verb}"
    noun = "people" if lemma in PEOPLE_NOUNS else lemma
    if noun == "people" and not any(c.dep_ in ("amod", "compound") for c in head.lefts):
        # Bare "people"/"citizens": whose they are is not said, so no series across reports.
        noun = f"people@{head.idx}"
    groups = sorted(
        {
            t.text
            for c in head.lefts
            if c.dep_ in ("amod", "compound")
            for t in c.subtree
            if t.ent_type_ == "NORP"
        }
    )
    return noun + (":" + "+".join(groups) if groups else "") + f"|{verb}"


def _event_verb(token: Token) -> str:
    verb = _governing_verb(token)
    if verb is None:
        return ""
    xcomp = next((c for c in verb.rights if c.dep_ == "xcomp" and c.pos_ == "VERB"), None)
    lemma = (
        xcomp
        if xcomp is not None and verb.lemma_ in ("wish", "want", "plan", "prepare", "try", "seek")
        else verb
    ).lemma_
    return VERB_CLASSES.get(lemma.lower(), lemma.lower())


def _governing_verb(token: Token) -> Token | None:
    verb = token
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    # "a group made up of 560 French citizens": the event is the clause the group belongs to.
    while (
        verb.dep_ in ("acl", "relcl")
        and verb.lemma_ in ("make", "include", "comprise")
        and verb.head.i != verb.i
    ):
        verb = verb.head
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
            verb = verb.head
    if verb.lemma_ in ("say", "announce", "report") and token.i > verb.i:
        # "it said that 992 people were evacuated …, a group made up of 560": the reported event.
        verb = next((c for c in verb.children if c.dep_ == "ccomp"), verb)
    return verb if verb.pos_ in ("VERB", "AUX") else None


def _context(token: Token) -> str:
    """Return the verb phrase saying what happened to the counted things ("were evacuated")."""
    verb = _governing_verb(token)
    if verb is None:
        return ""
    words = [c for c in verb.lefts if c.dep_ in ("aux", "auxpass", "neg")] + [verb]
    xcomp = next((c for c in verb.rights if c.dep_ == "xcomp" and c.pos_ == "VERB"), None)
    phrase = " ".join(t.text for t in sorted(words, key=lambda t: t.i))
    return f"{phrase} to {xcomp.text}" if xcomp is not None else phrase
