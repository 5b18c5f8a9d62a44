"""The 2026/27 sales bulk upload template: headers, readers, round trips of the examples, checks of cells."""

from __future__ import annotations

import csv
import datetime
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings

from collect.rulebook import Status
from collect.rulebook.template import CellType
from collect.standards.bulk import BulkOrganisation, BulkUser, Uploader
from collect.standards.sales.y2026 import SALES_2026, examples
from collect.standards.sales.y2026.bulk_template import TEMPLATE
from tests.standards.sales.support import evaluate

EXAMPLES = {
    "shared": examples.SHARED_OWNERSHIP,
    "staircasing": examples.STAIRCASING,
    "discounted": examples.DISCOUNTED_OWNERSHIP,
}
SO, STAIR, DO = {8: 1, 10: 2}, {8: 1, 10: 1}, {8: 2}


UPLOADER = Uploader(10, False, 1, "Riverside Homes", frozenset({1}))


@dataclass(frozen=True)
class FakeLookups:
    """Organisations 1 (ORG1) and 2 (ORG2) hold stock, unrelated; user 10 works at 1 and uploads."""

    uploader: Uploader = UPLOADER

    def organisation(self, code: str) -> BulkOrganisation | None:
        found = {"ORG1": BulkOrganisation(1, "Riverside Homes", True), "ORG2": BulkOrganisation(2, "Hilltop", True)}
        return found.get(code.upper())

    def user(self, email: str) -> BulkUser | None:
        return BulkUser(10, frozenset({1})) if email.lower() == "coordinator@example.com" else None

    def scheme(self, code: str, organisation_ids: frozenset[int]) -> int | None:
        return None

    def location(self, scheme_id: int, code: str) -> int | None:
        return None


LOOKUPS = FakeLookups()


def typed(cells: dict[int, Any]) -> dict[int, Any]:
    """Cells as a file gives them after typing: whole numbers, Decimals or stripped text."""
    kinds = {CellType.INTEGER: int, CellType.DECIMAL: lambda v: Decimal(str(v)), CellType.TEXT: str}
    return {n: kinds[TEMPLATE.by_number[n].cell_type](v) for n, v in cells.items()}


def read(cells: dict[int, Any]) -> dict[str, Any]:
    return TEMPLATE.read(typed(cells), LOOKUPS)


def test_the_header_rows_are_the_published_templates():
    path = Path(settings.COLLECT_REFDATA_DIR) / "bulk_upload_template_sales_2026_headers.csv"
    with path.open(encoding="utf-8-sig", newline="") as f:
        assert TEMPLATE.header_rows() == list(csv.reader(f))


def test_every_field_is_declared_once_in_order():
    assert [f.number for f in TEMPLATE.fields] == list(range(1, 137))


def test_readers_set_answers_of_the_declaration_and_report_on_declared_fields():
    answer_ids = {key for q in SALES_2026.questions().values() for key in q.answer_ids}
    derived = {key for d in SALES_2026.derivations for key in d.sets}
    for reader in TEMPLATE.readers:
        assert set(reader.sets) <= answer_ids | derived, reader.id
        assert set(reader.fields) <= set(TEMPLATE.by_number), reader.id
    assert len({r.id for r in TEMPLATE.readers}) == len(TEMPLATE.readers)


def test_every_checked_answer_has_cells_to_report_on():
    interruptions = {q.id for q in SALES_2026.questions().values() if q.kind == "interruption"}
    checked = {f for check in SALES_2026.checks for f in check.messages} - interruptions
    assert checked - set(TEMPLATE.cells_of_answer) == set()


@pytest.mark.parametrize("route", sorted(EXAMPLES))
def test_each_example_round_trips_through_a_template_row(route):
    example = EXAMPLES[route]
    answers = read(TEMPLATE.write(example))
    outcome, expected = evaluate(answers), evaluate(example)
    assert outcome.status is Status.COMPLETED, (outcome.errors, outcome.missing)
    assert outcome.answers == expected.answers
    assert outcome.cleared == {}


# Readers: (cells, the answers they give, among others)
READS = {
    "date, 2-digit year": ({1: 5, 2: 10, 3: 26}, {"saledate": datetime.date(2026, 10, 5)}),
    "date, 4-digit year": ({1: 5, 2: 10, 3: 2026}, {"saledate": datetime.date(2026, 10, 5)}),
    "impossible date": ({1: 31, 2: 2, 3: 27}, {"saledate": "31/2/2027"}),
    "organisations": ({4: "org1", 5: "ORG1"}, {"owning_organisation_id": 1, "managing_organisation_id": 1}),
    "assigned user": ({6: "Coordinator@example.com"}, {"assigned_to_id": 10}),
    "postcode": ({21: "ls1", 22: "1aa"}, {"postcode_full": "ls1 1aa"}),
    "age refused": ({29: "r"}, {"age1_known": 1}),
    "age": ({29: "35"}, {"age1_known": 0, "age1": 35}),
    "relationship": ({37: 1, 47: 2, 53: 3}, {"relat2": "P", "relat3": "X", "relat4": "R"}),
    "sex": ({30: "f"}, {"sexrab1": "F"}),
    "ethnic background": ({33: 13, 42: 20}, {"ethnic_group": 3, "ethnic": 13, "ethnic_group2": 0, "ethnicbuy2": 20}),
    "ethnic refused": ({33: 17}, {"ethnic_group": 17}),
    "ethnic unknown": ({33: 21}, {"ethnic_group": 21, "ethnic": 21}),
    "nationality": ({34: 826, 43: 4}, {"nationality_all_group": 826, "nationality_all_buyer2_group": 12}),
    "nationality refused": ({34: 0}, {"nationality_all_group": 0}),
    "person present": ({12: 2, 46: 4, 48: "40"}, {"details_known_3": 1, "details_known_2": 2, "details_known_4": 2}),
    "joint buyer 2": ({12: 1, 46: 2, 37: 1}, {"relat2": "P"}),
    "previous tenure": ({71: "r", 77: "3"}, {"prevten": 0, "prevtenbuy2": 3}),
    "previous postcode known": ({72: 1, 73: "LS1", 74: "1AA"}, {"ppcodenk": 0, "ppostcode_full": "LS1 1AA"}),
    "previous la": ({75: "E08000035"}, {"previous_la_known": 1, "prevloc": "E08000035"}),
    "previous la blank, initial purchase": (SO, {"previous_la_known": 0}),
    "income refused": ({83: "R", 85: "12000", 88: "R"}, {"income1nk": 1, "income2nk": 0, "income2": 12000}),
    "income not a number": ({83: "12k"}, {"income1nk": 0, "income1": "12K"}),
    "savings": ({88: "5000"}, {"savingsnk": 0, "savings": 5000}),
    "lived there": ({**SO, 92: 3}, {"proplen_asked": 0, "proplen": 3}),
    "did not live there": ({**SO, 92: 0}, {"proplen_asked": 1}),
    "mortgage length, interviewed": ({**SO, 14: 2, 103: "25"}, {"mortlen": 25}),
    "mortgage length, not interviewed": ({**DO, 14: 1, 133: "25"}, {"mortlen_known": 0, "mortlen": 25}),
    "mortgage length not known": ({**SO, 14: 1, 103: "r"}, {"mortlen_known": 1}),
    "service charges": ({**SO, 107: "100.50"}, {"has_mscharge": 1, "mscharge": Decimal("100.50")}),
    "no service charges": ({**STAIR, 107: "100", 125: "R"}, {"has_mscharge": 0}),
    "leasehold charges blank": (DO, {"has_mscharge": 0}),
    "management fee": ({**SO, 108: 20}, {"has_management_fee": 1, "management_fee": 20}),
    "no management fee": (SO, {"has_management_fee": 0}),
    "new service charge": ({126: "120"}, {"hasservicechargeschanged": 1, "newservicecharges": 120}),
    "service charge unchanged": ({126: "r"}, {"hasservicechargeschanged": 2}),
    "staircasing dates": ({113: 1, 114: 5, 115: 2015}, {"initialpurchase": datetime.date(2015, 5, 1)}),
}


@pytest.mark.parametrize("case", sorted(READS))
def test_readers(case):
    cells, expected = READS[case]
    answers = read(cells)
    assert {k: answers.get(k) for k in expected} == expected


# The answers whose cells depend on the route: route -> the field read (the other routes read none of them).
ROUTED = {
    "type": {"shared": 9, "staircasing": 9, "discounted": 11},
    "proplen": {"shared": 92, "discounted": 127},
    "value": {"shared": 99, "staircasing": 120, "discounted": 128},
    "equity": {"shared": 100, "staircasing": 121},
    "mortgageused": {"shared": 101, "staircasing": 122, "discounted": 131},
    "mortgage": {"shared": 102, "discounted": 132},
    "mortlen": {"shared": 103, "discounted": 133},
    "deposit": {"shared": 104, "discounted": 135},
    "mrent": {"shared": 106, "staircasing": 124},
    "mscharge": {"shared": 107, "staircasing": 125, "discounted": 136},
}
ROUTE_CELLS = {"shared": SO, "staircasing": STAIR, "discounted": DO}


@pytest.mark.parametrize("route", sorted(ROUTE_CELLS))
@pytest.mark.parametrize("answer", sorted(ROUTED))
def test_the_route_decides_the_cells_read(answer, route):
    every = {number: number for number in ROUTED[answer].values()}  # each cell holds its own field number
    found = read({**every, **ROUTE_CELLS[route]}).get(answer)
    assert found == ROUTED[answer].get(route)


@pytest.mark.parametrize(
    ("cells", "absent"),
    [
        ({**DO, 107: "5", 108: 5}, {"mscharge", "has_management_fee"}),
        ({**SO, 136: "R", 127: 4}, {"has_mscharge", "proplen_asked"}),
        ({**STAIR, 92: 3, 75: ""}, {"proplen", "proplen_asked", "previous_la_known"}),
        ({12: 1, 46: 3}, {"details_known_2"}),
        ({12: 2, 46: 1}, {"details_known_2", "details_known_3"}),
        ({4: "ORG9"}, {"owning_organisation_id"}),
        ({**SO, 14: 2, 103: "R"}, {"mortlen", "mortlen_known"}),  # the check of cells reports it
    ],
)
def test_cells_of_another_route_or_not_asked_are_not_read(cells, absent):
    assert absent & set(read(cells)) == set()


@pytest.mark.parametrize("route", sorted(EXAMPLES))
def test_the_route_decides_the_cells_written(route):
    cells = TEMPLATE.write(EXAMPLES[route])
    price = {"shared": 99, "staircasing": 120, "discounted": 128}[route]
    assert {99, 120, 128} & set(cells) == {price}


# Checks of cells: (check id, cells, the errors expected: field -> message; {} when it passes)
ADDRESS = {17: "1 Park Row", 19: "Leeds", 21: "LS1", 22: "1AA"}
CHECKS = [
    ("sales.sale_year_digits", {3: 202}, {3: "Sale completion year must be 2 or 4 digits."}),
    ("sales.sale_year_digits", {3: 26}, {}),
    ("sales.sale_year_digits", {3: 2026}, {}),
    (
        "sales.uprn_or_address",
        {17: "1 Park Row"},
        dict.fromkeys((16, 19, 21, 22), "Enter either the UPRN or the full address."),
    ),
    ("sales.uprn_or_address", ADDRESS, {}),
    ("sales.uprn_or_address", {16: "10010457355"}, {}),
    ("bulk.age_format", {29: "thirty", 66: "r"}, {29: "Age of buyer 1 must be a number or the letter R"}),
    ("bulk.age_format", {38: "40"}, {}),
    ("sales.nationality", {34: 999, 43: 826}, {34: "Select a valid nationality."}),
    ("sales.nationality", {34: 0, 43: 4}, {}),
    ("sales.mortgage_length_format", {**SO, 103: "25y"}, {103: "Mortgage length must be a number or the letter R"}),
    ("sales.mortgage_length_format", {**DO, 133: "2.5"}, {133: "Mortgage length must be a number or the letter R"}),
    ("sales.mortgage_length_format", {**DO, 103: "x", 133: "R"}, {}),
    ("sales.mortgage_length_format", {**SO, 101: 2}, {}),  # blank: the rules report it when it is asked
    (
        "sales.mortgage_length_interviewed",
        {**SO, 14: 2, 103: "r"},
        {
            103: "You indicated that you interviewed the buyer(s), but selected “Don’t know” for mortgage length. "
            "Please provide the mortgage length or update your response."
        },
    ),
    ("sales.mortgage_length_interviewed", {**DO, 14: 1, 133: "R"}, {}),
    (
        "sales.service_charge_format",
        {**SO, 107: "-5"},
        {107: "Service charge must be a positive number or the letter R."},
    ),
    (
        "sales.service_charge_format",
        {**STAIR, 125: "£5"},
        {125: "Service charge must be a positive number or the letter R."},
    ),
    ("sales.service_charge_format", {**DO, 136: "5.50", 107: "x"}, {}),
    (
        "sales.new_service_charge_format",
        {**STAIR, 126: "abc"},
        {126: "New service charge must be a number or the letter R."},
    ),
    ("sales.new_service_charge_format", {**STAIR, 126: "R"}, {}),
]


@pytest.mark.parametrize(("check_id", "cells", "expected"), CHECKS)
def test_checks_of_cells(check_id, cells, expected):
    check = next(c for c in TEMPLATE.checks if c.id == check_id)
    assert dict(check.check(typed(cells), LOOKUPS)) == expected


def test_every_check_of_cells_has_a_failing_and_a_passing_case():
    failing = {check_id for check_id, _, expected in CHECKS if expected}
    passing = {check_id for check_id, _, expected in CHECKS if not expected}
    local = {c.id for c in TEMPLATE.checks if not c.needs_lookups}
    assert failing == passing == local


@pytest.mark.parametrize(
    ("cells", "expected"),
    [
        ({4: "ORG1", 5: "ORG1"}, {}),
        ({4: "ORG1", 5: "ORG9"}, {5: "The managing organisation code is incorrect."}),
        ({4: "ORG1", 5: "ORG2"}, {5: "This organisation does not have a relationship with the owning organisation."}),
        ({5: "ORG1"}, {4: "You must answer owning organisation."}),
        ({4: "ORG1", 5: "ORG1", 6: "nobody@example.com"}, {6: "User with the specified email could not be found."}),
        ({4: "ORG1", 5: "ORG1", 6: "coordinator@example.com"}, {}),
    ],
)
def test_organisation_checks_use_the_sales_messages(cells, expected):
    errors: dict[int, str] = {}
    for check in TEMPLATE.checks:
        if check.needs_lookups:
            errors |= check.check(typed(cells), LOOKUPS)
    assert errors == expected


def test_the_file_rules():
    rules = TEMPLATE.file_rules
    assert rules.date_fields == (1, 2, 3)
    assert rules.record_code_field == 7
    assert rules.record_reference_field is None
    assert set(rules.duplicate_fields) == {4, 1, 2, 3, 7, 16, 17, 21, 22, 29, 30, 35}
