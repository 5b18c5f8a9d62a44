"""Forms of the account pages. Every message names the field and says what to do, as the Design System asks."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError

from collect.accounts.models import Role, User, normalise_email
from collect.organisations.models import Organisation

EMAIL_MESSAGES = {
    "required": "Enter your email address",
    "invalid": "Enter an email address in the correct format, like name@example.com",
    "max_length": "Email address must be 254 characters or fewer",
}


class EmailField(forms.EmailField):
    """An email address, trimmed and lower-cased."""

    def __init__(self, *, messages: dict[str, str] | None = None, **kwargs: Any) -> None:
        super().__init__(max_length=254, error_messages={**EMAIL_MESSAGES, **(messages or {})}, **kwargs)

    def clean(self, value: Any) -> str:
        return normalise_email(super().clean(value))


class SignInForm(forms.Form):
    """Email address and password."""

    email = EmailField()
    password = forms.CharField(strip=False, max_length=1024, error_messages={"required": "Enter your password"})


class PasswordForgottenForm(forms.Form):
    """The email address to send a reset link to."""

    email = EmailField()


class SetPasswordForm(forms.Form):
    """A new password, typed twice, checked against the password rules for this user."""

    password = forms.CharField(strip=False, max_length=1024, error_messages={"required": "Enter a password"})
    password_confirmation = forms.CharField(
        strip=False, max_length=1024, error_messages={"required": "Confirm your password"}
    )

    def __init__(self, user: User, *args: Any, **kwargs: Any) -> None:
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_password(self) -> str:
        password: str = self.cleaned_data["password"]
        try:
            validate_password(password, self.user)
        except ValidationError as error:
            raise ValidationError([_password_message(e) for e in error.error_list]) from error
        return password

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        password, confirmation = cleaned.get("password"), cleaned.get("password_confirmation")
        if password and confirmation and password != confirmation:
            self.add_error("password_confirmation", "The passwords do not match. Enter the same password twice")
        return cleaned


def _password_message(error: ValidationError) -> str:
    """Django's password messages, in the Design System's voice."""
    messages = {
        "password_too_short": "Your password must be at least 8 characters",
        "password_too_common": "Your password is too common. Choose a password that is harder to guess",
        "password_entirely_numeric": "Your password cannot be only numbers. Add letters or symbols",
        "password_too_similar": "Your password is too like your name or email address. Choose a different password",
    }
    return messages.get(error.code or "", " ".join(error.messages))


class InviteUserForm(forms.ModelForm[User]):
    """A new user, who will be sent a link to set their password."""

    email = EmailField(messages={"required": "Enter the user's email address"})

    class Meta:
        model = User
        fields = ("name", "email", "organisation", "role", "is_dpo", "is_key_contact")
        error_messages = {  # noqa: RUF012 - Django reads this class attribute
            "name": {"required": "Enter the user's name", "max_length": "Name must be 200 characters or fewer"},
            "organisation": {
                "required": "Select the user's organisation",
                "invalid_choice": "Select an organisation from the list",
            },
            "role": {"required": "Select a role", "invalid_choice": "Select a role from the list"},
        }

    def __init__(self, inviter: User, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.inviter = inviter
        organisations = Organisation.objects.filter(active=True)
        roles = [Role.DATA_PROVIDER, Role.DATA_COORDINATOR]
        if inviter.is_support:
            roles.append(Role.SUPPORT)
        else:
            organisations = organisations.filter(pk=inviter.organisation_id)
        self.fields["organisation"].queryset = organisations  # type: ignore[attr-defined]
        self.fields["organisation"].empty_label = "Select an organisation"  # type: ignore[attr-defined]
        self.fields["role"] = forms.TypedChoiceField(
            choices=[(int(r), r.label) for r in roles],
            coerce=int,
            error_messages=self._meta.error_messages["role"],  # type: ignore[index]
        )
        if not inviter.is_support:
            self.fields["organisation"].initial = inviter.organisation_id

    def clean_email(self) -> str:
        email: str = self.cleaned_data["email"]
        if User.objects.filter(email=email).exists():
            raise ValidationError("A user with this email address already exists. Enter a different email address")
        return email
