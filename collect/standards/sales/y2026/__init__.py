"""The 2026/27 sales log, declared once (sales-2026.md): every channel and document is driven by it.

The outright sale route (ownershipsch 3) is closed from 2025, so its subsection is not declared (§1.10).
"""

from __future__ import annotations

from collect.rulebook import CollectionYear, Section
from collect.standards.sales.y2026 import (
    discounted_ownership,
    household_characteristics,
    household_situation,
    income_benefits_and_savings,
    other_household_information,
    property_information,
    sale_information,
    setup,
    shared_ownership_initial_purchase,
    shared_ownership_staircasing,
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
)
