"""The logs of a file written as its rows are checked, so a job's memory does not grow with the file's rows.

The engine hands the job each batch of checked rows. `PendingLogs.add` finds which of them duplicate logs already in
the uploader's scope, writes a pending log for each (seen by no one until the uploader chooses), then keeps only what
the report needs (errors, status, cleared answers): the answers themselves are in the database. Once a row blocks the
file (a set-up error), no more logs are written: none will be created from it. Whatever the outcome, the job then
either announces the pending logs or removes them (`collect.bulkupload.tasks`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.db import transaction

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
    """Writes an upload's pending logs a batch of rows at a time, and remembers the rows that duplicate logs."""

    def __init__(self, upload: BulkUpload, user: User) -> None:
        self.upload, self.user = upload, user
        self.rows_seen = 0
        self.log_ids: list[int] = []
        self.duplicated: list[int] = []  # indexes (in the file's data rows) of rows that duplicate existing logs
        self.blocked = False

    def add(self, rows: Sequence[RowResult]) -> None:
        """Take the next checked rows of the file, in order."""
        keys = [self._stored(row)["duplicate_key"] for row in rows]
        found = keys_in_scope(keys, self.upload.kind, self.user)
        first = self.rows_seen
        self.duplicated += [first + i for i, key in enumerate(keys) if key and key in found]
        self.rows_seen += len(rows)
        self.blocked = self.blocked or bool(found) or any(_stops_the_file(row) for row in rows)
        if not self.blocked:
            with transaction.atomic():
                self.log_ids += writing.write_pending_logs(self.upload, rows, self.user)
        for row in rows:
            row.stored = None  # saved in the log (or not needed): the report keeps the errors

    def prepare(self, row: RowResult) -> None:
        """Work out a checked row's log (run where the row is checked: see checking.check_file's `prepare`)."""
        writing.prepare_pending(self.upload.kind, self.upload.collection, row)

    def _stored(self, row: RowResult) -> dict[str, Any]:
        if row.stored is None:
            self.prepare(row)
        assert row.stored is not None
        return row.stored
