"""Quotes with their speakers resolved to the story's canonical actors, repeated statements merged."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from newsweave.align.words import similarity
from newsweave.model import Actor, AnalysedReport, AttributedQuote, Quote, Span

_SAME_STATEMENT = 0.8


def attribute_quotes(
    analysed: Sequence[AnalysedReport], by_mention: Mapping[Span, Actor]
) -> tuple[AttributedQuote, ...]:
    """Return every quote with its canonical speaker; a statement repeated by several reports is kept once."""
    by_name = {
        alias.lower(): actor for actor in set(by_mention.values()) for alias in (actor.name, *actor.aliases)
    }
    kept: list[AttributedQuote] = []
    for report in analysed:
        for quote in report.quotes:
            speaker = _speaker(quote, by_mention, by_name)
            twin = next(
                (
                    k
                    for k in kept
                    if k.speaker == speaker and similarity(k.quote.text, quote.text) >= _SAME_STATEMENT
                ),
                None,
            )
            if twin is not None and twin.quote.content.report_id != quote.content.report_id:
                kept[kept.index(twin)] = AttributedQuote(
                    twin.quote, twin.speaker, (*twin.also_in, quote.content)
                )
            else:
                kept.append(AttributedQuote(quote, speaker))
    return tuple(kept)


def _speaker(quote: Quote, by_mention: Mapping[Span, Actor], by_name: Mapping[str, Actor]) -> str | None:
    if quote.speaker_mention is not None and quote.speaker_mention in by_mention:
        return by_mention[quote.speaker_mention].name
    if quote.speaker_name:
        actor = by_name.get(quote.speaker_name.lower())
        return actor.name if actor is not None else quote.speaker_name
    return None
