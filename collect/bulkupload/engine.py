"""The pure bulk upload engine as the service calls it (collect.bulkupload.checking, .template_files, .reading).

The service's job, pages and tests meet the engine only here (tests replace `check_file` with a stand-in).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any

from collect.bulkupload import checking, reading, template_files
from collect.bulkupload.report import Report, RowResult
from collect.standards.bulk import Lookups

MAX_BYTES = reading.MAX_BYTES
MAX_ROWS = reading.MAX_ROWS


ProcessHooks = checking.ProcessHooks


def check_file(
    data: bytes,
    filename: str,
    collection_id: str,
    *,
    lookups: Lookups | None,
    context_for: Callable[[Mapping[str, Any]], Any],
    progress: Callable[[int, int], None] | None = None,
    processes: int = 1,
    hooks: ProcessHooks | None = None,
    on_rows: Callable[[list[RowResult]], None] | None = None,
) -> Report:
    """Read and check a whole file (in `processes` forked processes when it is large; see checking.check_file)."""
    return checking.check_file(
        data,
        filename,
        collection_id,
        lookups=lookups,
        context_for=context_for,
        progress=progress,
        processes=processes,
        hooks=hooks,
        on_rows=on_rows,
    )


def mark_existing_duplicates(report: Report, collection_id: str, row_indexes: Iterable[int]) -> None:
    """Mark rows (indexes into report.rows) that duplicate logs already in the service."""
    checking.mark_existing_duplicates(report, collection_id, row_indexes, report.layout)


def file_rows(data: bytes, filename: str) -> Iterator[list[str]]:
    """The rows of a file as the engine reads them (cells as text); none when it is not a table."""
    try:
        yield from reading.open_table(data, filename).rows()
    except reading.RejectedFileError:
        return


def template_xlsx(collection_id: str) -> bytes:
    """The collection year's bulk upload template, generated from its declaration."""
    return template_files.template_xlsx(collection_id)


def specification_xlsx(collection_id: str) -> bytes:
    """The collection year's bulk upload specification, generated from its declaration."""
    return template_files.specification_xlsx(collection_id)
