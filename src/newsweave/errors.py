"""One exception root, and the coded reasons an input can be rejected for.

Codes are stable: users search for them. Add new ones at the end of their range.
"""

from __future__ import annotations


class NewsweaveError(Exception):
    """Root of every error newsweave raises."""


class InputError(NewsweaveError, ValueError):
    """A call was made with arguments that cannot work (a bad option, a wrong type).

    A path that does not exist is bad data, not a bad call: it becomes a Rejection (E110).
    """


class ModelLoadError(NewsweaveError, RuntimeError):
    """The spaCy model could not be loaded."""


# Reasons for a Rejection (bad data, not a bad call). Messages read "E101 empty file: …".
REJECTION_CODES: dict[str, str] = {
    "E101": "empty file",
    "E102": "binary file",
    "E103": "file too large",
    "E104": "undecodable text",
    "E105": "unsupported file type",
    "E106": "malformed JSON",
    "E107": "missing report text",
    "E108": "malformed or empty HTML",
    "E109": "too little text",
    "E110": "unreadable path",
    "E111": "invalid field",
}


def describe(code: str, detail: str) -> str:
    """Return the user-facing message for a rejection code and its detail."""
    return f"{code} {REJECTION_CODES[code]}: {detail}"
