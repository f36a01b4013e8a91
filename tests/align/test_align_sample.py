"""The align stage on the niger-2023 sample: report dates, actors, timeline, divergences, input order."""

from __future__ import annotations

from datetime import date

import pytest

from newsweave.align import align_story
from newsweave.model import Actor, Story

R0, R1, R2 = "000_9324567a5dbc881f", "001_b3b5c18ab2381f7d", "002_c6a2e5104b6ed147"
COUP_SENTENCE = "military officers ousted President Mohamed Bazoum last Wednesday (July 27)"


def actor(story: Story, name: str) -> Actor:
    found = [a for a in story.actors if a.name == name]
    assert len(found) == 1, f"{name!r} among {[a.name for a in story.actors]}"
    return found[0]


def texts(story: Story) -> dict[str, str]:
    return {a.report.id: a.report.text for a in story.reports}


# -- report dates -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("report_id", "expected"),
    [(R0, date(2023, 8, 1)), (R1, date(2023, 8, 3)), (R2, date(2023, 7, 28))],
)
def test_report_dates_are_inferred_from_the_text(sample_story, report_id, expected):
    dated = sample_story.report_date(report_id)

    assert dated is not None
    assert dated.value == expected
    assert dated.how == "inferred"
    assert 0.0 < dated.confidence <= 1.0
    assert dated.explanation.strip()
    assert dated.evidence
    text = texts(sample_story)[report_id]
    for span in dated.evidence:
        assert span.report_id == report_id
        assert 0 <= span.start < span.end <= len(text)


def test_each_report_date_explanation_quotes_its_evidence(sample_story):
    for dated in sample_story.report_dates:
        text = texts(sample_story)[dated.report_id]
        for span in dated.evidence:
            assert repr(span.text_of(text)) in dated.explanation
        assert dated.value is not None and dated.value.isoformat() in dated.explanation


def test_every_report_has_exactly_one_date(sample_story):
    assert sorted(d.report_id for d in sample_story.report_dates) == [R0, R1, R2]


# -- actors -----------------------------------------------------------------------------------------


def test_bazoum_is_one_person_across_spellings_and_a_typo(sample_story):
    bazoum = actor(sample_story, "Mohamed Bazoum")

    assert bazoum.type == "PERSON"
    assert {"Bazoum", "Mohamed Bazoumm"} <= set(bazoum.aliases)
    assert set(bazoum.reports) == {R0, R1, R2}
    others = [a.name for a in sample_story.actors if a is not bazoum and "bazoum" in a.name.lower()]
    assert others == []


def test_ecowas_is_the_acronym_of_the_economic_community(sample_story):
    ecowas = actor(sample_story, "Economic Community of West African States")

    assert "ECOWAS" in ecowas.aliases
    assert ecowas.type == "ORG"
    assert set(ecowas.reports) == {R0, R2}
    assert [a.name for a in sample_story.actors if "ECOWAS" in (a.name, *a.aliases)] == [ecowas.name]


def test_colonna_is_catherine_colonna(sample_story):
    colonna = actor(sample_story, "Catherine Colonna")

    assert "Colonna" in colonna.aliases
    assert colonna.type == "PERSON"
    assert set(colonna.reports) == {R0, R2}


def test_niger_is_a_place_even_where_the_model_says_otherwise(sample_story):
    assert actor(sample_story, "Niger").type == "GPE"


def test_actor_mentions_are_spans_of_their_names(sample_story):
    by_id = texts(sample_story)
    for one in sample_story.actors:
        spellings = {one.name, *one.aliases}
        for span in one.mentions:
            written = span.text_of(by_id[span.report_id])
            assert " ".join(written.removesuffix("'s").split()) in spellings, (one.name, written)
        assert set(one.reports) == {s.report_id for s in one.mentions}


# -- timeline ---------------------------------------------------------------------------------------


def test_the_coup_is_dated_wednesday_july_26_not_the_written_july_27(sample_story):
    coup = [
        (entry.date, statement)
        for entry in sample_story.timeline
        for statement in entry.statements
        if statement.sentence.report_id == R0 and COUP_SENTENCE in statement.text
    ]

    assert [day for day, _ in coup] == ["2023-07-26"]
    statement = coup[0][1]
    assert statement.time.day == date(2023, 7, 26)
    assert statement.time.anchor == "2023-08-01"
    assert "Wednesday" in statement.time.how


def test_the_timeline_is_sorted_by_date(sample_story):
    dates = [entry.date for entry in sample_story.timeline]

    assert len(dates) > 5
    assert dates == sorted(dates)


def test_timeline_statements_are_source_text_inside_their_sentences(sample_story):
    by_id = texts(sample_story)
    for entry in sample_story.timeline:
        assert entry.statements
        assert entry.text in [s.text for s in entry.statements]
        for statement in entry.statements:
            sentence = statement.sentence.text_of(by_id[statement.sentence.report_id])
            assert statement.text in sentence
            assert statement.sentence.start <= statement.timex.start < statement.sentence.end


def test_a_date_in_an_aside_dates_the_aside(sample_story):
    by_date = {entry.date: entry.text for entry in sample_story.timeline}

    assert by_date["2022-02-01"] == "invading Ukraine in February 2022"
    assert by_date["1960-01-01"] == "gaining independence from France in 1960"


def test_the_embedded_tweet_gives_no_timeline_entry(sample_story):
    assert not [e for e in sample_story.timeline if "pic.twitter.com" in e.text or "@francediplo" in e.text]


# -- divergences --------------------------------------------------------------------------------------


def test_the_wrong_weekday_date_pair_is_an_inconsistency(sample_story):
    found = [d for d in sample_story.divergences if d.kind == "inconsistency"]

    assert len(found) == 1
    assert "last Wednesday (July 27)" in found[0].summary
    assert "Thursday" in found[0].summary
    assert found[0].item_texts == ("last Wednesday (July 27)",)
    assert found[0].items[0].report_id == R0


def test_a_few_hundred_wishing_to_leave_then_560_evacuated_is_an_update(sample_story):
    found = [d for d in sample_story.divergences if d.kind == "update"]

    assert len(found) == 1
    summary = found[0].summary
    assert "a few hundred" in summary and "560" in summary
    assert summary.index("a few hundred") < summary.index("560"), "an update goes from earlier to later"
    assert found[0].item_texts == ("a few hundred", "560")
    assert [s.report_id for s in found[0].items] == [R0, R1]


def test_divergence_item_texts_are_the_text_of_their_spans(sample_story):
    by_id = texts(sample_story)
    assert sample_story.divergences
    for divergence in sample_story.divergences:
        assert len(divergence.items) == len(divergence.item_texts)
        for span, text in zip(divergence.items, divergence.item_texts, strict=True):
            assert span.text_of(by_id[span.report_id]) == text


# -- input order --------------------------------------------------------------------------------------


def summary_of(story: Story) -> dict[str, object]:
    return {
        "id": story.id,
        "timeline": sorted((e.date, e.precision, e.text) for e in story.timeline),
        "actors": sorted((a.name, a.type, a.aliases) for a in story.actors),
        "dates": sorted((d.report_id, d.value, d.how, d.confidence) for d in story.report_dates),
        "divergences": sorted((d.kind, d.summary) for d in story.divergences),
    }


def test_results_do_not_depend_on_the_order_of_the_reports(sample_analysed, sample_story):
    reversed_story = align_story(tuple(reversed(sample_analysed)))

    assert summary_of(reversed_story) == summary_of(sample_story)
    assert [e.date for e in reversed_story.timeline] == [e.date for e in sample_story.timeline]
