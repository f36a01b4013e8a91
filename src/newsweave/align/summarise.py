"""Timeline summarisation: the days that matter in a pile of reports, and sentences that say what happened.

Days are ranked by how the pile refers to them, as the date-wise methods of the timeline
summarisation literature do (Tran et al. 2013; DATEWISE in Gholipour Ghalandari & Ifrim 2020): how
many reports written later look back on the day, how many were published on it, and (at half
weight) how many announce it ahead; mentions in sentences off the pile's topic do not count. Each
day's candidate sentences are the ones that date themselves to it (the brief's dated statements,
from ``align.timeline``) and the opening sentences of the reports published that day or the next.
A candidate scores its TF-IDF cosine with the day's candidates' centroid plus its cosine with the
whole pile's; the day's sentences are taken greedily so that their sum scores best (DATEWISE's
CentroidOpt), skipping any sentence too close to one already in the timeline, so the same news is
not told twice. Given the story's keywords, only sentences that contain one are chosen.

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
from scipy.sparse import csr_matrix
from sklearn.feature_extraction.text import TfidfVectorizer

from newsweave.align.report_date import infer_report_date, pile_year
from newsweave.align.timeline import dated_statements
from newsweave.model import AnalysedReport, ReportDate, Span
from newsweave.model.timeline import TimelineDay, TimelineSentence

MENTIONS = "mentions the day"
LEAD = "lead of a report published that day or the next"
# TF-IDF cosine at which another report's sentence tells the same news as a chosen one.
_REPEAT = 0.8
# Weight of closeness to the whole pile against closeness to the day's own candidates.
_TOPIC_WEIGHT = 1.0
# TF-IDF cosine with the pile's centroid below which a sentence's date mention is off the topic.
_MIN_TOPIC = 0.05
# Timeline lines are one statement each: shorter than a fragment or longer than this are left out.
_MIN_WORDS, _MAX_WORDS = 6, 50


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
        default=0.4, metadata={"help": "TF-IDF cosine above which a sentence repeats one already chosen."}
    )
    keywords: tuple[str, ...] = field(
        default=(),
        metadata={
            "help": "Words of the story (e.g. bp,oil,spill): a timeline sentence must contain one"
            " (case-insensitive, part of a word counts)."
        },
    )

    def __post_init__(self) -> None:
        if self.dates < 1 or self.sentences < 1:
            raise ValueError(f"dates and sentences must be at least 1, not {self.dates} and {self.sentences}")
        if self.start and self.end and self.start > self.end:
            raise ValueError(f"start {self.start} is after end {self.end}")
        if any(not k.strip() for k in self.keywords):
            raise ValueError(f"keywords must not be empty: {self.keywords!r}")

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
    vectorizer, topic = _fit_vectorizer(evidence)
    _drop_off_topic_mentions(evidence, vectorizer, topic)
    ranked = sorted(evidence, key=lambda d: (-_day_score(evidence[d]), d))
    ranked = [d for d in ranked if _in_range(d, options)]
    chosen: list[TimelineDay] = []
    kept_vectors: list[np.ndarray] = []
    for day in ranked:
        if len(chosen) == options.dates:
            break
        sentences = _choose_sentences(evidence[day], vectorizer, topic, kept_vectors, options)
        if sentences:
            info = evidence[day]
            mentioned = info.mentioned_before | info.mentioned_same | info.mentioned_after
            chosen.append(TimelineDay(day, _day_score(info), len(info.published), len(mentioned), sentences))
    return tuple(sorted(chosen, key=lambda d: d.day))


def _in_range(day: date, options: SummaryOptions) -> bool:
    return (options.start is None or day >= options.start) and (options.end is None or day <= options.end)


def _day_score(info: _DayEvidence) -> float:
    # A day that later reports look back on is a day that mattered, and so is one many reports were
    # published on; announcements ahead count less, and a report naming its own day adds nothing
    # its publication has not already said.
    return len(info.mentioned_before) + 0.5 * len(info.mentioned_after) + len(info.published)


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
        # A report with a publication date reads a yearless "April 20" in its own year: the pile's
        # most written year is for reports without one (a web page's "© 2026" must not date 2010 news).
        hint = None if report_dates[report_id].how == "given" else year
        yearless = {t.span for t in item.timexes if t.year is None and t.month is not None}
        for statement in dated_statements(item, report_dates[report_id], hint):
            day = statement.time.day
            if statement.time.precision != "day" or day is None:
                continue
            if statement.timex in yearless and published is not None:
                day = _nearest_year(day, published)
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


def _drop_off_topic_mentions(
    evidence: dict[date, _DayEvidence], vectorizer: TfidfVectorizer, topic: np.ndarray
) -> None:
    # A report about the oil spill that recalls the day of an unrelated event does not make that
    # day part of the spill's timeline: only mentions in sentences on the pile's topic count.
    for info in evidence.values():
        mentions = [c for c in info.candidates if c.how == MENTIONS]
        if not mentions:
            continue
        relevance = (vectorizer.transform([c.text for c in mentions]) @ topic).ravel()
        on_topic = {c.report_id for c, r in zip(mentions, relevance, strict=True) if r >= _MIN_TOPIC}
        info.mentioned_before &= on_topic
        info.mentioned_same &= on_topic
        info.mentioned_after &= on_topic


def _nearest_year(day: date, published: date) -> date:
    # "December 30" in a report of January 3 is last year's: a yearless date is the nearest one.
    candidates = []
    for year in (published.year - 1, published.year, published.year + 1):
        try:
            candidates.append(day.replace(year=year))
        except ValueError:  # February 29 outside a leap year
            continue
    return min(candidates, key=lambda d: abs((d - published).days), default=day)


def _fit_vectorizer(evidence: dict[date, _DayEvidence]) -> tuple[TfidfVectorizer, np.ndarray]:
    """Return TF-IDF fitted on every candidate sentence, and the unit centroid of them all (the topic)."""
    texts = list(dict.fromkeys(c.text for info in evidence.values() for c in info.candidates))
    # Raw term counts, as DATEWISE's vectorizer: a word a sentence repeats is what it is about, and
    # a summary summed for CentroidOpt should weigh it so (sublinear counts: AR2 0.0411 against 0.0415).
    vectorizer = TfidfVectorizer(stop_words="english", lowercase=True)
    matrix = vectorizer.fit_transform(texts or ["empty"])
    return vectorizer, _unit(np.asarray(matrix.mean(axis=0)).ravel())


def _unit(vector: np.ndarray) -> np.ndarray:
    norm = np.linalg.norm(vector)
    return vector / norm if norm else vector


def _choose_sentences(
    info: _DayEvidence,
    vectorizer: TfidfVectorizer,
    topic: np.ndarray,
    kept: list[np.ndarray],
    options: SummaryOptions,
) -> tuple[TimelineSentence, ...]:
    # The day's centroid is taken over every candidate, keyword or not: the sentences that do
    # not name the story still say what the day's reports were about.
    candidates = [c for c in _unique(info.candidates) if _usable(c.text)]
    if not candidates:
        return ()
    matrix = vectorizer.transform([c.text for c in candidates])
    centroid = _unit(np.asarray(matrix.mean(axis=0)).ravel())
    if not centroid.any():
        return ()
    # Close to what the day's reports say, and on the pile's topic: a report's aside about another
    # story can be dated to the same day.
    target = centroid + _TOPIC_WEIGHT * topic
    scores = matrix @ target
    eligible = [
        i for i, c in enumerate(candidates) if scores[i] > 0 and _names_story(c.text, options.keywords)
    ]
    chosen: list[TimelineSentence] = []
    for index in _centroid_opt(matrix, eligible, target, kept, options):
        candidate = candidates[index]
        similar = matrix @ matrix[index].toarray().ravel()
        repeats = tuple(
            c.span
            for c, similarity in zip(candidates, similar, strict=True)
            if c.report_id != candidate.report_id and similarity > _REPEAT
        )
        chosen.append(
            TimelineSentence(candidate.span, candidate.text, candidate.how, float(scores[index]), repeats)
        )
    return tuple(chosen)


def _centroid_opt(
    matrix: csr_matrix,
    eligible: list[int],
    target: np.ndarray,
    kept: list[np.ndarray],
    options: SummaryOptions,
) -> list[int]:
    """Return the rows chosen greedily so that the day's summary as a whole is closest to the target.

    DATEWISE's CentroidOpt: each step adds the sentence whose addition brings the sum of the chosen
    vectors closest to the day's centroid (here plus the pile's topic: ``target`` is their sum, and
    a sum's cosine with it is the sum of its cosines with each), so a second sentence is picked for
    what the first left out, not for being another copy of it. A sentence too close to one already
    in the timeline (``kept``, all days) is skipped; a chosen one is added to ``kept``.
    """
    rows = np.array(eligible, dtype=int)
    # ||x + s||² = ||x||² + 2 x·s + ||s||², so no dense copy of the day's matrix is needed.
    squares = np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel()
    toward = matrix @ target
    summary = np.zeros(matrix.shape[1])
    chosen: list[int] = []
    while len(rows) and len(chosen) < options.sentences:
        norms = np.sqrt(squares[rows] + 2 * (matrix[rows] @ summary) + summary @ summary)
        gains = (toward[rows] + summary @ target) / np.where(norms > 0, norms, 1.0)
        pick = int(np.argmax(gains))
        best = int(rows[pick])
        rows = np.delete(rows, pick)
        vector = matrix[best].toarray().ravel()
        if any(float(vector @ other) > options.redundancy for other in kept):
            continue
        kept.append(vector)
        chosen.append(best)
        summary = summary + vector
    return chosen


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
    return _MIN_WORDS <= words <= _MAX_WORDS and not text.rstrip().endswith("?")


def _names_story(text: str, keywords: tuple[str, ...]) -> bool:
    # DATEWISE's rule, as news-tls applies its topic keywords: the lowercased sentence contains one
    # of them, part of a word included ("spill" in "spilled"). No keywords, no rule.
    lowered = text.lower()
    return not keywords or any(k.lower() in lowered for k in keywords)
