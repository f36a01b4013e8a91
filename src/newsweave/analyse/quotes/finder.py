"""The attribution pass over one report: cues found sentence by sentence, then continuations and posts."""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from newsweave.analyse.lexicon import SPEECH_VERBS
from newsweave.analyse.quotes.base import _NO_SOURCE
from newsweave.analyse.quotes.clauses import (
    _chained_verb,
    _cut_content,
    _judged_phrase,
    _judged_subject,
    _passive_agent,
    _raised_clause,
    _unnamed_source,
)
from newsweave.analyse.quotes.contents import _QUOTE_VERBS, _ContentRules
from newsweave.analyse.quotes.continuations import _Continuations
from newsweave.analyse.quotes.cue_spans import _CueSpans, _inside_cue
from newsweave.analyse.quotes.posts import _embedded_posts
from newsweave.analyse.quotes.rerank import Candidate
from newsweave.analyse.quotes.thresholds import SHIPPED_THRESHOLDS, Thresholds
from newsweave.analyse.quotes.tokens import (
    _char_range,
    _joined_appeal,
    _noun_phrase,
    _source_tokens,
    _subject,
    _text_of,
    _trim,
)
from newsweave.model import EntityMention, Quote, Sentence


def find_quotes(
    doc: Doc, report_id: str, sentences: tuple[Sentence, ...], mentions: tuple[EntityMention, ...]
) -> tuple[Quote, ...]:
    """Return the report's attributions in text order."""
    return _QuoteFinder(doc, report_id, sentences, mentions).run()


class _QuoteFinder(_ContentRules, _CueSpans, _Continuations):
    """The pass over one report; the rules it applies come from its bases."""

    def run(self) -> tuple[Quote, ...]:
        for sentence in self.sentences:
            sent = self.doc.char_span(sentence.span.start, sentence.span.end, alignment_mode="expand")
            if sent is None or sentence.kind == "post":
                continue
            # A heading is read only for a speaker's colon: "[Trump]: [My plans aren't set in stone]".
            heading = sentence.kind == "heading"
            found = self._attributions(sent, sentence.index, colons_only=heading)
            self.quotes.extend(self._absorb_continuation(q) for q in found)
            self._continuation_quotes(sent, sentence.index)
            self.previous_subject = self._subject_mention(sent)
        self.quotes.extend(_embedded_posts(self.text, self.report_id, self.sentences, self.mentions))
        return tuple(sorted(self.quotes, key=lambda q: q.content.start))

    # -- cue-based attributions ------------------------------------------------------------------
    def _attributions(self, sent: SpacySpan, index: int, colons_only: bool = False) -> list[Quote]:
        quotes: list[Quote] = []
        for token in sent:
            if colons_only and token.text != ":":
                continue
            if self._inside_content(token, quotes) or _inside_cue(token, quotes):
                continue
            # Building may cut an earlier content or change who spoke last: undone if the judge drops it.
            before = (list(quotes), self.last_source, self.last_person, set(self.used))
            quote = self._attribution(sent, token, index, quotes)
            if quote is None:
                continue
            probability = self._cue_probability(token)
            accepted = self._is_cue(token, SHIPPED_THRESHOLDS)
            candidate = Candidate(token, quote, probability, accepted, tuple(before[0]), before[1].text)
            # "according to", polls and joined appeals are cues whatever the cue model says: not judged.
            if self._attribution_by_rule(token) or _joined_appeal(token) or self.judge.keeps(candidate):
                quotes.append(quote)
            else:
                quotes[:], self.last_source, self.last_person, self.used = before
        return quotes

    def _attribution(self, sent: SpacySpan, token: Token, index: int, earlier: list[Quote]) -> Quote | None:
        """Return the attribution the rules build with the token as its cue head, if any."""
        rule = self._attribution_by_rule(token)
        if rule == "according to":
            return self._according_to(sent, token, index)
        if rule == "poll":
            return self._in_poll(sent, token, index)
        # A colon after a name is a candidate whatever the cue model says (headlines score low).
        named_colon = token.text == ":" and bool(self._colon_name(token))
        if (self._is_cue(token) or named_colon) and not self._in_quote(token.idx):
            return self._speech_verb(sent, token, index, earlier)
        return None

    def _attribution_by_rule(self, token: Token) -> str:
        """Return which rule builds from the token whatever the cue model says, or ""."""
        following = self.doc[token.i + 1].lower_ if token.i + 1 < len(self.doc) else ""
        if token.lower_ == "according" and following == "to":
            return "according to"
        return "poll" if _opens_with_a_poll(token) else ""

    def _is_cue(self, token: Token, thresholds: Thresholds | None = None) -> bool:
        thresholds = thresholds or self.thresholds
        if _joined_appeal(token):
            return True
        if token.lemma_.lower() in SPEECH_VERBS and token.pos_ == "VERB":
            return self._cue_probability(token) >= thresholds.lexicon
        return self._cue_probability(token) >= thresholds.head

    def _inside_content(self, token: Token, quotes: list[Quote]) -> bool:
        # Nested attributions ("the ministry said it had asked …") are part of the outer content.
        participle = token.tag_ == "VBG" and token.dep_ == "advcl"
        if participle or self._nested_speech(token) or self._conjoined_cue(token, quotes):
            return False
        return any(q.content.start <= token.idx < q.content.end for q in quotes)

    def _nested_speech(self, token: Token) -> bool:
        # "61 percent said they … compared to 38 percent who said …": a speech verb with its own
        # speaker inside another's content is an attribution of its own.
        if token.pos_ != "VERB" or token.lemma_.lower() not in _QUOTE_VERBS:
            return False
        subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
        return subject is not None and self._cue_probability(token) >= self.thresholds.nested

    def _conjoined_cue(self, token: Token, quotes: list[Quote]) -> bool:
        """Return whether the token is a second cue of the last attribution's speaker that the parser
        hangs inside its content: "said that he will try … and [insisted] that …" (no subject of its
        own, joined to the clause the first cue reports; PolNeAR marks two attributions)."""
        last = quotes[-1] if quotes else None
        if last is None or last.cue is None or token.pos_ != "VERB" or token.dep_ != "conj":
            return False
        clause = token.head
        if not last.content.start <= token.idx < last.content.end or clause.head.i == clause.i:
            return False
        if not last.cue.start <= clause.head.idx < last.cue.end:
            return False
        if any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children):
            return False
        return self._cue_probability(token) >= self.thresholds.nested

    def _speech_verb(self, sent: SpacySpan, verb: Token, index: int, earlier: list[Quote]) -> Quote | None:
        agent = _passive_agent(verb)
        if agent is not None:
            return self._passive(sent, verb, agent, index)
        raised = _raised_clause(verb)
        if raised and not self._seems_to_say(verb):
            return self._raised(verb, index, raised)
        judged = _judged_subject(verb) if verb.lemma_.lower() != "ask" else []
        if judged:  # "[X] is known for [Y]": train gold has no source and X in the content (210 of 326)
            return self._raised(verb, index, judged)
        interrupted = self._interrupted_clause(verb)
        if interrupted:
            return self._interrupting_cue(sent, verb, index, interrupted)
        # "continued to assure [voters that …]", "went on to call [for …]": the chained verb says
        # what is said, and PolNeAR's cue runs through it.
        inner = _chained_verb(verb)
        content = self._content_range(sent, inner) if inner is not None else None
        if content is None or content[1] <= content[0]:
            inner = None
            content = self._content_range(sent, verb)
        if content is None or content[1] <= content[0]:
            return None
        if verb.tag_ == "VBG" and verb.dep_ == "advcl" and earlier:
            source = self._source_from_quote(earlier[-1])  # "…, saying …": same speaker
            earlier[-1] = _cut_content(earlier[-1], verb, self.text)
        elif self._conjoined_cue(verb, earlier):
            source = self._source_from_quote(earlier[-1])  # "… and insisted that …": same speaker
            before = self.doc[verb.left_edge.i - 1] if verb.left_edge.i > 0 else verb
            earlier[-1] = _cut_content(
                earlier[-1], before if before.dep_ == "cc" else verb.left_edge, self.text
            )
        else:
            subject = _subject(verb)
            if (
                subject is not None
                and subject.lower_ in ("that", "this", "which", "what")
                and not _relative(verb)
            ):
                return None  # "That said, …", "This explains why …": not an attribution
            source = self._colon_source(verb) if verb.text == ":" else self._source_of(sent, verb)
            if _unnamed_source(verb, subject):
                source = _NO_SOURCE
        cue, content = self._preposition_into_cue(self._cue_span(verb, content, inner), content)
        if verb.lemma_.lower() == "make":
            cue, content = self._clear_into_cue(cue, content)
        cue, content = self._learned_edges(verb, cue, content, source.span)
        return self._quote(content[0], content[1], index, cue, source)

    def _seems_to_say(self, verb: Token) -> bool:
        """Return whether "[Rubio] seemed to urge [X]" names its speaker: seem/appear hands on to a
        speech verb, unlike "[Trump] seems [to be winning]"."""
        inner = _chained_verb(verb)
        return (
            verb.lemma_.lower() in ("seem", "appear")
            and inner is not None
            and inner.lemma_.lower() in SPEECH_VERBS
        )

    def _raised(self, verb: Token, index: int, pieces: list[tuple[int, int]]) -> Quote:
        """Return "[Trump] is expected [to deliver a speech]", "[The plan] was approved": no one is
        named as expecting or judging it, and the subject is part of what is said (PolNeAR's convention)."""
        cue, last = self._preposition_into_cue(self._cue_span(verb, pieces[-1]), pieces[-1])
        if len(pieces) == 1:
            return self._quote(*last, index, cue, _NO_SOURCE)
        # The subject stands where a source would: the cue does not take it.
        cue, last = self._learned_edges(verb, cue, last, self._span(*pieces[0]))
        pieces = [*pieces[:-1], last]
        quote = self._quote(pieces[0][0], pieces[-1][1], index, cue, _NO_SOURCE)
        return self._in_pieces(quote, pieces)

    def _interrupted_clause(self, verb: Token) -> list[tuple[int, int]]:
        """Return the two pieces of the clause a cue interrupts ("[The allure of simplicity], Mr.
        Furman argued, [is largely a chimera]"), or nothing when the cue does not interrupt one.
        Quoted clauses are left to the quote rules."""
        head = verb.head
        if verb.dep_ != "parataxis" or head.i <= verb.i or any(c.dep_ == "ccomp" for c in verb.children):
            return []
        own = {t.i for t in verb.subtree}
        before = _trim([t for t in head.subtree if t.i < verb.left_edge.i])
        after = _trim([t for t in head.subtree if t.i > verb.right_edge.i and t.i not in own])
        pieces = [_char_range(before), _char_range(after)]
        if None in pieces or any(self._in_quote(t.idx) for t in (*before, *after)):
            return []
        return [p for p in pieces if p is not None]

    def _interrupting_cue(
        self, sent: SpacySpan, verb: Token, index: int, pieces: list[tuple[int, int]]
    ) -> Quote:
        """Return the attribution of a cue inside its clause, the content in the two pieces around it."""
        source = self._source_of(sent, verb)
        whole = (pieces[0][0], pieces[-1][1])
        cue, _ = self._learned_edges(verb, self._cue_span(verb, whole), whole, source.span)
        quote = self._quote(*whole, index, cue, source)
        return self._in_pieces(quote, pieces)

    def _in_pieces(self, quote: Quote, pieces: list[tuple[int, int]]) -> Quote:
        """Return the quote with its content in the two pieces around its cue."""
        parts = (self._span(*pieces[0]), self._span(pieces[-1][0], quote.content.end))
        return replace(quote, parts=parts)

    def _passive(self, sent: SpacySpan, verb: Token, agent: Token, index: int) -> Quote | None:
        """Return "[The plan] was rejected by [the council]": what was judged is the content, the
        agent the source; PolNeAR leaves "by" out of the cue."""
        content = _char_range(_judged_phrase(verb))
        if content is None:
            return None
        source = self._resolve(self._source_span(_source_tokens(agent)), agent, sent)
        cue, content = self._learned_edges(verb, self._cue_span(verb), content, source.span)
        return self._quote(content[0], content[1], index, cue, source)

    def _in_poll(self, sent: SpacySpan, prep: Token, index: int) -> Quote | None:
        """Return "In [a CBS News poll released Sunday], [Trump led …]": the poll is the source, the
        clause what it found, "In" the cue (train gold: 17 of 21 sentences that open so)."""
        poll = next(c for c in prep.children if c.dep_ == "pobj")
        source_tokens = _noun_phrase(poll) or [poll]
        content = _char_range(_trim([t for t in sent if t.i > source_tokens[-1].i]))
        if content is None:
            return None
        source = self._resolve(self._source_span(source_tokens), poll, sent)
        return self._quote(*content, index, self._span(prep.idx, prep.idx + len(prep.text)), source)

    def _according_to(self, sent: SpacySpan, according: Token, index: int) -> Quote | None:
        to = self.doc[according.i + 1]
        pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
        if pobj is None:
            return None
        source_tokens = _noun_phrase(pobj) or [pobj]
        before = [t for t in sent if t.i < according.i]
        after = [t for t in sent if t.i > source_tokens[-1].i and not t.is_punct]
        if before and re.fullmatch(r"(?i)(that|this|it)\s*('s|is|was)", _text_of(self.text, before).strip()):
            previous = self._previous_sentence(index)
            content = (previous.span.start, previous.span.end) if previous is not None else None
        else:
            content = _char_range(_trim(before if len(before) >= len(after) else after))
        if content is None or content[1] <= content[0]:
            return None
        source = self._resolve(self._source_span(source_tokens), pobj, sent)
        cue = self._span(according.idx, to.idx + len(to.text))
        return self._quote(content[0], content[1], index, cue, source)


def _relative(verb: Token) -> bool:
    """Return whether the cue is a relative clause's verb: "[a report], [which] concluded [that …]"
    names its source by the relative pronoun, as PolNeAR marks it."""
    return verb.dep_ == "relcl"


def _opens_with_a_poll(token: Token) -> bool:
    """Return whether the token is the "In" that opens a sentence on a poll's finding ("In a CBS
    News poll, …")."""
    if token.lower_ != "in" or token.dep_ != "prep" or token.i - token.sent.start > 1:
        return False
    pobj = next((c for c in token.children if c.dep_ == "pobj"), None)
    return pobj is not None and pobj.lemma_.lower() in ("poll", "survey") and token.head.dep_ == "ROOT"
