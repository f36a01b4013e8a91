"""The analyse stage on the niger-2023 sample: offsets, time expressions, figures, embedded posts, quotes."""

from __future__ import annotations

import re

import pytest

from newsweave.model import AnalysedReport, Figure, Quote, Span, TimeExpression

R0, R1, R2 = "000_9324567a5dbc881f", "001_b3b5c18ab2381f7d", "002_c6a2e5104b6ed147"


def report(analysed: tuple[AnalysedReport, ...], report_id: str) -> AnalysedReport:
    return next(a for a in analysed if a.report.id == report_id)


def timex(analysed: AnalysedReport, text: str, *, in_sentence: str = "") -> TimeExpression:
    """Return the one time expression written ``text`` whose sentence contains ``in_sentence``."""
    found = [
        t
        for t in analysed.timexes
        if t.text == text and in_sentence in analysed.text_of(analysed.sentences[t.sentence].span)
    ]
    assert len(found) == 1, f"{text!r}: {[t.text for t in analysed.timexes]}"
    return found[0]


def figure(analysed: AnalysedReport, text: str, *, in_sentence: str = "") -> Figure:
    found = [
        f
        for f in analysed.figures
        if f.text == text and in_sentence in analysed.text_of(analysed.sentences[f.sentence].span)
    ]
    assert len(found) == 1, f"{text!r}: {[f.text for f in analysed.figures]}"
    return found[0]


def quote(analysed: AnalysedReport, starts_with: str) -> Quote:
    # Contents keep their quotation marks and "that", as PolNeAR marks them.
    found = [q for q in analysed.quotes if re.sub(r"^(?:that |[\"“])", "", q.text).startswith(starts_with)]
    assert len(found) == 1, f"{starts_with!r}: {[q.text[:40] for q in analysed.quotes]}"
    return found[0]


def assert_valid(span: Span, analysed: AnalysedReport) -> None:
    assert span.report_id == analysed.report.id
    assert 0 <= span.start < span.end <= len(analysed.report.text), span


# -- offsets ---------------------------------------------------------------------------------------


def test_the_sample_gives_one_analysis_per_report_in_file_order(sample_reports, sample_analysed):
    assert [a.report for a in sample_analysed] == list(sample_reports)
    assert [a.report.id for a in sample_analysed] == [R0, R1, R2]


def test_every_span_lies_in_its_report_and_every_item_text_is_its_slice(sample_analysed):
    for analysed in sample_analysed:
        text = analysed.report.text
        previous_end = 0
        for index, sentence in enumerate(analysed.sentences):
            assert sentence.index == index
            assert_valid(sentence.span, analysed)
            assert sentence.span.start >= previous_end, "sentences overlap"
            previous_end = sentence.span.end
            sliced = sentence.span.text_of(text)
            assert sliced == sliced.strip() and sliced
        for mention in analysed.mentions:
            assert_valid(mention.span, analysed)
            assert mention.text == mention.span.text_of(text)
            assert analysed.sentences[mention.sentence].span.contains(mention.span)
        for found in analysed.timexes:
            assert_valid(found.span, analysed)
            assert found.text == found.span.text_of(text)
            assert analysed.sentences[found.sentence].span.start <= found.span.start
        for found in analysed.figures:
            assert_valid(found.span, analysed)
            assert found.text == found.span.text_of(text)
            if found.counts_span is not None:
                assert_valid(found.counts_span, analysed)
                assert found.counts == found.counts_span.text_of(text)
        for found in analysed.quotes:
            assert_valid(found.content, analysed)
            assert found.text == found.content.text_of(text)
            if found.cue is not None:
                assert_valid(found.cue, analysed)
                assert found.cue_text == found.cue.text_of(text)
            if found.source is not None:
                assert_valid(found.source, analysed)
                assert found.source_text == found.source.text_of(text)
            if found.speaker_mention is not None:
                assert_valid(found.speaker_mention, analysed)
                assert found.speaker_name == found.speaker_mention.text_of(text)


def test_the_sample_yields_items_of_every_kind(sample_analysed):
    # Guards the offset test above against passing on empty tuples.
    for analysed in sample_analysed:
        assert analysed.sentences and analysed.mentions and analysed.timexes
        assert analysed.figures and analysed.quotes


# -- sentences ------------------------------------------------------------------------------------


def test_every_line_of_the_sample_starts_a_sentence(sample_reports, nlp):
    for sample in sample_reports:
        doc = nlp(sample.text)
        sentence_starts = {next((t.idx for t in sent if not t.is_space), None) for sent in doc.sents}
        line_starts = {m.start(1) for m in re.finditer(r"\n\s*(\S)", sample.text)}
        assert line_starts and line_starts <= sentence_starts, sorted(line_starts - sentence_starts)


def test_a_line_without_a_full_stop_still_ends_its_sentence(nlp):
    doc = nlp("France evacuates citizens\n\nThe first flight left Niamey on Tuesday.\nMore flights follow")
    starts = [sent.text.strip() for sent in doc.sents if sent.text.strip()]
    assert starts == [
        "France evacuates citizens",
        "The first flight left Niamey on Tuesday.",
        "More flights follow",
    ]


# -- time expressions ---------------------------------------------------------------------------


def test_last_wednesday_with_a_date_beside_it_keeps_both_weekday_and_date(sample_analysed):
    found = timex(report(sample_analysed, R0), "last Wednesday (July 27)")

    assert (found.weekday, found.month, found.day, found.relative) == (2, 7, 27, "last")
    assert found.year is None
    assert found.type == "DATE"
    assert found.tense == "past"


def test_tuesday_august_1_is_parsed_into_weekday_month_and_day(sample_analysed):
    found = timex(report(sample_analysed, R0), "Tuesday (August 1)")

    assert (found.weekday, found.month, found.day) == (1, 8, 1)
    assert found.year is None
    assert found.relative is None


def test_monday_night_is_a_time_at_night(sample_analysed):
    found = timex(report(sample_analysed, R0), "Monday night")

    assert (found.weekday, found.type, found.part_of_day) == (0, "TIME", "NI")


def test_a_summit_probably_on_sunday_is_in_the_future(sample_analysed):
    found = timex(report(sample_analysed, R2), "Sunday", in_sentence="probably on Sunday")

    assert found.weekday == 6
    assert found.tense == "future"


def test_sunday_of_the_embassy_attack_is_in_the_past(sample_analysed):
    found = timex(report(sample_analysed, R0), "Sunday", in_sentence="attacked the French embassy")

    assert found.weekday == 6
    assert found.tense == "past"


def test_dates_in_captions_and_posts_are_marked_embedded(sample_analysed):
    caption = timex(report(sample_analysed, R2), "July 27, 2023")
    post = timex(report(sample_analysed, R1), "August 2, 2023")
    prose = timex(report(sample_analysed, R2), "Friday", in_sentence="Colonna said Friday")

    assert (caption.year, caption.month, caption.day, caption.embedded) == (2023, 7, 27, True)
    assert (post.year, post.month, post.day, post.embedded) == (2023, 8, 2, True)
    assert prose.embedded is False


# -- figures ------------------------------------------------------------------------------------


def test_992_people_and_560_french_citizens_were_evacuated(sample_analysed):
    analysed = report(sample_analysed, R1)
    people = figure(analysed, "992", in_sentence="were evacuated to France")
    french = figure(analysed, "560", in_sentence="were evacuated to France")

    assert (people.value, people.low, people.high, people.counts) == (992, 992, 992, "people")
    assert (french.value, french.counts) == (560, "French citizens")
    assert "evacuated" in people.context and "evacuated" in french.context


def test_the_numbers_inside_the_embedded_tweet_are_not_figures(sample_analysed):
    analysed = report(sample_analysed, R1)
    posts = [s.span for s in analysed.sentences if s.kind == "post"]

    assert posts
    assert not [f.text for f in analysed.figures if any(p.contains(f.span) for p in posts)]


def test_a_few_hundred_is_a_range_without_a_value(sample_analysed):
    found = figure(report(sample_analysed, R0), "a few hundred", in_sentence="We estimate")

    assert (found.value, found.low, found.high) == (None, 200, 500)
    assert found.counts == "French people"


def test_more_than_70_has_a_lower_bound_only(sample_analysed):
    found = figure(report(sample_analysed, R0), "more than 70")

    assert (found.value, found.low, found.high) == (None, 71, None)
    assert found.counts == "citizens"


def test_some_1200_is_an_approximate_value(sample_analysed):
    found = figure(report(sample_analysed, R1), "Some 1,200")

    assert found.value == 1200
    assert found.low is not None and found.high is not None
    assert found.low < 1200 < found.high
    assert found.counts == "French nationals"


# -- embedded posts -------------------------------------------------------------------------------


def test_the_embedded_tweet_is_a_post_and_yields_no_entity_mentions(sample_analysed):
    analysed = report(sample_analysed, R1)
    tweet = next(s for s in analysed.sentences if "pic.twitter.com" in analysed.text_of(s.span))
    signature = next(s for s in analysed.sentences if "(@francediplo)" in analysed.text_of(s.span))

    assert tweet.kind == "post"
    assert signature.kind == "post"
    posts = [s.span for s in analysed.sentences if s.kind == "post"]
    # The tweet names Niger and France: the test can fail if posts leak mentions.
    assert "Niger" in analysed.text_of(tweet.span)
    assert [m.text for m in analysed.mentions if any(p.contains(m.span) for p in posts)] == []


def test_prose_around_the_tweet_is_still_prose(sample_analysed):
    analysed = report(sample_analysed, R1)
    kinds = {analysed.text_of(s.span)[:30]: s.kind for s in analysed.sentences}

    assert kinds["On Wednesday night, it said th"] == "prose"
    assert kinds["A total of five military aircr"] == "prose"
    assert kinds["Evacuation operation over"] == "heading"


# -- quotes -----------------------------------------------------------------------------------


def test_colonnas_direct_quote_is_attributed_to_her_by_name(sample_analysed):
    found = quote(report(sample_analysed, R0), "We estimate that a few hundred French people")

    assert found.kind == "direct"
    assert found.speaker_name == "Catherine Colonna"


def test_she_said_after_a_quote_resolves_to_colonna(sample_analysed):
    analysed = report(sample_analysed, R2)
    found = quote(analysed, "If you hear me talking about an attempted coup")

    assert found.kind == "direct"
    assert found.source_text == "she"
    assert found.cue_text == "said"
    assert found.speaker_name in ("Colonna", "Catherine Colonna")
    assert found.speaker_mention is not None
    assert analysed.text_of(found.speaker_mention) == found.speaker_name


def test_an_unnamed_spokesman_gives_no_speaker_name(sample_analysed):
    found = quote(report(sample_analysed, R2), "UN humanitarian operations have been suspended")

    assert found.source_text == "a spokesman"
    assert found.speaker_name == ""
    assert found.speaker_mention is None


@pytest.mark.parametrize(
    ("report_id", "starts_with", "speaker"),
    [
        (R0, "the EU is not planning to formally evacuate", "Nabila Massrali"),
        (R1, "the immediate release of Niger's elected President", "Joe Biden"),
        (R2, "he had swung his weight behind the putschists", "Abdou Sidikou Issa"),
    ],
)
def test_named_speakers_of_indirect_quotes(sample_analysed, report_id, starts_with, speaker):
    found = quote(report(sample_analysed, report_id), starts_with)

    assert found.speaker_name == speaker


def test_the_platform_one_speaks_on_is_not_a_person(sample_analysed):
    # "Bazoum said on Twitter": the small model calls Twitter a person.
    labels = {m.text: m.label for a in sample_analysed for m in a.mentions}
    assert labels["Twitter"] == "ORG"
    assert labels["Bazoum"] == "PERSON"
