"""Exact and near duplicates are kept as Reports, pointing at the first report of their group."""

import re
from pathlib import Path

import pytest

from newsweave.errors import InputError
from newsweave.ingest import load_reports
from newsweave.settings import Settings

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "niger-2023"
FIRST = CORPUS / "000_9324567a5dbc881f.txt"
THIRD = CORPUS / "002_c6a2e5104b6ed147.txt"


def test_exact_copy_under_another_name_is_a_duplicate_of_the_first(tmp_path):
    copy = tmp_path / "wire-copy.txt"
    copy.write_text(FIRST.read_text(encoding="utf-8"), encoding="utf-8")

    result = load_reports([CORPUS, copy])

    assert result.rejections == ()
    assert len(result.reports) == 4
    original, copied = result.reports[0], result.reports[3]
    assert copied.id == "wire-copy"
    assert (copied.duplicate_of, copied.duplicate_similarity) == (original.id, 1.0)
    assert copied.sha1 == original.sha1
    assert [r.duplicate_of for r in result.reports[:3]] == [None, None, None]


def test_copy_differing_only_in_whitespace_is_an_exact_duplicate(tmp_path):
    copy = tmp_path / "reflowed.txt"
    copy.write_text(re.sub(r"\s+", "  ", FIRST.read_text(encoding="utf-8")) + "\n\n", encoding="utf-8")

    result = load_reports([FIRST, copy])

    assert result.reports[1].duplicate_of == FIRST.stem
    assert result.reports[1].duplicate_similarity == 1.0
    assert result.reports[1].text != result.reports[0].text


def test_near_copy_with_a_sentence_changed_is_a_near_duplicate(tmp_path):
    text = THIRD.read_text(encoding="utf-8")
    sentence = re.search(r"[^.\n]*Niger[^.\n]*\.", text).group(0)
    edited = text.replace(sentence, "Officials declined to say how many people had already left the capital.")
    assert edited != text
    near = tmp_path / "edited.txt"
    near.write_text(edited, encoding="utf-8")

    result = load_reports([CORPUS, near])

    copied = result.reports[3]
    assert copied.duplicate_of == THIRD.stem
    assert 0.8 <= copied.duplicate_similarity < 1.0
    assert copied.sha1 != result.reports[2].sha1
    assert [r.duplicate_of for r in result.reports[:3]] == [None, None, None]


def test_first_in_input_order_is_the_original(tmp_path):
    copy = tmp_path / "aaa-copy.txt"
    copy.write_text(FIRST.read_text(encoding="utf-8"), encoding="utf-8")

    result = load_reports([copy, FIRST])

    assert [(r.id, r.duplicate_of) for r in result.reports] == [("aaa-copy", None), (FIRST.stem, "aaa-copy")]


def test_copies_of_a_near_duplicate_point_at_the_first_report_of_the_group(tmp_path):
    text = FIRST.read_text(encoding="utf-8")
    edited = text.replace("over the next 24 hours", "within a day")
    (tmp_path / "b-edited.txt").write_text(edited, encoding="utf-8")
    (tmp_path / "c-edited-again.txt").write_text(edited, encoding="utf-8")

    result = load_reports([FIRST, tmp_path])

    _, edited_report, copy_of_edited = result.reports
    assert edited_report.duplicate_of == FIRST.stem
    assert copy_of_edited.duplicate_of == FIRST.stem
    assert copy_of_edited.duplicate_similarity == edited_report.duplicate_similarity < 1.0


def test_threshold_comes_from_settings(tmp_path):
    text = THIRD.read_text(encoding="utf-8")
    half = text[: len(text) // 2]
    (tmp_path / "half.txt").write_text(half, encoding="utf-8")

    loose = load_reports([THIRD, tmp_path], Settings(near_duplicate_threshold=0.3))
    strict = load_reports([THIRD, tmp_path], Settings(near_duplicate_threshold=0.8))

    assert loose.reports[1].duplicate_of == THIRD.stem
    assert strict.reports[1].duplicate_of is None


def test_threshold_of_one_marks_only_identical_shingles(tmp_path):
    text = FIRST.read_text(encoding="utf-8")
    (tmp_path / "b-shouted.txt").write_text(text.upper(), encoding="utf-8")
    (tmp_path / "c-edited.txt").write_text(text.replace("24 hours", "day"), encoding="utf-8")

    result = load_reports([FIRST, tmp_path], Settings(near_duplicate_threshold=1.0))

    assert [(r.duplicate_of, r.duplicate_similarity) for r in result.reports] == [
        (None, None),
        (FIRST.stem, 1.0),  # same words, different case: not the same sha1, still Jaccard 1.0
        (None, None),
    ]


def test_threshold_outside_zero_to_one_is_a_wrong_call():
    with pytest.raises(InputError, match="near_duplicate_threshold"):
        load_reports([FIRST], Settings(near_duplicate_threshold=1.5))
