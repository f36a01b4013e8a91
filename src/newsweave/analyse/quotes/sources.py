"""Who says it: the source span of a cue and the named mention it resolves to."""

from __future__ import annotations

import re

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from newsweave.analyse.lexicon import TITLE_WORDS
from newsweave.analyse.quotes.base import _NO_SOURCE, _FinderState, _Source, _source_of_mention
from newsweave.analyse.quotes.tokens import _NAMED, _agent, _char_range, _source_tokens, _subject, _trim
from newsweave.model import EntityMention, Quote


class _SourceRules(_FinderState):
    # -- sources ---------------------------------------------------------------------------------
    def _source_of(self, sent: SpacySpan, verb: Token) -> _Source:
        # "as reported [by Reuters]", "asked [by reporters]": a passive cue's agent does the saying.
        agent = _agent(verb)
        if agent is not None:
            return self._resolve(self._source_span(_source_tokens(agent)), agent, sent)
        subject = _subject(verb)
        if subject is None:
            mention = self._name_after(verb) or self._name_before(sent, verb)
            if mention is not None:
                return _source_of_mention(mention)
            return self.last_source if verb.i - sent.start <= 2 else _NO_SOURCE
        tokens = _source_tokens(subject)
        if subject.i < verb.i and subject in verb.ancestors:  # the noun a participle describes
            tokens = _trim([t for t in tokens if t.i < verb.left_edge.i]) or [subject]
        # "[the armed forces chief] [General Abdou Sidikou Issa] said": two subjects that run on are one.
        run_on = next(
            (
                c
                for c in subject.head.children
                if c.dep_ == subject.dep_ and c.right_edge.i + 1 == subject.left_edge.i
            ),
            None,
        )
        if run_on is not None:
            tokens = [*_source_tokens(run_on), *tokens]
        return self._resolve(self._source_span(tokens), subject, sent)

    def _name_after(self, verb: Token) -> EntityMention | None:
        """Return the name right after a trailing cue with no subject: "…, reports [USA Today]"."""
        if verb.i == verb.sent.start or verb.pos_ != "VERB":
            return None
        mention = self.mention_at_char.get(verb.idx + len(verb.text) + 1)
        if mention is None or mention.label not in _NAMED or self._in_quote(mention.span.start):
            return None
        return mention

    def _name_before(self, sent: SpacySpan, verb: Token) -> EntityMention | None:
        """Return the first name in the sentence before a cue with no subject, outside quotes."""
        return next(
            (
                m
                for m in self.mentions
                if sent.start_char <= m.span.start < verb.idx
                and m.label in _NAMED
                and not self._in_quote(m.span.start)  # a name inside the quote is not its speaker
            ),
            None,
        )

    def _source_span(self, tokens: list[Token]) -> _Source:
        start, end = _char_range(tokens) or (tokens[0].idx, tokens[0].idx + len(tokens[0].text))
        # The parser hangs a closing bracket on the verb: "(IFRI) said" must keep its ")".
        if (
            self.text.count("(", start, end) > self.text.count(")", start, end)
            and self.text[end : end + 1] == ")"
        ):
            end += 1
        # PolNeAR closes an appositive source with its comma: "[Rendell, a Clinton surrogate,] said",
        # and a dash with its dash: "[Jason Sims — a teacher from Mount Pleasant —] said" (train: 36
        # closing dashes inside the source, 3 outside); "[42%] said" keeps its sign.
        if "," in self.text[start:end] and self.text[end : end + 1] == ",":
            end += 1
        dash = re.match(r"\s?(—|–|--?)(?=\s)", self.text[end : end + 4])
        if dash is not None and re.search(rf"\s{dash.group(1)}\s", self.text[start:end]):
            end += dash.end()
        if self.text[end : end + 1] == "%":
            end += 1
        return _Source(self._span(start, end), self.text[start:end], None, "")

    def _resolve(self, source: _Source, head: Token, sent: SpacySpan) -> _Source:
        """Return the source with the named mention it refers to, where the text allows."""
        named = [m for m in self.mentions if source.span is not None and source.span.contains(m.span)]
        if any(c.dep_ == "conj" for c in head.children) or (len(named) > 1 and " and " in source.text):
            return _Source(source.span, source.text, None, _strip_article(source.text))
        mention = self._mention_at(head)
        if (
            mention is not None
            and mention.label in ("ORG", "GPE")
            and any(c.dep_ == "poss" for c in head.children)
        ):
            mention = None  # "France's foreign ministry" is not France
        if mention is None:
            mention = self._following_person(head) or self._described_person(head)
        if mention is not None:
            return _Source(source.span, source.text, mention, mention.text)
        pronoun = self._speaker_of_enclosing(head) or self._pronoun_source(head.lower_)
        if pronoun is not None:
            return _Source(source.span, source.text, pronoun.mention, pronoun.name)
        indefinite = any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in head.children)
        return _Source(source.span, source.text, None, "" if indefinite else _strip_article(source.text))

    def _speaker_of_enclosing(self, head: Token) -> _Source | None:
        """Return who speaks when "I" speaks inside an earlier sentence's quote or turn: "FALLIN: I
        think he is trying … . [I] think that has been part of his message" is Fallin's."""
        if head.lower_ != "i":
            return None
        enclosing = next(
            (
                q
                for q in reversed(self.quotes)
                if q.content.start <= head.idx < q.content.end and q.speaker_name
            ),
            None,
        )
        return self._source_from_quote(enclosing) if enclosing is not None else None

    def _pronoun_source(self, word: str) -> _Source | None:
        if word in ("he", "she") and self.last_person.name:
            return self.last_person
        if word in ("it", "they"):
            # The subject of the sentence before is what "it" most often continues ("ECOWAS has
            # imposed sanctions. It said …"); failing that, the last non-person source.
            if self.previous_subject is not None and self.previous_subject.label in ("ORG", "GPE", "NORP"):
                return _source_of_mention(self.previous_subject)
            last = self.last_source
            if last.name and (last.mention is None or last.mention.label != "PERSON"):
                return last
            return None
        return None

    def _source_from_quote(self, quote: Quote) -> _Source:
        mention = next((m for m in self.mentions if m.span == quote.speaker_mention), None)
        return _Source(quote.source, quote.source_text, mention, quote.speaker_name)

    def _mention_at(self, token: Token) -> EntityMention | None:
        return next((m for m in self.mentions if m.span.start <= token.idx < m.span.end), None)

    def _following_person(self, head: Token) -> EntityMention | None:
        # "the armed forces chief General Abdou Sidikou Issa said": the role noun heads the parse.
        if head.lower_ not in TITLE_WORDS:
            return None
        return next(
            (
                m
                for m in self.mentions
                if m.label == "PERSON" and 0 <= m.span.start - head.idx - len(head.text) <= 12
            ),
            None,
        )

    def _described_person(self, head: Token) -> EntityMention | None:
        # "its foreign minister": the person of the report whose title has that noun.
        if head.pos_ != "NOUN" or head.lower_ not in TITLE_WORDS:
            return None
        modifiers = {c.lower_ for c in head.children if c.dep_ in ("amod", "compound")}
        for mention in self.mentions:
            title = set(mention.title.lower().split())
            if mention.label == "PERSON" and head.lower_ in title and modifiers <= title:
                return mention
        return None

    def _subject_mention(self, sent: SpacySpan) -> EntityMention | None:
        root = sent.root
        subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        return self._mention_at(subject) if subject is not None else None

    def _colon_source(self, colon: Token) -> _Source:
        tokens = self._colon_name(colon)
        if not tokens:
            return _NO_SOURCE
        source = self._resolve(self._source_span(tokens), tokens[-1], tokens[0].sent)
        person = self._labelled_person(source.text) if source.mention is None else None
        return _Source(source.span, source.text, person, person.text) if person is not None else source

    def _labelled_person(self, label: str) -> EntityMention | None:
        """Return the person a transcript's capitalised label names: "TAPPER" or "JAKE TAPPER" is the
        report's "Jake Tapper", matched on the whole name or its last word."""
        if not label.isupper() or len(label) < 3:
            return None
        return next(
            (
                m
                for m in self.mentions
                if m.label == "PERSON" and label in (m.text.upper(), m.text.split()[-1].upper())
            ),
            None,
        )

    def _colon_name(self, colon: Token) -> list[Token]:
        """Return the name just before a speaker's colon ("[Bernie Sanders]: …", "[Blumenthal and
        Cohen]: …"), or nothing."""
        tokens: list[Token] = []
        for i in range(colon.i - 1, max(colon.i - 7, -1), -1):
            token = self.doc[i]
            if "\n" in token.whitespace_ or not (_name_word(token) or token.lower_ in ("and", ".")):
                break
            tokens.insert(0, token)
        tokens = _trim(tokens)
        # The small parser tags a headline's "Trump:" as a noun: capitalised words that open their
        # line count as a name too.
        opens_line = bool(tokens) and (tokens[0].i == 0 or "\n" in self.doc[tokens[0].i - 1].whitespace_)
        if not tokens or not (any(t.pos_ == "PROPN" for t in tokens) or opens_line):
            return []
        return tokens


def _name_word(token: Token) -> bool:
    """Return whether the word can be part of a speaker's name before a colon."""
    return token.pos_ == "PROPN" or (token.text[:1].isupper() and token.pos_ in ("NOUN", "ADJ"))


def _strip_article(text: str) -> str:
    return re.sub(r"^(?:the|a|an)\s+", "", text, flags=re.IGNORECASE)
