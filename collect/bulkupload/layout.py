"""Finding a template's columns and rows in a table, and rejecting files that are not the template.

The header row is the first row whose first filled cell says "Field number"; each cell of that row that is a whole
number names the field of its column, so columns may be in any order and columns with no field number (empty ones
a spreadsheet added, notes) are ignored. Data starts on the next row; completely empty rows are skipped.
The file-level checks are those of lettings-2026.md §6.2 and sales-2026.md §5.1.
"""

from __future__ import annotations

import datetime
import itertools
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from collect.bulkupload.reading import MAX_ROWS, RejectedFileError, Table
from collect.rulebook.template import BulkTemplate, full_year

BLANK = "Template is blank - The template must be filled in for us to create the logs and check if data is correct."
NO_HEADERS = (
    "Your file does not contain the required header rows. Add or check the header rows and upload your file again: "
    "the row that says 'Field number' in column A must be kept, with each column's field number."
)
HEADER_SEARCH_ROWS = 50


@dataclass(frozen=True)
class DataRow:
    """One data row: its spreadsheet row number and its filled cells as text, by field number."""

    number: int
    cells: dict[int, str]


@dataclass(frozen=True)
class Layout:
    """Where the template's fields are in a file, and how many data rows it has."""

    table: Table
    header: int  # the index of the field number row
    columns: dict[int, int]  # field number -> column index (0 = column A)
    total_rows: int  # data rows that are not empty

    def data_rows(self) -> Iterator[DataRow]:
        """The data rows that are not empty, read from the file again."""
        return _data_rows(self.table.rows(), self.header, self.columns)

    def column_letter(self, field: int) -> str:
        """The letter of a field's column, such as "BC" ("" for a field not in the file)."""
        index = self.columns.get(field)
        return "" if index is None else column_letter(index)


def column_letter(index: int) -> str:
    """A spreadsheet column's letters from its index (0 is A, 26 is AA)."""
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


def _field_number(text: str) -> int | None:
    text = text.strip()
    if text.endswith(".0"):
        text = text[:-2]
    return int(text) if text.isdecimal() and text.isascii() else None


def _header_row(table: Table) -> tuple[int, list[str]] | None:
    for index, row in enumerate(itertools.islice(table.rows(), HEADER_SEARCH_ROWS)):
        first = next((cell.strip() for cell in row if cell.strip()), "")
        if first.lower() == "field number":
            return index, row
    return None


def _data_rows(rows: Iterator[list[str]], header: int, columns: dict[int, int]) -> Iterator[DataRow]:
    places = sorted(columns.items(), key=lambda item: item[1])
    for number, row in enumerate(rows, start=1):
        if number <= header + 1:
            continue
        width = len(row)
        cells = {field: text for field, i in places if i < width and (text := row[i].strip())}
        if cells:
            yield DataRow(number, cells)


def _count_data_rows(rows: Iterator[list[str]], header: int, columns: dict[int, int]) -> int:
    """How many data rows `_data_rows` gives, without building them."""
    indexes = sorted(columns.values())
    total = 0
    for number, row in enumerate(rows, start=1):
        if number > header + 1:
            width = len(row)
            total += any(row[i].strip() for i in indexes if i < width)
    return total


def locate(table: Table, template: BulkTemplate, start_year: int) -> Layout:
    """The layout of a table in this template, or RejectedFileError with the reasons the file is the wrong one."""
    found = _header_row(table)
    rules = template.file_rules
    expected = len(template.fields)
    if found is None:
        if not any(cell.strip() for row in table.rows() for cell in row):
            raise RejectedFileError("blank_template", [BLANK])
        raise RejectedFileError("wrong_template", [NO_HEADERS])
    header, header_cells = found
    columns: dict[int, int] = {}
    seen: Counter[int] = Counter()
    for index, cell in enumerate(header_cells):
        number = _field_number(cell)
        if number is not None:
            seen[number] += 1
            columns.setdefault(number, index)
    wrong_count = (
        f"Incorrect number of fields, please ensure you have used the template for {rules.kind_label} "
        f"{start_year}. The field number row has {sum(seen.values())} field numbers; the template has {expected}."
    )
    if sum(seen.values()) != expected:
        raise RejectedFileError("wrong_template", [wrong_count])
    missing = sorted(set(range(1, expected + 1)) - set(seen))
    twice = sorted(n for n, count in seen.items() if count > 1)
    if missing or twice:
        detail = [f"Field numbers missing: {', '.join(map(str, missing))}." if missing else ""]
        detail.append(f"Given more than once: {', '.join(map(str, twice))}." if twice else "")
        message = f"The field number row must hold each number from 1 to {expected} once. {' '.join(detail).strip()}"
        raise RejectedFileError("wrong_template", [message])
    first = next(_data_rows(table.rows(), header, columns), None)
    total = _count_data_rows(table.rows(), header, columns) if first is not None else 0
    if first is None:
        raise RejectedFileError("blank_template", [BLANK])
    if total > MAX_ROWS:
        raise RejectedFileError(
            "too_large",
            [f"The file has {total:,} logs. Upload at most {MAX_ROWS:,} in one file: split it into smaller files."],
        )
    first_year = _collection_year(first, rules.date_fields)
    if first_year is not None and first_year != start_year:
        raise RejectedFileError("wrong_template", [rules.wrong_year_message])
    return Layout(table, header, columns, total)


def _collection_year(row: DataRow, fields: tuple[int, int, int]) -> int | None:
    """The collection year (its starting year) of a row's date, when the date can be read."""
    day, month, year = (_field_number(row.cells.get(n, "")) for n in fields)
    full = full_year(year)
    if day is None or month is None or full is None:
        return None
    try:
        found = datetime.date(full, month, day)
    except ValueError:
        return None
    return found.year if found.month >= 4 else found.year - 1
