"""Posts embedded whole in a report ("text — Name (@handle) Month D, YYYY"): the signer said the text."""

from __future__ import annotations

import re

from newsweave.analyse.quotes.base import _build_quote, _Source
from newsweave.model import EntityMention, Quote, Sentence, Span

# An embedded post's signature: "— France Diplomatie (@francediplo) August 2, 2023", on its own line
# or after the post's text. The name before the handle is the speaker; the post's text is what is said.
_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_SIGNATURE = re.compile(
    r"(?:^|\s)[—–]\s*(?P<name>[^\n—–()]{1,80}?)\s*\(@\w{1,30}\)\s+(?:" + _MONTHS + r")\s+\d{1,2},\s+\d{4}"
)
_IMAGE_LINK = re.compile(r"\s*(?:pic\.twitter\.com/\S+|https?://t\.co/\S+)\s*$")


def _embedded_posts(
    text: str, report_id: str, sentences: tuple[Sentence, ...], mentions: tuple[EntityMention, ...]
) -> list[Quote]:
    """Return the posts quoted whole in the report ("text — Name (@handle) Month D, YYYY"): the
    name that signs a post is its speaker, its text the direct quote."""
    found = []
    for match in _SIGNATURE.finditer(text):
        content = _post_text(text, match.start())
        name = re.match(r".*\w[.)]?", match.group("name"))  # without the flag emojis after it
        if content is None or name is None:
            continue
        start = match.start("name")
        source = Span(report_id, start, start + name.end())
        mention = next((m for m in mentions if m.span == source), None)
        signer = text[source.start : source.end]
        index = next((s.index for s in sentences if s.span.start <= content[0] < s.span.end), 0)
        speaker = _Source(source, signer, mention, signer)
        found.append(_build_quote(text, Span(report_id, *content), "direct", index, None, speaker))
    return found


def _post_text(text: str, signature: int) -> tuple[int, int] | None:
    """Return the post's text before its signature: the same line, or the line above it."""
    line_start = text.rfind("\n", 0, signature) + 1
    start, end = line_start, signature
    if not text[start:end].strip():
        end = line_start - 1
        start = text.rfind("\n", 0, max(end, 0)) + 1
    if end <= start:
        return None
    post = _IMAGE_LINK.sub("", text[start:end])  # the picture's link is not said
    stripped = post.strip()
    if len(stripped.split()) < 2:
        return None
    start += len(post) - len(post.lstrip())
    return start, start + len(stripped)
