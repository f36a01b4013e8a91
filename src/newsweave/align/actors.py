"""Canonical actors: one entry per person, organisation or place across the reports.

Mentions merge when they are the same name, a surname of a full name, a one-letter typo of a
name (rapidfuzz), or an acronym of a long form ("ECOWAS" = "Economic Community of West African States").
The type is the majority label, since the small model labels the same name differently.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from functools import lru_cache

from rapidfuzz.distance import DamerauLevenshtein

from newsweave.model import Actor, AnalysedReport, EntityMention, Span
from newsweave.settings import Settings

_FUNCTION_WORDS = frozenset({"of", "the", "and", "for", "de", "du", "des", "la", "le", "on", "in", "at", "&"})
_TYPE_ORDER = ("PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "LAW", "WORK_OF_ART")
# Linear on purpose: a pattern that also matched the long form backtracked badly on long capitalised runs.
_PARENTHESISED = re.compile(r"\((?P<short>[A-Z]{2,8})\)")


def build_actors(analysed: Sequence[AnalysedReport], settings: Settings = Settings()) -> tuple[Actor, ...]:
    """Return the canonical actors of the pile, most mentioned first."""
    mentions = [m for a in analysed for m in a.mentions]
    names = _normalised_names(mentions)
    groups = _UnionFind(list(names))
    _merge_surnames(names, groups)
    _merge_typos(names, groups, settings.typo_min_length)
    _merge_acronyms(names, groups, analysed)
    members: dict[str, list[EntityMention]] = defaultdict(list)
    for mention in mentions:
        members[groups.find(_key(mention.text))].append(mention)
    actors = [_actor(group) for group in members.values()]
    return tuple(sorted(actors, key=lambda a: (-len(a.mentions), a.name)))


def actor_index(actors: Sequence[Actor]) -> dict[Span, Actor]:
    """Return a lookup from each mention span to its actor."""
    return {span: actor for actor in actors for span in actor.mentions}


def _key(text: str) -> str:
    text = re.sub(r"^(?:the)\s+", "", text.strip(), flags=re.IGNORECASE)
    return re.sub(r"['’]s$", "", " ".join(text.split())).lower()


def _normalised_names(mentions: Sequence[EntityMention]) -> dict[str, Counter[str]]:
    names: dict[str, Counter[str]] = defaultdict(Counter)
    for mention in mentions:
        names[_key(mention.text)][mention.label] += 1
    return names


def _merge_surnames(names: dict[str, Counter[str]], groups: _UnionFind) -> None:
    full_names = [n for n, labels in names.items() if " " in n and labels["PERSON"] > 0]
    by_last: dict[str, set[str]] = defaultdict(set)
    for name in full_names:
        by_last[name.split()[-1]].add(name)
        by_last[name.split()[0] + " " + name.split()[-1]].add(name)
    for name in names:
        owners = by_last.get(name, set())
        if len({groups.find(o) for o in owners}) == 1:  # ambiguous surnames stay apart
            groups.union(next(iter(owners)), name)


def _merge_typos(names: dict[str, Counter[str]], groups: _UnionFind, min_length: int) -> None:
    # One edit apart means lengths within one: bucket by (label, length) so only those pairs meet.
    buckets: dict[tuple[str, int], list[str]] = defaultdict(list)
    for name in sorted(names, key=lambda n: -sum(names[n].values())):
        if len(name) < min_length:
            continue
        label = _dominant(names[name])
        for length in (len(name) - 1, len(name), len(name) + 1):
            for other in buckets.get((label, length), ()):
                same_first_names = name.split()[:-1] == other.split()[:-1] or " " not in name
                if same_first_names and DamerauLevenshtein.distance(name, other) == 1:
                    groups.union(other, name)
        buckets[(label, len(name))].append(name)


def _merge_acronyms(
    names: dict[str, Counter[str]], groups: _UnionFind, analysed: Sequence[AnalysedReport]
) -> None:
    acronyms = [n for n in names if n.isalpha() and 2 <= len(n) <= 8 and " " not in n]
    long_forms = [n for n in names if len(n.split()) >= 2]
    by_initial: dict[str, list[str]] = defaultdict(list)
    for long in long_forms:
        by_initial[long[0]].append(long)
    for acronym in acronyms:
        matches = [long for long in by_initial.get(acronym[0], ()) if is_acronym(acronym, long)]
        if len(matches) == 1:
            groups.union(matches[0], acronym)
    for report in analysed:  # "Defence and Security Forces (FDS)": defined in the text itself
        text = report.report.text
        for match in _PARENTHESISED.finditer(text):
            short = _key(match.group("short"))
            before = _key(text[max(0, match.start() - 120) : match.start()])
            candidates = [n for n in long_forms if before.endswith(n)]
            if short in names and candidates:
                groups.union(max(candidates, key=len), short)


def is_acronym(acronym: str, long_form: str) -> bool:
    """Return True when the letters of ``acronym`` start the words of ``long_form`` in order."""
    words = tuple(w for w in re.split(r"[\s-]+", long_form.lower()) if w)
    content = [w for w in words if w not in _FUNCTION_WORDS]
    if not content or len(content) > len(acronym):
        return False
    return _spells(acronym.lower(), words, 0)


@lru_cache(maxsize=65_536)
def _spells(letters: str, words: tuple[str, ...], index: int) -> bool:
    if not letters:
        return all(w in _FUNCTION_WORDS for w in words[index:])
    if index == len(words):
        return False
    word = words[index]
    if word in _FUNCTION_WORDS and _spells(letters, words, index + 1):
        return True
    return any(
        letters[:k] == word[:k] and _spells(letters[k:], words, index + 1)
        for k in range(1, min(len(letters), len(word)) + 1)
    )


def _dominant(labels: Counter[str]) -> str:
    return max(
        labels, key=lambda label: (labels[label], -_TYPE_ORDER.index(label) if label in _TYPE_ORDER else -99)
    )


def _actor(group: list[EntityMention]) -> Actor:
    labels = Counter(m.label for m in group)
    spellings = Counter(" ".join(re.sub(r"['’]s$", "", m.text).split()) for m in group)
    name = max(spellings, key=lambda s: (len(s.split()) > 1 and labels["PERSON"] > 0, spellings[s], len(s)))
    if labels["ORG"] and any(len(s.split()) > 1 for s in spellings):
        name = max(spellings, key=lambda s: (len(s.split()), spellings[s]))
    aliases = tuple(sorted(s for s in spellings if s != name))
    spans = tuple(sorted((m.span for m in group), key=lambda s: (s.report_id, s.start)))
    reports = tuple(dict.fromkeys(s.report_id for s in spans))
    return Actor(name=name, type=_dominant(labels), aliases=aliases, mentions=spans, reports=reports)


class _UnionFind:
    def __init__(self, items: list[str]) -> None:
        self.parent = {item: item for item in items}

    def find(self, item: str) -> str:
        self.parent.setdefault(item, item)
        while self.parent[item] != item:
            self.parent[item] = self.parent[self.parent[item]]
            item = self.parent[item]
        return item

    def union(self, a: str, b: str) -> None:
        self.parent[self.find(b)] = self.find(a)
