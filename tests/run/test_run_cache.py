"""The analysis cache on the real sample reports: hits, misses, invalidation, corruption, concurrency."""

from __future__ import annotations

import sqlite3
import threading
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from newsweave.analyse import analysis_fingerprint
from newsweave.model import AnalysedReport
from newsweave.run import analyse_cached, build_briefs
from newsweave.run.cache import CACHE_FILE, AnalysisCache, decode_analysis, encode_analysis, report_key
from newsweave.settings import Settings


def stored_rows(folder: Path) -> dict[str, bytes]:
    with sqlite3.connect(folder / CACHE_FILE) as db:
        return dict(db.execute("SELECT key, body FROM analyses").fetchall())


def empty_analysis(analysed: AnalysedReport) -> bytes:
    """Return a valid entry that differs from the real analysis: the report with nothing found in it."""
    return encode_analysis(replace(analysed, sentences=(), mentions=(), timexes=(), figures=(), quotes=()))


def test_the_codec_round_trips_every_sample_analysis(sample_analysed):
    for analysed in sample_analysed:
        assert decode_analysis(analysed.report, encode_analysis(analysed)) == analysed


def test_an_entry_is_refused_for_another_report(sample_analysed):
    first, second = sample_analysed[:2]

    # The spans name the first report and may run past the second one's text.
    assert decode_analysis(second.report, encode_analysis(first)) is None
    assert decode_analysis(first.report, b"\x93 not msgpack") is None


def test_a_cold_run_stores_every_report_and_a_warm_run_reads_them(sample_reports, sample_analysed, tmp_path):
    settings = Settings(cache_dir=str(tmp_path))

    cold = list(analyse_cached(sample_reports, settings))

    assert cold == list(sample_analysed)
    fingerprint = analysis_fingerprint(settings)
    rows = stored_rows(tmp_path)
    assert set(rows) == {report_key(r, fingerprint) for r in sample_reports}
    # Poison one entry with a valid but different analysis: the warm run must return what is stored.
    key = report_key(sample_reports[0], fingerprint)
    with AnalysisCache(tmp_path) as cache:
        cache.put_many([(key, empty_analysis(sample_analysed[0]))])
    warm = list(analyse_cached(sample_reports, settings))
    assert warm[0].sentences == () and warm[0].report == sample_reports[0]
    assert warm[1:] == list(sample_analysed[1:])


def test_a_changed_text_misses_the_cache(sample_reports, sample_analysed, tmp_path):
    settings = Settings(cache_dir=str(tmp_path))
    fingerprint = analysis_fingerprint(settings)
    report = sample_reports[0]
    with AnalysisCache(tmp_path) as cache:
        cache.put_many([(report_key(report, fingerprint), empty_analysis(sample_analysed[0]))])
    edited = replace(report, text=report.text + "\nUpdated at 10:00.")

    (analysed,) = analyse_cached([edited], settings)

    assert len(analysed.sentences) > len(sample_analysed[0].sentences)
    assert report_key(edited, fingerprint) in stored_rows(tmp_path)


def test_the_key_changes_with_the_text_the_id_and_the_fingerprint(sample_reports):
    report = sample_reports[0]
    fingerprint = analysis_fingerprint()
    key = report_key(report, fingerprint)

    assert report_key(replace(report, path="/elsewhere/a.txt"), fingerprint) == key
    assert report_key(replace(report, text=report.text + " "), fingerprint) != key
    assert report_key(replace(report, id="other"), fingerprint) != key
    assert report_key(report, analysis_fingerprint(Settings(spacy_model="en_core_web_md"))) != key
    # Settings that do not change the analysis keep the key.
    assert analysis_fingerprint(Settings(batch_size=4, processes=1, cache_dir="x")) == fingerprint


def test_a_corrupt_entry_is_recomputed_and_rewritten(sample_reports, sample_analysed, tmp_path):
    settings = Settings(cache_dir=str(tmp_path))
    key = report_key(sample_reports[1], analysis_fingerprint(settings))
    with AnalysisCache(tmp_path) as cache:
        cache.put_many([(key, b"\xc1 corrupt")])

    notes: list[str] = []
    analysed = list(analyse_cached(sample_reports, settings, notes=notes))

    assert analysed == list(sample_analysed)
    assert notes == []
    assert decode_analysis(sample_reports[1], stored_rows(tmp_path)[key]) == sample_analysed[1]


def test_a_file_that_is_not_a_database_means_no_cache_and_a_note(sample_reports, sample_analysed, tmp_path):
    (tmp_path / CACHE_FILE).write_bytes(b"this is not an SQLite database" * 100)
    notes: list[str] = []

    analysed = list(analyse_cached(sample_reports, Settings(cache_dir=str(tmp_path)), notes=notes))

    assert analysed == list(sample_analysed)
    assert len(notes) == 1 and notes[0].startswith("analysis cache off: cannot open")
    assert str(tmp_path / CACHE_FILE) in notes[0]


def test_concurrent_writers_lose_nothing(tmp_path):
    # Several rounds on a new file each: the race is in opening a file nobody has set up yet
    # (about one round in eight lost its cache before the WAL switch waited for the others).
    for round_ in range(30):
        folder = tmp_path / str(round_)
        _write_concurrently(folder, workers=4, batches=20)
        rows = stored_rows(folder)
        assert len(rows) == 4 * 20 * 10
        assert rows["3-19-9"] == bytes([3, 19, 9])


def _write_concurrently(folder: Path, workers: int, batches: int) -> None:
    failures: list[list[str]] = []

    def write(worker: int) -> None:
        with AnalysisCache(folder) as cache:
            for batch in range(batches):
                cache.put_many([(f"{worker}-{batch}-{i}", bytes([worker, batch, i])) for i in range(10)])
            if not cache.usable:
                failures.append(cache.notes)

    threads = [threading.Thread(target=write, args=(worker,)) for worker in range(workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []


def test_build_briefs_with_a_cache_gives_the_same_brief_cold_and_warm(sample_dir, sample_brief, tmp_path):
    settings = Settings(cache_dir=str(tmp_path / "cache"))
    calls: list[tuple[str, int, int]] = []

    cold = build_briefs([sample_dir], settings)
    warm = build_briefs([sample_dir], settings, lambda stage, done, total: calls.append((stage, done, total)))

    assert cold.briefs == warm.briefs == (sample_brief,)
    assert warm.notes == ()
    assert [c for c in calls if c[0] == "analyse"] == [("analyse", n, 3) for n in (1, 2, 3)]


@pytest.mark.slow
def test_two_worker_processes_give_what_one_process_gives(sample_reports, sample_analysed, tmp_path):
    # batch_size 1: three batches, so two workers share the three reports.
    settings = Settings(batch_size=1, processes=2, cache_dir=str(tmp_path))

    parallel = list(analyse_cached(sample_reports, settings))

    assert parallel == list(sample_analysed)
    assert len(stored_rows(tmp_path)) == 3


@hypothesis_settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(garbage=st.binary(max_size=400), cut=st.integers(min_value=0, max_value=5000))
def test_no_corrupt_entry_crashes_decoding(sample_analysed, garbage, cut):
    analysed = sample_analysed[0]
    body = encode_analysis(analysed)

    for corrupt in (garbage, body[:cut] + garbage, body[:cut]):
        decoded = decode_analysis(analysed.report, corrupt)
        assert decoded is None or decoded.report == analysed.report


def test_the_least_recently_used_entries_leave_when_the_cache_is_full(sample_analysed, tmp_path):
    bodies = {f"key-{i}": encode_analysis(a) for i, a in enumerate(sample_analysed)}
    with AnalysisCache(tmp_path) as cache:  # no limit: everything stays
        for key, body in bodies.items():
            cache.put_many([(key, body)])
    assert set(stored_rows(tmp_path)) == set(bodies)
    # Room for the two largest bodies; key-0, the oldest, is read again and so kept.
    room = sum(sorted(len(b) for b in bodies.values())[-2:])
    with AnalysisCache(tmp_path, max_bytes=room) as cache:
        cache.touch(["key-0"])
    kept = stored_rows(tmp_path)
    assert "key-0" in kept and len(kept) == 2
    assert sum(len(b) for b in kept.values()) <= room


def test_the_cache_size_setting_bounds_a_real_run(sample_reports, tmp_path):
    list(analyse_cached(sample_reports, Settings(cache_dir=str(tmp_path), cache_max_mb=0)))
    assert stored_rows(tmp_path) == {}
    list(analyse_cached(sample_reports, Settings(cache_dir=str(tmp_path))))
    assert len(stored_rows(tmp_path)) == len(sample_reports)


def test_the_fingerprint_hashes_the_source_of_subpackages():
    # An edit to the quote rules that forgets to bump STAGE_VERSION must still invalidate the cache.
    import newsweave
    from newsweave.analyse.pipeline import _source_files

    package = Path(newsweave.__file__).parent
    names = {path.relative_to(package).as_posix() for path in _source_files()}
    assert {"analyse/quotes/finder.py", "analyse/quotes/thresholds.py", "analyse/cues.py"} <= names
