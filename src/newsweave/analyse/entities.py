"""Named-entity mentions from spaCy, cleaned of the small model's usual slips."""

from __future__ import annotations

import bisect
import re
from dataclasses import replace
from functools import lru_cache

import pycountry
from spacy.language import Language
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from newsweave.analyse.lexicon import TITLE_WORDS
from newsweave.model import EntityMention, Sentence, Span

KEPT_LABELS = frozenset(
    {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "LAW", "WORK_OF_ART"}
)
# Verbs that say where something was said: "said on Twitter", "posted via Telegram".
_PUBLISHING_VERBS = frozenset({"say", "write", "post", "tweet", "announce", "publish", "share", "appear"})
_LETTER = re.compile(r"[^\W\d_]", re.UNICODE)
_LABEL_LINE = re.compile(r"^[A-Z]{3,}$")
_ACRONYM = re.compile(r"^[A-Z]{3,7}$")
_DEMONYM = re.compile(r"(?:ian|ien|ese|ish|ean)s?$")
_PHOTO_CREDIT = re.compile(
    r"\b(?:AP|AFP|Reuters|Getty Images|EPA)\s*[-/|]\s*[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)*\s*$", re.M
)  # script labels such as "STORY:" at the start of a line


@lru_cache(maxsize=1)
def country_patterns() -> tuple[dict[str, object], ...]:
    """Return entity-ruler patterns labelling every country name pycountry knows as GPE.

    The small English model often calls Niger or Mali a person; a gazetteer of countries fixes that.
    """
    names: set[str] = set()
    for country in pycountry.countries:
        for attr in ("name", "common_name"):
            name = getattr(country, attr, None)
            if name and "," not in name and "(" not in name:
                names.add(name)
    return tuple({"label": "GPE", "pattern": name} for name in sorted(names))


def add_country_ruler(nlp: Language) -> None:
    """Add the country gazetteer before the statistical NER, which then respects its spans."""
    ruler = nlp.add_pipe(
        "entity_ruler", name="country_ruler", before="ner", config={"phrase_matcher_attr": "ORTH"}
    )
    ruler.add_patterns(list(country_patterns()))  # type: ignore[attr-defined]


def find_mentions(doc: Doc, report_id: str, sentences: tuple[Sentence, ...]) -> tuple[EntityMention, ...]:
    """Return the named-entity mentions worth keeping, with titles and sentence indices."""
    starts = [s.span.start for s in sentences]
    skipped = {s.index for s in sentences if s.kind == "post"}
    text = doc.text  # Doc.text rebuilds the string on every access
    credits = [m.span() for m in _PHOTO_CREDIT.finditer(text)]
    mentions = []
    for ent in [*doc.ents, *_unlabelled_acronyms(doc)]:
        cleaned = _clean(ent)
        if cleaned is None:
            continue
        sentence = sentence_of(starts, cleaned.start_char)
        if sentence in skipped or any(a <= cleaned.start_char < b for a, b in credits):
            continue  # embedded posts and photo credits ("AP - Sam Mednick") are not the story's actors
        span = Span(report_id, cleaned.start_char, cleaned.end_char)
        mentions.append(
            EntityMention(
                span=span, text=cleaned.text, label=cleaned.label_, sentence=sentence, title=_title(cleaned)
            )
        )
    mentions = _join_adjacent(text, mentions)
    mentions += _missed_surnames(doc, report_id, mentions, starts)
    return _relabel_surnames(tuple(sorted(mentions, key=lambda m: m.span.start)))


def _join_adjacent(text: str, mentions: list[EntityMention]) -> list[EntityMention]:
    """Return the mentions with a group word glued to the organisation after it ("Islamic" + "State")."""
    joined: list[EntityMention] = []
    for mention in sorted(mentions, key=lambda m: m.span.start):
        previous = joined[-1] if joined else None
        if (
            previous is not None
            and previous.label == "NORP"
            and mention.label == "ORG"
            and text[previous.span.end : mention.span.start] == " "
        ):
            span = Span(mention.span.report_id, previous.span.start, mention.span.end)
            joined[-1] = EntityMention(span, span.text_of(text), "ORG", previous.sentence, previous.title)
        else:
            joined.append(mention)
    return joined


def _missed_surnames(
    doc: Doc, report_id: str, mentions: list[EntityMention], starts: list[int]
) -> list[EntityMention]:
    """Return mentions for surnames of the report's people that the model left unlabelled."""
    surnames = {m.text.split()[-1] for m in mentions if m.label == "PERSON" and " " in m.text}
    covered = [(m.span.start, m.span.end) for m in mentions]
    missed = []
    for token in doc:
        if token.text in surnames and not any(a <= token.idx < b for a, b in covered):
            span = Span(report_id, token.idx, token.idx + len(token.text))
            missed.append(EntityMention(span, token.text, "PERSON", sentence_of(starts, token.idx)))
    return missed


def _unlabelled_acronyms(doc: Doc) -> list[SpacySpan]:
    # The small model misses many acronyms ("ECOWAS has imposed sanctions"): an all-capital
    # proper noun outside any entity is an organisation far more often than anything else.
    return [
        SpacySpan(doc, t.i, t.i + 1, label="ORG")
        for t in doc
        if not t.ent_type_ and t.pos_ == "PROPN" and _ACRONYM.match(t.text)
    ]


def _relabel_surnames(mentions: tuple[EntityMention, ...]) -> tuple[EntityMention, ...]:
    """Return the mentions with a person's surname labelled PERSON wherever the model mislabelled it."""
    people = {m.text for m in mentions if m.label == "PERSON"}
    people |= {m.text.split()[-1] for m in mentions if m.label == "PERSON" and " " in m.text}
    return tuple(
        replace(m, label="PERSON")
        if m.label in ("ORG", "NORP", "WORK_OF_ART", "FAC") and m.text in people
        else m
        for m in mentions
    )


def _clean(ent: SpacySpan) -> SpacySpan | None:
    if ent.label_ not in KEPT_LABELS or not _LETTER.search(ent.text):
        return None
    doc = ent.doc
    start, end = ent.start, ent.end
    # A line break inside an entity is a tokenisation slip ("X.\n\nColonna"): keep the last line.
    for token in ent:
        if "\n" in token.text or "\n" in token.whitespace_:
            start = token.i + 1
    while start < end and (doc[start].is_punct or doc[start].lower_ in ("the", "'s")):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].lower_ == "'s"):
        end -= 1
    if start >= end:
        return None
    if ent.label_ == "PERSON":
        start = _extend_name_left(doc, start)
    if (
        ent.label_ == "ORG"
        and start >= 2
        and doc[start - 1].lower_ in ("'s", "’s")
        and doc[start - 2].ent_type_ == "GPE"
    ):
        start -= 2  # "France's foreign ministry" is not "foreign ministry" of anywhere
    label = ent.label_
    if label == "PERSON" and end - start == 1 and start > 0 and doc[start - 1].lower_ == "the":
        label = "LOC"  # "the Sahel": names of people do not take an article
    if label == "PERSON" and end - start == 1 and _is_medium(doc[start]):
        label = "ORG"  # "Bazoum said on Twitter": where one says things is a platform, not a person
    if label in ("GPE", "LOC") and end - start == 1 and _DEMONYM.search(doc[start].text):
        label = "NORP"  # "Nigerien", "Russian": a people, not a place
    span = SpacySpan(doc, start, end, label=label)
    if _LABEL_LINE.match(span.text) and end < len(doc) and doc[end].text == ":":
        return None
    if start >= 2 and doc[start - 1].lower_ == "of" and doc[start - 2].lower_ in TITLE_WORDS:
        return None  # "Secretary of State": part of a title, not an organisation
    return span


def _is_medium(token: Token) -> bool:
    """Return True for the object of "on"/"via" after a verb of publishing ("said on Twitter")."""
    preposition = token.head
    return (
        token.dep_ == "pobj"
        and preposition.lower_ in ("on", "via")
        and preposition.head.lemma_ in _PUBLISHING_VERBS
    )


def _extend_name_left(doc: Doc, start: int) -> int:
    # The small model often drops a first name ("General Abdou [Sidikou Issa]").
    while start > 0:
        previous = doc[start - 1]
        if previous.pos_ != "PROPN" or previous.lower_ in TITLE_WORDS or not previous.is_title:
            break
        if previous.ent_type_ and previous.ent_type_ != "PERSON":
            break
        start -= 1
    return start


def _title(ent: SpacySpan) -> str:
    """Return the title or role written right before a name ("French Foreign Minister")."""
    doc = ent.doc
    i = ent.start - 1
    while i >= 0 and ent.start - i <= 6:
        token = doc[i]
        joins = token.text in ("-", "of") and i > 0 and doc[i - 1].lower_ in TITLE_WORDS
        if not (joins or token.lower_ in TITLE_WORDS or token.pos_ in ("PROPN", "ADJ", "NOUN")):
            break
        if "\n" in token.whitespace_ or token.ent_type_ == "PERSON":
            break
        i -= 1
    words = doc[i + 1 : ent.start].text
    return words if any(w.lower() in TITLE_WORDS for w in re.split(r"[\s-]+", words)) else ""


def sentence_of(starts: list[int], char: int) -> int:
    """Return the index of the sentence that holds character ``char``."""
    return max(0, bisect.bisect_right(starts, char) - 1)
