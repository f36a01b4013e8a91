"""The cue span as PolNeAR marks it: the verb with its auxiliaries, particles and prepositions."""

from __future__ import annotations

import re

from spacy.tokens import Token

from newsweave.analyse.cue_edges import CueContext, choose_edges
from newsweave.analyse.lexicon import SPEECH_VERBS
from newsweave.analyse.quotes.base import _FinderState
from newsweave.analyse.quotes.clauses import _STANCE_PREPS, _calls_for
from newsweave.analyse.quotes.tokens import _char_range, _joined_appeal
from newsweave.model import Quote, Span


class _CueSpans(_FinderState):
    def _cue_span(
        self, verb: Token, content: tuple[int, int] | None = None, inner: Token | None = None
    ) -> Span:
        # PolNeAR's cues: the verb with its auxiliaries, negation, particle and an adverb just before
        # it ("has also said", "further wrote"), and a colon after it ("said:"), but not whom it was
        # said to ("told [LCI TV]"). When and where it was said ("said in an interview on Monday")
        # is in the cue as often as not: leaving it out scores better on dev.
        tokens = [verb]
        for token in reversed(self.doc[max(verb.i - 3, 0) : verb.i]):
            if token.head.i != verb.i or token.dep_ not in ("aux", "auxpass", "neg", "advmod"):
                break
            if token.lower_ in ("when", "whenever", "while"):
                break  # "when [asked]": the clause's conjunction is not part of the cue
            tokens.append(token)
        tokens += [c for c in verb.children if c.dep_ == "prt" and c.i == verb.i + 1]
        if _joined_appeal(verb):  # "[joined nations appealing for]": the joining says it
            tokens += self.doc[verb.head.head.i : verb.i]
        if inner is not None:
            tokens += self.doc[verb.i + 1 : inner.i + 1]
            verb = inner
        if verb.lemma_ in ("call", "appeal"):
            tokens += [c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("for", "on")]
            tokens += [c.left_edge for c in _calls_for(verb)]
        tokens += self._cue_tail(verb, max(t.i for t in tokens) + 1, content)
        start, end = _char_range(tokens) or (verb.idx, verb.idx + len(verb.text))
        return self._span(start, end)

    def _preposition_into_cue(self, cue: Span, content: tuple[int, int]) -> tuple[Span, tuple[int, int]]:
        """Return the cue and content with a preposition between them moved into the cue: PolNeAR's
        annotators write "spoke about [how …]", "criticism of [X]", "pleaded to [X]" (on train the
        preposition is in the cue about 2,350 times, in the content about 160)."""
        if cue.end > content[0]:
            return cue, content
        words = self.doc.char_span(cue.end, content[1], alignment_mode="contract")
        between = list(words[:2]) if words is not None else []
        if not between or not _is_cue_preposition(between[0]):
            return cue, content
        prep = between[0]
        end = prep.idx + len(prep.text)
        if prep.idx >= content[0]:  # the content starts with it: it must keep some words
            if len(between) < 2 or between[1].idx >= content[1]:
                return cue, content
            content = (between[1].idx, content[1])
        elif between[1:] and between[1].idx < content[0]:
            return cue, content  # more than the preposition lies between them
        return self._span(cue.start, end), content

    def _clear_into_cue(self, cue: Span, content: tuple[int, int]) -> tuple[Span, tuple[int, int]]:
        """Return "[made it clear] [that …]": PolNeAR's cue keeps "it clear" (train: always)."""
        words = re.match(r"(?:it\s+)?clear\b\s*", self.text[content[0] : content[1]], flags=re.IGNORECASE)
        if cue.end > content[0] or words is None or content[0] + words.end() >= content[1]:
            return cue, content
        return self._span(cue.start, content[0] + len(words.group().rstrip())), (
            content[0] + words.end(),
            content[1],
        )

    def _learned_edges(
        self, head: Token, cue: Span, content: tuple[int, int], source: Span | None
    ) -> tuple[Span, tuple[int, int]]:
        """Return the cue with the first and last words the edge model chooses around the rules'
        cue, and the content without the words that moved into the cue ("made [these allegations
        against] [the NRA]"). A speaker's colon and a joined appeal keep their hand rules."""
        words = self.doc.char_span(cue.start, cue.end, alignment_mode="expand")
        if words is None or head.text == ":" or _joined_appeal(head) or not words.start <= head.i < words.end:
            return cue, content
        where = (source.start, source.end) if source is not None else None
        edges = choose_edges(CueContext(head, words.start, words.end - 1, content, where))
        first, last = self.doc[edges.first], self.doc[edges.last]
        if edges.content_start is not None:
            content = (edges.content_start, content[1])
        return self._span(first.idx, last.idx + len(last.text)), content

    def _cue_tail(self, verb: Token, i: int, content: tuple[int, int] | None) -> list[Token]:
        """Return the words after the cue verb that PolNeAR counts in the cue, up to the content."""
        tail: list[Token] = []
        while i < len(self.doc) and (content is None or not content[0] <= self.doc[i].idx < content[1]):
            token = self.doc[i]
            if token.text == ":":
                return [*tail, token]
            if token.head.i == verb.i and token.dep_ == "prep" and content is not None:
                pobj = next((c for c in token.children if c.dep_ == "pobj"), None)
                starts_content = pobj is not None and min(t.idx for t in pobj.subtree) == content[0]
                return [*tail, token] if starts_content else tail
            elif token.head.i == verb.i and token.dep_ == "acomp":
                # "are hopeful", "have been critical [of]": the adjective and its preposition.
                words = [
                    token,
                    *(
                        c
                        for c in token.children
                        if c.dep_ == "prep" and c.i == token.i + 1 and c.lower_ in _STANCE_PREPS
                    ),
                ]
            elif token.head.i == verb.i and token.dep_ == "advmod" and token.pos_ == "ADV" and not tail:
                words = [token]  # "shot [back]", "reacted [skeptically]"
            elif token.head.i == verb.i and token.dep_ == "aux" and token.lower_ == "to":
                words = [token]  # "seemed [to think]"
            elif token.head.i == verb.i and token.dep_ == "xcomp" and token.lemma_.lower() in SPEECH_VERBS:
                words = [token]
            else:
                return tail
            tail += words
            i = max(t.i for t in words) + 1
        return tail


def _is_cue_preposition(token: Token) -> bool:
    # "about", "of", "on", "against", … and "for" as spaCy sometimes tags it ("called for [X to …]");
    # an infinitive's "to" stays in the content ("vowed [to fight]"), as the annotators write it.
    if token.pos_ != "ADP" and token.lower_ != "for":
        return False
    return token.dep_ in ("prep", "dative") or (token.dep_ == "mark" and token.lower_ == "for")


def _inside_cue(token: Token, quotes: list[Quote]) -> bool:
    return any(q.cue is not None and q.cue.start <= token.idx < q.cue.end for q in quotes)
