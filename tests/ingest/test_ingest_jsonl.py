"""JSON Lines: one report per line; a bad line is rejected as ``file.jsonl:LINE`` and the rest are kept."""

import json
from datetime import date
from pathlib import Path

from newsweave.ingest import load_reports

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "niger-2023"
TEXTS = [f.read_text(encoding="utf-8") for f in sorted(CORPUS.glob("*.txt"))]


def write_lines(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_each_line_is_a_report_with_its_fields(tmp_path):
    feed = write_lines(
        tmp_path / "feed.jsonl",
        [
            json.dumps(
                {
                    "text": TEXTS[0],
                    "title": "France to evacuate",
                    "url": "https://a.example/1",
                    "published": "2023-08-01",
                    "outlet": "Agency A",
                    "id": "a-1",
                }
            ),
            "",
            json.dumps({"text": TEXTS[1], "published": "2023-08-02T21:15:00+01:00"}),
        ],
    )

    result = load_reports([feed])

    assert result.rejections == ()
    first, second = result.reports
    assert (first.id, first.path, first.title, first.url, first.outlet) == (
        "a-1",
        f"{feed}:1",
        "France to evacuate",
        "https://a.example/1",
        "Agency A",
    )
    assert first.text == TEXTS[0]
    assert (first.published, first.published_how) == (date(2023, 8, 1), "given in input")
    # Blank lines are skipped but still counted, so ids and paths name the physical line.
    assert (second.id, second.path) == ("feed:3", f"{feed}:3")
    assert second.published == date(2023, 8, 2)
    assert (second.title, second.url, second.outlet) == ("", "", "")


def test_malformed_line_is_e106_and_the_other_lines_are_kept(tmp_path):
    feed = write_lines(
        tmp_path / "feed.jsonl",
        [json.dumps({"text": TEXTS[0]}), '{"text": "broken" "title": "x"}', json.dumps({"text": TEXTS[2]})],
    )

    result = load_reports([feed])

    assert [r.id for r in result.reports] == ["feed:1", "feed:3"]
    (rejection,) = result.rejections
    assert (rejection.path, rejection.code) == (f"{feed}:2", "E106")
    assert rejection.reason.startswith("E106 malformed JSON: line 2: Expecting ',' delimiter")


def test_line_that_is_not_an_object_is_e106(tmp_path):
    feed = write_lines(tmp_path / "feed.jsonl", ['["a", "list"]', json.dumps({"text": TEXTS[0]})])

    result = load_reports([feed])

    assert [r.id for r in result.reports] == ["feed:2"]
    assert [(r.path, r.code) for r in result.rejections] == [(f"{feed}:1", "E106")]
    assert "expected a JSON object, found an array" in result.rejections[0].reason


def test_line_without_text_is_e107(tmp_path):
    feed = write_lines(
        tmp_path / "feed.jsonl",
        [
            json.dumps({"title": "No body", "id": "x"}),
            json.dumps({"text": "   "}),
            json.dumps({"text": 42}),
            json.dumps({"text": TEXTS[1]}),
        ],
    )

    result = load_reports([feed])

    assert [r.id for r in result.reports] == ["feed:4"]
    assert [(r.path, r.code) for r in result.rejections] == [(f"{feed}:{n}", "E107") for n in (1, 2, 3)]
    reasons = [r.reason for r in result.rejections]
    assert "line 1: no 'text' field" in reasons[0]
    assert "line 2: 'text' is blank" in reasons[1]
    assert "line 3: 'text' is a number" in reasons[2]


def test_bad_published_value_is_e111(tmp_path):
    feed = write_lines(
        tmp_path / "feed.jsonl",
        [
            json.dumps({"text": TEXTS[0], "published": "last Tuesday"}),
            json.dumps({"text": TEXTS[1], "published": 20230801}),
            json.dumps({"text": TEXTS[2], "published": "2023-08-01"}),
        ],
    )

    result = load_reports([feed])

    assert [r.id for r in result.reports] == ["feed:3"]
    assert [(r.path, r.code) for r in result.rejections] == [(f"{feed}:1", "E111"), (f"{feed}:2", "E111")]
    assert "line 1: 'published' 'last Tuesday' is not an ISO date" in result.rejections[0].reason
    assert "line 2: 'published' must be an ISO date string, not a number" in result.rejections[1].reason


def test_wrongly_typed_optional_field_is_e111(tmp_path):
    feed = write_lines(tmp_path / "feed.jsonl", [json.dumps({"text": TEXTS[0], "title": ["a", "b"]})])

    result = load_reports([feed])

    assert result.reports == ()
    assert [(r.path, r.code) for r in result.rejections] == [(f"{feed}:1", "E111")]
    assert "'title' must be a string, not an array" in result.rejections[0].reason


def test_short_line_is_e109_naming_the_line(tmp_path):
    lines = [json.dumps({"text": "Too short."}), json.dumps({"text": TEXTS[0]})]
    feed = write_lines(tmp_path / "feed.jsonl", lines)

    result = load_reports([feed])

    assert [r.id for r in result.reports] == ["feed:2"]
    assert [(r.path, r.code) for r in result.rejections] == [(f"{feed}:1", "E109")]


def test_unpaired_surrogate_escape_is_replaced_with_a_note(tmp_path):
    start = TEXTS[0][:200].replace("\n", " ")
    feed = write_lines(tmp_path / "feed.jsonl", ['{"text": "' + start + ' \\ud83d end"}'])

    (report,) = load_reports([feed]).reports

    assert report.text.endswith(" \ufffd end")
    assert report.notes == ("1 unpaired surrogate escape(s) in 'text' replaced with U+FFFD",)
