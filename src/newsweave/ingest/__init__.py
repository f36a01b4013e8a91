"""Ingest: the only stage that sees raw bytes. Files and directories in, Reports and Rejections out.

Supported inputs are ``.txt``, ``.html``/``.htm`` and ``.jsonl``. Bad data never raises: it becomes a
``Rejection`` with a code from ``newsweave.errors`` (E101 … E111) and the other inputs go on.
"""

from newsweave.ingest.load import load_reports

__all__ = ["load_reports"]
