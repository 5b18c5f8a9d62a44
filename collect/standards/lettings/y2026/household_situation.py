"""The household situation subsection of the 2026/27 lettings log (lettings-2026.md): pages, checks, derivations."""

from __future__ import annotations

from collect.rulebook import Check, Derivation, Page, Subsection
from collect.standards.lettings.y2026.common import SETUP_DONE

PAGES: tuple[Page, ...] = ()
SUBSECTION = Subsection("household_situation", "Household situation", PAGES, enabled_when=SETUP_DONE)
CHECKS: tuple[Check, ...] = ()
DERIVATIONS: tuple[Derivation, ...] = ()
