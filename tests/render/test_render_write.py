"""write_brief and write_index: the files a run leaves behind."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_render_corpus import build_brief

from newsweave.errors import InputError, NewsweaveError
from newsweave.model.brief import SCHEMA_VERSION, Brief
from newsweave.render import render_html, render_json, render_markdown, write_brief, write_index


@pytest.fixture(scope="module")
def brief() -> Brief:
    return build_brief()


def test_write_brief_writes_the_three_formats_into_a_new_directory(brief: Brief, tmp_path: Path) -> None:
    out_dir = tmp_path / "out" / "niger-2023"
    paths = write_brief(brief, out_dir)
    assert paths == (out_dir / "brief.json", out_dir / "brief.md", out_dir / "brief.html")
    assert sorted(p.name for p in out_dir.iterdir()) == ["brief.html", "brief.json", "brief.md"]
    assert paths[0].read_text(encoding="utf-8") == render_json(brief)
    assert paths[1].read_text(encoding="utf-8") == render_markdown(brief)
    assert paths[2].read_text(encoding="utf-8") == render_html(brief)
    assert Brief.from_dict(json.loads(paths[0].read_bytes())) == brief


def test_write_brief_writes_only_the_formats_asked_for(brief: Brief, tmp_path: Path) -> None:
    assert write_brief(brief, tmp_path, formats=("md", "md")) == (tmp_path / "brief.md",)
    assert [p.name for p in tmp_path.iterdir()] == ["brief.md"]


@pytest.mark.parametrize("formats", [("json", "pdf"), "json"])
def test_write_brief_refuses_unknown_formats_before_writing(brief: Brief, tmp_path: Path, formats) -> None:
    with pytest.raises(InputError) as caught:
        write_brief(brief, tmp_path / "out", formats=formats)
    assert isinstance(caught.value, ValueError) and isinstance(caught.value, NewsweaveError)
    assert "json, md, html" in str(caught.value) or "not the string" in str(caught.value)
    assert not (tmp_path / "out").exists()


def test_write_index_lists_the_stories_of_a_pile(tmp_path: Path) -> None:
    out_dir = tmp_path / "out"
    entries = [
        ("niger-2023-coup", "Coup in Niger", 3, out_dir / "niger-2023-coup" / "brief.html"),
        ("sudan-2023", "Fighting in Khartoum", 2, tmp_path / "elsewhere" / "brief.html"),
    ]
    path = write_index(entries, out_dir)
    assert path == out_dir / "index.json"
    text = path.read_text(encoding="utf-8")
    assert text.endswith("}\n")
    assert json.loads(text) == {
        "schema_version": SCHEMA_VERSION,
        "stories": [
            {
                "id": "niger-2023-coup",
                "title": "Coup in Niger",
                "reports": 3,
                "path": "niger-2023-coup/brief.html",
            },
            {
                "id": "sudan-2023",
                "title": "Fighting in Khartoum",
                "reports": 2,
                "path": (tmp_path / "elsewhere" / "brief.html").as_posix(),
            },
        ],
    }
