"""Report-date inference on real text: the sample corpus, a T17 article and TimeBank documents."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from eval_loader import report_dates_eval
from spacy.language import Language

from newsweave.align import date_ranker
from newsweave.align.report_date import CALIBRATION, HIGH, infer_report_date, pile_year
from newsweave.analyse import analyse_reports
from newsweave.model import AnalysedReport, Report

R0, R1, R2 = "000_9324567a5dbc881f", "001_b3b5c18ab2381f7d", "002_c6a2e5104b6ed147"


def analyse_one(nlp: Language, report_id: str, text: str) -> AnalysedReport:
    return next(analyse_reports([Report(id=report_id, path="", text=text)], nlp))


def test_every_sample_confidence_is_a_measured_one(sample_story):
    for dated in sample_story.report_dates:
        assert dated.confidence in {*CALIBRATION.values(), *date_ranker.confidences()}


def test_a_past_tense_weekday_moves_the_report_after_the_dates_it_writes(sample_story):
    # "Thursday July 27 2023" in a caption, then "Colonna said Friday": the report is of Friday 28.
    dated = sample_story.report_date(R2)
    assert dated is not None and dated.value == date(2023, 7, 28)
    assert "'Friday'" in dated.explanation
    # The ranker puts July 27 first, but not surely enough to replace the hand-weighted day.
    assert "the hand-weighted day, kept" in dated.explanation
    assert dated.confidence < HIGH


def test_a_given_date_is_kept_as_given(sample_analysed):
    report = replace(sample_analysed[0].report, published=date(2023, 8, 2), published_how="jsonl field")
    dated = infer_report_date(replace(sample_analysed[0], report=report), 2023)
    assert (dated.value, dated.how, dated.confidence) == (date(2023, 8, 2), "given", 1.0)


@pytest.fixture(scope="module")
def reuters_dateline(nlp: Language, t17_dir: Path) -> AnalysedReport:
    path = t17_dir / "LibyaWar_reuters" / "InputDocs" / "2011-02-26" / "363.htm.txt"
    text = report_dates_eval().detokenise(path.read_text(encoding="utf-8"))
    return analyse_one(nlp, "libya-reuters", text)


def test_a_dateline_dates_a_report_surely(reuters_dateline):
    # "RABAT | Sat Feb 26, 2011 12:58pm EST RABAT Feb 26 (Reuters) - … said on Saturday"
    dated = infer_report_date(reuters_dateline, None)
    assert dated.value == date(2011, 2, 26)
    assert dated.confidence >= HIGH
    assert "dateline" in dated.explanation
    text = reuters_dateline.report.text
    assert all(repr(span.text_of(text)) in dated.explanation for span in dated.evidence)


def test_a_dateline_without_its_year_needs_the_pile(reuters_dateline, nlp):
    # Without its first line the article writes "Feb 26 (Reuters)" and no year: alone it stays undated.
    text = reuters_dateline.report.text.split("\n", 1)[0].split("EST ", 1)[1]
    alone = analyse_one(nlp, "libya-reuters-cut", text)
    assert infer_report_date(alone, pile_year([alone])).value is None
    assert infer_report_date(alone, 2011).value == date(2011, 2, 26)


def test_a_report_that_names_no_day_is_left_undated(nlp):
    text = report_dates_eval().timebank_cases()[0].report.text  # ABC19980108: "another very bad week"
    dated = infer_report_date(analyse_one(nlp, "abc", text), None)
    assert (dated.value, dated.how, dated.confidence) == (None, "unknown", 0.0)


def _t17_article(nlp: Language, t17_dir: Path, relative: str) -> AnalysedReport:
    text = report_dates_eval().detokenise((t17_dir / relative).read_text(encoding="utf-8"))
    return analyse_one(nlp, relative.split("/")[0].lower(), text)


def test_a_commented_page_is_dated_by_its_earliest_reader_comment(nlp, t17_dir):
    # A CNN page with no date line: readers' "February 3, 2011 at 11:07 am | Report abuse" stamps, and a
    # sidebar of 2013 tweets, which "latest date written" would follow.
    analysed = _t17_article(nlp, t17_dir, "EgyptianProtest_cnn/InputDocs/2011-02-03/162.htm.txt")
    dated = infer_report_date(analysed, 2011)
    assert dated.value == date(2011, 2, 3)
    assert dated.confidence == CALIBRATION["earliest reader comment"] < HIGH
    assert "reader comment" in dated.explanation


def test_a_blog_byline_stamp_is_a_date_line_anywhere_on_the_page(nlp, t17_dir):
    # "By Ezra Klein | May 27, 2009; 2:00 PM ET" comes after the site's furniture, in sentence 18.
    analysed = _t17_article(nlp, t17_dir, "Finan_washingtonpost/InputDocs/2009-05-27/977.htm.txt")
    dated = infer_report_date(analysed, 2009)
    assert dated.value == date(2009, 5, 27)
    assert dated.confidence >= HIGH


def test_a_stamped_date_line_counts_whatever_tense_its_sentence_has(nlp, t17_dir):
    # "WASHINGTON | Tue May 5, 2009 2:45 am EDT WASHINGTON (Reuters) - … critics are going to start
    # asking …": the date line shares a sentence with a future, and was once skipped for it.
    analysed = _t17_article(nlp, t17_dir, "H1N1_reuters/InputDocs/2009-05-05/925.htm.txt")
    dated = infer_report_date(analysed, 2009)
    assert dated.value == date(2009, 5, 5)
    assert dated.confidence >= HIGH


def test_the_shipped_ranker_matches_the_features_and_stays_below_high():
    # `eval/report_dates.py train` writes the weights by feature name: a feature added or renamed
    # without retraining would be scored with a missing or stale weight.
    table = json.loads(date_ranker.WEIGHTS_PATH.read_text(encoding="utf-8"))
    assert tuple(table["features"]) == date_ranker.FEATURES == tuple(table["coefficients"])
    # High confidence is kept for date lines; the ranker's bands are measured, ascending, below it.
    edges = [low for low, _ in table["bands"]]
    assert edges == sorted(edges) and edges[0] == 0.0
    assert all(0.0 < confidence < HIGH for confidence in date_ranker.confidences())


def test_the_ranker_dates_a_report_a_later_deadline_misled(nlp, t17_dir):
    # "Wednesday, September 29, 2010; 6:32 PM" opens a sentence in the future tense, so it is no date
    # line; "effective Oct. 31" is a deadline in a past-tense sentence, which the hand weights took for
    # the latest day told. The ranker trusts the day written first, with its weekday and year.
    analysed = _t17_article(nlp, t17_dir, "bpoil_washingtonpost/InputDocs/2010-09-29/943.htm.txt")
    dated = infer_report_date(analysed, 2010)
    assert dated.value == date(2010, 9, 29)
    assert dated.confidence in date_ranker.confidences() and dated.confidence < HIGH
    assert dated.explanation.startswith("2010-09-29 (Wednesday): ranked first")
    text = analysed.report.text
    assert all(repr(span.text_of(text)) in dated.explanation for span in dated.evidence)
