"""Organisation pages: list, create, details, edit, names, (de)activation, relationships, data sharing agreement."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.db.models import Q, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from collect.accounts.models import User
from collect.accounts.policy import (
    can_edit_organisation,
    can_manage_relationships_of,
    has_accepted_data_sharing_agreement,
    organisations_in_scope,
    require,
    signed_in_user,
    support_required,
)
from collect.audit.trail import history
from collect.organisations import actions
from collect.organisations.forms import AddRelationshipForm, ContactDetailsForm, NameChangeForm, OrganisationForm
from collect.organisations.models import Organisation, OrganisationNameChange, OrganisationRelationship, ProviderType


def _organisation(request: HttpRequest, pk: int) -> tuple[User, Organisation]:
    """The signed-in user and an organisation in their scope (404 otherwise)."""
    user = signed_in_user(request)
    queryset = organisations_in_scope(user).prefetch_related("name_changes")
    return user, get_object_or_404(queryset, pk=pk)


def _nav(user: User) -> str:
    return "organisations" if user.is_support else "organisation"


@support_required
def organisation_list(request: HttpRequest) -> HttpResponse:
    """Every organisation, with a search by current or earlier name (support only)."""
    query = request.GET.get("q", "").strip()[:200]
    organisations: QuerySet[Organisation] = Organisation.objects.prefetch_related("name_changes")
    if query:
        organisations = organisations.filter(Q(name__icontains=query) | Q(name_changes__name__icontains=query))
    context = {"organisations": organisations.distinct(), "query": query, "nav_section": "organisations"}
    return render(request, "organisations/list.html", context)


def _group_values(form: OrganisationForm, actor: User, organisation: Organisation | None) -> dict[str, Any]:
    """The form's values for the model, turning "grouped with" into a group number shared by both."""
    values = {k: v for k, v in form.cleaned_data.items() if k != "group_with"}
    partner: Organisation | None = form.cleaned_data.get("group_with")
    if partner is None:
        values["group"] = None
    elif partner.group:
        values["group"] = partner.group
    elif organisation is not None and organisation.group:
        values["group"] = organisation.group
        actions.update_organisation(actor, partner, {"group": organisation.group})
    else:
        values["group"] = actions.next_group_number()
        actions.update_organisation(actor, partner, {"group": values["group"]})
    return values


@support_required
@require_http_methods(["GET", "POST"])
def organisation_create(request: HttpRequest) -> HttpResponse:
    """Create an organisation (support only)."""
    actor = signed_in_user(request)
    form = OrganisationForm(
        request.POST if request.method == "POST" else None, initial={"rent_periods": Organisation().rent_periods}
    )
    if request.method == "POST" and form.is_valid():
        organisation = actions.create_organisation(actor, _group_values(form, actor, None))
        messages.success(request, f"{organisation.name} has been created")
        return redirect("organisations:detail", pk=organisation.pk)
    return render(request, "organisations/form.html", {"form": form, "nav_section": "organisations", "creating": True})


def my_organisation(request: HttpRequest) -> HttpResponse:
    """The signed-in user's own organisation."""
    return redirect("organisations:detail", pk=signed_in_user(request).organisation_id)


def organisation_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """One organisation's details; 404 outside the viewer's scope."""
    viewer, organisation = _organisation(request, pk)
    context = {
        "organisation": organisation,
        "can_edit": can_edit_organisation(viewer, organisation),
        "name_changes": organisation.name_changes.all(),
        "agreement": getattr(organisation, "data_sharing_agreement", None),
        "history": history(organisation) if viewer.is_support else None,
        "nav_section": _nav(viewer),
    }
    return render(request, "organisations/detail.html", context)


@require_http_methods(["GET", "POST"])
def organisation_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """Support changes every field; a data coordinator changes their organisation's contact details only."""
    actor, organisation = _organisation(request, pk)
    require(can_edit_organisation(actor, organisation))
    current = {
        "address_line1": organisation.address_line1,
        "address_line2": organisation.address_line2,
        "postcode": organisation.postcode,
        "phone": organisation.phone,
        "rent_periods": organisation.rent_periods,
    }
    form: ContactDetailsForm
    if actor.is_support:
        group_partner = Organisation.objects.filter(group=organisation.group).exclude(pk=pk).first()
        initial = {
            **current,
            "name": organisation.current_name,
            "provider_type": organisation.provider_type,
            "holds_own_stock": int(organisation.holds_own_stock),
            "profit_status": organisation.profit_status,
            "housing_registration_no": organisation.housing_registration_no,
            "region": organisation.region,
            "group_with": group_partner.pk if organisation.group and group_partner else None,
        }
        form = OrganisationForm(
            request.POST if request.method == "POST" else None, initial=initial, instance=organisation
        )
    else:
        form = ContactDetailsForm(request.POST if request.method == "POST" else None, initial=current)
    if request.method == "POST" and form.is_valid():
        if isinstance(form, OrganisationForm):
            values = _group_values(form, actor, organisation)
            new_name = values.pop("name")
            if new_name != organisation.current_name:
                # A new name takes effect today and keeps the earlier one in the history.
                actions.change_name(actor, organisation, new_name, timezone.localdate())
        else:
            values = dict(form.cleaned_data)
        actions.update_organisation(actor, organisation, values)
        messages.success(request, "The organisation's details have been updated")
        return redirect("organisations:detail", pk=pk)
    context = {"form": form, "organisation": organisation, "nav_section": _nav(actor), "creating": False}
    return render(request, "organisations/form.html", context)


@support_required
@require_http_methods(["GET", "POST"])
def name_change(request: HttpRequest, pk: int) -> HttpResponse:
    """Schedule a new name from today or another date (support only: platform.md gap G1 is fixed)."""
    actor, organisation = _organisation(request, pk)
    form = NameChangeForm(organisation, request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        actions.change_name(actor, organisation, form.cleaned_data["name"], form.cleaned_data["start_date"])
        messages.success(request, "The name change has been saved")
        return redirect("organisations:detail", pk=pk)
    context = {"form": form, "organisation": organisation, "nav_section": "organisations"}
    return render(request, "organisations/name_change.html", context)


@support_required
@require_http_methods(["POST"])
def name_change_cancel(request: HttpRequest, pk: int, change_pk: int) -> HttpResponse:
    """Cancel a name change (support only)."""
    actor, organisation = _organisation(request, pk)
    change = get_object_or_404(OrganisationNameChange, pk=change_pk, organisation=organisation, cancelled_at=None)
    actions.cancel_name_change(actor, change)
    messages.success(request, f"The change of name to {change.name} has been cancelled")
    return redirect("organisations:detail", pk=pk)


@support_required
@require_http_methods(["GET", "POST"])
def organisation_status(request: HttpRequest, pk: int) -> HttpResponse:
    """Deactivate or reactivate an organisation and its users, after confirming (support only)."""
    actor, organisation = _organisation(request, pk)
    require(not organisation.is_department)
    if request.method == "POST":
        if organisation.active:
            count = actions.deactivate_organisation(actor, organisation)
            messages.success(request, f"{organisation.current_name} and its {count} active users have been deactivated")
        else:
            users = actions.reactivate_organisation(actor, organisation)
            messages.success(request, f"{organisation.current_name} and {len(users)} users have been reactivated")
        return redirect("organisations:detail", pk=pk)
    user_count = organisation.users.filter(is_active=True).count()
    context = {"organisation": organisation, "user_count": user_count, "nav_section": "organisations"}
    return render(request, "organisations/status.html", context)


RELATIONSHIP_KINDS = {
    "stock-owners": {
        "title": "Stock owners",
        "singular": "stock owner",
        "intro": "Organisations that own the stock {name} manages. {name} can create logs for them.",
    },
    "managing-agents": {
        "title": "Managing agents",
        "singular": "managing agent",
        "intro": "Organisations that manage stock owned by {name}. They can create logs for {name}.",
    },
}


def _related(organisation: Organisation, kind: str) -> QuerySet[OrganisationRelationship]:
    links = OrganisationRelationship.objects.select_related("stock_owner", "managing_agent")
    if kind == "stock-owners":
        return links.filter(managing_agent=organisation).prefetch_related("stock_owner__name_changes")
    return links.filter(stock_owner=organisation).prefetch_related("managing_agent__name_changes")


def relationships(request: HttpRequest, pk: int, kind: str) -> HttpResponse:
    """An organisation's stock owners or managing agents, with a search."""
    viewer, organisation = _organisation(request, pk)
    query = request.GET.get("q", "").strip()[:200]
    links = _related(organisation, kind)
    other = "stock_owner" if kind == "stock-owners" else "managing_agent"
    if query:
        links = links.filter(**{f"{other}__name__icontains": query})
    context = {
        "organisation": organisation,
        "kind": kind,
        "labels": {k: v.format(name=organisation.current_name) for k, v in RELATIONSHIP_KINDS[kind].items()},
        "related": [(link, getattr(link, other)) for link in links],
        "query": query,
        "can_manage": can_manage_relationships_of(viewer, organisation),
        "nav_section": _nav(viewer),
    }
    return render(request, "organisations/relationships.html", context)


@require_http_methods(["GET", "POST"])
def relationship_add(request: HttpRequest, pk: int, kind: str) -> HttpResponse:
    """Add a stock owner or managing agent (the organisation's data coordinators and support)."""
    actor, organisation = _organisation(request, pk)
    require(can_manage_relationships_of(actor, organisation))
    already = _related(organisation, kind).values_list(
        "stock_owner" if kind == "stock-owners" else "managing_agent", flat=True
    )
    candidates = Organisation.objects.filter(active=True).exclude(pk=organisation.pk).exclude(pk__in=already)
    if kind == "stock-owners":
        # A stock owner must hold stock (platform.md §2.3).
        candidates = candidates.filter(holds_own_stock=True)
    form = AddRelationshipForm(candidates, request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        chosen: Organisation = form.cleaned_data["organisation"]
        if kind == "stock-owners":
            actions.add_relationship(actor, stock_owner=chosen, managing_agent=organisation)
        else:
            actions.add_relationship(actor, stock_owner=organisation, managing_agent=chosen)
        messages.success(request, f"{chosen.current_name} has been added as a {RELATIONSHIP_KINDS[kind]['singular']}")
        return redirect("organisations:" + kind, pk=pk)
    context = {
        "organisation": organisation,
        "form": form,
        "kind": kind,
        "labels": RELATIONSHIP_KINDS[kind],
        "nav_section": _nav(actor),
    }
    return render(request, "organisations/relationship_add.html", context)


@require_http_methods(["GET", "POST"])
def relationship_remove(request: HttpRequest, pk: int, kind: str, link_pk: int) -> HttpResponse:
    """Remove a stock owner or managing agent, after confirming."""
    actor, organisation = _organisation(request, pk)
    require(can_manage_relationships_of(actor, organisation))
    link = get_object_or_404(_related(organisation, kind), pk=link_pk)
    other = link.stock_owner if kind == "stock-owners" else link.managing_agent
    if request.method == "POST":
        actions.remove_relationship(actor, link)
        messages.success(request, f"{other.current_name} is no longer a {RELATIONSHIP_KINDS[kind]['singular']}")
        return redirect("organisations:" + kind, pk=pk)
    context = {
        "organisation": organisation,
        "other": other,
        "kind": kind,
        "labels": RELATIONSHIP_KINDS[kind],
        "nav_section": _nav(actor),
    }
    return render(request, "organisations/relationship_remove.html", context)


@require_http_methods(["GET", "POST"])
def data_sharing_agreement(request: HttpRequest, pk: int) -> HttpResponse:
    """The agreement's text; its data protection officer accepts it here."""
    viewer, organisation = _organisation(request, pk)
    may_accept = viewer.is_dpo and viewer.organisation_id == organisation.pk
    accepted = has_accepted_data_sharing_agreement(organisation)
    if request.method == "POST":
        require(may_accept and not accepted)
        actions.accept_data_sharing_agreement(viewer, organisation)
        messages.success(request, "You have accepted the data sharing agreement. Your organisation can now create logs")
        return redirect("organisations:data-sharing-agreement", pk=pk)
    context = {
        "organisation": organisation,
        "agreement": getattr(organisation, "data_sharing_agreement", None),
        "may_accept": may_accept and not accepted,
        "is_local_authority": organisation.provider_type == ProviderType.LOCAL_AUTHORITY,
        "nav_section": _nav(viewer),
    }
    return render(request, "organisations/data_sharing_agreement.html", context)
