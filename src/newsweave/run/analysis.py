"""Analysis at corpus scale: stored analyses from the cache, only the misses through spaCy, on every core.

Each worker process loads spaCy once and returns encoded analyses rather than spaCy Docs: an encoded
analysis is a few kB, a pickled Doc many times that, and our extraction then runs in the workers
too instead of serially in the parent. The parent decodes every fresh analysis exactly as it decodes
a stored one, so a cold run and a warm run give equal results.
"""

from __future__ import annotations

import math
import multiprocessing
import os
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from functools import cache
from itertools import islice

from spacy.language import Language

from newsweave.analyse import analyse_doc, analyse_reports, analysis_fingerprint, load_nlp
from newsweave.model import AnalysedReport, Report
from newsweave.run.cache import AnalysisCache, decode_analysis, encode_analysis, report_key
from newsweave.settings import Settings

# Called as progress(stage, done, total); the CLI draws it, the library never prints.
Progress = Callable[[str, int, int], None]

# One spaCy pipeline per worker process, loaded by its initializer, with the settings it was loaded for.
_worker: tuple[Language, Settings] | None = None


def analyse_cached(
    reports: Sequence[Report],
    settings: Settings = Settings(),
    progress: Progress | None = None,
    notes: list[str] | None = None,
) -> Iterator[AnalysedReport]:
    """Yield each report's analysis in input order, from the cache when stored, else from spaCy.

    The cache is ``settings.cache_dir`` (none when empty). Cache misses go through spaCy in batches of
    ``settings.batch_size``, on ``settings.processes`` worker processes when there is more than one
    batch. Nothing but the yielded analyses stays in memory. Why the cache could not be used, if it
    could not, and every analyse step that failed on a report, are appended to ``notes``.
    """
    if not reports:
        return
    notify = progress or (lambda stage, done, total: None)
    max_bytes = settings.cache_max_mb * 1_000_000
    store = AnalysisCache(settings.cache_dir, max_bytes) if settings.cache_dir else None
    fingerprint = analysis_fingerprint(settings)
    keys = [report_key(report, fingerprint) for report in reports]
    stored = store.keys_present(keys) if store else set()
    if store:
        store.touch(sorted(stored))
    misses = [report for report, key in zip(reports, keys, strict=True) if key not in stored]
    fresh = _encoded_analyses(misses, settings)
    pending: list[tuple[str, bytes]] = []
    try:
        for done, (report, key) in enumerate(zip(reports, keys, strict=True), start=1):
            if key in stored:
                analysed = _stored_analysis(store, report, key, settings, pending)
            else:
                body = next(fresh)
                pending.append((key, body))
                analysed = decode_analysis(report, body) or _analyse_here(report, settings)
            if store and len(pending) >= settings.batch_size:
                store.put_many(pending)
                pending = []
            if notes is not None:
                notes.extend(f"{report.path}: {problem}" for problem in analysed.problems)
            yield analysed
            notify("analyse", done, len(reports))
    finally:
        fresh.close()  # stops the worker processes if the caller stopped early
        if store:
            store.put_many(pending)
            store.close()
            if notes is not None:
                notes.extend(store.notes)


def worker_count(settings: Settings, misses: int) -> int:
    """Return how many worker processes to analyse ``misses`` reports with; 1 means in this process."""
    cores = settings.processes or len(os.sched_getaffinity(0))
    return max(1, min(cores, math.ceil(misses / settings.batch_size)))


def _encoded_analyses(misses: Sequence[Report], settings: Settings) -> Generator[bytes, None, None]:
    # A generator: the worker pool starts on the first miss and stops when the generator is closed.
    if not misses:
        return
    workers = worker_count(settings, len(misses))
    if workers == 1:
        for analysed in analyse_reports(misses, _nlp_here(settings), settings):
            yield encode_analysis(analysed)
        return
    # spawn, not fork: the parent may run threads (the CLI's progress bar), and forking a process
    # with threads can copy a held lock into the child. ProcessPoolExecutor rather than
    # multiprocessing.Pool: a worker that dies raises BrokenProcessPool instead of hanging the run.
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(workers, context, initializer=_start_worker, initargs=(settings,)) as pool:
        try:
            for bodies in pool.map(_analyse_batch, _batches(misses, settings.batch_size)):
                yield from bodies
        finally:
            pool.shutdown(cancel_futures=True)


def _stored_analysis(
    store: AnalysisCache | None,
    report: Report,
    key: str,
    settings: Settings,
    pending: list[tuple[str, bytes]],
) -> AnalysedReport:
    body = store.get(key) if store else None
    analysed = decode_analysis(report, body) if body is not None else None
    if analysed is None:  # corrupt or unreadable entry: analyse again and overwrite it
        analysed = _analyse_here(report, settings)
        pending.append((key, encode_analysis(analysed)))
    return analysed


def _analyse_here(report: Report, settings: Settings) -> AnalysedReport:
    nlp = _nlp_here(settings)
    return analyse_doc(report, nlp(report.text))


@cache
def _nlp_here(settings: Settings) -> Language:
    # Loaded only when this process analyses something itself: a warm run never loads the model.
    return load_nlp(settings)


def _batches(reports: Iterable[Report], size: int) -> Iterator[list[Report]]:
    iterator = iter(reports)
    while batch := list(islice(iterator, size)):
        yield batch


def _start_worker(settings: Settings) -> None:
    global _worker
    _worker = (load_nlp(settings), settings)


def _analyse_batch(batch: list[Report]) -> list[bytes]:
    assert _worker is not None, "the pool initializer loads spaCy"
    nlp, settings = _worker
    return [encode_analysis(analysed) for analysed in analyse_reports(batch, nlp, settings)]
