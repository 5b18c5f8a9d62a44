"""The pure bulk upload engine as the service calls it (collect.bulkupload.checking, .template_files, .reading).

The service imports the engine only through here, so its pages, job and tests have one place to meet it.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from collect.bulkupload.report import Report
from collect.standards.bulk import Lookups

MAX_BYTES = 50 * 1024 * 1024  # collect.bulkupload.reading.MAX_BYTES
MAX_ROWS = 100_000  # collect.bulkupload.reading.MAX_ROWS


def _module(name: str) -> Any:
    return importlib.import_module(f"collect.bulkupload.{name}")


def check_file(
    data: bytes,
    filename: str,
    collection_id: str,
    *,
    lookups: Lookups | None,
    context_for: Callable[[Mapping[str, Any]], Any],
    progress: Callable[[int, int], None] | None = None,
) -> Report:
    """Read and check a whole file (checking.check_file)."""
    found: Report = _module("checking").check_file(
        data, filename, collection_id, lookups=lookups, context_for=context_for, progress=progress
    )
    return found


def mark_existing_duplicates(report: Report, collection_id: str, row_indexes: Iterable[int]) -> None:
    """Mark rows that duplicate existing logs (checking.mark_existing_duplicates)."""
    _module("checking").mark_existing_duplicates(report, collection_id, row_indexes)


def template_xlsx(collection_id: str) -> bytes:
    """The collection year's bulk upload template, generated from its declaration."""
    found: bytes = _module("template_files").template_xlsx(collection_id)
    return found


def specification_xlsx(collection_id: str) -> bytes:
    """The collection year's bulk upload specification, generated from its declaration."""
    found: bytes = _module("template_files").specification_xlsx(collection_id)
    return found
