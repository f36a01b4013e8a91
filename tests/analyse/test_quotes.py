"""Attributions on the niger-2023 sample: the faults found by reading the three reports by hand."""

from __future__ import annotations

import pytest

from newsweave.analyse.cues import load_cue_model
from newsweave.model import AnalysedReport, Quote
from newsweave.render import render_markdown

R0, R1, R2 = "000_9324567a5dbc881f", "001_b3b5c18ab2381f7d", "002_c6a2e5104b6ed147"


def quotes_of(sample_analysed: tuple[AnalysedReport, ...], report_id: str) -> tuple[Quote, ...]:
    return next(a for a in sample_analysed if a.report.id == report_id).quotes


def find(quotes: tuple[Quote, ...], words: str) -> Quote:
    found = [q for q in quotes if words in q.text]
    assert len(found) == 1, f"{words!r}: {[q.text[:50] for q in quotes]}"
    return found[0]


def test_a_request_ends_where_the_narration_starts(sample_analysed):
    found = find(quotes_of(sample_analysed, R1), "fully guarantee")
    assert found.text == 'Niger\'s new junta to "fully guarantee" the safety of its embassy in Niamey'
    assert (found.cue_text, found.speaker_name, found.kind) == ("has asked", "France", "mixed")


def test_a_source_keeps_its_closing_bracket(sample_analysed):
    found = find(quotes_of(sample_analysed, R2), "risk of disengagement")
    assert found.source_text.endswith("International Relations Institute (IFRI)")
    assert found.speaker_name == "Alain Antil"


def test_a_pronoun_with_a_quoted_predicate_is_mixed(sample_analysed):
    found = find(quotes_of(sample_analysed, R2), "remains the legitimate")
    assert found.text == 'he "remains the legitimate and legal President of Niger"'
    assert found.kind == "mixed"
    assert found.speaker_name == "ECOWAS"


def test_a_quote_the_cue_interrupts_is_one_content_in_two_parts(sample_analysed):
    analysed = next(a for a in sample_analysed if a.report.id == R2)
    found = find(analysed.quotes, "If you hear me talking")
    assert (found.source_text, found.cue_text, found.kind) == ("she", "said", "direct")
    assert [analysed.text_of(p)[:12] for p in found.parts] == ['"If you hear', '"There is st']
    assert found.cue is not None and found.parts[0].end < found.cue.start < found.parts[1].start


def test_a_quote_of_several_sentences_takes_the_cue_of_its_last(sample_analysed):
    quotes = quotes_of(sample_analysed, R2)
    found = find(quotes, "Bazoum was very fragile")
    assert found.text.endswith('fairly unhappy with the situation,"')
    assert (found.cue_text, found.source_text, found.kind) == ("told", "Antil", "direct")
    assert not [q for q in quotes if q.text.startswith("His election")]


def test_it_continues_the_subject_of_the_sentence_before(sample_analysed):
    found = find(quotes_of(sample_analysed, R0), "authorize force")
    assert (found.source_text, found.speaker_name) == ("It", "ECOWAS")


def test_an_act_on_a_place_is_not_an_attribution(sample_analysed):
    texts = [q.text for q in quotes_of(sample_analysed, R0)]
    assert not [t for t in texts if "embassy in Niger's capital" in t]
    assert not [q for q in quotes_of(sample_analysed, R2) if q.cue_text == "had been expected in"]


def test_every_quote_of_the_sample_has_a_speaker_except_the_spokesman(sample_analysed):
    quotes = [q for a in sample_analysed for q in a.quotes]
    assert len(quotes) >= 35
    unnamed = [q.source_text for q in quotes if not q.speaker_name]
    assert unnamed == ["a spokesman"]


@pytest.mark.parametrize(
    ("words", "at_least", "below"),
    [("said", 0.9, 1.01), ("urged", 0.9, 1.01), ("imposed", 0.0, 0.5)],
)
def test_the_cue_model_scores_verbs_in_context(sample_analysed, nlp, words, at_least, below):
    doc = nlp(next(a for a in sample_analysed if a.report.id == R0).report.text)
    token = next(t for t in doc if t.text == words)
    assert at_least <= load_cue_model().probability(token) < below


def test_markdown_groups_by_speaker_with_the_cue_as_verb(sample_brief):
    markdown = render_markdown(sample_brief)
    section = markdown.split("## Who said what", 1)[1].split("\n## ", 1)[0]
    assert "### Germany\n\n- also urged its citizens to join the French flights[^" in section
    assert "- called for the immediate release of Niger's elected President Mohamed Bazoum[^" in section
    assert "### Alain Antil\n" in section
    assert section.count("Bazoum was very fragile") == 1
    assert (
        "“If you hear me talking about an attempted coup, it's because we don't consider things final, "
        in section
    )


def test_a_country_that_joins_an_appeal_is_its_source(sample_analysed):
    # "Russia – isolated since … – joined nations appealing for Bazoum's release and peaceful dialogue."
    found = find(quotes_of(sample_analysed, R2), "peaceful dialogue")
    assert found.text == "Bazoum's release and peaceful dialogue"
    assert (found.speaker_name, found.cue_text) == ("Russia", "joined nations appealing for")


def test_an_embedded_post_is_quoted_with_the_name_that_signs_it(sample_analysed):
    # The tweet's text stands on the line above "— France Diplomatie🇫🇷🇪🇺 (@francediplo) August 2, 2023".
    analysed = next(a for a in sample_analysed if a.report.id == R1)
    found = find(analysed.quotes, "Un quatrième vol")
    assert found.text.startswith("#Niger") and found.text.endswith("@ambafr_au_niger")
    assert "pic.twitter.com" not in found.text
    assert (found.source_text, found.speaker_name, found.kind) == (
        "France Diplomatie",
        "France Diplomatie",
        "direct",
    )
    assert (
        found.source is not None
        and analysed.report.text[found.content.end : found.source.start].count("\n") == 1
    )
