"""Helpers that turn Django form errors into what the GOV.UK macros expect."""

from __future__ import annotations

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
