"""The shared ownership staircasing subsection of the 2026/27 sales declaration (sales-2026.md §1.8, §2.8, §4)."""

from __future__ import annotations

import datetime
from decimal import Decimal

from collect.rulebook import Status
from collect.standards.sales.y2026.shared_ownership_staircasing import PAGES
from tests.standards.sales.support import (
    JOINT,
    SALE,
    SETUP_STAIRCASING,
    CheckCase,
    DerivationCase,
    PageCase,
    evaluate,
    evaluate_change,
)

PROPERTY = {"la": "E08000035", "beds": 2, "proptype": 1}
# A second staircasing: 20% bought, 60% now owned, 30% bought initially in 2015, last staircased in 2020.
STAIRCASING = {
    **SETUP_STAIRCASING,
    **PROPERTY,
    "stairbought": 20,
    "stairowned": 60,
    "firststair": 2,
    "numstair": 2,
    "lasttransaction": datetime.date(2020, 5, 1),
    "initialpurchase": datetime.date(2015, 5, 1),
    "value": 200_000,
    "equity": 30,
    "mortgageused": 2,
    "mrentprestaircasing": Decimal("500.00"),
    "mrent": Decimal("300.00"),
    "has_mscharge": 1,
    "mscharge": Decimal("100.00"),
    "hasservicechargeschanged": 2,
}
FIRST = {**STAIRCASING, "firststair": 1, "numstair": None, "lasttransaction": None}
OWNED_OUTRIGHT = {**STAIRCASING, "stairbought": 40, "stairowned": 100, "staircasesale": 2, "mrent": None}
JOINT_STAIRCASING = {**STAIRCASING, **JOINT}
OPSO = {**STAIRCASING, "type": 24, "stairbought": 10, "stairowned": 80, "equity": 25}

PAGE_CASES = {
    "about_staircasing_joint_purchase": [
        PageCase(JOINT_STAIRCASING, shown=True),
        PageCase(STAIRCASING, shown=False),
    ],
    "about_staircasing_not_joint_purchase": [
        PageCase(STAIRCASING, shown=True),
        PageCase(JOINT_STAIRCASING, shown=False),
    ],
    "staircase_sale": [PageCase(OWNED_OUTRIGHT, shown=True), PageCase(STAIRCASING, shown=False)],
    "staircase_bought_value_check": [
        PageCase({**STAIRCASING, "stairbought": 51, "stairowned": 90, "equity": 25}, shown=True),
        PageCase(STAIRCASING, shown=False),
    ],
    "staircase_owned_value_check_joint_purchase": [
        PageCase({**OPSO, **JOINT}, shown=True),
        PageCase(OPSO, shown=False),
    ],
    "staircase_owned_value_check_not_joint_purchase": [
        PageCase(OPSO, shown=True),
        PageCase({**OPSO, **JOINT}, shown=False),
        PageCase({**OPSO, "stairowned": 75}, shown=False),
    ],
    "staircase_previous": [
        PageCase(STAIRCASING, shown=True),
        PageCase({**STAIRCASING, "firststair": None}, shown=True),  # quirk §7 #16, kept
        PageCase(FIRST, shown=False),
    ],
    "staircase_initial_date": [PageCase(FIRST, shown=True), PageCase(STAIRCASING, shown=False)],
    "about_price_shared_ownership_value_check_staircasing": [
        PageCase({**STAIRCASING, "value": 360_000}, shown=True),
        PageCase(STAIRCASING, shown=False),
    ],
    "monthly_rent_staircasing_owned": [PageCase(OWNED_OUTRIGHT, shown=True), PageCase(STAIRCASING, shown=False)],
    "monthly_rent_staircasing": [PageCase(STAIRCASING, shown=True), PageCase(OWNED_OUTRIGHT, shown=False)],
    "monthly_charges_staircasing_value_check": [
        PageCase({**STAIRCASING, "mscharge": 400}, shown=True),
        PageCase(STAIRCASING, shown=False),
    ],
}

CHECK_CASES = {
    "F6": [
        CheckCase({**STAIRCASING, "stairbought": 61}, triggers=True),
        CheckCase(STAIRCASING, triggers=False),
    ],
    "F7": [
        CheckCase({**STAIRCASING, "stairbought": 60}, triggers=True),
        CheckCase(STAIRCASING, triggers=False),
    ],
    "F8": [
        CheckCase({**STAIRCASING, "type": 2, "stairbought": Decimal("9.9")}, triggers=True),
        CheckCase({**STAIRCASING, "type": 2, "stairbought": 10, "equity": 25}, triggers=False),
        CheckCase({**STAIRCASING, "stairbought": Decimal("0.5")}, triggers=True),
        CheckCase({**STAIRCASING, "stairbought": 1}, triggers=False),
    ],
    "F11.equity": [
        CheckCase({**STAIRCASING, "equity": 41}, triggers=True),
        CheckCase({**STAIRCASING, "equity": 39}, triggers=False),
    ],
    "F11.previous": [
        CheckCase({**STAIRCASING, "numstair": 3, "equity": 39}, triggers=True, note="39 + 20 + 2 > 60"),
        CheckCase({**STAIRCASING, "numstair": 3, "equity": 38}, triggers=False),
        CheckCase({**STAIRCASING, "equity": 41}, triggers=False, note="F11.equity instead"),
    ],
    "F12": [
        CheckCase({**STAIRCASING, "hasservicechargeschanged": 1, "newservicecharges": 100}, triggers=True),
        CheckCase({**STAIRCASING, "hasservicechargeschanged": 1, "newservicecharges": 120}, triggers=False),
    ],
    "I3.before_1980": [
        CheckCase({**FIRST, "initialpurchase": datetime.date(1979, 12, 31)}, triggers=True),
        CheckCase({**FIRST, "initialpurchase": datetime.date(1980, 1, 1)}, triggers=False),
    ],
    "I3.after_sale": [
        CheckCase({**FIRST, "initialpurchase": SALE}, triggers=True, note="the same day is an error in 2026"),
        CheckCase({**FIRST, "initialpurchase": SALE - datetime.timedelta(days=1)}, triggers=False),
    ],
    "I4.before_1980": [
        CheckCase({**STAIRCASING, "lasttransaction": datetime.date(1979, 12, 31)}, triggers=True),
        CheckCase(STAIRCASING, triggers=False),
    ],
    "I4.after_sale": [
        CheckCase({**STAIRCASING, "lasttransaction": SALE}, triggers=True),
        CheckCase({**STAIRCASING, "lasttransaction": SALE - datetime.timedelta(days=1)}, triggers=False),
    ],
    "I4.before_initial_purchase": [
        CheckCase({**STAIRCASING, "lasttransaction": datetime.date(2015, 5, 1)}, triggers=True),
        CheckCase({**STAIRCASING, "lasttransaction": datetime.date(2015, 5, 2)}, triggers=False),
    ],
    "I10": [
        CheckCase({**OPSO, "stairbought": 51, "stairowned": 80, "equity": 25}, triggers=True),
        CheckCase({**OPSO, "stairbought": 50, "stairowned": 80, "equity": 25}, triggers=False),
        CheckCase({**STAIRCASING, "stairbought": Decimal("90.1"), "stairowned": 100, "equity": 5}, triggers=True),
    ],
    "I15": [
        CheckCase({**STAIRCASING, "numstair": 1}, triggers=True),
        CheckCase(STAIRCASING, triggers=False),
    ],
    "F10.under": [
        CheckCase({**STAIRCASING, "equity": Decimal("9.9")}, triggers=True, note="staircasing initial equity"),
        CheckCase({**STAIRCASING, "equity": 10}, triggers=False),
    ],
    "F10.over": [
        CheckCase(
            {**STAIRCASING, "stairbought": 10, "stairowned": 100, "equity": 76}, triggers=True, note="quirk #15 kept"
        ),
        CheckCase({**STAIRCASING, "stairbought": 10, "stairowned": 100, "equity": 75}, triggers=False),
    ],
    "STAIRBOUGHT": [
        CheckCase({**STAIRCASING, "stairbought": Decimal("50.1"), "stairowned": 90, "equity": 25}, triggers=True),
        CheckCase({**STAIRCASING, "stairbought": 50, "stairowned": 90, "equity": 25}, triggers=False),
        CheckCase(
            {**STAIRCASING, "stairbought": 51, "stairowned": 90, "equity": 25, "staircase_bought_value_check": 0},
            triggers=False,
        ),
    ],
    "STAIROWNED": [
        CheckCase(OPSO, triggers=True),
        CheckCase({**OPSO, "stairowned": 75, "equity": 20}, triggers=False),
        CheckCase({**STAIRCASING, "stairowned": 80}, triggers=False, note="not Older Persons Shared Ownership"),
    ],
}

DERIVATION_CASES = {
    "mrent_owned_outright": [
        DerivationCase(OWNED_OUTRIGHT, {"mrent": 0}),
        DerivationCase(STAIRCASING, {"mrent": Decimal("300.00")}),
    ],
    "numstair_for_firststair": [
        DerivationCase({**STAIRCASING, "numstair": 1}, {"numstair": 1}, note="a new log: nothing changes"),
    ],
    "mortgage_by_mortgage_used": [
        DerivationCase({**STAIRCASING, "mortgage": 5_000, "deposit": 1_000}, {"mortgage": 0, "deposit": None}),
    ],
}


def issues(outcome, check_id):
    return {i.field: i.message for i in outcome.errors + outcome.warnings if i.check_id == check_id}


def test_pages_are_in_the_standards_order():
    assert [p.id for p in PAGES] == [
        "about_staircasing_joint_purchase",
        "about_staircasing_not_joint_purchase",
        "staircase_sale",
        "staircase_bought_value_check",
        "staircase_owned_value_check_joint_purchase",
        "staircase_owned_value_check_not_joint_purchase",
        "staircase_first_time",
        "staircase_previous",
        "staircase_initial_date",
        "value_shared_ownership_staircase",
        "about_price_shared_ownership_value_check_staircasing",
        "staircase_equity",
        "staircase_mortgage_used_shared_ownership",
        "monthly_rent_staircasing_owned",
        "monthly_rent_staircasing",
        "service_charge_staircasing",
        "service_charge_changed",
        "monthly_charges_staircasing_value_check",
    ]


def test_a_complete_staircasing_completes_the_subsection_with_no_issues():
    for answers in (STAIRCASING, FIRST, OWNED_OUTRIGHT, JOINT_STAIRCASING):
        outcome = evaluate(answers)
        assert outcome.subsections["shared_ownership_staircasing_transaction"] is Status.COMPLETED, answers
        assert [i.check_id for i in outcome.errors + outcome.warnings] == []


def test_owning_the_whole_property_asks_about_a_back_to_back_sale_and_sets_the_rent_to_0():
    outcome = evaluate({**OWNED_OUTRIGHT, "staircasesale": None})
    assert outcome.missing["shared_ownership_staircasing_transaction"] == ["staircasesale"]
    assert outcome.answers["mrent"] == 0


def test_the_mortgage_and_deposit_are_not_collected_when_staircasing():
    """I13 is dormant (quirk §7 #3): only a mortgage of 0 is kept, when no mortgage was used."""
    outcome = evaluate({**STAIRCASING, "mortgageused": 1, "mortgage": 50_000, "deposit": 1_000})
    assert outcome.cleared == {"mortgage": 50_000, "deposit": 1_000}


def test_numstair_of_1_is_cleared_when_it_is_no_longer_the_first_staircasing():
    previous = {**STAIRCASING, "firststair": None, "numstair": 1}
    outcome = evaluate_change({**previous, "firststair": 2}, previous)
    assert "numstair" not in outcome.answers
    assert outcome.missing["shared_ownership_staircasing_transaction"] == ["numstair"]


def test_messages_depend_on_joint_purchase_and_type():
    assert issues(evaluate({**STAIRCASING, "stairbought": 61}), "F6") == {
        "stairowned": "Total percentage buyer now owns must be more than percentage bought in this transaction."
    }
    assert issues(evaluate({**JOINT_STAIRCASING, "stairbought": 61}), "F6") == {
        "stairowned": "Total percentage buyers now own must be more than percentage bought in this transaction."
    }
    assert issues(evaluate({**STAIRCASING, "type": 2, "stairbought": 5, "equity": 25}), "F8")["stairbought"] == (
        "The minimum percentage share that can be bought in a staircasing transaction for shared ownership (old "
        "model lease) is 10%. Please change your answer or check that you have selected the correct shared ownership "
        "type."
    )
    assert issues(evaluate({**OPSO, "stairbought": 55, "stairowned": 85}), "I10")["type"] == (
        "The percentage bought in this staircasing transaction cannot be higher than 50% for Older Persons Shared "
        "Ownership sales."
    )
    assert issues(evaluate({**STAIRCASING, "stairbought": Decimal("27.5")}), "F7") == {}
    assert issues(evaluate({**STAIRCASING, "stairbought": Decimal("60.0")}), "F7")["stairbought"] == (
        "The percentage bought is 60% and the percentage owned in total is 60%. These figures cannot be the same."
    )


def test_staircase_difference_messages():
    found = issues(evaluate({**STAIRCASING, "equity": 45}), "F11.equity")
    assert set(found) == {"equity", "stairowned", "stairbought"}
    assert found["equity"] == (
        "The initial equity stake is 45% and the percentage owned in total minus the percentage bought is 40%. In a "
        "staircasing transaction, the equity stake purchased cannot be larger than the percentage the buyer owns "
        "minus the percentage bought."
    )
    found = issues(evaluate({**STAIRCASING, "numstair": 4, "equity": 38}), "F11.previous")
    assert set(found) == {"equity", "stairowned", "stairbought", "numstair", "firststair"}
    assert found["numstair"].startswith(
        "The initial equity stake is 38%, the percentage bought is 20%, and there have been 3 previous staircasing "
        "transactions, totalling at least 61%, which is more than the total percentage owned by the buyers (60%)."
    )


def test_service_charge_messages():
    found = issues(evaluate({**STAIRCASING, "hasservicechargeschanged": 1, "newservicecharges": 100}), "F12")
    assert found["newservicecharges"].startswith("You said that the service charge will change and you entered the")
    assert set(found) == {"newservicecharges", "mscharge"}


def test_soft_check_messages():
    found = issues(evaluate({**STAIRCASING, "stairbought": 55, "stairowned": 90, "equity": 25}), "STAIRBOUGHT")
    assert found == {
        "stairbought": "You told us that 55% was bought in this staircasing transaction. Most staircasing "
        "transactions are less than 50%"
    }
    assert issues(evaluate({**STAIRCASING, "mscharge": Decimal("300.50")}), "CHARGES")["mscharge"] == (
        "You told us that the monthly charges were £300.50. This is higher than we would expect."
    )
