"""The attribution reranker: the shipped table, and the judge swap, on the sample reports."""

from __future__ import annotations

import json
from importlib import resources

from newsweave.analyse.entities import find_mentions
from newsweave.analyse.quotes import find_quotes
from newsweave.analyse.quotes.rerank import Candidate, Reranker, judge_in_use, load_judge, rerank_features
from newsweave.analyse.quotes.thresholds import SHIPPED_THRESHOLDS
from newsweave.analyse.segment import find_sentences

R0 = "000_9324567a5dbc881f"


def _attributions(nlp, report) -> list[tuple[str, str, str]]:
    doc = nlp(report.text)
    sentences = find_sentences(doc, report.id)
    quotes = find_quotes(doc, report.id, sentences, find_mentions(doc, report.id, sentences))
    return [(q.cue_text, q.source_text, q.text) for q in quotes]


def test_the_shipped_table_is_small_and_builds_from_lower_thresholds():
    path = resources.files("newsweave.analyse").joinpath("rerank.json")
    # 6.5k weights since stop 8 (the structure features); the cue model's table is 1.9 MB.
    assert len(path.read_bytes()) < 250_000
    judge = load_judge()
    assert isinstance(judge, Reranker)
    table = json.loads(path.read_text(encoding="utf-8"))
    assert set(table["candidates"]) == {"head", "lexicon", "object", "object_speaker", "nested"}
    for name, value in table["candidates"].items():
        assert value < getattr(SHIPPED_THRESHOLDS, name), name
    # Heads the cue model accepts on its own need less to stay than those only the lower cut admits.
    assert 0.0 < judge.keep_accepted < judge.keep < 1.0


def test_a_judge_that_keeps_nothing_leaves_only_the_rules_that_ask_no_model(sample_reports, nlp):
    report = next(r for r in sample_reports if r.id == R0)
    shipped = _attributions(nlp, report)
    assert any(cue == "said" for cue, _, _ in shipped)
    never = Reranker(weights={}, bias=-30.0, keep=0.5, keep_accepted=0.5, candidates=SHIPPED_THRESHOLDS)
    with judge_in_use(never):
        assert load_judge() is never
        # Only the rules that ask no model are not judged ("according to", polls, joined appeals).
        assert {a[0] for a in _attributions(nlp, report) if a[0]} == {"according to"}
    assert _attributions(nlp, report) == shipped


class _Recorder:
    """A judge that keeps every candidate the usual thresholds build and remembers it."""

    candidates = SHIPPED_THRESHOLDS

    def __init__(self) -> None:
        self.seen: list[Candidate] = []

    def keeps(self, candidate: Candidate) -> bool:
        self.seen.append(candidate)
        return True


def test_the_reranker_sees_how_each_attribution_is_built(nlp):
    text = "The minister said that the talks had failed. He is expected to resign on Friday."
    doc = nlp(text)
    sentences = find_sentences(doc, "r")
    recorder = _Recorder()
    with judge_in_use(recorder):
        find_quotes(doc, "r", sentences, find_mentions(doc, "r", sentences))
    said, expected = ({f for f in rerank_features(c) if "=" in f} for c in recorder.seen)

    # A speech verb with its subject as source and its clause as content, in the active voice.
    assert {"cue=said", "source_dep=nsubj", "source_last=minister", "content_dep=ccomp"} <= said
    assert {"passive=False", "lemma|has_source=say|True", "heading=False"} <= said
    # "is expected": passive, no one named as expecting it, the subject inside the content.
    assert {"cue=is expected", "passive=True", "lemma|has_source=expect|False"} <= expected
    assert not any(f.startswith("source_dep=") for f in expected)
