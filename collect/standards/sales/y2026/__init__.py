"""The 2026/27 sales log, declared once (sales-2026.md): every channel and document is driven by it.

The outright sale route (ownershipsch 3) is closed from 2025, so its subsection is not declared (§1.10).
"""

from __future__ import annotations

from collect.rulebook import CollectionYear, F, Section
from collect.standards.sales.y2026 import (
    bulk_template,
    discounted_ownership,
    downloads,
    household_characteristics,
    household_situation,
    income_benefits_and_savings,
    other_household_information,
    property_information,
    sale_information,
    setup,
    shared_ownership_initial_purchase,
    shared_ownership_staircasing,
    tables,
    triggers,
)

_MODULES = (
    setup,
    property_information,
    household_characteristics,
    household_situation,
    other_household_information,
    income_benefits_and_savings,
    shared_ownership_initial_purchase,
    shared_ownership_staircasing,
    discounted_ownership,
    sale_information,  # derivations and checks shared by the three sale information subsections (no pages)
)

SALES_2026 = CollectionYear(
    id="sales-2026",
    kind="sales",
    start_year=2026,
    label="Sales 2026 to 2027",
    sections=(
        Section("setup", "Before you start", (setup.SUBSECTION,)),
        Section("property_information", "Property information", (property_information.SUBSECTION,)),
        Section(
            "household",
            "About the household",
            (
                household_characteristics.SUBSECTION,
                household_situation.SUBSECTION,
                other_household_information.SUBSECTION,
            ),
        ),
        Section("finances", "Finances", (income_benefits_and_savings.SUBSECTION,)),
        Section(
            "sale_information",
            "Sale information",
            (
                shared_ownership_initial_purchase.SUBSECTION,
                shared_ownership_staircasing.SUBSECTION,
                discounted_ownership.SUBSECTION,
            ),
        ),
    ),
    derivations=tuple(d for m in _MODULES for d in m.DERIVATIONS),
    checks=(*(c for m in _MODULES for c in m.CHECKS), *triggers.SOFT_CHECKS),
    # platform.md §4.4, as from 2026: the sex registered at birth instead of sex; the working situation is compared
    # but not required (it is not asked in a staircasing transaction).
    duplicate_fields=(
        "owning_organisation_id",
        "purchid",
        "saledate",
        "age1_known",
        "age1",
        "sexrab1",
        "ecstat1",
        "postcode_full",
        "uprn",
        "address_line1",
    ),
    duplicate_when=(
        F("saledate").answered()
        & F("sexrab1").answered()
        & ((F("postcode_full").answered() & F("address_line1").answered()) | F("uprn").answered())
        & (F("age1").answered() | F("age1_known").one_of(1, 2))
    ),
    bulk_template=bulk_template.TEMPLATE,
    downloads=downloads.DOWNLOADS,
    tables=tables.TABLES,
)
