"""Pieces the 2026/27 sales subsections share: option lists, route conditions, London, money and context helpers.

Conditions follow sales-2026.md §0.2: a comparison with a value is false when the answer is missing, and `!=` is
true when it is missing (so `jointpur != 1` covers "not a joint purchase, or not yet known").
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from collect.rulebook import F, Option
from collect.rulebook.conditions import Condition
from collect.standards.answers import answer_number, as_text
from collect.standards.sales.context import SalesContext

BUYERS = (1, 2)
PERSONS = tuple(range(2, 7))  # people 2 to 6 have their own questions (person 2 is buyer 2 in a joint purchase)
ALL_PERSONS = tuple(range(1, 7))
MAX_PEOPLE_WITH_DETAILS = 6

YES_NO = (Option(1, "Yes"), Option(2, "No"))

# Every subsection but Setup needs the setup subsection completed (§1, §6.3); the engine records it in this flag.
SETUP_DONE_FLAG = "setup_done"
SETUP_DONE: Condition = F(SETUP_DONE_FLAG).is_true()

# Routes and the predicates of §0.2.
SHARED_OWNERSHIP: Condition = F("ownershipsch") == 1
DISCOUNTED_OWNERSHIP: Condition = F("ownershipsch") == 2
STAIRCASING: Condition = F("staircase") == 1
NOT_STAIRCASING: Condition = F("staircase") != 1
JOINT: Condition = F("jointpur") == 1
NOT_JOINT: Condition = F("jointpur") == 2
# "not_joint or jointpur is null": any answer but a joint purchase (the pages' wording for one buyer).
NOT_JOINT_OR_UNKNOWN: Condition = F("jointpur") != 1
PRIVACY_SEEN: Condition = F("privacynotice") == 1
NOT_INTERVIEWED: Condition = F("noint") == 1  # noint: 2 = interviewed ("Yes"), 1 = not ("No")
SEEN_OR_NOT_INTERVIEWED: Condition = PRIVACY_SEEN | NOT_INTERVIEWED
RIGHT_TO_BUY_TYPES = (9, 14, 27)  # 27 (Voluntary Right to Buy) is no longer offered (§7 #14)
RIGHT_TO_BUY: Condition = F("type").one_of(*RIGHT_TO_BUY_TYPES)
RENT_TO_BUY_FULL: Condition = F("type") == 29
SOCIAL_HOMEBUY: Condition = F("type") == 18
OLDER_PERSONS_SHARED_OWNERSHIP = 24
OPSO: Condition = F("type") == OLDER_PERSONS_SHARED_OWNERSHIP
MORTGAGE_USED: Condition = F("mortgageused") == 1
STAIROWNED_100: Condition = F("stairowned") == 100
IS_BEDSIT: Condition = F("proptype") == 2

# The 33 London boroughs (E09000001 City of London … E09000033 Westminster): income and discount limits differ.
LONDON_BOROUGHS = frozenset(f"E09{n:06d}" for n in range(1, 34))


def sales_context(context: Any) -> SalesContext | None:
    """The context when it is a SalesContext, else None (rules then treat context facts as unknown)."""
    return context if isinstance(context, SalesContext) else None


def in_london(answers: Mapping[str, Any]) -> bool | None:
    """Whether the property's local authority is a London borough, or None when it is not known."""
    la = as_text(answers.get("la"))
    return None if la is None else la in LONDON_BOROUGHS


def number(answers: Mapping[str, Any], name: str) -> Decimal | None:
    """A numeric answer as a finite Decimal, or None (never raises on odd answers)."""
    return answer_number(answers.get(name))


def combined_income(answers: Mapping[str, Any]) -> Decimal:
    """Buyer 1's income plus buyer 2's, a missing one counting as 0 (§3.3)."""
    return (number(answers, "income1") or Decimal(0)) + (number(answers, "income2") or Decimal(0))
