"""Marking exact and near-duplicate reports (word 5-gram shingles, MinHash LSH, exact Jaccard)."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

import numpy as np

from newsweave.model import Report

SHINGLE_WORDS = 5
NUM_PERM = 128
_MAX_LSH_THRESHOLD = 0.95
_WORD = re.compile(r"\w+")
# Any odd 64-bit multiplier mixes the word hashes of a shingle in order; this one is splitmix64's.
_MULTIPLIER = np.uint64(0x9E3779B97F4A7C15)


def text_sha1(text: str) -> str:
    """Return the SHA-1 hex digest of ``text`` with its whitespace collapsed to single spaces."""
    return hashlib.sha1(" ".join(text.split()).encode("utf-8", "surrogatepass")).hexdigest()


@dataclass(frozen=True, slots=True)
class _Match:
    first: int  # index of the earliest report of the group
    similarity: float


def mark_duplicates(reports: Sequence[Report], threshold: float) -> list[Report]:
    """Return the reports with ``duplicate_of`` and ``duplicate_similarity`` set on repeats.

    Each report is compared with the earlier reports that are not themselves duplicates, so
    ``duplicate_of`` always names the first report of its group and the similarity is to that one.
    """
    matches = _find_matches(reports, threshold)
    return [
        replace(report, duplicate_of=reports[m.first].id, duplicate_similarity=m.similarity)
        if (m := matches.get(i))
        else report
        for i, report in enumerate(reports)
    ]


def _find_matches(reports: Sequence[Report], threshold: float) -> dict[int, _Match]:
    # Imported here: datasketch pulls in scipy, which takes most of a second.
    from datasketch import MinHash, MinHashLSH

    # datasketch cannot band above ~0.98 with 128 permutations; exact Jaccard applies the real threshold.
    lsh = MinHashLSH(threshold=min(threshold, _MAX_LSH_THRESHOLD), num_perm=NUM_PERM)
    template = MinHash(num_perm=NUM_PERM, scheme="affine64")
    firsts: dict[str, int] = {}  # sha1 -> index of its first report
    leaders: dict[int, np.ndarray] = {}  # index -> shingles of reports that start a group
    word_hashes: dict[str, int] = {}  # each distinct word is hashed once per call
    matches: dict[int, _Match] = {}
    for i, report in enumerate(reports):
        if report.sha1 in firsts:  # exact repeat: same group, same similarity as its first copy
            first = firsts[report.sha1]
            matches[i] = matches.get(first, _Match(first, 1.0))
            continue
        firsts[report.sha1] = i
        shingles = _shingles(report.text, word_hashes)
        if not shingles.size:
            continue
        minhash = _minhash(shingles, template)
        if match := _confirm(lsh.query(minhash), shingles, leaders, threshold):
            matches[i] = match
        else:
            lsh.insert(i, minhash)
            leaders[i] = shingles
    return matches


def _confirm(
    candidates: list[int], shingles: np.ndarray, leaders: dict[int, np.ndarray], threshold: float
) -> _Match | None:
    """Return the earliest candidate whose exact Jaccard similarity reaches the threshold."""
    for first in sorted(candidates):
        similarity = _jaccard(shingles, leaders[first])
        if similarity >= threshold:
            return _Match(first, similarity)
    return None


def _jaccard(a: np.ndarray, b: np.ndarray) -> float:
    common = np.intersect1d(a, b, assume_unique=True).size
    return common / (a.size + b.size - common)


def _shingles(text: str, word_hashes: dict[str, int]) -> np.ndarray:
    """Return the sorted, distinct 64-bit hashes of the text's lower-cased word 5-grams."""
    words = _WORD.findall(text.lower())
    for word in set(words).difference(word_hashes):
        word_hashes[word] = _word_hash(word)
    hashes = np.fromiter(map(word_hashes.__getitem__, words), dtype=np.uint64, count=len(words))
    width = min(SHINGLE_WORDS, len(words))  # a text shorter than one shingle is one shingle
    count = len(words) - width + 1 if words else 0
    combined = np.zeros(count, dtype=np.uint64)
    for offset in range(width):
        combined = combined * _MULTIPLIER + hashes[offset : offset + count]
    return np.unique(combined)


def _word_hash(word: str) -> int:
    # A content hash, not a running number, so a text's shingles do not depend on the input order.
    digest = hashlib.blake2b(word.encode("utf-8", "surrogatepass"), digest_size=8).digest()
    return int.from_bytes(digest, "little")


def _minhash(shingles: np.ndarray, template: Any) -> Any:
    from datasketch import MinHash

    # The shingles are hashes already: int passes them through to the 64-bit permutations, which
    # are drawn once (in the template) rather than for every report.
    minhash = MinHash(num_perm=NUM_PERM, scheme="affine64", hashfunc=int, permutations=template.permutations)
    minhash.update_batch(shingles.tolist())
    return minhash
