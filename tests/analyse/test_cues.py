"""The cue model: the shipped table, and the swap that cross-validation uses, on the sample reports."""

from __future__ import annotations

from newsweave.analyse.cues import CueModel, cue_model_in_use, load_cue_model
from newsweave.analyse.entities import find_mentions
from newsweave.analyse.quotes import find_quotes
from newsweave.analyse.segment import find_sentences

R0 = "000_9324567a5dbc881f"


def _cue_texts(nlp, report) -> list[str]:
    doc = nlp(report.text)
    sentences = find_sentences(doc, report.id)
    quotes = find_quotes(doc, report.id, sentences, find_mentions(doc, report.id, sentences))
    return [q.cue_text for q in quotes if q.cue is not None]


def test_the_shipped_table_is_sparse_weights_with_a_bias(nlp):
    model = load_cue_model()
    assert 20_000 < len(model.weights) < 100_000  # the shipped size: docs/benchmarks.md, ## Attribution
    assert model.threshold == 0.5
    assert all(abs(w) >= 0.05 for w in model.weights.values())
    assert model.probability(nlp("The weather is fine.")[0]) == 0.0  # a determiner is never a cue


def test_a_model_in_use_replaces_the_shipped_one_and_is_given_back(sample_reports, nlp):
    report = next(r for r in sample_reports if r.id == R0)
    shipped = _cue_texts(nlp, report)
    assert "said" in shipped
    # A model that never fires (even the hand lexicon's verbs need probability 0.2): only the rules
    # that ask no model ("according to", "In a poll, …") still find a cue; the sample has no poll.
    silent = CueModel(weights={}, bias=-30.0, threshold=0.5)
    with cue_model_in_use(silent):
        assert load_cue_model() is silent
        assert set(_cue_texts(nlp, report)) == {"according to"}
    assert load_cue_model() is not silent
    assert _cue_texts(nlp, report) == shipped
