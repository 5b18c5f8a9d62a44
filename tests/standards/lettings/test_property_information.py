"""The property information subsection of the 2026/27 lettings declaration (lettings-2026.md §2.2, §3.2, §4, §5)."""

from __future__ import annotations

import datetime
from dataclasses import replace
from decimal import Decimal

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from collect.rulebook import Status
from collect.standards.lettings.context import RentRange
from collect.standards.lettings.y2026.property_information import PAGES
from collect.standards.lettings.y2026.triggers import RENT, rent_soft_direction
from tests.standards.lettings.support import (
    LOCATION_FACTS,
    SETUP_GN,
    SETUP_SH,
    START,
    SUPPORTED_FACTS,
    CheckCase,
    DerivationCase,
    FakeReferenceData,
    PageCase,
    evaluate,
    evaluate_change,
    make_context,
    supported_context,
)

D = datetime.date


def days_before(days: int) -> datetime.date:
    return START - datetime.timedelta(days=days)


def years_before(years: int) -> datetime.date:
    return START.replace(year=START.year - years)


RELET = {**SETUP_GN, "first_time_property_let_as_social_housing": 0, "unitletas": 1, "rsnvac": 13}
REPAIRED = {**RELET, "majorrepairs": 1}
FIRST_LET = {**SETUP_GN, "first_time_property_let_as_social_housing": 1, "rsnvac": 16}
RENEWAL = {**SETUP_GN, "renewal": 1}
TYPED = {"manual_address_entry_selected": True, "address_line1": "1 High Street", "town_or_city": "Leeds"}
MANUAL = {**SETUP_GN, **TYPED}
# A general needs two-bedroom social rent flat in Leeds (expected rent £80–£150 a week, £40–£500 at the outside).
LEEDS_FLAT = {**SETUP_GN, "la": "E08000035", "unittype_gn": 1, "beds": 2, "period": 1}
SUPPORTED = {**SETUP_SH}

PAGE_CASES = {
    "first_time_property_let_as_social_housing": [
        PageCase(SETUP_GN, shown=True),
        PageCase(RENEWAL, shown=False),
        PageCase({k: v for k, v in SETUP_GN.items() if k != "declaration"}, shown=False),  # setup not done
    ],
    "property_let_type": [PageCase(RELET, shown=True), PageCase(FIRST_LET, shown=False)],
    "property_vacancy_reason_not_first_let": [
        PageCase(RELET, shown=True),
        PageCase(FIRST_LET, shown=False),
        PageCase({**RELET, "renewal": 1}, shown=False),
    ],
    "property_vacancy_reason_first_let": [PageCase(FIRST_LET, shown=True), PageCase(RELET, shown=False)],
    "address_search": [
        PageCase(SETUP_GN, shown=True),
        PageCase(SUPPORTED, shown=True, context=SUPPORTED_FACTS),
        PageCase(MANUAL, shown=False),
    ],
    "address": [
        PageCase(MANUAL, shown=True),
        PageCase({**MANUAL, "manual_address_entry_selected": None}, shown=True),  # no UPRN: entered by hand
        PageCase(SETUP_GN, shown=False),
        PageCase({**SETUP_GN, "uprn": "10010457355", "manual_address_entry_selected": False}, shown=False),
    ],
    "property_local_authority": [
        PageCase(SETUP_GN, shown=True),  # no postcode: the local authority is asked
        PageCase({**MANUAL, "postcode_full": "ZZ9 9ZZ"}, shown=True),  # a postcode with no known local authority
        PageCase({**MANUAL, "postcode_full": "LS1 1AA"}, shown=False),
        PageCase(SUPPORTED, shown=False, context=SUPPORTED_FACTS),
    ],
    "local_authority_rent_value_check": [
        PageCase({**LEEDS_FLAT, "brent": 160}, shown=True),
        PageCase({**LEEDS_FLAT, "brent": 100}, shown=False),
    ],
    "property_unit_type": [PageCase(SETUP_GN, shown=True), PageCase(SUPPORTED, shown=False)],
    "property_wheelchair_accessible": [PageCase(SETUP_GN, shown=True), PageCase(SUPPORTED, shown=False)],
    "property_number_of_bedrooms": [
        PageCase({**SETUP_GN, "unittype_gn": 1}, shown=True),
        PageCase({**SETUP_GN, "unittype_gn": 2}, shown=False),
        PageCase(SUPPORTED, shown=False),
    ],
    "beds_rent_value_check": [
        PageCase({**LEEDS_FLAT, "brent": 45}, shown=True),
        PageCase({**LEEDS_FLAT, "brent": 30}, shown=False),  # below the hard minimum: a hard check, not a soft one
    ],
    "void_date": [PageCase(SETUP_GN, shown=True), PageCase(RENEWAL, shown=False)],
    "void_date_value_check": [
        PageCase({**SETUP_GN, "voiddate": days_before(730)}, shown=True),
        PageCase({**SETUP_GN, "voiddate": days_before(7300)}, shown=True),
        PageCase({**SETUP_GN, "voiddate": days_before(729)}, shown=False),
        PageCase({**SETUP_GN, "voiddate": days_before(7301)}, shown=False),
    ],
    "property_major_repairs": [
        PageCase(RELET, shown=True),
        PageCase(FIRST_LET, shown=False),
        PageCase({**RELET, "rsnvac": 14}, shown=False),
    ],
    "property_major_repairs_value_check": [
        PageCase({**REPAIRED, "mrcdate": days_before(800)}, shown=True),
        PageCase({**REPAIRED, "mrcdate": days_before(100)}, shown=False),
    ],
    "sheltered_accommodation": [PageCase(SUPPORTED, shown=True), PageCase(SETUP_GN, shown=False)],
}

CHECK_CASES = {
    "D2": [
        CheckCase({**REPAIRED, "mrcdate": START + datetime.timedelta(days=1)}, triggers=True),
        CheckCase({**REPAIRED, "mrcdate": START}, triggers=False),
    ],
    "D3": [
        CheckCase({**REPAIRED, "mrcdate": years_before(20) - datetime.timedelta(days=1)}, triggers=True),
        CheckCase({**REPAIRED, "mrcdate": years_before(20)}, triggers=False),
    ],
    "D4": [
        CheckCase({**REPAIRED, "mrcdate": days_before(10), "voiddate": days_before(5)}, triggers=True),
        CheckCase({**REPAIRED, "mrcdate": days_before(10), "voiddate": days_before(10)}, triggers=False),
    ],
    "D5": [
        CheckCase({**SETUP_GN, "voiddate": START + datetime.timedelta(days=1)}, triggers=True),
        CheckCase({**SETUP_GN, "voiddate": START}, triggers=False),
    ],
    "D6": [
        CheckCase({**SETUP_GN, "voiddate": years_before(21)}, triggers=True),
        CheckCase({**SETUP_GN, "voiddate": years_before(1)}, triggers=False),
    ],
    "P1": [
        CheckCase({**RELET, "rsnvac": 9, "prevten": 4}, triggers=True),
        CheckCase({**RELET, "rsnvac": 9, "prevten": 18}, triggers=False),
        CheckCase({**RELET, "prevten": 4}, triggers=False),
    ],
    "P3": [
        CheckCase({**RELET, "rsnvac": 14}, triggers=True),
        CheckCase(RELET, triggers=False),
        CheckCase(RENEWAL, triggers=False),  # the renewal's vacancy reason is derived as 14
    ],
    "P4": [
        CheckCase({**SETUP_GN, "unittype_gn": 4, "beds": 4, "hhmemb": 1}, triggers=True),
        CheckCase({**SETUP_GN, "unittype_gn": 4, "beds": 3, "hhmemb": 1}, triggers=False),
        CheckCase({**SETUP_GN, "unittype_gn": 1, "beds": 4, "hhmemb": 1}, triggers=False),
    ],
    "P5": [
        CheckCase({**SETUP_GN, "unittype_gn": 9, "beds": 8, "hhmemb": 2}, triggers=True),
        CheckCase({**SETUP_GN, "unittype_gn": 10, "beds": 8}, triggers=True),
        CheckCase({**SETUP_GN, "unittype_gn": 9, "beds": 7, "hhmemb": 2}, triggers=False),
        CheckCase({**SETUP_GN, "unittype_gn": 9, "beds": 8, "hhmemb": 1}, triggers=False),  # P4 instead
    ],
    "P6": [
        CheckCase({**SETUP_GN, "uprn": "ABC123"}, triggers=True),
        CheckCase({**SETUP_GN, "uprn": "1234567890123"}, triggers=True),
        CheckCase({**SETUP_GN, "uprn": "10010457355"}, triggers=False),
    ],
    "P7": [
        CheckCase({**MANUAL, "postcode_full": "not a postcode"}, triggers=True),
        CheckCase({**MANUAL, "postcode_full": "ls1 1aa"}, triggers=False),
    ],
    "P8": [
        CheckCase({**SUPPORTED, **TYPED, "postcode_full": "SW1A 1AA"}, triggers=True, context=SUPPORTED_FACTS),
        CheckCase({**SUPPORTED, **TYPED, "postcode_full": "LS1 1AA"}, triggers=False, context=SUPPORTED_FACTS),
        CheckCase(SUPPORTED, triggers=False, context=SUPPORTED_FACTS),  # no address postcode: the location's
    ],
    "P9": [
        CheckCase({**SETUP_GN, "la": "W06000015"}, triggers=True),
        CheckCase({**SETUP_GN, "la": "E99999999"}, triggers=True),  # not a local authority
        CheckCase({**MANUAL, "postcode_full": "CF10 1AA"}, triggers=True),
        CheckCase(
            SUPPORTED,
            triggers=True,
            context={**SUPPORTED_FACTS, "location": replace(LOCATION_FACTS, local_authority_code="W06000015")},
        ),
        CheckCase({**SETUP_GN, "la": "E08000035"}, triggers=False),
        CheckCase(SUPPORTED, triggers=False, context=SUPPORTED_FACTS),
    ],
    "P10": [
        CheckCase({**SETUP_GN, "la": "E08000016"}, triggers=True),  # Barnsley's old code, until 31 March 2025
        CheckCase(
            {**SETUP_GN, "la": "E08000016", "startdate": D(2025, 3, 1)},
            triggers=False,
            context={"today": D(2025, 3, 5)},
        ),
        CheckCase({**SETUP_GN, "la": "E08000035"}, triggers=False),
        CheckCase({**SETUP_GN, "la": "W06000015"}, triggers=False),  # P9 instead
    ],
    "RENT": [
        CheckCase({**LEEDS_FLAT, "brent": 160}, triggers=True, note="higher"),
        CheckCase({**LEEDS_FLAT, "brent": 150}, triggers=True, note="at the soft maximum"),
        CheckCase({**LEEDS_FLAT, "brent": 40}, triggers=True, note="at the hard minimum"),
        CheckCase({**LEEDS_FLAT, "brent": 100}, triggers=False),
        CheckCase({**LEEDS_FLAT, "brent": 600}, triggers=False, note="above the hard maximum: hard check"),
        CheckCase({**LEEDS_FLAT, "brent": 160, "rent_value_check": 0}, triggers=False, note="confirmed"),
        CheckCase({**LEEDS_FLAT, "brent": 660, "period": 4}, triggers=True, note="£152.31 a week"),
        CheckCase({**LEEDS_FLAT, "brent": 640, "period": 4}, triggers=False, note="£147.69 a week"),
        CheckCase({**LEEDS_FLAT, "brent": 160, "beds": 3}, triggers=False, note="no range for 3 bedrooms"),
        CheckCase({**SUPPORTED, "brent": 250, "period": 1}, triggers=True, context=SUPPORTED_FACTS),
        CheckCase({**SUPPORTED, "brent": 250, "period": 1}, triggers=False, note="no location, no local authority"),
    ],
    "VOID": [
        CheckCase({**SETUP_GN, "voiddate": days_before(800)}, triggers=True),
        CheckCase({**SETUP_GN, "voiddate": days_before(800), "void_date_value_check": 0}, triggers=False),
        CheckCase({**SETUP_GN, "voiddate": days_before(100)}, triggers=False),
    ],
    "MRC": [
        CheckCase({**REPAIRED, "mrcdate": days_before(800)}, triggers=True),
        CheckCase({**REPAIRED, "mrcdate": days_before(800), "major_repairs_date_value_check": 0}, triggers=False),
        CheckCase({**REPAIRED, "mrcdate": days_before(100)}, triggers=False),
    ],
}

DERIVATION_CASES = {
    "postcode_full": [
        DerivationCase(
            {**MANUAL, "postcode_full": " sw1a1aa "},
            expected={"postcode_full": "SW1A 1AA", "postcode_known": 1, "la": "E09000033", "is_la_inferred": True},
        ),
        DerivationCase(
            {**MANUAL, "postcode_full": "zz99zz", "la": "E08000035"},
            expected={"postcode_full": "ZZ9 9ZZ", "postcode_known": 1, "la": "E08000035", "is_la_inferred": False},
        ),
        DerivationCase({**MANUAL, "postcode_full": "not a postcode"}, expected={"postcode_full": "NOTAPOSTCODE"}),
    ],
    "postcode_not_known": [
        DerivationCase(SETUP_GN, expected={"is_la_inferred": False, "postcode_known": None}),
        DerivationCase({**SETUP_GN, "la": "E08000035", "is_la_inferred": True}, expected={"la": None}),
        DerivationCase({**SETUP_GN, "la": "E08000035", "is_la_inferred": False}, expected={"la": "E08000035"}),
    ],
    "renewal_property": [
        DerivationCase(
            {**RENEWAL, "rent_type": 2},
            expected={
                "rsnvac": 14,
                "first_time_property_let_as_social_housing": 0,
                "offered": 0,
                "voiddate": START,
                "unitletas": 5,
                "newprop": 2,
                "vacdays": 0,
            },
        ),
        DerivationCase(RELET, expected={"rsnvac": 13, "offered": None, "unitletas": 1}),
    ],
    "newprop": [
        DerivationCase(FIRST_LET, expected={"newprop": 1}),
        DerivationCase(RELET, expected={"newprop": 2}),
        DerivationCase(SETUP_GN, expected={"newprop": None}),
    ],
    "beds_bedsit": [
        DerivationCase({**SETUP_GN, "unittype_gn": 2}, expected={"beds": 1}),
        DerivationCase({**SETUP_GN, "unittype_gn": 2, "beds": 3}, expected={"beds": 1}),
        DerivationCase({**SETUP_GN, "unittype_gn": 7, "beds": 3}, expected={"beds": 3}),
    ],
    "wchair": [
        DerivationCase(SUPPORTED, expected={"wchair": 2}, context=SUPPORTED_FACTS),
        DerivationCase(
            SUPPORTED,
            expected={"wchair": 1},
            context={**SUPPORTED_FACTS, "location": replace(LOCATION_FACTS, mobility_type="W")},
        ),
        DerivationCase({**SETUP_GN, "wchair": 1}, expected={"wchair": 1}, context=SUPPORTED_FACTS),
    ],
    "address_bookkeeping": [
        DerivationCase(
            {**SETUP_GN, "uprn": "10010457355"},
            expected={"uprn_known": 1, "uprn_confirmed": 1, "uprn_selection": "10010457355"},
        ),
        DerivationCase(
            {**MANUAL, "manual_address_entry_selected": None},
            expected={"manual_address_entry_selected": True, "uprn_known": 0, "address_line1": "1 High Street"},
        ),
        DerivationCase(
            {**MANUAL, "manual_address_entry_selected": False},
            expected={"address_line1": None, "town_or_city": None, "uprn_known": None},
            note="searching again (no UPRN chosen yet) clears the address typed by hand",
        ),
        DerivationCase(
            {**FIRST_LET, "rsnvac": 15},
            expected={"manual_address_entry_selected": True, "uprn_known": 0},
            note="a new build has no UPRN yet",
        ),
        DerivationCase(
            {**SETUP_GN, "uprn": "10010457355", "uprn_known": 1, "uprn_confirmed": 0, "address_line1": "1 Main Road"},
            expected={"uprn": None, "address_line1": None, "uprn_known": None, "uprn_confirmed": None},
            note="a UPRN not confirmed is cleared with its address",
        ),
    ],
    "vacdays": [
        DerivationCase({**SETUP_GN, "voiddate": days_before(34)}, expected={"vacdays": 34}),
        DerivationCase({**REPAIRED, "voiddate": days_before(34), "mrcdate": days_before(3)}, expected={"vacdays": 3}),
        DerivationCase(SETUP_GN, expected={"vacdays": None}),
    ],
    "la_inactive_on_startdate": [
        DerivationCase({**SETUP_GN, "la": "E08000016"}, expected={"la": "E08000016"}, note="a new log: P10 says"),
    ],
    "location_change": [
        DerivationCase(
            {**SUPPORTED, **TYPED, "postcode_full": "LS1 1AA"},
            expected={"address_line1": "1 High Street", "postcode_full": "LS1 1AA"},
            context=SUPPORTED_FACTS,
            note="a new log keeps its address",
        ),
    ],
}


def issues(outcome, check_id):
    return {i.field: i.message for i in outcome.errors + outcome.warnings if i.check_id == check_id}


def test_pages_are_in_the_standards_order():
    assert [p.id for p in PAGES] == [
        "first_time_property_let_as_social_housing",
        "property_let_type",
        "property_vacancy_reason_not_first_let",
        "property_vacancy_reason_first_let",
        "address_search",
        "address",
        "property_local_authority",
        "local_authority_rent_value_check",
        "property_unit_type",
        "property_wheelchair_accessible",
        "property_number_of_bedrooms",
        "beds_rent_value_check",
        "void_date",
        "void_date_value_check",
        "property_major_repairs",
        "property_major_repairs_value_check",
        "sheltered_accommodation",
    ]


GN_COMPLETE = {
    **RELET,
    **MANUAL,
    "postcode_full": "LS1 1AA",
    "unittype_gn": 1,
    "wchair": 2,
    "beds": 2,
    "voiddate": days_before(30),
    "majorrepairs": 0,
}


def test_a_general_needs_property_completes_and_is_stable():
    outcome = evaluate(GN_COMPLETE)
    assert outcome.subsections["property_information"] is Status.COMPLETED
    assert outcome.errors == []
    assert outcome.answers["la"] == "E08000035"
    again = evaluate(outcome.answers)
    assert again.answers == outcome.answers
    assert again.cleared == {}


def test_a_supported_housing_property_completes_with_its_location():
    answers = {**SUPPORTED, **TYPED, "postcode_full": "LS1 1AA", "first_time_property_let_as_social_housing": 1}
    answers |= {"rsnvac": 15, "voiddate": days_before(30), "sheltered": 3}
    outcome = evaluate(answers, supported_context())
    assert outcome.subsections["property_information"] is Status.COMPLETED
    assert outcome.answers["wchair"] == 2
    assert outcome.errors == []


def test_a_renewal_derives_the_property_history_and_asks_no_more_of_it():
    answers = {**RENEWAL, "uprn": "10010457355", "unittype_gn": 1, "wchair": 1, "beds": 1}
    outcome = evaluate(answers)
    assert outcome.subsections["property_information"] is Status.IN_PROGRESS
    assert outcome.missing["property_information"] == ["la"]
    outcome = evaluate({**answers, "la": "E08000035"})
    assert outcome.subsections["property_information"] is Status.COMPLETED
    assert outcome.answers["voiddate"] == START


def test_ending_a_renewal_clears_what_it_derived():
    previous = evaluate(RENEWAL).answers
    outcome = evaluate_change({**previous, "renewal": 0}, previous)
    for field in ("rsnvac", "first_time_property_let_as_social_housing", "offered", "voiddate", "unitletas"):
        assert field not in outcome.answers, field


def test_a_bedsit_changed_to_a_flat_asks_for_the_bedrooms():
    previous = evaluate({**SETUP_GN, "unittype_gn": 2}).answers
    assert previous["beds"] == 1
    outcome = evaluate_change({**previous, "unittype_gn": 1}, previous)
    assert "beds" not in outcome.answers
    assert "beds" in outcome.missing["property_information"]


def test_a_changed_start_date_clears_a_local_authority_not_existing_then():
    previous = evaluate({**SETUP_GN, "la": "E08000016", "startdate": D(2025, 3, 1)}, make_context(today=D(2025, 3, 5)))
    assert previous.answers["la"] == "E08000016"
    outcome = evaluate_change({**previous.answers, "startdate": START}, previous.answers)
    assert "la" not in outcome.answers
    assert outcome.answers["is_la_inferred"] is False
    assert "property_local_authority" in outcome.routed_pages


def test_a_changed_location_clears_the_address():
    answers = {**SUPPORTED, **TYPED, "postcode_full": "LS1 1AA"}
    previous = evaluate(answers, supported_context()).answers
    outcome = evaluate_change({**previous, "location_id": 8}, previous, supported_context())
    for field in ("address_line1", "town_or_city", "postcode_full", "la"):
        assert field not in outcome.answers, field


def test_a_changed_postcode_is_looked_up_again_and_an_unchanged_one_is_not():
    previous = evaluate({**MANUAL, "postcode_full": "LS1 1AA"}).answers
    moved = evaluate_change({**previous, "postcode_full": "sw1a 1aa"}, previous)
    assert (moved.answers["postcode_full"], moved.answers["la"]) == ("SW1A 1AA", "E09000033")
    chosen = {**previous, "la": "E09000033"}  # set by hand although inferred: kept while the postcode is unchanged
    assert evaluate_change(chosen, previous).answers["la"] == "E09000033"


def test_replacing_a_found_address_by_one_typed_by_hand():
    found = {**SETUP_GN, "uprn": "10010457355", "address_line1": "1 Main Road", "town_or_city": "Leeds"}
    previous = evaluate({**found, "postcode_full": "LS1 1AA"}).answers
    assert previous["uprn_known"] == 1
    switched = evaluate_change({**previous, "manual_address_entry_selected": True}, previous)
    assert "uprn" not in switched.answers  # its page is no longer shown
    assert "address_line1" not in switched.answers  # the found address goes with the UPRN
    assert switched.answers["uprn_known"] == 0
    typed = {**switched.answers, "address_line1": "2 Side Street", "town_or_city": "Leeds", "postcode_full": "LS1 1AA"}
    outcome = evaluate_change(typed, switched.answers)
    assert outcome.answers["address_line1"] == "2 Side Street"
    assert outcome.answers["la"] == "E08000035"


def test_leaving_new_build_goes_back_to_the_address_search_unless_an_address_was_typed():
    new_build = {**FIRST_LET, "rsnvac": 15}
    previous = evaluate(new_build).answers
    assert previous["manual_address_entry_selected"] is True
    outcome = evaluate_change({**previous, "rsnvac": 16}, previous)
    assert outcome.answers["manual_address_entry_selected"] is False
    typed = evaluate({**new_build, "address_line1": "1 New Road", "town_or_city": "Leeds"}).answers
    outcome = evaluate_change({**typed, "rsnvac": 16}, typed)
    assert outcome.answers["manual_address_entry_selected"] is True


def test_rent_messages_say_higher_or_lower_with_the_rent_as_entered():
    outcome = evaluate({**LEEDS_FLAT, "brent": 1600, "period": 4})
    assert issues(outcome, "RENT") == {
        "brent": "You told us the rent is £1,600.00 every month. This is higher than we would expect."
    }
    outcome = evaluate({**LEEDS_FLAT, "brent": Decimal("45.5"), "period": 1})
    assert issues(outcome, "RENT") == {
        "brent": "You told us the rent is £45.50 every week. This is lower than we would expect."
    }


def test_rent_above_the_soft_maximum_with_many_bedrooms():
    rents = {(2026, 1, "E08000035", 4): RentRange(Decimal(80), Decimal(150), Decimal(40), Decimal(500))}
    context = make_context(refdata=FakeReferenceData(rents=rents))
    many = {**LEEDS_FLAT, "beds": 5, "brent": 900}
    assert rent_soft_direction(many, context) == "higher"  # any rent above the soft maximum
    assert rent_soft_direction({**many, "beds": 4}, context) is None  # above the hard maximum
    assert rent_soft_direction({**many, "beds": 4, "brent": 200}, context) == "higher"


def test_rent_trigger_is_safe_without_a_lettings_context_or_with_odd_answers():
    test = RENT.compile()
    assert test({**LEEDS_FLAT, "brent": 160}, None) is False
    assert test({**LEEDS_FLAT, "brent": "lots"}, make_context()) is False
    assert test({**LEEDS_FLAT, "brent": Decimal("1e40")}, make_context()) is False
    assert test({**LEEDS_FLAT, "brent": 160, "beds": True}, make_context()) is False


def test_outside_england_messages_depend_on_the_letting():
    outcome = evaluate({**MANUAL, "postcode_full": "CF10 1AA"})
    found = issues(outcome, "P9")
    assert found["la"] == (
        "It looks like you have entered an address outside of England. Only create logs for lettings in England."
    )
    assert found["startdate"] == (
        "It looks like you have an entered a postcode outside of England. Only create logs for lettings in England."
    )
    context = make_context(**{**SUPPORTED_FACTS, "location": replace(LOCATION_FACTS, local_authority_code="W06000015")})
    found = issues(evaluate(SUPPORTED, context), "P9")
    assert found["scheme_id"] == (
        "This scheme’s only location is outside of England. Only create logs for lettings in England."
    )
    assert found["startdate"] == (
        "It looks like you have selected a location outside of England. Only create logs for lettings in England."
    )


def test_local_authority_not_existing_names_it():
    found = issues(evaluate({**SETUP_GN, "la": "E08000016"}), "P10")
    assert found["la"] == (
        "Barnsley does not exist on the tenancy start date, due to a change in local authority names and boundaries. "
        "Please enter the local authority name in use on the tenancy start date"
    )


def test_void_and_repairs_soft_checks_name_the_problem():
    outcome = evaluate({**REPAIRED, "voiddate": days_before(900), "mrcdate": days_before(800)})
    assert issues(outcome, "VOID") == {
        "voiddate": "You told us that the property has been vacant for more than 2 years. This is longer than we would "
        "expect."
    }
    assert issues(outcome, "MRC") == {
        "mrcdate": "You told us the property has been vacant for 2 years. This is longer than we would expect."
    }
    confirmed = evaluate(
        {**REPAIRED, "voiddate": days_before(900), "mrcdate": days_before(800), "void_date_value_check": 0}
    )
    assert confirmed.subsections["property_information"] is not Status.COMPLETED  # MRC is still to confirm


KEYS = st.sampled_from(
    [
        "renewal",
        "needstype",
        "startdate",
        "rent_type",
        "first_time_property_let_as_social_housing",
        "unitletas",
        "rsnvac",
        "uprn",
        "uprn_known",
        "uprn_confirmed",
        "uprn_selection",
        "manual_address_entry_selected",
        "address_line1",
        "town_or_city",
        "postcode_full",
        "postcode_known",
        "la",
        "is_la_inferred",
        "unittype_gn",
        "wchair",
        "beds",
        "voiddate",
        "majorrepairs",
        "mrcdate",
        "location_id",
        "scheme_id",
        "brent",
        "period",
        "rent_value_check",
        "tenancy",
        "tenancylength",
        "tenancyother",
        "hhmemb",
        "joint",
    ]
)
VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-3, 30),
    st.sampled_from(["", " ", "x", "15", "LS1 1AA", "sw1a1aa", "CF10 1AA", "E08000016", "W06000015", "starter"]),
    st.decimals(min_value=-10, max_value=2000, places=2, allow_nan=False),
    st.dates(min_value=D(2000, 1, 1), max_value=D(2030, 12, 31)),
    st.datetimes(min_value=datetime.datetime(2020, 1, 1), max_value=datetime.datetime(2030, 1, 1)),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(KEYS, VALUES, max_size=14), st.dictionaries(KEYS, VALUES, max_size=6), st.booleans())
# A chain of three clearings: the renewal flag, then the unit type its page needs, then the bedsit's bedrooms.
@example(extra={"renewal": -1, "unittype_gn": 2, "beds": 0}, previous={}, supported=False)
def test_random_answers_never_raise_and_outcomes_are_stable(extra, previous, supported):
    base = SETUP_SH if supported else SETUP_GN
    context = supported_context() if supported else make_context()
    answers = {**base, **extra}
    outcome = evaluate(answers, context)
    again = evaluate(outcome.answers, context)
    assert again.answers == outcome.answers
    assert again.cleared == {}
    assert again.errors == outcome.errors
    assert again.warnings == outcome.warnings
    evaluate_change(answers, {**base, **previous}, context)  # change-driven rules never raise either
