"""The bulk upload template (XLSX) and its specification (XLSX), generated from a collection year's declaration.

The template holds the eight header rows with column A labelling them, ready for one log per row from row 9. The
specification lists every field: its column, question, allowed values, when it can be empty, which logs it applies
to, whether it is a duplicate check field, its cell type and the answers of the rulebook it fills, and then the
checks the template adds to the rules.
"""

from __future__ import annotations

import io
import re

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from collect.bulkupload.checking import rules_for
from collect.standards.registry import collection as declaration

FORMULA_STARTS = frozenset("=+-@\t\r")
PLAIN_NUMBER = re.compile(r"^[+-]?\d+(\.\d+)?$")
HEADER_FILL = PatternFill("solid", fgColor="F3F2F1")
SECTION_FILL = PatternFill("solid", fgColor="1D70B8")
BOLD = Font(bold=True)
WRAP = Alignment(wrap_text=True, vertical="top")


def safe_cell(value: object) -> object:
    """A value to write into a spreadsheet or CSV cell, never read as a formula (text starting = + - @ tab CR).

    Such text gets a leading apostrophe; plain numbers ("-5", "+1.5") are left as they are.
    """
    if isinstance(value, str) and value[:1] in FORMULA_STARTS and not PLAIN_NUMBER.match(value):
        return "'" + value
    return value


def _save(workbook: Workbook) -> bytes:
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def template_name(collection_id: str, suffix: str) -> str:
    """A download's file name, such as "bulk-upload-template-lettings-2026-27.xlsx"."""
    declared = declaration(collection_id)
    return f"bulk-upload-{suffix}-{declared.kind}-{declared.start_year}-{(declared.start_year + 1) % 100:02d}.xlsx"


def template_xlsx(collection_id: str) -> bytes:
    """The empty template: the header rows, one log per row below them."""
    rules = rules_for(collection_id)
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = f"{rules.kind.capitalize()} {rules.start_year}-{(rules.start_year + 1) % 100:02d}"
    for values in rules.template.header_rows():
        sheet.append([safe_cell(value) for value in values])
    for cell in sheet[1]:
        if cell.value:
            cell.font = Font(bold=True, color="FFFFFF")
            cell.fill = SECTION_FILL
    for row in sheet.iter_rows(min_row=2, max_row=len(rules.template.row_labels)):
        for cell in row:
            cell.alignment = WRAP
            cell.fill = HEADER_FILL
    for cell in sheet["A"]:
        cell.font = BOLD
    sheet.column_dimensions["A"].width = 28
    for index in range(2, len(rules.template.fields) + 2):
        sheet.column_dimensions[get_column_letter(index)].width = 22
    sheet.freeze_panes = f"B{len(rules.template.row_labels) + 1}"
    return _save(workbook)


SPECIFICATION_HEADINGS = (
    "Field number",
    "Column in the template",
    "Section",
    "Question",
    "Additional info",
    "Values",
    "Can be empty?",
    "Applies to",
    "Duplicate check field?",
    "Cell type",
    "Answers it fills (see the rulebook documentation)",
)


def specification_xlsx(collection_id: str) -> bytes:
    """The template's specification: one row per field, then the template's own checks."""
    rules = rules_for(collection_id)
    template = rules.template
    workbook = Workbook()
    fields = workbook.active
    assert fields is not None
    fields.title = "Fields"
    fields.append(SPECIFICATION_HEADINGS)
    section = ""
    for field in template.fields:
        section = field.section or section
        fields.append(
            [
                safe_cell(value)
                for value in (
                    field.number,
                    get_column_letter(field.number + 1),
                    section,
                    field.question,
                    field.additional_info,
                    field.values,
                    field.can_be_empty,
                    field.applies_to,
                    field.duplicate_check,
                    str(field.cell_type),
                    ", ".join(rules.answers_of_field.get(field.number, ())),
                )
            ]
        )
    checks = workbook.create_sheet("Checks of cells")
    checks.append(("Check", "Fields", "What it checks", "Stops logs being created?"))
    for check in template.checks:
        numbers = ", ".join(str(n) for n in check.fields)
        checks.append([safe_cell(check.id), numbers, safe_cell(check.description), "Yes" if check.blocks else "No"])
    notes = workbook.create_sheet("About")
    for line in (
        f"Bulk upload specification: {declaration(collection_id).label}",
        "Keep the 8 header rows. One log per row from row 9. Columns may be in any order: the 'Field number' row "
        "says which field each column holds.",
        "Save the file as CSV (UTF-8) or XLSX. Every answer is checked with the same rules as the web form; the "
        "rulebook documentation lists every question, option code and check.",
        "Test a file before uploading it: python -m collect.bulkupload check FILE",
    ):
        notes.append([line])
    for sheet in (fields, checks):
        for cell in sheet[1]:
            cell.font = BOLD
        for row in sheet.iter_rows(min_row=2):
            for cell in row:
                cell.alignment = WRAP
        for index in range(1, sheet.max_column + 1):
            sheet.column_dimensions[get_column_letter(index)].width = 14 if index <= 2 else 40
        sheet.freeze_panes = "A2"
    return _save(workbook)
