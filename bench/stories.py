"""Story grouping on a mixed T17 pile: our sparse average-link against dense average-link, per threshold.

Run from the repo root:  .venv/bin/python bench/stories.py [--cache-dir DIR]

The pile: 15 random articles (``random.Random(0).shuffle`` of each topic's sorted paths) from each of
H1N1_bbc, haiti_bbc, bpoil_guardian, Finan_washingtonpost and MJ_bbc, plus the 3 sample reports:
78 reports. A group is impure when it mixes topics. "dense" clusters all n² cosine distances with
scipy's average linkage, as story grouping did before it went sparse; "ours" is
``group_into_stories`` with its default neighbour graph. Analyses come from the analysis cache
(``--cache-dir``), so a rerun only clusters.
"""

from __future__ import annotations

import argparse
import random
import time
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from rich.console import Console
from rich.table import Table
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.spatial.distance import squareform
from sklearn.feature_extraction.text import TfidfVectorizer

from newsweave.align import group_into_stories
from newsweave.align.stories import _features
from newsweave.ingest import load_reports
from newsweave.model import AnalysedReport, Report
from newsweave.run import analyse_cached
from newsweave.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
T17_DIR = ROOT.parent / "shared" / "data" / "tls-t17" / "raw"
SAMPLE_DIR = ROOT.parent / "shared" / "corpus" / "niger-2023"
TOPICS = ("H1N1_bbc", "haiti_bbc", "bpoil_guardian", "Finan_washingtonpost", "MJ_bbc")
THRESHOLDS = (0.04, 0.06, 0.08, 0.10, 0.12)

console = Console(width=120)


def pile() -> list[Report]:
    """Return the 78 reports of the experiment; a report's topic is its id up to the first '/'."""
    reports = []
    for topic in TOPICS:
        paths = sorted((T17_DIR / topic / "InputDocs").glob("*/*.txt"))
        random.Random(0).shuffle(paths)
        for path in paths[:15]:
            text = path.read_text(encoding="utf-8", errors="replace")
            reports.append(Report(id=f"{topic}/{path.parent.name}/{path.name}", path=str(path), text=text))
    sample = load_reports([SAMPLE_DIR]).reports
    return reports + [Report(id=f"niger/{r.id}", path=r.path, text=r.text) for r in sample]


def dense_groups(analysed: Sequence[AnalysedReport], threshold: float) -> list[list[AnalysedReport]]:
    """Return the groups of average-link clustering on the dense cosine distance matrix."""
    vectors = TfidfVectorizer(analyzer=lambda w: w, sublinear_tf=True).fit_transform(map(_features, analysed))
    distances = np.clip(1.0 - (vectors @ vectors.T).toarray(), 0.0, 1.0)
    np.fill_diagonal(distances, 0.0)
    labels = fcluster(linkage(squareform(distances), "average"), t=1.0 - threshold, criterion="distance")
    groups: dict[int, list[AnalysedReport]] = {}
    for label, report in zip(labels, analysed, strict=True):
        groups.setdefault(int(label), []).append(report)
    return list(groups.values())


def describe(groups: list[list[AnalysedReport]]) -> tuple[int, int, str]:
    impure = sum(1 for g in groups if len({a.report.id.split("/")[0] for a in g}) > 1)
    sizes = sorted((len(g) for g in groups), reverse=True)
    return len(groups), impure, ", ".join(map(str, sizes[:5]))


def as_partition(groups: list[list[AnalysedReport]]) -> set[frozenset[str]]:
    return {frozenset(a.report.id for a in g) for g in groups}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache-dir", default="/tmp/scale-cache/stories", help="analysis cache folder")
    args = parser.parse_args(argv)
    analysed = list(analyse_cached(pile(), Settings(cache_dir=args.cache_dir)))
    table = Table(title=f"Story grouping, {len(analysed)} reports: ours (sparse) against dense")
    for column in ("threshold", "groups", "impure", "largest", "dense groups", "dense impure", "same"):
        table.add_column(column, justify="right")
    for threshold in THRESHOLDS:
        start = time.perf_counter()
        ours = group_into_stories(analysed, Settings(story_threshold=threshold))
        seconds = time.perf_counter() - start
        dense = dense_groups(analysed, threshold)
        same = "yes" if as_partition(ours) == as_partition(dense) else "no"
        row = (f"{threshold:.2f}", *map(str, describe(ours)), *map(str, describe(dense)[:2]), same)
        table.add_row(*row)
        console.log(f"threshold {threshold}: ours took {seconds:.2f}s")
    console.print(table)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
