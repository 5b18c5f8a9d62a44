"""Property information of the 2026/27 sales declaration (sales-2026.md §1.2, §2.2, §2.10, §3.1, §3.2, §4.2 P2–P5)."""

from __future__ import annotations

from collect.rulebook import Status
from collect.standards.sales.y2026.property_information import PAGES
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

# The address as the service writes it after an address search in Leeds (§2.10), and a finished subsection.
SEARCHED = {
    "uprn": "10010457355",
    "address_line1": "1 Victoria Road",
    "town_or_city": "Leeds",
    "postcode_full": "LS1 1AA",
}
PROPERTY = {"proptype": 1, "buildheightclass": 2, "beds": 2, "builtype": 1, "wchair": 2}
SHARED = {**SETUP_SHARED, **SEARCHED, **PROPERTY}
DISCOUNTED = {**SETUP_DISCOUNTED, **SEARCHED, **PROPERTY}
STAIRCASING = {**SETUP_STAIRCASING, **SEARCHED, **PROPERTY}
# Entered by hand, in Westminster (London) and with a postcode the look-up does not know (the local authority asked).
MANUAL = {"manual_address_entry_selected": True, "address_line1": "1 Horse Guards", "town_or_city": "London"}
IN_LONDON = {**MANUAL, "postcode_full": "SW1A 1AA"}
UNKNOWN_POSTCODE = {**MANUAL, "postcode_full": "S70 2TA"}
LONDON_DISCOUNTED = {**SETUP_DISCOUNTED, **IN_LONDON, **PROPERTY}
# Answers of other subsections that the interruption pages here need (their pages shown on these routes).
INCOMES = {"income1nk": 0, "income2nk": 0}

PAGE_CASES = {
    "address_search": [PageCase(SHARED, shown=True), PageCase({**SETUP_SHARED, **IN_LONDON}, shown=False)],
    "address": [PageCase({**SETUP_SHARED, **IN_LONDON}, shown=True), PageCase(SHARED, shown=False)],
    "property_local_authority": [
        PageCase({**SETUP_SHARED, **UNKNOWN_POSTCODE}, shown=True),
        PageCase(SETUP_SHARED, shown=True),  # no address yet: nothing inferred
        PageCase(SHARED, shown=False),
    ],
    "local_authority_buyer_1_income_max_value_check": [
        PageCase({**LONDON_DISCOUNTED, **INCOMES, "income1": 95_000}, shown=True),
        PageCase({**LONDON_DISCOUNTED, **INCOMES, "income1": 85_000}, shown=False),
        PageCase({**DISCOUNTED, **INCOMES, "income1": 85_000}, shown=True),
    ],
    "local_authority_buyer_2_income_max_value_check": [
        PageCase({**LONDON_DISCOUNTED, **JOINT, **INCOMES, "income1": 10_000, "income2": 95_000}, shown=True),
        PageCase({**LONDON_DISCOUNTED, **JOINT, **INCOMES, "income1": 10_000, "income2": 45_000}, shown=False),
    ],
    "local_authority_combined_income_max_value_check": [
        PageCase({**LONDON_DISCOUNTED, **JOINT, **INCOMES, "income1": 50_000, "income2": 45_000}, shown=True),
        PageCase({**LONDON_DISCOUNTED, **JOINT, **INCOMES, "income1": 40_000, "income2": 45_000}, shown=False),
        PageCase({**SHARED, **JOINT, **INCOMES, "income1": 50_000, "income2": 45_000}, shown=False),
    ],
    "about_price_la_value_check": [
        PageCase({**SHARED, "value": 600_000}, shown=True),
        PageCase({**SHARED, "value": 200_000}, shown=False),
    ],
    "building_height_class": [
        PageCase(SHARED, shown=True),
        PageCase({**SHARED, "proptype": 2}, shown=True),
        PageCase({**SHARED, "proptype": 9}, shown=True),
        PageCase({**SHARED, "proptype": 3}, shown=False),
        PageCase(SETUP_SHARED, shown=False),
    ],
    "property_number_of_bedrooms": [PageCase(SHARED, shown=True), PageCase({**SHARED, "proptype": 2}, shown=False)],
    "about_price_bedrooms_value_check": [
        PageCase({**SHARED, "value": 50_000}, shown=True),
        PageCase({**SHARED, "value": 100_000}, shown=False),
    ],
    "monthly_charges_property_type_value_check": [
        PageCase({**SHARED, "has_mscharge": 1, "mscharge": 400}, shown=True),
        PageCase({**SHARED, "has_mscharge": 1, "mscharge": 300}, shown=False),
    ],
    "percentage_discount_proptype_value_check": [
        PageCase({**DISCOUNTED, "discount": 60}, shown=True),
        PageCase({**DISCOUNTED, "discount": 40, "proptype": 1}, shown=False),
        PageCase({**DISCOUNTED, "discount": 40, "proptype": 3}, shown=True),
    ],
    "property_building_type": [PageCase(SHARED, shown=True), PageCase(STAIRCASING, shown=False)],
    "property_wheelchair_accessible": [PageCase(DISCOUNTED, shown=True), PageCase(STAIRCASING, shown=False)],
}

CHECK_CASES = {
    "P2": [
        CheckCase({**SHARED, "uprn": "1234567890123"}, triggers=True),
        CheckCase({**SHARED, "uprn": "12A"}, triggers=True),
        CheckCase(SHARED, triggers=False),
    ],
    "P3": [
        CheckCase({**SETUP_SHARED, **MANUAL, "postcode_full": "LS1"}, triggers=True),
        CheckCase({**SETUP_SHARED, **MANUAL, "postcode_full": "ls11aa"}, triggers=False),
    ],
    "P4": [
        CheckCase({**SHARED, "postcode_full": "CF10 1AA"}, triggers=True),
        CheckCase({**SETUP_SHARED, **UNKNOWN_POSTCODE, "la": "X99999999"}, triggers=True),
        CheckCase(SHARED, triggers=False),
    ],
    "P5": [
        CheckCase({**SETUP_SHARED, **UNKNOWN_POSTCODE, "la": "E08000016"}, triggers=True),
        CheckCase({**SETUP_SHARED, **UNKNOWN_POSTCODE, "la": "E08000035"}, triggers=False),
    ],
    "PRICE": [
        CheckCase({**SHARED, "value": 600_000}, triggers=True),
        CheckCase({**SHARED, "value": 350_000}, triggers=False, note="the soft maximum itself is fine"),
    ],
    "CHARGES": [
        CheckCase({**SHARED, "has_mscharge": 1, "mscharge": 300.01}, triggers=True),
        CheckCase({**SHARED, "type": 24, "has_mscharge": 1, "mscharge": 500}, triggers=False),
    ],
    "DISCOUNT": [
        CheckCase({**DISCOUNTED, "proptype": 3, "discount": 36}, triggers=True),
        CheckCase({**DISCOUNTED, "proptype": 2, "discount": 50}, triggers=False),
    ],
    "INCOME1_DISCOUNTED": [
        CheckCase({**DISCOUNTED, **INCOMES, "income1": 80_001}, triggers=True),
        CheckCase({**LONDON_DISCOUNTED, **INCOMES, "income1": 90_000}, triggers=False),
    ],
}

DERIVATION_CASES = {
    "postcode_full": [
        DerivationCase(
            {**SETUP_SHARED, **MANUAL, "postcode_full": " sw1a1aa "},
            expected={"postcode_full": "SW1A 1AA", "pcodenk": 0, "la": "E09000033", "is_la_inferred": True},
        ),
        DerivationCase(
            {**SETUP_SHARED, **UNKNOWN_POSTCODE, "la": "E08000035"},
            expected={"postcode_full": "S70 2TA", "pcodenk": 0, "la": "E08000035", "is_la_inferred": False},
            note="a postcode the look-up does not know leaves the local authority to be asked",
        ),
    ],
    "postcode_not_known": [
        DerivationCase(
            {**SETUP_SHARED, **MANUAL, "la": "E08000035", "is_la_inferred": True},
            expected={"la": None, "is_la_inferred": False, "postcode_full": None},
            note="no postcode: the local authority inferred from one goes",
        ),
        DerivationCase(
            {**SETUP_SHARED, **MANUAL, "la": "E08000035"},
            expected={"la": "E08000035", "is_la_inferred": False},
            note="a local authority given is kept",
        ),
    ],
    "address_bookkeeping": [
        DerivationCase(
            SHARED,
            expected={"uprn": "10010457355", "uprn_known": 1, "uprn_confirmed": 1, "uprn_selection": "10010457355"},
        ),
        DerivationCase(
            {**SETUP_SHARED, "address_line1": "1 Victoria Road", "town_or_city": "Leeds", "postcode_full": "LS1 1AA"},
            expected={"manual_address_entry_selected": True, "uprn_known": 0, "uprn": None, "la": "E08000035"},
            note="an address without a UPRN (bulk upload, the API) is entered by hand",
        ),
        DerivationCase(
            {**SHARED, "uprn_known": 1, "uprn_confirmed": 0},
            expected={"uprn": None, "uprn_known": None, "address_line1": None, "postcode_full": None, "la": None},
            note="an unconfirmed UPRN goes with its address",
        ),
    ],
    "pcode": [
        DerivationCase(SHARED, expected={"pcode1": "LS1", "pcode2": "1AA"}),
        DerivationCase(SETUP_SHARED, expected={"pcode1": None, "pcode2": None}),
    ],
    "beds_bedsit": [
        DerivationCase({**SHARED, "proptype": 2, "beds": 3}, expected={"beds": 1}),
        DerivationCase(SHARED, expected={"beds": 2}),
    ],
    "la_inactive_on_saledate": [
        DerivationCase(
            {**SETUP_SHARED, **UNKNOWN_POSTCODE, "la": "E08000016"},
            expected={"la": "E08000016"},
            note="nothing is cleared for a new log: P5 reports it",
        ),
    ],
}


def messages(outcome, check_id):
    return {i.field: i.message for i in outcome.errors + outcome.warnings if i.check_id == check_id}


def test_pages_are_in_the_standards_order():
    assert [p.id for p in PAGES] == [
        "address_search",
        "address",
        "property_local_authority",
        "local_authority_buyer_1_income_max_value_check",
        "local_authority_buyer_2_income_max_value_check",
        "local_authority_combined_income_max_value_check",
        "about_price_la_value_check",
        "property_unit_type",
        "building_height_class",
        "property_number_of_bedrooms",
        "about_price_bedrooms_value_check",
        "monthly_charges_property_type_value_check",
        "percentage_discount_proptype_value_check",
        "property_building_type",
        "property_wheelchair_accessible",
    ]


def test_a_searched_address_completes_the_subsection_without_errors():
    for answers in (SHARED, DISCOUNTED, {**SETUP_SHARED, **IN_LONDON, **PROPERTY}):
        outcome = evaluate(answers)
        assert outcome.subsections["property_information"] is Status.COMPLETED, outcome.missing
        assert outcome.errors == []


def test_staircasing_asks_neither_building_type_nor_wheelchair_standards():
    outcome = evaluate({k: v for k, v in STAIRCASING.items() if k not in ("builtype", "wchair")})
    assert outcome.subsections["property_information"] is Status.COMPLETED
    assert "builtype" not in evaluate(STAIRCASING).answers


def test_a_bedsit_has_one_bedroom_and_is_not_asked():
    outcome = evaluate({**SHARED, "proptype": 2, "beds": None})
    assert outcome.answers["beds"] == 1
    assert outcome.subsections["property_information"] is Status.COMPLETED
    stored = outcome.answers
    changed = evaluate_change({**stored, "proptype": 1}, stored)
    assert "beds" not in changed.answers
    assert changed.missing["property_information"] == ["beds"]


def test_bedrooms_are_1_to_9():
    outcome = evaluate({**SHARED, "beds": 10})
    assert {i.message for i in outcome.errors} == {"Number of bedrooms must be between 1 and 9."}


def test_outside_england_messages_depend_on_the_address_search():
    searched = evaluate({**SHARED, "postcode_full": "CF10 1AA"})
    address = "It looks like you have entered an address outside of England. Only create logs for sales in England."
    postcode = "It looks like you have entered a postcode outside of England. Only create logs for sales in England."
    assert messages(searched, "P4") == {
        "la": address,
        "postcode_full": postcode,
        "uprn": address,
        "uprn_selection": address,
        "saledate": address,
    }
    entered = evaluate({**SETUP_SHARED, **MANUAL, "postcode_full": "CF10 1AA"})
    assert messages(entered, "P4")["saledate"] == postcode


def test_local_authority_not_on_the_sale_date_message():
    outcome = evaluate({**SETUP_SHARED, **UNKNOWN_POSTCODE, "la": "E08000016"})
    text = (
        "Barnsley does not exist on the property sale date, due to a change in local authority names and boundaries. "
        "Please enter the local authority name in use on the sale date"
    )
    assert messages(outcome, "P5") == dict.fromkeys(("la", "postcode_full", "uprn", "uprn_selection", "saledate"), text)


def test_a_changed_sale_date_clears_a_local_authority_that_did_not_exist_then():
    before = {
        **SETUP_SHARED,
        **UNKNOWN_POSTCODE,
        "saledate": SETUP_SHARED["saledate"].replace(year=2025),
        "la": "E08000016",
    }
    changed = evaluate_change({**before, "saledate": SETUP_SHARED["saledate"]}, before)
    assert "la" not in changed.answers
    assert "property_local_authority" in changed.routed_pages
    kept = evaluate_change({**before, "la": "E08000035", "saledate": SETUP_SHARED["saledate"]}, before)
    assert kept.answers["la"] == "E08000035"


def test_choosing_manual_entry_after_a_search_drops_the_uprn():
    manual = {**SHARED, "manual_address_entry_selected": True}
    outcome = evaluate_change(manual, SHARED)
    assert "uprn" not in outcome.answers
    assert outcome.answers["uprn_known"] == 0
    assert outcome.answers["address_line1"] == "1 Victoria Road"
    assert "address" in outcome.routed_pages
    assert "address_search" not in outcome.routed_pages


def test_removing_the_uprn_from_a_search_clears_the_address_and_its_local_authority():
    previous = evaluate({**SHARED, "manual_address_entry_selected": False}).answers
    outcome = evaluate_change({k: v for k, v in previous.items() if k != "uprn"}, previous)
    for gone in ("address_line1", "town_or_city", "postcode_full", "la", "uprn_known", "pcodenk", "pcode1"):
        assert gone not in outcome.answers, gone
    assert outcome.answers["is_la_inferred"] is False
    assert outcome.missing["property_information"] == ["uprn", "la"]


def test_an_address_left_without_its_uprn_and_no_choice_recorded_counts_as_entered_by_hand():
    previous = evaluate(SHARED).answers
    outcome = evaluate_change({k: v for k, v in previous.items() if k != "uprn"}, previous)
    assert outcome.answers["manual_address_entry_selected"] is True
    assert outcome.answers["uprn_known"] == 0
    assert "address" in outcome.routed_pages


def test_a_local_authority_chosen_by_hand_survives_an_empty_search():
    outcome = evaluate({**SETUP_SHARED, **PROPERTY, "la": "E08000035"})
    assert outcome.answers["la"] == "E08000035"
    assert outcome.missing["property_information"] == ["uprn"]


def test_the_address_entered_by_hand_needs_line_1_town_and_postcode():
    outcome = evaluate({**SETUP_SHARED, "manual_address_entry_selected": True, **PROPERTY})
    assert outcome.missing["property_information"] == ["address_line1", "town_or_city", "postcode_full", "la"]
