"""Answers as JSON: amounts as JSON numbers read back as Decimals, dates as ISO text read back by the rulebook.

A Decimal is written as a JSON number when its shortest float form gives the same amount back (every amount to the
penny does), so analysts reading the column see numbers; any other Decimal is kept exactly as text.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Mapping
from decimal import Decimal
from typing import Any


class AnswersDecoder(json.JSONDecoder):
    """Reads JSON numbers with a fraction as Decimals, so amounts come back exactly."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs["parse_float"] = Decimal
        super().__init__(*args, **kwargs)


_AS_THEY_ARE = frozenset({int, str, bool, type(None)})


def _plain(value: Any) -> Any:
    if type(value) in _AS_THEY_ARE:
        return value
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        number = float(value)
        return number if value.is_finite() and Decimal(repr(number)) == value else str(value)
    return value


def to_json(values: Mapping[str, Any]) -> dict[str, Any]:
    """Values the JSON column holds exactly (see the module's docstring)."""
    return {key: _plain(value) for key, value in values.items()}


class JSONText(str):
    """Answers already written as JSON text (by `to_json_text`), stored as they are (collect.logs.inserting)."""

    __slots__ = ()


def to_json_text(values: Mapping[str, Any]) -> JSONText:
    """The JSON text a JSON column would store for these values (written ahead, in a checking process)."""
    return JSONText(json.dumps(to_json(values)))
