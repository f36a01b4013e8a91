"""TempEval-3 Task A, time expressions: tag TimeML texts with newsweave and score them officially.

    .venv/bin/python eval/tempeval3.py predict IN_DIR OUT_DIR
    .venv/bin/python eval/tempeval3.py score GOLD_DIR SYSTEM_DIR
    .venv/bin/python eval/tempeval3.py split [--write DIR]   # the parts we tune on and report on

``predict`` reads TempEval-3 input files (``*.tml.TE3input``: text and DCT) or TimeML files
(``*.tml``; their annotations are dropped) and writes ``OUT_DIR/<base>.tml``: the input's header
and DCT as they were, and ``<TEXT>`` with our ``<TIMEX3 tid type value>`` tags inserted, the text
itself unchanged. Values are resolved against the DCT, or against the story's own time stamp where
the AQUAINT header gives one (`NEWS STORY 2000-01-07 03:03` in a file dated 2000-01-15).

``score`` reproduces the entity metrics of the official TempEval-3 toolkit
(``evaluation-entities/evaluate_entities.py`` run after ``TimeML-Normalizer``, which gives a system
TIMEX3 that overlaps a gold one the gold's id): a relaxed match is a system timex that overlaps a
gold timex (one to one), a strict match has the same extent. Precision and recall are micro-averaged
over all documents. Type and value are compared over the relaxed matches; the toolkit reports
``attribute F1 = (matching attribute / relaxed matches) × relaxed F1``, which is the figure
TempEval-3 published as "value F1" and "type F1". The DCT (tid t0) is not scored.
"""

from __future__ import annotations

import argparse
import html
import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from newsweave.align.resolve import resolve_in_order
from newsweave.analyse import load_nlp
from newsweave.analyse.segment import find_sentences
from newsweave.analyse.timex import find_time_expressions

_TEXT = re.compile(r"<TEXT>(.*?)</TEXT>", re.DOTALL)
_TAG = re.compile(r"<[^>]*>")
_ENTITY = re.compile(r"&(?:#\d+|#x[0-9a-fA-F]+|\w+);")
_DCT = re.compile(r'<DCT>\s*<TIMEX3[^>]*\bvalue="(\d{4})-?(\d\d)-?(\d\d)')
_ATTR = re.compile(r'(\w+)="([^"]*)"')
# The wire's own time stamp of the story, in the <EXTRAINFO> header of AQUAINT files ("APW20000107.0088
# NEWS STORY 2000-01-07 03:03"); the DCT is the day of the file the story was filed in, a re-run a week
# later at times, and the annotators dated "Wednesday" from the story's day.
_STORY_STAMP = re.compile(r"<EXTRAINFO>[^<]*?NEWS STORY\s+(\d{4})-(\d\d)-(\d\d)")
TBAQ = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "tempeval3" / "TBAQ-cleaned"

# The split (a fixed rule, reproducible from file names): we tune on TimeBank/ and on AQUAINT-tune,
# the AQUAINT/ files at even positions when sorted by name (0, 2, 4 …), and report on AQUAINT-report,
# the files at odd positions. Until 2026-11-23 the whole of AQUAINT/ was the reported part; it was
# split so that AQUAINT's own conventions could be studied on half of it (docs/benchmarks.md).
TUNE_PART = "TimeBank"
SPLIT_PART = "AQUAINT"
PARTS = ("AQUAINT-tune", "AQUAINT-report")


@dataclass(frozen=True, slots=True)
class Timex:
    """A TIMEX3 of a TimeML <TEXT>, with offsets into the text stripped of tags (entities kept escaped)."""

    start: int
    end: int
    type: str
    value: str


@dataclass(frozen=True, slots=True)
class TimeMLFile:
    """One TimeML document: the raw file, where its <TEXT> is, the text without tags, and its DCT."""

    name: str  # <base>.tml
    raw: str
    text_start: int
    text_end: int
    escaped: str  # the <TEXT> content without tags, XML entities as written
    dct: date
    story_date: date | None = None  # the wire's time stamp of the story, when the header gives one

    @property
    def anchor(self) -> date:
        """Return the day relative expressions count from: the story's own date, else the DCT."""
        return self.story_date or self.dct


@dataclass(frozen=True, slots=True)
class Scores:
    """The official TempEval-3 entity figures for time expressions."""

    gold: int
    system: int
    relaxed: int
    strict: int
    type_match: int
    value_match: int

    @property
    def strict_f1(self) -> float:
        return _f1(
            self.strict / self.system if self.system else 0.0, self.strict / self.gold if self.gold else 0.0
        )

    @property
    def relaxed_precision(self) -> float:
        return self.relaxed / self.system if self.system else 0.0

    @property
    def relaxed_recall(self) -> float:
        return self.relaxed / self.gold if self.gold else 0.0

    @property
    def relaxed_f1(self) -> float:
        return _f1(self.relaxed_precision, self.relaxed_recall)

    @property
    def value_f1(self) -> float:
        return self.value_match / self.relaxed * self.relaxed_f1 if self.relaxed else 0.0

    @property
    def type_f1(self) -> float:
        return self.type_match / self.relaxed * self.relaxed_f1 if self.relaxed else 0.0

    def table(self) -> str:
        """Return the figures as the toolkit prints them, plus the counts behind them."""
        strict_p = self.strict / self.system if self.system else 0.0
        strict_r = self.strict / self.gold if self.gold else 0.0
        return "\n".join(
            [
                f"gold {self.gold}  system {self.system}  relaxed matches {self.relaxed}"
                f"  strict {self.strict}",
                "             F1      P       R",
                f"strict   {self.strict_f1:.4f}  {strict_p:.4f}  {strict_r:.4f}",
                f"relaxed  {self.relaxed_f1:.4f}  {self.relaxed_precision:.4f}  {self.relaxed_recall:.4f}",
                f"value F1 {self.value_f1:.4f}  (accuracy over relaxed matches "
                f"{self.value_match / max(self.relaxed, 1):.4f})",
                f"type F1  {self.type_f1:.4f}  (accuracy {self.type_match / max(self.relaxed, 1):.4f})",
            ]
        )


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def read_timeml(path: Path) -> TimeMLFile:
    """Return a TimeML or TempEval-3 input file, split into header, <TEXT> and DCT."""
    raw = path.read_text(encoding="utf-8")
    text = _TEXT.search(raw)
    dct = _DCT.search(raw)
    if text is None or dct is None:
        raise ValueError(f"{path}: no <TEXT> or no DCT TIMEX3 with a value; is it a TimeML file?")
    name = path.name.removesuffix(".TE3input")
    year, month, day = (int(g) for g in dct.groups())
    escaped = _TAG.sub("", text.group(1))
    stamp = _STORY_STAMP.search(raw, 0, text.start())
    story = date(*(int(g) for g in stamp.groups())) if stamp else None
    return TimeMLFile(name, raw, text.start(1), text.end(1), escaped, date(year, month, day), story)


def timexes_of(timeml: TimeMLFile) -> tuple[Timex, ...]:
    """Return the TIMEX3 annotations inside the file's <TEXT>, with offsets into ``escaped``."""
    content = timeml.raw[timeml.text_start : timeml.text_end]
    found: list[Timex] = []
    offset = 0  # position in the text without tags
    last = 0
    opened: tuple[int, dict[str, str]] | None = None
    for tag in _TAG.finditer(content):
        offset += tag.start() - last
        last = tag.end()
        if tag.group(0).startswith("<TIMEX3"):
            opened = (offset, dict(_ATTR.findall(tag.group(0))))
        elif tag.group(0) == "</TIMEX3>" and opened is not None:
            start, attrs = opened
            if offset > start:
                found.append(Timex(start, offset, attrs.get("type", ""), attrs.get("value", "")))
            opened = None
    return tuple(found)


def unescape_with_offsets(escaped: str) -> tuple[str, list[int]]:
    """Return the text with XML entities decoded, and the escaped offset of each offset (and of its end)."""
    parts: list[str] = []
    positions: list[int] = []
    last = 0
    for entity in _ENTITY.finditer(escaped):
        parts.append(escaped[last : entity.start()])
        positions.extend(range(last, entity.start()))
        parts.append(html.unescape(entity.group(0)))
        positions.extend([entity.start()] * len(parts[-1]))
        last = entity.end()
    parts.append(escaped[last:])
    positions.extend(range(last, len(escaped) + 1))
    return "".join(parts), positions


def tag_files(files: Sequence[TimeMLFile], nlp: object | None = None) -> list[tuple[Timex, ...]]:
    """Return newsweave's time expressions for each file, with TIMEX3 types and values against its DCT."""
    nlp = nlp or load_nlp()
    decoded = [unescape_with_offsets(f.escaped) for f in files]
    results = []
    docs = nlp.pipe(text for text, _ in decoded)  # type: ignore[attr-defined]
    for timeml, (_, positions), doc in zip(files, decoded, docs, strict=True):
        sentences = find_sentences(doc, timeml.name)
        found = []
        timexes = find_time_expressions(doc, timeml.name, sentences)
        for timex, value in zip(timexes, resolve_in_order(timexes, timeml.anchor), strict=True):
            kind = value.type if value is not None else timex.type
            found.append(
                Timex(
                    positions[timex.span.start],
                    positions[timex.span.end],
                    kind,
                    value.value if value is not None else "",
                )
            )
        results.append(tuple(found))
    return results


def render_timeml(timeml: TimeMLFile, timexes: Iterable[Timex]) -> str:
    """Return the file with its <TEXT> replaced by the plain text with ``timexes`` tagged in it."""
    pieces = []
    last = 0
    for tid, timex in enumerate(sorted(timexes, key=lambda t: t.start), start=1):
        value = html.escape(timex.value, quote=True)
        pieces.append(timeml.escaped[last : timex.start])
        pieces.append(f'<TIMEX3 tid="t{tid}" type="{timex.type}" value="{value}">')
        pieces.append(timeml.escaped[timex.start : timex.end] + "</TIMEX3>")
        last = timex.end
    pieces.append(timeml.escaped[last:])
    return timeml.raw[: timeml.text_start] + "".join(pieces) + "</TEXT>\n\n</TimeML>\n"


def aquaint_split(tbaq_dir: Path) -> dict[str, list[Path]]:
    """Return TBAQ-cleaned AQUAINT/ split by position in name order: even to tune, odd to report."""
    paths = sorted((tbaq_dir / SPLIT_PART).glob("*.tml"))
    if not paths:
        raise ValueError(f"{tbaq_dir}: no {SPLIT_PART}/*.tml; is it the TBAQ-cleaned folder?")
    return {PARTS[0]: paths[0::2], PARTS[1]: paths[1::2]}


def write_split(tbaq_dir: Path, out_dir: Path) -> dict[str, Path]:
    """Make ``OUT_DIR/AQUAINT-tune`` and ``OUT_DIR/AQUAINT-report`` of links to the gold files; return them.

    Links, not copies: the dataset text stays in ../shared/data, and the folders work as IN_DIR of
    ``predict`` and GOLD_DIR of ``score``.
    """
    folders = {}
    for part, paths in aquaint_split(tbaq_dir).items():
        folder = out_dir / part
        folder.mkdir(parents=True, exist_ok=True)
        for stale in folder.glob("*.tml"):
            stale.unlink()
        for path in paths:
            (folder / path.name).symlink_to(path.resolve())
        folders[part] = folder
    return folders


def input_files(in_dir: Path) -> list[Path]:
    """Return the TimeML inputs of a folder, sorted by name."""
    paths = sorted(in_dir.glob("*.tml.TE3input")) or sorted(in_dir.glob("*.tml"))
    if not paths:
        raise ValueError(f"{in_dir}: no *.tml.TE3input or *.tml files")
    return paths


def predict(in_dir: Path, out_dir: Path) -> int:
    """Write ``OUT_DIR/<base>.tml`` for every input file; return how many were written."""
    files = [read_timeml(path) for path in input_files(in_dir)]
    out_dir.mkdir(parents=True, exist_ok=True)
    for timeml, timexes in zip(files, tag_files(files), strict=True):
        (out_dir / timeml.name).write_text(render_timeml(timeml, timexes), encoding="utf-8")
    return len(files)


def score_pair(gold: Sequence[Timex], system: Sequence[Timex]) -> Scores:
    """Return the counts of one document: each gold timex takes the first free system timex it overlaps."""
    free = list(system)
    relaxed = strict = type_match = value_match = 0
    for g in gold:
        match = next((s for s in free if s.start < g.end and g.start < s.end), None)
        if match is None:
            continue
        free.remove(match)
        relaxed += 1
        strict += (match.start, match.end) == (g.start, g.end)
        type_match += match.type == g.type
        value_match += match.value == g.value
    return Scores(len(gold), len(system), relaxed, strict, type_match, value_match)


def score_files(gold_files: Sequence[TimeMLFile], system_files: Sequence[TimeMLFile]) -> Scores:
    """Return the micro-averaged scores of system files against gold files (paired in order)."""
    pairs = []
    for gold, system in zip(gold_files, system_files, strict=True):
        if gold.escaped != system.escaped:
            raise ValueError(f"{system.name}: the text differs from the gold file's text")
        pairs.append(score_pair(timexes_of(gold), timexes_of(system)))
    return sum_scores(pairs)


def sum_scores(pairs: Iterable[Scores]) -> Scores:
    """Return the counts of several documents added up (the toolkit micro-averages)."""
    total = Scores(0, 0, 0, 0, 0, 0)
    for pair in pairs:
        total = Scores(*(a + b for a, b in zip(_counts(total), _counts(pair), strict=True)))
    return total


def _counts(scores: Scores) -> tuple[int, ...]:
    return (scores.gold, scores.system, scores.relaxed, scores.strict, scores.type_match, scores.value_match)


def score_dirs(gold_dir: Path, system_dir: Path) -> Scores:
    """Return the scores of ``system_dir/<name>.tml`` against every ``gold_dir/<name>.tml``."""
    gold_paths = sorted(gold_dir.glob("*.tml"))
    missing = [p.name for p in gold_paths if not (system_dir / p.name).is_file()]
    if missing:
        raise ValueError(f"{system_dir}: no system file for {len(missing)} gold files, e.g. {missing[0]}")
    gold = [read_timeml(p) for p in gold_paths]
    system = [read_timeml(system_dir / p.name) for p in gold_paths]
    return score_files(gold, system)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("predict", help="tag every input file of IN_DIR into OUT_DIR/<base>.tml")
    run.add_argument("in_dir", type=Path)
    run.add_argument("out_dir", type=Path)
    score = commands.add_parser("score", help="score SYSTEM_DIR/<name>.tml against GOLD_DIR/<name>.tml")
    score.add_argument("gold_dir", type=Path)
    score.add_argument("system_dir", type=Path)
    split = commands.add_parser(
        "split", help="print (or --write) the parts of TBAQ-cleaned we tune and report on"
    )
    split.add_argument("--tbaq", type=Path, default=TBAQ, help="the TBAQ-cleaned folder")
    split.add_argument("--write", type=Path, help="make DIR/AQUAINT-tune and DIR/AQUAINT-report (links)")
    args = parser.parse_args(argv)
    if args.command == "predict":
        print(f"wrote {predict(args.in_dir, args.out_dir)} files into {args.out_dir}")
    elif args.command == "score":
        print(score_dirs(args.gold_dir, args.system_dir).table())
    else:
        _print_split(args.tbaq, args.write)
    return 0


def _print_split(tbaq_dir: Path, out_dir: Path | None) -> None:
    parts = aquaint_split(tbaq_dir)
    timebank = len(list((tbaq_dir / TUNE_PART).glob("*.tml")))
    print(
        f"tune on {TUNE_PART}/ ({timebank} documents) and {PARTS[0]} ({len(parts[PARTS[0]])}: "
        f"{SPLIT_PART}/ sorted by name, positions 0, 2, 4 ...)"
    )
    print(f"report on {PARTS[1]} ({len(parts[PARTS[1]])}: positions 1, 3, 5 ...)")
    if out_dir is not None:
        for part, folder in write_split(tbaq_dir, out_dir).items():
            print(f"wrote {folder} ({len(parts[part])} links)")


if __name__ == "__main__":
    sys.exit(main())
