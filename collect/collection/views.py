"""Pages of completeness (support and coordinators), nil returns (coordinators) and the digest choice (everyone)."""

from __future__ import annotations

from typing import cast

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from collect.accounts.models import Role, User
from collect.accounts.policy import coordinator_or_support_required, role_required, signed_in_user
from collect.collection import chart, digest, nil_returns
from collect.collection.completeness import QUARTERS, Completeness, Filters, completeness, csv_rows, quarter_label
from collect.collection.forms import CompletenessFilterForm, DigestForm, NilReturnForm
from collect.collection.models import LogKindChoice, NilReturn
from collect.standards import calendar
from collect.web.csv_download import csv_response
from collect.web.pagination import govuk_pagination

PER_PAGE = 100
NAV = {"nav_section": "collection"}


def _years() -> list[tuple[int, str]]:
    """Collection years to choose from: those open for changes and the two before, newest first."""
    current = calendar.collection_start_year(timezone.localdate())
    return [(year, calendar.dates_for(year).label) for year in range(current, current - 4, -1)]


def _completeness(request: HttpRequest, user: User) -> tuple[Completeness, CompletenessFilterForm]:
    """The view's figures for the request's filters: support chooses, a coordinator sees their organisation."""
    years = _years()
    form = CompletenessFilterForm(request.GET, years=years)
    form.is_valid()
    data = form.cleaned_data if form.is_valid() else {}
    year = data.get("year") or years[0][0]
    kind = data.get("kind") or LogKindChoice.LETTINGS
    if user.is_support:
        filters = Filters(provider_type=data.get("provider_type"), region=data.get("region") or "")
    else:
        filters = Filters(organisation_id=user.organisation_id)
    return completeness(kind, year, filters), form


@require_GET
@coordinator_or_support_required
def completeness_view(request: HttpRequest) -> HttpResponse:
    """Logs completed, in progress and expected per organisation and quarter, late organisations first."""
    user = signed_in_user(request)
    found, form = _completeness(request, user)
    kind_name = LogKindChoice(found.kind).label.lower()
    totals = found.totals()
    caption = f"{LogKindChoice(found.kind).label} logs per quarter, {found.dates.label}"
    if not user.is_support:
        caption += f": {user.organisation.current_name}"
    page = Paginator(found.rows, PER_PAGE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "title": "Completeness" if user.is_support else "Your organisation's completeness",
        "form": form,
        "found": found,
        "kind_name": kind_name,
        "totals": totals,
        "quarters": [quarter_label(q) for q in QUARTERS],
        "caption": caption,
        "chart_url": chart.chart_data_url(caption, totals),
        "chart_text": chart.describe(caption, totals),
        "page": page,
        "pagination": govuk_pagination(page, query),
        "csv_query": query.urlencode(),
        "is_support": user.is_support,
        **NAV,
    }
    return render(request, "collection/completeness.html", context)


@require_GET
@coordinator_or_support_required
def completeness_csv(request: HttpRequest) -> HttpResponse:
    """The completeness table as CSV (every organisation, not one page)."""
    user = signed_in_user(request)
    found, _ = _completeness(request, user)
    response = csv_response(csv_rows(found), f"completeness-{found.kind}-{found.dates.start_year}.csv")
    return cast(HttpResponse, response)  # streamed: the decorators pass it through unchanged


@require_http_methods(["GET", "POST"])
@role_required(Role.DATA_COORDINATOR)
def nil_return_list(request: HttpRequest) -> HttpResponse:
    """A data coordinator declares that their organisation had no lettings (or sales) in a quarter."""
    user = signed_in_user(request)
    choices = nil_returns.open_quarters(timezone.localdate())
    form = NilReturnForm(request.POST or None, quarters=[(q.value, q.label) for q in choices])
    if request.method == "POST" and form.is_valid():
        year, quarter = (int(part) for part in form.cleaned_data["quarter"].split("-"))
        kind = form.cleaned_data["kind"]
        existing = nil_returns.logs_in_quarter(user.organisation, kind, year, quarter)
        if existing:
            form.add_error(
                "kind",
                f"Your organisation has {existing} {kind} log{'s' if existing != 1 else ''} in this quarter. "
                "Delete them first, or choose another quarter",
            )
        else:
            nil_returns.declare(user, kind, year, quarter)
            messages.success(request, f"You have told us there were no {kind} in {quarter_label(quarter).lower()}")
            return redirect("collection:nil-returns")
    declared = NilReturn.objects.filter(organisation_id=user.organisation_id).order_by("-start_year", "-quarter")
    rows = [
        (r, f"{quarter_label(r.quarter)} {calendar.dates_for(r.start_year).label}", LogKindChoice(r.kind).label)
        for r in declared
    ]
    return render(
        request, "collection/nil_returns.html", {"title": "No logs this quarter", "form": form, "rows": rows, **NAV}
    )


@require_POST
@role_required(Role.DATA_COORDINATOR)
def nil_return_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    """Take a nil return back."""
    user = signed_in_user(request)
    found = NilReturn.objects.filter(pk=pk, organisation_id=user.organisation_id).first()
    if found is None:
        raise Http404("No such declaration")
    nil_returns.withdraw(user, found)
    messages.success(request, "Your declaration has been withdrawn")
    return redirect("collection:nil-returns")


@require_http_methods(["GET", "POST"])
def digest_settings(request: HttpRequest) -> HttpResponse:
    """Choose a daily or weekly email about your logs, or none."""
    user = signed_in_user(request)
    preference = digest.preference_of(user)
    form = DigestForm(request.POST or None, initial={"frequency": preference.frequency})
    if request.method == "POST" and form.is_valid():
        digest.set_frequency(user, form.cleaned_data["frequency"])
        messages.success(request, "Your email choice has been saved")
        return redirect(reverse("accounts:account"))
    return render(request, "collection/digest.html", {"title": "Email about your logs", "form": form})
