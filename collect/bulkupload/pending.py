"""The logs of a file written as its rows are checked, so a job's memory does not grow with the file's rows.

The engine hands the job each batch of checked rows. `PendingLogs.add` finds which of them duplicate logs already in
the uploader's scope, writes a pending log for each (seen by no one until the uploader chooses), then keeps only what
the report needs (errors, status, cleared answers): the answers themselves are in the database. Once a row blocks the
file (a set-up error), no more logs are written: none will be created from it. Whatever the outcome, the job then
either announces the pending logs or removes them (`collect.bulkupload.tasks`).
"""

from __future__ import annotations

import multiprocessing.util
from collections.abc import Sequence
from typing import Any

from django.db import connections, transaction

from collect.accounts.models import User
from collect.bulkupload.lookups import keys_in_scope
from collect.bulkupload.models import BulkUpload
from collect.bulkupload.report import RowResult
from collect.logs import writing
from collect.rulebook.template import Category


def _stops_the_file(row: RowResult) -> bool:
    """Whether no logs will be created from a file with this row (Report.outcome: set-up errors or blocked)."""
    return row.blocks or any(e.category is Category.SETUP for e in row.errors)


class PendingLogs:
    """Writes an upload's pending logs a batch of rows at a time, and remembers the rows that duplicate logs.

    `write` runs where the rows were checked (in each checking process, with its own database connection): it works
    out each row's log (`prepare`), finds the rows that duplicate logs in the uploader's scope, and inserts the logs,
    leaving on each row only its log's id. On SQLite, which takes one writer at a time, the processes only `prepare`
    and `add` writes. `add` runs in the job, in the file's order, and collects the ids.
    """

    def __init__(self, upload: BulkUpload, user: User) -> None:
        self.upload, self.user = upload, user
        self.rows_seen = 0
        self.log_ids: list[int] = []
        self.duplicated: list[int] = []  # indexes (in the file's data rows) of rows that duplicate existing logs
        self.blocked = False  # in `write`: as far as this process has seen

    def prepare(self, rows: Sequence[RowResult]) -> None:
        """Work out the logs of some checked rows and which of them duplicate logs in scope (reading only)."""
        for row in rows:
            writing.prepare_pending(self.upload.kind, self.upload.collection, row)
        keys = [_stored(row)["duplicate_key"] for row in rows]
        found = keys_in_scope(keys, self.upload.kind, self.user)
        for row, key in zip(rows, keys, strict=True):
            _stored(row)["duplicate"] = bool(key) and key in found

    def write(self, rows: Sequence[RowResult]) -> None:
        """Write the logs of some checked rows (none once a row stops the file); keep only their ids on the rows."""
        if any(row.stored is None for row in rows):
            self.prepare(rows)
        duplicates = [_stored(row).pop("duplicate") for row in rows]
        self.blocked = self.blocked or any(duplicates) or any(_stops_the_file(row) for row in rows)
        ids: list[int | None] = [None] * len(rows)
        if not self.blocked:
            with transaction.atomic():
                ids = list(writing.write_pending_logs(self.upload, rows, self.user))
        for row, log_id, duplicate in zip(rows, ids, duplicates, strict=True):
            row.stored = {"log": log_id, "duplicate": duplicate}

    def add(self, rows: Sequence[RowResult]) -> None:
        """Take the next checked rows of the file, in order (writing their logs here if no process did)."""
        if any(row.stored is None or "log" not in row.stored for row in rows):
            self.write(rows)
        first = self.rows_seen
        self.rows_seen += len(rows)
        for index, row in enumerate(rows, start=first):
            stored = _stored(row)
            if stored["duplicate"]:
                self.duplicated.append(index)
            if stored["log"] is not None:
                self.log_ids.append(stored["log"])
            row.stored = None

    def process_start(self) -> None:
        """In each checking process: close its database connections when it ends."""
        multiprocessing.util.Finalize(None, connections.close_all, exitpriority=10)


def _stored(row: RowResult) -> dict[str, Any]:
    assert row.stored is not None
    return row.stored
