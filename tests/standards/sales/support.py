"""Helpers for testing the 2026/27 sales declaration: a context maker, finished setups, and the case tables.

Each subsection's test module declares tables of cases (`CHECK_CASES`, `DERIVATION_CASES`, `PAGE_CASES`, keyed by
check, derivation or page id); tests/standards/sales/test_coverage.py gathers them and fails unless every check has
a case that triggers it and one that passes, every derivation has a case, and every page's display condition has a
case where it is shown and one where it is not.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from collect.rulebook import Outcome
from collect.standards.facts import LocalAuthorityFacts, OrganisationFacts, UserFacts
from collect.standards.registry import evaluator
from collect.standards.sales.context import SaleRange, SalesContext
from tests.standards.lettings.support import CheckCase, DerivationCase, PageCase

__all__ = ["CheckCase", "DerivationCase", "PageCase"]

TODAY = datetime.date(2026, 11, 21)
SALE = datetime.date(2026, 10, 5)

OWNER = OrganisationFacts(1, "Riverside Homes", provider_type=2)


@dataclass(frozen=True)
class FakeSalesReferenceData:
    """A little reference data: local authorities (Westminster is in London), postcodes and sale ranges."""

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
    # (start year, la, beds 1-4) -> range
    sales: dict[tuple[int, str, int], SaleRange] = field(
        default_factory=lambda: (
            {
                (2026, "E08000035", beds): SaleRange(Decimal(60_000 + 20_000 * beds), Decimal(250_000 + 50_000 * beds))
                for beds in range(1, 5)
            }
            | {(2026, "E09000033", 1): SaleRange(Decimal(267_909), Decimal(979_182))}
        )
    )

    def local_authority(self, code: str) -> LocalAuthorityFacts | None:
        return self.authorities.get(code)

    def local_authority_for_postcode(self, postcode: str) -> str | None:
        return self.postcodes.get(postcode)

    def sale_range(self, start_year: int, la: str, beds: int) -> SaleRange | None:
        return self.sales.get((start_year, la, beds))


REFDATA = FakeSalesReferenceData()


def make_context(**overrides: Any) -> SalesContext:
    """A context for a sale by a housing association, filled in by its data coordinator on TODAY."""
    values: dict[str, Any] = {
        "today": TODAY,
        "refdata": REFDATA,
        "owning_organisation": OWNER,
        "managing_organisation": OWNER,
        "user": UserFacts(10, is_data_coordinator=True, organisation=OWNER),
        "assigned_user_organisation_ids": frozenset({OWNER.id}),
    }
    values.update(overrides)
    return SalesContext(**values)


# Finished setup subsections for each route (sales-2026.md §1.1, §2.1): one buyer, interviewed, notice seen.
SETUP_SHARED: dict[str, Any] = {
    "owning_organisation_id": 1,
    "managing_organisation_id": 1,
    "assigned_to_id": 10,
    "saledate": SALE,
    "purchid": "P123",
    "ownershipsch": 1,
    "type": 30,
    "staircase": 2,
    "jointpur": 2,
    "noint": 2,
    "privacynotice": 1,
}
SETUP_STAIRCASING: dict[str, Any] = {**SETUP_SHARED, "staircase": 1}
SETUP_DISCOUNTED: dict[str, Any] = {
    **{k: v for k, v in SETUP_SHARED.items() if k != "staircase"},
    "ownershipsch": 2,
    "type": 9,
}
JOINT: dict[str, Any] = {"jointpur": 1, "jointmore": 2}  # add to a setup for a joint purchase of two buyers


def evaluate(answers: dict[str, Any], context: SalesContext | None = None, **overrides: Any) -> Outcome:
    """Evaluate answers with the 2026/27 sales declaration."""
    return evaluator("sales-2026").evaluate(answers, context or make_context(**overrides))


def evaluate_change(answers: dict[str, Any], previous: dict[str, Any], context: SalesContext | None = None) -> Outcome:
    """Evaluate answers that change a stored log (`previous`: its answers before the change)."""
    return evaluator("sales-2026").evaluate(answers, context or make_context(), previous)
