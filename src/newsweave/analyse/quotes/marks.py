"""Quotation marks in the text: the quoted regions, and content ranges widened over or cut to their marks."""

from __future__ import annotations

import re

# Straight, curly, and the doubled apostrophes the New York Times archive uses ('' … '').


_QUOTED = re.compile(r"(?:[\"“]|'')((?:[^\"“”'\n]|'(?!'))*?[^\"“”'\n\s](?:[^\"“”'\n]|'(?!'))*?)(?:[\"”]|'')")


def _close_quote(text: str, start: int, end: int) -> tuple[int, int]:
    """Return the range extended over a closing mark it leaves open ('demanded "immediate release"')."""
    marks = text.count('"', start, end) + text.count("“", start, end) + text.count("”", start, end)
    marks += text.count("''", start, end)
    # The punctuation before the closing mark belongs to the quote: 'were handed out "like candy."'
    closing = _CLOSING.match(text[end : end + 4])
    if marks % 2 and closing:
        return start, end + closing.end()
    return start, end


_OPENING = '"“'
# A closing mark, with the punctuation it encloses ('"like candy."', '"…," she said').
_CLOSING = re.compile(r"[,.!?]?\s?(?:[\"”]|'')")


def _with_marks(text: str, start: int, end: int) -> tuple[int, int]:
    """Return the range widened over the quotation marks around it and the punctuation they enclose."""
    closes = _CLOSING.match(text[end : end + 4])
    if start >= 2 and text[start - 2 : start] == "''" and closes:
        return start - 2, end + closes.end()
    if start > 0 and text[start - 1] in _OPENING and closes:
        return start - 1, end + closes.end()
    if text[start : start + 1] in _OPENING and closes and text.count('"', start, end) % 2:
        return start, end + closes.end()
    return start, end


def _strip_outer_marks(text: str, start: int, end: int) -> tuple[int, int]:
    while end - start > 2 and text[end - 1] in ", ":  # '"… safeguarded," Bazoum said'
        end -= 1
    if (
        end - start > 2
        and text[start] in '"“'
        and text[end - 1] in '"”'
        and '"' not in text[start + 1 : end - 1]
    ):
        return start + 1, end - 1
    return start, end
