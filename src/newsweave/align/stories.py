"""Which reports tell the same story: TF-IDF over names and content words, average-link clustering."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from newsweave.align.words import content_words
from newsweave.model import AnalysedReport
from newsweave.settings import Settings


def group_into_stories(
    analysed: Sequence[AnalysedReport], settings: Settings = Settings()
) -> list[list[AnalysedReport]]:
    """Return the reports grouped by story, larger stories first, input order kept inside a story."""
    if len(analysed) < 2:
        return [list(analysed)] if analysed else []
    from sklearn.cluster import AgglomerativeClustering  # heavy: imported only for piles
    from sklearn.feature_extraction.text import TfidfVectorizer

    features = [_features(a) for a in analysed]
    if not any(features):
        return [[a] for a in analysed]
    # Rows are L2-normalised, so 1 - X·Xᵀ is the cosine distance; a report with no words is
    # at distance 1 from everything and stays a story of its own.
    vectors = TfidfVectorizer(analyzer=lambda words: words, sublinear_tf=True).fit_transform(features)
    distances = np.clip(1.0 - (vectors @ vectors.T).toarray(), 0.0, 1.0)
    np.fill_diagonal(distances, 0.0)
    labels = AgglomerativeClustering(
        n_clusters=None,
        metric="precomputed",
        linkage="average",
        distance_threshold=1.0 - settings.story_threshold,
    ).fit_predict(distances)
    stories: dict[int, list[AnalysedReport]] = {}
    for label, report in zip(labels, analysed, strict=True):
        stories.setdefault(int(label), []).append(report)
    position = {id(report): index for index, report in enumerate(analysed)}
    return sorted(stories.values(), key=lambda group: (-len(group), position[id(group[0])]))


def _features(analysed: AnalysedReport) -> list[str]:
    # Names weigh double: reports of one story share their people, places and organisations.
    names = [m.text.lower() for m in analysed.mentions if m.label in ("PERSON", "ORG", "GPE", "LOC", "EVENT")]
    words = sorted(content_words(analysed.report.text))
    return names + names + words
