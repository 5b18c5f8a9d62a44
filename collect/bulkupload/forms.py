"""The forms of the bulk upload pages: collection year, the file (and support's organisation), the choices."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.files.uploadedfile import UploadedFile

from collect.accounts.models import User
from collect.bulkupload import engine
from collect.organisations.models import Organisation
from collect.standards import calendar

ACCEPTED_SUFFIXES = (".csv", ".xlsx")


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.0f}MB"


class YearForm(forms.Form):
    """Which collection year the file is for (asked only while two years are open)."""

    year = forms.TypedChoiceField(coerce=int, error_messages={"required": "Select which collection year to upload"})

    def __init__(self, years: list[int], *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("auto_id", "%s")
        super().__init__(*args, **kwargs)
        field = self.fields["year"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [(year, calendar.dates_for(year).label) for year in years]


class UploadForm(forms.Form):
    """The file to upload and, for support, the organisation whose logs it holds."""

    file = forms.FileField(
        required=False,
        error_messages={
            "invalid": "The selected file could not be read. Choose a CSV or XLSX file.",
            "empty": "The selected file is empty",
            "max_length": "The name of the selected file is too long",
        },
    )
    organisation = forms.TypedChoiceField(
        coerce=int,
        required=False,
        empty_value=None,
        error_messages={"invalid_choice": "Select the organisation from the list"},
    )

    def __init__(self, user: User, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("auto_id", "%s")
        super().__init__(*args, **kwargs)
        self.user = user
        if user.is_support:
            field = self.fields["organisation"]
            assert isinstance(field, forms.ChoiceField)
            organisations = Organisation.objects.filter(active=True, data_sharing_agreement__isnull=False)
            field.choices = [("", "Select an organisation"), *organisations.order_by("name").values_list("pk", "name")]
        else:
            del self.fields["organisation"]

    def clean_file(self) -> UploadedFile:
        """A CSV or XLSX file of at most 50MB, not empty."""
        found = self.cleaned_data.get("file")
        if not found:
            raise forms.ValidationError("Select a CSV or XLSX file to upload")
        name = (found.name or "").lower()
        if not name.endswith(ACCEPTED_SUFFIXES):
            raise forms.ValidationError("The selected file must be a CSV or XLSX file")
        if found.size is not None and found.size > engine.MAX_BYTES:
            raise forms.ValidationError(
                f"The selected file must be {_megabytes(engine.MAX_BYTES)} or smaller: it is {_megabytes(found.size)}"
            )
        if not found.size:
            raise forms.ValidationError("The selected file is empty")
        assert isinstance(found, UploadedFile)
        return found

    def clean_organisation(self) -> Organisation | None:
        """Support must say whose logs the file holds."""
        if not self.user.is_support:
            return None
        chosen = self.cleaned_data.get("organisation")
        if chosen is None:
            raise forms.ValidationError("Select the organisation whose logs you are uploading")
        return Organisation.objects.get(pk=chosen)


class FixChoiceForm(forms.Form):
    """Fix the errors in the service, or correct the file and upload it again."""

    choice = forms.ChoiceField(
        choices=[
            ("fix_in_service", "Upload these logs and fix the errors in the service"),
            ("upload_again", "Fix the errors in the file and upload it again"),
        ],
        error_messages={"required": "Select how you want to fix the errors"},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("auto_id", "%s")
        super().__init__(*args, **kwargs)


class WarningsForm(forms.Form):
    """Whether the answers with warnings are correct."""

    correct = forms.ChoiceField(
        choices=[("yes", "Yes, these answers are correct"), ("no", "No, there are errors")],
        error_messages={"required": "Select whether these answers are correct"},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("auto_id", "%s")
        super().__init__(*args, **kwargs)
