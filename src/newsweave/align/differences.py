"""Where reports differ from each other or from themselves, and what only one report says."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from newsweave.align.dates import weekday_conflict
from newsweave.align.words import OverlapIndex, content_words, similarity
from newsweave.model import AnalysedReport, Divergence, TimelineEntry, UniqueDetail

_SHARED = 0.5


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
        if timex.type in ("DATE", "TIME"):
            reasons.setdefault(timex.sentence, []).append("date")
    notable = []
    for index, kinds in sorted(reasons.items()):
        if report.sentences[index].kind in ("prose", "caption"):
            reason = "no other report says this; it gives a " + " and a ".join(dict.fromkeys(kinds))
            notable.append((index, reason))
    return notable
