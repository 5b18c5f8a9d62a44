"""Other household information (sales 2026/27): pages, checks and derivations (sales-2026.md)."""

from __future__ import annotations

from collect.rulebook import Check, Derivation, Page, Subsection
from collect.standards.sales.y2026.common import NOT_STAIRCASING, SETUP_DONE

PAGES: tuple[Page, ...] = ()
SUBSECTION = Subsection(
    "other_household_information",
    "Other household information",
    PAGES,
    enabled_when=SETUP_DONE & NOT_STAIRCASING,
    listed_when=NOT_STAIRCASING,
)
DERIVATIONS: tuple[Derivation, ...] = ()
CHECKS: tuple[Check, ...] = ()
