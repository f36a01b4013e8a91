"""Timeline summarisation on the real sample reports: which days, which sentences, no repeats, provenance."""

from __future__ import annotations

from datetime import date

import pytest
from sklearn.feature_extraction.text import TfidfVectorizer

from newsweave.align.report_date import infer_report_date, pile_year
from newsweave.align.summarise import LEAD, MENTIONS, SummaryOptions, summarise
from newsweave.align.timeline import build_timeline, dated_statements


@pytest.fixture(scope="module")
def texts(sample_analysed):
    return {a.report.id: a.report.text for a in sample_analysed}


def test_every_sentence_is_the_exact_report_text_it_cites(sample_analysed, texts):
    days = summarise(sample_analysed, SummaryOptions(dates=20, sentences=3))

    assert days
    for day in days:
        for sentence in day.sentences:
            assert sentence.span.text_of(texts[sentence.span.report_id]) == sentence.text
            assert sentence.how in (MENTIONS, LEAD)
            for repeat in sentence.also_in:
                assert repeat.report_id != sentence.span.report_id


def test_days_are_in_calendar_order_and_within_the_asked_numbers(sample_analysed):
    days = summarise(sample_analysed, SummaryOptions(dates=3, sentences=2))

    assert len(days) == 3
    assert [d.day for d in days] == sorted(d.day for d in days)
    assert all(1 <= len(d.sentences) <= 2 for d in days)


def test_the_most_referred_to_days_are_chosen_first(sample_analysed):
    # The coup (Wednesday July 26) and the evacuation announced on Tuesday August 1 are the days
    # the three reports come back to; a three-day timeline that missed them would be wrong.
    days = {d.day for d in summarise(sample_analysed, SummaryOptions(dates=3, sentences=1))}

    assert date(2023, 8, 1) in days
    assert date(2023, 7, 26) in days


def test_a_date_range_keeps_days_outside_it_out(sample_analysed):
    options = SummaryOptions(dates=20, sentences=1, start=date(2023, 7, 28), end=date(2023, 7, 31))
    days = summarise(sample_analysed, options)

    assert days
    assert all(date(2023, 7, 28) <= d.day <= date(2023, 7, 31) for d in days)


def test_a_long_timeline_keeps_every_day_the_brief_dates_an_event_to(sample_analysed):
    year = pile_year(sample_analysed)
    statements = [s for a in sample_analysed for s in dated_statements(a, infer_report_date(a, year), year)]
    brief_days = {date.fromisoformat(e.date) for e in build_timeline(statements) if e.precision == "day"}

    days = {d.day for d in summarise(sample_analysed, SummaryOptions(dates=100, sentences=5))}

    assert brief_days <= days


def test_no_two_chosen_sentences_tell_the_same_news(sample_analysed):
    options = SummaryOptions(dates=20, sentences=4)
    chosen = [s.text for d in summarise(sample_analysed, options) for s in d.sentences]
    vectors = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform(chosen)
    similarity = (vectors @ vectors.T).toarray()

    pairs = [(i, j) for i in range(len(chosen)) for j in range(i + 1, len(chosen))]
    # Vectors here are fitted on the chosen sentences only, so the bound is looser than the option.
    assert all(similarity[i, j] < 0.9 for i, j in pairs), [
        (chosen[i], chosen[j]) for i, j in pairs if similarity[i, j] >= 0.9
    ]
    assert len(set(chosen)) == len(chosen)


def test_the_result_does_not_depend_on_the_order_of_the_reports(sample_analysed):
    options = SummaryOptions(dates=5, sentences=2)

    forward = summarise(sample_analysed, options)
    backward = summarise(tuple(reversed(sample_analysed)), options)

    assert [(d.day, {s.span for s in d.sentences}) for d in forward] == [
        (d.day, {s.span for s in d.sentences}) for d in backward
    ]


@pytest.mark.parametrize(
    "kwargs",
    [
        {"dates": 0},
        {"sentences": 0},
        {"start": date(2023, 8, 2), "end": date(2023, 8, 1)},
        {"keywords": ("oil", " ")},
    ],
)
def test_impossible_options_raise(kwargs):
    with pytest.raises(ValueError):
        SummaryOptions(**kwargs)
