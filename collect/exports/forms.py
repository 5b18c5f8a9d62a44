"""The choices of a log download: its collection year, and for support labels or codes; CSV or Parquet."""

from __future__ import annotations

from typing import Any

from django import forms

from collect.exports.models import DownloadFormat

VARIANTS = (("labels", "Labels: the answers as people read them"), ("codes", "Codes: the numbers of the standard"))


class YearForm(forms.Form):
    """The one collection year a log download is for (the national service asks for it first)."""

    years = forms.TypedChoiceField(
        coerce=int,
        error_messages={"required": "Select a collection year", "invalid_choice": "Select a collection year"},
    )

    def __init__(self, choices: list[tuple[int, str]], data: dict[str, Any] | None = None) -> None:
        super().__init__(data, auto_id="%s")
        field = self.fields["years"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = choices


class DownloadForm(forms.Form):
    """Labels or codes (support only) and the file format."""

    variant = forms.ChoiceField(
        choices=VARIANTS,
        initial="labels",
        error_messages={"required": "Select labels or codes", "invalid_choice": "Select labels or codes"},
    )
    file_format = forms.ChoiceField(
        choices=DownloadFormat.choices,
        initial=DownloadFormat.CSV,
        error_messages={"required": "Select a file format", "invalid_choice": "Select a file format"},
    )

    def __init__(self, data: Any, *, support: bool) -> None:
        super().__init__(data, auto_id="%s")
        if not support:
            del self.fields["variant"]
