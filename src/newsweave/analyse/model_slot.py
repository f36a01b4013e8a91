"""The model a scoring step uses: the one shipped in the package, or one swapped in for a while.

Training and cross-validation (`eval/polnear.py`) score held-out articles with models fitted on the
other folds through the very attribution step the pipeline runs; a slot lets them swap a model in
without threading it through every call.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Generic, TypeVar

M = TypeVar("M")


class ModelSlot(Generic[M]):
    """Holds the shipped model's loader and a stack of models swapped in."""

    def __init__(self, load_shipped: Callable[[], M]) -> None:
        self._load_shipped = load_shipped
        self._swapped: list[M] = []

    def current(self) -> M:
        """Return the innermost model swapped in, or the shipped one."""
        return self._swapped[-1] if self._swapped else self._load_shipped()

    @contextmanager
    def swapped(self, model: M) -> Iterator[None]:
        """Make `current` return `model` inside the block."""
        self._swapped.append(model)
        try:
            yield
        finally:
            self._swapped.pop()
