"""What a bulk file's rows name, found in the database once per file: organisations, users, schemes, locations.

`DatabaseLookups` implements `collect.standards.bulk.Lookups` for one uploader; `FileContexts.context_for` builds
each row's rulebook context as `collect.logs.context.log_context` does, from facts cached by id, so a file of 10,000
rows makes a number of queries that grows with the organisations, users and schemes it names, not with its rows.
`existing_duplicates` finds rows that duplicate logs already in the uploader's scope (never beyond it: the national
service's gap G5).
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable, Mapping
from typing import Any

from django.db.models import Prefetch, Q
from django.utils import timezone

from collect.accounts.models import User
from collect.bulkupload.report import Report
from collect.logs import duplicates, policy
from collect.logs.context import (
    _with_facts,
    location_facts,
    organisation_facts,
    scheme_facts,
    user_facts,
)
from collect.logs.models import Log
from collect.logs.refdata import DatabaseReferenceData
from collect.organisations.models import Organisation, OrganisationRelationship
from collect.schemes.models import Location, Scheme
from collect.standards.bulk import ORG_CODE, BulkOrganisation, BulkUser, Uploader
from collect.standards.facts import OrganisationFacts, UserFacts
from collect.standards.lettings.context import LettingsContext, LocationFacts, SchemeFacts
from collect.standards.sales.context import SalesContext

_SCHEME_CODE = re.compile(r"^S(\d{1,9})$", re.IGNORECASE)
_LOCATION_CODE = re.compile(r"^\d{1,9}$")
# Rows whose duplicate keys are searched in one query.
_KEYS_PER_QUERY = 500


def permitted_owner_ids(organisation: Organisation) -> frozenset[int]:
    """The stock owners whose logs an organisation may add (lettings-2026.md §6.4 "owning org").

    Itself if it holds stock, its stock owners, and the organisations it absorbed that hold stock with their owners.
    """
    absorbed = list(
        Organisation.objects.filter(absorbing_organisation=organisation).values_list("pk", "holds_own_stock")
    )
    ids = {organisation.pk} if organisation.holds_own_stock else set()
    ids |= {pk for pk, holds in absorbed if holds}
    agents = [organisation.pk, *(pk for pk, _ in absorbed)]
    owners = OrganisationRelationship.objects.filter(managing_agent_id__in=agents, stock_owner__holds_own_stock=True)
    ids |= set(owners.values_list("stock_owner_id", flat=True))
    return frozenset(ids)


class DatabaseLookups:
    """Finds what rows name for one uploader, each code, email and scheme looked up once per file."""

    def __init__(self, user: User, organisation: Organisation) -> None:
        self.uploading_user = user
        self._uploader = Uploader(
            user_id=user.pk,
            is_support=user.is_support,
            organisation_id=organisation.pk,
            organisation_name=organisation.name,
            permitted_owner_ids=permitted_owner_ids(organisation),
        )
        self._organisations: dict[str, BulkOrganisation | None] = {}
        self._users: dict[str, BulkUser | None] = {}
        self._schemes: dict[tuple[str, frozenset[int]], int | None] = {}
        self._locations: dict[tuple[int, str], int | None] = {}

    @property
    def uploader(self) -> Uploader:
        """Who is uploading, for which organisation."""
        return self._uploader

    def organisation(self, code: str) -> BulkOrganisation | None:
        """An organisation by "ORG<id>"."""
        key = code.strip().upper()
        if key not in self._organisations:
            match = ORG_CODE.match(key)
            found = Organisation.objects.filter(pk=int(match.group(1))).first() if match else None
            if found is None:
                self._organisations[key] = None
            else:
                agents = OrganisationRelationship.objects.filter(stock_owner=found).values_list(
                    "managing_agent_id", flat=True
                )
                self._organisations[key] = BulkOrganisation(
                    id=found.pk,
                    name=found.name,
                    holds_own_stock=found.holds_own_stock,
                    managing_agent_ids=frozenset({found.pk, *agents}),
                    provider_type=found.provider_type,
                )
        return self._organisations[key]

    def user(self, email: str) -> BulkUser | None:
        """A user by email, in any case: with their organisation, the ones it absorbed and the one it merged into."""
        key = email.strip().casefold()
        if key not in self._users:
            found = User.objects.filter(email__iexact=key).select_related("organisation").first()
            if found is None:
                self._users[key] = None
            else:
                own = found.organisation
                absorbed = Organisation.objects.filter(absorbing_organisation=own).values_list("pk", flat=True)
                ids = {own.pk, *absorbed, *([own.absorbing_organisation_id] if own.absorbing_organisation_id else [])}
                self._users[key] = BulkUser(id=found.pk, organisation_ids=frozenset(ids))
        return self._users[key]

    def scheme(self, code: str, organisation_ids: frozenset[int]) -> int | None:
        """The id of a scheme by "S<id>", among the schemes these organisations own."""
        key = (code.strip().upper(), organisation_ids)
        if key not in self._schemes:
            match = _SCHEME_CODE.match(key[0])
            found = (
                Scheme.objects.filter(pk=int(match.group(1)), owning_organisation_id__in=organisation_ids)
                .values_list("pk", flat=True)
                .first()
                if match
                else None
            )
            self._schemes[key] = found
        return self._schemes[key]

    def location(self, scheme_id: int, code: str) -> int | None:
        """The id of a location of a scheme by its id."""
        key = (scheme_id, code.strip())
        if key not in self._locations:
            found = (
                Location.objects.filter(pk=int(key[1]), scheme_id=scheme_id).values_list("pk", flat=True).first()
                if _LOCATION_CODE.match(key[1])
                else None
            )
            self._locations[key] = found
        return self._locations[key]


def _as_id(answers: Mapping[str, Any], key: str) -> int | None:
    value = answers.get(key)
    return value if type(value) is int and value > 0 else None


class FileContexts:
    """The rulebook context of each row of one file, from facts read once per organisation, user and scheme."""

    def __init__(self, kind: str, user: User, today: datetime.date | None = None) -> None:
        self.kind = kind
        self.user = user
        self.today = today or timezone.localdate()
        self.refdata = DatabaseReferenceData()
        self._organisations: dict[int, OrganisationFacts | None] = {}
        self._assigned: dict[int, frozenset[int]] = {}
        self._schemes: dict[int, Scheme | None] = {}
        self._scheme_facts: dict[tuple[int, datetime.date], SchemeFacts] = {}
        self._location_facts: dict[tuple[int, datetime.date], LocationFacts | None] = {}
        organisations = _with_facts({user.organisation_id})
        self._user: UserFacts = user_facts(user, organisations[user.organisation_id])

    def organisation(self, pk: int | None) -> OrganisationFacts | None:
        """An organisation's facts (one query the first time)."""
        if pk is None:
            return None
        if pk not in self._organisations:
            found = _with_facts({pk}).get(pk)
            self._organisations[pk] = organisation_facts(found) if found else None
        return self._organisations[pk]

    def assigned_user_organisation_ids(self, pk: int | None) -> frozenset[int]:
        """The organisations of the assigned user, with those it absorbed."""
        if pk is None:
            return frozenset()
        if pk not in self._assigned:
            found = Organisation.objects.filter(Q(users=pk) | Q(absorbing_organisation__users=pk))
            self._assigned[pk] = frozenset(found.order_by().values_list("pk", flat=True).distinct())
        return self._assigned[pk]

    def _scheme(self, pk: int) -> Scheme | None:
        if pk not in self._schemes:
            locations = Location.objects.prefetch_related("deactivation_periods")
            self._schemes[pk] = (
                Scheme.objects.filter(pk=pk)
                .prefetch_related("deactivation_periods", Prefetch("locations", queryset=locations))
                .first()
            )
        return self._schemes[pk]

    def scheme(self, pk: int | None, day: datetime.date) -> SchemeFacts | None:
        """A scheme's facts on a day (its status and its active locations then)."""
        scheme = self._scheme(pk) if pk is not None else None
        if scheme is None or pk is None:
            return None
        if (pk, day) not in self._scheme_facts:
            self._scheme_facts[(pk, day)] = scheme_facts(scheme, day)
        return self._scheme_facts[(pk, day)]

    def location(self, scheme_pk: int | None, pk: int | None, day: datetime.date) -> LocationFacts | None:
        """A location's facts on a day (a location of the row's scheme)."""
        scheme = self._scheme(scheme_pk) if scheme_pk is not None else None
        if scheme is None or pk is None:
            return None
        if (pk, day) not in self._location_facts:
            found = next((loc for loc in scheme.locations.all() if loc.pk == pk), None)
            if found is not None:
                found.scheme = scheme
            self._location_facts[(pk, day)] = location_facts(found, day) if found else None
        return self._location_facts[(pk, day)]

    def context_for(self, answers: Mapping[str, Any]) -> Any:
        """The rulebook context of a row with these answers (a new log filled in by the uploader)."""
        common: dict[str, Any] = {
            "today": self.today,
            "refdata": self.refdata,
            "owning_organisation": self.organisation(_as_id(answers, "owning_organisation_id")),
            "managing_organisation": self.organisation(_as_id(answers, "managing_organisation_id")),
            "user": self._user,
            "assigned_user_organisation_ids": self.assigned_user_organisation_ids(_as_id(answers, "assigned_to_id")),
            "is_new_log": True,
        }
        if self.kind == "sales":
            return SalesContext(**common)
        start = answers.get("startdate")
        day = start if isinstance(start, datetime.date) else self.today
        scheme_pk = _as_id(answers, "scheme_id")
        return LettingsContext(
            **common,
            scheme=self.scheme(scheme_pk, day),
            location=self.location(scheme_pk, _as_id(answers, "location_id"), day),
        )


def keys_in_scope(keys: Iterable[str], kind: str, user: User) -> set[str]:
    """The duplicate keys among these that visible logs in this person's scope (support: all) have."""
    wanted = sorted({key for key in keys if key})
    in_scope = policy.logs_in_scope(user, kind).visible()
    found: set[str] = set()
    for start in range(0, len(wanted), _KEYS_PER_QUERY):
        chunk = wanted[start : start + _KEYS_PER_QUERY]
        found.update(in_scope.filter(duplicate_key__in=chunk).values_list("duplicate_key", flat=True).distinct())
    return found


def existing_duplicates(report: Report, user: User) -> list[int]:
    """The indexes (into report.rows) of rows that duplicate visible logs in this person's scope (support: all)."""
    probe = Log(kind=report.kind, collection=report.collection_id)
    keys = {index: duplicates.duplicate_key(probe, row.answers) for index, row in enumerate(report.rows)}
    found = keys_in_scope(keys.values(), report.kind, user)
    return [index for index, key in keys.items() if key and key in found]
