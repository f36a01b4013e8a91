"""One statement reported by several reports is shown once, with every report's citation.

The three sample reports never carry the same statement twice, so the test adds a fourth report
made at run time from the sample itself, the way a second outlet rewrites a wire story: Colonna's
statement about Bazoum's health, without its quotation marks, the weekday or Macron's title.
The align stage merges the two (align/quotes.py: one speaker, content-word overlap ≥ 0.8; distinct
statements of one speaker in the sample score at most 0.5) and the view shows the statement once.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from newsweave.render.view import build_view
from newsweave.run import build_briefs

STATEMENT = re.compile(r'Colonna said Friday that Bazoum was in "good health" and had spoken to President ')


@pytest.fixture(scope="module")
def pile(sample_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("rewritten")
    for file in sorted(sample_dir.glob("*.txt")):
        shutil.copy(file, folder / file.name)
    source = (sample_dir / "002_c6a2e5104b6ed147.txt").read_text(encoding="utf-8")
    sentence = next(line for line in source.splitlines() if STATEMENT.search(line))
    rewritten = STATEMENT.sub(
        "French Foreign Minister Catherine Colonna said Bazoum was in good health and had spoken to ",
        sentence,
    )
    opening = (sample_dir / "001_b3b5c18ab2381f7d.txt").read_text(encoding="utf-8").splitlines()[:3]
    (folder / "003_rewritten.txt").write_text("\n".join([*opening, rewritten]) + "\n", encoding="utf-8")
    return folder


def test_a_statement_two_reports_attribute_to_colonna_is_shown_once_with_both_citations(pile):
    result = build_briefs([pile])
    assert len(result.briefs) == 1
    view = build_view(result.briefs[0])
    notes = {note.number: note.citation for note in view.notes}
    colonna = next(g for g in view.quotes if g.key == "Catherine Colonna")

    rows = [row for row in colonna.rows if "good health" in row.text]

    assert len(rows) == 1, [row.text for row in rows]
    reports = {notes[ref.number].report for ref in rows[0].refs}
    assert reports == {"002_c6a2e5104b6ed147", "003_rewritten"}
    # Her other statements stay apart: grouping joins copies, not everything one speaker said.
    assert len(colonna.rows) >= 7
