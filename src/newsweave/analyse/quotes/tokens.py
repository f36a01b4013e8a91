"""Parse helpers the attribution rules share: subjects, noun phrases, settings, trimming, character ranges."""

from __future__ import annotations

from spacy.tokens import Token

from newsweave.analyse.lexicon import SPEECH_VERBS

_NAMED = ("PERSON", "ORG", "GPE", "NORP")
_QUOTE_MARKS = frozenset({'"', "“", "”", "''", "``"})


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


def _is_time_modifier(token: Token) -> bool:
    if token.dep_ == "npadvmod":
        return token.ent_type_ in ("DATE", "TIME")
    return token.dep_ == "prep" and any(c.ent_type_ in ("DATE", "TIME") for c in token.children)


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
        if node.dep_ == "pcomp" and node.head.dep_ == "prep" and node.head.head.pos_ in ("VERB", "AUX"):
            node = node.head  # "[he] touted …, after thanking the crowd": the clause's subject
        elif node.dep_ not in ("conj", "advcl", "xcomp") or node.head.i == node.i:
            return None
        node = node.head
    return None


def _agent(verb: Token) -> Token | None:
    """Return who does a passive verb, the object of its "by" ("as reported [by X]"), if any."""
    by = next((c for c in verb.children if c.dep_ == "agent" and c.i > verb.i), None)
    return next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None


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
    # "[Marco Rubio], speaking at a rally, said": a participle or adjective phrase after a comma is
    # narration, not the name (train gold leaves it out 36 times, keeps it 17).
    aside = [
        c.left_edge.i - 1
        for c in head.children
        if c.dep_ in ("acl", "amod") and c.i > head.i and c.doc[c.left_edge.i - 1].text == ","
    ]
    if aside:
        tokens = [t for t in tokens if t.i < min(aside)]
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
    # The parser can hang a quotation's mark on the speaker ('"It is over," [the mayor]" said'): an
    # unpaired closing mark is not part of the name ('[the plan "a disaster"]' keeps its pair).
    if tokens and tokens[-1].text in _QUOTE_MARKS and sum(t.text in _QUOTE_MARKS for t in tokens) % 2:
        tokens = tokens[:-1]
    return _trim(tokens) or [head]


def _object_of_prep(verb: Token, word: str) -> Token | None:
    prep = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == word), None)
    return next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None) if prep is not None else None


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
