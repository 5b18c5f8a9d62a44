"""Forms of the people pages: changing a user, moving one, and the users list's search and filters.

Each form only has the fields the signed-in person may change, so a field they may not change that is smuggled
into a POST is never read; collect.accounts.actions refuses it as well.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from django import forms
from django.contrib.auth.hashers import UNUSABLE_PASSWORD_PREFIX
from django.core.exceptions import ValidationError
from django.db.models import Q, QuerySet

from collect.accounts.actions import LogReassignment
from collect.accounts.forms import EmailField
from collect.accounts.models import Role, User
from collect.accounts.policy import assignable_roles, editable_user_fields
from collect.organisations.models import Organisation

PHONE_MESSAGE = "Enter a phone number, like 01632 960 001, 07700 900 982 or +44 808 157 0192"
_PHONE = re.compile(r"^\+?[0-9 ()-]+$")


def _clean_phone(value: str) -> str:
    value = " ".join(value.split())
    digits = sum(c.isdigit() for c in value)
    if value and (not _PHONE.match(value) or not 6 <= digits <= 15):
        raise ValidationError(PHONE_MESSAGE)
    return value


class UserDetailsForm(forms.Form):
    """A user's details and responsibilities; built with only the fields the signed-in person may change."""

    name = forms.CharField(
        max_length=200,
        error_messages={"required": "Enter the user's name", "max_length": "Name must be 200 characters or fewer"},
    )
    email = EmailField(messages={"required": "Enter the user's email address"})
    phone = forms.CharField(
        max_length=30, required=False, error_messages={"max_length": "Phone number must be 30 characters or fewer"}
    )
    role = forms.TypedChoiceField(
        coerce=int, error_messages={"required": "Select a role", "invalid_choice": "Select a role from the list"}
    )
    is_dpo = forms.BooleanField(required=False)
    is_key_contact = forms.BooleanField(required=False)

    def __init__(self, actor: User, target: User, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("auto_id", "%s")
        kwargs.setdefault(
            "initial",
            {
                "name": target.name,
                "email": target.pending_email or target.email,
                "phone": target.phone,
                "role": target.role,
                "is_dpo": target.is_dpo,
                "is_key_contact": target.is_key_contact,
            },
        )
        super().__init__(*args, **kwargs)
        allowed = editable_user_fields(actor, target)
        for name in list(self.fields):
            if name not in allowed:
                del self.fields[name]
        if "role" in self.fields:
            self.fields["role"].choices = [(int(r), r.label) for r in assignable_roles(actor)]  # type: ignore[attr-defined]
        if actor.pk == target.pk:
            self.fields["name"].error_messages["required"] = "Enter your name"
            if "email" in self.fields:
                self.fields["email"].error_messages["required"] = "Enter your email address"

    def clean_phone(self) -> str:
        return _clean_phone(self.cleaned_data.get("phone", ""))


class AccountDetailsForm(UserDetailsForm):
    """The name and phone number a person changes on their own account page."""

    def __init__(self, user: User, *args: Any, **kwargs: Any) -> None:
        super().__init__(user, user, *args, **kwargs)
        for name in list(self.fields):
            if name not in {"name", "phone"}:
                del self.fields[name]


class MoveUserForm(forms.Form):
    """The organisation a user moves to, and what happens to their logs."""

    organisation = forms.ModelChoiceField(
        queryset=Organisation.objects.none(),
        empty_label="Select an organisation",
        error_messages={
            "required": "Select the organisation to move the user to",
            "invalid_choice": "Select an organisation from the list",
        },
    )
    log_reassignment = forms.ChoiceField(
        choices=LogReassignment.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Select what happens to the user's logs",
            "invalid_choice": "Select what happens to the user's logs from the list",
        },
    )

    def __init__(self, target: User, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("auto_id", "%s")
        super().__init__(*args, **kwargs)
        organisations = Organisation.objects.filter(active=True).exclude(pk=target.organisation_id)
        self.fields["organisation"].queryset = organisations  # type: ignore[attr-defined]


class Status:
    """The statuses the users list filters by."""

    ACTIVE = "active"
    INVITED = "invited"
    DEACTIVATED = "deactivated"
    CHOICES = ((ACTIVE, "Active"), (INVITED, "Invited"), (DEACTIVATED, "Deactivated"))


RESPONSIBILITIES = (("is_dpo", "Data protection officer"), ("is_key_contact", "Key contact"))


class UserFilterForm(forms.Form):
    """Search and filters of the users list and its CSV download, read from the query string."""

    q = forms.CharField(
        required=False, max_length=200, error_messages={"max_length": "Search must be 200 characters or fewer"}
    )
    status = forms.MultipleChoiceField(
        required=False, choices=Status.CHOICES, error_messages={"invalid_choice": "Select a status from the list"}
    )
    role = forms.TypedMultipleChoiceField(
        required=False,
        coerce=int,
        choices=[(int(r), r.label) for r in Role],
        error_messages={"invalid_choice": "Select a role from the list"},
    )
    responsibility = forms.MultipleChoiceField(
        required=False,
        choices=RESPONSIBILITIES,
        error_messages={"invalid_choice": "Select a responsibility from the list"},
    )
    organisation = forms.ModelChoiceField(
        required=False,
        queryset=Organisation.objects.all(),
        empty_label="All organisations",
        error_messages={"invalid_choice": "Select an organisation from the list"},
    )

    def __init__(self, viewer: User, data: Mapping[str, Any]) -> None:
        super().__init__(data, auto_id="%s")
        if not viewer.is_support:
            del self.fields["organisation"]
        self.is_valid()  # what was valid is applied; the rest is shown as errors

    @property
    def active(self) -> bool:
        """True when a search or filter is applied."""
        return any(self.cleaned_data.get(name) for name in self.fields)

    def apply(self, users: QuerySet[User]) -> QuerySet[User]:
        """The users that match the valid search and filters."""
        data = self.cleaned_data
        if query := data.get("q", "").strip():
            users = users.filter(Q(name__icontains=query) | Q(email__icontains=query))
        if statuses := data.get("status"):
            unusable = Q(password__startswith=UNUSABLE_PASSWORD_PREFIX)
            by_status = {
                Status.ACTIVE: Q(is_active=True) & ~unusable,
                Status.INVITED: Q(is_active=True) & unusable,
                Status.DEACTIVATED: Q(is_active=False),
            }
            wanted = Q()
            for status in statuses:
                wanted |= by_status[status]
            users = users.filter(wanted)
        if roles := data.get("role"):
            users = users.filter(role__in=roles)
        if flags := data.get("responsibility"):
            any_flag = Q()
            for flag in flags:
                any_flag |= Q(**{flag: True})
            users = users.filter(any_flag)
        if organisation := data.get("organisation"):
            users = users.filter(organisation=organisation)
        return users
