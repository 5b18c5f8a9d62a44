"""Forms of the scheme and location pages: one group of questions per page, GOV.UK error messages.

Each form describes its questions (`questions()`) for the one page template, templates/schemes/question_page.html,
which draws them with the GOV.UK macros. Choices come from collect.schemes.options; a value that is not offered
(a tampered form) gets a field error like an unanswered question.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, cast

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

from collect.organisations.models import Organisation
from collect.refdata.models import LocalAuthority
from collect.schemes import lifecycle, options
from collect.schemes.models import Location, Scheme
from collect.schemes.status import govuk_date
from collect.standards import calendar, postcodes

MAX_UNITS = 10_000


@dataclass
class Item:
    """One answer of a radios question."""

    value: str
    text: str
    hint: str = ""


@dataclass
class Question:
    """What the page template needs to draw one question."""

    name: str
    kind: str  # text, number, radios, select, checkbox, date
    label: str
    hint: str = ""
    value: Any = ""
    error: str = ""
    items: list[Item] = field(default_factory=list)
    classes: str = ""


class DatePartsWidget(forms.MultiWidget):
    """Day, month and year boxes named <name>-day, <name>-month and <name>-year."""

    def __init__(self) -> None:
        super().__init__([forms.TextInput(), forms.TextInput(), forms.TextInput()])
        self.widgets_names = ["-day", "-month", "-year"]

    def decompress(self, value: Any) -> list[Any]:
        if isinstance(value, datetime.date):
            return [value.day, value.month, value.year]
        return [None, None, None]


class DateField(forms.Field):
    """A date typed as day, month and year, with the Design System's messages about "what" (e.g. "The date")."""

    widget = DatePartsWidget

    def __init__(self, *, what: str, **kwargs: Any) -> None:
        self.what = what
        super().__init__(**kwargs)

    def to_python(self, value: Any) -> datetime.date | None:
        parts = [str(p or "").strip() for p in (value or ["", "", ""])]
        if not any(parts):
            return None
        missing = [name for name, part in zip(("day", "month", "year"), parts, strict=True) if not part]
        if missing:
            raise ValidationError(f"{self.what} must include a {' and a '.join(missing)}")
        if not all(p.isdigit() for p in parts):
            raise ValidationError(f"{self.what} must be a real date, like 27 3 2026")
        day, month, year = (int(p) for p in parts)
        if len(parts[2]) != 4:
            raise ValidationError("Year must include 4 numbers")
        try:
            return datetime.date(year, month, day)
        except ValueError as error:
            raise ValidationError(f"{self.what} must be a real date, like 27 3 2026") from error


def _radio(
    options_list: Sequence[options.Option[Any]], coerce: Callable[[Any], Any], **messages: str
) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        choices=[(o.code, o.label) for o in options.offered(options_list)],
        coerce=coerce,
        widget=forms.RadioSelect,
        error_messages={"required": messages["required"], "invalid_choice": messages["required"]},
    )


class QuestionForm(forms.Form):
    """A form whose questions the generic page template can draw."""

    heading = ""  # the page's h1 above its questions; without one, the first question is the page's heading
    item_hints: dict[str, dict[str, str]] = {}  # noqa: RUF012 - read only

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("auto_id", "%s")
        super().__init__(*args, **kwargs)

    def values(self) -> dict[str, Any]:
        """The cleaned answers, as the actions take them."""
        return dict(self.cleaned_data)

    def _value(self, name: str) -> Any:
        value = self[name].value()
        return "" if value is None else value

    def question(self, name: str) -> Question:
        """Describe one field for the page template."""
        bound = self[name]
        form_field = bound.field
        errors = self.errors.get(name)
        question = Question(
            name=name,
            kind="text",
            label=str(form_field.label or ""),
            hint=str(form_field.help_text or ""),
            error=" ".join(str(e) for e in errors) if errors else "",
        )
        if isinstance(form_field, DateField):
            value = bound.value()
            parts = [value.day, value.month, value.year] if isinstance(value, datetime.date) else value
            question.kind = "date"
            question.value = ["" if p is None else str(p) for p in (parts or [None, None, None])]
        elif isinstance(form_field, forms.BooleanField):
            question.kind = "checkbox"
            question.value = self._value(name) in (True, "on", "true", "True", "1")
        elif isinstance(form_field, forms.ChoiceField) and isinstance(form_field.widget, forms.RadioSelect):
            question.kind = "radios"
            question.value = str(self._value(name))
            hints = self.item_hints.get(name, {})
            question.items = [
                Item(str(code), str(text), hints.get(str(code), ""))
                for code, text in _choices(form_field)
                if code != ""
            ]
        elif isinstance(form_field, forms.ChoiceField):
            question.kind = "select"
            question.value = str(self._value(name))
            question.items = [Item(str(code), str(text)) for code, text in _choices(form_field)]
        elif isinstance(form_field, forms.IntegerField):
            question.kind = "number"
            question.value = str(self._value(name))
            question.classes = "govuk-input--width-5"
        else:
            question.value = str(self._value(name))
        return question

    def questions(self) -> list[Question]:
        """Every question of the page, in order."""
        return [self.question(name) for name in self.fields]


def _choices(choice_field: forms.ChoiceField) -> Iterable[tuple[Any, Any]]:
    return cast(Iterable[tuple[Any, Any]], choice_field.choices)


def _hints(options_list: Sequence[options.Option[Any]]) -> dict[str, str]:
    return {str(o.code): o.hint for o in options_list if o.hint}


# Schemes


class SchemeDetailsForm(QuestionForm):
    """Name, confidentiality, type, CQC regulation, owner and who provides support."""

    service_name = forms.CharField(
        label="Scheme name",
        help_text=(
            "This is how you refer to this supported housing scheme within your organisation. For example, the name "
            "could relate to the address or location. You’ll be able to see the client group when selecting it."
        ),
        max_length=200,
        error_messages={
            "required": "Enter the scheme name",
            "max_length": "Scheme name must be 200 characters or fewer",
        },
    )
    sensitive = forms.BooleanField(label="This scheme contains confidential information", required=False)
    scheme_type = _radio(options.SCHEME_TYPES, int, required="Select the type of scheme")
    registered_under_care_act = _radio(
        options.REGISTERED_UNDER_CARE_ACT,
        int,
        required="Select if this scheme is regulated by the Care Quality Commission",
    )
    owning_organisation = forms.ModelChoiceField(
        queryset=Organisation.objects.none(),
        label="Which organisation owns the housing stock for this scheme?",
        empty_label="Select an organisation",
        error_messages={
            "required": "Select the organisation that owns the housing stock for this scheme",
            "invalid_choice": "Select the organisation that owns the housing stock for this scheme from the list",
        },
    )
    arrangement_type = _radio(
        options.ARRANGEMENT_TYPES, str, required="Select who provides the support services used by this scheme"
    )
    item_hints = {"registered_under_care_act": _hints(options.REGISTERED_UNDER_CARE_ACT)}  # noqa: RUF012

    def __init__(
        self,
        *args: Any,
        owners: Any,
        allowed: Sequence[str],
        ask_owner: bool = True,
        scheme: Scheme | None = None,
        **kwargs: Any,
    ) -> None:
        if scheme is not None:
            kwargs["initial"] = {
                "service_name": scheme.service_name,
                "sensitive": scheme.sensitive == options.YES,
                "scheme_type": scheme.scheme_type,
                "registered_under_care_act": scheme.registered_under_care_act,
                "owning_organisation": scheme.owning_organisation_id,
                "arrangement_type": scheme.arrangement_type,
            }
        super().__init__(*args, **kwargs)
        self.fields["scheme_type"].label = "What is this type of scheme?"
        self.fields[
            "registered_under_care_act"
        ].label = "Is this scheme regulated by the Care Quality Commission (CQC)?"
        self.fields["arrangement_type"].label = "Who provides the support services used by this scheme?"
        self.fields["owning_organisation"].queryset = owners  # type: ignore[attr-defined]
        # With one possible owner there is nothing to ask a coordinator: the view sets it.
        if not ask_owner:
            allowed = [name for name in allowed if name != "owning_organisation"]
        for name in list(self.fields):
            if name not in allowed:
                del self.fields[name]

    def values(self) -> dict[str, Any]:
        values = dict(self.cleaned_data)
        if "sensitive" in values:
            values["sensitive"] = options.YES if values["sensitive"] else options.NO
        return values


class PrimaryClientGroupForm(QuestionForm):
    primary_client_group = _radio(
        options.CLIENT_GROUPS, str, required="Select the client group this scheme is intended for"
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["primary_client_group"].label = "What client group is this scheme intended for?"


class HasOtherClientGroupForm(QuestionForm):
    has_other_client_group = _radio(
        options.YES_NO, int, required="Select if this scheme provides for another client group"
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["has_other_client_group"].label = "Does this scheme provide for another client group?"


class SecondaryClientGroupForm(QuestionForm):
    secondary_client_group = _radio(
        options.CLIENT_GROUPS, str, required="Select the other client group for this scheme"
    )

    def __init__(self, *args: Any, primary: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choice_field = self.fields["secondary_client_group"]
        choice_field.label = "What is the other client group?"
        choice_field.choices = [(c, t) for c, t in choice_field.choices if c != primary]  # type: ignore[attr-defined]


class SupportForm(QuestionForm):
    heading = "What support does this scheme provide?"
    support_type = _radio(options.SUPPORT_TYPES, int, required="Select the level of support given")
    intended_stay = _radio(options.INTENDED_STAYS, str, required="Select the intended length of stay")
    item_hints = {  # noqa: RUF012
        "support_type": _hints(options.SUPPORT_TYPES),
        "intended_stay": _hints(options.INTENDED_STAYS),
    }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["support_type"].label = "Level of support given"
        self.fields["intended_stay"].label = "Intended length of stay"


# Locations


class PostcodeForm(QuestionForm):
    """The postcode; its local authority is looked up in the ONS data when the form is valid."""

    postcode = forms.CharField(
        label="What is the postcode?",
        help_text="For example, SW1P 4DF.",
        max_length=20,
        error_messages={
            "required": "Enter the postcode of this location",
            "max_length": "Enter a postcode in the correct format, like SW1P 4DF",
        },
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.local_authority_code = ""

    def clean_postcode(self) -> str:
        text: str = self.cleaned_data["postcode"]
        if not postcodes.is_valid(text):
            raise ValidationError("Enter a postcode in the correct format, like SW1P 4DF")
        code = postcodes.local_authority_code(text) or ""
        if code and not code.startswith("E"):
            raise ValidationError("Enter a postcode in England. CORE only collects lettings in England")
        # Only a local authority of the register counts; otherwise the person chooses it.
        if code and LocalAuthority.objects.filter(code=code).exists():
            self.local_authority_code = code
        return postcodes.normalise(text)


def local_authority_choices(today: datetime.date) -> list[tuple[str, str]]:
    """Local authorities in England that exist in the current collection year, for a manual choice."""
    year = calendar.collection_start_year(today)
    return [(la.code, la.name) for la in LocalAuthority.objects.active_in(year).in_england().order_by("name")]


class LocalAuthorityForm(QuestionForm):
    local_authority_code = forms.ChoiceField(
        error_messages={
            "required": "Select the local authority of this location",
            "invalid_choice": "Select the local authority of this location from the list",
        },
    )

    def __init__(self, *args: Any, postcode: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choice_field = self.fields["local_authority_code"]
        choice_field.label = f"What is the local authority of {postcode}?"
        choice_field.help_text = "We could not find the local authority from the postcode."
        choices = local_authority_choices(timezone.localdate())
        choice_field.choices = [("", "Select a local authority"), *choices]  # type: ignore[attr-defined]


class LocationNameForm(QuestionForm):
    name = forms.CharField(
        label="What is the name of this location?",
        help_text="This is how you refer to this location within your organisation. You can leave this blank.",
        max_length=200,
        required=False,
        error_messages={"max_length": "Location name must be 200 characters or fewer"},
    )


class UnitsForm(QuestionForm):
    units = forms.IntegerField(
        label="How many units are at this location?",
        help_text=(
            "A unit is the space being let. For example, the property might be a block of flats and the unit would "
            "be the specific flat being let. A unit can also be a bedroom in a shared house or flat. Do not include "
            "spaces used for staff."
        ),
        min_value=1,
        max_value=MAX_UNITS,
        error_messages={
            "required": "Enter the number of units at this location",
            "invalid": "Number of units must be a whole number, like 12",
            "min_value": "Number of units must be 1 or more",
            "max_value": f"Number of units must be {MAX_UNITS:,} or fewer",
        },
    )


class TypeOfUnitForm(QuestionForm):
    type_of_unit = _radio(options.UNIT_TYPES, int, required="Select the most common type of unit at this location")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["type_of_unit"].label = "What is the most common type of unit at this location?"


class MobilityTypeForm(QuestionForm):
    mobility_type = _radio(
        options.MOBILITY_TYPES,
        str,
        required="Select the mobility standards for the majority of units in this location",
    )
    item_hints = {"mobility_type": _hints(options.MOBILITY_TYPES)}  # noqa: RUF012

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields[
            "mobility_type"
        ].label = "What are the mobility standards for the majority of units in this location?"


class AvailabilityForm(QuestionForm):
    startdate = DateField(
        what="The availability date",
        label="When did the first property in this location become available under this scheme?",
        help_text="For example, 27 3 2025",
        error_messages={"required": "Enter the date the first property in this location became available"},
    )

    def __init__(self, *args: Any, location: Location, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.location = location

    def clean_startdate(self) -> datetime.date:
        day: datetime.date = self.cleaned_data["startdate"]
        earliest = self.location.scheme.available_from
        if day < earliest:
            raise ValidationError(
                f"The availability date must be on or after {govuk_date(earliest)}, when the scheme became available"
            )
        return day


# Deactivation and reactivation

NOW, OTHER = "now", "other"


class ToggleActiveForm(QuestionForm):
    """When a deactivation or reactivation applies: today, or another date."""

    when = forms.ChoiceField(
        label="When should this change apply?",
        widget=forms.RadioSelect,
        error_messages={
            "required": "Select when the change should apply",
            "invalid_choice": "Select when the change should apply",
        },
    )
    date = DateField(
        what="The date",
        label="Another date",
        help_text="If the change applies from another date. For example, 27 3 2026",
        required=False,
    )

    def __init__(
        self, *args: Any, record: lifecycle.Record, reactivate: bool, today: datetime.date, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.record, self.reactivate, self.today = record, reactivate, today
        self.fields["when"].choices = [  # type: ignore[attr-defined]
            (NOW, f"From today ({govuk_date(today)})"),
            (OTHER, "From another date"),
        ]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        when = cleaned.get("when")
        if when == NOW:
            cleaned["date"] = self.today
        elif when == OTHER and cleaned.get("date") is None and "date" not in self.errors:
            self.add_error("date", "Enter the date the change should apply from")
        day = cleaned.get("date")
        if when and day is not None:
            check = lifecycle.reactivation_problem if self.reactivate else lifecycle.deactivation_problem
            problem = check(self.record, day, self.today)
            if problem:
                self.add_error("when" if when == NOW else "date", problem)
        return cleaned

    def questions(self) -> list[Question]:
        # The date follows the choice instead of being revealed by it: GOV.UK Frontend marks a revealing radio
        # with aria-expanded, which radios may not have (axe: aria-allowed-attr).
        return [self.question("when"), self.question("date")]


class NotDuplicatesForm(QuestionForm):
    confirmed = forms.BooleanField(
        label="Yes, none of the schemes and locations above are duplicates",
        error_messages={"required": "Confirm that none of the schemes and locations above are duplicates"},
    )
