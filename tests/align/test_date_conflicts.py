"""Date conflicts on real text: a weekday beside the wrong date, a date after the report's own date,
and two reports that date one event differently."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from eval_loader import report_dates_eval
from spacy.language import Language

from newsweave.align import align_story
from newsweave.align.differences import dates_after_report
from newsweave.align.report_date import infer_report_date
from newsweave.analyse import analyse_reports
from newsweave.model import AnalysedReport, Report

R0, R2 = "000_9324567a5dbc881f", "002_c6a2e5104b6ed147"


def test_the_sample_flags_last_wednesday_july_27_and_dates_the_coup_july_26(sample_story):
    flagged = [d for d in sample_story.divergences if d.kind == "inconsistency"]
    assert [d.item_texts for d in flagged] == [("last Wednesday (July 27)",)]
    assert "July 27, 2023 was a Thursday" in flagged[0].summary
    coup = [e for e in sample_story.timeline if "ousted President Mohamed Bazoum last Wednesday" in e.text]
    assert [e.date for e in coup] == ["2023-07-26"]


def test_the_sample_has_no_false_date_conflicts(sample_story):
    # The three reports agree on every day they share; only figures may differ between them.
    assert [d for d in sample_story.divergences if d.kind == "conflict" and "dates this" in d.summary] == []
    assert not any("in the past tense of" in d.summary for d in sample_story.divergences)


def test_two_reports_that_date_the_same_events_a_week_apart_conflict(sample_analysed, nlp):
    # The same report published twice, a week apart: every weekday it names lands on another day.
    first = sample_analysed[2]
    copy = Report("later", "", first.report.text, published=date(2023, 8, 4), published_how="test")
    story = align_story([first, next(analyse_reports([copy], nlp))])
    conflicts = [d for d in story.divergences if d.kind == "conflict" and "dates this" in d.summary]
    assert any(
        "Colonna said Friday" in d.item_texts[0] and "2023-07-28" in d.summary and "2023-08-04" in d.summary
        for d in conflicts
    ), [d.summary for d in conflicts]
    for divergence in conflicts:
        assert {span.report_id for span in divergence.items} == {R2, "later"}


@pytest.fixture(scope="module")
def timebank(nlp: Language) -> dict[str, AnalysedReport]:
    """Two TimeBank documents with their DCT given as the publication date."""
    cases = {c.report.id: c for c in report_dates_eval().timebank_cases()}
    chosen = {"nyt": cases["TimeBank-31"], "wsj": cases["TimeBank-140"]}  # NYT19980424.0421, wsj_0752
    analysed = {}
    for name, case in chosen.items():
        report = replace(case.report, published=case.truth, published_how="DCT")
        analysed[name] = next(analyse_reports([report], nlp))
    return analysed


def test_a_date_after_the_report_date_told_in_the_past_is_flagged(timebank):
    # DCT 1998-04-24: "The New York Times said in an editorial on Saturday, April 25: …"
    analysed = timebank["nyt"]
    found = dates_after_report([analysed], {analysed.report.id: infer_report_date(analysed, None)}, None)
    assert len(found) == 1
    assert found[0].item_texts == ("Saturday, April 25",)
    assert "1998-04-25, 1 day later" in found[0].summary


def test_a_deadline_after_the_report_date_is_not_flagged(timebank):
    # DCT 1989-10-27: "a 3-for-2 split of the common, payable Dec. 7 to stock of record Nov. 22"
    analysed = timebank["wsj"]
    assert "payable Dec. 7" in analysed.report.text
    assert dates_after_report([analysed], {analysed.report.id: infer_report_date(analysed, None)}, None) == ()
