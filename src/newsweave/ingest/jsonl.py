"""Reading JSON Lines: one report per line; a bad line is rejected on its own and the others go on."""

from __future__ import annotations

import json
import re
from datetime import date, datetime
from typing import Any

from newsweave.ingest.outcome import Outcome, normalise_newlines, reject
from newsweave.model import Rejection, Report

PUBLISHED_HOW = "given in input"
_OPTIONAL_TEXT_FIELDS = ("title", "url", "outlet")
# json.loads turns "\ud800" into a lone surrogate, which no encoder downstream can write.
_SURROGATE = re.compile("[\ud800-\udfff]")
_JSON_TYPES = {dict: "an object", list: "an array", str: "a string", bool: "a boolean", type(None): "null"}


class _LineError(Exception):
    """A line's field is unusable; carries the rejection code and detail."""

    def __init__(self, code: str, detail: str) -> None:
        super().__init__(detail)
        self.code = code
        self.detail = detail


def read_jsonl(text: str, path: str, stem: str, notes: tuple[str, ...]) -> list[Outcome]:
    """Return one Report or Rejection per non-blank line of ``text``, in line order."""
    return [
        _read_line(line, number, path, stem, notes)
        for number, line in enumerate(text.split("\n"), start=1)
        if line.strip()
    ]


def _read_line(line: str, number: int, path: str, stem: str, notes: tuple[str, ...]) -> Outcome:
    where = f"{path}:{number}"
    record = _parse(line, number, where)
    if isinstance(record, Rejection):
        return record
    try:
        return _report(record, number, where, stem, notes)
    except _LineError as exc:
        return reject(where, exc.code, f"line {number}: {exc.detail}")


def _parse(line: str, number: int, where: str) -> dict[str, Any] | Rejection:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        return reject(where, "E106", f"line {number}: {exc.msg} (column {exc.colno})")
    except RecursionError:
        return reject(where, "E106", f"line {number}: nested too deeply")
    if not isinstance(record, dict):
        return reject(where, "E106", f"line {number}: expected a JSON object, found {_json_type(record)}")
    return record


def _report(record: dict[str, Any], number: int, where: str, stem: str, notes: tuple[str, ...]) -> Report:
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise _LineError("E107", f"{_what_text_is(text)}; each line needs a non-empty string 'text'")
    title, url, outlet = (_optional_text(record, name) for name in _OPTIONAL_TEXT_FIELDS)
    published = _published(record.get("published"))
    text, repaired = _SURROGATE.subn("\ufffd", normalise_newlines(text))
    if repaired:
        notes = (*notes, f"{repaired} unpaired surrogate escape(s) in 'text' replaced with U+FFFD")
    return Report(
        id=_report_id(record.get("id")) or f"{stem}:{number}",
        path=where,
        text=text,
        published=published,
        published_how=PUBLISHED_HOW if published else "",
        notes=notes,
        title=title,
        url=url,
        outlet=outlet,
    )


def _what_text_is(value: Any) -> str:
    if value is None:
        return "no 'text' field"
    return "'text' is blank" if isinstance(value, str) else f"'text' is {_json_type(value)}"


def _optional_text(record: dict[str, Any], name: str) -> str:
    value = record.get(name)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise _LineError("E111", f"'{name}' must be a string, not {_json_type(value)}")
    return _SURROGATE.sub("\ufffd", value).strip()


def _report_id(value: Any) -> str | None:
    """Return the given id as text (integers are common in exports), or None when there is none."""
    if value is None:
        return None
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, str) and value.strip():
        return _SURROGATE.sub("\ufffd", value.strip())
    raise _LineError("E111", f"'id' must be a non-empty string or an integer, not {_json_type(value)}")


def _published(value: Any) -> date | None:
    """Return the date an ISO date or datetime string gives (a datetime's own calendar day)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if not isinstance(value, str):
        raise _LineError("E111", f"'published' must be an ISO date string, not {_json_type(value)}")
    for parse in (date.fromisoformat, datetime.fromisoformat):
        try:
            parsed = parse(value.strip())
        except ValueError:
            continue
        return parsed.date() if isinstance(parsed, datetime) else parsed
    raise _LineError("E111", f"'published' {value[:40]!r} is not an ISO date or datetime (2023-08-01)")


def _json_type(value: Any) -> str:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return "a number"
    return _JSON_TYPES.get(type(value), type(value).__name__)
