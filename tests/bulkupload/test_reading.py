"""Reading uploaded files: CSV as spreadsheets save it, XLSX, and files that are not tables."""

from __future__ import annotations

import io

import pytest
from openpyxl import Workbook

from collect.bulkupload.reading import MAX_BYTES, RejectedFileError, open_table, read_table

ROWS = [["Field number", "1", "2"], ["", "a, b", "line one\nline two"], ["", "£1,250.50", "é"]]


def _csv(rows: list[list[str]], newline: str = "\n") -> str:
    def cell(text: str) -> str:
        return f'"{text}"' if any(c in text for c in ',"\n') else text

    return newline.join(",".join(cell(c) for c in row) for row in rows) + newline


@pytest.mark.parametrize(
    "encoded",
    [
        pytest.param(_csv(ROWS).encode(), id="utf-8 LF"),
        pytest.param(_csv(ROWS, "\r\n").encode(), id="utf-8 CRLF"),
        pytest.param(b"\xef\xbb\xbf" + _csv(ROWS, "\r\n").encode(), id="BOM CRLF"),
        pytest.param(_csv(ROWS, "\r").encode(), id="CR only"),
        pytest.param(_csv(ROWS, "\r\n").encode("cp1252"), id="Windows-1252"),
    ],
)
def test_csv_as_spreadsheets_save_it(encoded: bytes) -> None:
    rows = read_table(encoded, "logs.csv")
    assert rows[0] == ROWS[0]
    assert rows[1][1:] == ROWS[1][1:]
    assert rows[2][1:] == ["£1,250.50", "é"]


def test_semicolon_csv() -> None:
    assert read_table(b"Field number;1;2\n;3;4\n", "x.csv")[1] == ["", "3", "4"]


def test_xlsx_numbers_read_as_written() -> None:
    workbook = Workbook()
    notes = workbook.active
    assert notes is not None
    notes.title = "Guidance"
    notes.append(["Read me first"])
    sheet = workbook.create_sheet("Logs")
    sheet.append(["Field number", 1, 2, 3])
    sheet.append([None, 5.0, 12.5, "text"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    rows = read_table(buffer.getvalue(), "logs.xlsx")
    assert rows[0] == ["Field number", "1", "2", "3"]
    assert rows[1] == ["", "5", "12.5", "text"]


@pytest.mark.parametrize(
    ("data", "name"),
    [
        (b"%PDF-1.4 binary\x00stuff", "logs.pdf"),
        (b"PK\x03\x04 not really a workbook", "logs.xlsx"),
        (b"plain\x00binary", "logs.csv"),
        (b"a,b\n", "logs.xls"),
    ],
)
def test_files_that_are_not_tables_are_rejected(data: bytes, name: str) -> None:
    with pytest.raises(RejectedFileError) as rejected:
        read_table(data, name)
    assert rejected.value.reason == "not_a_table"
    assert "CSV or XLSX" in rejected.value.messages[0]


def test_too_large_is_rejected_before_reading() -> None:
    with pytest.raises(RejectedFileError) as rejected:
        open_table(b"x" * (MAX_BYTES + 1), "big.csv")
    assert rejected.value.reason == "too_large"
    assert "50 MB or less" in rejected.value.messages[0]


def test_blank_file_is_an_empty_table() -> None:
    assert read_table(b"  \n", "empty.csv") == []
