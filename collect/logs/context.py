"""The facts the rules read besides the answers, from the database (collect.standards.lettings.context, .sales)."""

from __future__ import annotations

import datetime
import functools
from collections.abc import Mapping
from typing import Any

from django.db import connection
from django.db.models import Exists, F, Func, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from collect.accounts.models import User
from collect.logs.refdata import DatabaseReferenceData
from collect.organisations.models import DataSharingAgreement, Organisation, OrganisationRelationship
from collect.schemes.models import Location, Scheme
from collect.standards.facts import OrganisationFacts, UserFacts
from collect.standards.lettings.context import LettingsContext, LocationFacts, SchemeFacts
from collect.standards.sales.context import SalesContext

# The columns of an organisation its facts read; the rest are columns worked out by the query (`_facts_queryset`).
_COLUMNS = ("id", "name", "provider_type", "holds_own_stock", "rent_periods", "merge_date", "available_from")
_FIRST_ID = -(10**12)  # stand-ins for the ids while the query is compiled


def _facts_queryset(ids: list[int]) -> QuerySet[Organisation]:
    """Organisations with everything their facts need as columns, so reading the facts makes no further query."""
    relationships = OrganisationRelationship.objects.order_by().values("pk")
    absorbed = Organisation.objects.filter(absorbing_organisation=OuterRef("pk")).order_by().values("pk")
    absorbing = Organisation.objects.filter(pk=OuterRef("absorbing_organisation")).order_by().values("name")
    return (
        Organisation.objects.filter(pk__in=ids)
        .order_by()
        .only(*_COLUMNS)
        .annotate(
            absorbing_name=Subquery(absorbing[:1]),
            signed=Exists(DataSharingAgreement.objects.filter(organisation=OuterRef("pk"))),
            has_absorbed=Exists(absorbed),
            absorbed_with_stock=_count(absorbed.filter(holds_own_stock=True)),
            stock_owners=_count(relationships.filter(managing_agent=OuterRef("pk"))),
            managing_agents=_count(relationships.filter(stock_owner=OuterRef("pk"))),
        )
    )


def _count(rows: QuerySet[Any]) -> Coalesce:
    """How many rows a correlated subquery finds, as a column."""
    return Coalesce(Subquery(rows.annotate(n=Func(F("pk"), function="COUNT")).values("n")[:1]), 0)


@functools.cache
def _facts_sql(vendor: str, count: int) -> tuple[str, tuple[Any, ...], tuple[int, ...]]:
    """The facts query for `count` ids, compiled once per process (compiling it takes far longer than running it).

    Gives the SQL, its parameters and where in them the ids go.
    """
    stand_ins = [_FIRST_ID - n for n in range(count)]
    sql, params = _facts_queryset(stand_ins).query.sql_with_params()
    return sql, tuple(params), tuple(params.index(stand_in) for stand_in in stand_ins)


def _with_facts(ids: set[int]) -> dict[int, Organisation]:
    """The organisations with these ids, each with what its facts need (one query)."""
    if not ids:
        return {}
    sql, params, places = _facts_sql(connection.vendor, len(ids))
    filled = list(params)
    for place, pk in zip(places, sorted(ids), strict=True):
        filled[place] = pk
    return {organisation.pk: organisation for organisation in Organisation.objects.raw(sql, filled)}


def organisation_facts(organisation: Organisation) -> OrganisationFacts:
    """An organisation as the rules see it (one query, unless it was read by `_with_facts`)."""
    if not hasattr(organisation, "signed"):
        organisation = _with_facts({organisation.pk})[organisation.pk]
    return OrganisationFacts(
        id=organisation.pk,
        name=organisation.name,
        provider_type=organisation.provider_type,
        holds_own_stock=bool(organisation.holds_own_stock),
        rent_periods=frozenset(int(p) for p in organisation.rent_periods),
        accepted_data_sharing_agreement=bool(organisation.signed),  # type: ignore[attr-defined]
        merge_date=organisation.merge_date,
        absorbing_organisation_name=organisation.absorbing_name or "",  # type: ignore[attr-defined]
        available_from=organisation.available_from,
        has_absorbed_organisations=bool(organisation.has_absorbed),  # type: ignore[attr-defined]
    )


def user_facts(user: User, organisation: Organisation | None = None) -> UserFacts:
    """The person filling in the log: role, organisation and its relationships (setup pages depend on them).

    `organisation` is the user's organisation read by `_with_facts` (else it is looked up).
    """
    if organisation is None or organisation.pk != user.organisation_id or not hasattr(organisation, "signed"):
        organisation = _with_facts({user.organisation_id})[user.organisation_id]
    return UserFacts(
        id=user.pk,
        is_support=user.is_support,
        is_data_coordinator=user.is_data_coordinator,
        organisation=organisation_facts(organisation),
        stock_owner_count=organisation.stock_owners + organisation.absorbed_with_stock,  # type: ignore[attr-defined]
        managing_agent_count=organisation.managing_agents,  # type: ignore[attr-defined]
    )


def _id(answers: Mapping[str, Any], key: str) -> int | None:
    try:
        value = answers.get(key)
        return int(value) if value is not None and value != "" else None
    except (TypeError, ValueError):
        return None


def _date(answers: Mapping[str, Any], key: str) -> datetime.date | None:
    value = answers.get(key)
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
    assigned = _id(answers, "assigned_to_id")
    if assigned is None:
        return frozenset()
    found = Organisation.objects.filter(Q(users=assigned) | Q(absorbing_organisation__users=assigned))
    return frozenset(found.order_by().values_list("pk", flat=True).distinct())


def _common_facts(answers: Mapping[str, Any], user: User | None, today: datetime.date) -> dict[str, Any]:
    """The facts every kind of log reads: today, reference data, organisations and the person.

    The owning and managing organisations and the person's own are read in one query.
    """
    owner_id, manager_id = _id(answers, "owning_organisation_id"), _id(answers, "managing_organisation_id")
    wanted = {pk for pk in (owner_id, manager_id, user.organisation_id if user else None) if pk is not None}
    organisations = _with_facts(wanted)
    owner = organisations.get(owner_id) if owner_id is not None else None
    manager = organisations.get(manager_id) if manager_id is not None else None
    return {
        "today": today,
        "refdata": DatabaseReferenceData(),
        "owning_organisation": organisation_facts(owner) if owner else None,
        "managing_organisation": organisation_facts(manager) if manager else None,
        "user": user_facts(user, organisations.get(user.organisation_id)) if user is not None else None,
        "assigned_user_organisation_ids": assigned_user_organisation_ids(answers),
    }


def lettings_context(answers: Mapping[str, Any], user: User | None, *, is_new_log: bool) -> LettingsContext:
    """Everything the lettings rules read about a log with these answers, filled in by this person.

    The owning and managing organisations and the person's own are read in one query.
    """
    today = timezone.localdate()
    day = _date(answers, "startdate") or today
    common = _common_facts(answers, user, today)
    scheme, location = _scheme(answers), _location(answers)
    return LettingsContext(
        **common,
        scheme=scheme_facts(scheme, day) if scheme else None,
        location=location_facts(location, day) if location else None,
        is_new_log=is_new_log,
    )


def sales_context(answers: Mapping[str, Any], user: User | None, *, is_new_log: bool) -> SalesContext:
    """Everything the sales rules read about a log with these answers, filled in by this person."""
    return SalesContext(**_common_facts(answers, user, timezone.localdate()), is_new_log=is_new_log)


def log_context(kind: str, answers: Mapping[str, Any], user: User | None, *, is_new_log: bool) -> Any:
    """The context of a log of this kind ("lettings" or "sales")."""
    build = sales_context if kind == "sales" else lettings_context
    return build(answers, user, is_new_log=is_new_log)
