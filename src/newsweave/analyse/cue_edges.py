"""Where a cue span starts and ends: a linear model that picks the cue's first and last word.

PolNeAR's annotators mark the cue with words that hand rules cannot place by context: the topic
preposition ("talked about [X]", "critical of [X]"), where and when it was said ("said in a
statement [that …]", "said Thursday"), a passive's "by", a light verb's object ("made these same
allegations against [the NRA]", "has raised questions about [X]"), a noun's modifiers ("fierce
supporter of [X]"). The attribution rules build a cue first (`newsweave.analyse.quotes`); this
model then looks at the words around it and chooses, among a few candidate first and last words,
the one the annotators would most likely have chosen (the rule's own edge is a candidate too,
marked by a feature, so the model keeps it unless the context says otherwise).

A logistic regression over the candidates' parse features, trained by `eval/polnear.py
train-edges` on PolNeAR's train part with the gold cue heads, shipped as a JSON table of feature
weights (`cue_edges.json`) and scored here in plain Python, as `newsweave.analyse.cues` does.
"""

from __future__ import annotations

import json
from contextlib import AbstractContextManager
from dataclasses import dataclass
from functools import cache
from importlib import resources
from itertools import repeat
from typing import Protocol

from spacy.tokens import Doc, Token

from newsweave.analyse.model_slot import ModelSlot

# How far past the rule's edge a cue may grow: "reserved [his most eloquent passion for]" is five
# words; longer stretches are rarer than the errors they would invite.
_RIGHT_REACH = 6
_LEFT_REACH = 4


@dataclass(frozen=True, slots=True)
class CueContext:
    """A cue the rules built, and what lies around it (token indices; character ranges)."""

    head: Token
    first: int
    last: int
    content: tuple[int, int] | None
    source: tuple[int, int] | None


@dataclass(frozen=True, slots=True)
class Edges:
    """The chosen first and last token of the cue, and where the content now starts."""

    first: int
    last: int
    content_start: int | None


class EdgeChooser(Protocol):
    """Picks one candidate edge from the feature lists of the candidates (one list each)."""

    def choose(self, side: str, head: Token, candidates: list[int], rows: list[list[str]]) -> int: ...


@dataclass(frozen=True, slots=True)
class EdgeModel:
    """Feature weights of the edge classifier: each candidate is scored, the highest is chosen."""

    weights: dict[str, float]

    def score(self, row: list[str]) -> float:
        """Return the candidate's linear score (its log-odds less the shared bias)."""
        return sum(map(self.weights.get, row, repeat(0.0)))

    def choose(self, side: str, head: Token, candidates: list[int], rows: list[list[str]]) -> int:
        """Return the chosen candidate's token index."""
        scores = [self.score(row) for row in rows]
        return candidates[max(range(len(rows)), key=lambda k: scores[k])]


def choose_edges(context: CueContext, chooser: EdgeChooser | None = None) -> Edges:
    """Return the cue's edges chosen by the model in use (or `chooser`), with the content's new start."""
    chooser = chooser or load_edge_model()
    right = right_candidates(context)
    last = chooser.choose("R", context.head, right, [right_features(context, e) for e in right])
    left = left_candidates(context)
    first = chooser.choose("L", context.head, left, [left_features(context, s) for s in left])
    content_start = None
    doc = context.head.doc
    content = context.content
    if content is not None and doc[context.last].idx < content[0] <= doc[last].idx:
        content_start = doc[last + 1].idx  # the words moved into the cue leave the content
    return Edges(first, last, content_start)


# -- candidates -----------------------------------------------------------------------------------


def _inside(token: Token, found: tuple[int, int] | None) -> bool:
    return found is not None and found[0] <= token.idx < found[1]


def right_candidates(context: CueContext) -> list[int]:
    """Return the token indices where the cue may end: back to its head, or a few words on."""
    head, doc = context.head, context.head.doc
    sent_end = head.sent.end
    found = list(range(max(head.i, context.first), context.last + 1))
    content = context.content
    after = content is not None and content[0] >= doc[context.last].idx + len(doc[context.last])
    for e in range(context.last + 1, min(context.last + 1 + _RIGHT_REACH, sent_end - 1)):
        token = doc[e]
        if _inside(token, context.source) or "\n" in doc[e - 1].whitespace_ or "\n" in token.text:
            break
        if _inside(token, content) and not after:
            break
        if content is not None and after and not _keeps_a_word(doc, e + 1, content[1]):
            break  # the content must keep a word
        found.append(e)
    return found


def _keeps_a_word(doc: Doc, i: int, end: int) -> bool:
    while i < len(doc) and doc[i].idx < end:
        if not doc[i].is_punct and not doc[i].is_space:
            return True
        i += 1
    return False


def left_candidates(context: CueContext) -> list[int]:
    """Return the token indices where the cue may start: up to its head, or a few words before."""
    head, doc = context.head, context.head.doc
    found = list(range(context.first, min(head.i, context.last) + 1))
    for s in range(context.first - 1, max(context.first - 1 - _LEFT_REACH, head.sent.start - 1), -1):
        token = doc[s]
        if _inside(token, context.source) or _inside(token, context.content) or "\n" in token.whitespace_:
            break
        found.insert(0, s)
    return found


# -- features -------------------------------------------------------------------------------------


def _word(token: Token) -> str:
    return token.lower_ if token.is_alpha or token.is_punct else f"<{token.shape_}>"


def _relation(token: Token, head: Token, first: int, last: int) -> str:
    if token.i == head.i:
        return "self"
    if token.head.i == head.i:
        return "child"
    return "inside" if first <= token.head.i <= last else "outside"


def _added_phrase(doc: Doc, added: range, first: int, last: int) -> tuple[bool, str]:
    """Return whether the words added to the cue hang inside the new cue (they close a phrase: "in a
    statement", not "in a") and their dependency labels in order."""
    closed = all(first <= doc[i].head.i <= last for i in added)
    return closed, "+".join(doc[i].dep_ for i in added)[:40]


def _edge_word_features(prefix: str, head: Token, token: Token, delta: int, relation: str) -> list[str]:
    """Return the features both edges share: the candidate word, where it stands and how it hangs on
    the head (`prefix` "L:" for the first word, "" for the last)."""
    lemma, word = head.lemma_.lower(), _word(token)
    features = [
        f"d={delta}",
        f"pos|d={head.pos_}|{delta}",
        f"lemma|d={lemma}|{delta}",
        f"dep={token.dep_}",
        f"word={word}",
        f"tag={token.tag_}",
        f"rel={relation}",
        f"dep|rel={token.dep_}|{relation}",
        f"lemma|word={lemma}|{word}",
    ]
    return [prefix + feature for feature in features]


def right_features(context: CueContext, end: int) -> list[str]:
    """Return the features of ending the cue at token `end`."""
    head, doc = context.head, context.head.doc
    token = doc[end]
    following = doc[end + 1] if end + 1 < len(doc) else None
    lemma = head.lemma_.lower()
    delta = max(min(end - context.last, 6), -3)
    word = _word(token)
    relation = _relation(token, head, context.first, end)
    features = [
        *_edge_word_features("", head, token, delta, relation),
        f"lemma|dep={lemma}|{token.dep_}",
        f"ent={token.ent_type_}",
        # What the edge word hangs on: "passion [for]" ends on a noun's preposition, "said [in]" on
        # the verb's.
        f"word|headlemma={word}|{token.head.lemma_.lower()}",
        f"dep|headpos={token.dep_}|{token.head.pos_}",
        *_object_cover(head, end),
    ]
    if end == context.last:
        features += ["rule", f"rule|lemma={lemma}", f"rule|word={word}"]
    # Whether the words added close a phrase ("in a statement") or stop inside one ("in a").
    added = range(context.last + 1, end + 1)
    closed, shape = _added_phrase(doc, added, context.first, end)
    features += [
        f"closed={closed}",
        f"closed|word={closed}|{word}",
        f"added={shape}",
        f"lemma|added={lemma}|{shape}",
    ]
    if context.content is not None:
        into = token.idx >= context.content[0] and end > context.last
        after = context.content[0] > token.idx
        features += [f"into_content={into}", f"content_after={after}", f"into|dep={into}|{token.dep_}"]
    if following is None or following.is_sent_start:
        return [*features, "next=<end>"]
    next_word = _word(following)
    starts = context.content is not None and following.idx == context.content[0]
    attached = context.first <= following.head.i <= end or following.head.i == head.i
    features += [
        f"next={next_word}",
        f"next_dep={following.dep_}",
        f"next_pos={following.pos_}",
        f"next_ent={following.ent_type_}",
        f"next_starts_content={starts}",
        f"next_attached={attached}",
        f"dep|next_dep={token.dep_}|{following.dep_}",
        f"word|next_pos={word}|{following.pos_}",
        f"lemma|next={lemma}|{next_word}",
        f"d|next_dep={delta}|{following.dep_}",
    ]
    return features


def _object_cover(head: Token, end: int) -> list[str]:
    """Return how a cue ending at `end` covers the head's object: a light verb's object is in the cue
    ("made [these same allegations against]", "has raised [questions about]"), a reported one is not."""
    obj = next((c for c in head.children if c.dep_ in ("dobj", "attr")), None)
    if obj is None or obj.i < head.i:
        return ["obj=none"]
    right = obj.right_edge.i
    cover = "none" if end < obj.i else "part" if end < right else "all" if end == right else "past"
    lemma = obj.lemma_.lower()
    return [
        f"cover={cover}",
        f"obj|cover={lemma}|{cover}",
        f"lemma|obj|cover={head.lemma_.lower()}|{lemma}|{cover}",
    ]


def left_features(context: CueContext, start: int) -> list[str]:
    """Return the features of starting the cue at token `start`."""
    head, doc = context.head, context.head.doc
    token = doc[start]
    previous = doc[start - 1] if start > head.sent.start else None
    lemma = head.lemma_.lower()
    delta = max(min(start - context.first, 3), -4)
    word = _word(token)
    relation = _relation(token, head, start, context.last)
    features = [
        *_edge_word_features("L:", head, token, delta, relation),
        f"L:pos|dep={head.pos_}|{token.dep_}",
    ]
    if start == context.first:
        features += ["L:rule", f"L:rule|lemma={lemma}", f"L:rule|word={word}"]
    added = range(start, context.first)
    closed, shape = _added_phrase(doc, added, start, context.last)
    features += [
        f"L:closed={closed}",
        f"L:closed|word={closed}|{word}",
        f"L:added={shape}",
        f"L:pos|added={head.pos_}|{shape}",
    ]
    if previous is None:
        return [*features, "L:prev=<start>"]
    in_source = _inside(previous, context.source)
    features += [
        f"L:prev={_word(previous)}",
        f"L:prev_dep={previous.dep_}",
        f"L:prev_pos={previous.pos_}",
        f"L:prev_source={in_source}",
        f"L:prev_attached={start <= previous.head.i <= context.last}",
        f"L:dep|prev_dep={token.dep_}|{previous.dep_}",
        f"L:d|prev_dep={delta}|{previous.dep_}",
    ]
    return features


# -- the model in use -----------------------------------------------------------------------------


def load_edge_model() -> EdgeChooser:
    """Return the edge model in use: the shipped one, or one given to `edge_model_in_use`."""
    return _SLOT.current()


def edge_model_in_use(model: EdgeChooser) -> AbstractContextManager[None]:
    """Make `load_edge_model` return `model` inside the block (training and cross-validation)."""
    return _SLOT.swapped(model)


@cache
def _load_shipped_model() -> EdgeModel:
    # Trained on PolNeAR train by `eval/polnear.py train-edges`.
    text = resources.files("newsweave.analyse").joinpath("cue_edges.json").read_text(encoding="utf-8")
    return EdgeModel(weights=json.loads(text)["weights"])


_SLOT: ModelSlot[EdgeChooser] = ModelSlot(_load_shipped_model)
