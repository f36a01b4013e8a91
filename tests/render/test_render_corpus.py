"""A brief built by hand from the real niger-2023 sample corpus, shared by the render tests.

Every citation is located in the report text with str.find, so its offsets are real.
The other render test modules import ``build_brief`` and ``cite`` from here.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from newsweave.model.brief import (
    Brief,
    BriefDivergence,
    BriefDocument,
    BriefEntity,
    BriefFigure,
    BriefQuote,
    BriefRejection,
    BriefTimelineEntry,
    BriefUnique,
    Citation,
)

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "niger-2023"
R0 = "000_9324567a5dbc881f"
R1 = "001_b3b5c18ab2381f7d"
R2 = "002_c6a2e5104b6ed147"


@cache
def report_text(report_id: str) -> str:
    """Return the text of one sample report."""
    return (CORPUS / f"{report_id}.txt").read_text(encoding="utf-8")


def cite(report_id: str, needle: str, text: str | None = None) -> Citation:
    """Return the citation of the first occurrence of ``needle`` in a report (or in ``text``)."""
    source = report_text(report_id) if text is None else text
    start = source.find(needle)
    assert start >= 0, f"{needle!r} is not in report {report_id}"
    return Citation(report_id, start, start + len(needle), needle)


def _documents() -> tuple[BriefDocument, ...]:
    def document(report_id: str, title: str, published: str, confidence: float, why: str, evidence: str):
        return BriefDocument(
            id=report_id,
            path=f"niger-2023/{report_id}.txt",
            title=title,
            published=published,
            published_how="inferred",
            published_confidence=confidence,
            published_explanation=why,
            words=len(report_text(report_id).split()),
            duplicate_of=None,
            notes=(),
            citations=(cite(report_id, evidence),),
        )

    return (
        document(
            R0,
            "France plans to evacuate hundreds of citizens from Niger",
            "2023-08-01",
            0.8,
            "'Tuesday (August 1)' names the report's own day with weekday and date.",
            "Tuesday (August 1)",
        ),
        document(
            R1,
            "France asks Niger junta to 'fully guarantee' embassy safety",
            "2023-08-03",
            0.7,
            "The embedded post is dated August 2, 2023 and the report speaks of Thursday's protest.",
            "August 2, 2023",
        ),
        document(
            R2,
            "Colonna sees 'ways out' for Niger's coup plotters",
            "2023-07-28",
            0.6,
            "The caption dates a protest 'Thursday July 27 2023' and Colonna spoke on Friday.",
            "Thursday July 27 2023",
        ),
    )


def _timeline() -> tuple[BriefTimelineEntry, ...]:
    def entry(day: str, precision: str, text: str, *citations: Citation) -> BriefTimelineEntry:
        reports = tuple(dict.fromkeys(c.report for c in citations))
        return BriefTimelineEntry(day, precision, text, reports, citations)

    return (
        entry(
            "1960-01-01",
            "year",
            "Niger gains independence from France.",
            cite(R2, "Since gaining independence from France in 1960, it has experienced four coups"),
        ),
        entry(
            "2022-02-01",
            "month",
            "Russia invades Ukraine.",
            cite(R2, "Russia – isolated since invading Ukraine in February 2022"),
        ),
        entry(
            "2023-07-26",
            "day",
            "Military officers oust President Mohamed Bazoum, who is confined by his own presidential guard.",
            cite(R0, "military officers ousted President Mohamed Bazoum last Wednesday (July 27)"),
            cite(R2, "has been confined to his residence since Wednesday by his own presidential guard"),
        ),
        entry(
            "2023-07-27",
            "day",
            "Coup leaders say they have won broad army support and call for calm.",
            cite(
                R2,
                "on Thursday, coup leaders in Niger said they had won broad army support and called for calm",
            ),
        ),
        entry(
            "2023-07-30",
            "day",
            "Junta supporters burn French flags and attack the French embassy in Niamey.",
            cite(R0, "Supporters of the junta burned French flags and attacked the French embassy"),
        ),
        entry(
            "2023-08-01",
            "day",
            "France begins evacuating its citizens.",
            cite(R0, "France plans to evacuate hundreds of French and European citizens from Niger"),
            cite(R1, "France, which evacuated its citizens on Tuesday"),
        ),
        entry(
            "2023-08-02",
            "day",
            "992 people have been evacuated to France, 560 of them French citizens.",
            cite(R1, "On Wednesday night, it said that 992 people were evacuated to France in the operation"),
        ),
        entry(
            "2023-08-03",
            "day",
            "France's foreign ministry declares the evacuation operation over.",
            cite(R1, "The evacuation operation for nationals wishing to leave Niger has come to an end"),
        ),
    )


def _entities() -> tuple[BriefEntity, ...]:
    return (
        BriefEntity(
            "Catherine Colonna",
            "PERSON",
            ("Colonna",),
            4,
            (R0, R2),
            (cite(R0, "Catherine Colonna"), cite(R2, "Catherine Colonna")),
        ),
        BriefEntity(
            "Mohamed Bazoum",
            "PERSON",
            ("Bazoum", "Mohamed Bazoumm"),
            12,
            (R0, R1, R2),
            (cite(R0, "Mohamed Bazoum"), cite(R1, "Mohamed Bazoum"), cite(R2, "Mohamed Bazoumm")),
        ),
        BriefEntity("Abdourahamane Tchiani", "PERSON", (), 1, (R1,), (cite(R1, "Abdourahamane Tchiani"),)),
        BriefEntity(
            "ECOWAS",
            "ORG",
            ("Economic Community of West African States",),
            4,
            (R0, R2),
            (cite(R0, "ECOWAS"), cite(R2, "Economic Community of West African States")),
        ),
        BriefEntity("Niamey", "GPE", (), 6, (R0, R1, R2), (cite(R0, "Niamey"), cite(R1, "Niamey"))),
        BriefEntity("Nigerien", "NORP", (), 2, (R2,), (cite(R2, "Nigerien"),)),
    )


def _figures() -> tuple[BriefFigure, ...]:
    def figure(value, text, counts, context, day, series, citation, low=None, high=None) -> BriefFigure:
        return BriefFigure(value, low, high, text, counts, context, day, series, (citation,))

    return (
        figure(
            None, "a few hundred", "French people", "wish to leave", "2023-08-01", "people evacuated",
            cite(R0, "a few hundred French people wish to leave"),
        ),
        figure(
            992, "992", "people", "evacuated to France", "2023-08-03", "people evacuated",
            cite(R1, "992 people were evacuated to France"),
        ),
        figure(
            560, "560", "French citizens", "evacuated", "2023-08-03", "people evacuated",
            cite(R1, "560 French citizens"),
        ),
        figure(
            None, "more than 70", "citizens", "Spain preparing to evacuate by air", "2023-08-01",
            "people evacuated", cite(R0, "more than 70 citizens"), low=70,
        ),
        figure(
            1500, "1,500", "soldiers", "France has in Niger", "2023-07-28", "troops in Niger",
            cite(R2, "1,500 soldiers"),
        ),
        figure(
            1100, "about 1,100", "troops", "deployed by the United States", "2023-07-28", "troops in Niger",
            cite(R2, "about 1,100 troops"),
        ),
    )  # fmt: skip


def _quotes() -> tuple[BriefQuote, ...]:
    sanctions = "France would support sanctions"
    return (
        BriefQuote(
            "Catherine Colonna",
            "Catherine Colonna",
            '"We estimate that a few hundred French people wish to leave and have clearly expressed '
            'this intention. A few hundred Europeans too."',
            "direct",
            "",
            (
                cite(
                    R0,
                    '"We estimate that a few hundred French people wish to leave and have clearly expressed '
                    'this intention. A few hundred Europeans too."',
                ),
            ),
        ),
        BriefQuote(
            "Catherine Colonna",
            "Catherine Colonna",
            "France had spoken with authorities in Niger to make sure the evacuation could proceed safely",
            "indirect",
            "told",
            (
                cite(
                    R0,
                    "France had spoken with authorities in Niger to make sure the evacuation could proceed",
                ),
            ),
        ),
        BriefQuote(
            "Catherine Colonna",
            "she",
            '"If you hear me talking about an attempted coup, '
            "it's because we don't consider things final,\"",
            "direct",
            "said",
            (
                cite(R2, "If you hear me talking about an attempted coup, it's because we don't consider"),
                cite(R2, "she said"),
            ),
        ),
        # The same statement twice, as an aligner might pass it on: the brief shows it once.
        BriefQuote("Catherine Colonna", "she", sanctions, "indirect", "adding", (cite(R2, "adding that"),)),
        BriefQuote("Catherine Colonna", "she", sanctions, "indirect", "adding", (cite(R2, sanctions),)),
        BriefQuote(
            "Abdourahamane Tchiani",
            "Coup leader General Abdourahamane Tchiani",
            'French citizens "have no objective reason to leave Niger"',
            "mixed",
            "said",
            (cite(R1, 'French citizens "have no objective reason to leave Niger"'),),
        ),
        BriefQuote(
            "Mohamed Bazoum",
            "Bazoum",
            '"The hard-won (democratic) gains will be safeguarded,"',
            "direct",
            "said",
            (cite(R2, '"The hard-won (democratic) gains will be safeguarded,"'),),
        ),
        BriefQuote(
            None,
            "a spokesman",
            "UN humanitarian operations have been suspended in Niger following the coup",
            "indirect",
            "said",
            (cite(R2, "UN humanitarian operations have been suspended in Niger following the coup"),),
        ),
    )


def _divergences() -> tuple[BriefDivergence, ...]:
    return (
        BriefDivergence(
            "update",
            "The number leaving grows from 'a few hundred' French people to 992 people evacuated.",
            ("a few hundred French people wish to leave", "992 people were evacuated to France"),
            (
                cite(R0, "a few hundred French people wish to leave"),
                cite(R1, "992 people were evacuated to France"),
            ),
        ),
        BriefDivergence(
            "conflict",
            "The junta says French citizens face no threat; "
            "France evacuated them after an attack on its embassy.",
            ('they "did not face the slightest threat"', "attacked the French embassy"),
            (cite(R1, 'they "did not face the slightest threat"'), cite(R0, "attacked the French embassy")),
        ),
        BriefDivergence(
            "inconsistency",
            "Report 000 dates the coup to 'last Wednesday (July 27)', but 27 July 2023 was a Thursday.",
            ("last Wednesday (July 27)",),
            (cite(R0, "last Wednesday (July 27)"),),
        ),
    )  # fmt: skip


def _unique() -> tuple[BriefUnique, ...]:
    return (
        BriefUnique(
            R1,
            "A total of five military aircraft have been chartered for the evacuations.",
            "Only report 001 says how many aircraft were used.",
            (cite(R1, "A total of five military aircraft have been chartered for the evacuations."),),
        ),
        BriefUnique(
            R2,
            "UN humanitarian operations have been suspended in Niger following the coup.",
            "No other report mentions the UN's humanitarian work.",
            (cite(R2, "UN humanitarian operations have been suspended in Niger following the coup"),),
        ),
    )


def build_brief() -> Brief:
    """Return a brief of the niger-2023 sample, every citation a real substring of its report."""
    return Brief(
        story_id="niger-2023-coup",
        title="Coup in Niger: France evacuates its citizens",
        documents=_documents(),
        timeline=_timeline(),
        entities=_entities(),
        figures=_figures(),
        quotes=_quotes(),
        divergences=_divergences(),
        unique=_unique(),
        rejections=(
            BriefRejection("niger-2023/empty.txt", "E101", "E101 empty file: 0 bytes"),
            BriefRejection("niger-2023/photo.jpg", "E102", "E102 binary file: NUL bytes in the first 8 KiB"),
        ),
    )


def all_citations(brief: Brief) -> list[Citation]:
    """Return every citation in the brief, in section order."""
    parts = (brief.documents, brief.timeline, brief.entities, brief.figures, brief.quotes)
    parts += (brief.divergences, brief.unique, brief.rejections)
    return [c for part in parts for item in part for c in item.citations]


def test_every_sample_citation_is_the_report_text_at_its_offsets() -> None:
    citations = all_citations(build_brief())
    assert len(citations) > 30
    for citation in citations:
        assert report_text(citation.report)[citation.start : citation.end] == citation.text


def test_cite_refuses_text_that_is_not_in_the_report() -> None:
    with pytest.raises(AssertionError):
        cite(R0, "a sentence no report contains")
