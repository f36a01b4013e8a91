"""The brief as JSON, and the JSON Schema that brief.json follows."""

from __future__ import annotations

import json
from functools import cache
from importlib.resources import files
from typing import Any

from newsweave.model.brief import Brief

SCHEMA_FILE = "brief.schema.json"


def render_json(brief: Brief) -> str:
    """Return brief.json: keys in the data classes' field order, two-space indent, a final newline."""
    return json.dumps(brief.to_dict(), indent=2, ensure_ascii=False) + "\n"


def load_schema() -> dict[str, Any]:
    """Return the JSON Schema (draft 2020-12) of brief.json as a fresh dict."""
    schema: dict[str, Any] = json.loads(_schema_text())
    return schema


@cache
def _schema_text() -> str:
    return files("newsweave.render").joinpath(SCHEMA_FILE).read_text(encoding="utf-8")
