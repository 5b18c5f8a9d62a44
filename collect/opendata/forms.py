"""Support's request for a release: the collection year, release notes and the disclosure threshold."""

from __future__ import annotations

from typing import Any

from django import forms

from collect.opendata.models import DEFAULT_THRESHOLD


class ReleaseForm(forms.Form):
    """A new release (the next version of the year's)."""

    year = forms.TypedChoiceField(
        coerce=int,
        error_messages={"required": "Select a collection year", "invalid_choice": "Select a collection year"},
    )
    notes = forms.CharField(
        widget=forms.Textarea,
        max_length=5000,
        error_messages={"required": "Enter release notes: what is in this release and what changed since the last"},
    )
    threshold = forms.IntegerField(
        initial=DEFAULT_THRESHOLD,
        min_value=2,
        max_value=100,
        error_messages={
            "required": "Enter the disclosure threshold, a whole number from 2 to 100",
            "invalid": "The disclosure threshold must be a whole number, such as 5",
            "min_value": "The disclosure threshold must be 2 or more",
            "max_value": "The disclosure threshold must be 100 or less",
        },
    )

    def __init__(self, years: list[tuple[int, str]], data: Any = None) -> None:
        super().__init__(data, auto_id="%s")
        field = self.fields["year"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = years
