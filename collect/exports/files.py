"""Writing downloads: CSV (definitions row, names row, then the logs) and Parquet, through Django's storage API.

A file is written to a temporary file on local disk a batch at a time and only then handed to storage under its
final name, so a job that fails or is killed part-way leaves no half-written file behind for anyone to download.
"""

from __future__ import annotations

import csv
import io
import tempfile
from collections.abc import Collection, Iterable, Iterator
from pathlib import Path
from typing import Any

import polars as pl
from django.core.files import File
from django.core.files.storage import default_storage

from collect.rulebook.downloads import Column
from collect.web.csv_download import BYTE_ORDER_MARK, safe_cell

# A cell a spreadsheet would run as a formula: starts with = + @ tab or return, or - but is not a number.
_FORMULA = r"^[=+@\t\r]"
_NUMBER = r"^-[0-9.]+$"


def safe_frame(frame: pl.DataFrame, names: Collection[str] | None = None) -> pl.DataFrame:
    """Every text cell (of the columns `names`, or all) made safe from formula injection, as `safe_cell` does."""
    return frame.with_columns(
        pl.when(
            pl.col(name).str.contains(_FORMULA)
            | (pl.col(name).str.starts_with("-") & ~pl.col(name).str.contains(_NUMBER))
        )
        .then(pl.lit("'") + pl.col(name))
        .otherwise(pl.col(name))
        .alias(name)
        for name in (frame.columns if names is None else [n for n in frame.columns if n in names])
    )


def header_lines(columns: tuple[Column, ...]) -> bytes:
    """The byte order mark, the definitions row and the names row."""
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\n")
    writer.writerow([safe_cell(c.definition) for c in columns])
    writer.writerow([safe_cell(c.name) for c in columns])
    return (BYTE_ORDER_MARK + text.getvalue()).encode()


def write_csv(
    frames: Iterable[pl.DataFrame], columns: tuple[Column, ...], target: Any, free_text: Collection[str] | None = None
) -> int:
    """Write the header rows and every frame to a binary file; returns the number of rows.

    Cells of the `free_text` columns (default: every column) are made safe from formula injection.
    """
    target.write(header_lines(columns))
    rows = 0
    for frame in frames:
        safe_frame(frame, free_text).write_csv(target, include_header=False, line_terminator="\n")
        rows += frame.height
    return rows


def write_parquet(frames: Iterator[pl.DataFrame], columns: tuple[Column, ...], target: Path) -> int:
    """Write every frame to one Parquet file (each batch a row group, so memory stays flat); returns the rows."""
    parts = target.parent / f"{target.name}.parts"
    parts.mkdir()
    rows = 0
    for number, frame in enumerate(frames):
        frame.write_parquet(parts / f"{number:06d}.parquet")
        rows += frame.height
    if rows:
        pl.scan_parquet(parts / "*.parquet").sink_parquet(target)
    else:
        pl.DataFrame(
            {c.name: [] for c in columns}, schema=dict.fromkeys((c.name for c in columns), pl.String)
        ).write_parquet(target)
    for part in parts.iterdir():
        part.unlink()
    parts.rmdir()
    return rows


def store(local: Path, name: str) -> str:
    """Hand a finished local file to storage under `name` (replacing an earlier copy); returns the stored name."""
    if default_storage.exists(name):
        default_storage.delete(name)
    with local.open("rb") as file:
        return default_storage.save(name, File(file, name=Path(name).name))


def scratch() -> tempfile.TemporaryDirectory[str]:
    """A temporary folder for a file being written."""
    return tempfile.TemporaryDirectory(prefix="collect-export-")
