"""One test per kind of bad input: each becomes a coded Rejection naming the file, and the rest go on."""

import codecs
import os
import random
from pathlib import Path

import pytest

from newsweave.ingest import load_reports
from newsweave.model import IngestResult, Rejection
from newsweave.settings import Settings

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "niger-2023"
GOOD = CORPUS / "000_9324567a5dbc881f.txt"


def load_with_good(bad: Path, settings: Settings | None = None) -> tuple[Rejection, IngestResult]:
    """Return the one rejection of ``bad`` when it is loaded between two good inputs."""
    result = load_reports([GOOD, bad, CORPUS / "001_b3b5c18ab2381f7d.txt"], settings or Settings())
    assert [r.id for r in result.reports] == ["000_9324567a5dbc881f", "001_b3b5c18ab2381f7d"]
    assert len(result.rejections) == 1
    rejection = result.rejections[0]
    assert rejection.path == str(bad)
    assert rejection.reason.startswith(rejection.code + " ")
    return rejection, result


def test_empty_file_is_e101(tmp_path):
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")

    rejection, _ = load_with_good(bad)

    assert rejection.code == "E101"
    assert rejection.reason == "E101 empty file: 0 bytes"


def test_whitespace_only_file_is_e101(tmp_path):
    bad = tmp_path / "blank.txt"
    bad.write_bytes(b"  \r\n\t \n\n   ")

    rejection, _ = load_with_good(bad)

    assert rejection.code == "E101"
    assert "only whitespace (11 bytes)" in rejection.reason


def test_file_with_nul_bytes_is_e102(tmp_path):
    bad = tmp_path / "image.txt"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)

    rejection, _ = load_with_good(bad)

    assert rejection.code == "E102"
    assert "NUL byte at offset 8" in rejection.reason


def test_file_full_of_control_characters_is_e102(tmp_path):
    bad = tmp_path / "terminal.txt"
    bad.write_bytes(b"status \x01\x02\x03\x04\x05\x06 ok " * 100)

    rejection, _ = load_with_good(bad)

    assert rejection.code == "E102"
    assert "control characters in the first" in rejection.reason


def test_file_larger_than_max_bytes_is_e103_without_being_read(tmp_path):
    bad = tmp_path / "huge.txt"
    # A sparse file of NUL bytes: read, it would be E102, so E103 shows the size was checked first.
    with bad.open("wb") as handle:
        handle.truncate(6_000_000)

    rejection, _ = load_with_good(bad)

    assert rejection.code == "E103"
    assert "6,000,000 bytes > limit 5,000,000" in rejection.reason


def test_max_bytes_comes_from_settings(tmp_path):
    bad = tmp_path / "long.txt"
    bad.write_text("The junta said on Tuesday that the borders would stay closed. " * 100)

    rejection, _ = load_with_good(bad, Settings(max_bytes=5_000))

    assert rejection.code == "E103"
    assert "6,200 bytes > limit 5,000" in rejection.reason


def test_cp1252_file_is_decoded_with_a_note(tmp_path):
    text = (
        "France\u2019s foreign minister said on Tuesday that \u201ca few hundred\u201d citizens "
        "wished to leave Niger \u2014 the evacuation would start within 24 hours, caf\u00e9 owners said."
    )
    legacy = tmp_path / "legacy.txt"
    legacy.write_bytes(text.encode("cp1252"))

    result = load_reports([GOOD, legacy])

    assert result.rejections == ()
    report = result.reports[1]
    assert report.id == "legacy"
    assert report.text == text
    assert report.notes == ("decoded as cp1252 (not UTF-8)",)
    assert result.reports[0].notes == ()


def test_undecodable_file_is_e104(tmp_path):
    rng = random.Random(7)
    bad = tmp_path / "garbled.txt"
    # High bytes only: not UTF-8, no NULs or control characters, and no encoding makes words of them.
    bad.write_bytes(bytes(rng.randrange(0x80, 0x100) for _ in range(2_000)))

    rejection, _ = load_with_good(bad)

    assert rejection.code == "E104"
    assert "not UTF-8" in rejection.reason


def test_byte_order_mark_that_lies_is_e104(tmp_path):
    bad = tmp_path / "liar.txt"
    bad.write_bytes(codecs.BOM_UTF16_LE + b"abc")  # an odd number of bytes after the mark

    rejection, _ = load_with_good(bad)

    assert rejection.code == "E104"
    assert "byte order mark" in rejection.reason


def test_too_few_words_is_e109(tmp_path):
    bad = tmp_path / "stub.txt"
    bad.write_text("Niger: more to follow.\n")

    rejection, _ = load_with_good(bad)

    assert rejection.code == "E109"
    assert "4 words < minimum 8" in rejection.reason


def test_unsupported_extension_named_explicitly_is_e105(tmp_path):
    bad = tmp_path / "statement.pdf"
    bad.write_bytes(b"%PDF-1.7 France said on Tuesday it would evacuate its citizens from Niger.")

    rejection, _ = load_with_good(bad)

    assert rejection.code == "E105"
    assert "statement.pdf" in rejection.reason
    assert "'.pdf'" in rejection.reason


def test_unsupported_file_found_in_a_directory_is_e105(tmp_path):
    (tmp_path / "notes.docx").write_bytes(b"PK\x03\x04")
    (tmp_path / "report.txt").write_text(GOOD.read_text())

    result = load_reports([tmp_path])

    assert [r.id for r in result.reports] == ["report"]
    assert [(r.path, r.code) for r in result.rejections] == [(str(tmp_path / "notes.docx"), "E105")]


def test_missing_path_is_e110_not_an_exception(tmp_path):
    bad = tmp_path / "nowhere" / "gone.txt"

    rejection, _ = load_with_good(bad)

    assert rejection.code == "E110"
    assert "gone.txt" in rejection.reason
    assert "no such file" in rejection.reason


def test_unreadable_file_is_e110(tmp_path):
    bad = tmp_path / "locked.txt"
    bad.write_text(GOOD.read_text())
    bad.chmod(0)
    if os.access(bad, os.R_OK):
        pytest.skip("file permissions do not apply to this user (root)")

    rejection, _ = load_with_good(bad)

    assert rejection.code == "E110"
    assert "permission denied" in rejection.reason
