"""The cue edge model: which words around the rules' cue PolNeAR's annotators put in it, on sentences
written for these tests."""

from __future__ import annotations

import pytest

from newsweave.analyse.cue_edges import (
    CueContext,
    EdgeModel,
    choose_edges,
    edge_model_in_use,
    load_edge_model,
    right_candidates,
)
from newsweave.analyse.entities import find_mentions
from newsweave.analyse.quotes import find_quotes
from newsweave.analyse.segment import find_sentences

# A first paragraph, so that the sentence under test is prose and not the story's heading.
LEAD = "The city held its yearly meeting on Monday in the old town hall.\n\n"
# Keeps the rules' edges: what the attribution step did before the edge model.
RULES_ONLY = EdgeModel(weights={"rule": 10.0, "L:rule": 10.0})


def _attributions(nlp, sentence: str) -> list[tuple[str, str, str]]:
    text = LEAD + sentence
    doc = nlp(text)
    sentences = find_sentences(doc, "t")
    quotes = find_quotes(doc, "t", sentences, find_mentions(doc, "t", sentences))
    return [(q.cue_text, q.text, q.source_text) for q in quotes]


@pytest.mark.parametrize(
    ("sentence", "by_rules", "by_model"),
    [
        # Where it was said: the annotators keep "in a statement" in the cue more often than not
        # when the cue is "said" and the clause follows it.
        (
            "Smith said in a statement that the talks had failed.",
            ("said", "that the talks had failed", "Smith"),
            ("said in a statement", "that the talks had failed", "Smith"),
        ),
        # A day after a trailing cue.
        (
            '"We will win," the coach said Thursday.',
            ("said", '"We will win,"', "the coach"),
            ("said Thursday", '"We will win,"', "the coach"),
        ),
    ],
)
def test_the_model_moves_the_cue_edge_where_the_rules_stop(nlp, sentence, by_rules, by_model):
    assert _attributions(nlp, sentence) == [by_model]
    with edge_model_in_use(RULES_ONLY):
        assert _attributions(nlp, sentence) == [by_rules]


def test_the_model_keeps_the_rules_edge_when_nothing_is_to_add(nlp):
    sentence = "The senator has repeatedly complained about the cost of the new bridge."
    expected = [("has repeatedly complained about", "the cost of the new bridge", "The senator")]
    assert _attributions(nlp, sentence) == expected
    with edge_model_in_use(RULES_ONLY):
        assert _attributions(nlp, sentence) == expected


def test_candidates_leave_the_content_a_word_and_never_take_the_source(nlp):
    doc = nlp("The senator complained about the cost.")
    head = doc[2]
    content = (doc[4].idx, doc[5].idx + len(doc[5]))  # "the cost"
    source = (doc[0].idx, doc[1].idx + len(doc[1]))
    context = CueContext(head, first=2, last=3, content=content, source=source)
    assert right_candidates(context) == [2, 3, 4]  # "cost" stays in the content
    # A model that always wants the longest cue takes "the" from the content, which then starts at "cost".
    greedy = EdgeModel(weights={"d=1": 5.0})
    edges = choose_edges(context, greedy)
    assert (edges.first, edges.last, edges.content_start) == (2, 4, doc[5].idx)


def test_the_shipped_table_prefers_the_rules_edge_and_is_small():
    model = load_edge_model()
    assert isinstance(model, EdgeModel)
    assert 5_000 < len(model.weights) < 60_000  # docs/benchmarks.md, ## Attribution
    assert model.weights["rule"] > 0 and model.weights["L:rule"] > 0
    assert all(abs(w) >= 0.01 for w in model.weights.values())
