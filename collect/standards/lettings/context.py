"""What the lettings rules need to know besides the answers: today, organisations, the scheme, reference data.

The service builds a LettingsContext from the database; the command-line checker builds one from options and the
published reference data files. Declarations read it through these types only.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Protocol


@dataclass(frozen=True)
class OrganisationFacts:
    """An owning or managing organisation as the rules see it."""

    id: int
    name: str
    provider_type: int  # 1 local authority, 2 private registered provider
    holds_own_stock: bool = True
    rent_periods: frozenset[int] = frozenset()
    accepted_data_sharing_agreement: bool = True
    merge_date: datetime.date | None = None
    absorbing_organisation_name: str = ""
    available_from: datetime.date | None = None
    has_absorbed_organisations: bool = False


@dataclass(frozen=True)
class LocationFacts:
    """A supported housing location."""

    id: int
    postcode: str
    local_authority_code: str
    mobility_type: str
    type_of_unit: int | None
    units: int | None
    confirmed: bool
    # status on the tenancy start date: active, deactivated, activating_soon, reactivating_soon, incomplete
    status_on_start: str = "active"
    available_from: datetime.date | None = None


@dataclass(frozen=True)
class SchemeFacts:
    """A supported housing scheme."""

    id: int
    name: str
    confirmed: bool
    has_confirmed_locations: bool
    status_on_start: str = "active"
    status_date: datetime.date | None = None
    active_locations_on_start: int = 1


@dataclass(frozen=True)
class UserFacts:
    """The person filling in the log (some setup pages depend on who they are)."""

    id: int
    is_support: bool = False
    is_data_coordinator: bool = False
    organisation: OrganisationFacts | None = None
    stock_owner_count: int = 0
    managing_agent_count: int = 0


@dataclass(frozen=True)
class LocalAuthorityFacts:
    """A local authority of the ONS register."""

    code: str
    name: str
    start_year: int
    end_year: int | None

    def exists_on(self, day: datetime.date) -> bool:
        """Whether the authority existed on a date (its years are collection-year starts)."""
        start = datetime.date(self.start_year, 4, 1)
        end = datetime.date(self.end_year, 4, 1) if self.end_year else None
        return start <= day and (end is None or day < end)

    @property
    def in_england(self) -> bool:
        """English authority codes start with E."""
        return self.code.startswith("E")


@dataclass(frozen=True)
class RentRange:
    """The expected weekly rent range for a letting type, local authority and number of bedrooms."""

    soft_min: Decimal
    soft_max: Decimal
    hard_min: Decimal
    hard_max: Decimal


class ReferenceData(Protocol):
    """Reference data lookups (from the database in the service, from the published files in the CLI)."""

    def local_authority(self, code: str) -> LocalAuthorityFacts | None:
        """A local authority by ONS code."""

    def local_authority_for_postcode(self, postcode: str) -> str | None:
        """The ONS code of the local authority a postcode is in, if known."""

    def rent_range(self, start_year: int, lettype: int, la: str, beds: int) -> RentRange | None:
        """The rent range for a collection year, letting type, local authority and bedrooms (0 for supported)."""


@dataclass(frozen=True)
class NoReferenceData:
    """Reference data that knows nothing (tests and checks that do not need it)."""

    def local_authority(self, code: str) -> LocalAuthorityFacts | None:
        """Nothing is known."""
        return None

    def local_authority_for_postcode(self, postcode: str) -> str | None:
        """Nothing is known."""
        return None

    def rent_range(self, start_year: int, lettype: int, la: str, beds: int) -> RentRange | None:
        """Nothing is known."""
        return None


@dataclass(frozen=True)
class LettingsContext:
    """Everything besides the answers that the lettings rules read."""

    today: datetime.date
    refdata: ReferenceData = field(default_factory=NoReferenceData)
    owning_organisation: OrganisationFacts | None = None
    managing_organisation: OrganisationFacts | None = None
    user: UserFacts | None = None
    # Organisations the assigned user belongs to (with any it absorbed): owning or managing must be one of them.
    assigned_user_organisation_ids: frozenset[int] = frozenset()
    scheme: SchemeFacts | None = None
    location: LocationFacts | None = None
    # A new log (start date rules differ from changing an existing one's, lettings-2026.md §1.2).
    is_new_log: bool = True
