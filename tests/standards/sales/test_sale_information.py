"""What the sale information subsections share (sales-2026.md §2.8, §3.2 rows 3, 26, 28, §3.3, §4.2 F4, F5, F10, I8)."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest

from collect.rulebook import Status
from collect.standards.sales.y2026 import examples
from collect.standards.sales.y2026.sale_information import (
    deposit_and_discount_total,
    discount_value,
    expected_shared_ownership_deposit_value,
    expected_shared_ownership_deposit_value_tolerance,
    mortgage_and_deposit_total,
    mortgage_deposit_and_discount_total,
    mortgage_deposit_and_grant_total,
    over_tolerance,
    percent,
    stairbought_part_of_value,
    value_with_discount,
    value_with_discount_tolerance,
    years_before,
)
from tests.standards.sales.support import CheckCase, DerivationCase, evaluate, evaluate_change
from tests.standards.sales.test_discounted_ownership import RIGHT_TO_BUY
from tests.standards.sales.test_shared_ownership_initial_purchase import SALE_ANSWERS

CHECK_CASES = {
    "F5": [
        CheckCase({**SALE_ANSWERS, "mscharge": 0}, triggers=True),
        CheckCase({**RIGHT_TO_BUY, "has_mscharge": 1, "mscharge": 0}, triggers=True),
        CheckCase(SALE_ANSWERS, triggers=False),
    ],
    "F10.under": [
        CheckCase({**SALE_ANSWERS, "type": 2, "equity": Decimal("24.9"), "mortgage": Decimal("39800")}, triggers=True),
        CheckCase({**SALE_ANSWERS, "type": 2}, triggers=False),
    ],
    "F10.over": [
        CheckCase({**SALE_ANSWERS, "equity": 76, "mortgage": 142_000}, triggers=True),
        CheckCase({**SALE_ANSWERS, "equity": 76, "mortgage": 142_000, "resale": 1}, triggers=False, note="resale"),
        CheckCase({**SALE_ANSWERS, "type": 18, "equity": 90, "mortgage": 170_000, "cashdis": 0}, triggers=False),
        CheckCase({**SALE_ANSWERS, "type": 18, "equity": 91, "mortgage": 172_000, "cashdis": 0}, triggers=True),
    ],
    "I8": [
        CheckCase({**SALE_ANSWERS, "mrent": Decimal("9999.01")}, triggers=True),
        CheckCase({**SALE_ANSWERS, "mrent": 9_999}, triggers=False),
        CheckCase({**SALE_ANSWERS, "type": 24, "mrent": 10_000}, triggers=False, note="no limit for OPSO"),
    ],
}

DERIVATION_CASES = {
    "mscharge_without_charges": [
        DerivationCase({**SALE_ANSWERS, "has_mscharge": 0}, {"mscharge": None}),
        DerivationCase(SALE_ANSWERS, {"mscharge": Decimal("100.00")}),
    ],
    "mortgage_by_mortgage_used": [
        DerivationCase({**SALE_ANSWERS, "mortgageused": 2, "mortgage": 5_000, "deposit": 50_000}, {"mortgage": 0}),
        DerivationCase({**SALE_ANSWERS, "mortgageused": 3}, {"mortgage": None}),
        DerivationCase(SALE_ANSWERS, {"mortgage": 40_000}),
    ],
    "mortlen_known_not_interviewed": [
        DerivationCase({**SALE_ANSWERS, "noint": 1}, {"mortlen_known": None}, note="a new log: nothing is set"),
    ],
}


def test_mortgage_length_is_known_when_the_buyer_turns_out_not_to_have_been_interviewed():
    outcome = evaluate_change({**SALE_ANSWERS, "noint": 1}, SALE_ANSWERS)
    assert outcome.answers["mortlen_known"] == 0
    assert outcome.answers["mortlen"] == 25
    assert "mortgage_length_shared_ownership_not_interviewed" in outcome.routed_pages


def test_charges_of_0_are_reported_with_the_range():
    outcome = evaluate({**SALE_ANSWERS, "mscharge": 0})
    assert {(i.check_id, i.message) for i in outcome.errors} == {
        ("F5", "Monthly leasehold charges cannot be £0 if the property has monthly charges."),
        ("numeric.range.mscharge", "Monthly service charges must be between £1 and £9,999.99."),
    }


def test_equity_messages():
    outcome = evaluate({**SALE_ANSWERS, "type": 2, "equity": 20, "mortgage": 30_000})
    assert {i.field: i.message for i in outcome.errors if i.check_id == "F10.under"} == dict.fromkeys(
        ("equity", "type"), "The minimum initial equity stake for this type of shared ownership sale is 25%."
    )
    outcome = evaluate({**SALE_ANSWERS, "equity": 80, "mortgage": 150_000})
    assert {i.field: i.message for i in outcome.errors if i.check_id == "F10.over"} == dict.fromkeys(
        ("equity", "type", "resale"), "The maximum initial equity stake is 75%."
    )


def test_computed_quantities():
    answers = {"value": 200_000, "discount": 30, "mortgage": 130_000, "deposit": 10_000, "grant": 5_000}
    assert value_with_discount(answers) == 140_000
    assert value_with_discount({"value": 200_000}) == 200_000
    assert value_with_discount_tolerance(answers) == 200
    assert value_with_discount_tolerance({"value": 200_000}) == 1
    assert mortgage_deposit_and_grant_total(answers) == 145_000
    assert mortgage_deposit_and_grant_total({"mortgage": 1}) is None
    assert discount_value(answers) == 60_000
    assert mortgage_and_deposit_total(answers) == 140_000
    assert mortgage_and_deposit_total({"deposit": 1}) is None
    shares = {"value": 200_000, "equity": Decimal("27.5"), "stairbought": 10, "deposit": 5, "cashdis": 7}
    assert expected_shared_ownership_deposit_value(shares) == 55_000
    assert expected_shared_ownership_deposit_value_tolerance(shares) == 200
    assert expected_shared_ownership_deposit_value_tolerance({"value": 1}) == 1
    assert stairbought_part_of_value(shares) == 20_000
    assert mortgage_deposit_and_discount_total(shares) == 12
    assert deposit_and_discount_total(shares) == 12


@pytest.mark.parametrize(
    ("difference", "strict", "over"), [(1, False, True), (Decimal("0.99"), False, False), (1, True, False)]
)
def test_over_tolerance(difference, strict, over):
    assert over_tolerance(Decimal(100) + difference, Decimal(100), Decimal(1), strict=strict) is over


def test_percent_and_dates():
    assert [percent(v) for v in (25, Decimal("27.50"), Decimal("100.0"), None)] == ["25%", "27.5%", "100%", "None%"]
    assert years_before(datetime.date(2028, 2, 29), 5) == datetime.date(2023, 2, 28)
    assert years_before(datetime.date(2026, 10, 5), 5) == datetime.date(2021, 10, 5)


@pytest.mark.parametrize(
    ("name", "subsection"),
    [
        ("SHARED_OWNERSHIP", "shared_ownership_initial_purchase"),
        ("STAIRCASING", "shared_ownership_staircasing_transaction"),
        ("DISCOUNTED_OWNERSHIP", "discounted_ownership_scheme"),
    ],
)
def test_the_examples_complete_their_sale_information_with_no_issues(name, subsection):
    """Whether the whole example is completed is tested once every subsection is declared."""
    outcome = evaluate(getattr(examples, name))
    assert outcome.subsections[subsection] is Status.COMPLETED
    assert outcome.errors + outcome.warnings == []
