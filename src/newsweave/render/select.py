"""Story → Brief: choose what a reader sees and cite, for each item, the sentences it rests on."""

from __future__ import annotations

import bisect
from collections.abc import Iterable

from newsweave.model import (
    AnalysedReport,
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
    Quote,
    Span,
    Story,
)

_ENTITY_TYPES = ("PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "LAW", "PRODUCT", "WORK_OF_ART")


class _Citer:
    """Turns spans into citations of the sentences that hold them."""

    def __init__(self, reports: Iterable[AnalysedReport]) -> None:
        self.reports = {a.report.id: a for a in reports}
        self.starts = {rid: [s.span.start for s in a.sentences] for rid, a in self.reports.items()}

    def exact(self, span: Span) -> Citation:
        text = self.reports[span.report_id].report.text
        return Citation(span.report_id, span.start, span.end, text[span.start : span.end])

    def sentence(self, span: Span) -> Citation:
        """Return a citation of the sentence(s) that span covers."""
        analysed = self.reports[span.report_id]
        starts = self.starts[span.report_id]
        first = analysed.sentences[max(0, bisect.bisect_right(starts, span.start) - 1)].span
        last = analysed.sentences[max(0, bisect.bisect_right(starts, max(span.start, span.end - 1)) - 1)].span
        return self.exact(Span(span.report_id, min(first.start, span.start), max(last.end, span.end)))

    def sentences(self, spans: Iterable[Span]) -> tuple[Citation, ...]:
        return tuple(dict.fromkeys(self.sentence(s) for s in spans))


def select_brief(story: Story) -> Brief:
    """Return the brief of a story: every item with citations of its source sentences."""
    citer = _Citer((*story.reports, *story.duplicates))
    return Brief(
        story_id=story.id,
        title=story.title,
        documents=_documents(story, citer),
        timeline=tuple(
            BriefTimelineEntry(
                e.date,
                e.precision,
                e.text,
                e.reports,
                citer.sentences(s.sentence for s in e.statements),
                e.status,
            )
            for e in story.timeline
        ),
        entities=_entities(story, citer),
        figures=_figures(story, citer),
        quotes=_quotes(story, citer),
        divergences=tuple(
            BriefDivergence(d.kind, d.summary, d.item_texts, citer.sentences(d.items))
            for d in story.divergences
        ),
        unique=tuple(
            BriefUnique(u.sentence.report_id, u.text, u.reason, (citer.exact(u.sentence),))
            for u in story.unique
        ),
        rejections=tuple(BriefRejection(r.path, r.code, r.reason) for r in story.rejections),
    )


def _documents(story: Story, citer: _Citer) -> tuple[BriefDocument, ...]:
    documents = []
    for analysed in (*story.reports, *story.duplicates):
        report = analysed.report
        dated = story.report_date(report.id) or story.report_date(report.duplicate_of or "")
        documents.append(
            BriefDocument(
                id=report.id,
                path=report.path,
                title=report.title,
                published=dated.value.isoformat() if dated and dated.value else None,
                published_how=dated.how if dated else "unknown",
                published_confidence=dated.confidence if dated else 0.0,
                published_explanation=dated.explanation if dated else "duplicate of another report",
                words=report.words,
                duplicate_of=report.duplicate_of,
                notes=report.notes + analysed.problems,
                citations=citer.sentences(dated.evidence) if dated and dated.report_id == report.id else (),
            )
        )
    return tuple(documents)


def _entities(story: Story, citer: _Citer) -> tuple[BriefEntity, ...]:
    entities = []
    for actor in story.actors:
        if actor.type not in _ENTITY_TYPES:
            continue
        first_per_report: dict[str, Span] = {}
        for span in actor.mentions:
            first_per_report.setdefault(span.report_id, span)
        citations = citer.sentences(first_per_report.values())
        entities.append(
            BriefEntity(actor.name, actor.type, actor.aliases, len(actor.mentions), actor.reports, citations)
        )
    return tuple(entities)


def _figures(story: Story, citer: _Citer) -> tuple[BriefFigure, ...]:
    return tuple(
        BriefFigure(
            value=dated.figure.value,
            low=dated.figure.low,
            high=dated.figure.high,
            text=dated.figure.text,
            counts=dated.figure.counts,
            context=dated.figure.context,
            date=dated.reported_on,
            series=series.label,
            citations=(citer.sentence(dated.figure.span),),
        )
        for series in story.figure_series
        for dated in series.figures
    )


def _quotes(story: Story, citer: _Citer) -> tuple[BriefQuote, ...]:
    quotes = []
    for attributed in story.quotes:
        quote = attributed.quote
        parts = [quote.content, *(s for s in (quote.cue, quote.source) if s is not None)]
        whole = Span(quote.content.report_id, min(p.start for p in parts), max(p.end for p in parts))
        citations = (citer.sentence(whole), *(citer.sentence(s) for s in attributed.also_in))
        quotes.append(
            BriefQuote(
                attributed.speaker,
                quote.source_text,
                _quote_text(quote, citer),
                quote.kind,
                quote.cue_text,
                citations,
                content_spans=tuple(citer.exact(p) for p in quote.parts or (quote.content,)),
                cue_span=citer.exact(quote.cue) if quote.cue is not None else None,
                source_span=citer.exact(quote.source) if quote.source is not None else None,
            )
        )
    return tuple(quotes)


def _quote_text(quote: Quote, citer: _Citer) -> str:
    """Return the quote's words; a quote its cue interrupts is joined into one, without the cue."""
    if not quote.parts:
        return quote.text
    pieces = [citer.exact(p).text.strip().strip("\"“”'").strip() for p in quote.parts]
    return "“" + " ".join(pieces) + "”"
