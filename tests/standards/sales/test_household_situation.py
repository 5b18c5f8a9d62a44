"""Household situation of the 2026/27 sales log (sales-2026.md §1.4, §2.5, §3.1 steps 3 and 6, §3.2, §4.2 H2, P6)."""

from __future__ import annotations

from typing import Any

from collect.rulebook import Status
from collect.standards.sales.y2026 import household_situation as hs
from tests.standards.sales.support import (
    JOINT,
    SETUP_DISCOUNTED,
    SETUP_SHARED,
    SETUP_STAIRCASING,
    CheckCase,
    DerivationCase,
    PageCase,
    evaluate,
    evaluate_change,
)

LEEDS, WESTMINSTER, CARDIFF = "E08000035", "E09000033", "W06000015"
SHARED: dict[str, Any] = {**SETUP_SHARED, "prevten": 1, "ppcodenk": 1, "previous_la_known": 1, "prevloc": LEEDS}
JOINT_SHARED: dict[str, Any] = {**SHARED, **JOINT, "buy2livein": 1}
# A discounted sale (right to buy) of a property in Leeds whose address was typed in.
PROPERTY = {
    "manual_address_entry_selected": True,
    "address_line1": "1 Park Row",
    "town_or_city": "Leeds",
    "pcodenk": 0,
    "postcode_full": "LS1 1AA",
    "la": LEEDS,
    "is_la_inferred": True,
}
DISCOUNTED: dict[str, Any] = {**SETUP_DISCOUNTED, **PROPERTY, "prevten": 1}

CHECK_CASES: dict[str, list[CheckCase]] = {
    "H2": [
        CheckCase({**DISCOUNTED, "prevten": 3}, triggers=True, note="a private tenant"),
        CheckCase({**DISCOUNTED, "prevten": 0}, triggers=True, note="not known"),
        CheckCase({**DISCOUNTED, "prevten": 2}, triggers=False),
        CheckCase({**SHARED, "prevten": 3}, triggers=False, note="shared ownership"),
    ],
    "P6": [
        CheckCase({**SHARED, "ppcodenk": 0, "ppostcode_full": "not a postcode"}, triggers=True),
        CheckCase({**SHARED, "ppcodenk": 0, "ppostcode_full": "sw1a1aa"}, triggers=False),
        CheckCase({**SHARED, "ppcodenk": 0, "ppostcode_full": "BFPO 123"}, triggers=False, note="as nationally"),
    ],
}

DERIVATION_CASES: dict[str, list[DerivationCase]] = {
    "ppostcode_full": [
        DerivationCase(
            {**SHARED, "ppostcode_full": " sw1a1aa "},
            expected={
                "ppostcode_full": "SW1A 1AA",
                "ppcodenk": 0,
                "prevloc": WESTMINSTER,
                "is_previous_la_inferred": True,
            },
        ),
        DerivationCase(
            {**SHARED, "ppcodenk": 0, "ppostcode_full": "ZZ9 9ZZ", "previous_la_known": None, "prevloc": None},
            expected={"ppostcode_full": "ZZ9 9ZZ", "is_previous_la_inferred": False, "prevloc": None},
            note="not found: the local authority is asked",
        ),
    ],
    "previous_location_reset": [
        DerivationCase(
            {**SHARED, "ppcodenk": 1, "prevloc": LEEDS, "is_previous_la_inferred": True},
            expected={"prevloc": None, "is_previous_la_inferred": False, "ppostcode_full": None},
            note="an inferred local authority goes with the postcode",
        ),
        DerivationCase(SHARED, expected={"prevloc": LEEDS, "is_previous_la_inferred": False}, note="a chosen one"),
    ],
    "previous_address_discounted": [
        DerivationCase(
            DISCOUNTED,
            expected={
                "ppostcode_full": "LS1 1AA",
                "ppcodenk": 0,
                "prevloc": LEEDS,
                "is_previous_la_inferred": True,
                "previous_la_known": 1,
            },
        ),
        DerivationCase(
            {**DISCOUNTED, "ppostcode_full": "SW1A 1AA", "prevloc": WESTMINSTER},
            expected={"ppostcode_full": "LS1 1AA", "prevloc": LEEDS},
            note="quirk §7 #20: overwritten on every save",
        ),
    ],
    "ppostc": [
        DerivationCase({**SHARED, "ppostcode_full": "LS1 1AA"}, expected={"ppostc1": "LS1", "ppostc2": "1AA"}),
        DerivationCase(SHARED, expected={"ppostc1": None, "ppostc2": None}),
    ],
    "soctenant": [
        DerivationCase(SHARED, expected={"soctenant": 1}),
        DerivationCase({**SHARED, "prevten": 3}, expected={"soctenant": 2}),
        DerivationCase(
            {**JOINT_SHARED, "prevten": 3, "buy2living": 2, "prevtenbuy2": 2},
            expected={"soctenant": 1},
            note="buyer 2 was a housing association tenant",
        ),
        DerivationCase(DISCOUNTED, expected={"soctenant": None}, note="discounted"),
        DerivationCase({**SHARED, "prevten": None}, expected={"soctenant": None}),
    ],
}

PAGE_CASES: dict[str, list[PageCase]] = {
    "last_accommodation": [PageCase(SHARED, shown=True), PageCase(DISCOUNTED, shown=False)],
    "last_accommodation_la": [
        PageCase(SHARED, shown=True),
        PageCase({**SHARED, "ppcodenk": 0, "ppostcode_full": "LS1 1AA"}, shown=False),
        PageCase(DISCOUNTED, shown=False),
    ],
    "buyer_2_living_in": [PageCase(JOINT_SHARED, shown=True), PageCase({**JOINT_SHARED, "buy2livein": 2}, shown=False)],
    "buyer_2_previous_housing_situation": [
        PageCase({**JOINT_SHARED, "buy2living": 2}, shown=True),
        PageCase({**JOINT_SHARED, "buy2living": 1}, shown=False),
    ],
}


def test_pages_are_the_spec_pages_in_order():
    assert [p.id for p in hs.PAGES] == [
        "buyer1_previous_tenure",
        "last_accommodation",
        "last_accommodation_la",
        "buyer_2_living_in",
        "buyer_2_previous_housing_situation",
    ]


def test_every_page_with_a_condition_has_its_cases():
    assert {p.id for p in hs.PAGES[1:]} <= set(PAGE_CASES)


def test_a_complete_situation_completes_the_subsection():
    for answers in (SHARED, {**JOINT_SHARED, "buy2living": 2, "prevtenbuy2": 3}, DISCOUNTED):
        outcome = evaluate(answers)
        assert outcome.subsections["household_situation"] is Status.COMPLETED, outcome.missing
        assert not outcome.errors


def test_a_postcode_giving_the_local_authority_completes_it():
    outcome = evaluate({**SETUP_SHARED, "prevten": 2, "ppcodenk": 0, "ppostcode_full": "LS1 1AA"})
    assert outcome.subsections["household_situation"] is Status.COMPLETED
    assert outcome.answers["prevloc"] == LEEDS


def test_the_previous_local_authority_may_be_outside_england():
    outcome = evaluate({**SHARED, "prevloc": CARDIFF})
    assert outcome.answers["prevloc"] == CARDIFF
    assert not outcome.errors


def test_not_asked_on_a_staircasing_transaction():
    outcome = evaluate({**SETUP_STAIRCASING, "prevten": 1})
    assert "household_situation" not in outcome.subsections  # not listed in the task list (§1)
    assert "prevten" in outcome.cleared


def test_h2_message_on_both_fields():
    outcome = evaluate({**DISCOUNTED, "prevten": 6})
    message = (
        "Buyer 1’s previous tenure should be “local authority tenant” or “private registered provider or housing "
        "association tenant” for discounted sales."
    )
    assert {(e.field, e.message) for e in outcome.errors} == {("prevten", message), ("ownershipsch", message)}


def test_changing_to_a_discounted_sale_replaces_the_previous_address():
    before = evaluate({**SHARED, **PROPERTY, "ppcodenk": 0, "ppostcode_full": "SW1A 1AA"}).answers
    assert before["prevloc"] == WESTMINSTER
    outcome = evaluate_change({**before, **SETUP_DISCOUNTED}, before)
    assert (outcome.answers["ppostcode_full"], outcome.answers["prevloc"]) == ("LS1 1AA", LEEDS)


def test_evaluating_again_changes_nothing():
    for answers in (SHARED, DISCOUNTED, {**SHARED, "ppostcode_full": "sw1a1aa"}):
        outcome = evaluate(answers)
        assert evaluate(outcome.answers).answers == outcome.answers
