"""Where reports differ from each other or from themselves, and what only one report says."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from newsweave.align.dates import weekday_conflict
from newsweave.align.report_date import HIGH, calendar_day, written_year
from newsweave.align.words import OverlapIndex, content_words, similarity
from newsweave.model import (
    AnalysedReport,
    Divergence,
    ReportDate,
    TimeExpression,
    TimelineEntry,
    UniqueDetail,
)

_SHARED = 0.5
_PAST_MARKERS = frozenset({"on", "since", "last"})
_PROSPECT = frozenset(
    {"due", "scheduled", "set", "expected", "planned", "until", "will", "would", "to", "is", "are"}
)
_SHOWN = 3  # dates quoted in one divergence
_LOOK_BACK = 8  # words before a date searched for a look ahead ("is repeated on BBC Radio 3 on …")


def date_inconsistencies(analysed: Sequence[AnalysedReport], year_hint: int | None) -> tuple[Divergence, ...]:
    """Return each weekday written beside a date it does not fall on ("last Wednesday (July 27)")."""
    found = []
    for report in analysed:
        text = report.report.text
        for timex in report.timexes:
            conflict = weekday_conflict(timex, year_hint)
            if conflict is None:
                continue
            written, real = conflict
            summary = (
                f"{report.report.id} writes {timex.text!r}, but {written:%B} {written.day}, {written.year} "
                f"was a {real}; the timeline follows the weekday"
            )
            found.append(Divergence("inconsistency", summary, (timex.span,), (timex.span.text_of(text),)))
    return tuple(found)


def dates_after_report(
    analysed: Sequence[AnalysedReport], report_dates: Mapping[str, ReportDate], year_hint: int | None
) -> tuple[Divergence, ...]:
    """Return each date a report tells in the past tense although it falls after the report's own date.

    Only against a date we are sure of (given, or inferred with high confidence): a report cannot
    have seen what happened after it appeared, so either the date written or the report date is wrong.
    """
    found = []
    for report in analysed:
        dated = report_dates.get(report.report.id)
        if dated is None or dated.value is None or dated.confidence < HIGH:
            continue
        text = report.report.text
        later = [
            (timex, written)
            for timex in report.timexes
            if (written := calendar_day(timex, dated.value.year)) is not None
            and written > dated.value
            and _told_as_past(timex, text)
        ]
        if later:
            found.append(_after_report(report.report.id, dated, later, text))
    return tuple(found)


def _after_report(
    report_id: str, dated: ReportDate, later: list[tuple[TimeExpression, date]], text: str
) -> Divergence:
    # One divergence per report: a page with reader comments posted after it can hold dozens.
    timex, written = later[0]
    assert dated.value is not None
    days = (written - dated.value).days
    summary = (
        f"{report_id} is dated {dated.value.isoformat()} ({dated.how}) but tells in the past tense of "
        f"{timex.text!r} ({written.isoformat()}, {days} day{'s' if days > 1 else ''} later)"
    )
    if len(later) > 1:
        summary += f" and of {len(later) - 1} more date{'s' if len(later) > 2 else ''} after it"
    spans = tuple(t.span for t, _ in later[:_SHOWN])
    return Divergence("inconsistency", summary, spans, tuple(span.text_of(text) for span in spans))


def _told_as_past(timex: TimeExpression, text: str) -> bool:
    """Return True for a day told as past ("said on July 28, 2023"), not a deadline ("payable Dec. 7").

    The year must be written (or pinned by a weekday beside the date): a borrowed year is more
    likely wrong than the report. The date must be introduced by "on" or "since": "due", "until",
    "payable", "through" … look ahead even inside a past-tense sentence.
    """
    if timex.tense != "past" or timex.embedded or (written_year(timex) is None and timex.weekday is None):
        return False
    before = text[max(0, timex.span.start - 80) : timex.span.start].lower().split()
    return bool(before) and before[-1] in _PAST_MARKERS and not _PROSPECT & set(before[-_LOOK_BACK:])


def timeline_conflicts(entries: Sequence[TimelineEntry]) -> tuple[Divergence, ...]:
    """Return events that different reports place on different days (same content, other date)."""
    found = []
    day_entries = [e for e in entries if e.precision == "day"]
    for i, first in enumerate(day_entries):
        for second in day_entries[i + 1 :]:
            if first.date == second.date or set(first.reports) & set(second.reports):
                continue
            if (
                similarity(first.text, second.text) >= 0.6
                and len(content_words(first.text) & content_words(second.text)) >= 4
            ):
                a, b = first.statements[0], second.statements[0]
                first_id, second_id = a.sentence.report_id, b.sentence.report_id
                summary = f"{first_id} dates this to {first.date}, {second_id} to {second.date}"
                found.append(Divergence("conflict", summary, (a.sentence, b.sentence), (a.text, b.text)))
    return tuple(found)


def unique_details(analysed: Sequence[AnalysedReport], texts: Mapping[str, str]) -> tuple[UniqueDetail, ...]:
    """Return the statements with a figure, date or quote that no other report shares."""
    if len(analysed) < 2:
        return ()
    index = OverlapIndex(
        (a.report.id, s.span.text_of(texts[a.report.id])) for a in analysed for s in a.sentences
    )
    found = []
    for report in analysed:
        for position, reason in _notable_sentences(report):
            sentence = report.sentences[position]
            text = sentence.span.text_of(texts[report.report.id])
            if not index.shared_elsewhere(report.report.id, text, _SHARED):
                found.append(UniqueDetail(sentence.span, text, reason))
    return tuple(found)


def _notable_sentences(report: AnalysedReport) -> list[tuple[int, str]]:
    reasons: dict[int, list[str]] = {}
    for figure in report.figures:
        reasons.setdefault(figure.sentence, []).append("figure")
    for timex in report.timexes:
        # "now", "recently" and "the future" are DATEs too, but they give no date a reader could check.
        if timex.type in ("DATE", "TIME") and timex.ref is None:
            reasons.setdefault(timex.sentence, []).append("date")
    notable = []
    for index, kinds in sorted(reasons.items()):
        if report.sentences[index].kind in ("prose", "caption"):
            reason = "no other report says this; it gives a " + " and a ".join(dict.fromkeys(kinds))
            notable.append((index, reason))
    return notable
