"""Shared ownership - staircasing transaction (sales 2026/27): pages, checks and derivations (sales-2026.md)."""

from __future__ import annotations

from collect.rulebook import Check, Derivation, F, Page, Subsection
from collect.standards.sales.y2026.common import SETUP_DONE, SHARED_OWNERSHIP, STAIRCASING

PAGES: tuple[Page, ...] = ()
SUBSECTION = Subsection(
    "shared_ownership_staircasing_transaction",
    "Shared ownership - staircasing transaction",
    PAGES,
    enabled_when=SHARED_OWNERSHIP & SETUP_DONE & STAIRCASING,
    listed_when=STAIRCASING & F("ownershipsch").one_of(None, 1),
)
DERIVATIONS: tuple[Derivation, ...] = ()
CHECKS: tuple[Check, ...] = ()
