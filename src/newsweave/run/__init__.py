"""Orchestration of the stages; batching, caching, parallelism and progress."""

from newsweave.run.analysis import Progress, analyse_cached
from newsweave.run.pipeline import (
    EXIT_NOTHING_USABLE,
    EXIT_OK,
    EXIT_SOME_REJECTED,
    EXIT_USAGE,
    RunResult,
    build_briefs,
    write_outputs,
)

__all__ = [
    "EXIT_NOTHING_USABLE",
    "EXIT_OK",
    "EXIT_SOME_REJECTED",
    "EXIT_USAGE",
    "Progress",
    "RunResult",
    "analyse_cached",
    "build_briefs",
    "write_outputs",
]
