"""Writing files in a collection year's template: from logs' answers to CSV or XLSX rows.

Used for example files, generated test and benchmark files, and downloads that must read back as bulk uploads.
Every value is written as text that cannot be read as a formula.
"""

from __future__ import annotations

import csv
import datetime
import io
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from typing import Any

from openpyxl import Workbook

from collect.bulkupload.checking import rules_for
from collect.bulkupload.template_files import safe_cell


def cell_text(value: Any) -> str:
    """A cell value as the template writes it."""
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format(value.normalize(), "f") if value == value.to_integral_value() else format(value, "f")
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


def cells_for(collection_id: str, answers: Mapping[str, Any], extra: Mapping[int, Any] | None = None) -> dict[int, str]:
    """A log's answers as a template row (field number -> text); `extra` adds cells the answers cannot give."""
    written = rules_for(collection_id).template.write(answers)
    return {number: cell_text(value) for number, value in {**written, **(extra or {})}.items()}


def table_rows(
    collection_id: str, rows: Iterable[Mapping[int, str]], *, order: Sequence[int] | None = None
) -> Iterable[list[str]]:
    """The header rows, then one row per log, with fields in `order` (the template's order by default)."""
    template = rules_for(collection_id).template
    numbers = list(order or [f.number for f in template.fields])
    headers = template.header_rows()
    position = {f.number: i + 1 for i, f in enumerate(template.fields)}
    for header in headers:
        yield [header[0], *(header[position[n]] for n in numbers)]
    for cells in rows:
        yield ["", *(str(safe_cell(cells.get(n, ""))) for n in numbers)]


def to_csv(rows: Iterable[Sequence[str]], *, bom: bool = False, newline: str = "\r\n") -> bytes:
    """Rows as CSV bytes (UTF-8), as a spreadsheet saves them."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator=newline)
    writer.writerows(rows)
    return (b"\xef\xbb\xbf" if bom else b"") + buffer.getvalue().encode("utf-8")


def to_xlsx(rows: Iterable[Sequence[str]]) -> bytes:
    """Rows as an XLSX workbook; whole numbers are written as numbers, as a spreadsheet would hold them."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Logs")
    for row in rows:
        sheet.append([int(v) if v.isdecimal() and not v.startswith("0") else v for v in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
