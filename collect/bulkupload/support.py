"""Support's view of every upload of the last 30 days (platform.md §5.3): filters, search, status and error counts."""

from __future__ import annotations

import datetime
from typing import Any

from django import forms
from django.core.paginator import Paginator
from django.db.models import Q, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from collect.accounts.policy import support_required
from collect.bulkupload import links
from collect.bulkupload.models import BulkUpload, UploadStatus
from collect.bulkupload.outcomes import STATUS_VIEWS
from collect.journeys.kinds import PAGES
from collect.standards import calendar
from collect.standards.registry import COLLECTIONS
from collect.web.pagination import govuk_pagination

DAYS = 30
PAGE_SIZE = 25


class UploadFilterForm(forms.Form):
    """Search and filters of the uploads list; invalid parts are shown as errors and not applied."""

    q = forms.CharField(required=False, max_length=200)
    kind = forms.ChoiceField(
        required=False,
        choices=[("", "Lettings and sales"), ("lettings", "Lettings"), ("sales", "Sales")],
        error_messages={"invalid_choice": "Select lettings or sales"},
    )
    year = forms.TypedChoiceField(
        required=False, coerce=int, empty_value=None, error_messages={"invalid_choice": "Select a year from the list"}
    )
    status = forms.ChoiceField(
        required=False,
        choices=[("", "Any status"), *((s.value, STATUS_VIEWS[s].tag) for s in UploadStatus)],
        error_messages={"invalid_choice": "Select a status from the list"},
    )
    uploaded_by = forms.CharField(required=False, max_length=200)
    organisation = forms.CharField(required=False, max_length=200)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("auto_id", "%s")
        super().__init__(*args, **kwargs)
        years = sorted({int(c.rsplit("-", 1)[1]) for c in COLLECTIONS}, reverse=True)
        field = self.fields["year"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [("", "Any year"), *((y, calendar.dates_for(y).label) for y in years)]
        self.is_valid()

    def apply(self, uploads: QuerySet[BulkUpload]) -> QuerySet[BulkUpload]:
        """The uploads matching the valid filters and search."""
        data = getattr(self, "cleaned_data", {})
        if kind := data.get("kind"):
            uploads = uploads.filter(kind=kind)
        if year := data.get("year"):
            uploads = uploads.filter(collection__endswith=f"-{year}")
        if status := data.get("status"):
            uploads = uploads.filter(status=status)
        if who := (data.get("uploaded_by") or "").strip():
            uploads = uploads.filter(Q(uploaded_by__name__icontains=who) | Q(uploaded_by__email__icontains=who))
        if organisation := (data.get("organisation") or "").strip():
            uploads = uploads.filter(organisation__name__icontains=organisation)
        if query := (data.get("q") or "").strip():
            uploads = uploads.filter(
                Q(filename__icontains=query)
                | Q(uploaded_by__name__icontains=query)
                | Q(uploaded_by__email__icontains=query)
                | Q(organisation__name__icontains=query)
            )
        return uploads


@require_GET
@support_required
def upload_list(request: HttpRequest) -> HttpResponse:
    """Every upload of the last 30 days, newest first, with its status, error counts and links."""
    since = timezone.now() - datetime.timedelta(days=DAYS)
    form = UploadFilterForm(request.GET)
    uploads = form.apply(
        BulkUpload.objects.filter(created_at__gte=since).select_related("uploaded_by", "organisation")
    ).order_by("-created_at", "-pk")
    page = Paginator(uploads, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "title": "Bulk uploads",
        "nav_section": "bulk-uploads",
        "form": form,
        "page": page,
        "pagination": govuk_pagination(page, query),
        "views": STATUS_VIEWS,
        "links": links,
        "pages": PAGES,
        "days": DAYS,
    }
    return render(request, "bulkupload/support_list.html", context)
