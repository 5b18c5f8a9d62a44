"""Income, benefits and savings (sales 2026/27): pages, checks and derivations (sales-2026.md §1.6, §2.7, §4.2).

Hard checks owned here: F1, F2, F3 (shared ownership income caps) and F9 (a child's income). The soft checks whose
interruption pages appear here (INCOME1_ECSTAT, INCOME1_DISCOUNTED, COMBINED_INCOME, MORTGAGE, INCOME2_ECSTAT,
INCOME2_DISCOUNTED, SAVINGS, DEPOSIT) are declared once in triggers.py; this module only shows their pages.

The subsection is not asked in a staircasing transaction (§1 table): its answers are cleared then, so the hard caps
for shared ownership only ever apply to an initial purchase.

Quirks of §7 that touch this part, decided in triggers.py where the soft checks live: #8 (the savings question names
£100,000 while Older Persons Shared Ownership allows £200,000: kept), #10 (any mortgage is over 5 times no income:
kept), #11 (4/3 of the savings in whole pounds: kept).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from collect.rulebook import Check, Derivation, F, Option, Page, Pred, Question, QuestionKind, Severity, Subsection
from collect.rulebook.conditions import Condition
from collect.rulebook.declaration import OptionKind
from collect.standards.sales.y2026 import triggers
from collect.standards.sales.y2026.common import (
    JOINT,
    NOT_JOINT_OR_UNKNOWN,
    NOT_STAIRCASING,
    SETUP_DONE,
    SHARED_OWNERSHIP,
    combined_income,
    in_london,
    number,
)
from collect.standards.sales.y2026.triggers import CHECKS_BY_ID, interruption_page

Answers = Mapping[str, Any]

# --------------------------------------------------------------------------------------------------------------------
# Questions (§2.7)

KNOWN = (Option(0, "Yes"), Option(1, "No", kind=OptionKind.DONT_KNOW))
INCOME_HINT = (
    "Provide the gross annual income (i.e. salary before tax) plus the annual amount of benefits, Universal Credit or "
    "pensions, and income from investments."
)
INCOME_MAX = 999_999


def _income_known(buyer: int) -> Question:
    return Question(
        f"income{buyer}nk",
        QuestionKind.RADIO,
        f"Do you know buyer {buyer}’s annual income?",
        f"Buyer {buyer}’s gross annual income known",
        hint=INCOME_HINT,
        number=72 + 2 * buyer,
        options=KNOWN,
    )


def _income(buyer: int) -> Question:
    return Question(
        f"income{buyer}",
        QuestionKind.NUMERIC,
        f"Buyer {buyer}’s gross annual income",
        f"Buyer {buyer}’s gross annual income",
        number=72 + 2 * buyer,
        minimum=0,
        maximum=INCOME_MAX,
        step=1,
        prefix="£",
        width=5,
        revealed_by=(f"income{buyer}nk", frozenset({0})),
    )


# "Don't know" (3) is a code of the standard (logs of earlier years, the national service's data) but the form offers
# only Yes and No, and bulk upload accepts only 1 and 2 (§5.3 fields 84, 86). Kept: a stored 3 stays valid and is
# shown in check your answers; changing the answer in the form means choosing Yes or No.
MORTGAGE_APPLICATION_OPTIONS = (
    Option(1, "Yes"),
    Option(2, "No"),
    Option(3, "Don’t know", kind=OptionKind.DONT_KNOW, divider_before=True),
)
OFFERED_MORTGAGE_APPLICATION = frozenset({1, 2})


def _income_used_for_mortgage(buyer: int) -> Question:
    return Question(
        f"inc{buyer}mort",
        QuestionKind.RADIO,
        f"Was buyer {buyer}’s income used for a mortgage application?",
        f"Buyer {buyer}’s income used for mortgage application",
        number=73 + 2 * buyer,
        options=MORTGAGE_APPLICATION_OPTIONS,
        offered_options=lambda answers, context: OFFERED_MORTGAGE_APPLICATION,
    )


income1nk, income1, inc1mort = _income_known(1), _income(1), _income_used_for_mortgage(1)
income2nk, income2, inc2mort = _income_known(2), _income(2), _income_used_for_mortgage(2)

HOUSING_BENEFIT_OPTIONS = (
    Option(2, "Housing benefit"),
    Option(3, "Universal Credit housing element"),
    Option(1, "Neither", divider_before=True),
    Option(4, "Don’t know", kind=OptionKind.DONT_KNOW),
)


def _housing_benefits(joint: bool) -> Question:
    return Question(
        "hb",
        QuestionKind.RADIO,
        f"{'Were the buyers' if joint else 'Was the buyer'} receiving any of these housing-related benefits "
        "immediately before buying this property?",
        f"Housing-related benefits {'buyers' if joint else 'buyer'} received before buying this property",
        number=78,
        options=HOUSING_BENEFIT_OPTIONS,
    )


hb_joint, hb = _housing_benefits(joint=True), _housing_benefits(joint=False)


def _savings_known(joint: bool) -> Question:
    return Question(
        "savingsnk",
        QuestionKind.RADIO,
        f"Do you know how much the {'buyers' if joint else 'buyer'} had in savings before they paid any deposit for "
        "the property?",
        f"{'Buyers’' if joint else 'Buyer’s'} total savings",
        number=79,
        options=KNOWN,
    )


SAVINGS_STEP = 10


def _savings(joint: bool) -> Question:
    return Question(
        "savings",
        QuestionKind.NUMERIC,
        "Enter their total savings to the nearest £10",
        f"{'Buyers’' if joint else 'Buyer’s'} total savings before any deposit paid",
        hint="Include any savings, investments, ISAs, premium bonds, shares, or money held in a bank or building "
        "society account.",
        number=79,
        minimum=0,
        step=SAVINGS_STEP,  # no maximum (§2.7)
        prefix="£",
        width=5,
        revealed_by=("savingsnk", frozenset({0})),
    )


savingsnk_joint, savings_joint = _savings_known(joint=True), _savings(joint=True)
savingsnk, savings = _savings_known(joint=False), _savings(joint=False)

YES_NO_DONT_KNOW = (
    Option(1, "Yes"),
    Option(2, "No"),
    Option(3, "Don’t know", kind=OptionKind.DONT_KNOW, divider_before=True),
)
prevown_joint = Question(
    "prevown",
    QuestionKind.RADIO,
    "Have any of the buyers previously owned a property?",
    "Buyers previously owned a property",
    number=80,
    options=YES_NO_DONT_KNOW,
)
prevown = Question(
    "prevown",
    QuestionKind.RADIO,
    "Has the buyer previously owned a property?",
    "Buyer previously owned a property",
    number=80,
    options=YES_NO_DONT_KNOW,
)
prevshared = Question(
    "prevshared",
    QuestionKind.RADIO,
    "Was the previous property under shared ownership?",
    "Previous property shared ownership",
    hint="For any buyer",
    number=81,
    options=YES_NO_DONT_KNOW,
)

# --------------------------------------------------------------------------------------------------------------------
# Pages (§1.6): the interruption pages follow the answer they question, as in the national form.

_INCOME1_ECSTAT = CHECKS_BY_ID["INCOME1_ECSTAT"]
_INCOME2_ECSTAT = CHECKS_BY_ID["INCOME2_ECSTAT"]
_INCOME1_DISCOUNTED = CHECKS_BY_ID["INCOME1_DISCOUNTED"]
_INCOME2_DISCOUNTED = CHECKS_BY_ID["INCOME2_DISCOUNTED"]
_COMBINED_INCOME = CHECKS_BY_ID["COMBINED_INCOME"]
_MORTGAGE = CHECKS_BY_ID["MORTGAGE"]
_SAVINGS = CHECKS_BY_ID["SAVINGS"]
_DEPOSIT = CHECKS_BY_ID["DEPOSIT"]

PAGES: tuple[Page, ...] = (
    Page("buyer_1_income", (income1nk, income1)),
    interruption_page("buyer_1_income_ecstat_value_check", _INCOME1_ECSTAT),
    interruption_page("buyer_1_income_discounted_max_value_check", _INCOME1_DISCOUNTED),
    interruption_page("buyer_1_combined_income_max_value_check", _COMBINED_INCOME),
    interruption_page("buyer_1_income_mortgage_value_check", _MORTGAGE),
    Page("buyer_1_mortgage", (inc1mort,)),
    interruption_page("buyer_1_mortgage_value_check", _MORTGAGE),
    Page("buyer_2_income", (income2nk, income2), shown_when=JOINT),
    interruption_page("buyer_2_income_mortgage_value_check", _MORTGAGE, when=JOINT),
    interruption_page("buyer_2_income_ecstat_value_check", _INCOME2_ECSTAT),
    interruption_page("buyer_2_income_discounted_max_value_check", _INCOME2_DISCOUNTED),
    interruption_page("buyer_2_combined_income_max_value_check", _COMBINED_INCOME),
    Page("buyer_2_mortgage", (inc2mort,), shown_when=JOINT),
    interruption_page("buyer_2_mortgage_value_check", _MORTGAGE, when=JOINT),
    Page("housing_benefits_joint_purchase", (hb_joint,), shown_when=JOINT),
    Page("housing_benefits_not_joint_purchase", (hb,), shown_when=NOT_JOINT_OR_UNKNOWN),
    Page("savings_joint_purchase", (savingsnk_joint, savings_joint), shown_when=JOINT),
    Page("savings", (savingsnk, savings), shown_when=NOT_JOINT_OR_UNKNOWN),
    interruption_page("savings_joint_purchase_value_check", _SAVINGS, when=JOINT),
    interruption_page("savings_value_check", _SAVINGS, when=NOT_JOINT_OR_UNKNOWN),
    interruption_page("savings_deposit_joint_purchase_value_check", _DEPOSIT, when=JOINT),
    interruption_page("savings_deposit_value_check", _DEPOSIT, when=NOT_JOINT_OR_UNKNOWN),
    Page("previous_ownership_joint_purchase", (prevown_joint,), shown_when=JOINT),
    Page("previous_ownership_not_joint_purchase", (prevown,), shown_when=NOT_JOINT_OR_UNKNOWN),
    Page("previous_shared", (prevshared,), shown_when=F("prevown") == 1),
)
SUBSECTION = Subsection(
    "income_benefits_and_savings",
    "Income, benefits and savings",
    PAGES,
    enabled_when=SETUP_DONE & NOT_STAIRCASING,
    listed_when=NOT_STAIRCASING,
)

# --------------------------------------------------------------------------------------------------------------------
# Hard checks (§4.2 F1, F2, F3, F9)


def _income_outside_cap(buyer: int) -> Condition:
    """F1/F2: in a shared ownership sale, buyer N's income is below £0 or over the cap for the property's area."""

    def test(answers: Answers, context: Any) -> bool:
        income, limit = number(answers, f"income{buyer}"), triggers.income_limit(answers)
        return income is not None and limit is not None and not 0 <= income <= limit

    return SHARED_OWNERSHIP & Pred(
        f"buyer {buyer}'s income is not between £0 and £90,000 in London or £80,000 elsewhere",
        test,
        reads=(f"income{buyer}", "la"),
    )


def _combined_over_cap(answers: Answers, context: Any) -> bool:
    if number(answers, "income1") is None or number(answers, "income2") is None:
        return False
    limit = triggers.income_limit(answers)
    return limit is not None and combined_income(answers) > limit


COMBINED_INCOME_OVER_CAP = SHARED_OWNERSHIP & Pred(
    "both incomes are given and together are over £90,000 in London or £80,000 elsewhere",
    _combined_over_cap,
    reads=("income1", "income2", "la"),
)


def _income_cap_message(answers: Answers, context: Any) -> str:
    if in_london(answers):
        return "Income must be between £0 and £90,000 for properties within a London local authority."
    return "Income must be between £0 and £80,000 for properties in a non-London local authority."


_income_cap_message.__doc__ = (
    "Income must be between £0 and £90,000 for properties within a London local authority. / "
    "Income must be between £0 and £80,000 for properties in a non-London local authority."
)


def _combined_cap_message(answers: Answers, context: Any) -> str:
    if in_london(answers):
        return "Combined income must be £90,000 or lower for properties within a London local authority."
    return "Combined income must be £80,000 or lower for properties outside London local authorities."


_combined_cap_message.__doc__ = (
    "Combined income must be £90,000 or lower for properties within a London local authority. / "
    "Combined income must be £80,000 or lower for properties outside London local authorities."
)


def _on(fields: tuple[str, ...], message: Callable[[Answers, Any], str] | str) -> dict[str, Any]:
    return dict.fromkeys(fields, message)


CHILD = 9
CHILD_WITH_INCOME = (F("income2") > 0) & (F("ecstat2") == CHILD)

CHECKS: tuple[Check, ...] = (
    Check(
        "F1",
        Severity.HARD,
        _income_outside_cap(1),
        _on(("income1", "ownershipsch", "uprn", "la", "postcode_full", "uprn_selection"), _income_cap_message),
        description="Shared ownership: buyer 1's income must be between £0 and £90,000 for a property in London, "
        "£80,000 elsewhere (no check while the local authority is not known).",
    ),
    Check(
        "F2",
        Severity.HARD,
        _income_outside_cap(2),
        _on(("income2", "ownershipsch", "uprn", "la", "postcode_full", "uprn_selection"), _income_cap_message),
        description="Shared ownership: buyer 2's income must be between £0 and £90,000 for a property in London, "
        "£80,000 elsewhere (no check while the local authority is not known).",
    ),
    Check(
        "F3",
        Severity.HARD,
        COMBINED_INCOME_OVER_CAP,
        _on(("income1", "income2", "ownershipsch", "uprn", "la", "postcode_full"), _combined_cap_message),
        description="Shared ownership: the buyers' combined income must be £90,000 or lower for a property in "
        "London, £80,000 elsewhere (both incomes given, local authority known).",
    ),
    Check(
        "F9",
        Severity.HARD,
        CHILD_WITH_INCOME,
        _on(("ecstat2", "income2"), "Child’s income must be £0."),
        description="Buyer 2's working situation is child under 16 but their income is more than £0.",
    ),
)
DERIVATIONS: tuple[Derivation, ...] = ()
