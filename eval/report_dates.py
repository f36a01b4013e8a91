"""Report-date inference scored on dated news with the date hidden: T17 articles and TimeBank documents.

Run from the repo root:

    .venv/bin/python eval/report_dates.py t17 [--every N [--offset K]] [--topics A,B] [--pile] [--cache DIR]
    .venv/bin/python eval/report_dates.py timebank [--part TimeBank|AQUAINT] [--cache DIR]
    .venv/bin/python eval/report_dates.py entities [--every N [--offset K]] [--pile] [--cache DIR]
    .venv/bin/python eval/report_dates.py train [--cache DIR] [--out PATH]

The truth is the T17 folder name (``raw/<topic>/InputDocs/<YYYY-MM-DD>/<id>.htm.txt``, the publication
date), the TimeBank DCT, or the date column of the Guardian articles of the ENTITIES dataset
(``tls-entities/articles/<Entity>.csv``: a check on another outlet's pages, never tuned on). The
tool sees only the text: report ids carry neither the date folder nor the TimeBank document name
(which holds the date), and the DCT is not part of ``<TEXT>``.

Each report is scored alone (its own text is its pile, so a year can only come from itself), or with
``--pile`` together with its topic folder (the year comes from the whole topic, as in a real run).
Outcomes: exact day, within one day, wrong, undated; a wrong date with confidence ≥ ``HIGH`` is
"confidently wrong" and counted separately. The calibration table gives the share exact and within a
day per confidence value (each kind of evidence has its own, see ``CALIBRATION`` in
newsweave.align.report_date). Analysed reports are cached as pickles (``--cache``, default
/tmp/dates-cache), keyed by the text and the source of the analyse stage.

``train`` rebuilds the ranker of reports without a date line (newsweave/align/date_ranker.json) from
the T17 articles outside the held-apart part (every 16th from offset 8), with the pile year.
"""

from __future__ import annotations

import argparse
import csv
import functools
import hashlib
import json
import pickle
import re
import sys
import xml.etree.ElementTree as ET
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from spacy.language import Language

from newsweave import analyse as analyse_package
from newsweave.align.date_ranker import FEATURES, WEIGHTS_PATH, Candidate, RankerWeights, rank
from newsweave.align.report_date import (
    HIGH,
    gather_evidence,
    infer_report_date,
    is_dateline,
    pile_year,
    refine,
)
from newsweave.analyse import analyse_reports, load_nlp
from newsweave.model import AnalysedReport, Report, ReportDate

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
T17_DIR = DATA / "tls-t17" / "raw"
TBAQ_DIR = DATA / "tempeval3" / "TBAQ-cleaned"
ENTITIES_DIR = DATA / "tls-entities" / "articles"
CACHE_DIR = Path("/tmp/dates-cache")

# T17 texts are Penn-Treebank tokenised ("July 27 , 2010", "`` quoted ''", "-LRB-"). Real input is
# not, and the scanner's patterns ("July 27, 2010") expect prose, so the tokenisation is undone.
# The PTB conventions are a short fixed list, so a table does it; a detokeniser library would be a
# new dependency for one eval script.
_PTB = (
    (re.compile(r"-LRB-\s*"), "("),
    (re.compile(r"\s*-RRB-"), ")"),
    (re.compile(r"-LSB-\s*"), "["),
    (re.compile(r"\s*-RSB-"), "]"),
    (re.compile(r"``\s*"), '"'),
    (re.compile(r"\s*''"), '"'),
    (re.compile(r" (?=[,.;:!?%](?:\s|$))"), ""),
    (re.compile(r" (?='s\b|'re\b|'ve\b|'ll\b|'d\b|'m\b|n't\b|')", re.IGNORECASE), ""),
    (re.compile(r"\$ (?=\d)"), "$"),
)


@dataclass(frozen=True, slots=True)
class Case:
    """One dated report with its date hidden, and the pile (topic) it belongs to."""

    report: Report
    truth: date
    pile: str


@dataclass(frozen=True, slots=True)
class Scores:
    """Counts of each outcome over a set of cases."""

    total: int
    exact: int
    within_one: int  # includes exact
    undated: int
    wrong: int  # dated, not exact
    confidently_wrong: int  # dated, not the exact day, with confidence ≥ HIGH

    def share(self, count: int) -> float:
        return count / self.total if self.total else 0.0


def detokenise(text: str) -> str:
    """Return PTB-tokenised text as ordinary prose (see _PTB)."""
    for pattern, replacement in _PTB:
        text = pattern.sub(replacement, text)
    return text


def t17_cases(every: int = 1, topics: Sequence[str] = (), offset: int = 0) -> list[Case]:
    """Return T17 articles (every ``every``-th in each topic's sorted paths, from ``offset``), dated by
    their folder."""
    cases = []
    for topic in sorted(p for p in T17_DIR.iterdir() if p.is_dir()):
        if topics and topic.name not in topics:
            continue
        for index, path in enumerate(sorted(topic.glob("InputDocs/*/*.htm.txt"))):
            if index % every != offset:
                continue
            text = detokenise(path.read_text(encoding="utf-8"))
            if len(text.split()) < 8:
                continue  # ingest rejects it (min_words)
            # The id must not carry the date folder: the tool would read it.
            report = Report(id=f"{topic.name}-{index}", path="", text=text)
            cases.append(Case(report, date.fromisoformat(path.parent.name), topic.name))
    return cases


def entities_cases(every: int = 1, offset: int = 0) -> list[Case]:
    """Return the Guardian articles of tls-entities (every ``every``-th of each entity's file, from
    ``offset``), dated by their date column; the entity is the pile."""
    csv.field_size_limit(sys.maxsize)  # an article is one field, some over csv's 128 kB default
    cases = []
    for path in sorted(ENTITIES_DIR.glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as rows:
            for index, (day, text) in enumerate(csv.reader(rows)):
                if index % every == offset and len(text.split()) >= 8:
                    report = Report(id=f"{path.stem}-{index}", path="", text=detokenise(text))
                    cases.append(Case(report, date.fromisoformat(day), path.stem))
    return cases


def timebank_cases(part: str = "TimeBank") -> list[Case]:
    """Return TBAQ-cleaned documents, their text only (no DCT, no document name), dated by the DCT."""
    cases = []
    for index, path in enumerate(sorted((TBAQ_DIR / part).glob("*.tml"))):
        root = ET.parse(path).getroot()
        dct = root.find("DCT/TIMEX3")
        text_node = root.find("TEXT")
        if dct is None or text_node is None:
            continue
        text = "".join(text_node.itertext()).strip()
        truth = date.fromisoformat(dct.attrib["value"][:10])
        cases.append(Case(Report(id=f"{part}-{index}", path="", text=text), truth, part))
    return cases


def analyse_cached(cases: Sequence[Case], cache: Path) -> list[AnalysedReport]:
    """Return each case's analysis, from the pickle cache where the text and the analyse code match."""
    cache.mkdir(parents=True, exist_ok=True)
    version = _analyse_fingerprint()
    paths = [cache / f"{_key(c.report, version)}.pickle" for c in cases]
    missing = [c.report for c, p in zip(cases, paths, strict=True) if not p.exists()]
    if missing:
        nlp = _shared_nlp()
        for done, analysed in enumerate(analyse_reports(missing, nlp), start=1):
            (cache / f"{_key(analysed.report, version)}.pickle").write_bytes(pickle.dumps(analysed))
            for problem in analysed.problems:  # a step that failed: the article counts without it
                print(f"{analysed.report.id}: {problem}", file=sys.stderr)
            if done % 200 == 0:
                print(f"analysed {done}/{len(missing)}", file=sys.stderr, flush=True)
    return [pickle.loads(p.read_bytes()) for p in paths]


@functools.cache
def _shared_nlp() -> Language:
    return load_nlp()


def _analyse_fingerprint() -> str:
    """Return a hash of the whole analyse package: its subpackages (quotes/) and its JSON model tables
    change what it finds as much as its top-level modules do."""
    package = Path(analyse_package.__file__).parent
    sources = sorted(p for p in package.rglob("*") if p.suffix in {".py", ".json"})
    digest = hashlib.sha1()
    for path in sources:
        digest.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:12]


def _key(report: Report, version: str) -> str:
    return hashlib.sha1(f"{version}\n{report.id}\n{report.text}".encode()).hexdigest()


def infer_all(cases: Sequence[Case], analysed: Sequence[AnalysedReport], pile: bool) -> list[ReportDate]:
    """Return the inferred date of each case: alone, or with its pile's year when ``pile`` is set."""
    years: dict[str, int | None] = {}
    if pile:
        members: dict[str, list[AnalysedReport]] = defaultdict(list)
        for case, one in zip(cases, analysed, strict=True):
            members[case.pile].append(one)
        years = {name: pile_year(group) for name, group in members.items()}
    return [
        infer_report_date(one, years[case.pile] if pile else pile_year([one]))
        for case, one in zip(cases, analysed, strict=True)
    ]


@dataclass(frozen=True, slots=True)
class RankerReport:
    """A training report the ranker decides (no given date, no date line, no comment stamps)."""

    pile: str
    truth: date
    rule_day: date  # the day the hand-weighted rules chose
    candidates: tuple[Candidate, ...]

    def labels(self) -> list[int]:
        return [int(c.day == self.truth) for c in self.candidates]


def ranker_reports(cases: Sequence[Case], analysed: Sequence[AnalysedReport]) -> list[RankerReport]:
    """Return the reports the ranker decides, each with its candidate days, with its pile's year lent."""
    members: dict[str, list[AnalysedReport]] = defaultdict(list)
    for case, one in zip(cases, analysed, strict=True):
        members[case.pile].append(one)
    years = {name: pile_year(group) for name, group in members.items()}
    found = []
    for case, one in zip(cases, analysed, strict=True):
        evidence = gather_evidence(one, years[case.pile])
        if evidence.anchor is None or evidence.comments or is_dateline(evidence.anchor):
            continue
        rule_day = refine(evidence.anchor, evidence.mentions).day
        found.append(RankerReport(case.pile, case.truth, rule_day, evidence.candidates))
    return found


# -- training the ranker ----------------------------------------------------------------------------

HELD_APART = (16, 8)  # every 16th article of each topic from offset 8: never trained or tuned on
RANKER_C = 1.0  # chosen by leave-one-topic-out cross-validation on the training articles
# The ranker replaces the hand-weighted day when its own is likelier by this much (cross-validated:
# exact 260 of 1,165 at 0, 262 at 0.1, 266 at 0.15, 264 at 0.2, 262 at 0.3, 259 at 0.5).
RANKER_MARGIN = 0.2
# Lower edges of the probability-share bands the confidence is measured on.
BAND_EDGES = (0.0, 0.5, 0.7, 0.9)
# High confidence is kept for date lines (99% exact on T17): the ranker's best band stays below it.
RANKER_CEILING = 0.75


def training_cases() -> list[Case]:
    """Return the T17 articles outside the held-apart part, the ranker's training and tuning data."""
    every, offset = HELD_APART
    return [c for c in t17_cases() if int(c.report.id.rsplit("-", 1)[1]) % every != offset]


def fit_ranker(reports: Sequence[RankerReport], c: float = RANKER_C) -> dict[str, object]:
    """Return the ranker's weights (rounded, by feature name): a logistic regression on the differences
    between the true day's features and each other candidate's (both ways round), so that the scores
    rank the days within a report, whatever the report."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    pairs, labels = [], []
    for report in reports:
        truth = [c.features for c in report.candidates if c.day == report.truth]
        for other in (c.features for c in report.candidates if c.day != report.truth and truth):
            difference = np.subtract(truth[0], other)
            pairs += [difference, -difference]
            labels += [1, 0]
    model = LogisticRegression(C=c, max_iter=5000, fit_intercept=False)
    model.fit(np.array(pairs), np.array(labels))
    weights = {name: round(float(w), 6) for name, w in zip(FEATURES, model.coef_[0], strict=True)}
    return {"coefficients": weights, "bands": [[0.0, 0.0]], "margin": RANKER_MARGIN}


def cross_validate_ranker(reports: Sequence[RankerReport], c: float = RANKER_C) -> list[tuple[float, bool]]:
    """Return, per report, the share of the chosen day and whether it is exact, each report ranked by
    a model trained on the other topics."""
    chosen = []
    for pile in sorted({r.pile for r in reports}):
        weights = RankerWeights.from_dict(fit_ranker([r for r in reports if r.pile != pile], c))
        for report in (r for r in reports if r.pile == pile):
            ranked = rank(report.candidates, report.rule_day, weights)
            assert ranked is not None
            chosen.append((ranked.probability, ranked.day == report.truth))
    return chosen


def measure_bands(chosen: Sequence[tuple[float, bool]]) -> list[list[float]]:
    """Return [lower edge, share exact] per band (BAND_EDGES) of the cross-validated choices."""
    bands = []
    for low, high in zip(BAND_EDGES, (*BAND_EDGES[1:], 2.0), strict=True):
        inside = [exact for share, exact in chosen if low <= share < high]
        measured = sum(inside) / len(inside) if inside else 0.0
        bands.append([low, min(round(measured, 2), RANKER_CEILING)])
    return bands


def train_ranker(cache: Path, out: Path) -> None:
    """Write the ranker's weights and bands to ``out``, and print the cross-validated figures."""
    cases = training_cases()
    analysed = analyse_cached(cases, cache)
    reports = ranker_reports(cases, analysed)
    chosen = cross_validate_ranker(reports)
    bands = measure_bands(chosen)
    table = {
        "schema_version": 1,
        "trained_on": "T17 articles outside every 16th from offset 8, pile year (eval/report_dates.py train)",
        "reports": len(reports),
        "C": RANKER_C,
        "features": list(FEATURES),
        "coefficients": fit_ranker(reports)["coefficients"],
        "bands": bands,
        "margin": RANKER_MARGIN,
    }
    out.write_text(json.dumps(table, indent=1) + "\n", encoding="utf-8")
    print_training(len(cases), reports, chosen, bands)


def print_training(
    articles: int,
    reports: Sequence[RankerReport],
    chosen: Sequence[tuple[float, bool]],
    bands: list[list[float]],
) -> None:
    """Print the ranker's ceiling, its cross-validated exact share beside the hand weights', and its bands."""
    exact = sum(e for _, e in chosen)
    rule = sum(r.rule_day == r.truth for r in reports)
    ceiling = sum(any(r.labels()) for r in reports)
    print(f"{articles} training articles; the ranker decides {len(reports)}")
    print(f"true day among the candidates (the ceiling): {ceiling} ({ceiling / len(reports):.1%})")
    print(f"exact, leave one topic out: ranker {exact} ({exact / len(reports):.1%}), hand weights {rule}")
    print(f"exact over all training articles: +{(exact - rule) / articles:.1%} from the ranker")
    for (low, confidence), high in zip(bands, (*BAND_EDGES[1:], 1.0), strict=True):
        inside = [e for share, e in chosen if low <= share < high]
        print(
            f"share [{low:.1f}, {high:.1f}): {len(inside)} reports, {sum(inside)} exact, given {confidence}"
        )


def score(cases: Sequence[Case], inferred: Sequence[ReportDate], high: float = HIGH) -> Scores:
    """Return the outcome counts; a date off by any amount with confidence ≥ ``high`` is confidently wrong."""
    exact = within = undated = wrong = confident = 0
    for case, got in zip(cases, inferred, strict=True):
        if got.value is None:
            undated += 1
            continue
        off = abs((got.value - case.truth).days)
        exact += off == 0
        within += off <= 1
        if off:
            wrong += 1
            confident += got.confidence >= high
    return Scores(len(cases), exact, within, undated, wrong, confident)


def calibration(
    cases: Sequence[Case], inferred: Sequence[ReportDate]
) -> list[tuple[float, int, float, float]]:
    """Return, per confidence given (one per kind of evidence), the dated reports and the share right."""
    rows = []
    for level in sorted({d.confidence for d in inferred if d.value is not None}, reverse=True):
        pairs = zip(cases, inferred, strict=True)
        band = [(c, d.value) for c, d in pairs if d.value and d.confidence == level]
        exact = sum(day == c.truth for c, day in band) / len(band)
        near = sum(abs((day - c.truth).days) <= 1 for c, day in band) / len(band)
        rows.append((level, len(band), exact, near))
    return rows


def print_report(name: str, cases: Sequence[Case], inferred: Sequence[ReportDate]) -> None:
    """Print the outcome table and the calibration table as Markdown."""
    scores = score(cases, inferred)
    print(f"\n{name}: {scores.total} reports\n")
    print(f"| exact day | within one day | wrong | confidently wrong (≥ {HIGH:.2f}) | undated |")
    print("| ---: | ---: | ---: | ---: | ---: |")
    cells = (scores.exact, scores.within_one, scores.wrong, scores.confidently_wrong, scores.undated)
    print("| " + " | ".join(f"{scores.share(c):.1%} ({c})" for c in cells) + " |")
    print("\n| confidence | dated reports | exact day | within one day |")
    print("| --- | ---: | ---: | ---: |")
    for level, count, exact, near in calibration(cases, inferred):
        print(f"| {level:.2f} | {count} | {exact:.1%} | {near:.1%} |")


def wrong_examples(cases: Sequence[Case], inferred: Sequence[ReportDate], limit: int) -> Iterator[str]:
    """Yield a line per confidently wrong report, surest first, to read when tuning."""
    bad = [(c, d) for c, d in zip(cases, inferred, strict=True) if d.value and d.value != c.truth]
    bad.sort(key=lambda pair: -pair[1].confidence)
    for case, got in bad[:limit]:
        yield f"{case.report.id} truth {case.truth} got {got.value} ({got.confidence}): {got.explanation}"


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "corpus", choices=("t17", "timebank", "entities", "train"), help="train: rebuild the ranker"
    )
    parser.add_argument("--every", type=int, default=1, help="T17, entities: every N-th article per pile")
    parser.add_argument("--offset", type=int, default=0, help="T17, entities: start at the N-th (< every)")
    parser.add_argument("--topics", default="", help="T17: comma-separated topic folders (default all)")
    parser.add_argument("--part", default="TimeBank", help="TimeBank or AQUAINT (TBAQ-cleaned)")
    parser.add_argument("--pile", action="store_true", help="lend each report its topic's year")
    parser.add_argument("--cache", type=Path, default=CACHE_DIR, help="folder for analysed pickles")
    parser.add_argument("--show-wrong", type=int, default=0, help="print the N surest wrong dates")
    parser.add_argument("--out", type=Path, default=WEIGHTS_PATH, help="train: where to write the weights")
    args = parser.parse_args(argv)
    if args.corpus == "train":
        train_ranker(args.cache, args.out)
        return
    if args.corpus == "t17":
        topics = tuple(t for t in args.topics.split(",") if t)
        cases = t17_cases(args.every, topics, args.offset)
        name = f"T17 (every {args.every} from {args.offset})" if args.every > 1 else "T17"
    elif args.corpus == "entities":
        cases = entities_cases(args.every, args.offset)
        name = f"ENTITIES, Guardian (every {args.every} from {args.offset})" if args.every > 1 else "ENTITIES"
    else:
        cases = timebank_cases(args.part)
        name = args.part
    analysed = analyse_cached(cases, args.cache)
    inferred = infer_all(cases, analysed, args.pile)
    print_report(name + (", pile year" if args.pile else ", alone"), cases, inferred)
    for line in wrong_examples(cases, inferred, args.show_wrong):
        print(line)


if __name__ == "__main__":
    main()
