"""Sentence boundaries and the kind of each sentence: prose, heading, photo caption or embedded post."""

from __future__ import annotations

import re
from collections import Counter
from typing import cast

import numpy
from spacy.language import Language
from spacy.tokens import Doc
from thinc.types import Ints2d

from newsweave.model import Sentence, Span

_POST = re.compile(r"pic\.twitter\.com/|^[—–-]\s*.{1,80}\(@\w+\)\s+\w+\s+\d{1,2},\s+\d{4}\s*$", re.MULTILINE)
_CREDIT = re.compile(
    r"\b(?:AP|AFP|Reuters|Getty Images|EPA|Anadolu)\s*(?:[-/|]\s*[A-Z]\w+|Photo)", re.UNICODE
)
_SCRIPT_LABEL = re.compile(r"^[A-Z]{3,}:\s+")
_LINE_LABEL = re.compile(r"^([A-Z]{3,}):\s", re.MULTILINE)
_FULL_DATE = re.compile(r"\b(?:19|20)\d\d\b")
_HEADING_END = re.compile(r"[.!?\"”:;,)]\s*$")


@Language.component("newline_sentences")
def newline_sentences(doc: Doc) -> Doc:
    """Start a sentence after every line break: scraped news puts one paragraph per line."""
    # spaCy keeps a line break as a whitespace token of its own (a token's trailing whitespace is one
    # space at most), so the token after one holding "\n" starts a sentence. Done on arrays: reading
    # every Token object, or setting is_sent_start one token at a time (each set rescans the Doc),
    # cost 2-3% of the parse on news.
    orths = doc.to_array("ORTH")
    breaks = [orth for orth in set(orths.tolist()) if "\n" in doc.vocab.strings[orth]]
    if not breaks:
        return doc
    sent_starts = doc.to_array(["SENT_START"])
    sent_starts[numpy.flatnonzero(numpy.isin(orths[:-1], breaks)) + 1] = 1
    # spaCy's stub types to_array as float; SENT_START comes back as integers, as from_array wants.
    doc.from_array(["SENT_START"], cast(Ints2d, sent_starts))
    return doc


def find_sentences(doc: Doc, report_id: str) -> tuple[Sentence, ...]:
    """Return the report's sentences with their kind, skipping whitespace-only ones."""
    sentences: list[Sentence] = []
    text_of_doc = doc.text  # Doc.text rebuilds the string on every access
    transcript = _is_transcript(text_of_doc)
    for sent in doc.sents:
        text = sent.text.strip()
        if not any(c.isalnum() for c in text):
            continue  # a closing quotation mark alone on a line
        start = sent.start_char + (len(sent.text) - len(sent.text.lstrip()))
        label = _SCRIPT_LABEL.match(text)
        # "STORY: France plans …": the label is not prose; in a transcript it is the speaker.
        if label and len(text) > label.end() and not transcript:
            start, text = start + label.end(), text[label.end() :]
        span = Span(report_id, start, start + len(text))
        sentences.append(Sentence(span=span, index=len(sentences), kind=_kind(text_of_doc, span, sent)))
    return tuple(sentences)


def _is_transcript(text: str) -> bool:
    """Return whether the report reads as an interview transcript: two or more speakers' labels open
    its lines, one of them more than once ("TAPPER: …", "FALLIN: …", "TAPPER: …")."""
    labels = Counter(m.group(1) for m in _LINE_LABEL.finditer(text))
    return len(labels) >= 2 and max(labels.values()) >= 2


def _kind(text: str, span: Span, sent) -> str:  # type: ignore[no-untyped-def]
    line = _line_of(text, span.start)
    if _POST.search(line):
        return "post"
    if _CREDIT.search(line) or _looks_like_caption(line, sent):
        return "caption"
    words = span.text_of(text).split()
    if len(words) <= 8 and line.strip() == span.text_of(text) and not _HEADING_END.search(line):
        return "heading"
    return "prose"


def _line_of(text: str, char: int) -> str:
    start = text.rfind("\n", 0, char) + 1
    end = text.find("\n", char)
    return text[start : end if end >= 0 else len(text)]


def _looks_like_caption(line: str, sent) -> bool:  # type: ignore[no-untyped-def]
    # Photo captions: one present-tense sentence about a picture, dated with a full year.
    if not _FULL_DATE.search(line) or line.count(". ") > 1:
        return False
    root = sent.root
    return root.tag_ in ("VBP", "VBZ") and root.lemma_ in (
        "hold",
        "stand",
        "gather",
        "wave",
        "walk",
        "take",
        "demonstrate",
        "march",
        "sit",
        "chant",
        "protest",
    )
