"""Story grouping on real text: the sample is one story; Timeline17 articles of two topics never mix."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from newsweave.align import group_into_stories
from newsweave.analyse import analyse_reports
from newsweave.ingest import load_reports

# analyse_doc raises on this article (AssertionError on "about 3-6 %", IndexError on "That may explain
# why …", see the test report of #3); put it back once analyse survives both.
ANALYSE_CRASHES_ON = frozenset({"558.htm.txt"})


def first_articles(t17_dir: Path, topic: str, count: int) -> list[Path]:
    """Return the first ``count`` articles of a T17 topic folder in sorted (date, name) order."""
    files = sorted((t17_dir / topic / "InputDocs").rglob("*.txt"))
    return [f for f in files if f.name not in ANALYSE_CRASHES_ON][:count]


@pytest.fixture(scope="module")
def t17_analysed(t17_dir, nlp):
    """Return {topic: analysed reports} for the first three H1N1 and the first three Haiti BBC articles."""
    analysed = {}
    for topic in ("H1N1_bbc", "haiti_bbc"):
        result = load_reports(first_articles(t17_dir, topic, 3))
        assert result.rejections == ()
        assert len(result.reports) == 3
        analysed[topic] = tuple(analyse_reports(result.reports, nlp))
    return analysed


def topic_of(analysed) -> str:
    return Path(analysed.report.path).parents[2].name


def test_the_three_sample_reports_are_one_story(sample_analysed):
    groups = group_into_stories(sample_analysed)

    assert [[a.report.id for a in g] for g in groups] == [[a.report.id for a in sample_analysed]]


def test_one_report_is_one_story_and_none_is_none(sample_analysed):
    assert group_into_stories(sample_analysed[:1]) == [list(sample_analysed[:1])]
    assert group_into_stories(()) == []


def test_articles_of_two_topics_never_share_a_story(t17_analysed):
    pile = [*t17_analysed["H1N1_bbc"], *t17_analysed["haiti_bbc"]]

    groups = group_into_stories(pile)

    assert sorted(a.report.path for g in groups for a in g) == sorted(a.report.path for a in pile)
    assert [sorted({topic_of(a) for a in g}) for g in groups if len({topic_of(a) for a in g}) > 1] == []
    # The two long articles of each topic do come together.
    topics_with_a_pair = {topic_of(g[0]) for g in groups if len(g) >= 2}
    assert topics_with_a_pair == {"H1N1_bbc", "haiti_bbc"}


def test_the_sample_stays_one_story_in_a_pile_with_other_topics(t17_analysed, sample_analysed):
    pile = [*t17_analysed["haiti_bbc"], *sample_analysed, *t17_analysed["H1N1_bbc"]]

    groups = group_into_stories(pile)

    sample_ids = {a.report.id for a in sample_analysed}
    holding_sample = [g for g in groups if {a.report.id for a in g} & sample_ids]
    assert len(holding_sample) == 1
    assert {a.report.id for a in holding_sample[0]} == sample_ids
    # Larger stories first (ties: the story that starts earlier in the pile), input order inside a story.
    sizes = [len(g) for g in groups]
    assert sizes == sorted(sizes, reverse=True)
    assert [a.report.id for a in holding_sample[0]] == [a.report.id for a in sample_analysed]


def test_grouping_does_not_depend_on_input_order(t17_analysed, sample_analysed):
    pile = [*t17_analysed["H1N1_bbc"], *sample_analysed, *t17_analysed["haiti_bbc"]]

    forward = {frozenset(a.report.path for a in g) for g in group_into_stories(pile)}
    backward = {frozenset(a.report.path for a in g) for g in group_into_stories(pile[::-1])}

    assert forward == backward


def test_a_report_without_names_or_content_words_is_a_story_of_its_own(nlp, sample_analysed):
    from newsweave.analyse import analyse_doc
    from newsweave.model import Report

    text = "It was the last of the week and he said that it was over."
    empty = analyse_doc(Report("bare", "bare.txt", text), nlp(text))

    groups = group_into_stories([*sample_analysed, empty])

    assert [[a.report.id for a in g] for g in groups][-1] == ["bare"]
    assert len(groups) == 2


def partition(labels) -> set[frozenset[int]]:
    groups: dict[int, set[int]] = {}
    for row, label in enumerate(labels):
        groups.setdefault(int(label), set()).add(row)
    return {frozenset(g) for g in groups.values()}


@pytest.mark.parametrize("threshold", [0.04, 0.08, 0.12])
def test_sparse_average_link_equals_dense_average_link(t17_analysed, sample_analysed, threshold):
    from scipy.cluster.hierarchy import fcluster, linkage
    from scipy.spatial.distance import squareform
    from sklearn.feature_extraction.text import TfidfVectorizer

    from newsweave.align.stories import _features, average_link, neighbour_graph

    pile = [*t17_analysed["H1N1_bbc"], *sample_analysed, *t17_analysed["haiti_bbc"]]
    vectors = TfidfVectorizer(analyzer=lambda w: w, sublinear_tf=True).fit_transform(map(_features, pile))
    # With every neighbour kept and no similarity floor the sparse graph holds every pair.
    sparse = average_link(neighbour_graph(vectors, len(pile), 0.0), threshold)
    distances = np.clip(1.0 - (vectors @ vectors.T).toarray(), 0.0, 1.0)
    np.fill_diagonal(distances, 0.0)
    dense = fcluster(linkage(squareform(distances), "average"), t=1.0 - threshold, criterion="distance")

    assert partition(sparse) == partition(dense)
    assert 1 < len(partition(sparse)) < len(pile)


def test_the_neighbour_graph_keeps_at_most_k_per_row_and_is_symmetric(t17_analysed, sample_analysed):
    from sklearn.feature_extraction.text import TfidfVectorizer

    from newsweave.align.stories import _features, neighbour_graph

    pile = [*t17_analysed["H1N1_bbc"], *sample_analysed, *t17_analysed["haiti_bbc"]]
    vectors = TfidfVectorizer(analyzer=lambda w: w, sublinear_tf=True).fit_transform(map(_features, pile))

    graph = neighbour_graph(vectors, 2, 0.05)

    assert (graph != graph.T).nnz == 0
    assert graph.diagonal().sum() == 0
    assert graph.data.min() >= 0.05
    # Symmetrising can add a row's entries, but never beyond its 2 own plus those that chose it.
    assert graph.nnz <= 2 * 2 * len(pile)
    assert max(np.diff(graph.indptr)) >= 2
