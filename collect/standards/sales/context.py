"""What the sales rules need to know besides the answers: today, organisations, the person, reference data.

The service builds a SalesContext from the database; the command-line checker builds one from options and the
published reference data files. Declarations read it through these types only.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Protocol

from collect.standards.facts import LocalAuthorityFacts, OrganisationFacts, UserFacts


@dataclass(frozen=True)
class SaleRange:
    """The expected purchase price range for a local authority and number of bedrooms (sale_ranges_2026.csv)."""

    soft_min: Decimal
    soft_max: Decimal


class SalesReferenceData(Protocol):
    """Reference data lookups (from the database in the service, from the published files in the CLI)."""

    def local_authority(self, code: str) -> LocalAuthorityFacts | None:
        """A local authority by ONS code."""

    def local_authority_for_postcode(self, postcode: str) -> str | None:
        """The ONS code of the local authority a postcode is in, if known."""

    def sale_range(self, start_year: int, la: str, beds: int) -> SaleRange | None:
        """The purchase price range for a collection year, local authority and bedrooms (1 to 4)."""


@dataclass(frozen=True)
class NoSalesReferenceData:
    """Reference data that knows nothing (tests and checks that do not need it)."""

    def local_authority(self, code: str) -> LocalAuthorityFacts | None:
        """Nothing is known."""
        return None

    def local_authority_for_postcode(self, postcode: str) -> str | None:
        """Nothing is known."""
        return None

    def sale_range(self, start_year: int, la: str, beds: int) -> SaleRange | None:
        """Nothing is known."""
        return None


@dataclass(frozen=True)
class SalesContext:
    """Everything besides the answers that the sales rules read."""

    today: datetime.date
    refdata: SalesReferenceData = field(default_factory=NoSalesReferenceData)
    owning_organisation: OrganisationFacts | None = None
    managing_organisation: OrganisationFacts | None = None
    user: UserFacts | None = None
    # Organisations the assigned user belongs to (with any it absorbed): owning or managing must be one of them.
    assigned_user_organisation_ids: frozenset[int] = frozenset()
    # A new log (sale date rules differ from changing an existing one's, sales-2026.md §4.2 S1).
    is_new_log: bool = True
