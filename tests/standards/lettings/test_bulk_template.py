"""The 2026/27 lettings bulk upload template: header texts, readers, cell checks and the examples' round trip."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings

from collect.rulebook import Status
from collect.rulebook.template import CellType
from collect.standards import bulk
from collect.standards.lettings.y2026 import LETTINGS_2026, examples
from collect.standards.lettings.y2026.bulk_template import TEMPLATE
from collect.standards.registry import evaluator
from tests.standards.lettings.support import evaluate, make_context, supported_context

# Lookups that know two owners (ORG1 a housing association, ORG2 a council), ORG3 (not their agent), one user,
# scheme S5 of ORG1 and its location 7.


@dataclass(frozen=True)
class Organisation(bulk.BulkOrganisation):
    provider_type: int = 2


ORGANISATIONS = {
    "ORG1": Organisation(1, "Riverside Homes", holds_own_stock=True),
    "ORG2": Organisation(2, "Hilltop Council", holds_own_stock=True, provider_type=1),
    "ORG3": Organisation(3, "Agents Ltd", holds_own_stock=False),
}


class FakeLookups:
    uploader = bulk.Uploader(
        10,
        is_support=False,
        organisation_id=1,
        organisation_name="Riverside Homes",
        permitted_owner_ids=frozenset({1, 2}),
    )

    def organisation(self, code: str) -> bulk.BulkOrganisation | None:
        return ORGANISATIONS.get(code.upper())

    def user(self, email: str) -> bulk.BulkUser | None:
        return bulk.BulkUser(11, frozenset({1})) if email.lower() == "officer@example.com" else None

    def scheme(self, code: str, organisation_ids: frozenset[int]) -> int | None:
        return 5 if code.upper() == "S5" and 1 in organisation_ids else None

    def location(self, scheme_id: int, code: str) -> int | None:
        return 7 if (scheme_id, code) == (5, "7") else None


LOOKUPS = FakeLookups()


def cells_as_strings_typed(cells: dict[int, Any]) -> dict[int, Any]:
    """Cells as a CSV file holds them (text), typed as the parser types them by the fields' cell types."""
    typed: dict[int, Any] = {}
    for number, found in cells.items():
        field = TEMPLATE.by_number[number]
        text = str(found).strip().upper() if field.upper else str(found).strip()
        if not text:
            continue
        if field.cell_type is CellType.INTEGER:
            typed[number] = int(text) if text.lstrip("-").isdecimal() else None
        elif field.cell_type is CellType.DECIMAL:
            try:
                typed[number] = Decimal(text)
            except InvalidOperation:
                typed[number] = None
        else:
            typed[number] = text
    return typed


def test_header_rows_are_the_published_templates():
    path = Path(settings.COLLECT_REFDATA_DIR) / "bulk_upload_template_lettings_2026_headers.csv"
    with path.open(encoding="utf-8-sig", newline="") as file:
        assert TEMPLATE.header_rows() == list(csv.reader(file))


def test_every_field_once_and_in_order():
    assert [f.number for f in TEMPLATE.fields] == list(range(1, 148))
    assert {f.number for f in TEMPLATE.fields if f.cell_type is CellType.DECIMAL} == {137, 142, 143, 144, 145, 147}
    assert LETTINGS_2026.bulk_template is TEMPLATE


def test_readers_set_answers_and_derived_variables_of_the_declaration():
    known = evaluator("lettings-2026").answer_ids() | {k for d in LETTINGS_2026.derivations for k in d.sets}
    for reader in TEMPLATE.readers:
        assert set(reader.sets) <= known, reader.id
        assert set(reader.fields) <= set(TEMPLATE.by_number), reader.id
    # Only these answers cannot be written back: they follow from other cells (or need the database).
    unwritten = {r.id for r in TEMPLATE.readers if r.write is None}
    assert unwritten == {"assigned_to_id", "hhmemb", "letting_allocation_unknown"} | {
        f"details_known_{n}" for n in range(2, 9)
    }


@pytest.mark.parametrize(
    ("log", "context"),
    [(examples.GENERAL_NEEDS, make_context()), (examples.SUPPORTED_HOUSING, supported_context())],
    ids=["general_needs", "supported_housing"],
)
def test_the_examples_round_trip_through_a_file_row(log, context):
    expected = evaluate(log, context)
    row = cells_as_strings_typed(TEMPLATE.write(expected.answers))
    assert not any(check.check(row, LOOKUPS) for check in TEMPLATE.checks)
    outcome = evaluate(TEMPLATE.read(row, LOOKUPS), context)
    assert outcome.status is Status.COMPLETED
    assert outcome.answers == expected.answers


PRP_OWNER = {1: "ORG1", 2: "ORG1"}
LA_OWNER = {1: "ORG2", 2: "ORG2"}
ACCESS_NONE = {94: None, 95: None, 96: None, 97: None, 98: None, 99: None}

# (cells, lookups, answers expected among those read; None: not read)
READER_CASES: list[tuple[dict[int, Any], Any, dict[str, Any]]] = [
    ({7: 1, 11: 7, 15: 1}, LOOKUPS, {"renewal": 1, "rent_type": 6, "declaration": 1}),
    ({7: 2, 11: 6, 12: "Own product"}, LOOKUPS, {"renewal": 0, "rent_type": 5, "irproduct_other": "Own product"}),
    ({11: 1, 12: "Own product"}, LOOKUPS, {"irproduct_other": None}),
    ({1: "ORG1", 5: "S5", 6: "7"}, None, {"owning_organisation_id": -1, "scheme_id": -1, "location_id": -1}),
    ({**PRP_OWNER, 5: "S5", 6: "7"}, LOOKUPS, {"owning_organisation_id": 1, "scheme_id": 5, "location_id": 7}),
    ({8: 31, 9: 2, 10: 2027}, LOOKUPS, {"startdate": "31/2/2027"}),
    ({16: 15}, LOOKUPS, {"rsnvac": 15, "first_time_property_let_as_social_housing": 1}),
    ({18: "10010457355"}, LOOKUPS, {"uprn": "10010457355", "uprn_known": 1, "manual_address_entry_selected": False}),
    (
        {19: "1 Brick Lane", 23: "ls1", 24: "1aa"},
        LOOKUPS,
        {"manual_address_entry_selected": True, "postcode_full": "ls1 1aa"},
    ),
    ({25: "E08000035"}, LOOKUPS, {"la": "E08000035", "postcode_known": 0}),
    ({32: 1, 33: 9, 34: 26}, LOOKUPS, {"majorrepairs": 1}),
    ({}, LOOKUPS, {"majorrepairs": 0}),
    (
        {41: "R", 45: 13, 46: 826},
        LOOKUPS,
        {"age1_known": 1, "age1": None, "ethnic": 13, "ethnic_group": 3, "nationality_all_group": 826},
    ),
    ({45: 17, 46: 4}, LOOKUPS, {"ethnic_group": 17, "nationality_all_group": 12, "nationality_all": 4}),
    (
        {43: "2", 69: 2, 49: 1, 55: 3},
        LOOKUPS,
        {"gender_same_as_sex1": 2, "gender_same_as_sex5": 2, "relat2": "P", "relat3": "R"},
    ),
    # hhmemb: the lead tenant and every person with any field but the working situation
    ({48: "R"}, LOOKUPS, {"hhmemb": 2, "details_known_2": 0, "age2_known": 1}),
    ({53: 1}, LOOKUPS, {"hhmemb": 1, "details_known_2": None}),
    ({56: "F"}, LOOKUPS, {"hhmemb": 2, "details_known_2": 1, "details_known_3": 0, "age3_known": 0}),
    # access needs 94–99
    ({**ACCESS_NONE, 94: 1, 97: 1}, LOOKUPS, {"housingneeds": 1, "housingneeds_type": 0, "housingneeds_other": 1}),
    ({96: 1}, LOOKUPS, {"housingneeds": 1, "housingneeds_type": 2, "housingneeds_other": 0}),
    ({97: 1}, LOOKUPS, {"housingneeds": 1, "housingneeds_type": 3, "housingneeds_other": 1}),
    ({98: 1}, LOOKUPS, {"housingneeds": 2, "housingneeds_type": None}),
    ({99: 1}, LOOKUPS, {"housingneeds": 3}),
    ({}, LOOKUPS, {"housingneeds": None}),
    # condition effects 101–110
    ({100: 1, 101: 1, 109: 1}, LOOKUPS, {"illness_type_4": 1, "illness_type_1": 1, "illness_type_10": None}),
    # reasonable preference 122–126: "Don't know" with another reason drops them all
    ({121: 1, 123: 1}, LOOKUPS, {"rp_insan_unsat": 1, "rp_dontknow": None}),
    ({121: 1, 122: 1, 126: 1}, LOOKUPS, {"rp_homeless": None, "rp_dontknow": None}),
    # allocation flags 127–130
    ({127: 2, 128: 2, 129: 2, 130: 2}, LOOKUPS, {"cbl": 0, "accessible_register": 0, "letting_allocation_unknown": 1}),
    ({127: 1, 128: 2, 129: 2, 130: 2}, LOOKUPS, {"cbl": 1, "letting_allocation_unknown": 0}),
    ({127: 1}, LOOKUPS, {"letting_allocation_unknown": None}),
    # referral 131–134: by the owner's provider type, else by the cells filled
    ({**PRP_OWNER, 132: 7, 133: 7, 134: 12}, LOOKUPS, {"referral_register": 7, "referral_noms": 7, "referral_org": 12}),
    ({**LA_OWNER, 131: 3}, LOOKUPS, {"referral_register": 3}),
    ({131: 3}, None, {"referral_register": 3}),
    ({132: 6, 133: 1, 134: 4}, None, {"referral_register": 6, "referral_noms": 1, "referral_org": 4}),
    ({**PRP_OWNER, 131: 3}, LOOKUPS, {"referral_register": None}),
    ({**PRP_OWNER, 132: 6, 133: 6}, LOOKUPS, {"referral_register": None, "referral_noms": None}),
    ({7: 1, 132: 5}, LOOKUPS, {"referral_register": None}),
    # income and charges
    ({135: 3, 146: 1}, LOOKUPS, {"net_income_known": 2, "hbrentshortfall": 1, "tshortfall_known": 0}),
    ({4: 1, 140: 0}, LOOKUPS, {"household_charge": None}),
    ({4: 2, 140: 0}, LOOKUPS, {"household_charge": 0}),
    ({142: Decimal(100), 143: Decimal(0), 144: Decimal(0), 145: Decimal(5)}, LOOKUPS, {"brent": 100, "supcharg": 5}),
    ({142: Decimal(100), 143: Decimal(0), 144: Decimal(0)}, LOOKUPS, {"brent": None, "scharge": None}),
]


@pytest.mark.parametrize(("cells", "lookups", "expected"), READER_CASES)
def test_readers(cells, lookups, expected):
    read = TEMPLATE.read(cells, lookups)
    assert {k: read.get(k) for k in expected} == expected


# (check id, cells that fail it, the fields it reports, cells that pass it)
CELL_CHECK_CASES: list[tuple[str, dict[int, Any], set[int], dict[int, Any]]] = [
    ("bulk.owning_organisation", {1: "ORG9"}, {1}, {1: "ORG1"}),
    ("bulk.managing_organisation", {1: "ORG1", 2: "ORG3"}, {2}, PRP_OWNER),
    ("bulk.assigned_user", {**PRP_OWNER, 3: "nobody@example.com"}, {3}, {**PRP_OWNER, 3: "officer@example.com"}),
    ("lettings.scheme_location", {**PRP_OWNER, 4: 2}, {5, 6}, {**PRP_OWNER, 4: 2, 5: "S5", 6: "7"}),
    ("lettings.scheme_location", {**PRP_OWNER, 4: 2, 5: "S9", 6: "7"}, {5}, {**PRP_OWNER, 4: 1}),
    ("lettings.scheme_location", {**PRP_OWNER, 4: 2, 5: "S5", 6: "8"}, {6}, {**PRP_OWNER, 4: 2, 5: "s5", 6: "7"}),
    ("lettings.start_year_digits", {10: 202}, {10}, {10: 2026}),
    ("lettings.year_digits", {31: 202, 34: 20261}, {31, 34}, {31: 7, 34: 26}),
    ("bulk.age_format", {41: "X", 48: "1234"}, {41, 48}, {41: "R", 48: "35"}),
    ("lettings.access_needs", {94: 1, 95: 1}, {94, 95}, {94: 1, 97: 1}),
    ("lettings.access_needs", {97: 1, 98: 1}, {98}, {98: 1}),
    ("lettings.access_needs", {94: 1, 99: 1}, {99}, {99: 1}),
    ("lettings.access_needs", {98: 1, 99: 1}, {98, 99}, {}),
    ("lettings.reasonable_preference", {121: 1, 122: 1, 126: 1}, {122, 126}, {121: 1, 122: 1, 123: 1}),
    ("lettings.tick_boxes", {94: 2, 101: 3, 126: 5}, {94, 101, 126}, {94: 1, 101: 0}),
    ("lettings.condition_effects", {100: 2, 101: 1}, {101}, {100: 1, 101: 1}),
    ("lettings.referral", {**PRP_OWNER, 131: 3}, {131, 132, 133, 134}, {**LA_OWNER, 131: 3}),
    ("lettings.referral", {132: 6, 133: 5}, {131, 132, 133, 134}, {7: 1, 131: 9}),
    ("lettings.referral", {**LA_OWNER, 132: 7, 133: 5}, {131, 132, 133, 134}, PRP_OWNER),
    ("lettings.charges", {142: Decimal(100)}, {142, 143, 144, 145}, {4: 2, 140: 1, 142: Decimal(100)}),
    ("lettings.uprn_or_address", {19: "1 Brick Lane", 23: "LS1"}, {18, 21, 24}, {18: "10010457355"}),
    ("lettings.uprn_or_address", {}, {18, 19, 21, 23, 24}, {19: "1 Brick Lane", 21: "Leeds", 23: "LS1", 24: "1AA"}),
    ("lettings.allocation_given", {127: 1}, {128, 129, 130}, {127: 1, 128: 2, 129: 2, 130: 2}),
    ("lettings.allocation_values", {127: 3, 128: 0}, {127, 128}, {127: 1, 128: 2}),
]


@pytest.mark.parametrize(("check_id", "failing", "fields", "passing"), CELL_CHECK_CASES)
def test_cell_checks(check_id, failing, fields, passing):
    (check,) = (c for c in TEMPLATE.checks if c.id == check_id)
    assert set(check.check(failing, LOOKUPS)) == fields
    assert check.check(passing, LOOKUPS) == {}


def test_every_cell_check_has_cases():
    assert {c.id for c in TEMPLATE.checks} == {case[0] for case in CELL_CHECK_CASES}


def test_messages_are_the_standards():
    messages = {c.id: c.check for c in TEMPLATE.checks}
    assert messages["lettings.start_year_digits"]({10: 202}, None) == {10: "Tenancy start year must be 2 or 4 digits."}
    assert messages["lettings.charges"]({142: Decimal(1)}, None)[143] == (
        "Please enter the service charge. If there is no service charge, please enter '0'."
    )
    assert messages["lettings.allocation_values"]({130: 3}, None) == {
        130: "Enter a valid value for How was this letting allocated? Accessible Housing Register"
    }
    assert messages["bulk.age_format"]({54: "x"}, None) == {54: "Age of person 3 must be a number or the letter R"}


def test_errors_of_checkbox_questions_go_to_their_cells():
    assert TEMPLATE.cells_of_answer["condition_effects"] == tuple(range(101, 111))
    assert TEMPLATE.cells_of_answer["letting_allocation"] == (127, 128, 129, 130)
    assert TEMPLATE.cells_of_answer["housingneeds"] == tuple(range(94, 100))
