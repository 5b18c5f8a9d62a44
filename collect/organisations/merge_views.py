"""The merge journey (support only): absorbing organisation, merging organisations, date, check and start."""

from __future__ import annotations

import datetime
from typing import Any

from django import forms
from django.contrib import messages
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from collect.accounts.policy import require, signed_in_user, support_required
from collect.organisations.forms import OrganisationChoiceForm
from collect.organisations.merging import preview, problems, process_merge
from collect.organisations.models import MergeRequest, MergeStatus, Organisation
from collect.web.forms import DateInputError, date_from_input

NAV = {"nav_section": "organisations"}


def _open_merge(pk: int) -> MergeRequest:
    """A merge request that can still be changed."""
    merge = get_object_or_404(MergeRequest, pk=pk)
    require(merge.status in (MergeStatus.INCOMPLETE, MergeStatus.READY, MergeStatus.FAILED))
    return merge


def _busy_organisation_ids(merge: MergeRequest) -> set[int]:
    """Organisations already in another merge that has not finished, or already merged."""
    busy = set(
        MergeRequest.objects.exclude(pk=merge.pk)
        .exclude(status=MergeStatus.MERGED)
        .values_list("merging_organisations", flat=True)
    )
    busy |= set(Organisation.objects.filter(absorbing_organisation__isnull=False).values_list("pk", flat=True))
    return {pk for pk in busy if pk is not None}


class AbsorbingForm(OrganisationChoiceForm):
    """The organisation the others merge into."""

    required_message = "Select the absorbing organisation"
    absorbing_is_new = forms.TypedChoiceField(
        choices=((0, "Yes, it is already active"), (1, "No, it is a new organisation created for this merge")),
        coerce=lambda v: bool(int(v)),
        error_messages={
            "required": "Select whether the absorbing organisation is already active",
            "invalid_choice": "Select whether the absorbing organisation is already active",
        },
    )


class MergingForm(OrganisationChoiceForm):
    """One more organisation that merges."""

    required_message = "Select a merging organisation to add"


class MergeDateForm(forms.Form):
    """When the merge takes effect, and the helpdesk ticket that asked for it."""

    merge_date = forms.DateField(required=False)
    helpdesk_ticket = forms.CharField(
        required=False,
        max_length=50,
        error_messages={"max_length": "Helpdesk ticket number must be 50 characters or fewer"},
    )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        try:
            date = date_from_input(self.data, "merge_date", "the merge date")
        except DateInputError as error:
            self.add_error("merge_date", str(error))
            return cleaned
        if date > timezone.localdate() + datetime.timedelta(days=365):
            self.add_error("merge_date", "The merge date must be no more than 1 year from today")
        cleaned["merge_date"] = date
        return cleaned


@support_required
def merge_list(request: HttpRequest) -> HttpResponse:
    """Merge requests, newest first."""
    merges = MergeRequest.objects.select_related("absorbing_organisation").prefetch_related("merging_organisations")
    return render(request, "organisations/merges/list.html", {"merges": merges, **NAV})


@support_required
@require_http_methods(["POST"])
def merge_start(request: HttpRequest) -> HttpResponse:
    """Begin a new merge request."""
    merge = MergeRequest.objects.create(requested_by=signed_in_user(request))
    return redirect("organisations:merge-absorbing", pk=merge.pk)


@support_required
@require_http_methods(["GET", "POST"])
def merge_absorbing(request: HttpRequest, pk: int) -> HttpResponse:
    """Choose the absorbing organisation."""
    merge = _open_merge(pk)
    candidates = Organisation.objects.filter(active=True).exclude(pk__in=_busy_organisation_ids(merge))
    initial = {
        "organisation": merge.absorbing_organisation_id,
        "absorbing_is_new": None if merge.absorbing_is_new is None else int(merge.absorbing_is_new),
    }
    form = AbsorbingForm(candidates, request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        merge.absorbing_organisation = form.cleaned_data["organisation"]
        merge.absorbing_is_new = form.cleaned_data["absorbing_is_new"]
        merge.save()
        merge.merging_organisations.remove(form.cleaned_data["organisation"])
        return redirect("organisations:merge-merging", pk=pk)
    return render(request, "organisations/merges/absorbing.html", {"form": form, "merge": merge, **NAV})


@support_required
@require_http_methods(["GET", "POST"])
def merge_merging(request: HttpRequest, pk: int) -> HttpResponse:
    """Add (or remove) the organisations that merge."""
    merge = _open_merge(pk)
    if request.method == "POST" and "remove" in request.POST:
        merge.merging_organisations.remove(*merge.merging_organisations.filter(pk=request.POST["remove"]))
        return redirect("organisations:merge-merging", pk=pk)
    if request.method == "POST" and "continue" in request.POST:
        if merge.merging_organisations.exists():
            return redirect("organisations:merge-date", pk=pk)
        form = MergingForm(Organisation.objects.none(), {})
        form.add_error("organisation", "Add at least one merging organisation")
    else:
        candidates = (
            Organisation.objects.filter(active=True)
            .exclude(pk__in=_busy_organisation_ids(merge))
            .exclude(pk__in=[merge.absorbing_organisation_id or 0])
            .exclude(pk__in=merge.merging_organisations.all())
        )
        form = MergingForm(candidates, request.POST if request.method == "POST" else None)
        if request.method == "POST" and form.is_valid():
            merge.merging_organisations.add(form.cleaned_data["organisation"])
            return redirect("organisations:merge-merging", pk=pk)
    context = {"form": form, "merge": merge, "merging": merge.merging_organisations.all(), **NAV}
    return render(request, "organisations/merges/merging.html", context)


@support_required
@require_http_methods(["GET", "POST"])
def merge_date(request: HttpRequest, pk: int) -> HttpResponse:
    """When the merge takes effect."""
    merge = _open_merge(pk)
    form = MergeDateForm(
        request.POST if request.method == "POST" else None, initial={"helpdesk_ticket": merge.helpdesk_ticket}
    )
    if request.method == "POST" and form.is_valid():
        merge.merge_date = form.cleaned_data["merge_date"]
        merge.helpdesk_ticket = form.cleaned_data["helpdesk_ticket"].strip()
        merge.status = MergeStatus.READY
        merge.save()
        return redirect("organisations:merge", pk=pk)
    context = {"form": form, "merge": merge, "current": merge.merge_date, **NAV}
    return render(request, "organisations/merges/date.html", context)


@support_required
def merge_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """Check the merge: what moves, what stops it; its outcome once started."""
    merge = get_object_or_404(MergeRequest, pk=pk)
    ready = merge.merge_date is not None and merge.absorbing_organisation is not None
    context = {
        "merge": merge,
        "merging": merge.merging_organisations.all(),
        "preview": preview(merge) if ready and merge.status != MergeStatus.MERGED else [],
        "problems": problems(merge),
        **NAV,
    }
    return render(request, "organisations/merges/detail.html", context)


@support_required
@require_http_methods(["POST"])
def merge_run(request: HttpRequest, pk: int) -> HttpResponse:
    """Start the merge in the background."""
    merge = _open_merge(pk)
    if problems(merge):
        messages.error(request, "The merge cannot start until the problems listed are fixed")
        return redirect("organisations:merge", pk=pk)
    merge.status = MergeStatus.PROCESSING
    merge.save(update_fields=["status"])
    transaction.on_commit(lambda: process_merge.enqueue(merge.pk))
    messages.success(request, "The merge has started. This page shows its outcome when it has finished")
    return redirect("organisations:merge", pk=pk)
