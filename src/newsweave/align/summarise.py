"""Timeline summarisation: the days that matter in a pile of reports, and sentences that say what happened.

Days are ranked by how the pile refers to them, as the date-wise methods of the timeline
summarisation literature do (Tran et al. 2013; DATEWISE in Gholipour Ghalandari & Ifrim 2020): how
many reports place something on the day (a report written later that looks back on a day counts
most), and how many reports were published on it or the day after. Each day's candidate sentences
are the ones that date themselves to it (the brief's dated statements, from ``align.timeline``)
and the opening sentences of the reports published that day or the next. The candidates closest
to the TF-IDF centroid of the day's candidates are chosen, greedily, skipping any sentence too close
to one already in the timeline (maximal marginal relevance), so the same news is not told twice.

No library does date-wise timeline summarisation over our data model (tilse and news-tls are
research code over their own corpora and HeidelTime output), so this module is ours; scikit-learn
does the vectors.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, fields
from datetime import date, timedelta

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

from newsweave.align.dates import infer_report_date, pile_year
from newsweave.align.timeline import dated_statements
from newsweave.model import AnalysedReport, ReportDate, Span
from newsweave.model.timeline import TimelineDay, TimelineSentence

MENTIONS = "mentions the day"
LEAD = "lead of a report published that day or the next"
# TF-IDF cosine at which another report's sentence tells the same news as a chosen one.
_REPEAT = 0.8


@dataclass(frozen=True, slots=True)
class SummaryOptions:
    """How long the timeline is and which days it may cover."""

    dates: int = field(default=10, metadata={"help": "Number of days in the timeline."})
    sentences: int = field(default=1, metadata={"help": "Sentences per day."})
    start: date | None = field(
        default=None, metadata={"help": "First day the timeline may show (YYYY-MM-DD)."}
    )
    end: date | None = field(default=None, metadata={"help": "Last day the timeline may show (YYYY-MM-DD)."})
    lead_sentences: int = field(
        default=5, metadata={"help": "Opening sentences of each report that stand for its publication day."}
    )
    redundancy: float = field(
        default=0.5, metadata={"help": "TF-IDF cosine above which a sentence repeats one already chosen."}
    )

    def __post_init__(self) -> None:
        if self.dates < 1 or self.sentences < 1:
            raise ValueError(f"dates and sentences must be at least 1, not {self.dates} and {self.sentences}")
        if self.start and self.end and self.start > self.end:
            raise ValueError(f"start {self.start} is after end {self.end}")

    @classmethod
    def help_texts(cls) -> dict[str, str]:
        """Return each option's help text by name."""
        return {f.name: f.metadata["help"] for f in fields(cls)}


@dataclass(frozen=True, slots=True)
class _Candidate:
    span: Span
    text: str
    how: str
    report_id: str


@dataclass(slots=True)
class _DayEvidence:
    published: set[str] = field(default_factory=set)
    mentioned_before: set[str] = field(default_factory=set)  # reports published after the day
    mentioned_same: set[str] = field(default_factory=set)
    mentioned_after: set[str] = field(default_factory=set)  # reports that announce the day ahead
    candidates: list[_Candidate] = field(default_factory=list)


def report_dates(analysed: Sequence[AnalysedReport]) -> dict[str, ReportDate]:
    """Return each report's publication date, given or inferred from its text, by report id."""
    year = pile_year(analysed)
    return {a.report.id: infer_report_date(a, year) for a in analysed}


def summarise(
    analysed: Sequence[AnalysedReport],
    options: SummaryOptions | None = None,
    dates_of: dict[str, ReportDate] | None = None,
) -> tuple[TimelineDay, ...]:
    """Return the chosen days in calendar order, each with its chosen sentences."""
    options = options or SummaryOptions()
    year = pile_year(analysed)
    report_dates = (
        dates_of if dates_of is not None else {a.report.id: infer_report_date(a, year) for a in analysed}
    )
    evidence = _gather(analysed, report_dates, year, options)
    ranked = sorted(evidence, key=lambda d: (-_day_score(evidence[d]), d))
    ranked = [d for d in ranked if _in_range(d, options)]
    vectorizer = _fit_vectorizer(evidence)
    chosen: list[TimelineDay] = []
    kept_vectors: list[np.ndarray] = []
    for day in ranked:
        if len(chosen) == options.dates:
            break
        sentences = _choose_sentences(evidence[day], vectorizer, kept_vectors, options)
        if sentences:
            info = evidence[day]
            mentioned = info.mentioned_before | info.mentioned_same | info.mentioned_after
            chosen.append(TimelineDay(day, _day_score(info), len(info.published), len(mentioned), sentences))
    return tuple(sorted(chosen, key=lambda d: d.day))


def _in_range(day: date, options: SummaryOptions) -> bool:
    return (options.start is None or day >= options.start) and (options.end is None or day <= options.end)


def _day_score(info: _DayEvidence) -> float:
    # A day that later reports look back on is a day that mattered; reports published on it (or the
    # day after, which report it) say the same more weakly; announcements ahead count least.
    return (
        len(info.mentioned_before)
        + 0.5 * len(info.mentioned_same)
        + 0.25 * len(info.mentioned_after)
        + 0.5 * len(info.published)
    )


def _gather(
    analysed: Sequence[AnalysedReport],
    report_dates: dict[str, ReportDate],
    year: int | None,
    options: SummaryOptions,
) -> dict[date, _DayEvidence]:
    evidence: dict[date, _DayEvidence] = defaultdict(_DayEvidence)
    for item in analysed:
        report_id = item.report.id
        published = report_dates[report_id].value
        dated_sentences: set[int] = set()
        for statement in dated_statements(item, report_dates[report_id], year):
            day = statement.time.day
            if statement.time.precision != "day" or day is None:
                continue
            dated_sentences.add(statement.sentence.start)
            info = evidence[day]
            if published is None or day == published:
                info.mentioned_same.add(report_id)
            elif day < published:
                info.mentioned_before.add(report_id)
            else:
                info.mentioned_after.add(report_id)
            text = statement.sentence.text_of(item.report.text)
            info.candidates.append(_Candidate(statement.sentence, text, MENTIONS, report_id))
        if published is None:
            continue
        evidence[published].published.add(report_id)
        leads = [s for s in item.sentences if s.kind == "prose"][: options.lead_sentences]
        for sentence in leads:
            if sentence.span.start in dated_sentences:
                continue  # a lead that names its own day is already a candidate of that day
            text = sentence.span.text_of(item.report.text)
            for day in (published, published - timedelta(days=1)):
                evidence[day].candidates.append(_Candidate(sentence.span, text, LEAD, report_id))
    return evidence


def _fit_vectorizer(evidence: dict[date, _DayEvidence]) -> TfidfVectorizer:
    texts = list(dict.fromkeys(c.text for info in evidence.values() for c in info.candidates))
    vectorizer = TfidfVectorizer(stop_words="english", lowercase=True, sublinear_tf=True)
    vectorizer.fit(texts or ["empty"])
    return vectorizer


def _choose_sentences(
    info: _DayEvidence, vectorizer: TfidfVectorizer, kept: list[np.ndarray], options: SummaryOptions
) -> tuple[TimelineSentence, ...]:
    candidates = [c for c in _unique(info.candidates) if _usable(c.text)]
    if not candidates:
        return ()
    matrix = vectorizer.transform([c.text for c in candidates])
    centroid = np.asarray(matrix.mean(axis=0)).ravel()
    norm = np.linalg.norm(centroid)
    if norm == 0:
        return ()
    scores = (matrix @ (centroid / norm)).ravel()
    order = np.argsort(-scores, kind="stable")
    chosen: list[TimelineSentence] = []
    for index in order:
        if len(chosen) == options.sentences or scores[index] <= 0:
            break
        vector = matrix[index].toarray().ravel()
        if any(float(vector @ other) > options.redundancy for other in kept):
            continue
        kept.append(vector)
        candidate = candidates[index]
        similar = matrix @ vector
        repeats = tuple(
            c.span
            for c, similarity in zip(candidates, similar, strict=True)
            if c.report_id != candidate.report_id and similarity > _REPEAT
        )
        chosen.append(
            TimelineSentence(candidate.span, candidate.text, candidate.how, float(scores[index]), repeats)
        )
    return tuple(chosen)


def _unique(candidates: list[_Candidate]) -> list[_Candidate]:
    # One sentence can be a candidate twice (two expressions of the day); the same text in two
    # reports stays twice, as two reports saying it.
    seen: set[Span] = set()
    unique = []
    for candidate in candidates:
        if candidate.span not in seen:
            seen.add(candidate.span)
            unique.append(candidate)
    return unique


def _usable(text: str) -> bool:
    # A timeline line is a whole statement: not a fragment, not a wall of text, not a question.
    words = len(text.split())
    return 6 <= words <= 60 and not text.rstrip().endswith("?")
