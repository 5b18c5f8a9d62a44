"""Reading an uploaded file into rows of text: CSV (as spreadsheets save it) or XLSX.

CSV files may be UTF-8 with or without a byte order mark, or Windows-1252 (Excel's plain "CSV" on Windows), with
CRLF, LF or CR line ends and cells that hold line breaks. XLSX files are read with python-calamine; a number cell
holding a whole number reads as that number ("1", not "1.0"). Python's csv module reads CSV rather than polars:
rows of different lengths are normal in these files (header rows, spreadsheets that add empty columns) and polars
would cut every row to the length of the first one.
"""

from __future__ import annotations

import csv
import datetime
import io
import zipfile
from collections.abc import Callable, Iterator
from typing import Any

MAX_BYTES = 50 * 1024 * 1024
MAX_ROWS = 100_000
XLSX_MAGIC = b"PK\x03\x04"
NOT_A_TABLE = (
    "The file must be a CSV or XLSX file. In your spreadsheet, save it as 'CSV UTF-8 (comma delimited)' or "
    "'Excel Workbook (.xlsx)' and upload it again."
)


class RejectedFileError(Exception):
    """The whole file cannot be checked: `reason` says why (for the record), `messages` what to do."""

    def __init__(self, reason: str, messages: list[str]) -> None:
        super().__init__("; ".join(messages))
        self.reason = reason
        self.messages = messages


def too_large_message(size: int) -> str:
    """The message for a file over the size limit."""
    megabytes = size / (1024 * 1024)
    return (
        f"The file is {megabytes:.1f} MB. It must be 50 MB or less: split it into smaller files, or save it as CSV, "
        "which is smaller, and upload each file."
    )


class Table:
    """A file's rows as lists of text (blank cells are ""), read again from the start at each `rows()` call.

    Rows are produced one at a time, so checking a large file never holds all its rows as Python objects.
    """

    def __init__(self, produce: Callable[[], Iterator[list[str]]]) -> None:
        self._produce = produce

    def rows(self) -> Iterator[list[str]]:
        """The rows, from the first."""
        return self._produce()


def open_table(data: bytes, filename: str = "") -> Table:
    """The file as a table. Raises RejectedFileError for files that are too large or are not CSV or XLSX."""
    if len(data) > MAX_BYTES:
        raise RejectedFileError("too_large", [too_large_message(len(data))])
    suffix = filename.lower().rpartition(".")[2] if "." in filename else ""
    if suffix not in ("", "csv", "xlsx", "txt"):
        raise RejectedFileError("not_a_table", [NOT_A_TABLE])
    if not data.strip():
        return Table(lambda: iter(()))
    if data.startswith(XLSX_MAGIC):
        return _xlsx_table(data)
    if suffix == "xlsx" or b"\x00" in data:
        raise RejectedFileError("not_a_table", [NOT_A_TABLE])
    text = _decode(data)
    delimiter = _delimiter(text)
    return Table(lambda: _read_csv(text, delimiter))


def read_table(data: bytes, filename: str = "") -> list[list[str]]:
    """Every row of the file at once (small files and tests)."""
    return list(open_table(data, filename).rows())


def _decode(data: bytes) -> str:
    """Text from UTF-8 (a byte order mark dropped), else Windows-1252 as Excel saves plain CSV."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _delimiter(text: str) -> str:
    """Commas, unless the first line has none and semicolons or tabs (some spreadsheets' regional CSV)."""
    first = text.split("\n", 1)[0]
    if "," in first:
        return ","
    return max((";", "\t"), key=first.count) if (";" in first or "\t" in first) else ","


def _read_csv(text: str, delimiter: str) -> Iterator[list[str]]:
    try:
        yield from csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=False)
    except csv.Error as error:  # a NUL byte or similar: not a text table
        raise RejectedFileError("not_a_table", [NOT_A_TABLE]) from error


def _cell_text(value: Any) -> str:
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, datetime.datetime):
        return value.date().isoformat() if value.time() == datetime.time() else value.isoformat()
    return str(value)


def _xlsx_table(data: bytes) -> Table:
    from python_calamine import CalamineError, CalamineWorkbook

    try:
        workbook = CalamineWorkbook.from_filelike(io.BytesIO(data))
        sheets = [workbook.get_sheet_by_index(i) for i in range(len(workbook.sheet_names))]
        # The sheet with the field number row (a workbook may carry guidance sheets first), else the first.
        chosen = next(
            (s for s in sheets if any(_has_field_numbers(row) for row in _first_rows(s))), sheets[0] if sheets else None
        )
    except (CalamineError, zipfile.BadZipFile, ValueError, OSError) as error:
        raise RejectedFileError("not_a_table", [NOT_A_TABLE]) from error
    if chosen is None:
        return Table(lambda: iter(()))
    sheet = chosen
    return Table(lambda: ([_cell_text(value) for value in row] for row in sheet.iter_rows()))


def _first_rows(sheet: Any) -> list[list[Any]]:
    rows = []
    for row in sheet.iter_rows():
        rows.append(row)
        if len(rows) == 20:
            break
    return rows


def _has_field_numbers(row: list[Any]) -> bool:
    return any(isinstance(value, str) and value.strip().lower() == "field number" for value in row[:3])
