"""The sample brief, byte for byte, against tests/golden/niger-2023/brief.json.

Regenerate with ``pytest tests/test_golden_brief.py --update-golden`` and read the diff before committing.
Document paths are written relative to the shared folder, so the file does not depend on where the
repository is cloned.
"""

from __future__ import annotations

import dataclasses
import difflib
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from newsweave.model import Brief
from newsweave.render import load_schema, render_json

SECTIONS = ("documents", "timeline", "entities", "figures", "quotes", "divergences", "unique", "rejections")


def portable(brief: Brief, shared_dir: Path) -> Brief:
    """Return the brief with its document paths relative to the shared folder."""
    documents = tuple(
        dataclasses.replace(d, path=Path(d.path).relative_to(shared_dir).as_posix()) for d in brief.documents
    )
    return dataclasses.replace(brief, documents=documents)


@pytest.fixture(scope="module")
def rendered(sample_brief, shared_dir) -> str:
    return render_json(portable(sample_brief, shared_dir))


@pytest.fixture(scope="module")
def golden_file(golden_dir) -> Path:
    return golden_dir / "niger-2023" / "brief.json"


@pytest.fixture(scope="module")
def golden(golden_file, rendered, update_golden) -> dict[str, Any]:
    """Return the golden brief (the fresh rendering while it is being regenerated)."""
    text = rendered if update_golden else golden_file.read_text(encoding="utf-8")
    return json.loads(text)


def test_the_sample_brief_matches_the_golden_file(rendered, golden_file, update_golden):
    if update_golden:
        golden_file.parent.mkdir(parents=True, exist_ok=True)
        golden_file.write_bytes(rendered.encode("utf-8"))
    assert golden_file.is_file(), f"no golden file: run pytest {Path(__file__).name} --update-golden"

    expected = golden_file.read_bytes()

    if expected != rendered.encode("utf-8"):
        diff = difflib.unified_diff(
            expected.decode("utf-8").splitlines(), rendered.splitlines(), "golden", "now", lineterm="", n=2
        )
        pytest.fail("the sample brief changed (--update-golden rewrites it):\n" + "\n".join(list(diff)[:80]))


def test_the_golden_brief_follows_the_json_schema(golden):
    jsonschema.validate(golden, load_schema(), cls=jsonschema.Draft202012Validator)


def test_the_golden_brief_round_trips_through_the_data_classes(golden):
    assert Brief.from_dict(golden).to_dict() == golden


def test_every_citation_is_the_exact_text_of_its_report(golden, sample_reports):
    texts = {r.id: r.text for r in sample_reports}
    count = 0
    for section in SECTIONS:
        for item in golden[section]:
            for citation in item["citations"]:
                text = texts[citation["report"]]
                assert 0 <= citation["start"] < citation["end"] <= len(text)
                assert citation["text"] == text[citation["start"] : citation["end"]], (section, citation)
                count += 1
    assert count > 50


def test_every_section_but_rejections_has_cited_items(golden):
    for section in SECTIONS[:-1]:
        assert golden[section], section
        if section != "documents":
            assert all(item["citations"] for item in golden[section]), section
    assert golden["rejections"] == []


def test_document_paths_are_relative_to_the_shared_folder(golden, shared_dir):
    for document in golden["documents"]:
        assert not Path(document["path"]).is_absolute()
        assert (shared_dir / document["path"]).is_file()
