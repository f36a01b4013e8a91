"""Who said what: direct, indirect and mixed attributions with their source, cue and content.

Rules over spaCy's dependency parse, in the spirit of the PARC/PolNeAR annotation scheme:
a cue (speech or belief verb, "according to"), its source (the subject) and its content
(the clausal complement or the quoted text). Quote paragraphs with no cue continue the last
speaker, as news writing does.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from itertools import pairwise

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from newsweave.analyse.cues import CueModel, load_cue_model
from newsweave.analyse.lexicon import NEEDS_COMPLEMENT, SPEECH_VERBS, TITLE_WORDS
from newsweave.model import EntityMention, Quote, Sentence, Span

# Straight, curly, and the doubled apostrophes the New York Times archive uses ('' … '').
_QUOTED = re.compile(r"(?:[\"“]|'')((?:[^\"“”'\n]|'(?!'))*?[^\"“”'\n\s](?:[^\"“”'\n]|'(?!'))*?)(?:[\"”]|'')")
_MIN_DIRECT_WORDS = 4
_QUOTE_VERBS = frozenset({"say", "tell", "add", "write", "tweet", "state", "declare", "explain", "insist"})
_NAMED = ("PERSON", "ORG", "GPE", "NORP")
# Verbs of the hand lexicon are cues unless the model is sure they are not ("call a meeting").
_LEXICON_THRESHOLD = 0.2
_OBJECT_THRESHOLD = 0.6
_NESTED_THRESHOLD = 0.6
# Below _OBJECT_THRESHOLD, down to this, an object-only cue counts when a person or a named body
# does it ("Trump attacked [Clinton]"), not "it" ("It has also raised [security fears]").
_OBJECT_THRESHOLD_SPEAKER = 0.5
_SPEAKER_PRONOUNS = frozenset("he she they we i".split())
# "critical of", "confident about", "worried about": the preposition that names a stance's target.
_STANCE_PREPS = frozenset({"of", "about", "on", "over", "with", "to"})
_TOPIC_PREPS = frozenset({"about", "of", "on", "for", "against", "to", "with", "over", "at", "into"})
_QUOTE_OPENERS = frozenset({'"', "“", "''", "‘"})
_QUESTION_WORDS = frozenset({"if", "whether", "why", "how", "what", "when", "where", "who", "which"})
# A cue with only an object is as often an act as a statement: "attacked [Clinton]" is an
# attribution in political news, "attacked [the embassy]" is not. Places are never what is said.
_PLACE_NOUNS = frozenset("embassy capital city palace headquarters building street border town".split())
# An embedded post's signature: "— France Diplomatie (@francediplo) August 2, 2023", on its own line
# or after the post's text. The name before the handle is the speaker; the post's text is what is said.
_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_SIGNATURE = re.compile(
    r"(?:^|\s)[—–]\s*(?P<name>[^\n—–()]{1,80}?)\s*\(@\w{1,30}\)\s+(?:" + _MONTHS + r")\s+\d{1,2},\s+\d{4}"
)
# "It is expected to …", "there seems to be …": no subject that is part of what is expected.
_SUBJECT_PRONOUNS_NOT_SAID = frozenset({"it", "there", "this", "that", "which", "who"})
_IMAGE_LINK = re.compile(r"\s*(?:pic\.twitter\.com/\S+|https?://t\.co/\S+)\s*$")


@dataclass(frozen=True, slots=True)
class _Source:
    span: Span | None
    text: str
    mention: EntityMention | None
    name: str


_NO_SOURCE = _Source(None, "", None, "")


def find_quotes(
    doc: Doc, report_id: str, sentences: tuple[Sentence, ...], mentions: tuple[EntityMention, ...]
) -> tuple[Quote, ...]:
    """Return the report's attributions in text order."""
    return _QuoteFinder(doc, report_id, sentences, mentions).run()


class _QuoteFinder:
    def __init__(
        self, doc: Doc, report_id: str, sentences: tuple[Sentence, ...], mentions: tuple[EntityMention, ...]
    ) -> None:
        self.doc, self.report_id, self.sentences, self.mentions = doc, report_id, sentences, mentions
        self.text = doc.text  # Doc.text rebuilds the string on every access
        self.quoted = [(m.start(1), m.end(1)) for m in _QUOTED.finditer(self.text)]
        self.used: set[tuple[int, int]] = set()
        self.quotes: list[Quote] = []
        self.last_source = _NO_SOURCE
        self.last_person = _NO_SOURCE
        self.previous_subject: EntityMention | None = None
        self.cue_model = load_cue_model()

    def run(self) -> tuple[Quote, ...]:
        for sentence in self.sentences:
            sent = self.doc.char_span(sentence.span.start, sentence.span.end, alignment_mode="expand")
            if sent is None or sentence.kind in ("post", "heading"):
                continue
            found = self._attributions(sent, sentence.index)
            self.quotes.extend(self._absorb_continuation(q) for q in found)
            self._continuation_quotes(sent, sentence.index)
            self.previous_subject = self._subject_mention(sent)
        self.quotes.extend(self._embedded_posts())
        return tuple(sorted(self.quotes, key=lambda q: q.content.start))

    # -- embedded posts ----------------------------------------------------------------------------
    def _embedded_posts(self) -> list[Quote]:
        """Return the posts quoted whole in the report ("text — Name (@handle) Month D, YYYY"): the
        name that signs a post is its speaker, its text the direct quote."""
        found = []
        for match in _SIGNATURE.finditer(self.text):
            content = self._post_text(match.start())
            name = re.match(r".*\w[.)]?", match.group("name"))  # without the flag emojis after it
            if content is None or name is None:
                continue
            start = match.start("name")
            source = self._span(start, start + name.end())
            mention = next((m for m in self.mentions if m.span == source), None)
            text = self.text[source.start : source.end]
            index = next((s.index for s in self.sentences if s.span.start <= content[0] < s.span.end), 0)
            found.append(self._post_quote(content, index, _Source(source, text, mention, text)))
        return found

    def _post_text(self, signature: int) -> tuple[int, int] | None:
        """Return the post's text before its signature: the same line, or the line above it."""
        line_start = self.text.rfind("\n", 0, signature) + 1
        start, end = line_start, signature
        if not self.text[start:end].strip():
            end = line_start - 1
            start = self.text.rfind("\n", 0, max(end, 0)) + 1
        if end <= start:
            return None
        text = _IMAGE_LINK.sub("", self.text[start:end])  # the picture's link is not said
        stripped = text.strip()
        if len(stripped.split()) < 2:
            return None
        start += len(text) - len(text.lstrip())
        return start, start + len(stripped)

    def _post_quote(self, content: tuple[int, int], index: int, source: _Source) -> Quote:
        start, end = content
        return Quote(
            content=self._span(start, end),
            text=self.text[start:end],
            kind="direct",
            sentence=index,
            source=source.span,
            source_text=source.text,
            speaker_mention=source.mention.span if source.mention else None,
            speaker_name=source.name,
        )

    # -- cue-based attributions ------------------------------------------------------------------
    def _attributions(self, sent: SpacySpan, index: int) -> list[Quote]:
        quotes: list[Quote] = []
        for token in sent:
            if self._inside_content(token, quotes) or _inside_cue(token, quotes):
                continue
            if (
                token.lower_ == "according"
                and token.i + 1 < len(self.doc)
                and self.doc[token.i + 1].lower_ == "to"
            ):
                quote = self._according_to(sent, token, index)
            elif self._is_cue(token) and not self._in_quote(token.idx):
                quote = self._speech_verb(sent, token, index, quotes)
            else:
                quote = None
            if quote is not None:
                quotes.append(quote)
        return quotes

    def _is_cue(self, token: Token) -> bool:
        if _joined_appeal(token):
            return True
        if token.lemma_.lower() in SPEECH_VERBS and token.pos_ == "VERB":
            return self.cue_model.probability(token) >= _LEXICON_THRESHOLD
        return self.cue_model.is_cue(token)

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

    def _inside_content(self, token: Token, quotes: list[Quote]) -> bool:
        # Nested attributions ("the ministry said it had asked …") are part of the outer content.
        participle = token.tag_ == "VBG" and token.dep_ == "advcl"
        if participle or self._nested_speech(token):
            return False
        return any(q.content.start <= token.idx < q.content.end for q in quotes)

    def _nested_speech(self, token: Token) -> bool:
        # "61 percent said they … compared to 38 percent who said …": a speech verb with its own
        # speaker inside another's content is an attribution of its own.
        if token.pos_ != "VERB" or token.lemma_.lower() not in _QUOTE_VERBS:
            return False
        subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
        return subject is not None and self.cue_model.probability(token) >= _NESTED_THRESHOLD

    def _speech_verb(self, sent: SpacySpan, verb: Token, index: int, earlier: list[Quote]) -> Quote | None:
        agent = _passive_agent(verb)
        if agent is not None:
            return self._passive(sent, verb, agent, index)
        raised = _raised_clause(verb)
        if raised:
            return self._raised(verb, index, raised)
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
        else:
            subject = _subject(verb)
            if subject is not None and subject.lower_ in ("that", "this", "which", "what"):
                return None  # "That said, …", "This explains why …": not an attribution
            source = self._colon_source(verb) if verb.text == ":" else self._source_of(sent, verb)
            if _unnamed_source(verb, subject):
                source = _NO_SOURCE
        cue, content = self._preposition_into_cue(self._cue_span(verb, content, inner), content)
        if verb.lemma_.lower() == "make":
            cue, content = self._clear_into_cue(cue, content)
        return self._quote(content[0], content[1], index, cue, source)

    def _raised(self, verb: Token, index: int, pieces: list[tuple[int, int]]) -> Quote:
        """Return "[Trump] is expected [to deliver a speech]": no one is named as expecting it, and
        the subject is part of what is expected (PolNeAR's convention)."""
        whole = (pieces[0][0], pieces[-1][1])
        quote = self._quote(*whole, index, self._cue_span(verb, pieces[-1]), _NO_SOURCE)
        parts = (self._span(*pieces[0]), self._span(pieces[-1][0], quote.content.end))
        return replace(quote, parts=parts)

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
        quote = self._quote(*whole, index, self._cue_span(verb, whole), source)
        parts = (self._span(*pieces[0]), self._span(pieces[-1][0], quote.content.end))
        return replace(quote, parts=parts)

    def _passive(self, sent: SpacySpan, verb: Token, agent: Token, index: int) -> Quote | None:
        """Return "[The plan] was rejected by [the council]": what was judged is the content, the
        agent the source; PolNeAR leaves "by" out of the cue."""
        subject = next(c for c in verb.children if c.dep_ == "nsubjpass")
        content = _char_range(_noun_phrase(subject))
        if content is None:
            return None
        source = self._resolve(self._source_span(_source_tokens(agent)), agent, sent)
        return self._quote(content[0], content[1], index, self._cue_span(verb), source)

    def _content_range(self, sent: SpacySpan, verb: Token) -> tuple[int, int] | None:
        lemma = verb.lemma_.lower()
        complements = [c for c in verb.children if c.dep_ in ("ccomp", "parataxis")]
        # "It comes a day after X said Y": the reported clause is the one after the cue.
        complement = next((c for c in complements if c.i > verb.i), complements[0] if complements else None)
        if complement is None and lemma in ("call", "appeal"):
            complement = _object_of_prep(verb, "for")
        # Beliefs and questions: "are hopeful [they …]", "was asked [about X]".
        if complement is None and (verb.pos_ == "AUX" or lemma == "ask"):
            found = _stance_range(verb) if verb.pos_ == "AUX" else _question_range(verb)
            if found is not None:
                return found
        if complement is None and lemma == "call":  # "called [the charges unsubstantiated]"
            tokens = [t for c in verb.children if c.dep_ in ("dobj", "oprd") for t in c.subtree]
            if any(c.dep_ == "oprd" for c in verb.children):
                return _char_range(_trim(tokens))
        if complement is None and lemma in ("call", "appeal"):
            found = _call_for_range(verb) or _call_name_range(verb)
            if found is not None:
                return found
        if complement is None and lemma in NEEDS_COMPLEMENT:
            obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
            xcomp = next((c for c in verb.children if c.dep_ == "xcomp"), None)
            tokens = [
                *(obj.subtree if obj is not None else ()),
                *(_without_time_tail(xcomp) if xcomp is not None else ()),
            ]
            return _char_range(_trim(tokens)) if tokens and (xcomp is not None or lemma == "demand") else None
        if complement is None:
            following = self._following_quote(verb)
            if following is not None:
                return following
        if verb.text == ":":
            return self._after_colon(sent, verb)
        if complement is None and lemma in _QUOTE_VERBS:
            found = self._adjacent_quote(verb) or self._fronted_content(sent, verb)
            if found is not None:
                return found
        if complement is None and verb.dep_ in ("parataxis", "ccomp") and verb.head.i < verb.i:
            return self._governing_clause(sent, verb)
        if complement is None:
            # With only an object the cue is as often an act as a statement: a surer model is needed.
            return self._object_range(verb) if _sure_of_object_cue(verb, self.cue_model) else None
        tokens = [t for t in complement.subtree if t.i != verb.i]
        # The small parser reads "stressed it in no way meant …" with "it" as the verb's object.
        tokens += [
            c
            for c in verb.children
            if c.dep_ == "dobj" and c.lower_ == "it" and tokens and c.i + 1 == min(t.i for t in tokens)
        ]
        if verb.i < complement.i:
            tokens = [t for t in tokens if t.i > verb.i]
        tokens = [t for t in tokens if not _in_participle_attribution(t, verb)]
        found = _char_range(_trim(tokens, keep_that=True))
        return self._snap_to_quote(found) if found else None

    def _after_colon(self, sent: SpacySpan, colon: Token) -> tuple[int, int] | None:
        """Return what follows a speaker's colon ("Clinton: [Time for a new strategy]") to the
        end of its sentence, when a short name stands before the colon on its line."""
        if self._colon_source(colon).span is None:
            return None
        return _char_range(_trim([t for t in sent if t.i > colon.i]))

    def _colon_source(self, colon: Token) -> _Source:
        # The names just before the colon: "[Bernie Sanders]: …", "[Blumenthal and Cohen]: …".
        tokens: list[Token] = []
        for i in range(colon.i - 1, max(colon.i - 7, -1), -1):
            token = self.doc[i]
            if "\n" in token.whitespace_ or not (token.pos_ == "PROPN" or token.lower_ in ("and", ".")):
                break
            tokens.insert(0, token)
        tokens = _trim(tokens)
        if not tokens or not any(t.pos_ == "PROPN" for t in tokens):
            return _NO_SOURCE
        sent = tokens[0].sent
        return self._resolve(self._source_span(tokens), tokens[-1], sent)

    def _governing_clause(self, sent: SpacySpan, verb: Token) -> tuple[int, int] | None:
        """Return the clause a trailing cue hangs on ("[The plan is dead], he argued")."""
        own = {t.i for t in verb.subtree}
        tokens = [t for t in verb.head.subtree if t.i not in own and sent.start <= t.i < sent.end]
        found = _char_range(_trim(tokens, keep_that=True))
        return self._snap_to_quote(found) if found else None

    def _fronted_content(self, sent: SpacySpan, verb: Token) -> tuple[int, int] | None:
        """Return the words before the cue's clause ("People like Scott, [he] said."), if any."""
        subject = _subject(verb)
        first = min([verb.i, *(t.i for t in subject.subtree)] if subject is not None else [verb.i])
        tokens = [t for t in sent if t.i < first]
        if len(tokens) < 3 or not tokens[-1].is_punct:
            return None
        return _char_range(_trim(tokens))

    def _following_quote(self, cue: Token) -> tuple[int, int] | None:
        """Return the quote that opens right after the cue ('recalled, "Out of nowhere …"'), if any."""
        end = cue.idx + len(cue.text)
        gap = re.match(r"[,:]?\s*(?:[\"“]|'')", self.text[end : end + 6])
        if gap is None:
            return None
        region = next(((a, b) for a, b in self.quoted if end < a <= end + gap.end()), None)
        if region is not None:
            self.used.add(region)
        return region

    def _object_range(self, cue: Token) -> tuple[int, int] | None:
        """Return what a cue with no clause is about: its object ("attacked [loopholes]", "[their] claim
        [that …]", "disagrees with [her former boss]")."""
        wanted = ("dobj", "xcomp", "acl", "attr") if cue.pos_ != "NOUN" else ("acl", "prep", "ccomp")
        first = next((c for c in cue.rights if c.dep_ in wanted), None)
        if first is not None and (first.ent_type_ in ("FAC", "GPE", "LOC") or first.lemma_ in _PLACE_NOUNS):
            return None
        # The object and what completes it: "casting [himself as a champion of …]", "mocked [Romney
        # for not releasing …]"; a new clause ("and …", "when …") or a date is not part of it.
        tokens = []
        if first is not None:
            for child in (c for c in cue.rights if c.i >= first.i):
                if child.dep_ in ("cc", "conj", "advcl", "punct") or _is_setting(child):
                    break
                tokens += list(child.subtree)
        if not tokens and cue.pos_ != "NOUN":
            # "talked [about] X", "boasted of [how …]": the first preposition after the cue.
            # Not when or where it was said: "said on [Friday]", "discussing for [several weeks]".
            prep = next(
                (
                    c
                    for c in cue.rights
                    if c.dep_ == "prep"
                    and c.lower_ in _TOPIC_PREPS
                    and not _is_time_modifier(c)
                    and not _is_setting(c)
                ),
                None,
            )
            objects = [c for c in (prep.children if prep else ()) if c.dep_ in ("pobj", "pcomp")]
            if any(c.ent_type_ in ("FAC", "GPE", "LOC") or c.lemma_ in _PLACE_NOUNS for c in objects):
                return None
            tokens = [t for c in objects for t in c.subtree]
        return _char_range(_trim(tokens, keep_that=True))

    def _snap_to_quote(self, found: tuple[int, int]) -> tuple[int, int]:
        start, end = found
        for a, b in self.quoted:
            overlap = min(end, b) - max(start, a)
            if overlap > 0 and overlap >= 0.8 * (end - start) and end - start <= (b - a) + 3:
                self.used.add((a, b))
                # 'said [that "I need you tomorrow."]': the complementiser stays (train: 32 times).
                return (start if re.fullmatch(r"(?i)that\s*(?:[\"“]|'')", self.text[start:a]) else a), b
        return found

    def _adjacent_quote(self, verb: Token) -> tuple[int, int] | None:
        line_start = self.text.rfind("\n", 0, verb.idx) + 1
        line_end = self.text.find("\n", verb.idx)
        line_end = len(self.text) if line_end < 0 else line_end
        near = [q for q in self.quoted if line_start <= q[0] and q[1] <= line_end and q not in self.used]
        if not near:
            return None
        before = [q for q in near if q[1] <= verb.idx]
        chosen = before[-1] if before else near[0]
        # A quote split by the cue ("…," she said. "…") continues in the quotes after it.
        self.used.add(chosen)
        return chosen

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

    # -- sources ---------------------------------------------------------------------------------
    def _source_of(self, sent: SpacySpan, verb: Token) -> _Source:
        subject = _subject(verb)
        if subject is None:
            mention = next(
                (
                    m
                    for m in self.mentions
                    if sent.start_char <= m.span.start < verb.idx
                    and m.label in _NAMED
                    and not self._in_quote(m.span.start)  # a name inside the quote is not its speaker
                ),
                None,
            )
            if mention is not None:
                return _Source(mention.span, mention.text, mention, mention.text)
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
        pronoun = self._pronoun_source(head.lower_)
        if pronoun is not None:
            return _Source(source.span, source.text, pronoun.mention, pronoun.name)
        indefinite = any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in head.children)
        return _Source(source.span, source.text, None, "" if indefinite else _strip_article(source.text))

    def _pronoun_source(self, word: str) -> _Source | None:
        if word in ("he", "she") and self.last_person.name:
            return self.last_person
        if word in ("it", "they"):
            # The subject of the sentence before is what "it" most often continues ("ECOWAS has
            # imposed sanctions. It said …"); failing that, the last non-person source.
            if self.previous_subject is not None and self.previous_subject.label in ("ORG", "GPE", "NORP"):
                m = self.previous_subject
                return _Source(m.span, m.text, m, m.text)
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
        return Quote(
            content=self._span(start, end),
            text=self.text[start:end],
            kind=kind,
            sentence=index,
            cue=cue,
            cue_text=cue.text_of(self.text) if cue else "",
            source=source.span,
            source_text=source.text,
            speaker_mention=source.mention.span if source.mention else None,
            speaker_name=source.name,
        )

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

    def _previous_sentence(self, index: int) -> Sentence | None:
        return self.sentences[index - 1] if index > 0 else None

    def _span(self, start: int, end: int) -> Span:
        return Span(self.report_id, start, end)


_SETTINGS = frozenset(
    "statement interview speech tweet email letter post op-ed radio television conference call".split()
)


def _is_setting(prep: Token) -> bool:
    # "said [in a statement]", "said [on Monday]": where and when, which PolNeAR keeps in the cue.
    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if pobj is None or prep.lower_ not in ("in", "on", "at", "during"):
        return False
    return pobj.lemma_.lower() in _SETTINGS or pobj.ent_type_ in ("DATE", "TIME")


def _without_time_tail(head: Token) -> list[Token]:
    """Return the subtree up to its first trailing time modifier: 'asked X to guarantee Y [on Thursday
    hours before …]' reports the request; when it was made is narration."""
    cut = min((c.left_edge.i for c in head.subtree if c.i > head.i and _is_time_modifier(c)), default=None)
    return [t for t in head.subtree if cut is None or t.i < cut]


def _calls_for(verb: Token) -> list[Token]:
    # The small parser reads "called for [X to do Y]" as a clause whose first word is "for".
    return [c for c in verb.children if c.dep_ == "advcl" and c.i > verb.i and c.left_edge.lower_ == "for"]


def _call_for_range(verb: Token) -> tuple[int, int] | None:
    """Return what is called for when the parser hangs it on "for" as a clause ("[allies to …]")."""
    clause = next(iter(_calls_for(verb)), None)
    return _char_range(_trim(list(clause.subtree)[1:])) if clause is not None else None


def _call_name_range(verb: Token) -> tuple[int, int] | None:
    """Return "called [Mrs. Schlafly an 'Aunt Tom']" when the parser misses the name it is given."""
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    doc = verb.doc
    if obj is None or obj.right_edge.i + 1 >= len(doc):
        return None
    following = doc[obj.right_edge.i + 1]
    if following.pos_ not in ("DET", "ADJ", "NOUN", "PROPN") and following.text not in _QUOTE_OPENERS:
        return None
    tokens = []
    for token in doc[obj.left_edge.i : verb.sent.end]:
        if token.i > following.i and token.head.i == verb.i and token.dep_ in ("cc", "conj", "advcl", "prep"):
            break
        tokens.append(token)
    return _char_range(_trim(tokens, keep_that=True))


def _passive_agent(verb: Token) -> Token | None:
    """Return who does a passive cue with no clause of its own ("was rejected [by X]"), if any."""
    if any(c.dep_ in ("ccomp", "xcomp", "parataxis") for c in verb.children):
        return None
    if not any(c.dep_ == "nsubjpass" for c in verb.children):
        return None
    by = next((c for c in verb.children if c.dep_ == "agent" and c.i > verb.i), None)
    return next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None


def _chained_verb(verb: Token) -> Token | None:
    """Return the verb a cue hands on to ("continued [to assure]", "began [talking about]"), if any."""
    for child in verb.children:
        if child.dep_ != "xcomp" or child.pos_ != "VERB" or not 0 < child.i - verb.i <= 3:
            continue
        between = verb.doc[verb.i + 1 : child.i]
        if all(t.lower_ == "to" or t.dep_ == "prt" for t in between):
            return child
    return None


def _is_cue_preposition(token: Token) -> bool:
    # "about", "of", "on", "against", … and "for" as spaCy sometimes tags it ("called for [X to …]");
    # an infinitive's "to" stays in the content ("vowed [to fight]"), as the annotators write it.
    if token.pos_ != "ADP" and token.lower_ != "for":
        return False
    return token.dep_ in ("prep", "dative") or (token.dep_ == "mark" and token.lower_ == "for")


def _inside_cue(token: Token, quotes: list[Quote]) -> bool:
    return any(q.cue is not None and q.cue.start <= token.idx < q.cue.end for q in quotes)


def _is_time_modifier(token: Token) -> bool:
    if token.dep_ == "npadvmod":
        return token.ent_type_ in ("DATE", "TIME")
    return token.dep_ == "prep" and any(c.ent_type_ in ("DATE", "TIME") for c in token.children)


def _unnamed_source(verb: Token, subject: Token | None) -> bool:
    """Return whether the cue names no one: "it was revealed [that …]", "it seems [that …]", and
    "[Trump] was asked about …" or "Asked about X, [Trump] said" (who asked is not said)."""
    lemma = verb.lemma_.lower()
    if lemma == "ask":
        passive = any(c.dep_ == "nsubjpass" for c in verb.children)
        return passive or (verb.tag_ == "VBN" and verb.dep_ == "advcl")
    if subject is None or subject.lower_ != "it":
        return False
    return subject.dep_ == "nsubjpass" or lemma in ("seem", "appear", "be", "remain") or verb.pos_ == "AUX"


def _raised_clause(verb: Token) -> list[tuple[int, int]]:
    """Return the subject and the infinitive of "[X] is expected [to …]", "[X] seems [to …]" (a
    passive with no agent, or seem/appear), or nothing."""
    subject = next((c for c in verb.children if c.dep_ in ("nsubjpass", "nsubj")), None)
    xcomp = next((c for c in verb.children if c.dep_ == "xcomp" and c.i > verb.i), None)
    if subject is None or xcomp is None or subject.i > verb.i or subject.lower_ in _SUBJECT_PRONOUNS_NOT_SAID:
        return []
    passive = subject.dep_ == "nsubjpass" and not any(c.dep_ == "agent" for c in verb.children)
    if not passive and verb.lemma_.lower() not in ("seem", "appear"):
        return []
    pieces = [_char_range(_noun_phrase(subject)), _char_range(_trim(_without_time_tail(xcomp)))]
    return [p for p in pieces if p is not None] if None not in pieces else []


def _joined_appeal(token: Token) -> bool:
    """Return whether the token is a speech verb that its subject joins others in: "Russia joined
    [nations appealing for] X" says that Russia appeals for X (PolNeAR train has no such case, and
    marks none of the speech participles on a noun that the cue model rejects)."""
    return (
        token.tag_ == "VBG"
        and token.dep_ == "acl"
        and token.lemma_.lower() in SPEECH_VERBS
        and token.head.dep_ == "dobj"
        and token.head.head.lemma_.lower() == "join"
    )


def _subject(verb: Token) -> Token | None:
    node = verb.head.head if _joined_appeal(verb) else verb
    for _ in range(3):
        # A noun cue's source is its possessor ("[Obama]'s decision").
        deps = ("nsubj", "nsubjpass", "poss") if node.pos_ == "NOUN" else ("nsubj", "nsubjpass")
        # The parser gives '"[No wonder]," [Trump] said' two subjects: the speaker stands next to the verb.
        subjects = [c for c in node.children if c.dep_ in deps]
        if subjects:
            return min(subjects, key=lambda c: abs(c.i - node.i))
        if node.dep_ == "acl" and node.tag_ == "VBG" and node.head.pos_ in ("NOUN", "PROPN"):
            return node.head  # "[911 calls] saying shots had been fired"
        if node.dep_ not in ("conj", "advcl", "xcomp") or node.head.i == node.i:
            return None
        node = node.head
    return None


def _noun_phrase(head: Token) -> list[Token]:
    """Return a noun phrase's tokens without the time modifiers hung on it ("ECOWAS on Thursday")."""
    dropped = {
        t.i
        for c in head.children
        if c.dep_ == "prep" and any(g.ent_type_ in ("DATE", "TIME") for g in c.subtree)
        for t in c.subtree
    }
    return _trim([t for t in head.subtree if t.i not in dropped])


def _source_tokens(head: Token) -> list[Token]:
    """Return a source's words as PolNeAR marks them: the noun phrase without a dateline
    ("WASHINGTON — [Sen. X]") or a leading "even". Relative clauses and possessive endings are kept:
    annotators leave them in as often as out."""
    tokens = _noun_phrase(head)
    # A dateline's dash stands between spaces; "Secretary-General" keeps its hyphen.
    dashes = [
        k
        for k, t in enumerate(tokens)
        if t.text in ("—", "–", "--", "-") and t.whitespace_ and t.doc[t.i - 1].whitespace_
    ]
    if dashes and tokens[0].text.isupper() and len(tokens[0].text) > 1:
        tokens = tokens[dashes[-1] + 1 :]
    while tokens and tokens[0].lower_ in ("even", "but", "and"):
        tokens = tokens[1:]
    return _trim(tokens) or [head]


def _object_of_prep(verb: Token, word: str) -> Token | None:
    prep = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == word), None)
    return next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None) if prep is not None else None


def _in_participle_attribution(token: Token, verb: Token) -> bool:
    node = token
    while node.i != verb.i and node.head.i != node.i:
        if node.tag_ == "VBG" and node.dep_ == "advcl" and node.lemma_ in SPEECH_VERBS:
            return True
        node = node.head
    return False


def _cut_content(quote: Quote, verb: Token, text: str) -> Quote:
    end = verb.idx
    while end > quote.content.start and text[end - 1] in " ,;":
        end -= 1
    if quote.content.start < end < quote.content.end:
        return replace(
            quote,
            content=Span(quote.content.report_id, quote.content.start, end),
            text=text[quote.content.start : end],
        )
    return quote


def _trim(tokens: list[Token], keep_that: bool = False) -> list[Token]:
    tokens = sorted(tokens, key=lambda t: t.i)
    # PolNeAR's content spans keep the complementiser: "said [that taxes are too high]".
    # It drops a leading "and"/"but" but keeps "so", "still" and "yet" (train: "so" kept 18 times of 19).
    dropped = ("and", "but", "however") if keep_that else ("that", "and", "but")
    while tokens and ((tokens[0].is_punct and tokens[0].text not in '"“(') or tokens[0].lower_ in dropped):
        tokens = tokens[1:]
    opened = any(t.text == "(" for t in tokens)
    while (
        tokens
        and tokens[-1].is_punct
        and tokens[-1].text not in '"”'
        and not (opened and tokens[-1].text == ")")
    ):
        tokens = tokens[:-1]
    return tokens


def _char_range(tokens: list[Token]) -> tuple[int, int] | None:
    if not tokens:
        return None
    first = min(tokens, key=lambda t: t.i)
    last = max(tokens, key=lambda t: t.i)
    return first.idx, last.idx + len(last.text)


def _text_of(text: str, tokens: list[Token]) -> str:
    found = _char_range(tokens)
    return text[found[0] : found[1]] if found else ""


def _strip_article(text: str) -> str:
    return re.sub(r"^(?:the|a|an)\s+", "", text, flags=re.IGNORECASE)


def _close_quote(text: str, start: int, end: int) -> tuple[int, int]:
    """Return the range extended over a closing mark it leaves open ('demanded "immediate release"')."""
    marks = text.count('"', start, end) + text.count("“", start, end) + text.count("”", start, end)
    marks += text.count("''", start, end)
    # The punctuation before the closing mark belongs to the quote: 'were handed out "like candy."'
    closing = re.match(r"[,.!?]?\s?(?:[\"”]|'')", text[end : end + 4])
    if marks % 2 and closing:
        return start, end + closing.end()
    return start, end


_OPENING = '"“'


def _with_marks(text: str, start: int, end: int) -> tuple[int, int]:
    """Return the range widened over the quotation marks around it and the punctuation they enclose."""
    closes = re.match(r"[,.!?]?\s?(?:[\"”]|'')", text[end : end + 4])
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


def _stance_range(copula: Token) -> tuple[int, int] | None:
    """Return what a stance adjective is about: "are hopeful [they can …]", "is eager [to …]",
    "have been critical [of X]" (PolNeAR counts beliefs and stances as attributions)."""
    adjective = next((c for c in copula.children if c.dep_ == "acomp"), None)
    if adjective is None:
        return None
    clause = next((c for c in adjective.children if c.dep_ in ("ccomp", "xcomp")), None)
    if clause is not None:
        return _char_range(_trim(list(clause.subtree), keep_that=True))
    target = next(
        (
            c
            for p in adjective.children
            if p.dep_ == "prep" and p.lower_ in _STANCE_PREPS
            for c in p.children
            if c.dep_ in ("pobj", "pcomp")
        ),
        None,
    )
    return _char_range(_trim(_noun_phrase(target))) if target is not None else None


def _question_range(ask: Token) -> tuple[int, int] | None:
    """Return what was asked: "asked [about X]", "was asked [why …]", "asked [if …]"."""
    about = _object_of_prep(ask, "about")
    if about is not None:
        return _char_range(_trim(list(about.subtree)))
    question = next(
        (
            c
            for c in ask.children
            if c.dep_ in ("ccomp", "advcl")
            and c.i > ask.i
            and min(c.subtree, key=lambda t: t.i).lower_ in _QUESTION_WORDS
        ),
        None,
    )
    return _char_range(_trim(list(question.subtree))) if question is not None else None


def _sure_of_object_cue(verb: Token, model: CueModel) -> bool:
    probability = model.probability(verb)
    if probability >= _OBJECT_THRESHOLD:
        return True
    subject = _subject(verb)
    speaker = subject is not None and (
        subject.ent_type_ in _NAMED or subject.lower_ in _SPEAKER_PRONOUNS or subject.pos_ == "NOUN"
    )
    return speaker and probability >= _OBJECT_THRESHOLD_SPEAKER
