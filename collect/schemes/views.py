"""Scheme and location pages: lists, set-up journeys, check your answers, deactivation, downloads and duplicates.

Set-up works without JavaScript, one group of questions per page. A scheme (or location) is saved as an incomplete
record from its first page, as the national service does, so a journey can be left and resumed from the list; it
becomes usable when confirmed on its check your answers page. A page reached from check your answers (`?change=1`)
goes back there; on a confirmed record a saved page goes back to the record's page.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.core.paginator import Page, Paginator
from django.db.models import Count, Exists, OuterRef, Q, QuerySet, Value
from django.db.models.functions import Lower, Replace
from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from collect.accounts.models import User
from collect.accounts.policy import coordinator_or_support_required, require, signed_in_user
from collect.audit.trail import history
from collect.organisations.models import Organisation
from collect.schemes import actions, downloads, duplicates, forms, lifecycle, options, policy
from collect.schemes.models import Location, LocationQuerySet, Scheme, SchemeQuerySet
from collect.schemes.status import govuk_date
from collect.web.csv_download import csv_response

PAGE_SIZE = 50
# A scheme with more locations than this gets a search box on its page (the lettings form's "large number").
LOCATION_SEARCH_THRESHOLD = 19
NAV = "schemes"
GET_POST = require_http_methods(["GET", "POST"])


def _page(request: HttpRequest, items: QuerySet[Any]) -> Page:
    return Paginator(items, PAGE_SIZE).get_page(request.GET.get("page"))


def _pagination(request: HttpRequest, page: Page) -> dict[str, Any] | None:
    """Parameters of govukPagination for a page of results, keeping the other query parameters."""
    if page.paginator.num_pages <= 1:
        return None

    def href(number: int) -> str:
        query = request.GET.copy()
        query["page"] = str(number)
        return "?" + query.urlencode()

    items: list[dict[str, Any]] = []
    for number in page.paginator.get_elided_page_range(page.number, on_each_side=1, on_ends=1):
        if number == Paginator.ELLIPSIS:
            items.append({"ellipsis": True})
        else:
            items.append({"number": number, "href": href(int(number)), "current": number == page.number})
    return {
        "previous": {"href": href(page.previous_page_number())} if page.has_previous() else None,
        "next": {"href": href(page.next_page_number())} if page.has_next() else None,
        "items": items,
    }


def _search_schemes(schemes: SchemeQuerySet, query: str) -> SchemeQuerySet:
    """Schemes whose name, code, or a location's postcode or name matches."""
    if not query:
        return schemes
    compact = query.replace(" ", "")
    matching_locations = Location.objects.filter(scheme=OuterRef("pk")).annotate(
        compact_postcode=Replace("postcode", Value(" "), Value(""))
    )
    found = (
        Q(service_name__icontains=query)
        | Exists(matching_locations.filter(compact_postcode__icontains=compact))
        | Exists(matching_locations.filter(name__icontains=query))
    )
    code = compact.upper().removeprefix("S")
    if code.isdigit():
        found |= Q(pk=int(code))
    return schemes.filter(found)


def _search_locations(locations: LocationQuerySet, query: str) -> LocationQuerySet:
    if not query:
        return locations
    compact = query.replace(" ", "")
    found = Q(name__icontains=query) | Q(compact_postcode__icontains=compact)
    if compact.isdigit():
        found |= Q(pk=int(compact))
    return locations.annotate(compact_postcode=Replace("postcode", Value(" "), Value(""))).filter(found)


def _query(request: HttpRequest) -> str:
    return request.GET.get("q", "").strip()[:200]


# Lists and downloads


@require_GET
def scheme_list(request: HttpRequest) -> HttpResponse:
    """The schemes this person may see, with a search and the downloads."""
    user = signed_in_user(request)
    query = _query(request)
    schemes = _search_schemes(policy.schemes_in_scope(user), query)
    listed = schemes.with_status_data().annotate(location_count=Count("locations"))
    page = _page(request, listed.order_by(Lower("service_name"), "pk"))
    review: list[Organisation] = []
    if user.is_support:
        review = duplicates.organisations_with_open_duplicates()
    elif user.is_data_coordinator and duplicates.open_duplicate_sets(user.organisation):
        review = [user.organisation]
    suffix = "?" + urlencode({"q": query}) if query else ""
    context = {
        "page": page,
        "schemes": [(scheme, _status_tag(scheme.status)) for scheme in page],
        "pagination": _pagination(request, page),
        "query": query,
        "can_create": policy.can_create_scheme(user),
        "duplicates_to_review": review,
        "downloads": [
            (reverse("schemes:download", args=[kind]) + suffix, text) for kind, text in downloads.DOWNLOAD_KINDS
        ],
        "nav_section": NAV,
    }
    return render(request, "schemes/list.html", context)


@require_GET
def download(request: HttpRequest, kind: str) -> StreamingHttpResponse:
    """The schemes (and their locations) of the list, with its search, as a CSV file streamed to the browser."""
    if kind not in dict(downloads.DOWNLOAD_KINDS):
        raise Http404
    user = signed_in_user(request)
    schemes = _search_schemes(policy.schemes_in_scope(user), _query(request))
    stamp = timezone.localtime().strftime("%Y-%m-%d")
    return csv_response(downloads.rows(kind, schemes), f"{kind}-{stamp}.csv")


# Shared helpers of the record pages


def _scheme_to_view(request: HttpRequest, pk: int) -> Scheme:
    return get_object_or_404(policy.schemes_in_scope(signed_in_user(request)).with_status_data(), pk=pk)


def _location_to_view(request: HttpRequest, scheme_pk: int, pk: int) -> Location:
    scheme = _scheme_to_view(request, scheme_pk)
    location = get_object_or_404(Location.objects.filter(scheme=scheme).with_status_data(), pk=pk)
    location.scheme = scheme  # the scheme loaded with its status data
    return location


def _changing(request: HttpRequest) -> bool:
    return request.GET.get("change") == "1"


def _with_change(url: str, change: bool) -> str:
    return f"{url}?change=1" if change else url


def _question_page(
    request: HttpRequest,
    form: forms.QuestionForm,
    *,
    caption: str,
    back: str,
    button: str,
) -> HttpResponse:
    questions = form.questions()
    single = not form.heading
    context = {
        "form": form,
        "questions": questions,
        "single": single,
        "title": form.heading or (questions[0].label if questions else ""),
        "caption": caption,
        "back": back,
        "button": button,
        "nav_section": NAV,
    }
    return render(request, "schemes/question_page.html", context)


def _events(user: User, target: Scheme | Location | None) -> list[Any]:
    return list(history(target)[:200]) if user.is_support and target is not None else []


# Schemes: set-up pages

SCHEME_PAGES = ("details", "primary-client-group", "other-client-group", "secondary-client-group", "support")
PAGE_FIELDS = {
    "details": policy.DETAILS_FIELDS,
    "primary-client-group": ("primary_client_group",),
    "other-client-group": ("has_other_client_group",),
    "secondary-client-group": ("secondary_client_group",),
    "support": ("support_type", "intended_stay"),
}
FIELD_PAGES = {name: page for page, names in PAGE_FIELDS.items() for name in names}


def _scheme_page_url(scheme: Scheme, page: str) -> str:
    return reverse(f"schemes:{page}", args=[scheme.pk])


def _next_scheme_page(scheme: Scheme, page: str) -> str:
    following = {
        "details": "primary-client-group",
        "primary-client-group": "other-client-group",
        "other-client-group": "secondary-client-group" if scheme.has_other_client_group == options.YES else "support",
        "secondary-client-group": "support",
        "support": "check-answers",
    }[page]
    return _scheme_page_url(scheme, following)


def _previous_scheme_page(request: HttpRequest, scheme: Scheme, page: str) -> str:
    if scheme.confirmed:
        return reverse("schemes:detail", args=[scheme.pk])
    if _changing(request):
        return reverse("schemes:check-answers", args=[scheme.pk])
    previous = {
        "details": None,
        "primary-client-group": "details",
        "other-client-group": "primary-client-group",
        "secondary-client-group": "other-client-group",
        "support": ("secondary-client-group" if scheme.has_other_client_group == options.YES else "other-client-group"),
    }[page]
    return _scheme_page_url(scheme, previous) if previous else reverse("schemes:list")


def _after_scheme_page(request: HttpRequest, scheme: Scheme, page: str) -> HttpResponse:
    change = _changing(request) or scheme.confirmed
    if (
        page == "other-client-group"
        and scheme.has_other_client_group == options.YES
        and not scheme.secondary_client_group
    ):
        return redirect(_with_change(_scheme_page_url(scheme, "secondary-client-group"), change))
    if scheme.confirmed:
        messages.success(request, f"{scheme.service_name} has been updated")
        return redirect("schemes:detail", pk=scheme.pk)
    if change:
        return redirect("schemes:check-answers", pk=scheme.pk)
    return redirect(_next_scheme_page(scheme, page))


def _scheme_button(request: HttpRequest, scheme: Scheme | None) -> str:
    return "Save changes" if scheme is not None and (scheme.confirmed or _changing(request)) else "Save and continue"


@GET_POST
@coordinator_or_support_required
def scheme_new(request: HttpRequest) -> HttpResponse:
    """The first page of a new scheme: its details. Saving it creates the scheme as incomplete."""
    user = signed_in_user(request)
    require(policy.can_create_scheme(user))
    owners = policy.owning_organisation_choices(user)
    form = forms.SchemeDetailsForm(
        request.POST if request.method == "POST" else None,
        owners=owners,
        allowed=policy.DETAILS_FIELDS,
        ask_owner=user.is_support or owners.count() > 1,
    )
    form.heading = "Create a new supported housing scheme"
    if form.is_valid():
        values = form.values()
        values.setdefault("owning_organisation", owners.first())
        scheme = actions.create_scheme(user, **values)
        return redirect(_next_scheme_page(scheme, "details"))
    return _question_page(
        request, form, caption="Supported housing schemes", back=reverse("schemes:list"), button="Save and continue"
    )


def _scheme_question(
    request: HttpRequest,
    pk: int,
    page: str,
    make_form: Callable[[Scheme, Any], forms.QuestionForm],
) -> HttpResponse:
    user = signed_in_user(request)
    scheme = _scheme_to_view(request, pk)
    allowed = policy.editable_scheme_fields(user, scheme)
    require(any(name in allowed for name in PAGE_FIELDS[page]))
    form = make_form(scheme, request.POST if request.method == "POST" else None)
    if form.is_valid():
        actions.update_scheme(user, scheme, **{k: v for k, v in form.values().items() if k in allowed})
        return _after_scheme_page(request, scheme, page)
    return _question_page(
        request,
        form,
        caption=scheme.service_name,
        back=_previous_scheme_page(request, scheme, page),
        button=_scheme_button(request, scheme),
    )


@GET_POST
@coordinator_or_support_required
def scheme_details(request: HttpRequest, pk: int) -> HttpResponse:
    """Name, confidentiality, type, regulation, owner and support provider of a scheme."""
    user = signed_in_user(request)

    def make(scheme: Scheme, data: Any) -> forms.QuestionForm:
        owners = policy.owning_organisation_choices(user)
        only_current = owners.count() == 1 and owners.filter(pk=scheme.owning_organisation_id).exists()
        form = forms.SchemeDetailsForm(
            data,
            owners=owners,
            allowed=policy.editable_scheme_fields(user, scheme),
            ask_owner=user.is_support or not only_current,
            scheme=scheme,
        )
        form.heading = "Scheme details"
        return form

    return _scheme_question(request, pk, "details", make)


@GET_POST
@coordinator_or_support_required
def scheme_primary_client_group(request: HttpRequest, pk: int) -> HttpResponse:
    """The client group a scheme is intended for."""
    return _scheme_question(
        request,
        pk,
        "primary-client-group",
        lambda s, data: forms.PrimaryClientGroupForm(data, initial={"primary_client_group": s.primary_client_group}),
    )


@GET_POST
@coordinator_or_support_required
def scheme_other_client_group(request: HttpRequest, pk: int) -> HttpResponse:
    """Whether a scheme provides for another client group."""
    return _scheme_question(
        request,
        pk,
        "other-client-group",
        lambda s, data: forms.HasOtherClientGroupForm(
            data, initial={"has_other_client_group": s.has_other_client_group}
        ),
    )


@GET_POST
@coordinator_or_support_required
def scheme_secondary_client_group(request: HttpRequest, pk: int) -> HttpResponse:
    """The other client group, for a scheme that has one."""
    scheme = _scheme_to_view(request, pk)
    if scheme.has_other_client_group != options.YES:
        return redirect(_scheme_page_url(scheme, "other-client-group"))
    return _scheme_question(
        request,
        pk,
        "secondary-client-group",
        lambda s, data: forms.SecondaryClientGroupForm(
            data, primary=s.primary_client_group, initial={"secondary_client_group": s.secondary_client_group}
        ),
    )


@GET_POST
@coordinator_or_support_required
def scheme_support(request: HttpRequest, pk: int) -> HttpResponse:
    """The level of support and intended length of stay."""
    return _scheme_question(
        request,
        pk,
        "support",
        lambda s, data: forms.SupportForm(
            data, initial={"support_type": s.support_type, "intended_stay": s.intended_stay}
        ),
    )


# Schemes: summary rows, check your answers, the scheme page

SCHEME_ROWS: tuple[tuple[str, str], ...] = (
    ("service_name", "Name"),
    ("sensitive", "Confidential information"),
    ("scheme_type", "Type of scheme"),
    ("registered_under_care_act", "Regulated by the Care Quality Commission"),
    ("owning_organisation", "Housing stock owned by"),
    ("arrangement_type", "Support services provided by"),
    ("primary_client_group", "Primary client group"),
    ("has_other_client_group", "Has another client group"),
    ("secondary_client_group", "Secondary client group"),
    ("support_type", "Level of support given"),
    ("intended_stay", "Intended length of stay"),
)


def _display(record: Scheme | Location, name: str) -> str:
    getter = getattr(record, f"get_{name}_display", None)
    value = getter() if callable(getter) else getattr(record, name)
    return "" if value is None else str(value)


def scheme_rows(user: User, scheme: Scheme, *, change: bool) -> list[dict[str, Any]]:
    """The scheme's answers for govukSummaryList, with change links for what this person may change."""
    editable = policy.editable_scheme_fields(user, scheme) if policy.manages_schemes(user) else ()
    rows = []
    for name, label in SCHEME_ROWS:
        if name == "secondary_client_group" and scheme.has_other_client_group != options.YES:
            continue
        value = _display(scheme, name)
        row: dict[str, Any] = {"key": {"text": label}, "value": {"text": value or "Not answered"}}
        if name in editable:
            href = _with_change(_scheme_page_url(scheme, FIELD_PAGES[name]), change)
            row["actions"] = {
                "items": [{"href": href, "text": "Change" if value else "Answer", "visuallyHiddenText": label.lower()}]
            }
        rows.append(row)
    return rows


@GET_POST
@coordinator_or_support_required
def scheme_check_answers(request: HttpRequest, pk: int) -> HttpResponse:
    """Every answer of a scheme before it is created; confirming makes it usable once it has a location."""
    user = signed_in_user(request)
    scheme = _scheme_to_view(request, pk)
    problems: list[dict[str, str]] = []
    if request.method == "POST":
        try:
            actions.confirm_scheme(user, scheme)
        except actions.IncompleteError as error:
            labels = dict(SCHEME_ROWS)
            problems = [
                {
                    "text": f"Answer ‘{labels[name]}’",
                    "href": _with_change(_scheme_page_url(scheme, FIELD_PAGES[name]), True),
                }
                for name in error.missing
            ]
        else:
            messages.success(request, f"{scheme.service_name} has been created. Add a location to complete it")
            return redirect("schemes:detail", pk=scheme.pk)
    if scheme.confirmed and request.method == "GET":
        return redirect("schemes:detail", pk=scheme.pk)
    context = {
        "scheme": scheme,
        "rows": scheme_rows(user, scheme, change=True),
        "problems": problems,
        "back": _scheme_page_url(scheme, "support"),
        "nav_section": NAV,
    }
    return render(request, "schemes/check_answers.html", context)


def _status_tag(status: str) -> dict[str, str]:
    colours = {
        options.ACTIVE: "govuk-tag--green",
        options.INCOMPLETE: "govuk-tag--red",
        options.ACTIVATING_SOON: "govuk-tag--blue",
        options.DEACTIVATING_SOON: "govuk-tag--yellow",
        options.DEACTIVATED: "govuk-tag--grey",
        options.REACTIVATING_SOON: "govuk-tag--blue",
    }
    return {"text": options.label_of(options.STATUSES, status), "classes": colours[status]}


def _first_unanswered_page(scheme: Scheme) -> str:
    missing = scheme.missing_answers()
    if not missing:
        return reverse("schemes:check-answers", args=[scheme.pk])
    return _scheme_page_url(scheme, FIELD_PAGES[missing[0]])


@require_GET
def scheme_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """A scheme's answers, status, availability and locations (with a search when it has many)."""
    user = signed_in_user(request)
    scheme = _scheme_to_view(request, pk)
    manages = policy.manages_schemes(user)
    query = _query(request)
    all_locations = Location.objects.filter(scheme=scheme)
    total = all_locations.count()
    page = _page(request, _search_locations(all_locations, query).with_status_data())
    for location in page:
        location.scheme = scheme
    la_names = downloads.local_authority_names(location.local_authority_code for location in page)
    context = {
        "scheme": scheme,
        "rows": scheme_rows(user, scheme, change=not scheme.confirmed),
        "status": _status_tag(scheme.status),
        "availability": scheme.availability(),
        "manages": manages,
        "can_deactivate": manages and lifecycle.can_deactivate(scheme),
        "can_reactivate": manages and lifecycle.can_reactivate(scheme),
        "continue_url": _first_unanswered_page(scheme) if manages and not scheme.confirmed else None,
        "page": page,
        "pagination": _pagination(request, page),
        "location_rows": [
            {
                "location": location,
                "status": _status_tag(location.status),
                "local_authority": la_names.get(location.local_authority_code, location.local_authority_code),
            }
            for location in page
        ],
        "total_locations": total,
        "show_search": total > LOCATION_SEARCH_THRESHOLD or bool(query),
        "query": query,
        "events": _events(user, scheme),
        "status_hint": _scheme_status_hint(scheme),
        "nav_section": NAV,
    }
    return render(request, "schemes/detail.html", context)


def _scheme_status_hint(scheme: Scheme) -> str:
    status = scheme.status
    if status == options.INCOMPLETE and scheme.confirmed:
        return "Complete this scheme by adding a location."
    if status == options.INCOMPLETE:
        return "Finish setting up this scheme, then add a location."
    period = scheme.open_deactivation()
    if status == options.DEACTIVATING_SOON and period is not None:
        return f"This scheme deactivates on {govuk_date(period.deactivation_date)}."
    return ""


# Locations: set-up pages

LOCATION_PAGES = (
    "postcode",
    "local-authority",
    "name",
    "units",
    "type-of-unit",
    "mobility-standards",
    "availability",
)
LOCATION_PAGE_FIELDS = {
    "postcode": ("postcode",),
    "local-authority": ("local_authority_code",),
    "name": ("name",),
    "units": ("units",),
    "type-of-unit": ("type_of_unit",),
    "mobility-standards": ("mobility_type",),
    "availability": ("startdate",),
}
LOCATION_FIELD_PAGES = {name: page for page, names in LOCATION_PAGE_FIELDS.items() for name in names}


def _location_page_url(location: Location, page: str) -> str:
    return reverse(f"schemes:location-{page}", args=[location.scheme_id, location.pk])


def _previous_location_page(request: HttpRequest, location: Location, page: str) -> str:
    if location.confirmed:
        return reverse("schemes:location", args=[location.scheme_id, location.pk])
    if _changing(request):
        return _location_page_url(location, "check-answers")
    index = LOCATION_PAGES.index(page)
    if index == 0:
        return reverse("schemes:detail", args=[location.scheme_id])
    previous = LOCATION_PAGES[index - 1]
    if previous == "local-authority" and location.is_la_inferred:
        previous = "postcode"
    return _location_page_url(location, previous)


def _after_location_page(request: HttpRequest, location: Location, page: str) -> HttpResponse:
    change = _changing(request) or location.confirmed
    if page == "postcode" and not location.local_authority_code:
        return redirect(_with_change(_location_page_url(location, "local-authority"), change))
    if location.confirmed:
        messages.success(request, f"Location {location.postcode} has been updated")
        return redirect("schemes:location", scheme_pk=location.scheme_id, pk=location.pk)
    if change or page == LOCATION_PAGES[-1]:
        return redirect(_location_page_url(location, "check-answers"))
    following = LOCATION_PAGES[LOCATION_PAGES.index(page) + 1]
    if following == "local-authority" and location.local_authority_code:
        following = "name"
    return redirect(_location_page_url(location, following))


@GET_POST
@coordinator_or_support_required
def location_new(request: HttpRequest, scheme_pk: int) -> HttpResponse:
    """The first page of a new location: its postcode. Saving it creates the location as incomplete."""
    user = signed_in_user(request)
    scheme = _scheme_to_view(request, scheme_pk)
    form = forms.PostcodeForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        location = actions.create_location(
            user,
            scheme,
            postcode=form.cleaned_data["postcode"],
            local_authority_code=form.local_authority_code,
            is_la_inferred=bool(form.local_authority_code),
        )
        return _after_location_page(request, location, "postcode")
    return _question_page(
        request,
        form,
        caption=f"Add a location to {scheme.service_name}",
        back=reverse("schemes:detail", args=[scheme.pk]),
        button="Save and continue",
    )


def _location_question(
    request: HttpRequest,
    scheme_pk: int,
    pk: int,
    page: str,
    make_form: Callable[[Location, Any], forms.QuestionForm],
    *,
    values: Callable[[forms.QuestionForm], dict[str, Any]] | None = None,
) -> HttpResponse:
    user = signed_in_user(request)
    location = _location_to_view(request, scheme_pk, pk)
    allowed = policy.editable_location_fields(user, location)
    require(all(name in allowed for name in LOCATION_PAGE_FIELDS[page]))
    form = make_form(location, request.POST if request.method == "POST" else None)
    if form.is_valid():
        actions.update_location(user, location, **(values(form) if values else form.values()))
        return _after_location_page(request, location, page)
    changing = location.confirmed or _changing(request)
    return _question_page(
        request,
        form,
        caption=f"{location.postcode}, {location.scheme.service_name}",
        back=_previous_location_page(request, location, page),
        button="Save changes" if changing else "Save and continue",
    )


@GET_POST
@coordinator_or_support_required
def location_postcode(request: HttpRequest, scheme_pk: int, pk: int) -> HttpResponse:
    """Change a location's postcode; its local authority is looked up again."""

    def values(form: forms.QuestionForm) -> dict[str, Any]:
        assert isinstance(form, forms.PostcodeForm)
        return {
            "postcode": form.cleaned_data["postcode"],
            "local_authority_code": form.local_authority_code,
            "is_la_inferred": bool(form.local_authority_code),
        }

    return _location_question(
        request,
        scheme_pk,
        pk,
        "postcode",
        lambda loc, data: forms.PostcodeForm(data, initial={"postcode": loc.postcode}),
        values=values,
    )


@GET_POST
@coordinator_or_support_required
def location_local_authority(request: HttpRequest, scheme_pk: int, pk: int) -> HttpResponse:
    """The local authority, chosen by the person when the postcode did not give it."""
    return _location_question(
        request,
        scheme_pk,
        pk,
        "local-authority",
        lambda loc, data: forms.LocalAuthorityForm(
            data, postcode=loc.postcode, initial={"local_authority_code": loc.local_authority_code}
        ),
        values=lambda form: {
            "local_authority_code": form.cleaned_data["local_authority_code"],
            "is_la_inferred": False,
        },
    )


@GET_POST
@coordinator_or_support_required
def location_name(request: HttpRequest, scheme_pk: int, pk: int) -> HttpResponse:
    """The name the organisation uses for a location (optional)."""
    return _location_question(
        request, scheme_pk, pk, "name", lambda loc, data: forms.LocationNameForm(data, initial={"name": loc.name})
    )


@GET_POST
@coordinator_or_support_required
def location_units(request: HttpRequest, scheme_pk: int, pk: int) -> HttpResponse:
    """How many units a location has."""
    return _location_question(
        request, scheme_pk, pk, "units", lambda loc, data: forms.UnitsForm(data, initial={"units": loc.units})
    )


@GET_POST
@coordinator_or_support_required
def location_type_of_unit(request: HttpRequest, scheme_pk: int, pk: int) -> HttpResponse:
    """The most common type of unit at a location."""
    return _location_question(
        request,
        scheme_pk,
        pk,
        "type-of-unit",
        lambda loc, data: forms.TypeOfUnitForm(data, initial={"type_of_unit": loc.type_of_unit}),
    )


@GET_POST
@coordinator_or_support_required
def location_mobility_standards(request: HttpRequest, scheme_pk: int, pk: int) -> HttpResponse:
    """The mobility standards of most units at a location."""
    return _location_question(
        request,
        scheme_pk,
        pk,
        "mobility-standards",
        lambda loc, data: forms.MobilityTypeForm(data, initial={"mobility_type": loc.mobility_type}),
    )


@GET_POST
@coordinator_or_support_required
def location_availability(request: HttpRequest, scheme_pk: int, pk: int) -> HttpResponse:
    """When the first property of a location became available under the scheme."""
    return _location_question(
        request,
        scheme_pk,
        pk,
        "availability",
        lambda loc, data: forms.AvailabilityForm(data, location=loc, initial={"startdate": loc.startdate}),
    )


LOCATION_ROWS: tuple[tuple[str, str], ...] = (
    ("postcode", "Postcode"),
    ("local_authority_code", "Local authority"),
    ("name", "Location name"),
    ("units", "Number of units"),
    ("type_of_unit", "Most common unit"),
    ("mobility_type", "Mobility standards"),
    ("startdate", "Availability"),
)


def location_rows(user: User, location: Location, *, change: bool) -> list[dict[str, Any]]:
    """The location's answers for govukSummaryList, with change links for what this person may change."""
    editable = policy.editable_location_fields(user, location) if policy.manages_schemes(user) else ()
    rows = []
    for name, label in LOCATION_ROWS:
        if name == "local_authority_code":
            value = location.local_authority_name
        elif name == "startdate":
            value = govuk_date(location.startdate) if location.startdate else ""
        else:
            value = _display(location, name)
        row: dict[str, Any] = {"key": {"text": label}, "value": {"text": value or "Not answered"}}
        if name == "local_authority_code" and location.is_la_inferred:
            row["value"]["text"] = f"{value} (from the postcode)"
        elif name in editable:
            href = _with_change(_location_page_url(location, LOCATION_FIELD_PAGES[name]), change)
            row["actions"] = {
                "items": [{"href": href, "text": "Change" if value else "Answer", "visuallyHiddenText": label.lower()}]
            }
        rows.append(row)
    return rows


@GET_POST
@coordinator_or_support_required
def location_check_answers(request: HttpRequest, scheme_pk: int, pk: int) -> HttpResponse:
    """Every answer of a location before it is added to its scheme."""
    user = signed_in_user(request)
    location = _location_to_view(request, scheme_pk, pk)
    problems: list[dict[str, str]] = []
    if request.method == "POST":
        try:
            actions.confirm_location(user, location)
        except actions.IncompleteError as error:
            labels = dict(LOCATION_ROWS)
            problems = [
                {
                    "text": f"Answer ‘{labels[name]}’",
                    "href": _with_change(_location_page_url(location, LOCATION_FIELD_PAGES[name]), True),
                }
                for name in error.missing
            ]
        else:
            started = location.startdate is not None and location.startdate <= timezone.localdate()
            messages.success(
                request, f"{location.postcode} {'has been' if started else 'will be'} added to this scheme"
            )
            return redirect("schemes:detail", pk=location.scheme_id)
    if location.confirmed and request.method == "GET":
        return redirect("schemes:location", scheme_pk=location.scheme_id, pk=location.pk)
    context = {
        "location": location,
        "scheme": location.scheme,
        "rows": location_rows(user, location, change=True),
        "problems": problems,
        "back": _location_page_url(location, "availability"),
        "nav_section": NAV,
    }
    return render(request, "schemes/location_check_answers.html", context)


@require_GET
def location_detail(request: HttpRequest, scheme_pk: int, pk: int) -> HttpResponse:
    """A location's answers, status and availability."""
    user = signed_in_user(request)
    location = _location_to_view(request, scheme_pk, pk)
    manages = policy.manages_schemes(user)
    context = {
        "location": location,
        "scheme": location.scheme,
        "rows": [
            {"key": {"text": "Location code"}, "value": {"text": location.code}},
            *location_rows(user, location, change=not location.confirmed),
        ],
        "status": _status_tag(location.status),
        "availability": location.availability(),
        "can_deactivate": manages and lifecycle.can_deactivate(location),
        "can_reactivate": manages and lifecycle.can_reactivate(location),
        "continue_url": _location_page_url(location, "check-answers") if manages and not location.confirmed else None,
        "events": _events(user, location),
        "nav_section": NAV,
    }
    return render(request, "schemes/location.html", context)


# Deactivation and reactivation, of schemes and locations alike


def _toggle_form(
    request: HttpRequest, record: lifecycle.Record, *, reactivate: bool, confirm_url: str, back: str
) -> HttpResponse:
    allowed = lifecycle.can_reactivate(record) if reactivate else lifecycle.can_deactivate(record)
    if not allowed:
        raise Http404
    today = timezone.localdate()
    form = forms.ToggleActiveForm(
        request.POST if request.method == "POST" else None, record=record, reactivate=reactivate, today=today
    )
    if form.is_valid():
        return redirect(f"{confirm_url}?{urlencode({'date': form.cleaned_data['date'].isoformat()})}")
    verb = "Reactivate" if reactivate else "Deactivate"
    return _question_page(request, form, caption=f"{verb} {record}", back=back, button="Continue")


def _toggle_confirm(
    request: HttpRequest,
    record: lifecycle.Record,
    *,
    reactivate: bool,
    form_url: str,
    done_url: str,
    act: Callable[[User, Any, datetime.date], Any],
) -> HttpResponse:
    allowed = lifecycle.can_reactivate(record) if reactivate else lifecycle.can_deactivate(record)
    if not allowed:
        raise Http404
    today = timezone.localdate()
    source = request.POST if request.method == "POST" else request.GET
    try:
        day = datetime.date.fromisoformat(source.get("date", ""))
    except ValueError:
        return redirect(form_url)
    check = lifecycle.reactivation_problem if reactivate else lifecycle.deactivation_problem
    if check(record, day, today):
        return redirect(form_url)
    kind = lifecycle.kind_of(record)
    name = record.service_name if isinstance(record, Scheme) else record.postcode
    if request.method == "POST":
        act(signed_in_user(request), record, day)
        if reactivate:
            done = "has been reactivated" if day <= today else f"will reactivate on {govuk_date(day)}"
        else:
            done = "has been deactivated" if day <= today else f"will deactivate on {govuk_date(day)}"
        messages.success(request, f"{name} {done}")
        return redirect(done_url)
    affected: list[Location] = []
    if isinstance(record, Scheme) and not reactivate:
        confirmed = Location.objects.filter(scheme=record, confirmed=True).with_status_data()
        for location in confirmed:
            location.scheme = record
        affected = [loc for loc in confirmed if loc.status_on(day) != options.DEACTIVATED]
    verb = "Reactivate" if reactivate else "Deactivate"
    context = {
        "title": f"{verb} {name} from {govuk_date(day)}",
        "caption": f"{verb} this {kind}",
        "kind": kind,
        "reactivate": reactivate,
        "day": day,
        "affected": affected,
        "back": form_url,
        "cancel": done_url,
        "button": f"{verb} this {kind}",
        "nav_section": NAV,
    }
    return render(request, "schemes/toggle_confirm.html", context)


@GET_POST
@coordinator_or_support_required
def scheme_deactivate(request: HttpRequest, pk: int) -> HttpResponse:
    """When a scheme's deactivation applies."""
    scheme = _scheme_to_view(request, pk)
    return _toggle_form(
        request,
        scheme,
        reactivate=False,
        confirm_url=reverse("schemes:deactivate-confirm", args=[pk]),
        back=reverse("schemes:detail", args=[pk]),
    )


@GET_POST
@coordinator_or_support_required
def scheme_deactivate_confirm(request: HttpRequest, pk: int) -> HttpResponse:
    """Check and confirm a scheme's deactivation, with the locations it affects."""
    scheme = _scheme_to_view(request, pk)
    return _toggle_confirm(
        request,
        scheme,
        reactivate=False,
        form_url=reverse("schemes:deactivate", args=[pk]),
        done_url=reverse("schemes:detail", args=[pk]),
        act=actions.deactivate_scheme,
    )


@GET_POST
@coordinator_or_support_required
def scheme_reactivate(request: HttpRequest, pk: int) -> HttpResponse:
    """When a scheme's reactivation applies."""
    scheme = _scheme_to_view(request, pk)
    return _toggle_form(
        request,
        scheme,
        reactivate=True,
        confirm_url=reverse("schemes:reactivate-confirm", args=[pk]),
        back=reverse("schemes:detail", args=[pk]),
    )


@GET_POST
@coordinator_or_support_required
def scheme_reactivate_confirm(request: HttpRequest, pk: int) -> HttpResponse:
    """Check and confirm a scheme's reactivation."""
    scheme = _scheme_to_view(request, pk)
    return _toggle_confirm(
        request,
        scheme,
        reactivate=True,
        form_url=reverse("schemes:reactivate", args=[pk]),
        done_url=reverse("schemes:detail", args=[pk]),
        act=actions.reactivate_scheme,
    )


@GET_POST
@coordinator_or_support_required
def location_deactivate(request: HttpRequest, scheme_pk: int, pk: int) -> HttpResponse:
    """When a location's deactivation applies."""
    location = _location_to_view(request, scheme_pk, pk)
    return _toggle_form(
        request,
        location,
        reactivate=False,
        confirm_url=reverse("schemes:location-deactivate-confirm", args=[scheme_pk, pk]),
        back=reverse("schemes:location", args=[scheme_pk, pk]),
    )


@GET_POST
@coordinator_or_support_required
def location_deactivate_confirm(request: HttpRequest, scheme_pk: int, pk: int) -> HttpResponse:
    """Check and confirm a location's deactivation."""
    location = _location_to_view(request, scheme_pk, pk)
    return _toggle_confirm(
        request,
        location,
        reactivate=False,
        form_url=reverse("schemes:location-deactivate", args=[scheme_pk, pk]),
        done_url=reverse("schemes:location", args=[scheme_pk, pk]),
        act=actions.deactivate_location,
    )


@GET_POST
@coordinator_or_support_required
def location_reactivate(request: HttpRequest, scheme_pk: int, pk: int) -> HttpResponse:
    """When a location's reactivation applies."""
    location = _location_to_view(request, scheme_pk, pk)
    return _toggle_form(
        request,
        location,
        reactivate=True,
        confirm_url=reverse("schemes:location-reactivate-confirm", args=[scheme_pk, pk]),
        back=reverse("schemes:location", args=[scheme_pk, pk]),
    )


@GET_POST
@coordinator_or_support_required
def location_reactivate_confirm(request: HttpRequest, scheme_pk: int, pk: int) -> HttpResponse:
    """Check and confirm a location's reactivation."""
    location = _location_to_view(request, scheme_pk, pk)
    return _toggle_confirm(
        request,
        location,
        reactivate=True,
        form_url=reverse("schemes:location-reactivate", args=[scheme_pk, pk]),
        done_url=reverse("schemes:location", args=[scheme_pk, pk]),
        act=actions.reactivate_location,
    )


# Duplicates


@GET_POST
@coordinator_or_support_required
def scheme_duplicates(request: HttpRequest, organisation_pk: int) -> HttpResponse:
    """Look-alike schemes and locations of an organisation, and the confirmation that they are not duplicates."""
    user = signed_in_user(request)
    organisation = get_object_or_404(Organisation, pk=organisation_pk)
    if not policy.can_review_duplicates(user, organisation):
        raise Http404
    sets = duplicates.open_duplicate_sets(organisation)
    form = forms.NotDuplicatesForm(request.POST if request.method == "POST" else None)
    if sets and form.is_valid():
        actions.confirm_not_duplicates(user, organisation, sets)
        messages.success(request, "You have confirmed that these schemes and locations are not duplicates")
        return redirect("schemes:list")
    context = {
        "organisation": organisation,
        "form": form,
        "sets": sets,
        "scheme_keys": duplicates.SCHEME_KEY_LABELS,
        "location_keys": duplicates.LOCATION_KEY_LABELS,
        "checkbox": form.question("confirmed"),
        "nav_section": NAV,
    }
    return render(request, "schemes/duplicates.html", context)
