"""What the lettings rules need to know besides the answers: today, organisations, the scheme, reference data.

The service builds a LettingsContext from the database; the command-line checker builds one from options and the
published reference data files. Declarations read it through these types only.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Protocol

from collect.standards.facts import LocalAuthorityFacts, OrganisationFacts, UserFacts


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
