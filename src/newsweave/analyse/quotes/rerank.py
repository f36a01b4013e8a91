"""Whether to keep an attribution the rules built: a second-stage model over whole attributions.

The cue model (`newsweave.analyse.cues`) judges one token at a time and cannot see what the rules
then build from it: a content in quotation marks, a named speaker, a clause rather than a bare
object. Here the rules build candidates from heads the cue model is less sure of (the reranker's
own, lower `Thresholds`), and a logistic regression over each built attribution decides whether it
stays. It is trained by `eval/polnear.py train-rerank` on PolNeAR train with cue probabilities
from cue models that did not see the article (five folds), shipped as a JSON table of feature
weights (`rerank.json`) and scored in plain Python, as the cue model is.
"""

from __future__ import annotations

import json
import math
from contextlib import AbstractContextManager
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Protocol

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from newsweave.analyse.lexicon import SPEECH_VERBS
from newsweave.analyse.model_slot import ModelSlot
from newsweave.analyse.quotes.thresholds import SHIPPED_THRESHOLDS, Thresholds
from newsweave.model import Quote

_QUOTE_MARKS = "\"“”'‘’"
_PRONOUNS = frozenset("he she they we i it you who".split())


@dataclass(frozen=True, slots=True)
class Candidate:
    """An attribution the rules built from a cue head, and what it was built among."""

    head: Token
    quote: Quote
    probability: float
    # Whether the rules build it at the usual thresholds (`SHIPPED_THRESHOLDS`), as without a reranker.
    accepted: bool
    # The attributions of the same sentence built before it (it may sit inside one's content).
    earlier: tuple[Quote, ...]
    # Who spoke last in the report before this sentence's attribution ("" when no one).
    previous_source: str


class Judge(Protocol):
    """Decides which candidate attributions stay; `candidates` are the rules' thresholds to build from."""

    @property
    def candidates(self) -> Thresholds: ...

    def keeps(self, candidate: Candidate) -> bool: ...


@dataclass(frozen=True, slots=True)
class Reranker:
    """Feature weights of the attribution classifier, its bias, the rules' thresholds and two cuts:
    one for heads the usual thresholds accept, a higher one for those only the lowered ones do."""

    weights: dict[str, float]
    bias: float
    keep: float
    keep_accepted: float
    candidates: Thresholds

    def probability(self, candidate: Candidate) -> float:
        """Return the probability that the candidate matches an attribution the annotators marked."""
        score = self.bias + sum(self.weights.get(f, 0.0) * v for f, v in rerank_features(candidate).items())
        return 1.0 / (1.0 + math.exp(-max(min(score, 30.0), -30.0)))

    def keeps(self, candidate: Candidate) -> bool:
        """Return whether the candidate stays."""
        # What the usual thresholds build is dropped only when the model is sure it is wrong (5-fold
        # cross-validation: docs/benchmarks.md, "An attribution reranker").
        cut = self.keep_accepted if candidate.accepted else self.keep
        return self.probability(candidate) >= cut


@dataclass(frozen=True, slots=True)
class KeepAll:
    """Keeps what the given thresholds build: the rules alone, or every candidate (for training)."""

    candidates: Thresholds = SHIPPED_THRESHOLDS

    def keeps(self, candidate: Candidate) -> bool:
        return True


def rerank_features(candidate: Candidate) -> dict[str, float]:
    """Return the candidate's features: the cue probability, the head, the content, the source."""
    head, quote, p = candidate.head, candidate.quote, candidate.probability
    lemma = head.lemma_.lower()
    band = _band(p)
    lexicon = lemma in SPEECH_VERBS and head.pos_ == "VERB"
    where = _where(quote)
    sentence = head.sent
    features = [
        f"band={band}",
        f"band|lexicon={band}|{lexicon}",
        f"band|where={band}|{where}",
        f"band|kind={band}|{quote.kind}",
        f"lemma={lemma}",
        f"pos={head.pos_}",
        f"dep={head.dep_}",
        f"pos|dep={head.pos_}|{head.dep_}",
        f"where={where}",
        f"kind={quote.kind}",
        f"length={_bucket(len(quote.text.split()))}",
        f"cue_length={_bucket(len(quote.cue_text.split()))}",
        f"parts={len(quote.parts)}",
        f"marks={_marks(quote)}",
        f"source={_source_kind(candidate)}",
        f"band|source={band}|{_source_kind(candidate)}",
        f"position={_bucket(head.i - sentence.start)}",
        f"sentence={_bucket(quote.sentence)}",
        f"nested={_nested(candidate)}",
        f"children={'|'.join(sorted({c.dep_ for c in head.children if c.dep_ in _TELLING}))}",
        f"lemma|where={lemma}|{where}",
        f"lemma|band={lemma}|{band}",
        f"tag={head.tag_}",
        f"first={_first_word(quote)}",
        f"where|source={where}|{_source_kind(candidate)}",
        f"where|length={where}|{_bucket(len(quote.text.split()))}",
    ]
    features += _structure_features(candidate, sentence)
    values = dict.fromkeys(features, 1.0)
    values["logit"] = math.log(max(p, 1e-4) / max(1.0 - p, 1e-4))
    return values


def _structure_features(candidate: Candidate, sentence: SpacySpan) -> list[str]:
    """Return how the attribution is built: what the source and the content are in the parse, the
    cue's words, its voice, and the sentence around it (stop 8: 5-fold CV on train, overlap
    0.726 → 0.730; docs/benchmarks.md, "What the reranker sees")."""
    head, quote = candidate.head, candidate.quote
    lemma = head.lemma_.lower()
    doc = head.doc
    cue_words = _tokens_within(doc, quote.cue.start, quote.cue.end) if quote.cue is not None else []
    content_words = _tokens_within(doc, quote.content.start, quote.content.end)
    content = _root_of(content_words)
    features = [
        f"cue={' '.join(t.lower_ for t in cue_words)[:40]}",
        f"passive={any(c.dep_ == 'auxpass' for c in head.children)}",
        f"negated={any(c.dep_ == 'neg' for c in head.children)}",
        f"head_of_head={head.head.lemma_.lower() if head.head.i != head.i else 'ROOT'}",
        f"head_of_head|dep={head.head.pos_}|{head.dep_}",
        f"sentence_marks={not _DOUBLE_MARKS.isdisjoint(sentence.text)}",
        f"sentence_length={_bucket(len(sentence))}",
        f"heading={sentence[-1].text not in _SENTENCE_ENDS}",
        f"earlier={min(len(candidate.earlier), 2)}",
        f"gap={_bucket(_gap(quote))}",
        f"lemma|has_source={lemma}|{quote.source is not None}",
    ]
    if quote.source is not None:
        source_words = _tokens_within(doc, quote.source.start, quote.source.end)
        source = _root_of(source_words)
        if source is not None:
            # A passive's "by X" names its source: "agent", not the bare object of a preposition.
            dep = "agent" if source.dep_ == "pobj" and source.head.dep_ == "agent" else source.dep_
            features += [
                f"source_dep={dep}",
                f"source_dep|pos={dep}|{head.pos_}",
                f"source_entity={source.ent_type_ or 'none'}",
                f"source_on_cue={source.head.i == head.i}",
                f"source_last={source_words[-1].lemma_.lower()}",
            ]
    if content is not None:
        features += [
            f"content_dep={content.dep_}",
            f"content_pos={content.pos_}",
            f"content_dep|lemma={content.dep_}|{lemma}",
            f"content_on_cue={content.head.i == head.i}",
            f"content_lemma={content.lemma_.lower()}",
            f"content_subject={any(c.dep_ in ('nsubj', 'nsubjpass') for c in content.children)}",
            f"content_share={min(int(len(content_words) / len(sentence) * 4), 4)}",
        ]
    return features


_DOUBLE_MARKS = frozenset('"“”')
_SENTENCE_ENDS = frozenset(".?!\"”’'")


def _tokens_within(doc: Doc, start: int, end: int) -> list[Token]:
    """Return the words that start between two character offsets."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return [t for t in span if start <= t.idx < end] if span is not None else []


def _root_of(tokens: list[Token]) -> Token | None:
    """Return the first word of ``tokens`` whose head lies outside them: the phrase's root."""
    inside = {t.i for t in tokens}
    return next((t for t in tokens if t.head.i == t.i or t.head.i not in inside), None)


def _gap(quote: Quote) -> int:
    """Return how many characters lie between the cue and its content."""
    if quote.cue is None:
        return 0
    if quote.content.start >= quote.cue.end:
        return quote.content.start - quote.cue.end
    return max(quote.cue.start - quote.content.end, 0)


_TELLING = frozenset({"ccomp", "xcomp", "dobj", "prep", "nsubj", "nsubjpass", "agent", "parataxis", "advcl"})


def _band(p: float) -> str:
    return f"{min(int(p * 10), 9)}"


def _bucket(n: int) -> str:
    # 0, 1, 2-3, 4-7, 8-15, 16+
    return str(min(n.bit_length(), 5))


def _where(quote: Quote) -> str:
    """Return where the content lies against the cue: after it, before it, around it, or none."""
    if quote.cue is None:
        return "none"
    if quote.parts:
        return "around"
    return "after" if quote.content.start >= quote.cue.end else "before"


def _marks(quote: Quote) -> str:
    # A quotation mark inside the content, or right next to it.
    if any(m in quote.text for m in _QUOTE_MARKS):
        return "in"
    return "none"


def _source_kind(candidate: Candidate) -> str:
    quote = candidate.quote
    if quote.source is None:
        return "none"
    if quote.speaker_mention is not None:
        kind = "named"
    elif quote.source_text.lower() in _PRONOUNS:
        kind = "pronoun"
    else:
        kind = "noun"
    same = bool(candidate.previous_source) and quote.source_text == candidate.previous_source
    return f"{kind}|{'same' if same else 'new'}"


def _first_word(quote: Quote) -> str:
    words = quote.text.split()
    return words[0].lower() if words and words[0].lower() in _OPENERS else "other"


_OPENERS = frozenset("that to the a he she they it if whether how why what".split())


def _nested(candidate: Candidate) -> bool:
    start = candidate.head.idx
    return any(q.content.start <= start < q.content.end for q in candidate.earlier)


def load_judge() -> Judge:
    """Return the judge in use: the shipped reranker, or one given to `judge_in_use`."""
    return _SLOT.current()


def judge_in_use(judge: Judge) -> AbstractContextManager[None]:
    """Make `load_judge` return `judge` inside the block (training and cross-validation)."""
    return _SLOT.swapped(judge)


def reranker_from_table(table: dict[str, object]) -> Reranker:
    """Return the reranker of a `rerank.json` table."""
    weights, bias, candidates = table["weights"], table["bias"], table["candidates"]
    keep, keep_accepted = table["keep"], table["keep_accepted"]
    assert isinstance(weights, dict) and isinstance(bias, float) and isinstance(candidates, dict)
    assert isinstance(keep, float) and isinstance(keep_accepted, float)
    return Reranker(weights, bias, keep, keep_accepted, Thresholds(**candidates))


@cache
def _load_shipped() -> Judge:
    # Trained on PolNeAR train by `eval/polnear.py train-rerank`.
    path = resources.files("newsweave.analyse").joinpath("rerank.json")
    return reranker_from_table(json.loads(path.read_text(encoding="utf-8")))


_SLOT: ModelSlot[Judge] = ModelSlot(_load_shipped)
