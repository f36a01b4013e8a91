"""The analysis cache: one SQLite file of encoded analyses, so a second run over a corpus only aligns.

An entry's key is a hash of the analyse stage's fingerprint (stage version, spaCy, model, source; see
``analysis_fingerprint``), the report's id (it is in every span) and its text. The value is the
analysis without the report (MessagePack, via msgspec, which checks every field's type and runs each
dataclass's ``__post_init__`` on the way back in), so a report that moved keeps its analysis.
A stale entry is never looked up (its key changed); a corrupt one fails to decode and is recomputed;
a database that cannot be opened means a run without cache, with a note saying why. SQLite in WAL
mode with a busy timeout lets concurrent runs read and write the same file safely.

Each entry records when it was last stored or read. When a run closes the cache and the analyses
hold more than ``max_bytes``, the least recently used go first: entries of an older analyse stage
are never read again, so an upgrade's dead entries are the first to leave.
"""

from __future__ import annotations

import contextlib
import hashlib
import sqlite3
import time
from collections.abc import Iterable, Sequence
from pathlib import Path

import msgspec

from newsweave.model import AnalysedReport, EntityMention, Figure, Quote, Report, Sentence, TimeExpression

CACHE_FILE = "analysis.sqlite"
# Bump when the table layout changes; a file of another version is left alone and the run goes uncached.
FORMAT_VERSION = 1
BUSY_TIMEOUT_MS = 60_000  # another run may hold the write lock while it stores a batch
LOOKUP_CHUNK = 500  # keys per SELECT … IN (…), under SQLite's limit on bound parameters

Parts = tuple[
    tuple[Sentence, ...],
    tuple[EntityMention, ...],
    tuple[TimeExpression, ...],
    tuple[Figure, ...],
    tuple[Quote, ...],
    tuple[str, ...],  # the steps that failed on the report
]
_encoder = msgspec.msgpack.Encoder()
_decoder = msgspec.msgpack.Decoder(Parts)


def encode_analysis(analysed: AnalysedReport) -> bytes:
    """Return the analysis of one report as bytes, without the report itself."""
    a = analysed
    return _encoder.encode((a.sentences, a.mentions, a.timexes, a.figures, a.quotes, a.problems))


def decode_analysis(report: Report, body: bytes) -> AnalysedReport | None:
    """Return the analysis stored in ``body`` attached to ``report``, or None when it does not decode.

    Every span is checked against the report on the way (AnalysedReport.__post_init__), so an entry
    that belongs to another text is refused too.
    """
    try:
        sentences, mentions, timexes, figures, quotes, problems = _decoder.decode(body)
        return AnalysedReport(report, sentences, mentions, timexes, figures, quotes, problems)
    except (msgspec.DecodeError, ValueError, TypeError):
        return None


def report_key(report: Report, fingerprint: str) -> str:
    """Return the cache key of a report's analysis under an analyse-stage fingerprint."""
    digest = hashlib.sha256()
    for part in (fingerprint, report.id, report.text):
        digest.update(part.encode("utf-8", "surrogatepass") + b"\0")
    return digest.hexdigest()


class AnalysisCache:
    """Encoded analyses in ``folder/analysis.sqlite``; every failure becomes a note, never an error."""

    def __init__(self, folder: str | Path, max_bytes: int | None = None) -> None:
        self.path = Path(folder) / CACHE_FILE
        self.max_bytes = max_bytes
        self.notes: list[str] = []
        self._db: sqlite3.Connection | None = None
        try:
            self._db = self._open()
        except (OSError, sqlite3.Error) as exc:
            self._disable("cannot open", exc)

    @property
    def usable(self) -> bool:
        return self._db is not None

    def keys_present(self, keys: Sequence[str]) -> set[str]:
        """Return which of ``keys`` have an entry."""
        found: set[str] = set()
        for start in range(0, len(keys), LOOKUP_CHUNK):
            chunk = keys[start : start + LOOKUP_CHUNK]
            marks = ",".join("?" * len(chunk))
            rows = self._query(f"SELECT key FROM analyses WHERE key IN ({marks})", chunk)
            found.update(str(row[0]) for row in rows)
        return found

    def get(self, key: str) -> bytes | None:
        """Return the stored bytes of ``key``, or None."""
        rows = self._query("SELECT body FROM analyses WHERE key = ?", (key,))
        return rows[0][0] if rows and isinstance(rows[0][0], bytes) else None

    def put_many(self, entries: Iterable[tuple[str, bytes]]) -> None:
        """Store the entries in one transaction; a failure is noted and the run goes on."""
        if self._db is None:
            return
        rows = [(key, body, time.time()) for key, body in entries]
        try:
            # BEGIN IMMEDIATE takes the write lock up front, so a concurrent writer waits on the
            # busy timeout instead of failing halfway through the batch.
            self._db.execute("BEGIN IMMEDIATE")
            self._db.executemany("INSERT OR REPLACE INTO analyses (key, body, stored) VALUES (?, ?, ?)", rows)
            self._db.execute("COMMIT")
        except sqlite3.Error as exc:
            self._rollback()
            self._disable("cannot write to", exc)

    def touch(self, keys: Sequence[str]) -> None:
        """Mark ``keys`` as just used, so that eviction keeps them."""
        now = time.time()
        for start in range(0, len(keys), LOOKUP_CHUNK):
            chunk = list(keys[start : start + LOOKUP_CHUNK])
            marks = ",".join("?" * len(chunk))
            self._write(f"UPDATE analyses SET stored = ? WHERE key IN ({marks})", [now, *chunk])

    def evict(self) -> None:
        """Drop the least recently used entries until the bodies hold at most ``max_bytes``."""
        if self.max_bytes is None:
            return
        # length() of a BLOB reads its size from the record header, not the blob itself.
        self._write(
            "DELETE FROM analyses WHERE key IN (SELECT key FROM (SELECT key, SUM(length(body)) "
            "OVER (ORDER BY stored DESC, key) AS kept FROM analyses) WHERE kept > ?)",
            [self.max_bytes],
        )

    def close(self) -> None:
        self.evict()
        self._drop()

    def __enter__(self) -> AnalysisCache:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def _open(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        # isolation_level=None: transactions are ours (BEGIN IMMEDIATE … COMMIT), not implicit.
        db = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
        try:
            db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            _enter_wal_mode(db)
            # The layout is checked and created in one transaction under the write lock, so two
            # runs opening a new file at once cannot interleave the check and the creation.
            db.execute("BEGIN IMMEDIATE")
            version = db.execute("PRAGMA user_version").fetchone()[0]
            if version not in (0, FORMAT_VERSION):
                raise sqlite3.DatabaseError(f"cache format {version}, expected {FORMAT_VERSION}")
            db.execute(
                "CREATE TABLE IF NOT EXISTS analyses (key TEXT PRIMARY KEY, body BLOB NOT NULL, stored REAL)"
            )
            db.execute(f"PRAGMA user_version = {FORMAT_VERSION}")
            db.execute("COMMIT")
        except sqlite3.Error:
            db.close()
            raise
        return db

    def _query(self, sql: str, params: Sequence[str]) -> list[tuple[object, ...]]:
        if self._db is None:
            return []
        try:
            return self._db.execute(sql, params).fetchall()
        except sqlite3.Error as exc:
            self._disable("cannot read", exc)
            return []

    def _write(self, sql: str, params: Sequence[object]) -> None:
        if self._db is None:
            return
        try:
            self._db.execute("BEGIN IMMEDIATE")
            self._db.execute(sql, params)
            self._db.execute("COMMIT")
        except sqlite3.Error as exc:
            self._rollback()
            self._disable("cannot write to", exc)

    def _rollback(self) -> None:
        if self._db is not None and self._db.in_transaction:
            with contextlib.suppress(sqlite3.Error):  # the connection is dropped next anyway
                self._db.execute("ROLLBACK")

    def _disable(self, what: str, exc: Exception) -> None:
        self.notes.append(f"analysis cache off: {what} {self.path}: {exc}; analysing without it")
        self._drop()

    def _drop(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None


def _enter_wal_mode(db: sqlite3.Connection) -> None:
    """Switch the file to WAL (readers never block the writer, nor it them), waiting out other runs.

    The switch needs the file to itself, and SQLite reports "locked" at once, without its busy
    handler, when another connection is opening the same new file; so it is retried until the
    busy timeout.
    """
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            db.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.01)
