"""The state one report's attribution pass shares, and the building of Quote items from it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from spacy.tokens import Doc, Token

from newsweave.analyse.cues import load_cue_model
from newsweave.analyse.quotes.marks import _QUOTED, _close_quote, _strip_outer_marks, _with_marks
from newsweave.analyse.quotes.rerank import load_judge
from newsweave.model import EntityMention, Quote, Sentence, Span


@dataclass(frozen=True, slots=True)
class _Source:
    span: Span | None
    text: str
    mention: EntityMention | None
    name: str


_NO_SOURCE = _Source(None, "", None, "")


def _source_of_mention(mention: EntityMention) -> _Source:
    """Return the source that is a named mention, as written."""
    return _Source(mention.span, mention.text, mention, mention.text)


def _build_quote(text: str, content: Span, kind: str, index: int, cue: Span | None, source: _Source) -> Quote:
    """Return the Quote of a content range, with its cue and its source's fields."""
    return Quote(
        content=content,
        text=text[content.start : content.end],
        kind=kind,
        sentence=index,
        cue=cue,
        cue_text=cue.text_of(text) if cue else "",
        source=source.span,
        source_text=source.text,
        speaker_mention=source.mention.span if source.mention else None,
        speaker_name=source.name,
    )


class _FinderState:
    """One report's pass: its parse and text, the quoted regions, and what earlier sentences found.
    The rule classes (sources, contents, cue spans, continuations) share it as their base."""

    def __init__(
        self, doc: Doc, report_id: str, sentences: tuple[Sentence, ...], mentions: tuple[EntityMention, ...]
    ) -> None:
        self.doc, self.report_id, self.sentences, self.mentions = doc, report_id, sentences, mentions
        self.text = doc.text  # Doc.text rebuilds the string on every access
        self.mention_at_char = {m.span.start: m for m in reversed(mentions)}  # the first one at each start
        self.quoted = [(m.start(1), m.end(1)) for m in _QUOTED.finditer(self.text)]
        self.used: set[tuple[int, int]] = set()
        self.quotes: list[Quote] = []
        self.last_source = _NO_SOURCE
        self.last_person = _NO_SOURCE
        self.previous_subject: EntityMention | None = None
        self.cue_model = load_cue_model()
        # The reranker judges every cue's attribution; the rules build from its (lower) thresholds.
        self.judge = load_judge()
        self.thresholds = self.judge.candidates
        self._probabilities: dict[int, float] = {}

    # -- building quotes ---------------------------------------------------------------------------
    def _quote(
        self, start: int, end: int, index: int, cue: Span | None, source: _Source, remember: bool = True
    ) -> Quote:
        start, end = _strip_outer_marks(self.text, *_close_quote(self.text, start, end))
        kind = self._kind(start, end)
        # PolNeAR's convention, which the brief follows too: a direct quote's span keeps its
        # quotation marks and the punctuation inside them ('"… safeguarded,"').
        start, end = _with_marks(self.text, start, end)
        said = self.text[start:end]
        if kind == "indirect" and said.rstrip(" .\n") and not re.search(r"\b(?:[A-Z]\.){2,}$", said.rstrip()):
            end = start + len(said.rstrip(" .\n"))  # a sentence's full stop is not said, "U.S." keeps its own
        if remember and (source.text or source.name):
            self.last_source = source
            if source.mention is not None and source.mention.label == "PERSON":
                self.last_person = source
        return _build_quote(self.text, self._span(start, end), kind, index, cue, source)

    def _kind(self, start: int, end: int) -> str:
        if any(a <= start and end <= b for a, b in self.quoted):
            return "direct"
        inside = [(a, b) for a, b in self.quoted if start <= a and b <= end]
        if not inside:
            return "indirect"
        # Direct only when every word is inside the marks: 'he "remains …"' is mixed.
        outside = self.text[start : inside[0][0]] + self.text[inside[-1][1] : end]
        outside += "".join(self.text[b:a] for (_, b), (a, _) in pairwise(inside))
        return "mixed" if re.search(r"\w", outside) else "direct"

    def _in_quote(self, char: int) -> bool:
        return any(a <= char < b for a, b in self.quoted)

    def _cue_probability(self, token: Token) -> float:
        """Return the cue model's probability that the token heads a cue, scored once per token
        (several rules ask about the same verb)."""
        if token.i not in self._probabilities:
            self._probabilities[token.i] = self.cue_model.probability(token)
        return self._probabilities[token.i]

    def _previous_sentence(self, index: int) -> Sentence | None:
        return self.sentences[index - 1] if index > 0 else None

    def _span(self, start: int, end: int) -> Span:
        return Span(self.report_id, start, end)
