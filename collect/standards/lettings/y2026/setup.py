"""Set up this lettings log (lettings 2026/27): pages, checks and derivations."""

from __future__ import annotations

from collect.rulebook import Check, Derivation, Page, Subsection

PAGES: tuple[Page, ...] = ()
SUBSECTION = Subsection("setup", "Set up this lettings log", PAGES, done_flag="setup_done")
CHECKS: tuple[Check, ...] = ()
DERIVATIONS: tuple[Derivation, ...] = ()
