"""Checking lettings files row by row with the rulebook: outcomes, cells, clearing, duplicates, file shapes."""

from __future__ import annotations

import pytest

from collect.bulkupload.layout import column_letter
from collect.bulkupload.report import Outcome
from collect.rulebook.template import Category
from collect.standards.lettings.y2026 import examples
from tests.bulkupload.support import check, lettings_cells, lettings_file

GN, SH = lettings_cells(), lettings_cells(examples.SUPPORTED_HOUSING, f13="S-T999")
FIRST_ROW = 9  # after the 8 header rows


def _errors(report, field: int) -> list[str]:  # type: ignore[no-untyped-def]
    return [e.message for e in report.errors() if e.field == field]


def test_valid_rows_of_both_needs_types_succeed() -> None:
    report = check(lettings_file([GN, SH]))
    assert [e.message for e in report.errors()] == []
    assert report.outcome is Outcome.SUCCESS
    assert [r.status for r in report.rows] == ["completed", "completed"]
    assert report.rows[0].answers["startdate"] == examples.GENERAL_NEEDS["startdate"]
    assert report.rows[1].answers["scheme_id"] == 5
    assert [r.record_code for r in report.rows] == [examples.GENERAL_NEEDS["tenancycode"], "S-T999"]


@pytest.mark.parametrize(
    ("shape", "options"),
    [
        ("XLSX", {"xlsx": True}),
        ("CSV with a byte order mark", {"bom": True}),
        ("columns reordered", {"order": list(range(147, 0, -1))}),
    ],
)
def test_file_shapes_give_the_same_answers(shape: str, options: dict) -> None:  # type: ignore[type-arg]
    report = check(lettings_file([GN], **options), filename="logs.xlsx" if options.get("xlsx") else "logs.csv")
    assert report.outcome is Outcome.SUCCESS, shape
    assert report.rows[0].answers == check(lettings_file([GN])).rows[0].answers


def test_empty_columns_added_by_a_spreadsheet_are_ignored() -> None:
    text = lettings_file([GN]).decode()
    widened = "\r\n".join(line + ",,," for line in text.split("\r\n") if line) + "\r\n"
    assert check(widened.encode()).outcome is Outcome.SUCCESS


def test_invalid_option_is_reported_on_its_cell_and_cleared() -> None:
    report = check(lettings_file([lettings_cells(f26=99)]))
    (error,) = [e for e in report.errors() if e.field == 26]
    assert error.message == "Enter a valid value for what type of unit is the property?"
    assert error.cell == f"{column_letter(26)}{FIRST_ROW}"
    assert error.category is Category.OTHER
    row = report.rows[0]
    assert "unittype_gn" in row.cleared
    assert "unittype_gn" not in row.answers
    assert row.status == "in_progress"
    assert report.outcome is Outcome.CREATED_WITH_ERRORS


def test_number_cell_that_is_not_a_number() -> None:
    report = check(lettings_file([lettings_cells(f137="lots")]))
    assert _errors(report, 137) == ["Enter a valid value for how much income does the household have in total?"]
    assert report.outcome is Outcome.CREATED_WITH_ERRORS


def test_missing_answer_is_not_answered() -> None:
    report = check(lettings_file([lettings_cells(f47=None)]))
    (error,) = [e for e in report.errors() if e.field == 47]
    assert error.category is Category.NOT_ANSWERED
    assert error.message.startswith("You must answer")
    assert report.outcome is Outcome.CREATED_WITH_ERRORS


def test_setup_error_stops_the_upload() -> None:
    report = check(lettings_file([GN, lettings_cells(f4=7)]))
    assert [e.category for e in report.errors() if e.field == 4] == [Category.SETUP]
    assert report.outcome is Outcome.SETUP_ERRORS


def test_organisation_the_uploader_cannot_use_blocks() -> None:
    report = check(lettings_file([lettings_cells(f1="ORG9")]))
    assert _errors(report, 1) == ["You do not have permission to add logs for this owning organisation."]
    assert report.outcome is Outcome.SETUP_ERRORS


def test_soft_warning_only() -> None:
    report = check(lettings_file([lettings_cells(f142="400.00")]))
    categories = {e.category for e in report.errors()}
    assert categories == {Category.SOFT}, [e.message for e in report.errors()]
    assert report.outcome is Outcome.WARNINGS_ONLY


def test_duplicate_rows_in_the_file() -> None:
    report = check(lettings_file([GN, GN]))
    assert report.outcome is Outcome.SETUP_ERRORS
    assert _errors(report, 13) == ["This is a duplicate of a log in your file."] * 2


def test_offline_checks_skip_look_ups_and_say_so() -> None:
    report = check(lettings_file([lettings_cells(f1="ORG9")]), lookups=False)
    assert "bulk.owning_organisation" in report.skipped
    assert report.outcome is Outcome.SUCCESS


@pytest.mark.parametrize(
    ("cells", "message"),
    [
        (lettings_cells(f10=25), "Incorrect start dates, please ensure you have used the correct template."),
        (lettings_cells(f10=27, f9=5), "Incorrect start dates, please ensure you have used the correct template."),
    ],
)
def test_wrong_year_rejects_the_file(cells: dict[int, str], message: str) -> None:
    report = check(lettings_file([cells]))
    assert report.outcome is Outcome.REJECTED
    assert report.file_errors == [message]


def test_a_sales_file_is_the_wrong_template() -> None:
    from collect.bulkupload import files

    data = files.to_csv(list(files.table_rows("sales-2026", [{1: "1", 2: "5", 3: "26"}])))
    report = check(data)
    assert report.outcome is Outcome.REJECTED
    assert report.file_errors[0].startswith("Incorrect number of fields, please ensure you have used the template")
