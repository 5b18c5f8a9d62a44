"""A collection year's bulk upload template, declared as data beside its questions.

The template is a spreadsheet with eight header rows (section, question, additional information, values, whether the
cell can be empty, which logs the question applies to, whether it is a duplicate check field, field number) and one
log per row. A `BulkTemplate` declares each field's header texts and cell type, the `Reader`s that turn a row's cells
into the collection year's answers (and back, for generated files), and the `CellCheck`s about the cells themselves
that only a file can break (a date year of three digits, two ticked options that exclude each other...). Everything
else a row must satisfy is checked by evaluating its answers with the collection year's rules, like any other log.

Nothing here imports Django: the template drives the service's bulk upload, the offline checker, the generated
template and specification, and the round trip of downloads.
"""

from __future__ import annotations

import datetime
import enum
import functools
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

# A row's cells after typing: field number -> int (integer cells), Decimal (decimal cells), str (text cells,
# stripped) or None (blank, or a number cell that is not a number).
Cells = Mapping[int, Any]


class RowCells(dict[int, Any]):
    """A row's cells while its readers run, with a memo for what several readers work out from the same cells."""

    __slots__ = ("memo",)

    def __init__(self, cells: Cells) -> None:
        super().__init__(cells)
        self.memo: dict[str, Any] = {}


def row_memo(cells: Cells, key: str, compute: Callable[[Cells], Any]) -> Any:
    """`compute(cells)`, worked out once per row read by `BulkTemplate.read` (every time for other mappings)."""
    if type(cells) is not RowCells:
        return compute(cells)
    memo = cells.memo
    if key not in memo:
        memo[key] = compute(cells)
    return memo[key]


class CellType(enum.StrEnum):
    """What a cell must hold: a whole number, a number, or any text."""

    INTEGER = "integer"
    DECIMAL = "decimal"
    TEXT = "text"


class Category(enum.StrEnum):
    """How an error in a row counts (platform.md §5.2): set-up errors stop the whole upload."""

    SETUP = "setup"
    NOT_ANSWERED = "not_answered"
    SOFT = "soft_validation"
    OTHER = "other"


@dataclass(frozen=True)
class TemplateField:
    """One column of the template: its header texts (rows 1 to 7), cell type and the answers it fills."""

    number: int
    question: str
    cell_type: CellType = CellType.INTEGER
    additional_info: str = ""
    values: str = ""
    can_be_empty: str = ""
    applies_to: str = ""
    duplicate_check: str = ""
    # The section name, on the first field of each section.
    section: str = ""
    # Upper-cased before reading ("r" is "R").
    upper: bool = False


@dataclass(frozen=True)
class Reader:
    """Turns some cells into answers (`read`), and answers back into those cells (`write`).

    `read(cells, lookups)` returns the answers it sets (a None value sets nothing). `write(answers)` returns the cells
    (field number -> value) for a log's answers; a reader whose answers cannot be written back has no `write`.
    Errors about the answers in `sets` are reported on the cells in `fields`; a reader with `applies` reads only the
    rows it holds for (such as one sales route's columns), and errors are reported on its cells only in those rows.
    """

    id: str
    fields: tuple[int, ...]
    sets: tuple[str, ...]
    read: Callable[[Cells, Any], Mapping[str, Any]]
    write: Callable[[Mapping[str, Any]], Mapping[int, Any]] | None = None
    applies: Callable[[Cells], bool] | None = None
    # A reader of one cell that sets one answer to the cell's value, translated by a table (None: as it is); what
    # `read` does, so `BulkTemplate.read` does it without calling it (most readers are of this kind).
    one_cell: tuple[int, str, Mapping[Any, Any] | None] | None = field(default=None, hash=False, compare=False)


@dataclass(frozen=True)
class CellCheck:
    """A rule about the cells of one row. `check(cells, lookups)` returns field number -> message.

    `category` is how its errors count; `blocks` means no log can be created from the file while it fails
    (organisations, users, schemes the uploader cannot use). `needs_lookups` checks are skipped by the offline
    checker, which has no database to look organisations, users and schemes up in.
    """

    id: str
    fields: tuple[int, ...]
    check: Callable[[Cells, Any], Mapping[int, str]]
    category: Category = Category.OTHER
    blocks: bool = False
    needs_lookups: bool = False
    description: str = ""


@dataclass(frozen=True)
class FileRules:
    """What makes a whole file the wrong one (platform.md §5.2, lettings-2026.md §6.2)."""

    kind_label: str  # "lettings" or "sales", in messages
    # The fields of the date whose collection year must be the template's (day, month, year).
    date_fields: tuple[int, int, int]
    wrong_year_message: str
    # The fields whose identical values in two rows make them duplicates within the file.
    duplicate_fields: tuple[int, ...]
    # The field holding the tenant or purchaser code, shown beside each row's errors.
    record_code_field: int
    record_code_label: str
    # The field holding the property reference (lettings), shown too.
    record_reference_field: int | None = None


ROW_LABELS: tuple[str, ...] = (
    "Section",
    "Question",
    "Additional info",
    "Values",
    "Can be empty?",
    "Type of letting the question applies to",
    "Duplicate check field?",
    "Field number",
)


@dataclass(frozen=True)
class BulkTemplate:
    """A collection year's bulk upload template."""

    fields: tuple[TemplateField, ...]
    readers: tuple[Reader, ...]
    checks: tuple[CellCheck, ...]
    file_rules: FileRules
    row_labels: tuple[str, ...] = ROW_LABELS
    # Answer ids whose errors go to other answers' cells (derived variables such as hhmemb, from persons' fields).
    reported_as: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    @functools.cached_property
    def by_number(self) -> dict[int, TemplateField]:
        """Each field by its number."""
        return {f.number: f for f in self.fields}

    @functools.cached_property
    def cells_of_answer(self) -> dict[str, tuple[int, ...]]:
        """The fields an answer's errors may be reported on (every reader that sets it, in field order)."""
        return self._cells(self.readers)

    def _cells(self, readers: tuple[Reader, ...]) -> dict[str, tuple[int, ...]]:
        found: dict[str, list[int]] = {}
        for reader in readers:
            for answer_id in reader.sets:
                found.setdefault(answer_id, []).extend(reader.fields)
        for answer_id, others in self.reported_as.items():
            for other in others:
                found.setdefault(answer_id, []).extend(found.get(other, []))
        return {k: tuple(sorted(set(v))) for k, v in found.items()}

    @functools.cached_property
    def _conditional(self) -> tuple[Reader, ...]:
        return tuple(r for r in self.readers if r.applies is not None)

    @functools.cached_property
    def _cells_by_applying(self) -> dict[tuple[bool, ...], dict[str, tuple[int, ...]]]:
        return {}

    def cells_in_row(self, cells: Cells) -> dict[str, tuple[int, ...]]:
        """The fields each answer's errors are reported on in this row (only the readers that apply to it)."""
        conditional = self._conditional
        if not conditional:
            return self.cells_of_answer
        key = tuple(r.applies(cells) for r in conditional)  # type: ignore[misc]
        found = self._cells_by_applying.get(key)
        if found is None:
            applying = dict(zip(conditional, key, strict=True))
            found = self._cells(tuple(r for r in self.readers if applying.get(r, True)))
            self._cells_by_applying[key] = found
        return found

    def header_rows(self) -> list[list[str]]:
        """The eight header rows as the template has them (column A holds the row labels)."""
        rows: list[list[str]] = [[label] for label in self.row_labels]
        for f in self.fields:
            texts = (f.section, f.question, f.additional_info, f.values, f.can_be_empty, f.applies_to)
            for row, text in zip(rows, (*texts, f.duplicate_check, str(f.number)), strict=True):
                row.append(text)
        return rows

    def read(self, cells: Cells, lookups: Any = None) -> dict[str, Any]:
        """The answers a row's cells give."""
        answers: dict[str, Any] = {}
        row = RowCells(cells)
        get = row.get
        for reader, one_cell in self._reading_plan:
            if one_cell is not None:
                number, answer, table = one_cell
                found = get(number)
                if found is not None and table is not None:
                    found = table.get(found, found)
                if found is not None:
                    answers[answer] = found
                continue
            for key, value in reader.read(row, lookups).items():
                if value is not None:
                    answers[key] = value
        return answers

    @functools.cached_property
    def _reading_plan(self) -> tuple[tuple[Reader, tuple[int, str, Mapping[Any, Any] | None] | None], ...]:
        return tuple((reader, reader.one_cell) for reader in self.readers)

    def write(self, answers: Mapping[str, Any]) -> dict[int, Any]:
        """The cells for a log's answers (a generated file row); fields with no answer are left out."""
        cells: dict[int, Any] = {}
        for reader in self.readers:
            if reader.write is not None:
                cells.update({k: v for k, v in reader.write(answers).items() if v is not None})
        return cells


# Readers for the common shapes of cell


def _inverse(mapping: Mapping[Any, Any]) -> dict[Any, Any]:
    return {v: k for k, v in mapping.items()}


def code(number: int, answer: str, mapping: Mapping[Any, Any] | None = None, *, reader_id: str = "") -> Reader:
    """A cell holding an answer's code, translated by `mapping` (cell value -> code) when the template's differ.

    A value `mapping` does not know is passed through, so the rules report it as not one of the options.
    """
    table = dict(mapping or {})
    back = _inverse(table)

    def read(cells: Cells, lookups: Any) -> dict[str, Any]:
        value = cells.get(number)
        return {answer: table.get(value, value)}

    def write(answers: Mapping[str, Any]) -> dict[int, Any]:
        value = answers.get(answer)
        return {number: back.get(value, value) if value is not None else None}

    one_cell = (number, answer, table or None) if None not in table else None
    return Reader(reader_id or answer, (number,), (answer,), read, write, one_cell=one_cell)


def value(number: int, answer: str, *, reader_id: str = "") -> Reader:
    """A cell holding an answer as it is (a number or text)."""

    def read(cells: Cells, lookups: Any) -> dict[str, Any]:
        return {answer: cells.get(number)}

    def write(answers: Mapping[str, Any]) -> dict[int, Any]:
        return {number: answers.get(answer)}

    return Reader(reader_id or answer, (number,), (answer,), read, write, one_cell=(number, answer, None))


def full_year(year: Any) -> int | None:
    """A year cell as a year: 1 or 2 digits are this century's (26 is 2026)."""
    if type(year) is not int or year < 0:
        return None
    return year + 2000 if year < 100 else year


def date(day: int, month: int, year: int, answer: str, *, reader_id: str = "") -> Reader:
    """Three cells (day, month, year of 2 or 4 digits) holding a date.

    An impossible date (31 February) is given to the rules as written ("31/2/2026"), so they report it as not a date.
    """

    def read(cells: Cells, lookups: Any) -> dict[str, Any]:
        d, m, y = cells.get(day), cells.get(month), full_year(cells.get(year))
        if d is None and m is None and y is None:
            return {}
        if not all(type(part) is int for part in (d, m, y)):
            return {answer: f"{d or ''}/{m or ''}/{y or ''}"}
        try:
            return {answer: datetime.date(y, m, d)}  # type: ignore[arg-type]
        except ValueError:
            return {answer: f"{d}/{m}/{y}"}

    def write(answers: Mapping[str, Any]) -> dict[int, Any]:
        found = answers.get(answer)
        if not isinstance(found, datetime.date):
            return {}
        return {day: found.day, month: found.month, year: found.year % 100}

    return Reader(reader_id or answer, (day, month, year), (answer,), read, write)


def joined(first: int, second: int, answer: str, *, reader_id: str = "") -> Reader:
    """Two text cells joined by a space (a postcode's two parts); either may be blank."""

    def read(cells: Cells, lookups: Any) -> dict[str, Any]:
        parts = [str(cells[n]) for n in (first, second) if cells.get(n) not in (None, "")]
        return {answer: " ".join(parts) if parts else None}

    def write(answers: Mapping[str, Any]) -> dict[int, Any]:
        found = answers.get(answer)
        if not isinstance(found, str) or not found.strip():
            return {}
        head, _, tail = found.strip().rpartition(" ")
        return {first: head, second: tail} if head else {first: tail}

    return Reader(reader_id or answer, (first, second), (answer,), read, write)


def as_decimal(number: Any) -> Decimal | None:
    """A cell's number as a Decimal (int and Decimal cells), else None."""
    if isinstance(number, Decimal):
        return number
    if type(number) is int:
        return Decimal(number)
    return None
