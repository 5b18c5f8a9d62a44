"""Helpers that turn Django form errors into what the GOV.UK macros expect."""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS


def error_list(form: forms.BaseForm) -> list[dict[str, str]]:
    """Items for govukErrorSummary: each error links to its field (ids are the field names)."""
    items: list[dict[str, str]] = []
    first_field = next(iter(form.fields), "")
    for name, errors in form.errors.items():
        anchor = first_field if name == NON_FIELD_ERRORS else name
        items.extend({"text": str(message), "href": f"#{anchor}"} for message in errors)
    return items


def field_error(form: forms.BaseForm, name: str) -> dict[str, str] | None:
    """The errorMessage parameter for one field, or None when it has no error."""
    errors = form.errors.get(name)
    return {"text": " ".join(str(e) for e in errors)} if errors else None


def field_value(form: forms.BaseForm, name: str) -> str:
    """What to show in a field: what the person typed, or the initial value."""
    value = form[name].value()
    return "" if value is None else str(value)


class DateInputError(ValueError):
    """A GOV.UK date input that does not hold a real date; the message says what to do."""


def date_from_input(data: Mapping[str, Any], name: str, what: str) -> datetime.date:
    """The date typed into a GOV.UK date input named `name` (fields name-day, name-month, name-year).

    `what` names the date in messages, such as "the merge date".
    """
    parts = [str(data.get(f"{name}-{part}", "")).strip() for part in ("day", "month", "year")]
    if not any(parts):
        raise DateInputError(f"Enter {what}")
    if not all(parts):
        raise DateInputError(f"Enter {what}, including a day, month and year")
    try:
        day, month, year = (int(p) for p in parts)
        if year < 1000:
            raise DateInputError(f"Enter {what} with a 4-digit year, like 2027")
        return datetime.date(year, month, day)
    except ValueError as error:
        if isinstance(error, DateInputError):
            raise
        raise DateInputError(f"Enter {what} as a real date, like 1 4 2027") from error
