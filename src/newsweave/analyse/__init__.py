"""Per-report analysis: entities, time expressions, figures and quotes. spaCy lives here only."""

from newsweave.analyse.pipeline import (
    STAGE_VERSION,
    analyse_doc,
    analyse_reports,
    analysis_fingerprint,
    load_nlp,
)

__all__ = ["STAGE_VERSION", "analyse_doc", "analyse_reports", "analysis_fingerprint", "load_nlp"]
