"""The sample corpus goes through ingest untouched: one report per file, ids from file stems."""

from pathlib import Path

import pytest

from newsweave.errors import InputError
from newsweave.ingest import load_reports

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "niger-2023"


def test_sample_corpus_gives_one_report_per_file_with_the_text_unchanged():
    files = sorted(CORPUS.glob("*.txt"))
    result = load_reports([CORPUS])

    assert len(files) == 3
    assert result.rejections == ()
    assert [r.id for r in result.reports] == [f.stem for f in files]
    for report, file in zip(result.reports, files, strict=True):
        assert report.text == file.read_text(encoding="utf-8")
        assert report.path == str(file)
        assert len(report.sha1) == 40
        assert report.notes == ()


def test_the_three_distinct_sample_reports_are_not_marked_duplicates():
    result = load_reports([CORPUS])

    assert [r.duplicate_of for r in result.reports] == [None, None, None]
    assert [r.duplicate_similarity for r in result.reports] == [None, None, None]
    assert len({r.sha1 for r in result.reports}) == 3


def test_files_named_one_by_one_give_the_same_reports_as_their_directory():
    files = sorted(CORPUS.glob("*.txt"))

    by_file = load_reports(files)

    assert [r.text for r in by_file.reports] == [r.text for r in load_reports([CORPUS]).reports]


def test_a_single_path_instead_of_a_sequence_is_a_wrong_call():
    with pytest.raises(InputError, match="sequence of paths"):
        load_reports(str(CORPUS))  # type: ignore[arg-type]
