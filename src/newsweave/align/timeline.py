"""The story's timeline: dated statements of every report, merged across reports by day and content."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from datetime import date

from newsweave.align.resolve import resolve_in_order
from newsweave.align.words import similarity
from newsweave.model import AnalysedReport, DatedStatement, ReportDate, Span, TimelineEntry
from newsweave.settings import Settings

_ANAPHORIC_START = re.compile(r"^(?:That|This|It)(?:'s|\s+is|\s+was|\s+comes)\b")


def dated_statements(
    analysed: AnalysedReport, report_date: ReportDate, year_hint: int | None
) -> tuple[DatedStatement, ...]:
    """Return the report's sentences that a time expression places on a day, month or year."""
    statements = []
    text = analysed.report.text
    # In text order, so that "later that year" takes its year from the date written before it.
    times = resolve_in_order(analysed.timexes, report_date.value, year_hint)
    for timex, time in zip(analysed.timexes, times, strict=True):
        sentence = analysed.sentences[timex.sentence]
        if sentence.kind in ("post", "heading") or timex.type not in ("DATE", "TIME"):
            continue
        if time is None or time.precision not in ("day", "month", "year") or time.day is None:
            continue
        span = _statement_span(analysed, sentence.index)
        # An aside ("since invading Ukraine in February 2022") is the event of its date, not the sentence.
        shown = timex.aside.text_of(text) if timex.aside is not None else span.text_of(text)
        statement = DatedStatement(span, timex.span, time, shown, timex.tense)
        statements.append(statement)
    return tuple(statements)


def _statement_span(analysed: AnalysedReport, index: int) -> Span:
    # "That's according to its foreign minister on Tuesday": the event is the sentence before.
    sentence = analysed.sentences[index].span
    if index > 0 and _ANAPHORIC_START.match(sentence.text_of(analysed.report.text)):
        previous = analysed.sentences[index - 1].span
        return Span(sentence.report_id, previous.start, sentence.end)
    return sentence


def build_timeline(
    statements: Sequence[DatedStatement], settings: Settings = Settings()
) -> tuple[TimelineEntry, ...]:
    """Return timeline entries: statements of one day from different reports merge when they say the same."""
    by_day: dict[tuple[str, str], list[DatedStatement]] = defaultdict(list)
    for statement in statements:
        by_day[(_period_key(statement), statement.time.precision)].append(statement)
    entries = []
    for (_, precision), group in by_day.items():
        for cluster in _clusters(group, settings.timeline_merge_similarity):
            first_day = cluster[0].time.day
            assert first_day is not None
            lead = max(
                cluster,
                key=lambda s: (not s.time.how.startswith("explicit day"), len(s.text) < 400, len(s.text)),
            )
            entries.append(
                TimelineEntry(
                    date=_entry_date(first_day, precision),
                    precision=precision,
                    text=lead.text,
                    statements=tuple(cluster),
                )
            )
    return tuple(
        sorted(
            entries,
            key=lambda e: (e.date, e.statements[0].sentence.report_id, e.statements[0].sentence.start),
        )
    )


def _period_key(statement: DatedStatement) -> str:
    day = statement.time.day
    assert day is not None
    return {"day": day.isoformat(), "month": day.strftime("%Y-%m"), "year": str(day.year)}[
        statement.time.precision
    ]


def _entry_date(day: date, precision: str) -> str:
    if precision == "month":
        return day.replace(day=1).isoformat()
    if precision == "year":
        return date(day.year, 1, 1).isoformat()
    return day.isoformat()


def _clusters(group: list[DatedStatement], threshold: float) -> list[list[DatedStatement]]:
    clusters: list[list[DatedStatement]] = []
    seen_sentences: set[Span] = set()
    for statement in sorted(group, key=lambda s: (s.sentence.report_id, s.sentence.start)):
        if statement.sentence in seen_sentences:
            continue  # one sentence with two expressions of the same day is one statement
        seen_sentences.add(statement.sentence)
        home = next((c for c in clusters if _joins(statement, c, threshold)), None)
        if home is None:
            clusters.append([statement])
        else:
            home.append(statement)
    return clusters


def _joins(statement: DatedStatement, cluster: list[DatedStatement], threshold: float) -> bool:
    if any(s.sentence.report_id == statement.sentence.report_id for s in cluster):
        return False  # within one report, two sentences of a day are two events
    return max(similarity(statement.text, other.text) for other in cluster) >= threshold
