"""Forms of the collection pages: calendar dates, completeness filters, nil returns, digests, banners, resources."""

from __future__ import annotations

from typing import Any

from django import forms

from collect.collection import calendar as service_calendar
from collect.collection.models import DigestFrequency, LogKindChoice, ResourceType
from collect.organisations.models import ProviderType, Region
from collect.web.forms import DateInputError, date_from_input

DATE_FIELDS = {
    "submission_deadline": "the end of year deadline",
    "new_logs_end": "the last day for new logs",
    "edit_end": "the last day to change logs",
    "q1_cutoff": "the quarter 1 cut-off",
    "q2_cutoff": "the quarter 2 cut-off",
    "q3_cutoff": "the quarter 3 cut-off",
    "q4_cutoff": "the quarter 4 cut-off",
}
OPTIONAL_DATES = ("q1_cutoff", "q2_cutoff", "q3_cutoff", "q4_cutoff")


class CollectionYearForm(forms.Form):
    """A collection year's dates (GOV.UK date inputs) and the reminders' timing."""

    reminder_days_before = forms.IntegerField(
        min_value=1,
        max_value=90,
        error_messages={
            "required": "Enter how many days before a cut-off reminders are sent",
            "invalid": "Enter the days before a cut-off as a whole number, like 14",
            "min_value": "Reminders must be sent at least 1 day before a cut-off",
            "max_value": "Reminders must be sent at most 90 days before a cut-off",
        },
    )
    overdue_days_after = forms.IntegerField(
        min_value=1,
        max_value=60,
        error_messages={
            "required": "Enter how many days after a cut-off overdue notices are sent",
            "invalid": "Enter the days after a cut-off as a whole number, like 3",
            "min_value": "Overdue notices must be sent at least 1 day after a cut-off",
            "max_value": "Overdue notices must be sent at most 60 days after a cut-off",
        },
    )

    resources_released = forms.TypedChoiceField(
        choices=((1, "Yes"), (0, "No")),
        coerce=lambda v: bool(int(v)),
        error_messages={"required": "Select whether everyone sees this year's resources"},
    )

    def __init__(self, *args: Any, start_year: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.start_year = start_year
        for name in DATE_FIELDS:
            self.fields[name] = forms.DateField(required=False)
        self.order_fields([*DATE_FIELDS, "reminder_days_before", "overdue_days_after", "resources_released"])

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        for name, what in DATE_FIELDS.items():
            blank = not any(str(self.data.get(f"{name}-{part}", "")).strip() for part in ("day", "month", "year"))
            if name in OPTIONAL_DATES and blank:
                cleaned[name] = None
                continue
            try:
                cleaned[name] = date_from_input(self.data, name, what)
            except DateInputError as error:
                self.add_error(name, str(error))
        if not any(name in self.errors for name in DATE_FIELDS):  # dates that are real dates: check their order
            for name, message in service_calendar.validate_order(cleaned, self.start_year).items():
                self.add_error(name, message)
        return cleaned


class CompletenessFilterForm(forms.Form):
    """The completeness view's year, kind of log and filters (support)."""

    year = forms.TypedChoiceField(coerce=int, required=False)
    kind = forms.ChoiceField(choices=LogKindChoice.choices, required=False)
    provider_type = forms.TypedChoiceField(
        choices=(("", "Any type"), *ProviderType.choices), coerce=int, required=False, empty_value=None
    )
    region = forms.ChoiceField(choices=(("", "Any region"), *Region.choices), required=False)

    def __init__(self, *args: Any, years: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        year: forms.TypedChoiceField = self.fields["year"]  # type: ignore[assignment]
        year.choices = years


class NilReturnForm(forms.Form):
    """A quarter and a kind of log the organisation had none of."""

    kind = forms.ChoiceField(
        choices=LogKindChoice.choices,
        error_messages={"required": "Select lettings or sales", "invalid_choice": "Select lettings or sales"},
    )
    quarter = forms.ChoiceField(
        error_messages={"required": "Select the quarter", "invalid_choice": "Select a quarter from the list"}
    )

    def __init__(self, *args: Any, quarters: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        quarter: forms.ChoiceField = self.fields["quarter"]  # type: ignore[assignment]
        quarter.choices = quarters


class DigestForm(forms.Form):
    """How often a person wants the email about their logs."""

    frequency = forms.ChoiceField(
        choices=DigestFrequency.choices,
        error_messages={"required": "Select how often you want the email", "invalid_choice": "Select an option"},
    )


class NotificationForm(forms.Form):
    """A notification banner (support)."""

    title = forms.CharField(
        max_length=300,
        error_messages={
            "required": "Enter the notification's title",
            "max_length": "The title must be 300 characters or fewer",
        },
    )
    link_text = forms.CharField(
        required=False, max_length=100, error_messages={"max_length": "The link text must be 100 characters or fewer"}
    )
    page_content = forms.CharField(required=False, widget=forms.Textarea)
    show_on_unauthenticated_pages = forms.TypedChoiceField(
        choices=((1, "Yes"), (0, "No")),
        coerce=lambda v: bool(int(v)),
        error_messages={"required": "Select whether people who are not signed in see it"},
    )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get("link_text") and not cleaned.get("page_content"):
            self.add_error("page_content", "Enter the page's content, or remove the link text")
        if cleaned.get("page_content") and not cleaned.get("link_text"):
            self.add_error("link_text", "Enter the link text to the page, or remove the page's content")
        return cleaned


MAX_RESOURCE_BYTES = 100 * 1024 * 1024
RESOURCE_TYPES = {
    "application/pdf": ".pdf",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": ".xlsx",
    "application/vnd.ms-excel": ".xls",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
}
MAGIC = {b"%PDF": ".pdf", b"PK\x03\x04": ".xlsx", b"\xd0\xcf\x11\xe0": ".xls"}


class ResourceForm(forms.Form):
    """A file for a collection year (support): PDF, Excel or Word, at most 100 MB."""

    kind = forms.ChoiceField(choices=LogKindChoice.choices, error_messages={"required": "Select lettings or sales"})
    resource_type = forms.ChoiceField(
        choices=ResourceType.choices, error_messages={"required": "Select the kind of resource"}
    )
    display_name = forms.CharField(
        max_length=200,
        error_messages={
            "required": "Enter the name people see, like ‘Lettings paper form’",
            "max_length": "The name must be 200 characters or fewer",
        },
    )
    file = forms.FileField(error_messages={"required": "Select a file to upload", "empty": "The file is empty"})

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_RESOURCE_BYTES:
            raise forms.ValidationError("The file must be smaller than 100 MB")
        start = upload.read(4)
        upload.seek(0)
        name = upload.name.lower()
        if not name.endswith((".pdf", ".xlsx", ".xls", ".docx")) or not any(start.startswith(m) for m in MAGIC):
            raise forms.ValidationError("The file must be a PDF, an Excel spreadsheet or a Word document")
        return upload
