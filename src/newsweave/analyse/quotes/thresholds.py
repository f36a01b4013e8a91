"""How sure the cue model must be for each attribution rule: the values to re-tune in one place."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Thresholds:
    """The cue probability each rule needs before it builds an attribution.

    The attribution reranker (`newsweave.analyse.rerank`) lets the rules build from lower values and
    then judges each whole attribution; without it these are the final cuts.
    """

    # Any word the cue model scores.
    head: float = 0.5
    # Verbs of the hand lexicon are cues unless the model is sure they are not ("call a meeting").
    lexicon: float = 0.2
    # A cue whose only content is its object ("attacked [Clinton]") is as often an act as a statement.
    object: float = 0.6
    # Below `object`, down to this, an object-only cue counts when a person or a named body does it
    # ("Trump attacked [Clinton]"), not "it" ("It has also raised [security fears]").
    object_speaker: float = 0.5
    # Speech nested in another attribution's content, and a second cue of the same speaker.
    nested: float = 0.6


SHIPPED_THRESHOLDS = Thresholds()
