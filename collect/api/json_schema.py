"""The JSON Schema of a collection year's answers, generated from its declaration (never written by hand).

Every answer a question of the year fills is a property: codes of radio and select questions as enums, tick boxes
as 0 or 1, numbers with the widest limits any page asks them with, dates as `YYYY-MM-DD`, text as strings. Values
that derivations read or set without a question (such as `manual_address_entry_selected`) are plain scalars. Any
answer may be null, which clears it. The schema says what the API accepts; the rulebook still decides what is right
(the checks between answers), and reports it with check ids.
"""

from __future__ import annotations

import functools
from decimal import Decimal
from typing import Any

from collect.rulebook import Question, QuestionKind
from collect.standards.registry import COLLECTIONS, collection

JSON_SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
SCALAR_TYPES = ["string", "number", "boolean", "null"]


def _number(value: Decimal | int) -> int | float:
    return value if isinstance(value, int) else float(value)


def _numeric(questions: list[Question]) -> dict[str, Any]:
    """A number with the widest limits of the pages asking it (an integer when every page asks a whole number)."""
    whole = all(q.step is not None and Decimal(q.step) == Decimal(q.step).to_integral_value() for q in questions)
    schema: dict[str, Any] = {"type": ["integer" if whole else "number", "null"]}
    minimums = [q.minimum for q in questions]
    maximums = [q.maximum for q in questions]
    if all(m is not None for m in minimums):
        schema["minimum"] = _number(min(m for m in minimums if m is not None))
    if all(m is not None for m in maximums):
        schema["maximum"] = _number(max(m for m in maximums if m is not None))
    return schema


def _codes(questions: list[Question]) -> dict[str, Any]:
    """The codes of the options of every page asking the answer (ethnic's options depend on the ethnic group)."""
    options = {option.code: option.label for question in questions for option in question.options}
    labels = "; ".join(f"{code}: {label}" for code, label in options.items())
    return {"enum": [*options, None], "description": f"{questions[0].label}. {labels}"}


def property_schema(questions: list[Question]) -> dict[str, Any]:
    """The schema of one answer, from every question (on any page) that asks it."""
    question = questions[0]
    kind = question.kind
    if kind is QuestionKind.NUMERIC:
        return {**_numeric(questions), "description": question.label}
    if kind is QuestionKind.DATE:
        return {"type": ["string", "null"], "format": "date", "description": f"{question.label} (YYYY-MM-DD)"}
    if kind in (QuestionKind.RADIO, QuestionKind.SELECT, QuestionKind.INTERRUPTION):
        if any(q.options for q in questions):
            return _codes(questions)
        # Records of the service (organisations, users, schemes, locations) or reference data codes.
        return {"type": ["integer", "string", "null"], "description": f"{question.label} (a code the service offers)"}
    return {"type": ["string", "null"], "description": question.label}


def _checkbox_option(question: Question, label: str) -> dict[str, Any]:
    return {"enum": [0, 1, None], "description": f"{question.label}: {label} (1 ticked, 0 not)"}


@functools.cache
def answers_schema(collection_id: str) -> dict[str, Any]:
    """The JSON Schema of the answers of one collection year (such as "lettings-2026")."""
    declaration = collection(collection_id)
    asked: dict[str, list[Question]] = {}
    checkboxes: dict[str, dict[str, Any]] = {}
    for page in declaration.pages:
        for question in page.questions:
            if question.kind is QuestionKind.CHECKBOX:
                for option in question.options:
                    checkboxes.setdefault(str(option.code), _checkbox_option(question, option.label))
            else:
                asked.setdefault(question.id, []).append(question)
    properties: dict[str, Any] = {key: property_schema(found) for key, found in asked.items()}
    properties.update({key: value for key, value in checkboxes.items() if key not in properties})
    for derivation in declaration.derivations:
        for key in (*derivation.reads, *derivation.sets):
            properties.setdefault(key, {"type": SCALAR_TYPES, "description": "A value the rules read or derive"})
    return {
        "$schema": JSON_SCHEMA_DIALECT,
        "$id": f"/api/v1/schemas/{collection_id}",
        "title": f"Answers of a {declaration.label} log",
        "description": (
            f"The answers of a {declaration.kind} log of the {declaration.label} collection, generated from its "
            "declaration. Keys are answer ids, values are codes; null clears an answer."
        ),
        "type": "object",
        "properties": properties,
        "additionalProperties": False,
    }


def answer_keys(collection_id: str) -> frozenset[str]:
    """The keys a log's answers may have in a collection year."""
    return frozenset(answers_schema(collection_id)["properties"])


def collections_of(kind: str) -> list[str]:
    """The collection years of a kind of log, oldest first."""
    return sorted(c for c in COLLECTIONS if collection(c).kind == kind)
