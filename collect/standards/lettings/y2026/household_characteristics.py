"""Household characteristics (lettings 2026/27): pages, checks and derivations."""

from __future__ import annotations

from collect.rulebook import Check, Derivation, Page, Subsection
from collect.standards.lettings.y2026.common import SETUP_DONE

PAGES: tuple[Page, ...] = ()
SUBSECTION = Subsection("household_characteristics", "Household characteristics", PAGES, enabled_when=SETUP_DONE)
CHECKS: tuple[Check, ...] = ()
DERIVATIONS: tuple[Derivation, ...] = ()
