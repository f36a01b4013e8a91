"""What a cue reports, read off the parse: clauses, objects, stances and questions (pure functions)."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from newsweave.analyse.lexicon import SPEECH_VERBS
from newsweave.analyse.quotes.thresholds import Thresholds
from newsweave.analyse.quotes.tokens import (
    _NAMED,
    _agent,
    _char_range,
    _is_setting,
    _is_time_modifier,
    _noun_phrase,
    _object_of_prep,
    _subject,
    _trim,
    _without_time_tail,
)
from newsweave.model import Quote, Span

_SPEAKER_PRONOUNS = frozenset("he she they we i".split())
# "critical of", "confident about", "worried about": the preposition that names a stance's target.
_STANCE_PREPS = frozenset({"of", "about", "on", "over", "with", "to"})
_QUOTE_OPENERS = frozenset({'"', "“", "''", "‘"})
_QUESTION_WORDS = frozenset({"if", "whether", "why", "how", "what", "when", "where", "who", "which"})
_TOPIC_PREPS = frozenset({"about", "of", "on", "for", "against", "to", "with", "over", "at", "into"})
# A cue with only an object is as often an act as a statement: "attacked [Clinton]" is an
# attribution in political news, "attacked [the embassy]" is not. Places are never what is said.
_PLACE_NOUNS = frozenset("embassy capital city palace headquarters building street border town".split())
# "It is expected to …", "there seems to be …": no subject that is part of what is expected.
_SUBJECT_PRONOUNS_NOT_SAID = frozenset({"it", "there", "this", "that", "which", "who"})


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
    if not _judged_phrase(verb):
        return None
    return _agent(verb)


def _chained_verb(verb: Token) -> Token | None:
    """Return the verb a cue hands on to ("continued [to assure]", "began [talking about]"), if any."""
    for child in verb.children:
        if child.dep_ != "xcomp" or child.pos_ != "VERB" or not 0 < child.i - verb.i <= 3:
            continue
        between = verb.doc[verb.i + 1 : child.i]
        if all(t.lower_ == "to" or t.dep_ == "prt" for t in between):
            return child
    return None


def _unnamed_source(verb: Token, subject: Token | None) -> bool:
    """Return whether the cue names no one: "it was revealed [that …]", "it seems [that …]", and
    "[Trump] was asked about …" or "Asked about X, [Trump] said" (who asked is not said)."""
    lemma = verb.lemma_.lower()
    if _agent(verb) is not None:
        return False  # "asked [by reporters]", "it was reported [by Reuters]": the agent is named
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


def _judged_phrase(verb: Token) -> list[Token]:
    """Return what a passive cue judges: its subject ("[The plan] was rejected"), or the noun its
    participle describes ("[The bill], opposed by Republicans, …"); nothing for a pronoun."""
    subject = next((c for c in verb.children if c.dep_ == "nsubjpass" and c.i < verb.i), None)
    if subject is not None:
        return [] if subject.lower_ in _SUBJECT_PRONOUNS_NOT_SAID else _noun_phrase(subject)
    noun = verb.head
    if verb.tag_ != "VBN" or verb.dep_ != "acl" or noun.pos_ not in ("NOUN", "PROPN") or noun.i > verb.i:
        return []
    own = {t.i for t in verb.subtree}
    return _trim([t for t in _noun_phrase(noun) if t.i not in own and t.i < verb.i])


def _judged_subject(verb: Token) -> list[tuple[int, int]]:
    """Return the subject of a passive cue with no agent and nothing else said ("[Thiel's support]
    was first noted", "[The plan] was approved"), and what it is seen as ("[X] is widely seen as
    [a leader]"): what was said is about the subject, and no one is named as saying it."""
    judged = _judged_phrase(verb)
    if not judged or any(c.dep_ in ("agent", "ccomp", "xcomp", "parataxis") for c in verb.children):
        return []
    if any(_is_place(o) for p in verb.children if p.dep_ == "prep" for o in p.children):
        return []  # "[Talon] had been expected in the capital": where someone goes is not said
    pieces = [_char_range(judged)]
    # Only what follows the cue: in "That's [what] we should be focused on" the object was moved in
    # front of the subject, and a content from the subject back to it would run backwards.
    objects = [o for o in _topic_objects(verb, _TOPIC_PREPS | {"as"}) if o.i > verb.i]
    if objects:
        pieces.append(_char_range(_trim([t for c in objects for t in c.subtree])))
    return [p for p in pieces if p is not None] if None not in pieces else []


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


def _sure_of_object_cue(verb: Token, probability: float, thresholds: Thresholds) -> bool:
    if probability >= thresholds.object:
        return True
    subject = _subject(verb)
    if subject is not None and verb.dep_ == "relcl" and subject.lower_ in ("who", "which", "that"):
        subject = verb.head  # "[Sanders], who called [the pact a disaster]": the noun it describes
    speaker = subject is not None and (
        subject.ent_type_ in _NAMED or subject.lower_ in _SPEAKER_PRONOUNS or subject.pos_ == "NOUN"
    )
    return speaker and probability >= thresholds.object_speaker


def _object_range(cue: Token) -> tuple[int, int] | None:
    """Return what a cue with no clause is about: its object ("attacked [loopholes]", "[their] claim
    [that …]", "disagrees with [her former boss]")."""
    wanted = ("dobj", "xcomp", "acl", "attr") if cue.pos_ != "NOUN" else ("acl", "prep", "ccomp")
    first = next((c for c in cue.rights if c.dep_ in wanted), None)
    if first is not None and _is_place(first):
        return None
    tokens = _completed_object(cue, first) if first is not None else []
    if not tokens and cue.pos_ != "NOUN":
        objects = _topic_objects(cue)
        if any(_is_place(c) for c in objects):
            return None
        tokens = [t for c in objects for t in c.subtree]
    return _char_range(_trim(tokens, keep_that=True))


def _completed_object(cue: Token, first: Token) -> list[Token]:
    """Return the object and what completes it: "casting [himself as a champion of …]", "mocked [Romney
    for not releasing …]"; a new clause ("and …", "when …") or a date is not part of it."""
    tokens: list[Token] = []
    for child in (c for c in cue.rights if c.i >= first.i):
        if child.dep_ in ("cc", "conj", "advcl", "punct") or _is_setting(child):
            break
        tokens += list(child.subtree)
    return tokens


def _topic_objects(cue: Token, preps: frozenset[str] = _TOPIC_PREPS) -> list[Token]:
    """Return the objects of the first preposition after the cue: "talked [about] X", "boasted of
    [how …]". Not when or where it was said: "said on [Friday]", "discussing for [several weeks]"."""
    prep = next(
        (
            c
            for c in cue.rights
            if c.dep_ == "prep" and c.lower_ in preps and not _is_time_modifier(c) and not _is_setting(c)
        ),
        None,
    )
    return [c for c in (prep.children if prep else ()) if c.dep_ in ("pobj", "pcomp")]


def _is_place(token: Token) -> bool:
    return token.ent_type_ in ("FAC", "GPE", "LOC") or token.lemma_ in _PLACE_NOUNS
