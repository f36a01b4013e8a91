"""The summarised timeline in its four formats, built from the real sample reports."""

from __future__ import annotations

import json
import re
from dataclasses import replace

import pytest

from newsweave.errors import InputError
from newsweave.model.timeline import Timeline
from newsweave.render.timeline import (
    render_timeline_html,
    render_timeline_json,
    render_timeline_markdown,
    render_timeline_text,
    write_timeline,
)
from newsweave.run.timeline import SummaryOptions, summarise_analysed


@pytest.fixture(scope="module")
def timeline(sample_analysed) -> Timeline:
    return summarise_analysed(sample_analysed, SummaryOptions(dates=6, sentences=2))


@pytest.fixture(scope="module")
def texts(sample_analysed) -> dict[str, str]:
    return {a.report.id: a.report.text for a in sample_analysed}


def test_json_cites_each_sentence_with_the_briefs_citation_shape(timeline, texts):
    data = json.loads(render_timeline_json(timeline, texts))

    assert data["schema_version"] == "1.0"
    assert len(data["days"]) == 6
    for day in data["days"]:
        for sentence in day["sentences"]:
            assert sentence["citations"], sentence
            for citation in sentence["citations"]:
                assert set(citation) == {"report", "start", "end", "text"}
                assert texts[citation["report"]][citation["start"] : citation["end"]] == citation["text"]
            assert sentence["citations"][0]["text"] == sentence["text"]


def test_json_round_trips(timeline, texts):
    data = json.loads(render_timeline_json(timeline, texts))

    assert Timeline.from_dict(data) == timeline


def test_json_of_another_schema_version_is_refused(timeline, texts):
    data = json.loads(render_timeline_json(timeline, texts)) | {"schema_version": "0.1"}

    with pytest.raises(ValueError, match="schema_version"):
        Timeline.from_dict(data)


def test_markdown_has_a_section_per_day_and_a_footnote_per_citation(timeline, texts):
    markdown = render_timeline_markdown(timeline, texts)

    headings = re.findall(r"^## (\d{4}-\d\d-\d\d)$", markdown, re.MULTILINE)
    assert headings == [d.day.isoformat() for d in timeline.days]
    citations = sum(1 + len(s.also_in) for d in timeline.days for s in d.sentences)
    assert len(re.findall(r"^\[\^\d+\]: ", markdown, re.MULTILINE)) == citations


def test_plain_text_is_timeline17s_format(timeline, texts):
    text = render_timeline_text(timeline, texts)
    entries = [e.strip().splitlines() for e in text.split("-" * 32) if e.strip()]

    assert [e[0] for e in entries] == [d.day.isoformat() for d in timeline.days]
    assert [len(e) - 1 for e in entries] == [len(d.sentences) for d in timeline.days]


def test_html_escapes_report_text(timeline, texts):
    day = timeline.days[0]
    sentence = replace(day.sentences[0], text="<script>alert(1)</script>")
    hostile = replace(timeline, days=(replace(day, sentences=(sentence,)),))

    html = render_timeline_html(hostile, texts)

    assert "<script>alert" not in html
    assert "&lt;script&gt;" in html
    assert f'datetime="{day.day.isoformat()}"' in html


def test_write_timeline_writes_each_format_and_refuses_unknown_ones(timeline, texts, tmp_path):
    paths = write_timeline(timeline, texts, tmp_path / "out", ("json", "txt"))

    assert [p.name for p in paths] == ["timeline.json", "timeline.txt"]
    assert all(p.read_text(encoding="utf-8") for p in paths)
    with pytest.raises(InputError, match="pdf"):
        write_timeline(timeline, texts, tmp_path, ("pdf",))
