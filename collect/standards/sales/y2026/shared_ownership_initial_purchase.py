"""Shared ownership - initial purchase (sales 2026/27): pages, checks and derivations (sales-2026.md)."""

from __future__ import annotations

from collect.rulebook import Check, Derivation, F, Page, Subsection
from collect.standards.sales.y2026.common import SETUP_DONE, SHARED_OWNERSHIP

PAGES: tuple[Page, ...] = ()
SUBSECTION = Subsection(
    "shared_ownership_initial_purchase",
    "Shared ownership - initial purchase",
    PAGES,
    enabled_when=SHARED_OWNERSHIP & SETUP_DONE & (F("staircase") == 2),
    listed_when=(F("staircase") == 2) & F("ownershipsch").one_of(None, 1),
)
DERIVATIONS: tuple[Derivation, ...] = ()
CHECKS: tuple[Check, ...] = ()
