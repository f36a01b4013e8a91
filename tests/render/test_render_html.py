"""brief.html: one self-contained, well-formed page whose citation markers lead to the exact text."""

from __future__ import annotations

import re
from dataclasses import replace

import lxml.html
import pytest
from test_render_corpus import R1, all_citations, build_brief, cite

from newsweave.model.brief import Brief, BriefQuote, BriefUnique, Citation
from newsweave.render import render_html

SECTION_IDS = ["timeline", "entities", "figures", "quotes", "divergences", "unique", "sources", "rejected"]
# A made-up report whose text carries markup, ampersands and both kinds of quotation mark.
HOSTILE_ID = "900_hostile"
HOSTILE_TEXT = "The spokesman said \"<script>alert('pwned')</script>\" & then 'AT&T <b>rules</b>' 3 < 4."


@pytest.fixture(scope="module")
def brief() -> Brief:
    return build_brief()


@pytest.fixture(scope="module")
def page(brief: Brief) -> str:
    return render_html(brief)


@pytest.fixture(scope="module")
def tree(page: str) -> lxml.html.HtmlElement:
    return lxml.html.document_fromstring(page)


@pytest.fixture(scope="module")
def hostile(brief: Brief) -> str:
    words = "<script>alert('pwned')</script>"
    quote = BriefQuote(
        None, "The spokesman", words, "direct", "said", (cite(HOSTILE_ID, f'"{words}"', HOSTILE_TEXT),)
    )
    detail = cite(HOSTILE_ID, "AT&T <b>rules</b>' 3 < 4.", HOSTILE_TEXT)
    unique = BriefUnique(HOSTILE_ID, detail.text, "Only this report", (detail,))
    return render_html(replace(brief, quotes=(*brief.quotes, quote), unique=(*brief.unique, unique)))


def test_page_is_well_formed_html_with_every_section(page: str, tree) -> None:
    assert page.startswith('<!doctype html>\n<html lang="en">')
    assert page.rstrip().endswith("</html>")
    assert tree.find("head/title").text == "Coup in Niger: France evacuates its citizens"
    assert [s.get("id") for s in tree.iter("section")] == SECTION_IDS
    assert tree.xpath("//nav[@class='toc']//a/@href") == [f"#{key}" for key in SECTION_IDS]
    ids = [e.get("id") for e in tree.iter() if e.get("id")]
    assert len(ids) == len(set(ids)), "an id is used twice"


def test_page_is_self_contained(page: str, tree) -> None:
    assert all(not e.get("src") for e in tree.iter()), "the page loads an asset"
    assert not tree.findall(".//link") and not tree.findall(".//script") and not tree.findall(".//iframe")
    hrefs = [a.get("href") for a in tree.iter("a")]
    assert hrefs and all(h.startswith("#") for h in hrefs), [h for h in hrefs if not h.startswith("#")]
    style = "".join(s.text for s in tree.iter("style"))
    assert "position: sticky" in style and "@media print" in style
    assert "url(" not in style and "@import" not in style and "http" not in page.split("<body", 1)[0]


@pytest.mark.parametrize("name", ["page", "hostile"])
def test_every_link_lands_on_an_element_of_the_page(request, name: str) -> None:
    tree = lxml.html.document_fromstring(request.getfixturevalue(name))
    ids = {e.get("id") for e in tree.iter() if e.get("id")}
    missing = {a.get("href") for a in tree.iter("a")} - {f"#{i}" for i in ids}
    assert not missing


def test_every_citation_is_in_the_appendix_with_report_and_offsets(brief: Brief, tree) -> None:
    shown = set()
    for li in tree.find_class("notes")[0].iter("li"):
        where = li.find_class("where")[0]
        start, end = re.search(r"chars (\d+)–(\d+)", where.text_content()).groups()
        report = where.xpath(".//code")[0].text_content()
        shown.add(Citation(report, int(start), int(end), li.find("blockquote").text_content()))
    assert shown == set(all_citations(brief))


def test_markers_show_the_source_text_on_hover_and_link_to_it(brief: Brief, tree) -> None:
    markers = tree.find_class("cite")
    assert len(markers) > len(set(all_citations(brief)))  # some notes are cited more than once
    for sup in markers:
        link, tip = sup.find("a"), sup.find_class("tip")[0]
        note = tree.get_element_by_id(link.get("href")[1:])
        assert note.find("blockquote").text_content() in tip.text_content()
    # Hovering the Wed 26 Jul marker shows the sentence that dates the coup "last Wednesday (July 27)".
    event = tree.find_class("event")[2]
    assert "military officers ousted President Mohamed Bazoum last Wednesday (July 27)" in [
        t.text_content().split("1299", 1)[-1] for t in event.find_class("tip")
    ]


def test_first_use_of_each_note_is_its_back_link_target(tree) -> None:
    for back in tree.find_class("back"):
        first = tree.get_element_by_id(back.get("href")[1:])
        assert first.tag == "a" and first.getparent().get("class") == "cite"


def test_timeline_badges_and_divergence_colours(tree) -> None:
    badges = {t.get("datetime"): t.text_content() for t in tree.find_class("badge")}
    assert badges["2023-07-26"] == "Wed 26 Jul 2023"
    assert badges["2022-02-01"] == "Feb 2022" and badges["1960-01-01"] == "1960"
    kinds = [a.get("class") for a in tree.iter("article")]
    assert kinds == ["divergence kind-update", "divergence kind-conflict", "divergence kind-inconsistency"]


def test_sections_hold_their_content(brief: Brief, tree) -> None:
    entities = tree.get_element_by_id("entities").text_content()
    assert "also Bazoum, Mohamed Bazoumm" in entities
    quotes = tree.get_element_by_id("quotes").text_content()
    assert "said that France had spoken with authorities" in quotes
    said = [s.text_content() for s in tree.get_element_by_id("quotes").find_class("said")]
    assert said.count("said that France would support sanctions") == 1
    sources = tree.get_element_by_id("sources")
    assert [tr.get("id") for tr in sources.iter("tr") if tr.get("id")] == [
        f"doc-{d.id}" for d in brief.documents
    ]
    rejected = tree.get_element_by_id("rejected").text_content()
    assert "niger-2023/photo.jpg" in rejected and "E102" in rejected


def test_source_text_is_escaped_not_executed(hostile: str) -> None:
    tree = lxml.html.document_fromstring(hostile)
    assert "<script" not in hostile and "<b>rules" not in hostile
    assert not tree.findall(".//script") and not tree.findall(".//b")
    assert "&lt;script&gt;alert(&#39;pwned&#39;)&lt;/script&gt;" in hostile
    assert "AT&amp;T &lt;b&gt;rules&lt;/b&gt;&#39; 3 &lt; 4." in hostile
    assert "&amp;amp;" not in hostile and "&amp;lt;" not in hostile  # escaped once, not twice
    # Parsed back, the appendix shows each cited text exactly as the report has it.
    texts = [q.text_content() for q in tree.find_class("notes")[0].iter("blockquote")]
    assert "\"<script>alert('pwned')</script>\"" in texts
    assert "AT&T <b>rules</b>' 3 < 4." in texts
    quotes = tree.get_element_by_id("quotes").text_content()
    assert "“<script>alert('pwned')</script>”" in quotes


def test_escaping_covers_attribute_values(brief: Brief) -> None:
    title = 'Niger "coup" <em>& more'
    document = replace(brief.documents[1], title=title)
    page = render_html(replace(brief, documents=(brief.documents[0], document, brief.documents[2])))
    tree = lxml.html.document_fromstring(page)
    chips = [a for a in tree.find_class("rid") if a.get("href") == f"#doc-{R1}"]
    assert chips and all(a.get("title") == title for a in chips)
    assert 'title="Niger &#34;coup&#34; &lt;em&gt;&amp; more"' in page


def test_an_empty_brief_renders(brief: Brief) -> None:
    empty = Brief("s", "Nothing yet", (), (), (), (), (), (), (), ())
    tree = lxml.html.document_fromstring(render_html(empty))
    assert [s.get("id") for s in tree.iter("section")] == SECTION_IDS
    assert not tree.find_class("cite")
    assert len(tree.find_class("empty")) == len(SECTION_IDS) + 1  # and "Nothing is cited."


def test_citation_with_markup_keeps_its_offsets(brief: Brief) -> None:
    citation = Citation(HOSTILE_ID, 19, 52, HOSTILE_TEXT[19:52])
    quote = BriefQuote("X", "X", citation.text, "direct", "said", (citation,))
    tree = lxml.html.document_fromstring(render_html(replace(brief, quotes=(quote,))))
    where = [li.find_class("where")[0].text_content() for li in tree.find_class("notes")[0].iter("li")]
    assert any(f"report {HOSTILE_ID} · chars 19–52" in w for w in where)
