"""Reading an HTML page: main text and metadata through trafilatura, publication date through htmldate."""

from __future__ import annotations

from datetime import date
from typing import Any

from newsweave.ingest.outcome import Outcome, normalise_newlines, reject
from newsweave.model import Report

PUBLISHED_HOW = "html metadata (htmldate)"
_EXTRACTED_NOTE = "text extracted from HTML by trafilatura (markup and boilerplate removed)"
_FRAGMENT_NOTE = "HTML fragment without an <html> element; read as the body of a page"


def read_html(text: str, path: str, report_id: str, notes: tuple[str, ...]) -> Outcome:
    """Return the Report holding the page's main text, title, outlet, URL and date, or an E108 Rejection."""
    # Imported here: trafilatura and htmldate are slow to import and only HTML inputs need them.
    import htmldate
    import trafilatura

    tree, notes = _parse(text, notes)
    if tree is None:
        return reject(path, "E108", "not parseable as an HTML page")
    try:
        # htmldate gets a parsed tree, never a string: a string that looks like a URL would be fetched.
        # It copies the tree before pruning it, so trafilatura still sees the whole page.
        found = htmldate.find_date(tree, original_date=True, outputformat="%Y-%m-%d", extensive_search=False)
        document = trafilatura.bare_extraction(
            tree, with_metadata=True, favor_precision=False, include_comments=False
        )
    except Exception as exc:  # both parse arbitrary markup; one odd page must not stop the pile
        return reject(path, "E108", f"extraction failed ({type(exc).__name__}: {exc})")
    body = normalise_newlines(_field(document, "text"))
    if not body.strip():
        return reject(path, "E108", "no main text found (empty page, or only navigation and scripts)")
    published = date.fromisoformat(found) if found else None
    return Report(
        id=report_id,
        path=path,
        text=body,
        title=_field(document, "title"),
        url=_field(document, "url"),
        outlet=_field(document, "sitename"),
        published=published,
        published_how=PUBLISHED_HOW if published else "",
        notes=(*notes, _EXTRACTED_NOTE),
    )


def _parse(text: str, notes: tuple[str, ...]) -> tuple[Any, tuple[str, ...]]:
    """Return the page's lxml tree (None when it is no HTML at all) and the notes so far."""
    from trafilatura import load_html

    tree = load_html(text)
    if tree is not None:
        return tree, notes
    # trafilatura turns away bare fragments ("<p>…</p>" alone); a saved article body is often one.
    tree = load_html(f"<html><body>{text}</body></html>")
    return tree, (*notes, _FRAGMENT_NOTE) if tree is not None else notes


def _field(document: Any, name: str) -> str:
    value = getattr(document, name, None) if document is not None else None
    return value.strip() if isinstance(value, str) else ""
