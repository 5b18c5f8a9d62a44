"""The facts the lettings rules read besides the answers, from the database (collect.standards.lettings.context)."""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any

from django.utils import timezone

from collect.accounts.models import User
from collect.accounts.policy import has_accepted_data_sharing_agreement
from collect.logs.refdata import DatabaseReferenceData
from collect.organisations.models import Organisation
from collect.schemes.models import Location, Scheme
from collect.standards.lettings.context import (
    LettingsContext,
    LocationFacts,
    OrganisationFacts,
    SchemeFacts,
    UserFacts,
)


def organisation_facts(organisation: Organisation) -> OrganisationFacts:
    """An organisation as the rules see it."""
    absorbing = organisation.absorbing_organisation
    return OrganisationFacts(
        id=organisation.pk,
        name=organisation.name,
        provider_type=organisation.provider_type,
        holds_own_stock=organisation.holds_own_stock,
        rent_periods=frozenset(int(p) for p in organisation.rent_periods),
        accepted_data_sharing_agreement=has_accepted_data_sharing_agreement(organisation),
        merge_date=organisation.merge_date,
        absorbing_organisation_name=absorbing.name if absorbing else "",
        available_from=organisation.available_from,
        has_absorbed_organisations=Organisation.objects.filter(absorbing_organisation=organisation).exists(),
    )


def user_facts(user: User) -> UserFacts:
    """The person filling in the log: role, organisation and its relationships (setup pages depend on them)."""
    organisation = user.organisation
    absorbed_stock = Organisation.objects.filter(absorbing_organisation=organisation, holds_own_stock=True).count()
    return UserFacts(
        id=user.pk,
        is_support=user.is_support,
        is_data_coordinator=user.is_data_coordinator,
        organisation=organisation_facts(organisation),
        stock_owner_count=organisation.stock_owner_links.count() + absorbed_stock,
        managing_agent_count=organisation.managing_agent_links.count(),
    )


def _organisation(answers: Mapping[str, Any], key: str) -> Organisation | None:
    value = answers.get(key)
    if value is None:
        return None
    try:
        return Organisation.objects.select_related("absorbing_organisation").filter(pk=int(value)).first()
    except (TypeError, ValueError):
        return None


def _startdate(answers: Mapping[str, Any]) -> datetime.date | None:
    value = answers.get("startdate")
    if isinstance(value, datetime.date):
        return value
    try:
        return datetime.date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


def scheme_facts(scheme: Scheme, day: datetime.date) -> SchemeFacts:
    """A scheme and its status on the tenancy start date (or today)."""
    locations = [loc for loc in scheme.locations.all() if loc.confirmed]
    active = [loc for loc in locations if loc.status_on(day) in ("active", "deactivating_soon")]
    return SchemeFacts(
        id=scheme.pk,
        name=scheme.service_name,
        confirmed=scheme.confirmed,
        has_confirmed_locations=bool(locations),
        status_on_start=scheme.status_on(day),
        active_locations_on_start=len(active),
    )


def location_facts(location: Location, day: datetime.date) -> LocationFacts:
    """A location and its status on the tenancy start date (or today)."""
    return LocationFacts(
        id=location.pk,
        postcode=location.postcode,
        local_authority_code=location.local_authority_code,
        mobility_type=location.mobility_type,
        type_of_unit=location.type_of_unit,
        units=location.units,
        confirmed=location.confirmed,
        status_on_start=location.status_on(day),
        available_from=location.available_from,
    )


def _scheme(answers: Mapping[str, Any]) -> Scheme | None:
    try:
        value = answers.get("scheme_id")
        return Scheme.objects.select_related("owning_organisation").filter(pk=int(value)).first() if value else None
    except (TypeError, ValueError):
        return None


def _location(answers: Mapping[str, Any]) -> Location | None:
    try:
        value = answers.get("location_id")
        return Location.objects.filter(pk=int(value)).first() if value else None
    except (TypeError, ValueError):
        return None


def assigned_user_organisation_ids(answers: Mapping[str, Any]) -> frozenset[int]:
    """The organisations of the log's assigned user, with those it absorbed."""
    try:
        value = answers.get("assigned_to_id")
        assigned = User.objects.filter(pk=int(value)).first() if value else None
    except (TypeError, ValueError):
        assigned = None
    if assigned is None:
        return frozenset()
    absorbed = Organisation.objects.filter(absorbing_organisation_id=assigned.organisation_id)
    return frozenset({assigned.organisation_id, *absorbed.values_list("pk", flat=True)})


def lettings_context(answers: Mapping[str, Any], user: User | None, *, is_new_log: bool) -> LettingsContext:
    """Everything the lettings rules read about a log with these answers, filled in by this person."""
    today = timezone.localdate()
    day = _startdate(answers) or today
    owner, manager = (
        _organisation(answers, "owning_organisation_id"),
        _organisation(answers, "managing_organisation_id"),
    )
    scheme, location = _scheme(answers), _location(answers)
    return LettingsContext(
        today=today,
        refdata=DatabaseReferenceData(),
        owning_organisation=organisation_facts(owner) if owner else None,
        managing_organisation=organisation_facts(manager) if manager else None,
        user=user_facts(user) if user is not None else None,
        assigned_user_organisation_ids=assigned_user_organisation_ids(answers),
        scheme=scheme_facts(scheme, day) if scheme else None,
        location=location_facts(location, day) if location else None,
        is_new_log=is_new_log,
    )
