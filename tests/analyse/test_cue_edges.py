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
    right_features,
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


def test_right_edges_know_how_much_of_a_light_verbs_object_they_take(nlp):
    # "made [these same allegations against] [the agency]": PolNeAR's cue may take a light verb's
    # object, so each candidate last word says whether it stops before the object's noun, inside its
    # phrase or at its end (the parser hangs "against the agency" on "allegations").
    doc = nlp("The senator made these same allegations against the agency.")
    made = doc[2]
    assert [t.text for t in made.children if t.dep_ == "dobj"] == ["allegations"]
    context = CueContext(made, first=2, last=2, content=None, source=(doc[0].idx, doc[1].idx + 7))
    covers = {
        doc[end].text: next(f for f in right_features(context, end) if f.startswith("cover="))
        for end in (2, 4, 5, 6, 8)
    }
    assert covers == {
        "made": "cover=none",
        "same": "cover=none",
        "allegations": "cover=part",
        "against": "cover=part",
        "agency": "cover=all",
    }
    assert "lemma|obj|cover=make|allegation|part" in right_features(context, 6)
    # The word the edge hangs on: "against" on the noun, not on the verb.
    assert "word|headlemma=against|allegation" in right_features(context, 6)
    # A verb with no object (its clause is the content) says so.
    said = nlp("The senator said the agency had failed.")
    context = CueContext(said[2], first=2, last=2, content=(said[3].idx, said[6].idx), source=None)
    assert "obj=none" in right_features(context, 2)


def test_the_shipped_table_prefers_the_rules_edge_and_is_small():
    model = load_edge_model()
    assert isinstance(model, EdgeModel)
    assert 5_000 < len(model.weights) < 60_000  # docs/benchmarks.md, ## Attribution
    assert model.weights["rule"] > 0 and model.weights["L:rule"] > 0
    assert all(abs(w) >= 0.01 for w in model.weights.values())
