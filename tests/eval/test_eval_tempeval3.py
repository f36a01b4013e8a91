"""eval/tempeval3.py: the official TempEval-3 entity metrics, TimeML round trips, and the CI floor."""

from __future__ import annotations

import importlib.util
import sys
from datetime import date
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TBAQ = ROOT.parent / "shared" / "data" / "tempeval3" / "TBAQ-cleaned"
PLATINUM_INPUT = ROOT.parent / "shared" / "data" / "tempeval3" / "te3-platinum-input"

# Floors for the reported part (AQUAINT-report, the odd positions of AQUAINT/ sorted by name; we tune
# on TimeBank/ and AQUAINT-tune), a little below the measured figures (docs/benchmarks.md, "Time
# expressions"). They only ratchet up.
FLOORS = {"relaxed_f1": 0.937, "strict_f1": 0.833, "value_f1": 0.757, "type_f1": 0.878}


def load_tempeval3():
    spec = importlib.util.spec_from_file_location("tempeval3", ROOT / "eval" / "tempeval3.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["tempeval3"] = module
    spec.loader.exec_module(module)
    return module


te3 = load_tempeval3()


def test_gold_scored_against_itself_is_perfect():
    scores = te3.score_dirs(TBAQ / "AQUAINT", TBAQ / "AQUAINT")

    assert scores.gold == scores.system == 579
    assert (scores.strict_f1, scores.relaxed_f1, scores.value_f1, scores.type_f1) == (1.0, 1.0, 1.0, 1.0)


def test_relaxed_match_is_an_overlap_and_value_f1_is_accuracy_times_relaxed_f1():
    gold = [te3.Timex(0, 10, "DATE", "1998-02-13"), te3.Timex(20, 25, "DURATION", "P1D")]
    system = [
        te3.Timex(4, 10, "DATE", "1998-02-13"),  # overlaps the first, shorter: relaxed, not strict
        te3.Timex(30, 35, "DATE", "PRESENT_REF"),  # matches nothing
    ]

    scores = te3.score_pair(gold, system)

    assert (scores.relaxed, scores.strict, scores.value_match) == (1, 0, 1)
    assert scores.relaxed_f1 == pytest.approx(0.5)
    assert scores.value_f1 == pytest.approx(1 / 1 * 0.5)


def test_one_system_timex_matches_one_gold_timex_only():
    gold = [te3.Timex(0, 6, "DATE", "X"), te3.Timex(7, 12, "DATE", "Y")]

    scores = te3.score_pair(gold, [te3.Timex(0, 12, "DATE", "X")])

    assert scores.relaxed == 1


def test_rendered_file_keeps_the_text_and_the_dct(tmp_path):
    timeml = next(t for t in map(te3.read_timeml, sorted(TBAQ.glob("*/*.tml"))) if "&amp;" in t.escaped)
    text, positions = te3.unescape_with_offsets(timeml.escaped)
    assert "&amp;" not in text and len(positions) == len(text) + 1

    tagged = te3.tag_files([timeml])[0]
    out = tmp_path / timeml.name
    out.write_text(te3.render_timeml(timeml, tagged), encoding="utf-8")
    again = te3.read_timeml(out)

    assert again.escaped == timeml.escaped
    assert again.dct == timeml.dct
    assert te3.timexes_of(again) == tuple(sorted(tagged, key=lambda t: t.start))


def test_relative_values_count_from_the_story_stamp_of_a_re_run_story():
    rerun = te3.read_timeml(TBAQ / "AQUAINT" / "APW20000115.0209.tml")  # filed 2000-01-15, written 01-07
    plain = te3.read_timeml(TBAQ / "AQUAINT" / "APW20000107.0318.tml")

    assert (rerun.dct, rerun.story_date) == (date(2000, 1, 15), date(2000, 1, 7))
    assert rerun.anchor == date(2000, 1, 7)
    assert plain.anchor == plain.dct == date(2000, 1, 7)
    assert te3.read_timeml(next(PLATINUM_INPUT.glob("*.TE3input"))).story_date is None
    weekdays = [t for t in te3.tag_files([rerun])[0] if rerun.escaped[t.start : t.end] == "Thursday"]
    assert [t.value for t in weekdays] == ["2000-01-06"]


def test_predict_writes_one_timeml_file_per_platinum_input(tmp_path):
    inputs = sorted(PLATINUM_INPUT.glob("*.tml.TE3input"))[:2]
    folder = tmp_path / "in"
    folder.mkdir()
    for path in inputs:
        (folder / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")

    assert te3.predict(folder, tmp_path / "out") == 2

    tagged = 0
    for path in inputs:
        written = te3.read_timeml(tmp_path / "out" / path.name.removesuffix(".TE3input"))
        assert written.escaped == te3.read_timeml(path).escaped
        tagged += len(te3.timexes_of(written))
    assert tagged > 0


def test_aquaint_is_split_by_alternate_files_in_name_order(tmp_path):
    parts = te3.aquaint_split(TBAQ)
    names = sorted(p.name for p in (TBAQ / "AQUAINT").glob("*.tml"))

    assert [p.name for p in parts["AQUAINT-tune"]] == names[0::2]
    assert [p.name for p in parts["AQUAINT-report"]] == names[1::2]
    folders = te3.write_split(TBAQ, tmp_path)
    assert sorted(p.name for p in folders["AQUAINT-report"].glob("*.tml")) == names[1::2]
    assert te3.score_dirs(folders["AQUAINT-report"], folders["AQUAINT-report"]).value_f1 == 1.0


@pytest.mark.slow
def test_floor_on_the_reported_part(nlp):
    gold = [te3.read_timeml(p) for p in te3.aquaint_split(TBAQ)["AQUAINT-report"]]
    system = []
    for timeml, timexes in zip(gold, te3.tag_files(gold, nlp), strict=True):
        rendered = te3.render_timeml(timeml, timexes)
        system.append(
            te3.TimeMLFile(timeml.name, rendered, *_text_bounds(rendered), timeml.escaped, timeml.dct)
        )

    scores = te3.score_files(gold, system)

    figures = {name: getattr(scores, name) for name in FLOORS}
    assert all(figures[name] >= floor for name, floor in FLOORS.items()), figures


def _text_bounds(raw: str) -> tuple[int, int]:
    start = raw.index("<TEXT>") + len("<TEXT>")
    return start, raw.index("</TEXT>")
