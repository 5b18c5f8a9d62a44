"""Finding the template's columns in a file, and rejecting files that are not this year's template."""

from __future__ import annotations

import pytest

from collect.bulkupload import layout
from collect.bulkupload.reading import MAX_ROWS, RejectedFileError, Table
from collect.rulebook.template import BulkTemplate, FileRules, TemplateField

TEMPLATE = BulkTemplate(
    fields=tuple(TemplateField(n, f"Question {n}") for n in (1, 2, 3, 4)),
    readers=(),
    checks=(),
    file_rules=FileRules("lettings", (1, 2, 3), "Incorrect start dates.", (1, 2, 3), 4, "Tenant code"),
)
HEADERS = [["Section", "Setup"], ["Question", "Q1", "Q2", "Q3", "Q4"], ["Field number", "1", "2", "3", "4"]]


def _locate(rows: list[list[str]]) -> layout.Layout:
    return layout.locate(Table(lambda: iter(rows)), TEMPLATE, 2026)


def test_columns_found_by_field_number_in_any_order_with_extra_columns() -> None:
    rows = [["Field number", "3", "", "1", "notes", "2.0", "4", ""], ["", "2026", "", "5", "x", "10", "T1", ""]]
    found = _locate(rows)
    assert found.columns == {3: 1, 1: 3, 2: 5, 4: 6}
    assert [(r.number, r.cells) for r in found.data_rows()] == [(2, {3: "2026", 1: "5", 2: "10", 4: "T1"})]
    assert found.column_letter(4) == "G"


def test_empty_rows_are_skipped_and_row_numbers_kept() -> None:
    rows = [*HEADERS, ["", "1", "5", "26", "A"], ["", "", ""], [], ["", "2", "5", "26", "B"]]
    found = _locate(rows)
    assert found.total_rows == 2
    assert [r.number for r in found.data_rows()] == [4, 7]


@pytest.mark.parametrize("index", [0, 25, 26, 27, 701, 702])
def test_column_letters(index: int) -> None:
    assert layout.column_letter(index) == {0: "A", 25: "Z", 26: "AA", 27: "AB", 701: "ZZ", 702: "AAA"}[index]


@pytest.mark.parametrize(
    ("rows", "reason", "message"),
    [
        ([], "blank_template", "Template is blank"),
        ([["", ""], [" "]], "blank_template", "Template is blank"),
        ([*HEADERS], "blank_template", "Template is blank"),
        ([["", "1", "2"], ["", "5", "10"]], "wrong_template", "does not contain the required header rows"),
        ([["Field number", "1", "2", "3"], ["", "1"]], "wrong_template", "Incorrect number of fields"),
        ([["Field number", "1", "2", "3", "4", "5"], ["", "1"]], "wrong_template", "Incorrect number of fields"),
        ([["Field number", "1", "2", "2", "4"], ["", "1"]], "wrong_template", "Field numbers missing: 3."),
        ([*HEADERS, ["", "5", "10", "25", "T"]], "wrong_template", "Incorrect start dates."),
        ([*HEADERS, ["", "5", "4", "2027", "T"]], "wrong_template", "Incorrect start dates."),
    ],
)
def test_wrong_files_are_rejected(rows: list[list[str]], reason: str, message: str) -> None:
    with pytest.raises(RejectedFileError) as rejected:
        _locate(rows)
    assert rejected.value.reason == reason
    assert message in rejected.value.messages[0]


@pytest.mark.parametrize("date", [["5", "10", "26"], ["31", "3", "27"], ["31", "2", "26"], ["x", "1", "26"]])
def test_first_row_in_the_year_or_unreadable_is_accepted(date: list[str]) -> None:
    assert _locate([*HEADERS, ["", *date, "T"]]).total_rows == 1


def test_too_many_rows(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(layout, "MAX_ROWS", 2)
    with pytest.raises(RejectedFileError) as rejected:
        _locate([*HEADERS, *([["", "5", "10", "26", "T"]] * 3)])
    assert rejected.value.reason == "too_large"
    assert MAX_ROWS == 100_000
