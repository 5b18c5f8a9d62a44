"""Discounted ownership scheme (sales 2026/27): pages, checks and derivations (sales-2026.md)."""

from __future__ import annotations

from collect.rulebook import Check, Derivation, F, Page, Subsection
from collect.standards.sales.y2026.common import DISCOUNTED_OWNERSHIP, SETUP_DONE

PAGES: tuple[Page, ...] = ()
SUBSECTION = Subsection(
    "discounted_ownership_scheme",
    "Discounted ownership scheme",
    PAGES,
    enabled_when=DISCOUNTED_OWNERSHIP & SETUP_DONE,
    listed_when=F("ownershipsch").one_of(None, 2),
)
DERIVATIONS: tuple[Derivation, ...] = ()
CHECKS: tuple[Check, ...] = ()
