"""Finding the input files and reading their bytes, with the checks that need no decoding."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Sequence
from pathlib import Path

from newsweave.ingest.outcome import reject
from newsweave.model import Rejection
from newsweave.settings import Settings

SUPPORTED_SUFFIXES = (".htm", ".html", ".jsonl", ".txt")


def list_inputs(paths: Sequence[str | os.PathLike[str]]) -> list[str | Rejection]:
    """Return the files to read, as given or walked, in input order (directories sorted, recursively).

    Paths that are not directories are passed on unchecked, so that reading them names the problem.
    """
    found: list[str | Rejection] = []
    for given in paths:
        shown = os.fspath(given)
        if Path(shown).is_dir():
            found.extend(_walk(Path(shown), frozenset()))
        else:
            found.append(shown)
    return found


def _walk(directory: Path, ancestors: frozenset[Path]) -> Iterable[str | Rejection]:
    try:
        real = directory.resolve()
        children = sorted(directory.iterdir(), key=lambda child: child.name)
    except OSError as exc:
        return [_unreadable(str(directory), exc)]
    if real in ancestors:  # a symlink back up the tree; its files are listed on the way down already
        return []
    found: list[str | Rejection] = []
    for child in children:
        if child.name.startswith("."):
            continue
        if child.is_dir():
            found.extend(_walk(child, ancestors | {real}))
        else:
            found.append(str(child))
    return found


def read_input(path: str, settings: Settings) -> bytes | Rejection:
    """Return the bytes of the file at ``path``, or why it cannot be read as a report."""
    name = Path(path).name or path
    try:
        info = os.stat(path)
    except OSError as exc:
        return _unreadable(path, exc)
    if not stat.S_ISREG(info.st_mode):  # devices and pipes could block or never end
        return reject(path, "E110", f"{name}: not a regular file")
    suffix = Path(path).suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        shown = f"suffix {suffix!r}" if suffix else "no suffix"
        return reject(path, "E105", f"{name}: {shown}; use one of {', '.join(SUPPORTED_SUFFIXES)}")
    if info.st_size > settings.max_bytes:
        return _too_large(path, info.st_size, settings)
    try:
        with open(path, "rb") as handle:
            # One byte past the limit tells a file that grew since stat (or lies about its size) apart.
            data = handle.read(settings.max_bytes + 1)
    except OSError as exc:
        return _unreadable(path, exc)
    if len(data) > settings.max_bytes:
        return _too_large(path, len(data), settings)
    return data


def _too_large(path: str, size: int, settings: Settings) -> Rejection:
    detail = f"{size:,} bytes > limit {settings.max_bytes:,} (raise max_bytes to accept it)"
    return reject(path, "E103", detail)


def _unreadable(path: str, exc: OSError) -> Rejection:
    name = Path(path).name or path
    why = (exc.strerror or type(exc).__name__).lower()
    return reject(path, "E110", f"{name}: {why}")
