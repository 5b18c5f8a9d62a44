"""Helpers for testing the 2026/27 lettings declaration: a context maker, base answers, and the case tables.

Each subsection's test module declares tables of cases; tests/standards/lettings/test_coverage.py gathers them
and fails unless every check has a case that triggers it and one that passes, every derivation has a case, and
every page's display condition has a case where it is shown and one where it is not.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from collect.rulebook import Outcome
from collect.standards.facts import LocalAuthorityFacts, OrganisationFacts, UserFacts
from collect.standards.lettings.context import LettingsContext, LocationFacts, RentRange, SchemeFacts
from collect.standards.registry import evaluator

TODAY = datetime.date(2026, 11, 21)
START = datetime.date(2026, 10, 5)

OWNER_PRP = OrganisationFacts(1, "Riverside Homes", provider_type=2, rent_periods=frozenset(range(1, 12)))
OWNER_LA = OrganisationFacts(2, "Hilltop Council", provider_type=1, rent_periods=frozenset(range(1, 12)))


@dataclass(frozen=True)
class FakeReferenceData:
    """A little reference data: two local authorities, one postcode, and a rent range."""

    authorities: dict[str, LocalAuthorityFacts] = field(
        default_factory=lambda: {
            "E09000033": LocalAuthorityFacts("E09000033", "Westminster", 2021, None),
            "E08000035": LocalAuthorityFacts("E08000035", "Leeds", 2021, None),
            "E08000016": LocalAuthorityFacts("E08000016", "Barnsley", 2021, 2025),
            "W06000015": LocalAuthorityFacts("W06000015", "Cardiff", 2021, None),
        }
    )
    postcodes: dict[str, str] = field(
        default_factory=lambda: {"SW1A 1AA": "E09000033", "LS1 1AA": "E08000035", "CF10 1AA": "W06000015"}
    )
    # (start year, lettype, la, beds) -> range
    rents: dict[tuple[int, int, str, int], RentRange] = field(
        default_factory=lambda: {
            (2026, 1, "E08000035", 2): RentRange(Decimal("80"), Decimal("150"), Decimal("40"), Decimal("500")),
            (2026, 2, "E08000035", 0): RentRange(Decimal("70"), Decimal("200"), Decimal("30"), Decimal("700")),
        }
    )

    def local_authority(self, code: str) -> LocalAuthorityFacts | None:
        return self.authorities.get(code)

    def local_authority_for_postcode(self, postcode: str) -> str | None:
        return self.postcodes.get(postcode)

    def rent_range(self, start_year: int, lettype: int, la: str, beds: int) -> RentRange | None:
        return self.rents.get((start_year, lettype, la, beds))


REFDATA = FakeReferenceData()


def make_context(**overrides: Any) -> LettingsContext:
    """A context for a general needs letting by a housing association on TODAY; override any field."""
    values: dict[str, Any] = {
        "today": TODAY,
        "refdata": REFDATA,
        "owning_organisation": OWNER_PRP,
        "managing_organisation": OWNER_PRP,
        "user": UserFacts(10, is_data_coordinator=True, organisation=OWNER_PRP),
        "assigned_user_organisation_ids": frozenset({OWNER_PRP.id}),
    }
    values.update(overrides)
    return LettingsContext(**values)


def supported_context(**overrides: Any) -> LettingsContext:
    """A context with a scheme and a location in Leeds."""
    return make_context(
        scheme=SchemeFacts(5, "Riverside Court", confirmed=True, has_confirmed_locations=True),
        location=LocationFacts(7, "LS1 1AA", "E08000035", mobility_type="N", type_of_unit=1, units=10, confirmed=True),
        **overrides,
    )


# A finished setup subsection for a general needs letting (lettings-2026.md §2.1, §3.1).
SETUP_GN: dict[str, Any] = {
    "owning_organisation_id": 1,
    "managing_organisation_id": 1,
    "assigned_to_id": 10,
    "needstype": 1,
    "renewal": 0,
    "startdate": START,
    "rent_type": 0,
    "tenancycode": "T123",
    "propcode": "P456",
    "declaration": 1,
}
SETUP_SH: dict[str, Any] = {**SETUP_GN, "needstype": 2, "scheme_id": 5, "location_id": 7}


def evaluate(answers: dict[str, Any], context: LettingsContext | None = None, **overrides: Any) -> Outcome:
    """Evaluate answers with the 2026/27 lettings declaration."""
    return evaluator("lettings-2026").evaluate(answers, context or make_context(**overrides))


@dataclass(frozen=True)
class CheckCase:
    """Answers (and context overrides) that trigger a check, or that must not."""

    answers: dict[str, Any]
    triggers: bool
    context: dict[str, Any] = field(default_factory=dict)
    note: str = ""


@dataclass(frozen=True)
class DerivationCase:
    """Answers, and some of the values the log must have after evaluation."""

    answers: dict[str, Any]
    expected: dict[str, Any]
    context: dict[str, Any] = field(default_factory=dict)
    note: str = ""


@dataclass(frozen=True)
class PageCase:
    """Answers, and whether the page is shown."""

    answers: dict[str, Any]
    shown: bool
    context: dict[str, Any] = field(default_factory=dict)


# Supported housing facts for case tables (`context=SUPPORTED_FACTS`), and evaluating a change to a stored log.
SCHEME_FACTS = SchemeFacts(5, "Riverside Court", confirmed=True, has_confirmed_locations=True)
LOCATION_FACTS = LocationFacts(7, "LS1 1AA", "E08000035", mobility_type="N", type_of_unit=1, units=10, confirmed=True)
SUPPORTED_FACTS: dict[str, Any] = {"scheme": SCHEME_FACTS, "location": LOCATION_FACTS}


def evaluate_change(
    answers: dict[str, Any], previous: dict[str, Any], context: LettingsContext | None = None
) -> Outcome:
    """Evaluate answers that change a stored log (`previous`: its answers before the change)."""
    return evaluator("lettings-2026").evaluate(answers, context or make_context(), previous)
