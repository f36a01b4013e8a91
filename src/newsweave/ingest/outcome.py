"""What reading one input can give: a Report or a Rejection, and the helpers every reader shares."""

from __future__ import annotations

from newsweave.errors import describe
from newsweave.model import Rejection, Report

Outcome = Report | Rejection


def reject(path: str, code: str, detail: str) -> Rejection:
    """Return a Rejection of ``path`` whose reason is the coded message for ``detail``."""
    return Rejection(path=path, code=code, reason=describe(code, detail))


def normalise_newlines(text: str) -> str:
    """Return ``text`` with Windows line ends turned into ``\\n``; nothing else changes, so offsets hold."""
    return text.replace("\r\n", "\n")
