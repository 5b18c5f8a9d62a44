"""Options of the questions whose answers are records of the service or of the reference data.

Organisations, users, schemes, locations and local authorities: the declaration asks "Which organisation owns this
property?"; who may be chosen depends on the database, so the service offers the options (platform.md §2.3, §3.4)
and the rulebook checks the answer.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any

from django.db.models import Q
from django.utils import timezone

from collect.accounts.models import User
from collect.organisations.models import Organisation
from collect.refdata.models import LocalAuthority
from collect.schemes.models import Location, Scheme
from collect.standards import calendar
from collect.standards.lettings.y2026.household_situation import PREVIOUS_LA_OUTSIDE_ENGLAND

Choices = list[tuple[Any, str]]


def _organisations(user: User) -> list[Organisation]:
    """The user's organisation, the ones it absorbed, and its stock owners (support: every active organisation)."""
    if user.is_support:
        return list(Organisation.objects.filter(active=True).order_by("name"))
    own = user.organisation
    related = Organisation.objects.filter(
        Q(absorbing_organisation=own) | Q(managing_agent_links__managing_agent=own)
    ).distinct()
    return [own, *sorted(related, key=lambda o: o.name)]


def _labelled(user: User, organisations: list[Organisation]) -> Choices:
    """Organisations as options, the person's own marked "(Your organisation)"."""
    return [(o.pk, f"{o.name} (Your organisation)" if o.pk == user.organisation_id else o.name) for o in organisations]


def owning_organisations(user: User, answers: Mapping[str, Any]) -> Choices:
    """Stock owners the log may belong to: organisations holding stock in reach of the user."""
    return _labelled(user, [o for o in _organisations(user) if o.holds_own_stock])


def managing_organisations(user: User, answers: Mapping[str, Any]) -> Choices:
    """The owning organisation (if it manages its own stock) and its managing agents, or the user's organisation."""
    owner = Organisation.objects.filter(pk=answers.get("owning_organisation_id") or 0).first()
    found: list[Organisation] = []
    if owner is not None:
        found = [owner, *Organisation.objects.filter(stock_owner_links__stock_owner=owner).order_by("name")]
    if not user.is_support and user.organisation not in found:
        found.insert(0, user.organisation)
    return _labelled(user, found)


def assigned_users(user: User, answers: Mapping[str, Any]) -> Choices:
    """Active users of the owning or managing organisation (a coordinator: of their own organisation)."""
    ids = [answers[k] for k in ("owning_organisation_id", "managing_organisation_id") if answers.get(k) is not None]
    users = User.objects.filter(is_active=True)
    users = (
        users.filter(organisation_id=user.organisation_id)
        if not user.is_support
        else users.filter(organisation_id__in=ids)
    )
    return [(u.pk, f"{u.name} ({u.email})") for u in users.order_by("name")]


def schemes(user: User, answers: Mapping[str, Any]) -> Choices:
    """Confirmed schemes of the owning organisation."""
    owner = answers.get("owning_organisation_id")
    found = Scheme.objects.filter(owning_organisation_id=owner or 0, confirmed=True).order_by("service_name")
    return [(s.pk, f"{s.code} {s.service_name}") for s in found]


def locations(user: User, answers: Mapping[str, Any]) -> Choices:
    """Confirmed locations of the chosen scheme."""
    found = Location.objects.filter(scheme_id=answers.get("scheme_id") or 0, confirmed=True).order_by("postcode")
    return [(loc.pk, f"{loc.postcode} {loc.name}".strip()) for loc in found]


def _year(answers: Mapping[str, Any]) -> int:
    """The collection year of the log's tenancy start or sale date (today's, before it is given)."""
    start = answers.get("startdate") or answers.get("saledate")
    day = start if isinstance(start, datetime.date) else timezone.localdate()
    return calendar.collection_start_year(day)


def property_local_authorities(user: User, answers: Mapping[str, Any]) -> Choices:
    """Local authorities in England that exist in the log's collection year."""
    found = LocalAuthority.objects.active_in(_year(answers)).in_england().order_by("name")
    return [(la.code, la.name) for la in found]


def previous_local_authorities(user: User, answers: Mapping[str, Any]) -> Choices:
    """Every local authority of the register that exists in the collection year, and the places outside England."""
    found = LocalAuthority.objects.active_in(_year(answers)).order_by("name")
    return [(la.code, la.name) for la in found if la.code.startswith("E")] + list(PREVIOUS_LA_OUTSIDE_ENGLAND)


def every_local_authority(user: User, answers: Mapping[str, Any]) -> Choices:
    """Every local authority of the register that exists in the collection year, in any nation (sales prevloc)."""
    return [(la.code, la.name) for la in LocalAuthority.objects.active_in(_year(answers)).order_by("name")]


PROVIDERS = {
    "owning_organisation_id": owning_organisations,
    "managing_organisation_id": managing_organisations,
    "assigned_to_id": assigned_users,
    "scheme_id": schemes,
    "location_id": locations,
    "location_id_search": locations,
    "la": property_local_authorities,
    "prevloc": previous_local_authorities,
}
# Where a kind of log offers other options for the same question (sales-2026.md §7 #18: any nation's authority).
KIND_PROVIDERS = {"sales": {"prevloc": every_local_authority}}


def providers_for(kind: str) -> dict[str, Any]:
    """The option providers of a kind of log's questions, by question id."""
    return {**PROVIDERS, **KIND_PROVIDERS.get(kind, {})}
