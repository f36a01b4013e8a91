"""The brief command's cache options: default location beside --out, --cache-dir, --no-cache, warnings."""

from __future__ import annotations

import json
import sqlite3

from typer.testing import CliRunner

from newsweave.cli.app import app
from newsweave.run import EXIT_OK
from newsweave.run.cache import CACHE_FILE

runner = CliRunner()


def test_the_cache_lives_beside_the_output_and_a_second_run_gives_the_same_brief(sample_dir, tmp_path):
    first = runner.invoke(app, ["brief", str(sample_dir), "--out", str(tmp_path / "a"), "--format", "json"])
    second = runner.invoke(app, ["brief", str(sample_dir), "--out", str(tmp_path / "b"), "--format", "json"])

    assert first.exit_code == second.exit_code == EXIT_OK, first.output + second.output
    assert (tmp_path / ".newsweave-cache" / CACHE_FILE).is_file()
    assert sorted(p.name for p in (tmp_path / "a").iterdir()) == ["brief.json"]
    briefs = [json.loads((tmp_path / d / "brief.json").read_text(encoding="utf-8")) for d in "ab"]
    assert briefs[0] == briefs[1]


def test_cache_dir_and_no_cache(sample_dir, tmp_path):
    chosen = tmp_path / "chosen"
    with_dir = runner.invoke(
        app, ["brief", str(sample_dir), "--out", str(tmp_path / "a"), "--cache-dir", str(chosen), "-q"]
    )
    without = runner.invoke(app, ["brief", str(sample_dir), "--out", str(tmp_path / "b"), "--no-cache", "-q"])

    assert with_dir.exit_code == without.exit_code == EXIT_OK
    assert (chosen / CACHE_FILE).is_file()
    assert not (tmp_path / ".newsweave-cache").exists()


def test_an_unusable_cache_is_a_warning_not_a_failure(sample_dir, tmp_path):
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / CACHE_FILE).write_bytes(b"not a database" * 200)

    result = runner.invoke(
        app, ["brief", str(sample_dir), "--out", str(tmp_path / "out"), "--cache-dir", str(broken)]
    )

    assert result.exit_code == EXIT_OK, result.output
    assert "warning: analysis cache off: cannot open" in " ".join(result.output.split())
    assert (tmp_path / "out" / "brief.json").is_file()


def test_cache_max_mb_bounds_what_the_run_leaves_behind(sample_dir, tmp_path):
    cache = tmp_path / "cache"
    args = ["brief", str(sample_dir), "--out", str(tmp_path / "out"), "--cache-dir", str(cache), "-q"]
    bounded = runner.invoke(app, [*args, "--cache-max-mb", "0"])
    assert bounded.exit_code == EXIT_OK, bounded.output
    with sqlite3.connect(cache / CACHE_FILE) as db:
        assert db.execute("SELECT COUNT(*) FROM analyses").fetchone()[0] == 0
    assert runner.invoke(app, args).exit_code == EXIT_OK
    with sqlite3.connect(cache / CACHE_FILE) as db:
        assert db.execute("SELECT COUNT(*) FROM analyses").fetchone()[0] == 3
