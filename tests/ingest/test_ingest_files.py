"""Finding inputs: directory walks, hidden files, and ids that stay unique across the pile."""

import json
from pathlib import Path

from newsweave.ingest import load_reports

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "niger-2023"
TEXTS = [f.read_text(encoding="utf-8") for f in sorted(CORPUS.glob("*.txt"))]


def test_directories_are_walked_recursively_in_name_order_skipping_hidden_entries(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "a").mkdir()
    (tmp_path / ".git").mkdir()
    (tmp_path / "b" / "two.txt").write_text(TEXTS[1])
    (tmp_path / "a" / "one.txt").write_text(TEXTS[0])
    (tmp_path / "c.txt").write_text(TEXTS[2])
    (tmp_path / ".draft.txt").write_text(TEXTS[2] + " draft")
    (tmp_path / ".git" / "HEAD").write_text("ref: refs/heads/main")

    result = load_reports([tmp_path])

    assert [r.path for r in result.reports] == [
        str(tmp_path / "a" / "one.txt"),
        str(tmp_path / "b" / "two.txt"),
        str(tmp_path / "c.txt"),
    ]
    assert result.rejections == ()


def test_hidden_file_named_explicitly_is_read(tmp_path):
    hidden = tmp_path / ".draft.txt"
    hidden.write_text(TEXTS[0])

    result = load_reports([hidden])

    assert [(r.id, r.text) for r in result.reports] == [(".draft", TEXTS[0])]


def test_windows_line_ends_become_newlines_and_nothing_else_changes(tmp_path):
    crlf = tmp_path / "crlf.txt"
    crlf.write_bytes(TEXTS[0].replace("\n", "\r\n").encode("utf-8"))

    (report,) = load_reports([crlf]).reports

    assert report.text == TEXTS[0]


def test_utf8_and_utf16_byte_order_marks_are_read(tmp_path):
    (tmp_path / "bom8.txt").write_bytes(b"\xef\xbb\xbf" + TEXTS[0].encode("utf-8"))
    (tmp_path / "bom16.txt").write_text(TEXTS[1], encoding="utf-16")

    result = load_reports([tmp_path])

    assert {r.id: r.text for r in result.reports} == {"bom8": TEXTS[0], "bom16": TEXTS[1]}
    assert result.rejections == ()


def test_colliding_ids_are_suffixed_in_input_order(tmp_path):
    for folder, text in (("a", TEXTS[0]), ("b", TEXTS[1])):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "report.txt").write_text(text)
    (tmp_path / "c.jsonl").write_text(json.dumps({"id": "report", "text": TEXTS[2]}) + "\n")
    (tmp_path / "report~2.txt").write_text(TEXTS[2] + " Updated at noon.")

    result = load_reports([tmp_path])

    assert [r.id for r in result.reports] == ["report", "report~2", "report~3", "report~2~2"]
    paths = [r.path for r in result.reports]
    assert paths[:2] == [str(tmp_path / "a" / "report.txt"), str(tmp_path / "b" / "report.txt")]
    assert result.reports[0].notes == ()
    assert "renamed 'report~2'" in result.reports[1].notes[-1]
    assert len({r.id for r in result.reports}) == len(result.reports)


def test_duplicate_of_names_the_unique_id(tmp_path):
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "report.txt").write_text(TEXTS[0])

    result = load_reports([tmp_path])

    assert [(r.id, r.duplicate_of) for r in result.reports] == [("report", None), ("report~2", "report")]
