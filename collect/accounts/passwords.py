"""Password rules of our own, used alongside Django's validators (settings.AUTH_PASSWORD_VALIDATORS)."""

from __future__ import annotations

from django.core.exceptions import ValidationError


class MaximumLengthValidator:
    """Refuse passwords longer than max_length characters."""

    def __init__(self, max_length: int = 128) -> None:
        self.max_length = max_length

    def validate(self, password: str, user: object = None) -> None:
        """Raise ValidationError if the password is too long."""
        if len(password) > self.max_length:
            raise ValidationError(
                f"Your password must be {self.max_length} characters or fewer", code="password_too_long"
            )

    def get_help_text(self) -> str:
        """Describe the rule."""
        return f"Your password must be {self.max_length} characters or fewer."
