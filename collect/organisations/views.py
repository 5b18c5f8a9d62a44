"""Organisation pages: the list (support) and one organisation's details."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from collect.accounts.policy import organisations_in_scope, signed_in_user
from collect.organisations.models import Organisation


def organisation_list(request: HttpRequest) -> HttpResponse:
    """Every organisation, with a search by name (support only)."""
    if not signed_in_user(request).is_support:
        raise PermissionDenied
    query = request.GET.get("q", "").strip()[:200]
    organisations = Organisation.objects.all()
    if query:
        organisations = organisations.filter(name__icontains=query)
    context = {"organisations": organisations, "query": query, "nav_section": "organisations"}
    return render(request, "organisations/list.html", context)


def my_organisation(request: HttpRequest) -> HttpResponse:
    """The signed-in user's own organisation."""
    return redirect("organisations:detail", pk=signed_in_user(request).organisation_id)


def organisation_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """One organisation's details; 404 outside the viewer's scope."""
    viewer = signed_in_user(request)
    organisation = get_object_or_404(organisations_in_scope(viewer), pk=pk)
    context = {
        "organisation": organisation,
        "stock_owners": Organisation.objects.filter(managing_agent_links__managing_agent=organisation),
        "managing_agents": Organisation.objects.filter(stock_owner_links__stock_owner=organisation),
        "nav_section": "organisations" if viewer.is_support else "organisation",
    }
    return render(request, "organisations/detail.html", context)
