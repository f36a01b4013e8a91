"""load_reports: every input file to Reports (duplicates marked) or coded Rejections, never an exception."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from newsweave.errors import InputError
from newsweave.ingest.decode import Decoded, decode_bytes
from newsweave.ingest.dedupe import mark_duplicates, text_sha1
from newsweave.ingest.files import list_inputs, read_input
from newsweave.ingest.html import read_html
from newsweave.ingest.ids import make_ids_unique
from newsweave.ingest.jsonl import read_jsonl
from newsweave.ingest.outcome import Outcome, reject
from newsweave.model import IngestResult, Rejection, Report
from newsweave.settings import Settings

# A module constant rather than a call in the signature: Settings is frozen, so sharing one is safe.
_DEFAULT_SETTINGS = Settings()


def load_reports(
    paths: Sequence[str | os.PathLike[str]], settings: Settings = _DEFAULT_SETTINGS
) -> IngestResult:
    """Return the reports read from ``paths`` (files and directories) and the inputs turned away.

    Every file found ends up as one or more Reports or one or more Rejections, in input order:
    arguments as given, directories walked recursively in name order, hidden entries skipped.
    Ids are unique; exact and near-duplicate reports are kept with ``duplicate_of`` set.
    """
    if isinstance(paths, (str, bytes, os.PathLike)):
        raise InputError(f"load_reports takes a sequence of paths, not one path: use [{paths!r}]")
    _check_settings(settings)
    reports: list[Report] = []
    rejections: list[Rejection] = []
    for item in list_inputs(paths):
        for outcome in [item] if isinstance(item, Rejection) else _read_file(item, settings):
            if isinstance(outcome, Report):
                reports.append(outcome)
            else:
                rejections.append(outcome)
    unique = make_ids_unique(reports)
    return IngestResult(
        reports=tuple(mark_duplicates(unique, settings.near_duplicate_threshold)),
        rejections=tuple(rejections),
    )


def _check_settings(settings: Settings) -> None:
    threshold = settings.near_duplicate_threshold
    if not 0.0 < threshold <= 1.0:
        raise InputError(f"near_duplicate_threshold must be in (0, 1], not {threshold}")
    if settings.max_bytes < 1 or settings.min_words < 0:
        raise InputError(f"max_bytes must be positive and min_words not negative: {settings}")


def _read_file(path: str, settings: Settings) -> list[Outcome]:
    """Return what one file gives: Reports (several for JSON Lines) or Rejections."""
    data = read_input(path, settings)
    if isinstance(data, Rejection):
        return [data]
    suffix = Path(path).suffix.lower()
    decoded = decode_bytes(data, path, html=suffix in (".htm", ".html"))
    if isinstance(decoded, Rejection):
        return [decoded]
    return [_finish(outcome, settings) for outcome in _parse(decoded, path, suffix)]


def _parse(decoded: Decoded, path: str, suffix: str) -> list[Outcome]:
    stem = Path(path).stem
    if suffix == ".jsonl":
        return read_jsonl(decoded.text, path, stem, decoded.notes)
    if suffix in (".htm", ".html"):
        return [read_html(decoded.text, path, stem, decoded.notes)]
    return [Report(id=stem, path=path, text=decoded.text, notes=decoded.notes)]


def _finish(outcome: Outcome, settings: Settings) -> Outcome:
    """Return the report with its fingerprint, or an E109 Rejection when it is too short to use."""
    if isinstance(outcome, Rejection):
        return outcome
    if outcome.words < settings.min_words:
        detail = f"{outcome.words:,} word{'' if outcome.words == 1 else 's'} < minimum {settings.min_words:,}"
        return reject(outcome.path, "E109", detail)
    return replace(outcome, sha1=text_sha1(outcome.text))
