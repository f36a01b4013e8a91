"""PolNeAR attribution runner and scorer: who said what, against hand-annotated political news.

PolNeAR (Newell, Margolin & Ruths, LREC 2018; ../shared/data/polnear, see its README) marks every
attribution in 1,008 US election articles as a Source, Cue and Content span in brat standoff.

    .venv/bin/python eval/polnear.py predict TEXT_DIR OUT_DIR
    .venv/bin/python eval/polnear.py score TEXT_DIR GOLD_DIR SYS_DIR
    .venv/bin/python eval/polnear.py agreement TEXT_DIR GOLD_DIR [--sys SYS_DIR]
    .venv/bin/python eval/polnear.py train-edges TEXT_DIR GOLD_DIR [--cache DIR]
    .venv/bin/python eval/polnear.py cv-edges TEXT_DIR GOLD_DIR [--cache DIR] [--model-heads]
    .venv/bin/python eval/polnear.py train-rerank TEXT_DIR GOLD_DIR [--cache DIR]

`train-rerank` trains the attribution reranker (`newsweave.analyse.quotes.rerank`: whether to keep
each attribution the rules build from lowered cue thresholds) on candidates built, article by
article, with cue and edge models trained on the other four folds (`index % 5`), and rewrites
`analyse/rerank.json`. `cv` cross-validates the whole step: cue model, edge model and reranker, each
trained on four folds.

`train-edges` trains the cue edge model (`newsweave.analyse.cue_edges`: which words around the rules'
cue the annotators put in it) with the gold cue heads as the cue model, and rewrites
`analyse/cue_edges.json`; `cv-edges` scores the attribution step with edge models trained on four
folds of five (`index % 5`) predicting the fifth, the cue heads given by the gold or, with
`--model-heads`, by the shipped cue model.

`predict` runs newsweave's attribution step (spaCy parse, sentences, entity mentions, then
`newsweave.analyse.quotes.find_quotes`) on every `TEXT_DIR/*.txt` and writes `OUT_DIR/<article>.ann`
in PolNeAR's own format: `T<n>\tSource|Cue|Content|Attribution start end\ttext` on the raw text's
character offsets (the `Attribution` event trigger sits on the cue, as in the gold files) and
`E<n>\tAttribution:T<n> Content:T<n> Cue:T<n> Source:T<n>` (`Attribution-no-source` when the
source is not named). The held-out test predictions are written with
`predict ../shared/data/polnear/test/text DIR`.

`score` compares `SYS_DIR/<article>.ann` with the gold of each article in TEXT_DIR. Where several
annotators marked one article (`<article>_<annotator>.ann`), the first file by sorted name is the
gold. Only spans that take part in an attribution event count (Discard/Discuss are dropped). Spans are
compared as sets of tokens (`\\w+` runs and single punctuation marks), so a discontinuous gold span is
matched by the same tokens and whitespace at the edges does not matter:

- exact: the same token set; spans are paired one to one;
- overlap: at least one shared token; spans are paired one to one, largest overlap first;
- whole attribution: every part matches (exact or overlap), and the source is absent on both sides
  or matches.

Precision is matched / predicted, recall matched / gold, summed over all articles (micro average).

`agreement` scores the other annotators of the articles that several people marked against the first
one, with the same scorer: the ceiling a system can be expected to reach on this metric. With
`--sys SYS_DIR` it scores the system on the same articles beside them.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from newsweave.analyse.cue_edges import EdgeModel
    from newsweave.analyse.cues import CueModel
    from newsweave.analyse.quotes.rerank import Candidate, Reranker
    from newsweave.model import Quote

ROLES = ("Source", "Cue", "Content")
_TOKEN = re.compile(r"\w+|[^\w\s]")
_T_LINE = re.compile(r"^(T\d+)\t(\S+) ([\d ;]+)\t")

Tokens = frozenset[int]
# Weights closer to zero than this barely change a decision and would make the shipped table three
# times larger (5.5 MB). Dropping the weights under 0.2 instead costs cross-validated train Cue F1
# 0.003 (docs/benchmarks.md).
_MIN_WEIGHT = 0.05
_SHIPPED_MODEL = Path(__file__).resolve().parents[1] / "src/newsweave/analyse/cues.json"


@dataclass(frozen=True, slots=True)
class Attribution:
    """One attribution as token sets of the article (source empty when not named)."""

    source: Tokens
    cue: Tokens
    content: Tokens

    def part(self, role: str) -> Tokens:
        return {"Source": self.source, "Cue": self.cue, "Content": self.content}[role]


@dataclass(frozen=True, slots=True)
class Counts:
    """Matches, predictions and gold items, for precision, recall and F1."""

    matched: int = 0
    predicted: int = 0
    gold: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.matched + other.matched, self.predicted + other.predicted, self.gold + other.gold)

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


# -- reading brat standoff ------------------------------------------------------------------------


def read_attributions(ann_text: str, text: str) -> list[Attribution]:
    """Return the attribution events of one .ann file as token sets of `text`."""
    starts = _token_starts(text)
    spans: dict[str, Tokens] = {}
    for line in ann_text.splitlines():
        match = _T_LINE.match(line)
        if match:
            fragments = [tuple(int(x) for x in f.split()) for f in match.group(3).split(";") if f.strip()]
            spans[match.group(1)] = _tokens_in(starts, [(f[0], f[1]) for f in fragments if len(f) == 2])
    found = []
    for line in ann_text.splitlines():
        if not line.startswith("E"):
            continue
        args = dict(arg.split(":", 1) for arg in line.split("\t")[1].split() if ":" in arg)
        kind = next(iter(args), "")
        if not kind.startswith("Attribution") or "Cue" not in args or "Content" not in args:
            continue
        found.append(
            Attribution(
                source=spans.get(args.get("Source", ""), frozenset()),
                cue=spans.get(args["Cue"], frozenset()),
                content=spans.get(args["Content"], frozenset()),
            )
        )
    return [a for a in found if a.cue and a.content]


def read_ann(path: Path, text: str) -> list[Attribution]:
    """Return the attributions of one .ann file of the article whose text is given."""
    return read_attributions(path.read_text(encoding="utf-8"), text)


def _token_starts(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _TOKEN.finditer(text)]


def _tokens_in(starts: Sequence[tuple[int, int]], fragments: Iterable[tuple[int, int]]) -> Tokens:
    return frozenset(
        i for i, (a, b) in enumerate(starts) for start, end in fragments if start <= a and b <= end
    )


def gold_file(gold_dir: Path, article: str) -> Path | None:
    """Return the article's gold: `<article>.ann`, or the first `<article>_<annotator>.ann` by name."""
    exact = gold_dir / f"{article}.ann"
    if exact.exists():
        return exact
    pattern = re.compile(re.escape(article) + r"_[^_]+\.ann$")
    candidates = sorted(p for p in gold_dir.glob(f"{article}_*.ann") if pattern.fullmatch(p.name))
    return candidates[0] if candidates else None


# -- pairing and counting -------------------------------------------------------------------------


def _pair_exact(gold: Sequence[Tokens], system: Sequence[Tokens]) -> int:
    remaining = list(gold)
    matched = 0
    for span in system:
        if span in remaining:
            remaining.remove(span)
            matched += 1
    return matched


def _pair_overlap(gold: Sequence[Tokens], system: Sequence[Tokens]) -> int:
    pairs = ((len(g & s), i, j) for i, g in enumerate(gold) for j, s in enumerate(system) if g & s)
    return _greedy_pairs(pairs)


def _greedy_pairs(candidates: Iterable[tuple[int, int, int]]) -> int:
    """Pair gold i with system j one to one, heaviest (weight, i, j) first; return the number of pairs."""
    used_gold: set[int] = set()
    used_system: set[int] = set()
    for _, i, j in sorted(candidates, reverse=True):
        if i not in used_gold and j not in used_system:
            used_gold.add(i)
            used_system.add(j)
    return len(used_gold)


def _unique_parts(attributions: Sequence[Attribution], role: str) -> list[Tokens]:
    # One span can serve several attributions (one source with two cues): count it once.
    return sorted({a.part(role) for a in attributions if a.part(role)}, key=sorted)


def _whole_match(gold: Attribution, system: Attribution, exact: bool) -> int:
    """Return a pairing weight: 0 when some part does not match, else the shared tokens."""
    total = 0
    for role in ROLES:
        g, s = gold.part(role), system.part(role)
        if not g and not s:
            continue
        if (exact and g != s) or not g & s:
            return 0
        total += len(g & s)
    return total


def _pair_whole(gold: Sequence[Attribution], system: Sequence[Attribution], exact: bool) -> int:
    return _greedy_pairs(
        (w, i, j)
        for i, g in enumerate(gold)
        for j, s in enumerate(system)
        if (w := _whole_match(g, s, exact)) > 0
    )


def score_article(gold: Sequence[Attribution], system: Sequence[Attribution]) -> dict[str, Counts]:
    """Return the counts of one article, keyed "Source exact", "Cue overlap", "Attribution exact", …"""
    counts: dict[str, Counts] = {}
    for role in ROLES:
        g, s = _unique_parts(gold, role), _unique_parts(system, role)
        counts[f"{role} exact"] = Counts(_pair_exact(g, s), len(s), len(g))
        counts[f"{role} overlap"] = Counts(_pair_overlap(g, s), len(s), len(g))
    for mode in ("exact", "overlap"):
        matched = _pair_whole(gold, system, exact=mode == "exact")
        counts[f"Attribution {mode}"] = Counts(matched, len(system), len(gold))
    return counts


def score_dirs(text_dir: Path, gold_dir: Path, sys_dir: Path) -> dict[str, Counts]:
    """Return the micro-averaged counts over every article of TEXT_DIR that has gold."""
    total: dict[str, Counts] = {}
    for text_path in sorted(text_dir.glob("*.txt")):
        gold_path = gold_file(gold_dir, text_path.stem)
        if gold_path is None:
            continue
        text = text_path.read_text(encoding="utf-8")
        sys_path = sys_dir / f"{text_path.stem}.ann"
        system = read_ann(sys_path, text) if sys_path.exists() else []
        _add(total, score_article(read_ann(gold_path, text), system))
    return total


def format_scores(scores: dict[str, Counts]) -> str:
    """Return the scores as a Markdown table."""
    lines = [
        "| part | match | P | R | F1 | predicted | gold |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for key, c in scores.items():
        part, mode = key.split()
        lines.append(
            f"| {part} | {mode} | {c.precision:.3f} | {c.recall:.3f} | {c.f1:.3f} "
            f"| {c.predicted} | {c.gold} |"
        )
    return "\n".join(lines)


# -- agreement between annotators -----------------------------------------------------------------


def annotator_files(gold_dir: Path) -> dict[str, list[Path]]:
    """Return, for every article marked by several annotators, its gold files sorted by name."""
    by_article: dict[str, list[Path]] = {}
    for ann in sorted(gold_dir.glob("*.ann")):
        by_article.setdefault(ann.stem.rsplit("_", 1)[0], []).append(ann)
    return {article: files for article, files in by_article.items() if len(files) > 1}


def agreement(text_dir: Path, gold_dir: Path, sys_dir: Path | None = None) -> dict[str, dict[str, Counts]]:
    """Score every other annotator, and the system when given, against the first annotator.

    This is the human ceiling of the metric above: the same scorer, the same first-file gold, on the
    articles that several annotators marked (PolNeAR's agreement checks).
    """
    humans: dict[str, Counts] = {}
    system: dict[str, Counts] = {}
    for article, files in annotator_files(gold_dir).items():
        text = (text_dir / f"{article}.txt").read_text(encoding="utf-8")
        gold = read_ann(files[0], text)
        for other in files[1:]:
            _add(humans, score_article(gold, read_ann(other, text)))
        sys_path = sys_dir / f"{article}.ann" if sys_dir is not None else None
        if sys_path is not None and sys_path.exists():
            _add(system, score_article(gold, read_ann(sys_path, text)))
    return {"annotators": humans, "system": system} if sys_dir is not None else {"annotators": humans}


def _add(total: dict[str, Counts], counts: dict[str, Counts]) -> None:
    for key, value in counts.items():
        total[key] = total.get(key, Counts()) + value


# -- predicting -----------------------------------------------------------------------------------


def predict_dir(text_dir: Path, out_dir: Path, cache: Path | None = None) -> int:
    """Write one .ann per article of TEXT_DIR into OUT_DIR; return how many were written."""
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = sorted(text_dir.glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in paths]
    for path, text, doc in zip(paths, texts, parse_texts(texts, cache), strict=True):
        found = predict_doc(doc, path.stem)
        (out_dir / f"{path.stem}.ann").write_text(format_ann(found, text), encoding="utf-8")
    return len(paths)


def parse_texts(texts: Sequence[str], cache: Path | None = None) -> list[Doc]:
    """Return the texts parsed by newsweave's spaCy pipeline, read from a DocBin cache when given."""
    # Imported here so that `score` runs without loading spaCy.
    from importlib import metadata

    from spacy.tokens import DocBin

    from newsweave.analyse.pipeline import load_nlp

    nlp = load_nlp()
    # The key names spaCy and the model too: another model parses differently.
    model = f"{metadata.version('spacy')}\0{nlp.meta.get('name')}\0{nlp.meta.get('version')}"
    key = hashlib.sha1("\0".join([model, *texts]).encode()).hexdigest()[:16]
    cached = cache / f"polnear-{key}.spacy" if cache is not None else None
    if cached is not None and cached.exists():
        return list(DocBin().from_disk(cached).get_docs(nlp.vocab))
    docs = list(nlp.pipe(texts, batch_size=16))
    if cached is not None:
        cached.parent.mkdir(parents=True, exist_ok=True)
        DocBin(store_user_data=True, docs=docs).to_disk(cached)
    return docs


Range = tuple[int, int]
Predicted = tuple[Range | None, Range, tuple[Range, ...]]


def predict_doc(doc: Doc, article: str) -> list[Predicted]:
    """Return (source, cue, content) character ranges of the attributions found in a parsed text."""
    from newsweave.analyse.entities import find_mentions
    from newsweave.analyse.quotes import find_quotes
    from newsweave.analyse.segment import find_sentences

    sentences = find_sentences(doc, article)
    mentions = find_mentions(doc, article, sentences)
    found = []
    for quote in find_quotes(doc, article, sentences, mentions):
        if quote.cue is None:
            continue  # PolNeAR has no attribution without a cue
        source = (quote.source.start, quote.source.end) if quote.source is not None else None
        content = [(p.start, p.end) for p in quote.parts] or [(quote.content.start, quote.content.end)]
        found.append((source, (quote.cue.start, quote.cue.end), tuple(content)))
    return found


def format_ann(attributions: Sequence[Predicted], text: str = "") -> str:
    """Return brat standoff lines for the attributions (span texts taken from `text` when given)."""
    lines: list[str] = []
    ids: dict[tuple[str, tuple[Range, ...]], str] = {}

    def span_id(label: str, fragments: Range | tuple[Range, ...]) -> str:
        key = (label, fragments if isinstance(fragments[0], tuple) else (fragments,))  # type: ignore[misc]
        if key not in ids:
            ids[key] = f"T{len(ids) + 1}"
            offsets = ";".join(f"{a} {b}" for a, b in key[1])
            words = " ".join(text[a:b] for a, b in key[1]) if text else ""
            lines.append(f"{ids[key]}\t{label} {offsets}\t{words}")
        return ids[key]

    events = []
    for n, (source, cue, content) in enumerate(attributions, start=1):
        trigger = span_id("Attribution", cue)
        parts = f"Content:{span_id('Content', content)} Cue:{span_id('Cue', cue)}"
        if source is not None:
            events.append(f"E{n}\tAttribution:{trigger} {parts} Source:{span_id('Source', source)}")
        else:
            events.append(f"E{n}\tAttribution-no-source:{trigger} {parts}")
    return "\n".join([*lines, *events]) + "\n"


# -- training the cue model ----------------------------------------------------------------------


def read_cue_ranges(ann_text: str) -> list[list[tuple[int, int]]]:
    """Return the character fragments of every cue that takes part in an attribution event."""
    fragments: dict[str, list[tuple[int, int]]] = {}
    for line in ann_text.splitlines():
        match = _T_LINE.match(line)
        if match:
            parts = [f.split() for f in match.group(3).split(";") if len(f.split()) == 2]
            fragments[match.group(1)] = [(int(a), int(b)) for a, b in parts]
    cues = []
    for line in ann_text.splitlines():
        if line.startswith("E"):
            args = dict(arg.split(":", 1) for arg in line.split("\t")[1].split() if ":" in arg)
            if next(iter(args), "").startswith("Attribution") and args.get("Cue") in fragments:
                cues.append(fragments[args["Cue"]])
    return cues


def cue_heads(doc: Doc, cues: Sequence[Sequence[tuple[int, int]]]) -> set[int]:
    """Return the indices of the tokens that head the gold cues (the token whose head lies outside)."""
    from newsweave.analyse.cues import is_candidate

    heads = set()
    for fragments in cues:
        tokens = [t for start, end in fragments for t in doc if start <= t.idx < end]
        inside = {t.i for t in tokens}
        roots = [t for t in tokens if t.head.i not in inside or t.head.i == t.i]
        chosen = next((t for t in roots if is_candidate(t)), None) or next(
            (t for t in tokens if is_candidate(t)), None
        )
        if chosen is not None:
            heads.add(chosen.i)
    return heads


def train_cue_model(text_dir: Path, gold_dir: Path, out: Path, cache: Path | None = None) -> dict[str, float]:
    """Train the cue classifier on the articles of TEXT_DIR, write its JSON table; return its stats."""
    paths, docs = _parsed_articles(text_dir, gold_dir, cache)
    rows, labels, _ = _cue_rows(paths, docs, gold_dir)
    table = {
        "about": "attribution cue heads; logistic regression over newsweave.analyse.cues.cue_features",
        "trained_on": f"PolNeAR {text_dir.parent.name}: {len(paths)} articles, first annotator file each",
        "command": "eval/polnear.py train ../shared/data/polnear/train/text "
        "../shared/data/polnear/train/attributions",
        **_fit_cue_table(rows, labels),
    }
    out.write_text(json.dumps(table, indent=0, ensure_ascii=False) + "\n", encoding="utf-8")
    weights = table["weights"]
    assert isinstance(weights, dict)
    return {"articles": len(paths), "candidates": len(labels), "cues": sum(labels), "features": len(weights)}


def _parsed_articles(text_dir: Path, gold_dir: Path, cache: Path | None) -> tuple[list[Path], list[Doc]]:
    paths = [p for p in sorted(text_dir.glob("*.txt")) if gold_file(gold_dir, p.stem) is not None]
    return paths, parse_texts([p.read_text(encoding="utf-8") for p in paths], cache)


def _gold_text(gold_dir: Path, path: Path) -> str:
    """Return the gold .ann text of an article `_parsed_articles` kept (it keeps only those with gold)."""
    gold_path = gold_file(gold_dir, path.stem)
    assert gold_path is not None
    return gold_path.read_text(encoding="utf-8")


def _cue_rows(
    paths: Sequence[Path], docs: Sequence[Doc], gold_dir: Path
) -> tuple[list[list[str]], list[int], list[int]]:
    """Return every candidate token's features, whether it heads a gold cue, and its article's index."""
    from newsweave.analyse.cues import cue_features, is_candidate

    rows: list[list[str]] = []
    labels: list[int] = []
    articles: list[int] = []
    for n, (path, doc) in enumerate(zip(paths, docs, strict=True)):
        heads = cue_heads(doc, read_cue_ranges(_gold_text(gold_dir, path)))
        for token in doc:
            if is_candidate(token):
                rows.append(cue_features(token))
                labels.append(int(token.i in heads))
                articles.append(n)
    return rows, labels, articles


def _fit_cue_table(rows: Sequence[Sequence[str]], labels: Sequence[int]) -> dict[str, object]:
    """Return the threshold, bias and weights of a logistic regression fitted to the rows."""
    bias, weights = _fit_logistic(rows, labels, c=0.3, min_weight=_MIN_WEIGHT)
    return {"threshold": 0.5, "bias": bias, "weights": weights}


def _fit_logistic(
    rows: Sequence[Sequence[str]], labels: Sequence[int], c: float, min_weight: float
) -> tuple[float, dict[str, float]]:
    """Return the bias and the weights (rounded, sorted, the small ones dropped) of a liblinear
    logistic regression over binary features; features seen fewer than 3 times only add size and noise."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    seen: dict[str, int] = {}
    for row in rows:
        for feature in set(row):
            seen[feature] = seen.get(feature, 0) + 1
    vectorizer = DictVectorizer()
    matrix = vectorizer.fit_transform([{f: True for f in row if seen[f] >= 3} for row in rows]).tocsr()
    # liblinear takes 32-bit indices only; the matrix is far below that size.
    matrix.indices = matrix.indices.astype("int32")
    matrix.indptr = matrix.indptr.astype("int32")
    model = LogisticRegression(C=c, max_iter=2000, solver="liblinear", random_state=0)
    model.fit(matrix, list(labels))
    weights = {
        name: round(float(w), 4)
        for name, w in zip(vectorizer.get_feature_names_out(), model.coef_[0], strict=True)
        if abs(w) >= min_weight
    }
    return round(float(model.intercept_[0]), 4), dict(sorted(weights.items()))


# -- cross-validating the cue model on train -----------------------------------------------------


def cross_validate(text_dir: Path, gold_dir: Path, cache: Path | None = None) -> dict[str, Counts]:
    """Return cross-validated counts on TEXT_DIR: cue heads (3 folds) and attributions (5 folds).

    Folds are by article (`index % k`): a model trained on the other folds scores the held-out
    articles' candidate tokens ("Cue head" at the shipped threshold 0.5) and, with a cue edge model
    and an attribution reranker trained on the same folds, predicts their attributions, scored as
    `score` does. Nothing of the held-out fold is seen in training (the reranker learns from the
    candidates of the other folds, each built with cue probabilities from models that did not see it).
    """
    from newsweave.analyse.quotes.rerank import judge_in_use

    paths, docs = _parsed_articles(text_dir, gold_dir, cache)
    rows, labels, articles = _cue_rows(paths, docs, gold_dir)
    total: dict[str, Counts] = {"Cue head": _cross_validate_heads(rows, labels, articles, folds=3)}
    folds = _fold_models(paths, docs, gold_dir, (rows, labels, articles))
    candidates = _rerank_rows(paths, docs, gold_dir, folds)
    for fold, models in enumerate(folds):
        judge = _fit_reranker([c for c in candidates if c[2] % 5 != fold])
        with _models_in_use(*models), judge_in_use(judge):
            for n, (path, doc) in enumerate(zip(paths, docs, strict=True)):
                if n % 5 == fold:
                    _add(total, _score_doc(doc, path, gold_dir))
    return total


FoldModels = tuple["CueModel", "EdgeModel"]


def _fold_models(
    paths: Sequence[Path],
    docs: Sequence[Doc],
    gold_dir: Path,
    cue_rows: tuple[list[list[str]], list[int], list[int]],
) -> list[FoldModels]:
    """Return, for each of 5 folds (`index % 5`), the cue model and the edge model trained on the others."""
    from newsweave.analyse.cue_edges import EdgeModel
    from newsweave.analyse.cues import CueModel

    rows, labels, articles = cue_rows
    edge_rows, edge_labels, edge_articles = _edge_rows(paths, docs, gold_dir)
    folds: list[FoldModels] = []
    for fold in range(5):
        train = [i for i, n in enumerate(articles) if n % 5 != fold]
        table = _fit_cue_table([rows[i] for i in train], [labels[i] for i in train])
        model = CueModel(weights=table["weights"], bias=table["bias"], threshold=0.5)  # type: ignore[arg-type]
        # The edge model is held out of the fold too (trained with the gold heads of the other folds).
        kept = [i for i, n in enumerate(edge_articles) if n % 5 != fold]
        edges = EdgeModel(_fit_edge_table([edge_rows[i] for i in kept], [edge_labels[i] for i in kept]))
        folds.append((model, edges))
    return folds


@contextmanager
def _models_in_use(cue_model: CueModel, edge_model: EdgeModel) -> Iterator[None]:
    from newsweave.analyse.cue_edges import edge_model_in_use
    from newsweave.analyse.cues import cue_model_in_use

    with cue_model_in_use(cue_model), edge_model_in_use(edge_model):
        yield


def _cross_validate_heads(
    rows: Sequence[Sequence[str]], labels: Sequence[int], articles: Sequence[int], folds: int
) -> Counts:
    counts = Counts()
    for fold in range(folds):
        train = [i for i, n in enumerate(articles) if n % folds != fold]
        table = _fit_cue_table([rows[i] for i in train], [labels[i] for i in train])
        weights, bias = table["weights"], table["bias"]
        assert isinstance(weights, dict) and isinstance(bias, float)
        for i, n in enumerate(articles):
            if n % folds == fold:
                accepted = bias + sum(weights.get(f, 0.0) for f in rows[i]) >= 0.0  # probability >= 0.5
                counts += Counts(int(accepted and labels[i] == 1), int(accepted), labels[i])
    return counts


def _score_doc(doc: Doc, path: Path, gold_dir: Path) -> dict[str, Counts]:
    text = doc.text
    gold = read_attributions(_gold_text(gold_dir, path), text)
    system = read_attributions(format_ann(predict_doc(doc, path.stem), text), text)
    return score_article(gold, system)


# -- training the cue edge model ------------------------------------------------------------------

_SHIPPED_EDGES = Path(__file__).resolve().parents[1] / "src/newsweave/analyse/cue_edges.json"
EdgeRecord = tuple[str, int, list[int], list[list[str]]]


class _GoldHeads:
    """A cue model that accepts exactly the gold cue heads: the edges are learned on gold cues."""

    threshold = 0.5

    def __init__(self, heads: set[int]) -> None:
        self.heads = heads

    def probability(self, token: object) -> float:
        return 1.0 if getattr(token, "i", -1) in self.heads else 0.0

    def is_cue(self, token: object) -> bool:
        return self.probability(token) >= self.threshold


class _EdgeRecorder:
    """An edge chooser that keeps the rules' edges and records every choice it was offered."""

    def __init__(self) -> None:
        self.records: list[EdgeRecord] = []

    def choose(self, side: str, head: object, candidates: list[int], rows: list[list[str]]) -> int:
        self.records.append((side, getattr(head, "i", -1), candidates, rows))
        rule = "rule" if side == "R" else "L:rule"
        return next(c for c, row in zip(candidates, rows, strict=True) if rule in row)


def _gold_cue_tokens(doc: Doc, ann_text: str) -> list[set[int]]:
    """Return the spaCy token indices of every gold cue."""
    return [
        {t.i for start, end in fragments for t in doc if start <= t.idx < end and not t.is_space}
        for fragments in read_cue_ranges(ann_text)
    ]


def _edge_rows(
    paths: Sequence[Path], docs: Sequence[Doc], gold_dir: Path
) -> tuple[list[list[str]], list[int], list[int]]:
    """Return the candidate edges offered while predicting each article (with the gold cue heads as
    the cue model), whether each is the gold cue's edge, and the article's index.

    A choice whose gold edge is not among its candidates (a cue too far from the rules' one, or the
    head in no gold cue) teaches nothing and is left out.
    """
    from newsweave.analyse.cue_edges import edge_model_in_use
    from newsweave.analyse.cues import cue_model_in_use
    from newsweave.analyse.quotes.rerank import KeepAll, judge_in_use

    rows: list[list[str]] = []
    labels: list[int] = []
    articles: list[int] = []
    for n, (path, doc) in enumerate(zip(paths, docs, strict=True)):
        ann_text = _gold_text(gold_dir, path)
        cues = _gold_cue_tokens(doc, ann_text)
        recorder = _EdgeRecorder()
        heads = _GoldHeads(cue_heads(doc, read_cue_ranges(ann_text)))
        # The edges are learned on what the rules build from the gold heads, none judged by the reranker.
        with cue_model_in_use(heads), edge_model_in_use(recorder), judge_in_use(KeepAll()):  # type: ignore[arg-type]
            predict_doc(doc, path.stem)
        for side, head, candidates, offered in recorder.records:
            gold = next((c for c in cues if head in c), None)
            if gold is None:
                continue
            edge = max(gold) if side == "R" else min(gold)
            if edge not in candidates:
                continue
            rows += offered
            labels += [int(c == edge) for c in candidates]
            articles += [n] * len(candidates)
    return rows, labels, articles


def _fit_edge_table(rows: Sequence[Sequence[str]], labels: Sequence[int], c: float = 1.0) -> dict[str, float]:
    """Return the weights of a logistic regression over the candidate edges (the argmax is chosen)."""
    return _fit_logistic(rows, labels, c=c, min_weight=0.01)[1]


def train_edge_model(text_dir: Path, gold_dir: Path, out: Path, cache: Path | None = None) -> dict[str, int]:
    """Train the cue edge model on the articles of TEXT_DIR, write its JSON table; return its stats."""
    paths, docs = _parsed_articles(text_dir, gold_dir, cache)
    rows, labels, _ = _edge_rows(paths, docs, gold_dir)
    weights = _fit_edge_table(rows, labels)
    table = {
        "about": "cue span edges; logistic regression over newsweave.analyse.cue_edges features, argmax",
        "trained_on": f"PolNeAR {text_dir.parent.name}: {len(paths)} articles, first annotator file each",
        "command": "eval/polnear.py train-edges ../shared/data/polnear/train/text "
        "../shared/data/polnear/train/attributions",
        "weights": weights,
    }
    out.write_text(json.dumps(table, indent=0, ensure_ascii=False) + "\n", encoding="utf-8")
    return {"articles": len(paths), "candidates": len(labels), "edges": sum(labels), "features": len(weights)}


def cross_validate_edges(
    text_dir: Path, gold_dir: Path, cache: Path | None = None, gold_heads: bool = True
) -> dict[str, Counts]:
    """Return 5-fold cross-validated counts of the attribution step on TEXT_DIR with the edge model
    trained on the other folds (`index % 5`), the cue heads given by the gold (`gold_heads`) or by
    the shipped cue model."""
    from newsweave.analyse.cue_edges import EdgeModel, edge_model_in_use
    from newsweave.analyse.cues import cue_model_in_use, load_cue_model

    paths, docs = _parsed_articles(text_dir, gold_dir, cache)
    rows, labels, articles = _edge_rows(paths, docs, gold_dir)
    total: dict[str, Counts] = {}
    for fold in range(5):
        train = [i for i, n in enumerate(articles) if n % 5 != fold]
        model = EdgeModel(_fit_edge_table([rows[i] for i in train], [labels[i] for i in train]))
        with edge_model_in_use(model):
            for n, (path, doc) in enumerate(zip(paths, docs, strict=True)):
                if n % 5 != fold:
                    continue
                heads = cue_heads(doc, read_cue_ranges(_gold_text(gold_dir, path)))
                with cue_model_in_use(_GoldHeads(heads) if gold_heads else load_cue_model()):  # type: ignore[arg-type]
                    _add(total, _score_doc(doc, path, gold_dir))
    return total


# -- training the attribution reranker -------------------------------------------------------------

_SHIPPED_RERANK = Path(__file__).resolve().parents[1] / "src/newsweave/analyse/rerank.json"
# The rules build candidates from these cue probabilities; the reranker then keeps those it believes.
_CANDIDATES = {"head": 0.25, "lexicon": 0.1, "object": 0.35, "object_speaker": 0.3, "nested": 0.35}
# The reranker's cut, chosen by 5-fold cross-validation on train (docs/benchmarks.md).
_KEEP = 0.4
_KEEP_ACCEPTED = 0.2
_RERANK_C = 1.0
RerankRow = tuple[dict[str, float], int, int]


class _CandidateRecorder:
    """A judge that keeps every candidate the lowered thresholds build and records its features."""

    def __init__(self) -> None:
        from newsweave.analyse.quotes.thresholds import Thresholds

        self.candidates = Thresholds(**_CANDIDATES)
        self.records: list[tuple[dict[str, float], Quote]] = []

    def keeps(self, candidate: Candidate) -> bool:
        from newsweave.analyse.quotes.rerank import rerank_features

        self.records.append((rerank_features(candidate), candidate.quote))
        return True


def _rerank_rows(
    paths: Sequence[Path], docs: Sequence[Doc], gold_dir: Path, folds: Sequence[FoldModels]
) -> list[RerankRow]:
    """Return every candidate attribution of every article, built with the cue and edge models of
    the fold that did not see the article: its features, whether it matches a gold attribution
    (every part overlapping, as the whole-attribution overlap score counts), and the article's index."""
    from newsweave.analyse.quotes.rerank import judge_in_use

    found: list[RerankRow] = []
    for n, (path, doc) in enumerate(zip(paths, docs, strict=True)):
        recorder = _CandidateRecorder()
        with _models_in_use(*folds[n % 5]), judge_in_use(recorder):
            predict_doc(doc, path.stem)
        text = doc.text
        gold = read_attributions(_gold_text(gold_dir, path), text)
        starts = _token_starts(text)
        for features, quote in recorder.records:
            built = _as_attribution(quote, starts)
            found.append((features, int(any(_whole_match(g, built, exact=False) for g in gold)), n))
    return found


def _as_attribution(quote: Quote, starts: Sequence[tuple[int, int]]) -> Attribution:
    content = [(p.start, p.end) for p in quote.parts] or [(quote.content.start, quote.content.end)]
    cue = [(quote.cue.start, quote.cue.end)] if quote.cue is not None else []
    source = [(quote.source.start, quote.source.end)] if quote.source is not None else []
    return Attribution(_tokens_in(starts, source), _tokens_in(starts, cue), _tokens_in(starts, content))


def _fit_reranker_table(candidates: Sequence[RerankRow]) -> dict[str, object]:
    """Return the weights, bias, cut and candidate thresholds of a logistic regression over the
    candidates; binary features seen fewer than 3 times are left out."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    seen: dict[str, int] = {}
    for features, _, _ in candidates:
        for feature in features:
            seen[feature] = seen.get(feature, 0) + 1
    vectorizer = DictVectorizer()
    matrix = vectorizer.fit_transform(
        [{f: v for f, v in c[0].items() if seen[f] >= 3} for c in candidates]
    ).tocsr()
    matrix.indices = matrix.indices.astype("int32")
    matrix.indptr = matrix.indptr.astype("int32")
    model = LogisticRegression(C=_RERANK_C, max_iter=5000, solver="liblinear", random_state=0)
    model.fit(matrix, [c[1] for c in candidates])
    weights = {
        name: round(float(w), 4)
        for name, w in zip(vectorizer.get_feature_names_out(), model.coef_[0], strict=True)
        if abs(w) >= 0.001
    }
    return {
        "keep": _KEEP,
        "keep_accepted": _KEEP_ACCEPTED,
        "candidates": _CANDIDATES,
        "bias": round(float(model.intercept_[0]), 4),
        "weights": dict(sorted(weights.items())),
    }


def _fit_reranker(candidates: Sequence[RerankRow]) -> Reranker:
    from newsweave.analyse.quotes.rerank import reranker_from_table

    return reranker_from_table(_fit_reranker_table(candidates))


def train_rerank_model(
    text_dir: Path, gold_dir: Path, out: Path, cache: Path | None = None
) -> dict[str, int]:
    """Train the attribution reranker on the articles of TEXT_DIR, write its JSON table; return its stats.

    The candidates come from 5 folds, each built with cue and edge models trained on the other four,
    so that the reranker learns how far to trust a cue probability on an article the cue model never
    saw, as on new text.
    """
    paths, docs = _parsed_articles(text_dir, gold_dir, cache)
    folds = _fold_models(paths, docs, gold_dir, _cue_rows(paths, docs, gold_dir))
    candidates = _rerank_rows(paths, docs, gold_dir, folds)
    fitted = _fit_reranker_table(candidates)
    table = {
        "about": "attribution reranker; logistic regression over newsweave.analyse.quotes.rerank features",
        "trained_on": f"PolNeAR {text_dir.parent.name}: {len(paths)} articles, first annotator file each, "
        "cue probabilities out of fold (5 folds)",
        "command": "eval/polnear.py train-rerank ../shared/data/polnear/train/text "
        "../shared/data/polnear/train/attributions",
        **fitted,
    }
    out.write_text(json.dumps(table, indent=0, ensure_ascii=False) + "\n", encoding="utf-8")
    weights = fitted["weights"]
    assert isinstance(weights, dict)
    positives = sum(c[1] for c in candidates)
    return {
        "articles": len(paths),
        "candidates": len(candidates),
        "positives": positives,
        "features": len(weights),
    }


def _gold_command(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], name: str, help_text: str
) -> argparse.ArgumentParser:
    """Add a command that reads TEXT_DIR, its GOLD_DIR, and may keep the parses in --cache."""
    command = commands.add_parser(name, help=help_text)
    command.add_argument("text_dir", type=Path)
    command.add_argument("gold_dir", type=Path)
    command.add_argument("--cache", type=Path, help="keep the parsed texts here (a spaCy DocBin)")
    return command


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    predict = commands.add_parser("predict", help="write <article>.ann for every TEXT_DIR/*.txt")
    predict.add_argument("text_dir", type=Path)
    predict.add_argument("out_dir", type=Path)
    predict.add_argument("--cache", type=Path, help="keep the parsed texts here (a spaCy DocBin)")
    score = commands.add_parser("score", help="print exact and overlap P/R/F1 against the gold")
    score.add_argument("text_dir", type=Path)
    score.add_argument("gold_dir", type=Path)
    score.add_argument("sys_dir", type=Path)
    agree = commands.add_parser(
        "agreement",
        help="score the other annotators (and SYS_DIR) against the first, where several marked one article",
    )
    agree.add_argument("text_dir", type=Path)
    agree.add_argument("gold_dir", type=Path)
    agree.add_argument(
        "--sys", type=Path, dest="sys_dir", help="also score these predictions on the same articles"
    )
    train = _gold_command(commands, "train", "train the cue model on TEXT_DIR and its gold")
    train.add_argument("--out", type=Path, default=_SHIPPED_MODEL)
    _gold_command(commands, "cv", "cross-validate the cue model on TEXT_DIR (folds by article)")
    train_edges = _gold_command(commands, "train-edges", "train the cue edge model on TEXT_DIR and its gold")
    train_edges.add_argument("--out", type=Path, default=_SHIPPED_EDGES)
    train_rerank = _gold_command(commands, "train-rerank", "train the attribution reranker on TEXT_DIR")
    train_rerank.add_argument("--out", type=Path, default=_SHIPPED_RERANK)
    cv_edges = _gold_command(commands, "cv-edges", "cross-validate the cue edge model on TEXT_DIR (5 folds)")
    cv_edges.add_argument(
        "--model-heads", action="store_true", help="cue heads from the shipped cue model, not the gold"
    )
    args = parser.parse_args(argv)
    if args.command == "train-edges":
        print(train_edge_model(args.text_dir, args.gold_dir, args.out, args.cache))
    elif args.command == "train-rerank":
        print(train_rerank_model(args.text_dir, args.gold_dir, args.out, args.cache))
    elif args.command == "cv-edges":
        scores = cross_validate_edges(args.text_dir, args.gold_dir, args.cache, not args.model_heads)
        print(format_scores(scores))
    elif args.command == "train":
        print(train_cue_model(args.text_dir, args.gold_dir, args.out, args.cache))
    elif args.command == "cv":
        print(format_scores(cross_validate(args.text_dir, args.gold_dir, args.cache)))
    elif args.command == "predict":
        written = predict_dir(args.text_dir, args.out_dir, args.cache)
        print(f"wrote {written} .ann files to {args.out_dir}")
    elif args.command == "agreement":
        for who, scores in agreement(args.text_dir, args.gold_dir, args.sys_dir).items():
            print(f"{who} against the first annotator\n{format_scores(scores)}\n")
    else:
        print(format_scores(score_dirs(args.text_dir, args.gold_dir, args.sys_dir)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
