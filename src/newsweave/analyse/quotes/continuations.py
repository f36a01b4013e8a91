"""Quotations with no cue of their own: continuing the last speaker, or joined to a quote the cue split."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span as SpacySpan

from newsweave.analyse.quotes.base import _FinderState
from newsweave.analyse.quotes.marks import _with_marks
from newsweave.model import Quote

_MIN_DIRECT_WORDS = 4


class _Continuations(_FinderState):
    def _absorb_continuation(self, quote: Quote) -> Quote:
        """Return the quote merged with the cue-less quote it overlaps: a quote of several sentences
        ('"Bazoum was very fragile. His election …," Antil told AFP') gets its cue in the last one."""
        earlier = next(
            (
                q
                for q in self.quotes
                if q.cue is None
                and q.content.start < quote.content.end
                and quote.content.start < q.content.end
            ),
            None,
        )
        if earlier is None:
            return quote
        self.quotes.remove(earlier)
        start, end = (
            min(earlier.content.start, quote.content.start),
            max(earlier.content.end, quote.content.end),
        )
        return replace(
            quote, content=self._span(start, end), text=self.text[start:end], kind=earlier.kind, parts=()
        )

    # -- quotes with no cue in their sentence ---------------------------------------------------
    def _continuation_quotes(self, sent: SpacySpan, index: int) -> None:
        for region in self.quoted:
            a, b = region
            inside = sent.start_char <= a < sent.end_char
            if not inside or region in self.used or len(self.text[a:b].split()) < _MIN_DIRECT_WORDS:
                continue
            if any(q.content.start <= a < q.content.end for q in self.quotes):
                continue
            if self._join_interrupted(a, b):
                self.used.add(region)
            elif self.last_source.text or self.last_source.name:
                self.used.add(region)
                self.quotes.append(self._quote(a, b, index, None, self.last_source, remember=False))

    def _join_interrupted(self, a: int, b: int) -> bool:
        """Return whether the quote at a..b continues the last quote across its cue, joining them."""
        previous = self.quotes[-1] if self.quotes else None
        if previous is None or previous.cue is None or previous.kind != "direct":
            return False
        gap = self.text[previous.content.end : a]
        cue_between = previous.content.end <= previous.cue.start and previous.cue.end <= a
        if not cue_between or "\n" in gap or len(gap) > 120:
            return False
        start, end = _with_marks(self.text, a, b)
        parts = (*(previous.parts or (previous.content,)), self._span(start, end))
        self.quotes[-1] = replace(
            previous,
            content=self._span(previous.content.start, end),
            text=self.text[previous.content.start : end],
            parts=parts,
        )
        return True
