"""Word overlap between statements: the cheap similarity the align stage compares sentences with.

spaCy stays in the analyse stage, so this works on text: content words, a crude plural and
inflection fold, the overlap coefficient, and an inverted index so a sentence is compared only
with sentences that share a word with it.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from functools import lru_cache

_WORD = re.compile(r"[A-Za-z][A-Za-z'-]+")
_STOP = frozenset(
    """the a an of in on at to for and or but with from by as is was were are be been has have had
    that this it its his her their they he she which who after before since over said says last
    next monday tuesday wednesday thursday friday saturday sunday january february march april may
    june july august september october november december night morning week""".split()
)


@lru_cache(maxsize=65_536)
def content_words(text: str) -> frozenset[str]:
    """Return the lower-cased content words of a text (no stop words, weekdays or months)."""
    return frozenset({w.lower().removesuffix("'s") for w in _WORD.findall(text)} - _STOP)


@lru_cache(maxsize=65_536)
def stems(text: str) -> frozenset[str]:
    """Return the folded content words of a text."""
    return frozenset(_stem(w) for w in content_words(text))


def similarity(a: str, b: str) -> float:
    """Return the overlap coefficient of two texts' folded content words."""
    return overlap(stems(a), stems(b))


def overlap(words_a: frozenset[str], words_b: frozenset[str]) -> float:
    """Return |A ∩ B| / min(|A|, |B|), 0 when either is empty."""
    if not words_a or not words_b:
        return 0.0
    return len(words_a & words_b) / min(len(words_a), len(words_b))


def _stem(word: str) -> str:
    for suffix in ("ations", "ation", "ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


class OverlapIndex:
    """Finds, for a text, whether any indexed text of another group overlaps it enough."""

    def __init__(self, items: Iterable[tuple[str, str]]) -> None:
        self.groups: list[str] = []
        self.words: list[frozenset[str]] = []
        self.postings: dict[str, list[int]] = defaultdict(list)
        for group, text in items:
            words = stems(text)
            for word in words:
                self.postings[word].append(len(self.words))
            self.groups.append(group)
            self.words.append(words)

    def shared_elsewhere(self, group: str, text: str, threshold: float) -> bool:
        """Return True when a text of another group overlaps ``text`` by at least ``threshold``."""
        words = stems(text)
        if not words:
            return False
        counts: Counter[int] = Counter()
        for word in words:
            counts.update(self.postings.get(word, ()))
        for item, shared in counts.items():
            if self.groups[item] != group and shared / min(len(words), len(self.words[item])) >= threshold:
                return True
        return False
