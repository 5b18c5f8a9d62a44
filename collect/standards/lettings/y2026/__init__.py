"""The 2026/27 lettings log, declared once (lettings-2026.md): every channel and document is driven by it."""

from __future__ import annotations

from collect.rulebook import CollectionYear, F, Section
from collect.standards.lettings.y2026 import (
    household_characteristics,
    household_needs,
    household_situation,
    income_and_benefits,
    property_information,
    setup,
    tenancy_information,
)
from collect.standards.lettings.y2026.bulk_template import TEMPLATE
from collect.standards.lettings.y2026.downloads import DOWNLOADS
from collect.standards.lettings.y2026.tables import TABLES

_MODULES = (
    setup,
    property_information,
    tenancy_information,
    household_characteristics,
    household_needs,
    household_situation,
    income_and_benefits,
)

LETTINGS_2026 = CollectionYear(
    id="lettings-2026",
    kind="lettings",
    start_year=2026,
    label="Lettings 2026 to 2027",
    sections=(
        Section("setup", "Before you start", (setup.SUBSECTION,)),
        Section(
            "tenancy_and_property",
            "Property and tenancy information",
            (property_information.SUBSECTION, tenancy_information.SUBSECTION),
        ),
        Section(
            "household",
            "About the household",
            (household_characteristics.SUBSECTION, household_needs.SUBSECTION, household_situation.SUBSECTION),
        ),
        Section("rent_and_charges", "Finances", (income_and_benefits.SUBSECTION,)),
    ),
    derivations=tuple(d for m in _MODULES for d in m.DERIVATIONS),
    checks=tuple(c for m in _MODULES for c in m.CHECKS),
    # platform.md §4.4, as from 2026: the sex registered at birth instead of sex, the address for every needs type,
    # and no location (chcharge is not collected in 2026, so it is not compared).
    duplicate_fields=(
        "owning_organisation_id",
        "tenancycode",
        "startdate",
        "age1_known",
        "age1",
        "sexrab1",
        "ecstat1",
        "tcharge",
        "household_charge",
        "postcode_full",
        "address_line1",
        "uprn",
    ),
    duplicate_when=(
        F("startdate").answered()
        & F("sexrab1").answered()
        & F("ecstat1").answered()
        & F("needstype").answered()
        & (F("age1").answered() | (F("age1_known") == 1))
        & (F("tcharge").answered() | (F("household_charge") == 1))
    ),
    bulk_template=TEMPLATE,
    downloads=DOWNLOADS,
    tables=TABLES,
)
