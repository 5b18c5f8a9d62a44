"""The shared ownership initial purchase subsection of the 2026/27 sales declaration (sales-2026.md §1.7, §2.8, §4)."""

from __future__ import annotations

import datetime
from decimal import Decimal

from collect.rulebook import Status
from collect.standards.sales.y2026.shared_ownership_initial_purchase import PAGES
from tests.standards.sales.support import (
    JOINT,
    SALE,
    SETUP_SHARED,
    SETUP_STAIRCASING,
    CheckCase,
    DerivationCase,
    PageCase,
    evaluate,
)

# Property answers that the sale information reads (a 2-bedroom flat in Leeds: expected price £100,000-£350,000).
PROPERTY = {"la": "E08000035", "beds": 2, "proptype": 1}
SHARED = {**SETUP_SHARED, **PROPERTY}
# A first sale of a new-build flat: a 25% share of £200,000 paid with a £40,000 mortgage and a £10,000 deposit.
SALE_ANSWERS = {
    **SHARED,
    "resale": 2,
    "proplen_asked": 1,
    "hodate": datetime.date(2025, 6, 1),
    "value": 200_000,
    "equity": 25,
    "mortgageused": 1,
    "mortgage": 40_000,
    "mortlen": 25,
    "deposit": 10_000,
    "mrent": Decimal("400.00"),
    "has_mscharge": 1,
    "mscharge": Decimal("100.00"),
    "has_management_fee": 0,
}
NOT_USED = {**SALE_ANSWERS, "mortgageused": 2, "mortgage": None, "mortlen": None, "deposit": 50_000}
SOCIAL_HOMEBUY = {**SALE_ANSWERS, "type": 18, "deposit": 8_000, "cashdis": 2_000}
NOT_INTERVIEWED = {**SALE_ANSWERS, "noint": 1, "mortlen_known": 0}
JOINT_SALE = {**SALE_ANSWERS, **JOINT}

PAGE_CASES = {
    "living_before_purchase_shared_ownership_joint_purchase": [
        PageCase(JOINT_SALE, shown=True),
        PageCase(SALE_ANSWERS, shown=False),
        PageCase({**JOINT_SALE, "resale": 1}, shown=False),
    ],
    "living_before_purchase_shared_ownership": [
        PageCase(SALE_ANSWERS, shown=True),
        PageCase({**SALE_ANSWERS, "resale": 1}, shown=False),
        PageCase(JOINT_SALE, shown=False),
    ],
    "handover_date": [PageCase(SALE_ANSWERS, shown=True), PageCase({**SALE_ANSWERS, "resale": 1}, shown=False)],
    "previous_bedrooms": [
        PageCase({**SALE_ANSWERS, "prevten": 1}, shown=True),
        PageCase({**JOINT_SALE, "prevten": 3, "buy2livein": 1, "buy2living": 2, "prevtenbuy2": 2}, shown=True),
        PageCase({**SALE_ANSWERS, "prevten": 3}, shown=False),
    ],
    "previous_property_type": [
        PageCase({**SALE_ANSWERS, "prevten": 2}, shown=True),
        PageCase(SALE_ANSWERS, shown=False),
    ],
    "shared_ownership_previous_tenure": [
        PageCase({**SALE_ANSWERS, "prevten": 2}, shown=True),
        PageCase({**SALE_ANSWERS, "prevten": 6}, shown=False),
    ],
    "about_price_shared_ownership_value_check": [
        PageCase({**SALE_ANSWERS, "value": 400_000}, shown=True),
        PageCase(SALE_ANSWERS, shown=False),
    ],
    "mortgage_used_mortgage_value_check": [
        PageCase({**SALE_ANSWERS, "income1nk": 0, "income1": 5_000, "inc1mort": 1}, shown=True),
        PageCase({**SALE_ANSWERS, "income1nk": 0, "income1": 30_000, "inc1mort": 1}, shown=False),
    ],
    "mortgage_amount_shared_ownership": [PageCase(SALE_ANSWERS, shown=True), PageCase(NOT_USED, shown=False)],
    "mortgage_amount_mortgage_value_check": [
        PageCase({**SALE_ANSWERS, "income1nk": 0, "income1": 5_000, "inc1mort": 1}, shown=True),
        PageCase(SALE_ANSWERS, shown=False),
    ],
    "mortgage_length_shared_ownership_not_interviewed": [
        PageCase(NOT_INTERVIEWED, shown=True),
        PageCase(SALE_ANSWERS, shown=False),
        PageCase({**NOT_USED, "noint": 1}, shown=False),
    ],
    "mortgage_length_shared_ownership_interviewed": [
        PageCase(SALE_ANSWERS, shown=True),
        PageCase(NOT_INTERVIEWED, shown=False),
        PageCase(NOT_USED, shown=False),
    ],
    "deposit_joint_purchase_value_check": [
        PageCase({**JOINT_SALE, "savingsnk": 0, "savings": 3_000}, shown=True),
        PageCase({**SALE_ANSWERS, "savingsnk": 0, "savings": 3_000}, shown=False),
        PageCase({**JOINT_SALE, "savingsnk": 0, "savings": 30_000}, shown=False),
    ],
    "deposit_value_check": [
        PageCase({**SALE_ANSWERS, "savingsnk": 0, "savings": 3_000}, shown=True),
        PageCase({**JOINT_SALE, "savingsnk": 0, "savings": 3_000}, shown=False),
    ],
    "deposit_discount": [PageCase(SOCIAL_HOMEBUY, shown=True), PageCase(SALE_ANSWERS, shown=False)],
    "monthly_charges_initial_purchase_value_check": [
        PageCase({**SALE_ANSWERS, "mscharge": 301}, shown=True),
        PageCase({**SALE_ANSWERS, "type": 24, "mscharge": 301}, shown=False),
    ],
}

CHECK_CASES = {
    "I1.after_sale": [
        CheckCase({**SALE_ANSWERS, "hodate": SALE + datetime.timedelta(days=1)}, triggers=True),
        CheckCase({**SALE_ANSWERS, "hodate": SALE}, triggers=False),
    ],
    "I1.too_early": [
        CheckCase({**SALE_ANSWERS, "hodate": datetime.date(2021, 10, 5)}, triggers=True, note="exactly 5 years"),
        CheckCase({**SALE_ANSWERS, "hodate": datetime.date(2021, 10, 6)}, triggers=False),
    ],
    "I5": [
        CheckCase({**SALE_ANSWERS, "prevten": 1, "fromprop": 2, "frombeds": 2}, triggers=True),
        CheckCase({**SALE_ANSWERS, "prevten": 1, "fromprop": 2, "frombeds": 1}, triggers=False),
        CheckCase({**SALE_ANSWERS, "prevten": 1, "fromprop": 2}, triggers=False, note="fixed: bedrooms missing"),
        CheckCase({**SALE_ANSWERS, "prevten": 1, "fromprop": 3, "frombeds": 3}, triggers=False),
    ],
    "I12": [
        CheckCase({**SALE_ANSWERS, "deposit": 10_201}, triggers=True, note="over 0.1% of the price (£200)"),
        CheckCase({**SALE_ANSWERS, "deposit": 10_200}, triggers=False, note="exactly 0.1%: strict in 2026"),
        CheckCase(SALE_ANSWERS, triggers=False),
        CheckCase({**NOT_USED, "deposit": 40_000}, triggers=True),
        CheckCase(NOT_USED, triggers=False),
        CheckCase({**SOCIAL_HOMEBUY, "cashdis": 5_000}, triggers=True),
        CheckCase(SOCIAL_HOMEBUY, triggers=False),
        CheckCase({**SALE_ANSWERS, "mortgageused": 3, "deposit": 1_000}, triggers=False, note="not known: no check"),
    ],
    "PRICE": [
        CheckCase({**SALE_ANSWERS, "value": 99_999}, triggers=True),
        CheckCase({**SALE_ANSWERS, "value": 350_001}, triggers=True),
        CheckCase({**SALE_ANSWERS, "value": 100_000, "equity": 50, "mortgage": 40_000}, triggers=False),
        CheckCase({**SALE_ANSWERS, "value": 400_000, "value_value_check": 0}, triggers=False, note="confirmed"),
        CheckCase({**SALE_ANSWERS, "value": 400_000, "la": "E09000033"}, triggers=False, note="no range for 2 beds"),
    ],
    "CHARGES": [
        CheckCase({**SALE_ANSWERS, "mscharge": Decimal("300.01")}, triggers=True),
        CheckCase({**SALE_ANSWERS, "mscharge": 300}, triggers=False),
        CheckCase({**SALE_ANSWERS, "type": 24, "mscharge": 551}, triggers=True),
        CheckCase({**SALE_ANSWERS, "type": 24, "mscharge": 550}, triggers=False),
    ],
}

DERIVATION_CASES = {
    "handover_date_parts": [
        DerivationCase(SALE_ANSWERS, {"hoday": 1, "homonth": 6, "hoyear": 2025}),
        DerivationCase(
            {**SALE_ANSWERS, "resale": 1, "hoday": 1, "homonth": 6, "hoyear": 2025},
            {"hodate": None, "hoday": None, "homonth": None, "hoyear": None},
            note="a resale has no handover date",
        ),
    ],
}


def issues(outcome, check_id):
    return {i.field: i.message for i in outcome.errors + outcome.warnings if i.check_id == check_id}


def test_pages_are_in_the_standards_order():
    assert [p.id for p in PAGES] == [
        "resale",
        "living_before_purchase_shared_ownership_joint_purchase",
        "living_before_purchase_shared_ownership",
        "handover_date",
        "previous_bedrooms",
        "previous_property_type",
        "shared_ownership_previous_tenure",
        "value_shared_ownership",
        "about_price_shared_ownership_value_check",
        "initial_equity",
        "mortgage_used_shared_ownership",
        "mortgage_used_mortgage_value_check",
        "mortgage_amount_shared_ownership",
        "mortgage_amount_mortgage_value_check",
        "mortgage_length_shared_ownership_not_interviewed",
        "mortgage_length_shared_ownership_interviewed",
        "deposit_shared_ownership",
        "deposit_joint_purchase_value_check",
        "deposit_value_check",
        "deposit_discount",
        "monthly_rent",
        "service_charge",
        "monthly_charges_initial_purchase_value_check",
        "estate_management_fee",
    ]


def test_a_complete_initial_purchase_completes_the_subsection_with_no_issues():
    outcome = evaluate(SALE_ANSWERS)
    assert outcome.subsections["shared_ownership_initial_purchase"] is Status.COMPLETED
    assert [i.check_id for i in outcome.errors + outcome.warnings] == []


def test_the_subsection_waits_for_setup_and_is_not_listed_for_staircasing():
    assert evaluate({**SALE_ANSWERS, "privacynotice": None}).subsections["shared_ownership_initial_purchase"] is (
        Status.CANNOT_START
    )
    outcome = evaluate({**SETUP_STAIRCASING, **PROPERTY})
    assert "shared_ownership_initial_purchase" not in outcome.subsections


def test_what_is_still_to_answer():
    outcome = evaluate({**SHARED, "resale": 2, "mortgageused": 1})
    assert outcome.missing["shared_ownership_initial_purchase"] == [
        "proplen_asked",
        "hodate",
        "value",
        "equity",
        "mortgage",
        "mortlen",
        "deposit",
        "mrent",
        "has_mscharge",
        "has_management_fee",
    ]


def test_no_mortgage_means_a_mortgage_of_0_that_is_neither_asked_nor_cleared():
    outcome = evaluate(NOT_USED)
    assert outcome.answers["mortgage"] == 0
    assert outcome.subsections["shared_ownership_initial_purchase"] is Status.COMPLETED
    assert "mortgage_amount_shared_ownership" not in outcome.routed_pages


def test_the_mortgage_length_is_not_known_only_when_not_interviewed():
    outcome = evaluate({**NOT_INTERVIEWED, "mortlen_known": 1, "mortlen": None})
    assert outcome.subsections["shared_ownership_initial_purchase"] is Status.COMPLETED
    outcome = evaluate({**NOT_INTERVIEWED, "mortlen_known": 0, "mortlen": None})
    assert outcome.missing["shared_ownership_initial_purchase"] == ["mortlen"]


def test_previous_property_answers_are_cleared_when_no_buyer_was_a_social_tenant():
    outcome = evaluate({**SALE_ANSWERS, "prevten": 3, "frombeds": 2, "fromprop": 1, "socprevten": 1})
    assert {"frombeds", "fromprop", "socprevten"} <= set(outcome.cleared)


def test_handover_messages():
    found = issues(evaluate({**SALE_ANSWERS, "hodate": datetime.date(2027, 1, 1)}), "I1.after_sale")
    assert found == {
        "hodate": "Practical completion or handover date must be before sale completion date.",
        "saledate": "Sale completion date must be after practical completion or handover date.",
    }


def test_funding_messages_name_the_amounts():
    found = issues(evaluate({**SALE_ANSWERS, "deposit": 12_000}), "I12")
    assert set(found) == {"mortgage", "value", "deposit", "equity", "type"}
    assert found["mortgage"] == (
        "The mortgage (£40,000.00) and cash deposit (£12,000.00) added together is £52,000.00.\n\n"
        "The full purchase price (£200,000.00) multiplied by the percentage equity stake purchased (25%) is "
        "£50,000.00.\n\nThese two amounts should be the same."
    )
    found = issues(evaluate({**NOT_USED, "deposit": 40_000, "equity": Decimal("27.5")}), "I12")
    assert set(found) == {"mortgageused", "value", "deposit", "equity", "type"}
    assert found["deposit"] == (
        "The cash deposit is £40,000.00.\n\nThe full purchase price (£200,000.00) multiplied by the percentage bought "
        "is £55,000.00.\n\nThese two amounts should be the same."
    )
    found = issues(evaluate({**SOCIAL_HOMEBUY, "cashdis": 3_000}), "I12")
    assert set(found) == {"mortgage", "value", "deposit", "cashdis", "equity", "type"}
    assert found["cashdis"].startswith(
        "The mortgage (£40,000.00), cash deposit (£8,000.00), and cash discount (£3,000.00) added together is "
        "£51,000.00."
    )


def test_price_message_says_higher_or_lower():
    assert issues(evaluate({**SALE_ANSWERS, "value": 99_999}), "PRICE")["value"] == (
        "You told us the purchase price is £99,999.00. This is lower than we would expect."
    )
    confirmed = evaluate({**SALE_ANSWERS, "value": 400_000, "equity": Decimal("12.5"), "value_value_check": 0})
    assert confirmed.subsections["shared_ownership_initial_purchase"] is Status.COMPLETED
    assert "about_price_shared_ownership_value_check" in confirmed.routed_pages
