"""brief.md: sections, footnotes that resolve, cited text shown verbatim, Markdown escaped."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest
from test_render_corpus import R0, R1, R2, all_citations, build_brief, cite

from newsweave.model.brief import Brief, BriefQuote, Citation
from newsweave.render import render_markdown

SECTIONS = (
    "Timeline",
    "Who's who",
    "Key figures",
    "Who said what",
    "Where sources differ",
    "Only in one report",
    "Sources",
    "Rejected inputs",
)
USED = re.compile(r"\[\^(\d+)\](?!:)")
DEFINED = re.compile(r"^\[\^(\d+)\]: ", re.MULTILINE)


@pytest.fixture(scope="module")
def brief() -> Brief:
    return build_brief()


@pytest.fixture(scope="module")
def markdown(brief: Brief) -> str:
    return render_markdown(brief)


def section(markdown: str, heading: str) -> str:
    """Return the text under one ``## heading``, up to the next one (or the footnotes)."""
    body = markdown.split(f"\n## {heading}\n", 1)[1]
    return re.split(r"\n## |\n\[\^\d+\]: ", body, maxsplit=1)[0]


def footnote(markdown: str, citation: Citation) -> str:
    return f'report {citation.report}, chars {citation.start}–{citation.end}: "{citation.text}"'


def test_title_summary_and_every_section_in_order(markdown: str) -> None:
    assert markdown.startswith("# Coup in Niger: France evacuates its citizens\n\n")
    summary = markdown.split("\n\n")[1]
    assert "3 reports" in summary
    assert "between Fri 28 Jul 2023 and Thu 3 Aug 2023" in summary
    assert "2 inputs were rejected" in summary
    headings = re.findall(r"^## (.+)$", markdown, re.MULTILINE)
    assert headings == list(SECTIONS)
    assert markdown.endswith('"\n') and not markdown.endswith("\n\n")


def test_every_footnote_used_is_defined_and_every_definition_used(markdown: str) -> None:
    defined = DEFINED.findall(markdown)
    used = set(USED.findall(markdown))
    assert len(defined) == len(set(defined)), "a footnote is defined twice"
    assert set(defined) == used
    assert sorted(map(int, defined)) == list(range(1, len(defined) + 1))


def test_numbers_follow_first_use(markdown: str) -> None:
    body = markdown.split("\n[^1]: ", 1)[0]
    first_uses = list(dict.fromkeys(int(n) for n in USED.findall(body)))
    assert first_uses == sorted(first_uses)


def test_every_cited_text_appears_verbatim_in_its_footnote(brief: Brief, markdown: str) -> None:
    for citation in all_citations(brief):
        assert footnote(markdown, citation) in markdown


def test_identical_citations_share_one_footnote(brief: Brief, markdown: str) -> None:
    assert len(DEFINED.findall(markdown)) == len(set(all_citations(brief)))
    # The 992 figure and the update divergence cite the same words: one note, used twice.
    number = _number_of(markdown, cite(R1, "992 people were evacuated to France"))
    assert len(re.findall(rf"\[\^{number}\](?!:)", markdown)) == 2


def test_timeline_dates_follow_their_precision(markdown: str) -> None:
    timeline = section(markdown, "Timeline")
    assert "- **Wed 26 Jul 2023** — Military officers oust President Mohamed Bazoum" in timeline
    assert "- **Feb 2022** — Russia invades Ukraine." in timeline
    assert "- **1960** — Niger gains independence from France." in timeline
    wednesday = cite(R0, "military officers ousted President Mohamed Bazoum last Wednesday (July 27)")
    assert f"[^{_number_of(markdown, wednesday)}]" in timeline


def test_whos_who_groups_entities_by_type_with_aliases(markdown: str) -> None:
    text = section(markdown, "Who's who")
    groups = re.findall(r"^### (.+)$", text, re.MULTILINE)
    assert groups == ["People", "Organisations", "Places", "Groups"]
    assert "**Mohamed Bazoum** (also Bazoum, Mohamed Bazoumm) — 12 mentions in 3 reports" in text
    assert "**ECOWAS** (also Economic Community of West African States)" in text


def test_key_figures_grouped_by_series_with_date_and_source(markdown: str) -> None:
    text = section(markdown, "Key figures")
    assert re.findall(r"^### (.+)$", text, re.MULTILINE) == ["people evacuated", "troops in Niger"]
    assert f"- **992** people — evacuated to France (reported Thu 3 Aug 2023; report {R1})" in text
    assert "**more than 70** citizens" in text


def test_who_said_what_by_speaker(markdown: str) -> None:
    text = section(markdown, "Who said what")
    speakers = re.findall(r"^### (.+)$", text, re.MULTILINE)
    assert speakers == [
        "Catherine Colonna",
        "Abdourahamane Tchiani",
        "Mohamed Bazoum",
        "A spokesman (not named)",
    ]
    assert "- “We estimate that a few hundred French people wish to leave" in text
    assert "- said that France had spoken with authorities in Niger" in text
    assert "- “The hard-won (democratic) gains will be safeguarded”[^" in text
    # Two quote records of the same words, and one quote cited twice: each shown once.
    assert text.count("France would support sanctions") == 1
    assert re.search(r"said that France would support sanctions \*\(adding\)\*(\[\^\d+\]){2}\n", text)
    assert text.count("If you hear me talking about an attempted coup") == 1


def test_divergences_by_kind_and_unique_details(markdown: str) -> None:
    text = section(markdown, "Where sources differ")
    assert re.findall(r"^### (.+)$", text, re.MULTILINE) == ["Updates", "Conflicts", "Inconsistencies"]
    assert "27 July 2023 was a Thursday.**" in text
    unique = section(markdown, "Only in one report")
    assert "A total of five military aircraft have been chartered" in unique
    assert f"(report {R1})" in unique


def test_sources_and_rejected_inputs_are_tables(brief: Brief, markdown: str) -> None:
    sources = section(markdown, "Sources")
    for document in brief.documents:
        assert f"| {document.id} | {document.title} | " in sources
    assert "| Fri 28 Jul 2023 (inferred, 60%) | 673 | — |" in sources
    rejected = section(markdown, "Rejected inputs")
    assert "| niger-2023/empty.txt | E101 | E101 empty file: 0 bytes |" in rejected


def test_markdown_in_source_text_is_escaped(brief: Brief) -> None:
    text = "*Breaking*: <b>troops</b> [seized](javascript:x) the_palace | AT&T"
    quote = BriefQuote(None, "a witness", text, "indirect", "said", (Citation(R2, 0, len(text), text),))
    markdown = render_markdown(replace(brief, quotes=(quote,)))
    escaped = r"\*Breaking\*: \<b\>troops\</b\> \[seized\](javascript:x) the\_palace \| AT\&T"
    assert f"said that {escaped}[^" in markdown
    assert f': "{escaped}"' in markdown
    assert "<b>" not in markdown and "*Breaking*" not in markdown


def test_an_empty_brief_still_has_every_section() -> None:
    empty = Brief("s", "Nothing yet", (), (), (), (), (), (), (), ())
    markdown = render_markdown(empty)
    assert re.findall(r"^## (.+)$", markdown, re.MULTILINE) == list(SECTIONS)
    assert "[^" not in markdown
    assert "draws on 0 reports" in markdown and "No input was rejected." in markdown


def _number_of(markdown: str, citation: Citation) -> str:
    match = re.search(rf"^\[\^(\d+)\]: {re.escape(footnote(markdown, citation))}$", markdown, re.MULTILINE)
    assert match, citation
    return match.group(1)


def test_summary_counts_duplicates_undated_reports_and_one_rejection(brief: Brief) -> None:
    first, second, third = brief.documents
    documents = (first, replace(second, published=None), replace(third, duplicate_of=R1))
    markdown = render_markdown(replace(brief, documents=documents, rejections=brief.rejections[:1]))
    summary = markdown.split("\n\n")[1]
    assert summary.startswith(
        "This brief draws on 2 reports (and 1 duplicate set aside), published on Tue 1 Aug 2023 (1 undated)."
    )
    assert summary.endswith(" 1 input was rejected.")
    assert f"| {third.id} | {third.title} | Fri 28 Jul 2023 (inferred, 60%) | 673 | {R1} |" in markdown
    assert "| undated (inferred, 70%) |" in markdown
