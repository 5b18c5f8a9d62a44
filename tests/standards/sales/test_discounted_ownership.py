"""The discounted ownership subsection of the 2026/27 sales declaration (sales-2026.md §1.9, §2.8, §4)."""

from __future__ import annotations

from decimal import Decimal

from collect.rulebook import Status
from collect.standards.sales.y2026.discounted_ownership import PAGES
from tests.standards.sales.support import JOINT, SETUP_DISCOUNTED, CheckCase, PageCase, evaluate

PROPERTY = {"la": "E08000035", "beds": 2, "proptype": 1}
# Right to Buy: a £200,000 flat at a 30% discount, paid with a £130,000 mortgage and a £10,000 deposit.
RIGHT_TO_BUY = {
    **SETUP_DISCOUNTED,
    **PROPERTY,
    "proplen_asked": 0,
    "proplen": 5,
    "value": 200_000,
    "discount": 30,
    "mortgageused": 1,
    "mortgage": 130_000,
    "mortlen": 25,
    "extrabor": 2,
    "deposit": 10_000,
    "has_mscharge": 0,
}
# Any other equity loan scheme: a £12,000 grant.
EQUITY_LOAN = {**RIGHT_TO_BUY, "type": 22, "discount": None, "grant": 12_000, "mortgage": 150_000, "deposit": 38_000}
# Rent to Buy - Full Ownership: no discount or grant.
RENT_TO_BUY = {**EQUITY_LOAN, "type": 29, "grant": None, "mortgage": 160_000, "deposit": 40_000}
RIGHT_TO_ACQUIRE = {**EQUITY_LOAN, "type": 8}
JOINT_SALE = {**RIGHT_TO_BUY, **JOINT}
NOT_INTERVIEWED = {**RIGHT_TO_BUY, "noint": 1, "mortlen_known": 0}
LOW_INCOME = {"income1nk": 0, "income1": 5_000, "inc1mort": 1}

PAGE_CASES = {
    "living_before_purchase_discounted_ownership_joint_purchase": [
        PageCase(JOINT_SALE, shown=True),
        PageCase(RIGHT_TO_BUY, shown=False),
    ],
    "living_before_purchase_discounted_ownership": [
        PageCase(RIGHT_TO_BUY, shown=True),
        PageCase(JOINT_SALE, shown=False),
    ],
    "purchase_price": [
        PageCase(RIGHT_TO_BUY, shown=True),
        PageCase(EQUITY_LOAN, shown=True),
        PageCase(RENT_TO_BUY, shown=False),
    ],
    "discount": [
        PageCase(RIGHT_TO_BUY, shown=True),
        PageCase({**RIGHT_TO_BUY, "type": 14}, shown=True),
        PageCase(EQUITY_LOAN, shown=False),
    ],
    "percentage_discount_value_check": [
        PageCase({**RIGHT_TO_BUY, "discount": 51, "mortgage": 88_000}, shown=True),
        PageCase(RIGHT_TO_BUY, shown=False),
    ],
    "grant": [
        PageCase(EQUITY_LOAN, shown=True),
        PageCase(RIGHT_TO_ACQUIRE, shown=True),
        PageCase(RIGHT_TO_BUY, shown=False),
        PageCase(RENT_TO_BUY, shown=False),
    ],
    "grant_value_check": [
        PageCase({**EQUITY_LOAN, "grant": 17_000, "deposit": 33_000}, shown=True),
        PageCase(EQUITY_LOAN, shown=False),
    ],
    "purchase_price_discounted_ownership": [
        PageCase(RENT_TO_BUY, shown=True),
        PageCase(RIGHT_TO_BUY, shown=False),
    ],
    "about_price_discounted_ownership_value_check": [
        PageCase({**RIGHT_TO_BUY, "value": 90_000, "mortgage": 53_000}, shown=True),
        PageCase(RIGHT_TO_BUY, shown=False),
    ],
    "discounted_ownership_mortgage_used_mortgage_value_check": [
        PageCase({**RIGHT_TO_BUY, **LOW_INCOME}, shown=True),
        PageCase(RIGHT_TO_BUY, shown=False),
    ],
    "mortgage_amount_discounted_ownership": [
        PageCase(RIGHT_TO_BUY, shown=True),
        PageCase({**RIGHT_TO_BUY, "mortgageused": 2, "deposit": 140_000}, shown=False),
    ],
    "discounted_ownership_mortgage_amount_mortgage_value_check": [
        PageCase({**RIGHT_TO_BUY, **LOW_INCOME}, shown=True),
        PageCase({**RIGHT_TO_BUY, "income1nk": 0, "income1": 30_000, "inc1mort": 1}, shown=False),
    ],
    "mortgage_length_discounted_ownership_not_interviewed": [
        PageCase(NOT_INTERVIEWED, shown=True),
        PageCase(RIGHT_TO_BUY, shown=False),
    ],
    "mortgage_length_discounted_ownership_interviewed": [
        PageCase(RIGHT_TO_BUY, shown=True),
        PageCase(NOT_INTERVIEWED, shown=False),
    ],
    "extra_borrowing_discounted_ownership": [
        PageCase(RIGHT_TO_BUY, shown=True),
        PageCase({**RIGHT_TO_BUY, "mortgageused": 3}, shown=False),
    ],
    "discounted_ownership_deposit_joint_purchase_value_check": [
        PageCase({**JOINT_SALE, "savingsnk": 0, "savings": 5_000}, shown=True),
        PageCase({**RIGHT_TO_BUY, "savingsnk": 0, "savings": 5_000}, shown=False),
    ],
    "discounted_ownership_deposit_value_check": [
        PageCase({**RIGHT_TO_BUY, "savingsnk": 0, "savings": 5_000}, shown=True),
        PageCase({**RIGHT_TO_BUY, "savingsnk": 0, "savings": 7_500}, shown=False),  # 4/3 of it is the deposit
    ],
    "monthly_charges_discounted_ownership_value_check": [
        PageCase({**RIGHT_TO_BUY, "has_mscharge": 1, "mscharge": 301}, shown=True),
        PageCase({**RIGHT_TO_BUY, "has_mscharge": 1, "mscharge": 300}, shown=False),
    ],
}

CHECK_CASES = {
    "I6": [
        CheckCase({**RIGHT_TO_BUY, "deposit": 10_201}, triggers=True, note="over 0.1% of the price (£200)"),
        CheckCase({**RIGHT_TO_BUY, "deposit": 10_200}, triggers=False, note="within 0.1% of the price"),
        CheckCase({**EQUITY_LOAN, "deposit": 38_001}, triggers=True, note="quirk #21: £1 without a discount"),
        CheckCase(EQUITY_LOAN, triggers=False),
        CheckCase({**RENT_TO_BUY, "deposit": 39_999}, triggers=True),
        CheckCase(RENT_TO_BUY, triggers=False),
        CheckCase({**RIGHT_TO_BUY, "mortgageused": 2, "deposit": 140_000}, triggers=False),
        CheckCase({**RIGHT_TO_BUY, "mortgageused": 2, "deposit": 130_000}, triggers=True),
    ],
    "I9": [
        CheckCase({**RIGHT_TO_ACQUIRE, "grant": 8_999, "deposit": 41_001}, triggers=True),
        CheckCase({**RIGHT_TO_ACQUIRE, "grant": 16_001, "deposit": 33_999}, triggers=True),
        CheckCase(RIGHT_TO_ACQUIRE, triggers=False),
        CheckCase({**EQUITY_LOAN, "grant": 20_000, "deposit": 30_000}, triggers=False, note="type 22: soft"),
    ],
    "I11": [
        CheckCase({**RIGHT_TO_BUY, "value": 300_000, "discount": 35, "mortgage": 185_000}, triggers=True),
        CheckCase(
            {**RIGHT_TO_BUY, "value": 300_000, "discount": 34, "mortgage": 188_000}, triggers=False, note="£102,000"
        ),
        CheckCase(
            {**RIGHT_TO_BUY, "la": "E09000033", "value": 300_000, "discount": 45, "mortgage": 155_000},
            triggers=False,
            note="£135,000 in London",
        ),
        CheckCase(
            {**RIGHT_TO_BUY, "la": "E09000033", "value": 300_000, "discount": 46, "mortgage": 152_000},
            triggers=True,
        ),
    ],
    "F4": [
        CheckCase({**RIGHT_TO_BUY, "mortgage": 0, "deposit": 140_000}, triggers=True),
        CheckCase(RIGHT_TO_BUY, triggers=False),
        CheckCase({**RIGHT_TO_BUY, "mortgageused": 2, "deposit": 140_000}, triggers=False, note="mortgage set to 0"),
    ],
    "DISCOUNT": [
        CheckCase({**RIGHT_TO_BUY, "discount": Decimal("50.1"), "mortgage": 89_800}, triggers=True),
        CheckCase({**RIGHT_TO_BUY, "discount": 50, "mortgage": 90_000}, triggers=False),
        CheckCase({**RIGHT_TO_BUY, "proptype": 3, "discount": 36, "mortgage": 118_000}, triggers=True),
        CheckCase({**RIGHT_TO_BUY, "proptype": 3, "discount": 35, "mortgage": 120_000}, triggers=False),
    ],
    "GRANT": [
        CheckCase({**EQUITY_LOAN, "grant": 8_999, "deposit": 41_001}, triggers=True),
        CheckCase({**EQUITY_LOAN, "grant": 16_001, "deposit": 33_999}, triggers=True),
        CheckCase({**EQUITY_LOAN, "grant": 16_000, "deposit": 34_000}, triggers=False),
        CheckCase({**RIGHT_TO_ACQUIRE, "grant": 8_999, "deposit": 41_001}, triggers=False, note="I9 instead"),
    ],
}


def issues(outcome, check_id):
    return {i.field: i.message for i in outcome.errors + outcome.warnings if i.check_id == check_id}


def test_pages_are_in_the_standards_order():
    assert [p.id for p in PAGES] == [
        "living_before_purchase_discounted_ownership_joint_purchase",
        "living_before_purchase_discounted_ownership",
        "purchase_price",
        "discount",
        "percentage_discount_value_check",
        "grant",
        "grant_value_check",
        "purchase_price_discounted_ownership",
        "about_price_discounted_ownership_value_check",
        "mortgage_used_discounted_ownership",
        "discounted_ownership_mortgage_used_mortgage_value_check",
        "mortgage_amount_discounted_ownership",
        "discounted_ownership_mortgage_amount_mortgage_value_check",
        "mortgage_length_discounted_ownership_not_interviewed",
        "mortgage_length_discounted_ownership_interviewed",
        "extra_borrowing_discounted_ownership",
        "deposit_discounted_ownership",
        "discounted_ownership_deposit_joint_purchase_value_check",
        "discounted_ownership_deposit_value_check",
        "leasehold_charges_discounted_ownership",
        "monthly_charges_discounted_ownership_value_check",
    ]


def test_complete_discounted_sales_complete_the_subsection_with_no_issues():
    for answers in (RIGHT_TO_BUY, EQUITY_LOAN, RENT_TO_BUY, RIGHT_TO_ACQUIRE, JOINT_SALE):
        outcome = evaluate(answers)
        assert outcome.subsections["discounted_ownership_scheme"] is Status.COMPLETED, answers
        assert [i.check_id for i in outcome.errors + outcome.warnings] == [], answers


def test_leasehold_charges_have_no_maximum():
    outcome = evaluate({**RIGHT_TO_BUY, "has_mscharge": 1, "mscharge": 12_000, "monthly_charges_value_check": 0})
    assert [i.check_id for i in outcome.errors] == []


def test_funding_messages():
    found = issues(evaluate({**RIGHT_TO_BUY, "deposit": 12_000}), "I6")
    assert set(found) == {"mortgageused", "mortgage", "value", "deposit", "discount", "grant", "ownershipsch"}
    assert found["deposit"] == (
        "The mortgage (£130,000.00) and cash deposit (£12,000.00) added together is £142,000.00.\n\n"
        "The full purchase price (£200,000.00) subtracted by the sum of the full purchase price (£200,000.00) "
        "multiplied by the percentage discount (30%) is £140,000.00.\n\nThese two amounts should be the same."
    )
    found = issues(evaluate({**EQUITY_LOAN, "mortgageused": 2, "deposit": 100_000}), "I6")
    assert found["grant"] == (
        "The mortgage, cash deposit (£100,000.00), and grant (£12,000.00) added together is £112,000.00.\n\n"
        "The full purchase price is £200,000.00.\n\nThese two amounts should be the same."
    )


def test_discount_and_grant_messages():
    assert issues(evaluate({**RIGHT_TO_BUY, "value": 300_000, "discount": 35, "mortgage": 185_000}), "I11") == (
        dict.fromkeys(
            ("discount", "value", "la", "postcode_full", "uprn"),
            "The percentage discount multiplied by the purchase price is £105,000.00. This figure should not be more "
            "than £103,400.00 for properties outside of London.",
        )
    )
    assert issues(evaluate({**RIGHT_TO_ACQUIRE, "grant": 8_000, "deposit": 42_000}), "I9") == {
        "grant": "Loan, grants or subsidies must be between £9,000 and £16,000."
    }
    assert issues(evaluate({**RIGHT_TO_BUY, "discount": 60, "mortgage": 70_000}), "DISCOUNT")["discount"] == (
        "You told us that the percentage discount is 60%. This is higher than we would expect."
    )
    assert issues(evaluate({**EQUITY_LOAN, "grant": 20_000, "deposit": 30_000}), "GRANT") == {
        "grant": "You told us that the grant amount is £20,000.00. Loans, grants and subsidies are usually between "
        "£9,000 and £16,000."
    }
