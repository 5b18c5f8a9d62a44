"""Facts about organisations, people and places that the rules of every kind of log read besides the answers.

The service builds them from the database; the command-line checker from options and the published reference data
files. Each kind's context (collect.standards.lettings.context, collect.standards.sales.context) holds them.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass


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
