"""The newsweave command through typer's CliRunner: help, version, exit codes and the files it writes."""

from __future__ import annotations

import json
import re

import pytest
from typer.testing import CliRunner

from newsweave import __version__
from newsweave.cli.app import app
from newsweave.run import EXIT_NOTHING_USABLE, EXIT_OK, EXIT_SOME_REJECTED, EXIT_USAGE

runner = CliRunner()


def flat(output: str) -> str:
    """Return the output with rich's box drawing and line wrapping removed."""
    return " ".join(re.sub(r"[│╭╮╰╯─]", " ", output).split())


def assert_names_the_exit_codes(output: str) -> None:
    text = flat(output)
    assert "Exit codes:" in text
    for code, meaning in (
        (EXIT_OK, "all inputs used"),
        (EXIT_SOME_REJECTED, "some inputs rejected"),
        (EXIT_USAGE, "usage error"),
        (EXIT_NOTHING_USABLE, "nothing usable"),
    ):
        assert f"{code} {meaning}" in text


@pytest.mark.parametrize("args", [["--help"], ["brief", "--help"]])
def test_help_exits_0_and_names_the_exit_codes(args):
    result = runner.invoke(app, args)

    assert result.exit_code == 0, result.output
    assert_names_the_exit_codes(result.output)


def test_schema_help_exits_0():
    result = runner.invoke(app, ["schema", "--help"])

    assert result.exit_code == 0, result.output
    assert "JSON Schema" in flat(result.output)


def test_schema_prints_the_json_schema():
    from newsweave.render import load_schema

    result = runner.invoke(app, ["schema"])

    assert result.exit_code == 0
    assert json.loads(result.stdout) == load_schema()


def test_version_prints_the_version():
    result = runner.invoke(app, ["--version"])

    assert result.exit_code == 0
    assert result.stdout.strip() == f"newsweave {__version__}"


def test_brief_on_the_sample_exits_0_and_writes_json_markdown_and_html(sample_dir, sample_brief, tmp_path):
    out = tmp_path / "out"

    result = runner.invoke(app, ["brief", str(sample_dir), "--out", str(out)])

    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == ["brief.html", "brief.json", "brief.md"]
    data = json.loads((out / "brief.json").read_text(encoding="utf-8"))
    assert data == sample_brief.to_dict()
    assert (out / "brief.md").read_text(encoding="utf-8").strip()
    assert "<html" in (out / "brief.html").read_text(encoding="utf-8").lower()
    summary = flat(result.stderr)
    assert "3 reports" in summary
    # rich wraps long paths at the console width: compare without any whitespace
    unwrapped = "".join(result.stderr.split())
    for name in ("brief.json", "brief.md", "brief.html"):
        assert "wrote" + "".join(str(out / name).split()) in unwrapped


def test_quiet_prints_nothing_on_success(sample_dir, tmp_path):
    result = runner.invoke(app, ["brief", str(sample_dir), "--out", str(tmp_path), "--quiet"])

    assert result.exit_code == 0
    assert result.output == ""
    assert (tmp_path / "brief.json").is_file()


@pytest.mark.parametrize("formats", ["pdf", "json,docx", " , "])
def test_an_unknown_format_is_a_usage_error_and_writes_nothing(sample_dir, tmp_path, formats):
    out = tmp_path / "out"

    result = runner.invoke(app, ["brief", str(sample_dir), "--out", str(out), "--format", formats])

    assert result.exit_code == EXIT_USAGE == 2
    assert "unknown format" in flat(result.stderr)
    assert not out.exists()


def test_only_bad_inputs_exit_3_and_list_the_rejections(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"\x00\xff" * 50)
    out = tmp_path / "out"

    result = runner.invoke(
        app, ["brief", str(tmp_path / "empty.txt"), str(tmp_path / "binary.txt"), "--out", str(out)]
    )

    assert result.exit_code == EXIT_NOTHING_USABLE == 3
    text = flat(result.stderr)
    assert "E101" in text and "E102" in text
    assert "nothing usable" in text
    assert not out.exists()


def test_a_missing_path_is_a_rejection_like_any_bad_input(tmp_path):
    # Ingest never raises on data: a path that does not exist is E110, so nothing usable is exit 3.
    result = runner.invoke(app, ["brief", str(tmp_path / "no-such-file.txt"), "--out", str(tmp_path / "out")])

    assert result.exit_code == EXIT_NOTHING_USABLE
    assert "E110" in flat(result.stderr)
