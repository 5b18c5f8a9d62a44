"""Downloads of an upload's errors: a CSV of every error, and the uploader's own file with each error on its cell.

Every value written into either file is made safe from formula injection (collect.web.csv_download.safe_cell): a
value starting with = + - @, a tab or a carriage return gets a single quote in front.
"""

from __future__ import annotations

import io
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.comments import Comment
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import column_index_from_string
from openpyxl.worksheet.worksheet import Worksheet

from collect.bulkupload import engine
from collect.bulkupload.models import BulkUpload, BulkUploadError
from collect.web.csv_download import safe_cell

CATEGORY_LABELS = {
    "setup": "Set-up error",
    "not_answered": "Missing answer",
    "soft_validation": "Check this answer",
    "other": "Error",
}
ERROR_FILL = PatternFill(start_color="FFF4C7C3", end_color="FFF4C7C3", fill_type="solid")
WARNING_FILL = PatternFill(start_color="FFFFF2CC", end_color="FFFFF2CC", fill_type="solid")


def code_label(kind: str) -> str:
    """What the record code of a row is called: tenant code (lettings) or purchaser code (sales)."""
    return "Purchaser code" if kind == "sales" else "Tenant code"


def error_csv_rows(upload: BulkUpload) -> Iterator[list[Any]]:
    """The errors CSV: a header, then one line per error, row by row."""
    yield [
        "Row",
        "Cell",
        code_label(upload.kind),
        "Property reference",
        "Field number",
        "Question",
        "Error",
        "Type",
    ]
    for e in upload.errors.order_by("row", "field", "pk").iterator(chunk_size=2000):
        yield [
            e.row,
            e.cell,
            e.record_code,
            e.record_reference,
            e.field,
            e.question,
            e.message,
            CATEGORY_LABELS.get(e.category, e.category),
        ]


_NUMBER = re.compile(r"^\d{1,15}(\.\d{1,10})?$")


def _safe(value: str) -> Any:
    """A spreadsheet value: a plain number as a number, any other text made safe from formula injection."""
    if value == "":
        return None
    if _NUMBER.match(value):
        return float(value) if "." in value else int(value)
    return safe_cell(value)


def _marks(errors: Iterable[BulkUploadError]) -> dict[tuple[int, int], list[BulkUploadError]]:
    found: dict[tuple[int, int], list[BulkUploadError]] = defaultdict(list)
    for e in errors:
        if e.column:
            found[(e.row, column_index_from_string(e.column))].append(e)
    return found


def marked_file(upload: BulkUpload, data: bytes) -> bytes:
    """The uploader's file as an XLSX with every error's cell filled and commented with its messages."""
    rows = list(engine.file_rows(data, upload.filename))
    marks = _marks(upload.errors.all())
    book = Workbook(write_only=True)
    sheet: Worksheet = book.create_sheet("Errors marked")
    width = max([len(row) for row in rows] + [column for _, column in marks] + [0])
    last_row = max([len(rows)] + [row for row, _ in marks])
    for number in range(1, last_row + 1):
        values = rows[number - 1] if number <= len(rows) else []
        cells = []
        for column in range(1, width + 1):
            value = values[column - 1] if column <= len(values) else None
            cell = WriteOnlyCell(sheet, value=_safe(value or ""))
            found = marks.get((number, column))
            if found:
                soft = all(e.category == "soft_validation" for e in found)
                cell.fill = WARNING_FILL if soft else ERROR_FILL
                cell.font = Font(bold=True)
                text = "\n".join(safe_cell(e.message) for e in found)
                cell.comment = Comment(text, "CORE")
            cells.append(cell)
        sheet.append(cells)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
