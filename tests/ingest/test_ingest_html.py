"""HTML pages: main text, title, outlet and URL through trafilatura, the date through htmldate."""

from datetime import date
from pathlib import Path

from newsweave.ingest import load_reports

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "niger-2023"
GOOD = CORPUS / "000_9324567a5dbc881f.txt"

PARAGRAPHS = (
    "France said on Tuesday it would begin evacuating its citizens and other Europeans from Niger, "
    "days after a military junta seized power in the capital Niamey.",
    "Foreign Minister Catherine Colonna told LCI television that a few hundred French nationals had "
    "expressed a wish to leave the country as soon as possible.",
    "The first evacuation flight was expected to leave Niamey airport within 24 hours, the ministry "
    "said in a statement released late on Monday evening.",
    "Spain and Italy said they were also preparing to fly their citizens out, while the United States "
    "said it had no immediate plans to do so.",
)

ARTICLE = """<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>France to evacuate citizens from Niger | Sahel Daily</title>
  <meta property="og:site_name" content="Sahel Daily">
  <meta property="og:title" content="France to evacuate citizens from Niger">
  <meta property="article:published_time" content="2023-08-01T09:30:00+00:00">
  <link rel="canonical" href="https://sahel-daily.example/2023/08/01/france-evacuation">
</head>
<body>
  <nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
  <article>
    <h1>France to evacuate citizens from Niger</h1>
    <p class="byline">By Staff Reporter</p>
    {paragraphs}
  </article>
  <aside><h2>Most read</h2><ul><li><a href="/a">Stocks slide as oil climbs</a></li></ul></aside>
  <footer>Copyright 2023 Sahel Daily. All rights reserved. Privacy policy. Cookie settings.</footer>
</body>
</html>
"""


def write_article(path: Path) -> Path:
    path.write_text(ARTICLE.replace("{paragraphs}", "\n".join(f"<p>{p}</p>" for p in PARAGRAPHS)))
    return path


def test_article_page_gives_text_title_outlet_url_and_date(tmp_path):
    page = write_article(tmp_path / "france-evacuation.html")

    result = load_reports([page])

    assert result.rejections == ()
    (report,) = result.reports
    assert report.id == "france-evacuation"
    assert report.path == str(page)
    assert report.title == "France to evacuate citizens from Niger"
    assert report.outlet == "Sahel Daily"
    assert report.url == "https://sahel-daily.example/2023/08/01/france-evacuation"
    assert report.published == date(2023, 8, 1)
    assert report.published_how == "html metadata (htmldate)"
    for paragraph in PARAGRAPHS:
        assert paragraph in report.text
    for boilerplate in ("Most read", "Copyright", "Sport", "Stocks slide"):
        assert boilerplate not in report.text
    assert any("trafilatura" in note for note in report.notes)


def test_htm_suffix_is_read_as_html(tmp_path):
    page = write_article(tmp_path / "FRANCE.HTM")

    (report,) = load_reports([page]).reports

    assert report.id == "FRANCE"
    assert report.published == date(2023, 8, 1)


def test_page_without_a_date_has_none(tmp_path):
    page = write_article(tmp_path / "undated.html")
    html = page.read_text()
    html = html.replace('<meta property="article:published_time" content="2023-08-01T09:30:00+00:00">', "")
    page.write_text(html.replace("/2023/08/01/", "/world/"))

    (report,) = load_reports([page]).reports

    assert report.published is None
    assert report.published_how == ""
    assert report.title == "France to evacuate citizens from Niger"


def test_empty_html_page_is_e108(tmp_path):
    bad = tmp_path / "empty-page.html"
    bad.write_text("<html><head><title>Loading…</title></head><body><script>render()</script></body></html>")

    result = load_reports([GOOD, bad])

    assert [r.id for r in result.reports] == [GOOD.stem]
    assert [(r.path, r.code) for r in result.rejections] == [(str(bad), "E108")]
    assert "no main text" in result.rejections[0].reason


def test_markup_that_is_no_page_is_e108(tmp_path):
    bad = tmp_path / "broken.html"
    bad.write_text("<div><span></div></p></td><table><tr><td></td></tr>")

    result = load_reports([bad, GOOD])

    assert [r.id for r in result.reports] == [GOOD.stem]
    assert [(r.path, r.code) for r in result.rejections] == [(str(bad), "E108")]


def test_a_page_that_is_only_a_url_is_never_fetched(tmp_path):
    # htmldate downloads strings that look like URLs; ingest must never touch the network.
    bad = tmp_path / "link.html"
    bad.write_text("https://sahel-daily.example/2023/08/01/france-evacuation")

    result = load_reports([bad])

    assert result.reports == ()
    assert [r.code for r in result.rejections] in (["E108"], ["E109"])


def test_page_in_declared_windows_1252_is_decoded_with_a_note(tmp_path):
    page = tmp_path / "legacy.html"
    french = "<p>Le ministre a déclaré que l’évacuation « commencera » mardi.</p>"
    html = ARTICLE.replace('<meta charset="utf-8">', '<meta charset="windows-1252">').replace(
        "{paragraphs}", french + "\n".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    )
    page.write_bytes(html.encode("cp1252"))

    (report,) = load_reports([page]).reports

    assert "Le ministre a déclaré que l’évacuation" in report.text
    assert report.notes[0] == "decoded as cp1252 as the HTML declares (not UTF-8)"
