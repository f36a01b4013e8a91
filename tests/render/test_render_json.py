"""brief.json: the JSON text, its round trip, and the JSON Schema it follows."""

from __future__ import annotations

import copy
import json
from dataclasses import fields, replace
from typing import Any

import jsonschema
import pytest
from test_render_corpus import build_brief

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
from newsweave.render import load_schema, render_json

ITEM_TYPES = {
    "documents": BriefDocument,
    "timeline": BriefTimelineEntry,
    "entities": BriefEntity,
    "figures": BriefFigure,
    "quotes": BriefQuote,
    "divergences": BriefDivergence,
    "unique": BriefUnique,
    "rejections": BriefRejection,
}


@pytest.fixture(scope="module")
def brief() -> Brief:
    return build_brief()


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    schema = load_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


@pytest.fixture
def data(brief: Brief) -> dict[str, Any]:
    return json.loads(render_json(brief))


def test_to_dict_and_from_dict_round_trip(brief: Brief) -> None:
    assert Brief.from_dict(brief.to_dict()) == brief


def test_render_json_round_trips_through_the_text(brief: Brief) -> None:
    assert Brief.from_dict(json.loads(render_json(brief))) == brief


def test_render_json_layout(brief: Brief) -> None:
    text = render_json(brief)
    assert text.endswith("}\n") and not text.endswith("\n\n")
    assert text.startswith('{\n  "story_id": ')
    # ensure_ascii=False: the en dash of "Russia – isolated" stays as written.
    assert "Russia – isolated" in text and "\\u2013" not in text


def test_render_json_keeps_the_field_order_of_the_data_classes(data: dict[str, Any]) -> None:
    assert list(data) == [f.name for f in fields(Brief)]
    for name, kind in ITEM_TYPES.items():
        for row in data[name]:
            assert list(row) == [f.name for f in fields(kind)]
    assert list(data["timeline"][0]["citations"][0]) == [f.name for f in fields(Citation)]


def test_brief_json_validates_against_the_schema(data: dict[str, Any], validator) -> None:
    validator.validate(data)


def test_schema_items_have_exactly_the_model_fields() -> None:
    schema = load_schema()
    assert set(schema["properties"]) == {f.name for f in fields(Brief)}
    assert set(schema["required"]) == {f.name for f in fields(Brief)}
    assert schema["properties"]["schema_version"]["const"] == SCHEMA_VERSION
    for name, kind in ITEM_TYPES.items():
        item = _item_schema(schema, name)
        assert set(item["properties"]) == {f.name for f in fields(kind)}, name
        assert set(item["required"]) == {f.name for f in fields(kind)}, name
        assert item["additionalProperties"] is False
        assert item["properties"]["citations"]["items"] == {"$ref": "#/$defs/citation"}
    citation = schema["$defs"]["citation"]
    assert set(citation["properties"]) == {f.name for f in fields(Citation)}


def test_load_schema_returns_a_fresh_dict() -> None:
    load_schema()["properties"].clear()
    assert "timeline" in load_schema()["properties"]


@pytest.mark.parametrize("section", list(ITEM_TYPES))
def test_schema_rejects_an_item_without_citations(data: dict[str, Any], validator, section: str) -> None:
    assert data[section], f"the sample brief has no {section} to test with"
    del data[section][0]["citations"]
    with pytest.raises(jsonschema.ValidationError, match="'citations' is a required property"):
        validator.validate(data)


@pytest.mark.parametrize(
    ("section", "field", "value"),
    [
        ("timeline", "date", "26/07/2023"),
        ("timeline", "date", "2023-13-01"),
        ("timeline", "date", "2023-07"),
        ("timeline", "precision", "week"),
        ("documents", "published", "Tuesday (August 1)"),
        ("documents", "published", "2023-8-1"),
        ("documents", "published_confidence", 1.5),
        ("figures", "date", "last week"),
        ("figures", "value", "992"),
        ("quotes", "kind", "paraphrase"),
        ("divergences", "kind", "disagreement"),
        ("entities", "aliases", "Colonna"),
        ("rejections", "code", "101"),
    ],
)
def test_schema_rejects_a_bad_value(data, validator, section: str, field: str, value: object) -> None:
    data[section][0][field] = value
    with pytest.raises(jsonschema.ValidationError):
        validator.validate(data)


@pytest.mark.parametrize(
    ("field", "value"),
    [("start", -1), ("end", 0), ("start", "3"), ("report", 1)],
)
def test_schema_rejects_a_bad_citation(data, validator, field: str, value: object) -> None:
    data["quotes"][0]["citations"][0][field] = value
    with pytest.raises(jsonschema.ValidationError):
        validator.validate(data)


def test_schema_rejects_unknown_fields_and_versions(data, validator) -> None:
    extra = copy.deepcopy(data)
    extra["figures"][0]["unit"] = "people"
    with pytest.raises(jsonschema.ValidationError, match="Additional properties"):
        validator.validate(extra)
    data["schema_version"] = "0.9"
    with pytest.raises(jsonschema.ValidationError):
        validator.validate(data)


def test_schema_accepts_the_nulls_the_model_allows(brief: Brief, validator) -> None:
    nulls = replace(
        brief,
        documents=(replace(brief.documents[0], published=None, duplicate_of=None),),
        figures=(replace(brief.figures[0], value=None, low=None, high=None, date=None),),
        quotes=(replace(brief.quotes[0], speaker=None),),
        rejections=(),
    )
    validator.validate(json.loads(render_json(nulls)))


def _item_schema(schema: dict[str, Any], section: str) -> dict[str, Any]:
    ref = schema["properties"][section]["items"]["$ref"]
    return schema["$defs"][ref.rsplit("/", 1)[-1]]
