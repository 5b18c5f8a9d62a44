"""Income, benefits and savings (sales 2026/27): case tables and the rules worth a closer look (sales-2026.md §1.6)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from collect.rulebook import Status
from collect.rulebook.conditions import predicates
from collect.rulebook.declaration import OptionKind
from collect.standards.sales.y2026 import SALES_2026, income_benefits_and_savings
from tests.standards.lettings.test_declared_reads import Recording
from tests.standards.sales.support import (
    JOINT,
    SETUP_DISCOUNTED,
    SETUP_SHARED,
    SETUP_STAIRCASING,
    CheckCase,
    PageCase,
    evaluate,
    make_context,
)

LEEDS, WESTMINSTER = "E08000035", "E09000033"


def income(buyer: int, amount: Any) -> dict[str, Any]:
    """Buyer N's income, known."""
    return {f"income{buyer}nk": 0, f"income{buyer}": amount}


def shared(**answers: Any) -> dict[str, Any]:
    """A shared ownership initial purchase in Leeds by one buyer."""
    return {**SETUP_SHARED, "la": LEEDS, **answers}


def shared_joint(**answers: Any) -> dict[str, Any]:
    """A shared ownership initial purchase in Leeds by two buyers."""
    return {**SETUP_SHARED, **JOINT, "la": LEEDS, **answers}


def discounted(**answers: Any) -> dict[str, Any]:
    """A Right to Buy sale in Leeds by one buyer."""
    return {**SETUP_DISCOUNTED, "la": LEEDS, **answers}


def discounted_joint(**answers: Any) -> dict[str, Any]:
    """A Right to Buy sale in Leeds by two buyers."""
    return {**SETUP_DISCOUNTED, **JOINT, "la": LEEDS, **answers}


# An initial purchase of half of a £200,000 home with an £80,000 mortgage and a £20,000 deposit (the sale information
# pages' answers: value, equity, mortgageused, mortgage, deposit; the shares add up, so I12 holds).
PURCHASE: dict[str, Any] = {"value": 200_000, "equity": 50, "mortgageused": 1, "mortgage": 80_000, "deposit": 20_000}


def mortgage(**answers: Any) -> dict[str, Any]:
    """A shared ownership purchase with a mortgage of £80,000."""
    return shared(**PURCHASE, **answers)


CHECK_CASES: dict[str, list[CheckCase]] = {
    "F1": [
        CheckCase(shared(**income(1, 80_001)), triggers=True),
        CheckCase(shared(**income(1, 90_001), la=WESTMINSTER), triggers=True, note="London"),
        CheckCase(shared(**income(1, -5)), triggers=True, note="below £0"),
        CheckCase(shared(**income(1, 80_000)), triggers=False, note="at the cap"),
        CheckCase(shared(**income(1, 90_000), la=WESTMINSTER), triggers=False, note="London, at the cap"),
        CheckCase(shared(**income(1, 85_000), la=None), triggers=False, note="local authority not known"),
        CheckCase(discounted(**income(1, 85_000)), triggers=False, note="discounted: a soft check instead"),
    ],
    "F2": [
        CheckCase(shared_joint(**income(1, 10_000), **income(2, 80_001)), triggers=True),
        CheckCase(shared_joint(**income(2, 90_001), la=WESTMINSTER), triggers=True, note="London"),
        CheckCase(shared_joint(**income(2, 80_000)), triggers=False),
        CheckCase(shared(**income(2, 85_000)), triggers=False, note="one buyer: buyer 2's income is cleared"),
    ],
    "F3": [
        CheckCase(shared_joint(**income(1, 50_000), **income(2, 30_001)), triggers=True),
        CheckCase(shared_joint(**income(1, 50_000), **income(2, 40_001), la=WESTMINSTER), triggers=True),
        CheckCase(shared_joint(**income(1, 50_000), **income(2, 30_000)), triggers=False, note="at the cap"),
        CheckCase(shared_joint(**income(1, 50_000), **income(2, 40_000), la=WESTMINSTER), triggers=False),
        CheckCase(shared_joint(**income(1, 50_000), income2nk=1), triggers=False, note="one income only"),
        CheckCase(discounted_joint(**income(1, 50_000), **income(2, 40_000)), triggers=False),
    ],
    "F9": [
        CheckCase(shared_joint(ecstat2=9, **income(2, 100)), triggers=True),
        CheckCase(shared_joint(ecstat2=9, **income(2, 0)), triggers=False),
        CheckCase(shared_joint(ecstat2=1, **income(2, 100)), triggers=False),
    ],
    "INCOME1_ECSTAT": [
        CheckCase(shared(ecstat1=1, **income(1, 13_399)), triggers=True, note="full time, under £13,400"),
        CheckCase(discounted(ecstat1=2, **income(1, 80_001)), triggers=True, note="part time, over £80,000"),
        CheckCase(shared(ecstat1=1, **income(1, 13_400)), triggers=False),
        CheckCase(shared(ecstat1=10, **income(1, 0)), triggers=False, note="prefers not to say: no range"),
        CheckCase(shared(ecstat1=1, income1nk=1), triggers=False, note="income not known"),
        CheckCase(shared(ecstat1=1, income1_value_check=0, **income(1, 5_000)), triggers=False, note="confirmed"),
    ],
    "INCOME2_ECSTAT": [
        CheckCase(shared_joint(ecstat2=4, **income(2, 23_401)), triggers=True, note="jobseeker"),
        CheckCase(shared_joint(ecstat2=0, **income(2, 519)), triggers=True, note="other, under £520"),
        CheckCase(shared_joint(ecstat2=4, **income(2, 23_400)), triggers=False),
        CheckCase(shared_joint(ecstat2=0, **income(2, 520)), triggers=False),
    ],
    "INCOME1_DISCOUNTED": [
        CheckCase(discounted(**income(1, 80_001)), triggers=True),
        CheckCase(discounted(**income(1, 90_001), la=WESTMINSTER), triggers=True),
        CheckCase(discounted(**income(1, 80_000)), triggers=False),
        CheckCase(discounted(**income(1, 90_000), la=WESTMINSTER), triggers=False),
        CheckCase(discounted(**income(1, 90_000), la=None), triggers=False, note="local authority not known"),
    ],
    "INCOME2_DISCOUNTED": [
        CheckCase(discounted_joint(**income(1, 1_000), **income(2, 80_001)), triggers=True),
        CheckCase(discounted_joint(**income(2, 90_000), la=WESTMINSTER), triggers=False),
        CheckCase(shared_joint(**income(2, 85_000)), triggers=False, note="shared ownership: F2 instead"),
    ],
    "COMBINED_INCOME": [
        CheckCase(discounted_joint(**income(1, 50_000), **income(2, 30_001)), triggers=True),
        CheckCase(discounted_joint(**income(1, 50_000), **income(2, 40_001), la=WESTMINSTER), triggers=True),
        CheckCase(discounted_joint(**income(1, 50_000), **income(2, 30_000)), triggers=False),
        CheckCase(discounted_joint(**income(1, 85_000), income2nk=1), triggers=False, note="one income only"),
    ],
    "MORTGAGE": [
        CheckCase(mortgage(inc1mort=1, **income(1, 15_999)), triggers=True, note="£80,000 is over 5 times £15,999"),
        CheckCase(mortgage(inc1mort=2, **income(1, 50_000)), triggers=True, note="no income used (quirk §7 #10)"),
        CheckCase(
            shared_joint(**PURCHASE, inc1mort=1, inc2mort=1, **income(1, 8_000), **income(2, 7_999)),
            triggers=True,
            note="joint: over 5 times £15,999",
        ),
        CheckCase(mortgage(inc1mort=1, **income(1, 16_000)), triggers=False, note="exactly 5 times"),
        CheckCase(mortgage(inc1mort=1, income1nk=1), triggers=False, note="income used but not known"),
        CheckCase(
            shared_joint(**PURCHASE, inc1mort=2, **income(1, 8_000)),
            triggers=False,
            note="joint: buyer 2's answer not yet given",
        ),
        CheckCase(mortgage(inc1mort=2, mortgage_value_check=0, **income(1, 50_000)), triggers=False, note="confirmed"),
    ],
    "SAVINGS": [
        CheckCase(shared(savingsnk=0, savings=100_010), triggers=True),
        CheckCase(shared_joint(savingsnk=0, savings=100_010), triggers=True, note="joint"),
        CheckCase(shared(type=24, savingsnk=0, savings=200_010), triggers=True, note="Older Persons Shared Ownership"),
        CheckCase(shared(savingsnk=0, savings=100_000), triggers=False),
        CheckCase(shared(type=24, savingsnk=0, savings=200_000), triggers=False, note="OPSO, at £200,000"),
        CheckCase(shared(savingsnk=1), triggers=False),
    ],
    "DEPOSIT": [
        CheckCase(shared(**PURCHASE, savingsnk=0, savings=14_990), triggers=True, note="4/3 of £14,990 is £19,986"),
        CheckCase(shared_joint(**PURCHASE, savingsnk=0, savings=10_000), triggers=True, note="joint"),
        CheckCase(shared(**PURCHASE, savingsnk=0, savings=15_000), triggers=False, note="4/3 of £15,000 is £20,000"),
        CheckCase(
            shared(**{**PURCHASE, "mortgageused": 2, "mortgage": None, "deposit": 100_000}, savingsnk=0, savings=10),
            triggers=False,
            note="no mortgage used",
        ),
        CheckCase(shared(**PURCHASE, savingsnk=1), triggers=False, note="savings not known"),
    ],
}

DERIVATION_CASES: dict[str, list[Any]] = {}

# Pages with a display condition: a case where each is shown and one where it is not.
PAGE_CASES: dict[str, list[PageCase]] = {
    "buyer_1_income_ecstat_value_check": [
        PageCase(shared(ecstat1=1, **income(1, 5_000)), shown=True),
        PageCase(shared(ecstat1=1, **income(1, 30_000)), shown=False),
    ],
    "buyer_1_income_discounted_max_value_check": [
        PageCase(discounted(**income(1, 85_000)), shown=True),
        PageCase(discounted(**income(1, 75_000)), shown=False),
    ],
    "buyer_1_combined_income_max_value_check": [
        PageCase(discounted_joint(**income(1, 50_000), **income(2, 40_000)), shown=True),
        PageCase(discounted_joint(**income(1, 30_000), **income(2, 40_000)), shown=False),
    ],
    "buyer_1_income_mortgage_value_check": [
        PageCase(mortgage(inc1mort=1, **income(1, 10_000)), shown=True),
        PageCase(mortgage(inc1mort=1, **income(1, 20_000)), shown=False),
    ],
    "buyer_1_mortgage_value_check": [
        PageCase(mortgage(inc1mort=2, **income(1, 20_000)), shown=True),
        PageCase(mortgage(inc1mort=1, **income(1, 20_000)), shown=False),
    ],
    "buyer_2_income": [
        PageCase(shared_joint(), shown=True),
        PageCase(shared(), shown=False),
    ],
    "buyer_2_income_mortgage_value_check": [
        PageCase(shared_joint(**PURCHASE, inc1mort=2, inc2mort=2), shown=True),
        PageCase(mortgage(inc1mort=2), shown=False),
    ],
    "buyer_2_income_ecstat_value_check": [
        PageCase(shared_joint(ecstat2=1, **income(2, 5_000)), shown=True),
        PageCase(shared_joint(ecstat2=1, **income(2, 50_000)), shown=False),
    ],
    "buyer_2_income_discounted_max_value_check": [
        PageCase(discounted_joint(**income(2, 85_000)), shown=True),
        PageCase(discounted_joint(**income(2, 75_000)), shown=False),
    ],
    "buyer_2_combined_income_max_value_check": [
        PageCase(discounted_joint(**income(1, 50_000), **income(2, 40_000)), shown=True),
        PageCase(discounted_joint(**income(1, 50_000), income2nk=1), shown=False),
    ],
    "buyer_2_mortgage": [
        PageCase(shared_joint(), shown=True),
        PageCase(shared(), shown=False),
    ],
    "buyer_2_mortgage_value_check": [
        PageCase(shared_joint(**PURCHASE, inc1mort=2, inc2mort=2), shown=True),
        PageCase(shared_joint(**PURCHASE, inc1mort=1, inc2mort=2, **income(1, 20_000)), shown=False),
    ],
    "housing_benefits_joint_purchase": [
        PageCase(shared_joint(), shown=True),
        PageCase(shared(), shown=False),
    ],
    "housing_benefits_not_joint_purchase": [
        PageCase(shared(), shown=True),
        PageCase(discounted_joint(), shown=False),
    ],
    "savings_joint_purchase": [
        PageCase(discounted_joint(), shown=True),
        PageCase(discounted(), shown=False),
    ],
    "savings": [
        PageCase(discounted(), shown=True),
        PageCase(shared_joint(), shown=False),
    ],
    "savings_joint_purchase_value_check": [
        PageCase(shared_joint(savingsnk=0, savings=150_000), shown=True),
        PageCase(shared(savingsnk=0, savings=150_000), shown=False),
    ],
    "savings_value_check": [
        PageCase(shared(savingsnk=0, savings=150_000), shown=True),
        PageCase(shared_joint(savingsnk=0, savings=150_000), shown=False),
        PageCase(shared(type=24, savingsnk=0, savings=150_000), shown=False),
    ],
    "savings_deposit_joint_purchase_value_check": [
        PageCase(shared_joint(**PURCHASE, savingsnk=0, savings=10_000), shown=True),
        PageCase(shared(**PURCHASE, savingsnk=0, savings=10_000), shown=False),
    ],
    "savings_deposit_value_check": [
        PageCase(shared(**PURCHASE, savingsnk=0, savings=10_000), shown=True),
        PageCase(shared_joint(**PURCHASE, savingsnk=0, savings=10_000), shown=False),
        PageCase(shared(**PURCHASE, savingsnk=0, savings=20_000), shown=False),
    ],
    "previous_ownership_joint_purchase": [
        PageCase(shared_joint(), shown=True),
        PageCase(shared(), shown=False),
    ],
    "previous_ownership_not_joint_purchase": [
        PageCase(shared(), shown=True),
        PageCase(shared_joint(), shown=False),
    ],
    "previous_shared": [
        PageCase(shared(prevown=1), shown=True),
        PageCase(shared(prevown=3), shown=False),
    ],
}


def _issues(outcome: Any, check_id: str) -> dict[str, str]:
    return {i.field: i.message for i in outcome.errors + outcome.warnings if i.check_id == check_id}


def test_case_tables_hold():
    for check_id, cases in CHECK_CASES.items():
        for case in cases:
            outcome = evaluate(case.answers, make_context(**case.context))
            fired = {i.check_id for i in outcome.errors + outcome.warnings}
            assert (check_id in fired) == case.triggers, f"{check_id} {case.note}"
    for page_id, page_cases in PAGE_CASES.items():
        for page_case in page_cases:
            assert (page_id in evaluate(page_case.answers).routed_pages) == page_case.shown, page_id


def test_every_check_and_conditional_page_of_the_subsection_has_cases():
    own = {c.id for c in income_benefits_and_savings.CHECKS}
    soft = {"INCOME1_ECSTAT", "INCOME2_ECSTAT", "INCOME1_DISCOUNTED", "INCOME2_DISCOUNTED", "COMBINED_INCOME"}
    assert own | soft | {"MORTGAGE", "SAVINGS", "DEPOSIT"} == set(CHECK_CASES)
    for check_id, cases in CHECK_CASES.items():
        assert {c.triggers for c in cases} == {True, False}, check_id
    conditional = {p.id for p in income_benefits_and_savings.PAGES if str(p.shown_when) != "always"}
    assert conditional == set(PAGE_CASES)
    for page_id, page_cases in PAGE_CASES.items():
        assert {c.shown for c in page_cases} == {True, False}, page_id


def test_pages_are_declared_in_the_standards_order():
    assert [p.id for p in income_benefits_and_savings.PAGES] == [
        "buyer_1_income",
        "buyer_1_income_ecstat_value_check",
        "buyer_1_income_discounted_max_value_check",
        "buyer_1_combined_income_max_value_check",
        "buyer_1_income_mortgage_value_check",
        "buyer_1_mortgage",
        "buyer_1_mortgage_value_check",
        "buyer_2_income",
        "buyer_2_income_mortgage_value_check",
        "buyer_2_income_ecstat_value_check",
        "buyer_2_income_discounted_max_value_check",
        "buyer_2_combined_income_max_value_check",
        "buyer_2_mortgage",
        "buyer_2_mortgage_value_check",
        "housing_benefits_joint_purchase",
        "housing_benefits_not_joint_purchase",
        "savings_joint_purchase",
        "savings",
        "savings_joint_purchase_value_check",
        "savings_value_check",
        "savings_deposit_joint_purchase_value_check",
        "savings_deposit_value_check",
        "previous_ownership_joint_purchase",
        "previous_ownership_not_joint_purchase",
        "previous_shared",
    ]


def test_interruption_pages_confirm_their_soft_checks():
    confirms = {p.id: p.confirms for p in income_benefits_and_savings.PAGES if p.confirms}
    assert confirms == {
        "buyer_1_income_ecstat_value_check": "INCOME1_ECSTAT",
        "buyer_1_income_discounted_max_value_check": "INCOME1_DISCOUNTED",
        "buyer_1_combined_income_max_value_check": "COMBINED_INCOME",
        "buyer_1_income_mortgage_value_check": "MORTGAGE",
        "buyer_1_mortgage_value_check": "MORTGAGE",
        "buyer_2_income_mortgage_value_check": "MORTGAGE",
        "buyer_2_income_ecstat_value_check": "INCOME2_ECSTAT",
        "buyer_2_income_discounted_max_value_check": "INCOME2_DISCOUNTED",
        "buyer_2_combined_income_max_value_check": "COMBINED_INCOME",
        "buyer_2_mortgage_value_check": "MORTGAGE",
        "savings_joint_purchase_value_check": "SAVINGS",
        "savings_value_check": "SAVINGS",
        "savings_deposit_joint_purchase_value_check": "DEPOSIT",
        "savings_deposit_value_check": "DEPOSIT",
    }


def test_questions_numbers_limits_and_special_options():
    module = income_benefits_and_savings
    assert [q.number for q in (module.income1nk, module.inc1mort, module.income2nk, module.inc2mort)] == [
        74,
        75,
        76,
        77,
    ]
    assert (module.income1.minimum, module.income1.maximum, module.income1.step, module.income1.prefix) == (
        0,
        999_999,
        1,
        "£",
    )
    assert (module.savings.minimum, module.savings.maximum, module.savings.step) == (0, None, 10)
    assert module.income1.revealed_by == ("income1nk", frozenset({0}))
    assert module.savings_joint.revealed_by == ("savingsnk", frozenset({0}))
    assert [(o.code, o.kind) for o in module.income1nk.options] == [(0, OptionKind.ANSWER), (1, OptionKind.DONT_KNOW)]
    assert [o.code for o in module.hb.options] == [2, 3, 1, 4]
    assert module.hb.options[-1].kind is OptionKind.DONT_KNOW
    assert [o.code for o in module.prevshared.options if o.kind is OptionKind.DONT_KNOW] == [3]


@pytest.mark.parametrize("question", ["inc1mort", "inc2mort"])
def test_dont_know_for_the_mortgage_application_is_valid_but_not_offered(question):
    declared = getattr(income_benefits_and_savings, question)
    assert declared.codes == {1, 2, 3}
    assert declared.offered_options is not None
    assert declared.offered_options({}, None) == {1, 2}
    outcome = evaluate(shared_joint(**{question: 3}))
    assert outcome.answers[question] == 3
    assert outcome.errors == []


def test_joint_and_single_buyer_wordings():
    module = income_benefits_and_savings
    assert module.hb_joint.text.startswith("Were the buyers receiving")
    assert module.hb.text.startswith("Was the buyer receiving")
    assert module.hb.label == "Housing-related benefits buyer received before buying this property"
    assert module.savingsnk_joint.text.startswith("Do you know how much the buyers had")
    assert module.savingsnk.text.startswith("Do you know how much the buyer had")
    assert (module.savings_joint.label, module.savings.label) == (
        "Buyers’ total savings before any deposit paid",
        "Buyer’s total savings before any deposit paid",
    )
    assert module.prevown_joint.text == "Have any of the buyers previously owned a property?"
    assert module.prevown.text == "Has the buyer previously owned a property?"


@pytest.mark.parametrize(
    ("answers", "label"),
    [
        (shared(savingsnk=0, savings=1_005), "Buyer’s total savings before any deposit paid"),
        (shared_joint(savingsnk=0, savings=1_005), "Buyers’ total savings before any deposit paid"),
    ],
)
def test_savings_are_to_the_nearest_ten_with_no_maximum(answers, label):
    assert _issues(evaluate(answers), "numeric.step.savings") == {
        "savings": f"{label} must be given to the nearest ten."
    }
    outcome = evaluate({**answers, "savings": 5_000_000})
    assert not [i for i in outcome.errors if i.field == "savings"]


def test_income_range_message():
    assert _issues(evaluate(shared(**income(1, 1_000_000))), "numeric.range.income1") == {
        "income1": "Buyer 1’s gross annual income must be between £0 and £999,999."
    }


def test_income_caps_messages_name_the_area_on_every_field():
    elsewhere = _issues(evaluate(shared(**income(1, 85_000))), "F1")
    assert set(elsewhere) == {"income1", "ownershipsch", "uprn", "la", "postcode_full", "uprn_selection"}
    assert set(elsewhere.values()) == {
        "Income must be between £0 and £80,000 for properties in a non-London local authority."
    }
    london = _issues(evaluate(shared_joint(**income(2, 95_000), la=WESTMINSTER)), "F2")
    assert set(london) == {"income2", "ownershipsch", "uprn", "la", "postcode_full", "uprn_selection"}
    assert set(london.values()) == {
        "Income must be between £0 and £90,000 for properties within a London local authority."
    }
    combined = _issues(evaluate(shared_joint(**income(1, 50_000), **income(2, 40_000))), "F3")
    assert set(combined) == {"income1", "income2", "ownershipsch", "uprn", "la", "postcode_full"}
    assert set(combined.values()) == {
        "Combined income must be £80,000 or lower for properties outside London local authorities."
    }
    combined = _issues(evaluate(shared_joint(**income(1, 50_000), **income(2, 41_000), la=WESTMINSTER)), "F3")
    assert set(combined.values()) == {
        "Combined income must be £90,000 or lower for properties within a London local authority."
    }


def test_child_income_message():
    assert _issues(evaluate(shared_joint(ecstat2=9, **income(2, 100))), "F9") == {
        "ecstat2": "Child’s income must be £0.",
        "income2": "Child’s income must be £0.",
    }


def test_soft_check_messages_say_what_was_entered():
    low = _issues(evaluate(shared(ecstat1=1, **income(1, 5_000))), "INCOME1_ECSTAT")
    assert low["income1"] == (
        "You told us the income of buyer 1 is £5,000.00. This is less than we would expect for someone in this "
        "working situation."
    )
    high = _issues(evaluate(shared_joint(ecstat2=4, **income(2, 30_000))), "INCOME2_ECSTAT")
    assert "This is more than we would expect" in high["ecstat2"]
    assert _issues(evaluate(discounted(**income(1, 85_000))), "INCOME1_DISCOUNTED")["income1"] == (
        "You told us the income of buyer 1 is £85,000.00. This seems high for this sale type. Are you sure this is "
        "correct?"
    )
    combined = _issues(evaluate(discounted_joint(**income(1, 50_000), **income(2, 40_000))), "COMBINED_INCOME")
    assert combined["income2"].startswith("You told us the combined income of this household is £90,000.00.")
    assert _issues(evaluate(mortgage(inc1mort=2)), "MORTGAGE")["mortgage"] == (
        "You told us that the mortgage amount is £80,000.00. This is more than 5 times the income, which is higher "
        "than we would expect."
    )
    assert _issues(evaluate(shared(savingsnk=0, savings=150_000)), "SAVINGS")["savings"] == (
        "You told us the buyer’s savings were £150,000.00. This is higher than we would expect."
    )
    assert _issues(evaluate(shared_joint(savingsnk=0, savings=150_000)), "SAVINGS")["savings"].startswith(
        "You told us the buyers’ savings"
    )
    assert _issues(evaluate(shared(**PURCHASE, savingsnk=0, savings=10_000)), "DEPOSIT")["deposit"] == (
        "You told us the buyer’s deposit was £20,000.00 and their savings were £10,000.00. The deposit amount is "
        "higher than we would expect for the amount of savings they have."
    )


def test_deposit_check_floors_four_thirds_of_the_savings():
    # 4/3 of £14,990 is £19,986.67, floored to £19,986 (quirk §7 #11): a deposit of £19,986.50 is over it.
    answers = shared(**{**PURCHASE, "deposit": Decimal("19986.50")}, savingsnk=0, savings=14_990)
    assert "DEPOSIT" in {i.check_id for i in evaluate(answers).warnings}


def test_a_finished_subsection_is_completed():
    answers = shared(**income(1, 30_000), ecstat1=1, inc1mort=1, hb=1, savingsnk=0, savings=5_000, prevown=2)
    assert evaluate(answers).subsections["income_benefits_and_savings"] is Status.COMPLETED
    joint = shared_joint(
        **income(1, 30_000), inc1mort=1, income2nk=1, inc2mort=2, hb=4, savingsnk=1, prevown=1, prevshared=3
    )
    outcome = evaluate(joint)
    assert outcome.subsections["income_benefits_and_savings"] is Status.COMPLETED
    assert outcome.errors == []


def test_an_unanswered_income_or_previous_share_is_missing():
    outcome = evaluate(shared(income1nk=0, inc1mort=1, hb=1, savingsnk=1, prevown=1))
    assert outcome.subsections["income_benefits_and_savings"] is Status.IN_PROGRESS
    assert set(outcome.missing["income_benefits_and_savings"]) == {"income1", "prevshared"}


def test_a_soft_check_needs_its_confirmation_which_is_cleared_when_no_longer_needed():
    answers = shared(**income(1, 30_000), ecstat1=1, inc1mort=2, hb=1, savingsnk=0, savings=150_000, prevown=2)
    outcome = evaluate(answers)
    assert outcome.missing["income_benefits_and_savings"] == ["savings_value_check"]
    assert evaluate({**answers, "savings_value_check": 0}).subsections["income_benefits_and_savings"] is (
        Status.COMPLETED
    )
    outcome = evaluate({**answers, "savings": 50_000, "savings_value_check": 0})
    assert outcome.answers.get("savings_value_check") is None


def test_staircasing_asks_no_income_and_clears_it():
    outcome = evaluate({**SETUP_STAIRCASING, "la": LEEDS, **income(1, 95_000), "hb": 1, "savingsnk": 1})
    assert "income_benefits_and_savings" not in outcome.subsections
    assert not {"income1", "income1nk", "hb", "savingsnk"} & set(outcome.answers)
    assert not [i for i in outcome.errors if i.check_id == "F1"]


def test_predicates_read_only_what_they_declare():
    module = income_benefits_and_savings
    conditions = [*(c.when for c in module.CHECKS), *(p.shown_when for p in module.PAGES)]
    found = {id(p): p for c in conditions for p in predicates(c)}
    assert len(found) >= 8
    samples = [
        shared_joint(**PURCHASE, **income(1, 50_000), **income(2, 45_000), inc1mort=1, inc2mort=1, ecstat1=1),
        discounted_joint(**income(1, 95_000), **income(2, 1), ecstat2=9, savingsnk=0, savings=300_000, type=24),
        {},
    ]
    for answers in samples:
        for predicate in found.values():
            recording = Recording(answers)
            predicate.test(recording, make_context())
            assert recording.read <= predicate.fields, predicate.description


AMOUNTS = st.one_of(
    st.none(),
    st.integers(-10, 2_000_000),
    st.decimals(-10, 2_000_000, allow_nan=False, places=2),
    st.sampled_from(["", "abc", "12,000", True, Decimal("NaN"), Decimal("Infinity")]),
)


@settings(max_examples=150, deadline=None)
@given(
    st.fixed_dictionaries(
        {
            "income1": AMOUNTS,
            "income2": AMOUNTS,
            "savings": AMOUNTS,
            "mortgage": AMOUNTS,
            "deposit": AMOUNTS,
            "inc1mort": st.sampled_from([None, 1, 2, 3, "x"]),
            "inc2mort": st.sampled_from([None, 1, 2, 3]),
            "ecstat2": st.sampled_from([None, 0, 1, 9, 10, "9"]),
            "la": st.sampled_from([None, LEEDS, WESTMINSTER, "", 5]),
        }
    ),
    st.sampled_from([SETUP_SHARED, SETUP_DISCOUNTED, {**SETUP_SHARED, **JOINT}, {**SETUP_DISCOUNTED, **JOINT}]),
)
def test_random_answers_never_raise(changes, setup):
    answers = {**setup, "income1nk": 0, "income2nk": 0, "savingsnk": 0, "mortgageused": 1, **changes}
    outcome = evaluate({k: v for k, v in answers.items() if v is not None})
    assert outcome.status in set(Status)


def test_declared_in_the_sales_collection():
    assert income_benefits_and_savings.SUBSECTION in SALES_2026.subsections
    assert {c.id for c in income_benefits_and_savings.CHECKS} <= {c.id for c in SALES_2026.checks}
