"""CSV downloads streamed to the browser, safe to open in a spreadsheet.

A cell that a spreadsheet would run as a formula (starting with = + - @, or a tab or carriage return) gets a single
quote in front, so values typed into the service cannot become formulas on an analyst's computer. The file starts
with a byte order mark so spreadsheets read it as UTF-8.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from typing import Any

from django.http import StreamingHttpResponse

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
BYTE_ORDER_MARK = "\ufeff"


def safe_cell(value: Any) -> str:
    """A cell's text, made safe from formula injection (None is an empty cell)."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


class _Echo:
    """A file-like object whose write returns what it was given, so csv.writer can feed a stream."""

    def write(self, value: str) -> str:
        return value


def csv_lines(rows: Iterable[Iterable[Any]]) -> Iterator[str]:
    """The CSV text of some rows (the first is the header), a line at a time, after a byte order mark."""
    writer = csv.writer(_Echo())
    yield BYTE_ORDER_MARK
    for row in rows:
        yield writer.writerow([safe_cell(cell) for cell in row])


def csv_response(rows: Iterable[Iterable[Any]], filename: str) -> StreamingHttpResponse:
    """A streamed CSV download of some rows."""
    response = StreamingHttpResponse(csv_lines(rows), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
