"""Word lists the analyse rules need.

Written by hand because no offline library ships them for English news: speech and belief cues
(as in attribution corpora such as PARC and PolNeAR), titles that precede names, and the
vague-quantity words news uses.
"""

from __future__ import annotations

SPEECH_VERBS = frozenset(
    """say tell announce add stress state explain warn urge declare confirm deny claim insist
    note report write tweet post estimate fear believe accuse ask demand voice acknowledge admit
    allege argue assert caution comment complain concede contend describe emphasise emphasize
    indicate maintain mention predict promise reiterate remark reply respond reveal suggest
    testify threaten vow assure inform brief call appeal plead order pledge hope expect think
    recall signal""".split()
)
# Cues that introduce what someone believes or wants rather than says: still attributions.
NEEDS_COMPLEMENT = frozenset({"call", "appeal", "ask", "order", "urge", "demand", "plead"})

TITLE_WORDS = frozenset(
    """president vice prime minister secretary general colonel captain major lieutenant sergeant
    commander chief spokesperson spokesman spokeswoman ambassador king queen prince princess
    senator governor mayor chancellor director head leader chairman chairwoman chair
    dr mr mrs ms prof professor sir lord lady judge justice pope bishop archbishop sheikh
    foreign defence defense interior finance deputy acting former coup junta army military
    state commission european un us french british german secretary-general""".split()
)

# What vague amounts mean, as (low, high) multipliers of the scale word that follows them.
VAGUE_MULTIPLIERS: dict[str, tuple[float, float]] = {
    "a few": (2, 5),
    "few": (2, 5),
    "several": (3, 9),
    "some": (2, 9),
    "many": (3, 9),
    "a couple of": (2, 3),
}
# Plural scale words on their own: "hundreds", "dozens of".
PLURAL_SCALES: dict[str, tuple[float, float]] = {
    "dozens": (24, 99),
    "scores": (40, 99),
    "hundreds": (200, 999),
    "thousands": (2_000, 9_999),
    "tens of thousands": (20_000, 99_999),
    "hundreds of thousands": (200_000, 999_999),
    "millions": (2_000_000, 9_999_999),
}
# Qualifiers before a number and the interval they give around it.
APPROXIMATE = frozenset({"about", "some", "around", "roughly", "approximately", "nearly", "almost", "circa"})
LOWER_BOUND = frozenset({"more than", "over", "at least", "upwards of", "in excess of", "above"})
UPPER_BOUND = frozenset({"less than", "fewer than", "up to", "at most", "under", "below", "no more than"})

# Nouns that count people; their figures are followed as one quantity across reports.
PEOPLE_NOUNS = frozenset(
    """people person citizen national resident civilian evacuee individual foreigner expatriate
    expat""".split()
)

# Verbs that describe one movement of people; their figures are one quantity ("wish to leave",
# "were evacuated", "repatriated").
VERB_CLASSES: dict[str, str] = (
    {verb: "evacuate" for verb in "evacuate leave repatriate flee airlift fly depart exit".split()}
    | {verb: "kill" for verb in "kill die slay murder".split()}
    | {verb: "injure" for verb in "injure wound hurt".split()}
    | {verb: "arrest" for verb in "arrest detain hold jail".split()}
)
