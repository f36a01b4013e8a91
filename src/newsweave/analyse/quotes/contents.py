"""What is said: the content range of a cue, from its clause, object or a quotation nearby."""

from __future__ import annotations

import re

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from newsweave.analyse.lexicon import NEEDS_COMPLEMENT, SPEECH_VERBS
from newsweave.analyse.quotes.clauses import (
    _call_for_range,
    _call_name_range,
    _in_participle_attribution,
    _object_range,
    _question_range,
    _stance_range,
    _sure_of_object_cue,
)
from newsweave.analyse.quotes.marks import _with_marks
from newsweave.analyse.quotes.sources import _SourceRules
from newsweave.analyse.quotes.tokens import (
    _char_range,
    _object_of_prep,
    _subject,
    _trim,
    _without_time_tail,
)

_QUOTE_VERBS = frozenset({"say", "tell", "add", "write", "tweet", "state", "declare", "explain", "insist"})


class _ContentRules(_SourceRules):
    def _content_range(self, sent: SpacySpan, verb: Token) -> tuple[int, int] | None:
        """Return what the cue reports: its clause, or failing one, what stands in for it."""
        complement = _complement(verb)
        if complement is None or _object_after_spliced_clause(verb, complement):
            return self._content_without_clause(sent, verb)
        if verb.text == ":":
            return self._after_colon(sent, verb)
        return self._clause_range(verb, complement)

    def _content_without_clause(self, sent: SpacySpan, verb: Token) -> tuple[int, int] | None:
        """Return the content of a cue with no clause of its own, the rules tried in turn."""
        lemma = verb.lemma_.lower()
        framed = self._framed_quote(verb)
        if framed is not None:
            return framed
        # Beliefs and questions: "are hopeful [they …]", "was asked [about X]".
        if verb.pos_ == "AUX" or lemma == "ask":
            found = _stance_range(verb) if verb.pos_ == "AUX" else _question_range(verb)
            if found is not None:
                return found
        if lemma == "call" and any(c.dep_ == "oprd" for c in verb.children):
            # "called [the charges unsubstantiated]"
            return _char_range(
                _trim([t for c in verb.children if c.dep_ in ("dobj", "oprd") for t in c.subtree])
            )
        if lemma in ("call", "appeal"):
            found = _call_for_range(verb) or _call_name_range(verb)
            if found is not None:
                return found
        if lemma in NEEDS_COMPLEMENT:
            found = _request_range(verb, lemma)
            if found is not None:
                return found
        # "As Vulture put it, [“Hello, it’s the Biebs.”]": the quote follows the verb's "it".
        it = _object_it(verb) if lemma == "put" else None
        following = self._following_quote(verb if it is None else it)
        if following is not None:
            return following
        if verb.text == ":":
            return self._after_colon(sent, verb)
        if lemma in _QUOTE_VERBS:
            found = self._adjacent_quote(verb) or self._fronted_content(sent, verb)
            if found is not None:
                return found
        # "[The plan is dead], he argued" reports the clause before; "…, he also provided [words of
        # encouragement]" reports its own object.
        has_object = any(c.dep_ in ("dobj", "xcomp") and c.i > verb.i for c in verb.children)
        if verb.dep_ in ("parataxis", "ccomp") and verb.head.i < verb.i and not has_object:
            return self._governing_clause(sent, verb)
        if _as_reported(verb) and not has_object:
            return self._governing_clause(sent, verb)
        # With only an object the cue is as often an act as a statement: a surer model is needed.
        sure = _sure_of_object_cue(verb, self._cue_probability(verb), self.thresholds)
        return _object_range(verb) if sure else None

    def _clause_range(self, verb: Token, complement: Token) -> tuple[int, int] | None:
        """Return the cue's clause without the cue and the attributions nested in it."""
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
        if not self._colon_name(colon):
            return None
        after = _trim([t for t in sent if t.i > colon.i])
        return _char_range(after) if after else self._rest_of_line(colon)

    def _rest_of_line(self, colon: Token) -> tuple[int, int] | None:
        """Return the speaker's turn when the splitter ends a sentence at its colon ("FALLIN: [I think
        he is trying …. I think that has been part of his message.]"): the rest of the paragraph, as
        PolNeAR marks a transcript's turn."""
        line_end = self.text.find("\n", colon.idx)
        turn = self.text[colon.idx + 1 : len(self.text) if line_end < 0 else line_end]
        if not turn.strip():
            return None
        start = colon.idx + 1 + len(turn) - len(turn.lstrip())
        return start, start + len(turn.strip())

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

    def _framed_quote(self, verb: Token) -> tuple[int, int] | None:
        """Return the quote that ends right before a cue's clause which reports nothing else:
        '"… that are missing." [Trump] said.', '"That would be you?" [Borger] asked.'.

        The splitter often cuts such a quote into a sentence of its own, which then only continued
        the last speaker; the trailing cue takes it back (the continuation is absorbed into it).
        """
        if any(c.dep_ in _REPORTED for c in verb.children):
            return None
        opening = [t for c in verb.children if c.dep_ in _CLAUSE_OPENERS and c.i < verb.i for t in c.subtree]
        start = min([verb.idx, *(t.idx for t in opening)])
        before = [q for q in self.quoted if q[1] <= start]
        if not before:
            return None
        region = before[-1]
        gap = self.text[_with_marks(self.text, *region)[1] : start]
        if gap.strip(" ,") or not self._free_or_continued(region):
            return None
        self.used.add(region)
        return region

    def _free_or_continued(self, region: tuple[int, int]) -> bool:
        """Return whether a quote is unused, or used only by a continuation with no cue of its own."""
        if region not in self.used:
            return True
        return any(q.cue is None and q.content.start <= region[0] < q.content.end for q in self.quotes)

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


# What a cue reports when it has a clause or object of its own; and what opens a cue's clause
# before the verb ("[Trump] said", "[she] then added").
_REPORTED = frozenset({"dobj", "ccomp", "xcomp", "parataxis", "oprd", "attr", "acomp"})
_CLAUSE_OPENERS = frozenset({"nsubj", "aux", "neg", "advmod"})
_OPENING_MARKS = frozenset({'"', "“", "''", "‘"})


def _object_it(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ == "dobj" and c.lower_ == "it"), None)


def _as_reported(verb: Token) -> bool:
    """Return whether the cue opens a clause on "as" before the clause it reports: "As [Breitbart
    News] reported, [the White House was refusing …]" (what was reported is the main clause)."""
    marked = any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children)
    return marked and verb.dep_ == "advcl" and verb.i < verb.head.i


def _complement(verb: Token) -> Token | None:
    """Return the clause a cue reports ("said [that …]"), or what is called for ("called for [X]")."""
    complements = [c for c in verb.children if c.dep_ in ("ccomp", "parataxis")]
    # '"We had written two dozen songs," Kiedis said, mentioning …': a quotation before a trailing
    # cue is what it reports.
    quoted = next((c for c in complements if c.i < verb.i and c.left_edge.text in _OPENING_MARKS), None)
    if quoted is not None:
        return quoted
    # "It comes a day after X said Y": the reported clause is the one after the cue.
    complement = next((c for c in complements if c.i > verb.i), complements[0] if complements else None)
    if complement is None and verb.lemma_.lower() in ("call", "appeal"):
        complement = _object_of_prep(verb, "for")
    return complement


def _object_after_spliced_clause(verb: Token, complement: Token) -> bool:
    """Return whether a clause before the cue is only spliced on, and the cue reports its own object:
    "The speech was long, she praised [her staff]" (a speech verb still reports the clause: "…, he
    told [reporters]" names the listener)."""
    return (
        complement.i < verb.i
        and verb.lemma_.lower() not in SPEECH_VERBS
        and any(c.dep_ == "dobj" and c.i > verb.i for c in verb.children)
    )


def _request_range(verb: Token, lemma: str) -> tuple[int, int] | None:
    """Return what a verb that needs a complement asks for: "urged [X to …]", "demanded [X]"."""
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    xcomp = next((c for c in verb.children if c.dep_ == "xcomp"), None)
    tokens = [
        *(obj.subtree if obj is not None else ()),
        *(_without_time_tail(xcomp) if xcomp is not None else ()),
    ]
    return _char_range(_trim(tokens)) if tokens and (xcomp is not None or lemma == "demand") else None
