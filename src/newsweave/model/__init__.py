"""The data classes that flow between stages. This package imports nothing else from newsweave.

Source ─ingest→ Report | Rejection ─analyse→ AnalysedReport ─align→ Story ─render→ Brief
"""

from newsweave.model.brief import (
    SCHEMA_VERSION,
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
from newsweave.model.items import (
    EntityMention,
    Figure,
    Quote,
    Sentence,
    Span,
    TimeExpression,
    TimeValue,
)
from newsweave.model.report import AnalysedReport, IngestResult, Rejection, Report, ReportDate
from newsweave.model.story import (
    Actor,
    AttributedQuote,
    DatedFigure,
    DatedStatement,
    Divergence,
    FigureSeries,
    Story,
    TimelineEntry,
    UniqueDetail,
)

__all__ = [
    "SCHEMA_VERSION",
    "Actor",
    "AnalysedReport",
    "AttributedQuote",
    "Brief",
    "BriefDivergence",
    "BriefDocument",
    "BriefEntity",
    "BriefFigure",
    "BriefQuote",
    "BriefRejection",
    "BriefTimelineEntry",
    "BriefUnique",
    "Citation",
    "DatedFigure",
    "DatedStatement",
    "Divergence",
    "EntityMention",
    "Figure",
    "FigureSeries",
    "IngestResult",
    "Quote",
    "Rejection",
    "Report",
    "ReportDate",
    "Sentence",
    "Span",
    "Story",
    "TimeExpression",
    "TimeValue",
    "TimelineEntry",
    "UniqueDetail",
]
