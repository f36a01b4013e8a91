"""``newsweave timeline`` through typer's CliRunner: help, options, exit codes and the files it writes."""

from __future__ import annotations

import json
import re
import shutil

import pytest
from typer.testing import CliRunner

from newsweave.cli.app import app
from newsweave.run import EXIT_NOTHING_USABLE, EXIT_OK, EXIT_SOME_REJECTED, EXIT_USAGE

runner = CliRunner()


def flat(output: str) -> str:
    """Return the output with rich's box drawing and line wrapping removed."""
    return " ".join(re.sub(r"[│╭╮╰╯─]", " ", output).split())


def test_help_lists_the_options_and_exit_codes():
    result = runner.invoke(app, ["timeline", "--help"])

    assert result.exit_code == 0, result.output
    text = flat(result.output)
    assert "Exit codes:" in text
    for code in (EXIT_OK, EXIT_SOME_REJECTED, EXIT_USAGE, EXIT_NOTHING_USABLE):
        assert f"{code} " in text.split("Exit codes:")[1]
    for option in ("--out", "--dates", "--sentences", "--start", "--end", "--keywords", "--format"):
        assert option in flat(result.output)


@pytest.mark.slow
def test_writes_four_formats_with_the_asked_number_of_days(sample_dir, tmp_path):
    result = runner.invoke(app, ["timeline", str(sample_dir), "--out", str(tmp_path), "-n", "4", "-k", "1"])

    assert result.exit_code == EXIT_OK, result.output
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == ["timeline.html", "timeline.json", "timeline.md", "timeline.txt"]
    data = json.loads((tmp_path / "timeline.json").read_text(encoding="utf-8"))
    assert len(data["days"]) == 4
    assert all(len(day["sentences"]) == 1 for day in data["days"])


@pytest.mark.slow
def test_a_rejected_input_is_listed_and_the_rest_used(sample_dir, tmp_path):
    pile = tmp_path / "pile"
    shutil.copytree(sample_dir, pile)
    (pile / "empty.txt").write_bytes(b"")

    result = runner.invoke(
        app,
        ["timeline", str(pile), "--out", str(tmp_path / "out"), "--start", "2023-07-30", "--format", "json"],
    )

    assert result.exit_code == EXIT_SOME_REJECTED, result.output
    data = json.loads((tmp_path / "out" / "timeline.json").read_text(encoding="utf-8"))
    assert [r["code"] for r in data["rejections"]] == ["E101"]
    assert data["days"] and all(day["date"] >= "2023-07-30" for day in data["days"])


@pytest.mark.slow
def test_keywords_keep_every_sentence_on_the_named_story(t17_dir, tmp_path):
    # Two days of the Guardian's swine flu reports (T17): without keywords some chosen lines talk
    # about the outbreak without naming it; with --keywords every line names it.
    pile = tmp_path / "pile"
    pile.mkdir()
    for folder in ("2009-04-26", "2009-04-27"):
        for path in (t17_dir / "H1N1_guardian" / "InputDocs" / folder).iterdir():
            shutil.copy(path, pile / f"{folder}-{path.name}")
    common = [
        "timeline",
        str(pile),
        "-n",
        "3",
        "-k",
        "3",
        "--format",
        "json",
        "--cache-dir",
        str(tmp_path / "c"),
    ]

    lines = {}
    for name, extra in (("plain", []), ("keywords", ["--keywords", "Swine, H1N1"])):
        result = runner.invoke(app, [*common, "--out", str(tmp_path / name), *extra])
        assert result.exit_code == EXIT_OK, result.output
        data = json.loads((tmp_path / name / "timeline.json").read_text(encoding="utf-8"))
        lines[name] = [s["text"].lower() for day in data["days"] for s in day["sentences"]]

    assert any("swine" not in line and "h1n1" not in line for line in lines["plain"])
    assert lines["keywords"] and all("swine" in line or "h1n1" in line for line in lines["keywords"])


def test_nothing_usable_exits_3(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")

    result = runner.invoke(app, ["timeline", str(tmp_path), "--out", str(tmp_path / "out")])

    assert result.exit_code == EXIT_NOTHING_USABLE, result.output
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(
    "args",
    [
        ["--format", "pdf"],
        ["--dates", "0"],
        ["--start", "2023-08-02", "--end", "2023-08-01"],
        ["--start", "yesterday"],
    ],
)
def test_usage_errors_exit_2(sample_dir, tmp_path, args):
    result = runner.invoke(app, ["timeline", str(sample_dir), "--out", str(tmp_path), *args])

    assert result.exit_code == EXIT_USAGE, result.output
