"""Which reports tell the same story: TF-IDF over names and content words, average-link clustering.

The clustering runs on a sparse graph of each report's nearest neighbours, so memory and time grow
with the number of reports times ``story_neighbours``, not with its square: tens of thousands of
reports fit where a dense n×n distance matrix would not.
"""

from __future__ import annotations

import heapq
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from newsweave.align.words import content_words
from newsweave.model import AnalysedReport
from newsweave.settings import Settings

if TYPE_CHECKING:
    from scipy.sparse import csr_matrix


def group_into_stories(
    analysed: Sequence[AnalysedReport], settings: Settings = Settings()
) -> list[list[AnalysedReport]]:
    """Return the reports grouped by story, larger stories first, input order kept inside a story."""
    if len(analysed) < 2:
        return [list(analysed)] if analysed else []
    from sklearn.feature_extraction.text import TfidfVectorizer  # heavy: imported only for piles

    features = [_features(a) for a in analysed]
    if not any(features):
        return [[a] for a in analysed]
    # Rows are L2-normalised, so the dot product of two rows is their cosine similarity; a report
    # with no words has no neighbours and stays a story of its own.
    vectors = TfidfVectorizer(analyzer=lambda words: words, sublinear_tf=True).fit_transform(features)
    graph = neighbour_graph(vectors, settings.story_neighbours, settings.story_min_similarity)
    labels = average_link(graph, settings.story_threshold)
    stories: dict[int, list[AnalysedReport]] = {}
    for label, report in zip(labels, analysed, strict=True):
        stories.setdefault(label, []).append(report)
    position = {id(report): index for index, report in enumerate(analysed)}
    return sorted(stories.values(), key=lambda group: (-len(group), position[id(group[0])]))


def neighbour_graph(vectors: csr_matrix, neighbours: int, min_similarity: float) -> csr_matrix:
    """Return the symmetric sparse graph of cosine similarities: each row's ``neighbours`` most similar
    rows at ``min_similarity`` or more, without the diagonal."""
    from sklearn.neighbors import NearestNeighbors

    count = vectors.shape[0]
    # Brute force on sparse rows, computed in chunks by scikit-learn: never an n×n matrix at once.
    finder = NearestNeighbors(n_neighbors=min(neighbours, count - 1), metric="cosine", algorithm="brute")
    distances = finder.fit(vectors).kneighbors_graph(mode="distance")
    similarities = distances.copy()
    similarities.data = 1.0 - distances.data
    similarities.data[similarities.data < min_similarity] = 0.0
    similarities.eliminate_zeros()
    # A is among B's nearest but not always B among A's: keep the pair when either side kept it.
    return similarities.maximum(similarities.T).tocsr()


@dataclass(slots=True)
class _Cluster:
    size: int
    members: list[int]
    # Summed similarity to each neighbouring cluster; a pair that is absent sums to 0.
    links: dict[int, float] = field(default_factory=dict)


def average_link(graph: csr_matrix, threshold: float) -> list[int]:
    """Return a cluster label per row: average-link clustering on a sparse similarity graph, merging
    while the mean similarity of two clusters over all their pairs is above ``threshold``.

    Written by hand because scipy's and scikit-learn's average linkage need all n² distances; here a
    pair missing from the graph counts as similarity 0, which is what the dense version gives it.
    """
    clusters = {row: _Cluster(1, [row]) for row in range(graph.shape[0])}
    coo = graph.tocoo()
    for row, column, similarity in zip(coo.row, coo.col, coo.data, strict=True):
        if row != column:
            clusters[int(row)].links[int(column)] = float(similarity)
    heap = [(-similarity, a, b) for a, c in clusters.items() for b, similarity in c.links.items() if a < b]
    heapq.heapify(heap)
    next_id = graph.shape[0]
    while heap:
        negative, a, b = heapq.heappop(heap)
        if -negative <= threshold:
            break
        if a not in clusters or b not in clusters:
            continue  # one side was merged since this pair was pushed
        merged = _merge(clusters.pop(a), clusters.pop(b), a, b)
        for other, total in merged.links.items():
            links = clusters[other].links
            links.pop(a, None)
            links.pop(b, None)
            links[next_id] = total
            heapq.heappush(heap, (-total / (merged.size * clusters[other].size), other, next_id))
        clusters[next_id] = merged
        next_id += 1
    labels = [0] * graph.shape[0]
    for label, cluster in clusters.items():
        for row in cluster.members:
            labels[row] = label
    return labels


def _merge(first: _Cluster, second: _Cluster, a: int, b: int) -> _Cluster:
    links = dict(first.links)
    for other, total in second.links.items():
        links[other] = links.get(other, 0.0) + total
    links.pop(a, None)
    links.pop(b, None)
    return _Cluster(first.size + second.size, first.members + second.members, links)


def _features(analysed: AnalysedReport) -> list[str]:
    # Names weigh double: reports of one story share their people, places and organisations.
    names = [m.text.lower() for m in analysed.mentions if m.label in ("PERSON", "ORG", "GPE", "LOC", "EVENT")]
    words = sorted(content_words(analysed.report.text))
    return names + names + words
