"""Which words are attribution cues: a linear model over spaCy parse features, trained on PolNeAR.

Attribution cues in news are open-ended ("said", "according to", "told", "believes", "shows",
"took heat for", ":"), so a hand list misses most of them and over-fires on others ("call" a
meeting). The model scores one token at a time, the syntactic head of a cue, from its word, part of
speech, dependency label, the labels of its children and of its head. It is a logistic regression
trained by `eval/polnear.py train` on PolNeAR's train part and shipped as a small JSON table of
feature weights (`cues.json`), scored here in plain Python: no pickle, nothing loaded at run time
but the table, and no scikit-learn call per token.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass
from functools import cache
from importlib import resources
from itertools import repeat

from spacy.tokens import Doc, Token

from newsweave.analyse.model_slot import ModelSlot

# Tokens that can head a cue: verbs and their auxiliaries, nouns ("claims"), adjectives
# ("convinced"), prepositions ("according to", "in" a poll) and a colon introducing a quote.
CANDIDATE_POS = frozenset({"VERB", "AUX", "NOUN", "ADJ", "ADP"})
_QUOTE_MARKS = "\"“”''"


@dataclass(frozen=True, slots=True)
class CueModel:
    """Feature weights of the cue classifier, its bias and the decision threshold."""

    weights: dict[str, float]
    bias: float
    threshold: float

    def probability(self, token: Token) -> float:
        """Return the probability that the token heads an attribution cue."""
        if not is_candidate(token):
            return 0.0
        score = self.bias + sum(map(self.weights.get, cue_features(token), repeat(0.0)))
        return 1.0 / (1.0 + math.exp(-max(min(score, 30.0), -30.0)))

    def is_cue(self, token: Token) -> bool:
        """Return whether the token heads a cue."""
        return self.probability(token) >= self.threshold


def is_candidate(token: Token) -> bool:
    """Return whether the token may head a cue at all (keeps the model and its training small)."""
    return token.pos_ in CANDIDATE_POS or token.text == ":"


def cue_features(token: Token) -> list[str]:
    """Return the token's features: its word and tags, its children's and head's labels, neighbours."""
    lemma = token.lemma_.lower()
    head = token.head
    child_deps = sorted({c.dep_ for c in token.children})
    doc = token.doc
    following = doc[token.i + 1].lower_ if token.i + 1 < len(doc) else "<end>"
    previous = doc[token.i - 1].lower_ if token.i > 0 else "<start>"
    near_quote = _near_quote(token)
    features = [
        f"lemma={lemma}",
        f"pos={token.pos_}",
        f"tag={token.tag_}",
        f"dep={token.dep_}",
        f"lemma|dep={lemma}|{token.dep_}",
        f"lemma|tag={lemma}|{token.tag_}",
        f"head={head.lemma_.lower()}",
        f"head_dep={head.dep_}",
        f"next={following}",
        f"prev={previous}",
        f"lemma|next={lemma}|{following}",
        f"quoted_near={near_quote}",
    ]
    for dep in child_deps:
        features += [f"child={dep}", f"lemma|child={lemma}|{dep}", f"tag|child={token.tag_}|{dep}"]
    for child in token.children:
        if child.dep_ in ("nsubj", "nsubjpass", "poss"):
            # Who does it: a person, a pronoun, an organisation ("the poll shows", "he said").
            kind = child.ent_type_ or child.pos_
            features += [f"subject={kind}", f"lemma|subject={lemma}|{kind}", f"subject_word={child.lower_}"]
        elif child.dep_ in ("prep", "mark", "advmod", "prt"):
            features.append(f"lemma|{child.dep_}={lemma}|{child.lower_}")
        elif child.dep_ in ("ccomp", "xcomp"):
            first = min(child.subtree, key=lambda t: t.i)
            features.append(f"{child.dep_}_starts={first.lower_}")
    features.append(f"lemma|head={lemma}|{head.lemma_.lower()}")
    return features + _context_features(token, lemma, near_quote)


def _context_features(token: Token, lemma: str, near_quote: bool) -> list[str]:
    """Return what the token governs and where it sits: its object, complement, stance, quotes."""
    doc = token.doc
    features = [f"in_quote={_inside_quote(token)}", f"lemma|quoted_near={lemma}|{near_quote}"]
    for child in token.children:
        if child.dep_ in ("dobj", "xcomp", "ccomp", "acomp", "attr", "oprd", "pobj"):
            kind = child.ent_type_ or child.pos_
            features += [
                f"lemma|{child.dep_}={lemma}|{child.lemma_.lower()}",
                f"{child.dep_}_kind={kind}",
                f"lemma|{child.dep_}_kind={lemma}|{kind}",
            ]
        elif child.dep_ == "prep":
            objects = [g for g in child.children if g.dep_ in ("pobj", "pcomp")]
            for obj in objects:
                features.append(f"lemma|prep|obj={lemma}|{child.lower_}|{obj.ent_type_ or obj.pos_}")
    previous2 = doc[token.i - 2].lower_ if token.i > 1 else "<start>"
    following2 = doc[token.i + 2].lower_ if token.i + 2 < len(doc) else "<end>"
    features += [f"prev2={previous2}", f"next2={following2}", f"head_pos|dep={token.head.pos_}|{token.dep_}"]
    return features


def _inside_quote(token: Token) -> bool:
    return _per_token(token.doc, "newsweave.cues.quote_parity", _quote_parity)[token.i]


def _near_quote(token: Token) -> bool:
    # Cues sit next to quotation marks ('…," he said'), within a few tokens.
    return any(
        _per_token(token.doc, "newsweave.cues.quote_marks", _quote_marks)[max(token.i - 4, 0) : token.i + 5]
    )


def _per_token(doc: Doc, key: str, count: Callable[[Doc], list[bool]]) -> list[bool]:
    """Return ``count(doc)``, kept in the doc's user data: counted once per document, not per candidate."""
    cached = doc.user_data.get(key)
    if cached is None or len(cached) != len(doc):
        cached = count(doc)
        doc.user_data[key] = cached
    return cached


def _quote_parity(doc: Doc) -> list[bool]:
    """Return, per token, whether an odd number of quotation marks precede it in its paragraph.

    The paragraph, not the sentence: the sentence splitter cuts quotes of several sentences.
    """
    parity, odd = [], False
    for token in doc:
        parity.append(odd)
        odd = odd != (token.text in ('"', "“", "”", "''"))
        if "\n" in token.text or "\n" in token.whitespace_:
            odd = False
    return parity


def _quote_marks(doc: Doc) -> list[bool]:
    """Return, per token, whether it is a quotation mark."""
    # A substring test, as the shipped weights were trained with ("''" is a mark).
    return [token.text in _QUOTE_MARKS for token in doc]


def load_cue_model() -> CueModel:
    """Return the cue model in use: the shipped one, or one given to `cue_model_in_use`."""
    return _SLOT.current()


def cue_model_in_use(model: CueModel) -> AbstractContextManager[None]:
    """Make `load_cue_model` return `model` inside the block.

    For cross-validation (`eval/polnear.py cv`), which scores held-out articles with models trained
    on the other folds through the same attribution step the pipeline runs.
    """
    return _SLOT.swapped(model)


@cache
def _load_shipped_model() -> CueModel:
    # Trained on PolNeAR train by `eval/polnear.py train`.
    data = json.loads(resources.files("newsweave.analyse").joinpath("cues.json").read_text(encoding="utf-8"))
    return CueModel(weights=data["weights"], bias=data["bias"], threshold=data["threshold"])


_SLOT = ModelSlot(_load_shipped_model)
