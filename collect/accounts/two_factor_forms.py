"""Forms of the two-factor authentication pages."""

from __future__ import annotations

import re
from typing import Any

from django import forms
from django.core.exceptions import ValidationError


class SecurityCodeForm(forms.Form):
    """A security code of a given number of digits. Spaces and dashes people type between digits are ignored."""

    code = forms.CharField(max_length=50, error_messages={"required": "Enter the security code"})

    def __init__(self, digits: int, *args: Any, **kwargs: Any) -> None:
        self.digits = digits
        super().__init__(*args, **kwargs)

    def clean_code(self) -> str:
        code = re.sub(r"[\s-]", "", self.cleaned_data["code"])
        if not re.fullmatch(r"[0-9]+", code):
            example = "1234567890"[: self.digits]
            raise ValidationError(f"The security code must only include numbers, like {example}")
        if len(code) != self.digits:
            raise ValidationError(f"The security code must be {self.digits} numbers")
        return code


class NewCodeForm(forms.Form):
    """Asking for a new emailed code: no fields, only the error when it is too soon."""
