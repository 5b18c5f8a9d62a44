"""The JSON Schema of each collection year is generated from its declaration, and every example log fits it."""

from __future__ import annotations

from decimal import Decimal

import pytest
from jsonschema import Draft202012Validator, FormatChecker

from collect.api.json_schema import answers_schema, collections_of
from collect.logs.codec import to_json
from collect.rulebook import QuestionKind
from collect.standards.lettings.y2026 import examples as lettings
from collect.standards.registry import collection
from collect.standards.sales.y2026 import examples as sales

EXAMPLES = [
    ("lettings-2026", lettings.GENERAL_NEEDS),
    ("lettings-2026", lettings.SUPPORTED_HOUSING),
    ("sales-2026", sales.SHARED_OWNERSHIP),
    ("sales-2026", sales.STAIRCASING),
    ("sales-2026", sales.DISCOUNTED_OWNERSHIP),
]


@pytest.mark.parametrize("collection_id", ["lettings-2026", "sales-2026"])
def test_the_schema_is_a_valid_json_schema(collection_id):
    Draft202012Validator.check_schema(answers_schema(collection_id))


@pytest.mark.parametrize(("collection_id", "example"), EXAMPLES)
def test_every_example_log_fits_its_schema(collection_id, example):
    validator = Draft202012Validator(answers_schema(collection_id), format_checker=FormatChecker())
    errors = [f"{e.json_path}: {e.message}" for e in validator.iter_errors(to_json(example))]
    assert not errors


@pytest.mark.parametrize("collection_id", ["lettings-2026", "sales-2026"])
def test_every_question_of_the_declaration_is_in_the_schema(collection_id):
    properties = answers_schema(collection_id)["properties"]
    for question in collection(collection_id).questions().values():
        for answer_id in question.answer_ids:
            assert answer_id in properties
        spec = properties[question.answer_ids[0]]
        if question.kind is QuestionKind.DATE:
            assert spec["format"] == "date"
        if question.kind is QuestionKind.RADIO and question.options:
            assert {o.code for o in question.options} <= set(spec["enum"])
        if question.kind is QuestionKind.NUMERIC and question.maximum is not None:
            widest = Decimal(str(spec.get("maximum", question.maximum)))  # the widest limit of the pages asking it
            assert widest >= question.maximum


def test_a_wrong_code_or_type_does_not_fit():
    validator = Draft202012Validator(answers_schema("lettings-2026"), format_checker=FormatChecker())
    assert not validator.is_valid({"needstype": 3})
    assert not validator.is_valid({"startdate": "5 October"})
    assert not validator.is_valid({"beds": "two"})
    assert not validator.is_valid({"no_such_answer": 1})
    assert validator.is_valid({"needstype": None, "startdate": "2026-10-05", "beds": 2})


def test_collections_by_kind():
    assert collections_of("lettings") == ["lettings-2026"]
    assert collections_of("sales") == ["sales-2026"]


def test_the_api_serves_each_schema(client, db):
    listed = client.get("/api/v1/schemas").json()["collections"]
    assert {c["id"] for c in listed} == {"lettings-2026", "sales-2026"}
    for found in listed:
        response = client.get(found["schema_url"])
        assert response.status_code == 200
        assert response.json() == answers_schema(found["id"])
    assert client.get("/api/v1/schemas/lettings-1999").status_code == 404
