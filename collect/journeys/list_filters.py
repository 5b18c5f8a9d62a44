"""The search and filters of a logs list (platform.md §4.6), read from a query string.

Search: a log's id (also written "log123"), a code column of its kind (lettings: tenant code, property reference)
or its postcode, with or without spaces; exact matches come first. Filters: collection year, status, type (lettings:
needs type), assigned to, owned by and managed by, and the bulk upload that created the logs.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from django import forms
from django.db.models import Case, IntegerField, Q, QuerySet, Value, When
from django.db.models.functions import Replace, Upper

from collect.accounts.models import User
from collect.journeys.kinds import LogPages
from collect.logs.models import VISIBLE_STATUSES, LogQuerySet, LogStatus
from collect.organisations.models import Organisation
from collect.standards import calendar
from collect.standards.registry import collection

SEARCH_MAX = 200
_LOG_ID = re.compile(r"(?:log\s*)?(\d{1,12})", re.IGNORECASE)
ME = "me"


def related_organisations(user: User) -> QuerySet[Organisation]:
    """The organisations whose logs a non-support person sees besides their own: absorbed, stock owners, agents."""
    own = user.organisation_id
    return Organisation.objects.filter(
        Q(absorbing_organisation_id=own)
        | Q(managing_agent_links__managing_agent_id=own)
        | Q(stock_owner_links__stock_owner_id=own)
    ).exclude(pk=own)


def year_choices(pages: LogPages) -> list[tuple[int, str]]:
    """The collection years a list can be filtered by: the declared ones, newest first."""
    years = sorted({collection(c).start_year for c in pages.collections}, reverse=True)
    return [(year, calendar.dates_for(year).label) for year in years]


class LogFilterForm(forms.Form):
    """Search and filters of a logs list. Valid parts are applied; invalid ones are shown as errors."""

    q = forms.CharField(
        required=False,
        max_length=SEARCH_MAX,
        error_messages={"max_length": f"Search must be {SEARCH_MAX} characters or fewer"},
    )
    years = forms.TypedMultipleChoiceField(
        required=False, coerce=int, error_messages={"invalid_choice": "Select a collection year from the list"}
    )
    status = forms.MultipleChoiceField(
        required=False,
        choices=[(str(s), LogStatus(s).label) for s in VISIBLE_STATUSES],
        error_messages={"invalid_choice": "Select a status from the list"},
    )
    assigned = forms.ChoiceField(
        required=False, error_messages={"invalid_choice": "Select who the logs are assigned to from the list"}
    )
    owned_by = forms.TypedChoiceField(
        required=False,
        coerce=int,
        empty_value=None,
        error_messages={"invalid_choice": "Select the organisation that owns the logs from the list"},
    )
    # The logs of one bulk upload (its uuid), as the upload's "fix in the service" link shows them.
    bulk_upload = forms.UUIDField(required=False, error_messages={"invalid": "Select a bulk upload from its report"})
    managed_by = forms.TypedChoiceField(
        required=False,
        coerce=int,
        empty_value=None,
        error_messages={"invalid_choice": "Select the organisation that manages the logs from the list"},
    )

    def __init__(self, user: User, pages: LogPages, data: Mapping[str, Any]) -> None:
        super().__init__(data, auto_id="%s")
        self.pages = pages
        self.user = user
        self._choices("years", year_choices(pages))
        question = pages.type_question_declared
        self.fields[pages.type_question] = forms.TypedMultipleChoiceField(
            required=False,
            coerce=int,
            choices=[(o.code, o.label) for o in question.options],
            error_messages={"invalid_choice": f"Select a {question.label.lower()} from the list"},  # noqa: S608 - a message
        )
        self.organisations = self._organisations()
        if self.organisations is None:
            del self.fields["owned_by"]
            del self.fields["managed_by"]
        else:
            choices = [("", "All organisations"), *((o.pk, o.name) for o in self.organisations)]
            self._choices("owned_by", choices)
            self._choices("managed_by", choices)
        self._choices("assigned", [("", "Anyone"), (ME, "You"), *self._assignees(data)])
        self.is_valid()

    def _choices(self, name: str, choices: list[tuple[Any, str]]) -> None:
        field = self.fields[name]
        assert isinstance(field, forms.ChoiceField)
        field.choices = choices

    def _organisations(self) -> list[Organisation] | None:
        """The organisations to filter by owner and manager: None when the person sees only their own."""
        if self.user.is_support:
            return list(Organisation.objects.order_by("name", "pk"))
        related = list(related_organisations(self.user).distinct().order_by("name", "pk"))
        return [self.user.organisation, *related] if related else None

    def _assignees(self, data: Mapping[str, Any]) -> list[tuple[str, str]]:
        """Users to filter by: the person's organisation's (support: those of the organisations filtered by)."""
        users = User.objects.exclude(pk=self.user.pk).order_by("name", "pk")
        if self.user.is_support:
            chosen = [str(data.get(name, "")) for name in ("owned_by", "managed_by")]
            ids = [int(value) for value in chosen if value.isdigit()]
            users = users.filter(organisation_id__in=ids)
        else:
            users = users.filter(organisation_id=self.user.organisation_id)
        return [(str(u.pk), u.name) for u in users.only("pk", "name")]

    @property
    def filter_names(self) -> list[str]:
        """The names of the filters (every field but the search)."""
        return [name for name in self.fields if name != "q"]

    @property
    def active(self) -> bool:
        """True when a search or filter is applied."""
        return any(self.cleaned_data.get(name) for name in self.fields)

    @property
    def filter_count(self) -> int:
        """How many filters are applied."""
        return sum(1 for name in self.filter_names if self.cleaned_data.get(name))

    def apply(self, logs: LogQuerySet) -> QuerySet[Any]:
        """The logs matching the valid search and filters, exact search matches first, then newest first."""
        data = self.cleaned_data
        if years := data.get("years"):
            logs = logs.filter(self.pages.in_years(years))
        if statuses := data.get("status"):
            logs = logs.filter(status__in=statuses)
        if types := data.get(self.pages.type_question):
            logs = logs.filter(**{f"{self.pages.type_question}__in": types})
        if assigned := data.get("assigned"):
            logs = logs.filter(assigned_to_id=self.user.pk if assigned == ME else int(assigned))
        if owner := data.get("owned_by"):
            logs = logs.filter(owning_organisation_id=owner)
        if manager := data.get("managed_by"):
            logs = logs.filter(managing_organisation_id=manager)
        if upload := data.get("bulk_upload"):
            logs = logs.filter(bulk_upload__uuid=upload)
        if query := (data.get("q") or "").strip():
            return search(logs, query, self.pages.search_columns)
        return logs.order_by("-created_at", "-pk")


def search(logs: LogQuerySet, query: str, columns: tuple[str, ...]) -> QuerySet[Any]:
    """Logs whose id, code columns or postcode match the query; exact matches first, then newest first."""
    compact = re.sub(r"\s+", "", query).upper()
    found = Q(compact_postcode__contains=compact)
    exact = Q(compact_postcode=compact)
    for column in columns:
        found |= Q(**{f"{column}__icontains": query})
        exact |= Q(**{f"{column}__iexact": query})
    if match := _LOG_ID.fullmatch(query.strip()):
        found |= Q(pk=int(match.group(1)))
        exact |= Q(pk=int(match.group(1)))
    return (
        logs.annotate(compact_postcode=Upper(Replace("postcode_full", Value(" "), Value(""))))
        .filter(found)
        .annotate(rank=Case(When(exact, then=Value(0)), default=Value(1), output_field=IntegerField()))
        .order_by("rank", "-created_at", "-pk")
    )
