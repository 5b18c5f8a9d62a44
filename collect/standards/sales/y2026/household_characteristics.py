"""Household characteristics (sales 2026/27): pages, checks and derivations (sales-2026.md)."""

from __future__ import annotations

from collect.rulebook import Check, Derivation, Page, Subsection
from collect.standards.sales.y2026.common import SETUP_DONE

PAGES: tuple[Page, ...] = ()
SUBSECTION = Subsection("household_characteristics", "Household characteristics", PAGES, enabled_when=SETUP_DONE)
DERIVATIONS: tuple[Derivation, ...] = ()
CHECKS: tuple[Check, ...] = ()
