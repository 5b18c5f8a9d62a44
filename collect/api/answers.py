"""Answers sent to the API, checked against the generated JSON Schema and the options the service offers.

The rulebook judges the answers (collect.logs.writing); before it sees them, each sent answer must be an answer of
the collection year, of the type its schema gives, one of its codes, and, for answers naming records of the service
(organisations, users, schemes, locations, local authorities), one of the options the web form would offer the same
person. Anything else is reported with the field, its path and an `api.*` check id, and left out.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from collect.accounts.models import User
from collect.api.json_schema import answers_schema
from collect.api.problems import answer_error
from collect.journeys.choices import providers_for

_TYPES: dict[str, tuple[type, ...]] = {
    "integer": (int,),
    "number": (int, float, Decimal),
    "string": (str,),
    "boolean": (bool,),
}
_LISTED_CODES = 12  # more codes than this are left to the schema rather than listed in the message


def _has_type(value: Any, names: list[str]) -> bool:
    for name in names:
        if name == "null":
            continue
        if isinstance(value, bool) and name != "boolean":
            continue
        if isinstance(value, _TYPES[name]):
            return True
    return False


def _type_words(names: list[str]) -> str:
    words = {"integer": "a whole number", "number": "a number", "string": "text", "boolean": "true or false"}
    return " or ".join(words[n] for n in names if n != "null")


def _code_message(key: str, codes: list[Any], collection_id: str) -> str:
    shown = [c for c in codes if c is not None]
    if len(shown) > _LISTED_CODES:
        return f"{key} must be one of its codes: see /api/v1/schemas/{collection_id}."
    return f"{key} must be one of its codes: {', '.join(repr(c) for c in shown)}."


def _value_error(key: str, spec: Mapping[str, Any], value: Any, collection_id: str) -> dict[str, Any] | None:
    """The error of one sent value against its schema, or None."""
    if value is None:
        return None
    if "enum" in spec:
        codes = spec["enum"]
        if isinstance(value, bool) or not any(type(value) is type(c) and value == c for c in codes):
            return answer_error(key, "api.code", _code_message(key, codes, collection_id))
        return None
    names = spec["type"]
    if not _has_type(value, names):
        return answer_error(key, "api.type", f"{key} must be {_type_words(names)}.")
    if isinstance(value, str) and not _storable(value):
        return answer_error(key, "api.type", f"{key} must be text without control characters.")
    return None


def _storable(text: str) -> bool:
    """Text every database keeps: no NUL character, no lone surrogate."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return "\x00" not in text


def check_values(collection_id: str, sent: Mapping[str, Any]) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The sent answers that fit the schema, and an error for each one that does not."""
    properties = answers_schema(collection_id)["properties"]
    good: dict[str, Any] = {}
    errors: list[dict[str, Any]] = []
    for key, value in sent.items():
        spec = properties.get(key)
        if spec is None:
            message = f"{key} is not an answer of {collection_id}: see /api/v1/schemas/{collection_id}."
            errors.append(answer_error(key, "api.unknown_answer", message))
            continue
        error = _value_error(key, spec, value, collection_id)
        if error:
            errors.append(error)
        else:
            good[key] = value
    return good, errors


def check_offered(
    kind: str, user: User, changes: dict[str, Any], stored: Mapping[str, Any]
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """Changes to record answers must be options the service offers this person (as the web form does).

    A matching option's own code replaces the sent value (so "12" becomes the organisation id 12). An answer the log
    already has is not checked again.
    """
    providers = providers_for(kind)
    candidate = {**stored, **changes}
    errors: list[dict[str, Any]] = []
    checked = dict(changes)
    for key, provider in providers.items():  # organisations before the users and schemes that depend on them
        value = changes.get(key)
        if value is None:
            continue
        if key in stored and str(stored[key]) == str(value):
            checked[key] = candidate[key] = stored[key]  # the answer the log has (a log read and sent back whole)
            continue
        offered = {str(code): code for code, _ in provider(user, candidate)}
        if str(value) in offered:
            checked[key] = offered[str(value)]
            candidate[key] = offered[str(value)]
        else:
            del checked[key]
            message = f"{key} {value!r} is not one of the options the service offers your organisation for this log."
            errors.append(answer_error(key, "api.not_offered", message))
    return checked, errors
