"""Forms for organisations. Each role gets a form with only the fields it may change (platform.md gap G3)."""

from __future__ import annotations

import re
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

from collect.organisations.models import Organisation, ProfitStatus, ProviderType, Region
from collect.standards import postcodes
from collect.standards.codes import RENT_PERIODS
from collect.web.forms import DateInputError, date_from_input

PHONE = re.compile(r"^\+?[\d\s()-]{7,30}$")


def clean_postcode(value: str) -> str:
    """A UK postcode in capitals with one space, or a ValidationError."""
    if not postcodes.compact(value):
        return ""
    if not postcodes.is_valid(value):
        raise ValidationError("Enter a real postcode, like AA1 1AA")
    return postcodes.normalise(value)


class ContactDetailsForm(forms.Form):
    """Address, telephone and rent periods: what a data coordinator may change about their organisation."""

    address_line1 = forms.CharField(
        required=False, max_length=200, error_messages={"max_length": "Address line 1 must be 200 characters or fewer"}
    )
    address_line2 = forms.CharField(
        required=False, max_length=200, error_messages={"max_length": "Address line 2 must be 200 characters or fewer"}
    )
    postcode = forms.CharField(
        required=False, max_length=10, error_messages={"max_length": "Enter a real postcode, like AA1 1AA"}
    )
    phone = forms.CharField(
        required=False,
        max_length=30,
        error_messages={"max_length": "Enter a telephone number of 30 characters or fewer"},
    )
    rent_periods = forms.TypedMultipleChoiceField(
        choices=RENT_PERIODS,
        coerce=int,
        error_messages={
            "required": "Select at least one rent period your organisation uses",
            "invalid_choice": "Select rent periods from the list",
        },
    )

    def clean_postcode(self) -> str:
        return clean_postcode(self.cleaned_data["postcode"])

    def clean_phone(self) -> str:
        phone: str = self.cleaned_data["phone"].strip()
        if phone and not PHONE.match(phone):
            raise ValidationError("Enter a telephone number, like 01632 960 001 or +44 808 157 0192")
        return phone


class OrganisationForm(ContactDetailsForm):
    """Every field of an organisation: what support users may set."""

    name = forms.CharField(
        max_length=200,
        error_messages={
            "required": "Enter the organisation's name",
            "max_length": "Name must be 200 characters or fewer",
        },
    )
    provider_type = forms.TypedChoiceField(
        choices=ProviderType.choices,
        coerce=int,
        error_messages={
            "required": "Select the type of provider",
            "invalid_choice": "Select the type of provider from the list",
        },
    )
    holds_own_stock = forms.TypedChoiceField(
        choices=((1, "Yes"), (0, "No")),
        coerce=lambda v: bool(int(v)),
        error_messages={
            "required": "Select whether the organisation owns housing stock",
            "invalid_choice": "Select yes or no",
        },
    )
    profit_status = forms.TypedChoiceField(
        choices=ProfitStatus.choices,
        coerce=int,
        error_messages={
            "required": "Select the organisation's profit status",
            "invalid_choice": "Select a profit status from the list",
        },
    )
    housing_registration_no = forms.CharField(
        required=False,
        max_length=20,
        error_messages={"max_length": "Housing registration number must be 20 characters or fewer"},
    )
    region = forms.ChoiceField(
        choices=(("", "Not known"), *Region.choices),
        required=False,
        error_messages={"invalid_choice": "Select a region from the list"},
    )
    group_with = forms.ModelChoiceField(
        queryset=Organisation.objects.none(),
        required=False,
        error_messages={"invalid_choice": "Select an organisation from the list"},
    )

    field_order = (
        "name",
        "provider_type",
        "holds_own_stock",
        "profit_status",
        "housing_registration_no",
        "region",
        "group_with",
        "address_line1",
        "address_line2",
        "postcode",
        "phone",
        "rent_periods",
    )

    def __init__(self, *args: Any, instance: Organisation | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.instance = instance
        others = Organisation.objects.all()
        if instance is not None:
            others = others.exclude(pk=instance.pk)
        group_with: forms.ModelChoiceField[Organisation] = self.fields["group_with"]  # type: ignore[assignment]
        group_with.queryset = others
        group_with.empty_label = "Not part of a group"

    def clean_housing_registration_no(self) -> str:
        value: str = self.cleaned_data["housing_registration_no"].strip().upper()
        if value and not re.fullmatch(r"[A-Z0-9]+", value):
            raise ValidationError("Housing registration number must contain only letters and numbers, like LH1234")
        return value

    def clean_name(self) -> str:
        name: str = " ".join(self.cleaned_data["name"].split())
        taken = [
            o for o in Organisation.objects.prefetch_related("name_changes") if o.current_name.lower() == name.lower()
        ]
        if any(instance.pk != (self.instance.pk if self.instance else None) for instance in taken):
            raise ValidationError(
                "An organisation with this name already exists. Add a location or identifier, "
                "for example Organisation name (City)"
            )
        return name

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        provider_type, profit = cleaned.get("provider_type"), cleaned.get("profit_status")
        if provider_type == ProviderType.LOCAL_AUTHORITY and profit not in (None, ProfitStatus.LOCAL_AUTHORITY):
            self.add_error("profit_status", "Select ‘Local authority’ as the profit status of a local authority")
        if provider_type == ProviderType.PRIVATE_REGISTERED_PROVIDER and profit == ProfitStatus.LOCAL_AUTHORITY:
            self.add_error("profit_status", "Select ‘Non-profit’ or ‘Profit’ for a private registered provider")
        return cleaned


class NameChangeForm(forms.Form):
    """A new name, from today or another date."""

    name = forms.CharField(
        max_length=200,
        error_messages={"required": "Enter the new name", "max_length": "Name must be 200 characters or fewer"},
    )
    when = forms.ChoiceField(
        choices=(("now", "From today"), ("date", "From another date")),
        error_messages={
            "required": "Select when the new name starts",
            "invalid_choice": "Select when the new name starts",
        },
    )
    start_date = forms.DateField(required=False, input_formats=["%Y-%m-%d"])

    def __init__(self, organisation: Organisation, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.organisation = organisation

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get("when") == "date":
            try:
                cleaned["start_date"] = date_from_input(self.data, "start_date", "the date the new name starts")
            except DateInputError as error:
                self.add_error("start_date", str(error))
                return cleaned
        elif cleaned.get("when") == "now":
            cleaned["start_date"] = timezone.localdate()
        start, name = cleaned.get("start_date"), cleaned.get("name")
        if start and name:
            if name.strip() == self.organisation.name_on(start):
                self.add_error("name", "Enter a name different from the organisation's name on that date")
            active = self.organisation.name_changes.filter(cancelled_at__isnull=True)
            if active.filter(start_date=start).exists():
                self.add_error(
                    "start_date" if cleaned.get("when") == "date" else "when",
                    "A name change already starts on that date. Cancel it first or choose another date",
                )
        return cleaned


class OrganisationChoiceForm(forms.Form):
    """Choose one organisation from some candidates (anything else is "Select an organisation from the list")."""

    required_message = "Select an organisation"
    organisation = forms.ModelChoiceField(queryset=Organisation.objects.none())

    def __init__(self, candidates: Any, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field: forms.ModelChoiceField[Organisation] = self.fields["organisation"]  # type: ignore[assignment]
        field.queryset = candidates
        field.empty_label = "Select an organisation"
        field.error_messages = {
            "required": self.required_message,
            "invalid_choice": "Select an organisation from the list",
        }


class AddRelationshipForm(OrganisationChoiceForm):
    """Choose the organisation to add as a stock owner or managing agent."""
