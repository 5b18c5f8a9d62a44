"""Read, validate and load the published reference data files (see ../shared/refdata/README.md).

Every file is read and checked before anything is written; then all tables are written in one transaction, so a bad
file leaves the database exactly as it was. A problem is reported as a RefdataError whose message names the file, the
line (the header is line 1) and the reason, such as "rent_ranges_2026.csv line 42: soft_min 95.2 is more than
soft_max 80.1".

Files read from the folder (others are ignored):
- local_authorities.csv (required) and local_authorities_YYYY_changes.csv, applied in year order: a row of a changes
  file replaces the row with the same code, or adds a code;
- local_authority_links_YYYY.csv, rent_ranges_YYYY.csv, sale_ranges_YYYY.csv, where YYYY is the collection year.

The local authority register is replaced as a whole (rows keep their ids, so it can be referred to); links, rent ranges
and sale ranges are replaced for the years that have a file, and other years are left alone.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any, Protocol, TypeVar

from django.db import connection, models, transaction

from collect.refdata.models import (
    OUTSIDE_UK_CODE,
    RENT_MAX_DIGITS,
    SALE_MAX_DIGITS,
    ImportRun,
    LocalAuthority,
    LocalAuthorityLink,
    RentRange,
    SaleRange,
)

LOCAL_AUTHORITIES_FILE = "local_authorities.csv"
CHANGES_FILE = re.compile(r"local_authorities_(\d{4})_changes\.csv")
LINKS_FILE = re.compile(r"local_authority_links_(\d{4})\.csv")
RENT_RANGES_FILE = re.compile(r"rent_ranges_(\d{4})\.csv")
SALE_RANGES_FILE = re.compile(r"sale_ranges_(\d{4})\.csv")

GSS_CODE = re.compile(r"[EWSN]\d{8}")
YEAR = re.compile(r"\d{4}")
WHOLE_NUMBER = re.compile(r"\d+")
NUMBER = re.compile(r"-?(\d+(\.\d*)?|\.\d+)")
PENCE = Decimal("0.01")
LETTYPES = range(1, 13)  # the published files use letting types 1 to 12
SMALLINT_MAX = 32767
NAME_MAX_LENGTH = 100
BATCH_SIZE = 2000
# Held for the length of an import's transaction on PostgreSQL, so two imports at once run one after the other.
ADVISORY_LOCK_ID = 7_262_431_920_250_001


class _Record(Protocol):
    @property
    def line(self) -> int: ...


_Row = TypeVar("_Row", bound=_Record)


class RefdataError(Exception):
    """A reference data file that cannot be imported; the message names the file, the line and the reason."""


class MissingRefdataError(RefdataError):
    """The folder, or a file that must be in it, is not there."""


class _RowError(Exception):
    """A problem with one row; the caller adds the file name and the line number."""


@dataclass(frozen=True)
class SourceFile:
    """A file that was read: its name, the SHA-256 of its bytes and its number of data rows."""

    name: str
    sha256: str
    rows: int


@dataclass(frozen=True)
class LocalAuthorityRow:
    code: str
    name: str
    start_year: int
    end_year: int | None
    source: str
    line: int


@dataclass(frozen=True)
class LinkRow:
    local_authority_code: str
    linked_local_authority_code: str
    year: int
    source: str
    line: int


@dataclass(frozen=True)
class RentRangeRow:
    start_year: int
    lettype: int
    la: str
    beds: int
    soft_min: Decimal
    soft_max: Decimal
    hard_min: Decimal
    hard_max: Decimal
    source: str
    line: int


@dataclass(frozen=True)
class SaleRangeRow:
    start_year: int
    la: str
    la_name: str
    bedrooms: int
    soft_min: Decimal
    soft_max: Decimal
    source: str
    line: int


@dataclass
class Refdata:
    """Everything read from a folder, validated and ready to write."""

    folder: Path
    files: list[SourceFile] = field(default_factory=list)
    local_authorities: list[LocalAuthorityRow] = field(default_factory=list)
    links: list[LinkRow] = field(default_factory=list)
    rent_ranges: list[RentRangeRow] = field(default_factory=list)
    sale_ranges: list[SaleRangeRow] = field(default_factory=list)
    link_years: list[int] = field(default_factory=list)
    rent_years: list[int] = field(default_factory=list)
    sale_years: list[int] = field(default_factory=list)


@dataclass(frozen=True)
class FileStatus:
    """A file of an import, and whether it is new, changed or unchanged since the last import of that file name."""

    name: str
    rows: int
    status: str


@dataclass(frozen=True)
class ImportResult:
    """What an import wrote: rows per table, and the files read."""

    local_authorities: int
    links: int
    rent_ranges: int
    sale_ranges: int
    files: list[FileStatus]

    @property
    def summary(self) -> str:
        """One line with the count of every table, for the command's output."""
        return (
            f"local authorities: {self.local_authorities}, links: {self.links}, "
            f"rent ranges: {self.rent_ranges}, sale ranges: {self.sale_ranges}"
        )

    @property
    def unchanged(self) -> bool:
        """Whether every file is the same as at the last import."""
        return all(f.status == "unchanged" for f in self.files)


# Reading files


def _dated_files(folder: Path, pattern: re.Pattern[str]) -> list[tuple[int, Path]]:
    """The files of the folder whose names match the pattern, with the year from the name, in year order."""
    found = []
    for path in folder.iterdir():
        if path.is_file() and (match := pattern.fullmatch(path.name)):
            found.append((int(match.group(1)), path))
    return sorted(found)


def _read_rows(path: Path, required: Sequence[str]) -> tuple[SourceFile, list[tuple[int, dict[str, str]]]]:
    """The data rows of a CSV file as (line number, {column: stripped value}) for the required columns.

    The file is UTF-8, with or without a byte order mark, with CRLF or LF line ends. Lines that are empty or hold only
    empty fields are skipped. A row may have more fields than the header only if the extra fields are empty (the
    published local_authorities.csv has rows with a trailing comma).
    """
    name = path.name
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise RefdataError(f"{name} line {line}: the file is not UTF-8 text ({error.reason})") from error
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    rows: list[tuple[int, dict[str, str]]] = []
    try:
        header = [column.strip() for column in next(reader, [])]
        if not any(header):
            raise RefdataError(f"{name} line 1: the file has no header (expected {','.join(required)})")
        while header and not header[-1]:
            header.pop()
        duplicated = sorted({column for column in header if column and header.count(column) > 1})
        if duplicated:
            raise RefdataError(f"{name} line 1: the header repeats columns {', '.join(duplicated)}")
        missing = [column for column in required if column not in header]
        if missing:
            raise RefdataError(
                f"{name} line 1: the header is missing columns {', '.join(missing)} "
                f"(found {','.join(header)}; expected {','.join(required)})"
            )
        index = {column: header.index(column) for column in required}
        for row in reader:
            line = reader.line_num
            if not any(value.strip() for value in row):
                continue
            if len(row) < len(header):
                raise RefdataError(
                    f"{name} line {line}: the row has {len(row)} fields but the header has {len(header)}"
                )
            if extra := [value for value in row[len(header) :] if value.strip()]:
                raise RefdataError(
                    f"{name} line {line}: the row has {len(row)} fields but the header has {len(header)} "
                    f"(extra value {extra[0]!r})"
                )
            rows.append((line, {column: row[i].strip() for column, i in index.items()}))
    except csv.Error as error:
        raise RefdataError(f"{name} line {reader.line_num}: the line is not valid CSV ({error})") from error
    return SourceFile(name, hashlib.sha256(data).hexdigest(), len(rows)), rows


def _parse(
    path: Path, required: Sequence[str], parse_row: Callable[[dict[str, str], int], _Row]
) -> tuple[SourceFile, list[_Row]]:
    """Read a file and turn every row into a record, naming the file and line of the first bad row."""
    source, rows = _read_rows(path, required)
    records = []
    for line, values in rows:
        try:
            records.append(parse_row(values, line))
        except _RowError as error:
            raise RefdataError(f"{path.name} line {line}: {error}") from None
    return source, records


def _no_duplicates(name: str, records: Sequence[_Row], key: Callable[[_Row], tuple[object, ...]], what: str) -> None:
    """Raise on the first record whose key an earlier record of the same file already has."""
    seen: dict[tuple[object, ...], int] = {}
    for record in records:
        k = key(record)
        if k in seen:
            shown = ", ".join(str(part) for part in k)
            raise RefdataError(f"{name} line {record.line}: duplicate {what} ({shown}), first on line {seen[k]}")
        seen[k] = record.line


# Checking values


def _text(values: dict[str, str], column: str, max_length: int = NAME_MAX_LENGTH) -> str:
    value = values[column]
    if not value:
        raise _RowError(f"{column} is empty")
    if len(value) > max_length:
        raise _RowError(f"{column} is longer than {max_length} characters")
    return value


def _code(values: dict[str, str], column: str, allow_outside_uk: bool = False) -> str:
    value = values[column]
    if not value:
        raise _RowError(f"{column} is empty")
    if GSS_CODE.fullmatch(value) or (allow_outside_uk and value == OUTSIDE_UK_CODE):
        return value
    raise _RowError(f"{column} {value!r} is not a local authority code (a letter E, W, S or N and 8 digits)")


def _optional_year(values: dict[str, str], column: str) -> int | None:
    return _year(values, column) if values[column] else None


def _year(values: dict[str, str], column: str) -> int:
    value = values[column]
    if not value:
        raise _RowError(f"{column} is empty")
    if not YEAR.fullmatch(value):
        raise _RowError(f"{column} {value!r} is not a 4-digit year")
    return int(value)


def _whole_number(values: dict[str, str], column: str, allowed: range) -> int:
    value = values[column]
    if not value:
        raise _RowError(f"{column} is empty")
    if not WHOLE_NUMBER.fullmatch(value):
        raise _RowError(f"{column} {value!r} is not a whole number")
    number = int(value)
    if number not in allowed:
        raise _RowError(f"{column} {value} is not between {allowed.start} and {allowed.stop - 1}")
    return number


def _amount(values: dict[str, str], column: str, max_digits: int) -> Decimal:
    value = values[column]
    if not value:
        raise _RowError(f"{column} is empty")
    if not NUMBER.fullmatch(value):
        raise _RowError(f"{column} {value!r} is not a number")
    amount = Decimal(value)
    if amount < 0:
        raise _RowError(f"{column} {value} is negative")
    if amount.quantize(PENCE) != amount:
        raise _RowError(f"{column} {value} has more than 2 decimal places")
    if amount >= 10 ** (max_digits - 2):
        raise _RowError(f"{column} {value} is too large")
    return amount.quantize(PENCE)


def _in_order(values: dict[str, str], low: str, high: str, low_value: Decimal, high_value: Decimal) -> None:
    if low_value > high_value:
        raise _RowError(f"{low} {values[low]} is more than {high} {values[high]}")


# Parsing each kind of file

LOCAL_AUTHORITY_COLUMNS = ("code", "name", "start_year", "end_year")
LINK_COLUMNS = ("local_authority_code", "linked_local_authority_code")
RENT_RANGE_COLUMNS = ("lettype", "la", "beds", "soft_min", "soft_max", "hard_min", "hard_max")
SALE_RANGE_COLUMNS = ("la_name", "la", "bedrooms", "soft_min", "soft_max")


def parse_local_authorities(path: Path) -> tuple[SourceFile, list[LocalAuthorityRow]]:
    """Read a local authority register file, or a changes file of the same form."""

    def parse_row(values: dict[str, str], line: int) -> LocalAuthorityRow:
        code = _code(values, "code", allow_outside_uk=True)
        name = _text(values, "name")
        start_year = _year(values, "start_year")
        end_year = _optional_year(values, "end_year")
        if end_year is not None and end_year <= start_year:
            raise _RowError(f"end_year {end_year} is not after start_year {start_year}")
        return LocalAuthorityRow(code, name, start_year, end_year, path.name, line)

    source, records = _parse(path, LOCAL_AUTHORITY_COLUMNS, parse_row)
    _no_duplicates(path.name, records, lambda r: (r.code,), "code")
    return source, records


def parse_links(path: Path, year: int) -> tuple[SourceFile, list[LinkRow]]:
    """Read a file of links between old and new local authority codes."""

    def parse_row(values: dict[str, str], line: int) -> LinkRow:
        code = _code(values, "local_authority_code")
        linked = _code(values, "linked_local_authority_code")
        if code == linked:
            raise _RowError(f"local_authority_code {code} is linked to itself")
        return LinkRow(code, linked, year, path.name, line)

    source, records = _parse(path, LINK_COLUMNS, parse_row)
    _no_duplicates(path.name, records, lambda r: (r.local_authority_code, r.linked_local_authority_code), "link")
    return source, records


def parse_rent_ranges(path: Path, year: int) -> tuple[SourceFile, list[RentRangeRow]]:
    """Read a rent ranges file (the ranges_rent_id column, when there, is not kept)."""

    def parse_row(values: dict[str, str], line: int) -> RentRangeRow:
        lettype = _whole_number(values, "lettype", LETTYPES)
        la = _code(values, "la")
        beds = _whole_number(values, "beds", range(SMALLINT_MAX + 1))
        soft_min, soft_max, hard_min, hard_max = (
            _amount(values, column, RENT_MAX_DIGITS) for column in ("soft_min", "soft_max", "hard_min", "hard_max")
        )
        _in_order(values, "soft_min", "soft_max", soft_min, soft_max)
        _in_order(values, "hard_min", "hard_max", hard_min, hard_max)
        return RentRangeRow(year, lettype, la, beds, soft_min, soft_max, hard_min, hard_max, path.name, line)

    source, records = _parse(path, RENT_RANGE_COLUMNS, parse_row)
    _no_duplicates(path.name, records, lambda r: (f"lettype {r.lettype}", f"la {r.la}", f"beds {r.beds}"), "range")
    return source, records


def parse_sale_ranges(path: Path, year: int) -> tuple[SourceFile, list[SaleRangeRow]]:
    """Read a sale ranges file."""

    def parse_row(values: dict[str, str], line: int) -> SaleRangeRow:
        la_name = _text(values, "la_name")
        la = _code(values, "la")
        bedrooms = _whole_number(values, "bedrooms", range(1, SMALLINT_MAX + 1))
        soft_min, soft_max = (_amount(values, column, SALE_MAX_DIGITS) for column in ("soft_min", "soft_max"))
        _in_order(values, "soft_min", "soft_max", soft_min, soft_max)
        return SaleRangeRow(year, la, la_name, bedrooms, soft_min, soft_max, path.name, line)

    source, records = _parse(path, SALE_RANGE_COLUMNS, parse_row)
    _no_duplicates(path.name, records, lambda r: (f"la {r.la}", f"bedrooms {r.bedrooms}"), "range")
    return source, records


def _check_codes_known(register: set[str], checks: Iterator[tuple[str, int, str, str]]) -> None:
    """Raise on the first (file, line, column, code) whose code is not in the local authority register."""
    for source, line, column, code in checks:
        if code not in register:
            raise RefdataError(
                f"{source} line {line}: {column} {code} is not in the local authority register "
                f"({LOCAL_AUTHORITIES_FILE} and its changes files)"
            )


def read_refdata(folder: Path) -> Refdata:
    """Read and validate every reference data file of the folder, without touching the database."""
    if not folder.is_dir():
        raise MissingRefdataError(f"There is no reference data folder at {folder}.")
    register_path = folder / LOCAL_AUTHORITIES_FILE
    if not register_path.is_file():
        raise MissingRefdataError(f"The reference data folder {folder} has no {LOCAL_AUTHORITIES_FILE}.")
    data = Refdata(folder=folder)

    source, rows = parse_local_authorities(register_path)
    data.files.append(source)
    register = {row.code: row for row in rows}
    for _, path in _dated_files(folder, CHANGES_FILE):
        source, rows = parse_local_authorities(path)
        data.files.append(source)
        register.update((row.code, row) for row in rows)
    data.local_authorities = list(register.values())

    for year, path in _dated_files(folder, LINKS_FILE):
        source, links = parse_links(path, year)
        data.files.append(source)
        data.links += links
        data.link_years.append(year)
    for year, path in _dated_files(folder, RENT_RANGES_FILE):
        source, rent_ranges = parse_rent_ranges(path, year)
        data.files.append(source)
        data.rent_ranges += rent_ranges
        data.rent_years.append(year)
    for year, path in _dated_files(folder, SALE_RANGES_FILE):
        source, sale_ranges = parse_sale_ranges(path, year)
        data.files.append(source)
        data.sale_ranges += sale_ranges
        data.sale_years.append(year)

    def references() -> Iterator[tuple[str, int, str, str]]:
        for link in data.links:
            yield link.source, link.line, "local_authority_code", link.local_authority_code
            yield link.source, link.line, "linked_local_authority_code", link.linked_local_authority_code
        for rent in data.rent_ranges:
            yield rent.source, rent.line, "la", rent.la
        for sale in data.sale_ranges:
            yield sale.source, sale.line, "la", sale.la

    _check_codes_known(set(register), references())
    return data


# Writing


def _file_statuses(files: Sequence[SourceFile]) -> list[FileStatus]:
    """Compare each file with the last import of a file of the same name."""
    last: dict[str, str] = {}
    for run in ImportRun.objects.filter(file_name__in=[f.name for f in files]).order_by("-imported_at", "-id"):
        last.setdefault(run.file_name, run.sha256)
    statuses = []
    for f in files:
        status = "new" if f.name not in last else "unchanged" if last[f.name] == f.sha256 else "changed"
        statuses.append(FileStatus(f.name, f.rows, status))
    return statuses


def _write_local_authorities(rows: Sequence[LocalAuthorityRow]) -> None:
    """Make the table match the register, keeping the id of every code already there."""
    existing = {la.code: la for la in LocalAuthority.objects.all()}
    LocalAuthority.objects.exclude(code__in=[row.code for row in rows]).delete()
    changed, added = [], []
    for row in rows:
        la = existing.get(row.code)
        if la is None:
            added.append(LocalAuthority(code=row.code, name=row.name, start_year=row.start_year, end_year=row.end_year))
        elif (la.name, la.start_year, la.end_year) != (row.name, row.start_year, row.end_year):
            la.name, la.start_year, la.end_year = row.name, row.start_year, row.end_year
            changed.append(la)
    LocalAuthority.objects.bulk_update(changed, ["name", "start_year", "end_year"], batch_size=BATCH_SIZE)
    LocalAuthority.objects.bulk_create(added, batch_size=BATCH_SIZE)


def _replace(model: type[models.Model], old: models.QuerySet[Any], rows: Sequence[Any]) -> None:
    """Delete the old rows and create the new ones, from row dataclasses whose fields match the model's."""
    old.delete()
    model._default_manager.bulk_create(
        (model(**{k: v for k, v in asdict(row).items() if k not in {"source", "line"}}) for row in rows),
        batch_size=BATCH_SIZE,
    )


def write_refdata(data: Refdata) -> ImportResult:
    """Write what read_refdata returned, all in one transaction."""
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_xact_lock(%s)", [ADVISORY_LOCK_ID])
        statuses = _file_statuses(data.files)
        _write_local_authorities(data.local_authorities)

        _replace(LocalAuthorityLink, LocalAuthorityLink.objects.filter(year__in=data.link_years), data.links)
        _replace(RentRange, RentRange.objects.filter(start_year__in=data.rent_years), data.rent_ranges)
        _replace(SaleRange, SaleRange.objects.filter(start_year__in=data.sale_years), data.sale_ranges)
        ImportRun.objects.bulk_create(ImportRun(file_name=f.name, sha256=f.sha256, rows=f.rows) for f in data.files)
    return ImportResult(
        local_authorities=len(data.local_authorities),
        links=len(data.links),
        rent_ranges=len(data.rent_ranges),
        sale_ranges=len(data.sale_ranges),
        files=statuses,
    )


def import_refdata(folder: Path) -> ImportResult:
    """Read and validate every file of the folder, then replace the reference data tables with what they hold."""
    return write_refdata(read_refdata(folder))
