"""Pieces the 2026/27 lettings subsections share: option lists, conditions, money helpers, interruption questions."""

from __future__ import annotations

from collections.abc import Mapping, MutableMapping
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from collect.rulebook import Derivation, F, Option, Question, QuestionKind
from collect.rulebook.conditions import Condition
from collect.standards.lettings.context import LettingsContext

START_YEAR = 2026
PERSONS = tuple(range(2, 9))  # household members 2 to 8 have their own questions
ALL_PERSONS = tuple(range(1, 9))

YES_NO = (Option(1, "Yes"), Option(0, "No"))
CONFIRM = (Option(0, "Yes"), Option(1, "No"))

# Every page outside Setup needs the setup subsection done (lettings-2026.md §7.3); the engine sets this flag.
SETUP_DONE_FLAG = "setup_done"
SETUP_DONE: Condition = F(SETUP_DONE_FLAG).is_true()
# "renewal != 1": an unanswered renewal counts as not a renewal (§0).
NOT_RENEWAL: Condition = F("renewal") != 1
RENEWAL: Condition = F("renewal") == 1
GENERAL_NEEDS: Condition = F("needstype") == 1
SUPPORTED_HOUSING: Condition = F("needstype") == 2

# Weeks in a year for each rent period code (§4.2).
WEEKS_IN_PERIOD: Mapping[int, int] = {1: 52, 2: 26, 3: 13, 4: 12, 5: 50, 6: 49, 7: 48, 8: 47, 9: 46, 10: 53, 11: 51}
LOCAL_AUTHORITY, PRIVATE_REGISTERED_PROVIDER = 1, 2


def ctx(context: Any) -> LettingsContext:
    """The context of a lettings evaluation (the engine passes it untyped)."""
    if not isinstance(context, LettingsContext):
        raise TypeError("lettings rules need a LettingsContext")
    return context


def money(value: Any) -> Decimal | None:
    """A money answer as a Decimal, or None."""
    if value is None or isinstance(value, bool):
        return None
    try:
        return Decimal(str(value))
    except ArithmeticError:
        return None


def weekly(value: Any, period: Any) -> Decimal | None:
    """An amount paid every `period` as a weekly amount to the penny: value / 52 * weeks (§4.2)."""
    amount = money(value)
    weeks = WEEKS_IN_PERIOD.get(period) if isinstance(period, int) else None
    if amount is None or weeks is None:
        return None
    return (amount * weeks / 52).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def interruption(question_id: str, text: str = "Are you sure this is correct?", hint: str = "") -> Question:
    """The confirmation question of a soft check's interruption screen: 0 yes (confirmed), 1 no (go back)."""
    return Question(question_id, QuestionKind.INTERRUPTION, text, hint=hint, options=CONFIRM)


def checkbox_zeros(question: Question) -> Derivation:
    """§4.2 "for each checkbox question: if any option == 1, set every nil option to 0", for one question."""
    keys = question.answer_ids

    def apply(answers: MutableMapping[str, Any], context: Any, previous: Mapping[str, Any] | None) -> None:
        if any(answers.get(key) == 1 for key in keys):
            for key in keys:
                if answers.get(key) is None:
                    answers[key] = 0

    return Derivation(
        f"{question.id}_zeros",
        f"When any option of {question.id} is ticked, its options left blank are recorded as 0 (not ticked)",
        keys,
        keys,
        apply,
    )


def provider_type(context: Any) -> int | None:
    """The owning organisation's provider type (1 local authority, 2 private registered provider)."""
    owner = ctx(context).owning_organisation
    return owner.provider_type if owner else None
