"""How sure the cue model must be for each attribution rule: the values to re-tune in one place."""

from __future__ import annotations

# Verbs of the hand lexicon are cues unless the model is sure they are not ("call a meeting").
_LEXICON_THRESHOLD = 0.2
_OBJECT_THRESHOLD = 0.6
_NESTED_THRESHOLD = 0.6
# Below _OBJECT_THRESHOLD, down to this, an object-only cue counts when a person or a named body
# does it ("Trump attacked [Clinton]"), not "it" ("It has also raised [security fears]").
_OBJECT_THRESHOLD_SPEAKER = 0.5
