"""What checking a bulk file found: errors by cell, each row's answers and status, and the file's outcome.

The same report is shown by the service's pages, written as CSV, marked on a copy of the uploaded file, and
printed (as text or JSON) by the offline checker.
"""

from __future__ import annotations

import enum
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from collect.rulebook.template import Category


class Outcome(enum.StrEnum):
    """What happens to an upload (platform.md §5.2–§5.3), from worst to best."""

    REJECTED = "rejected"  # the file is not a template of this year and kind: nothing is checked
    SETUP_ERRORS = "setup_errors"  # set-up questions have errors: no logs can be created
    BLOCKED = "blocked"  # organisations, users or schemes cannot be used, or logs would still be invalid
    DUPLICATES = "duplicates"  # rows duplicate logs that already exist
    CREATED_WITH_ERRORS = "created_with_errors"  # logs can be created; some are incomplete or had answers cleared
    WARNINGS_ONLY = "warnings_only"  # every log is complete once its soft warnings are confirmed
    SUCCESS = "success"  # every log is complete with no errors or warnings


@dataclass(frozen=True)
class CellError:
    """One message about one cell of the file."""

    row: int  # the spreadsheet row number (1-based, counting the header rows)
    field: int  # the template's field number
    column: str  # the column letter in the uploaded file, such as "BC"
    question: str  # the template's question for the field
    message: str
    category: Category
    check: str  # the rulebook check id, or the template's cell check id
    blocks: bool = False

    @property
    def cell(self) -> str:
        """The cell reference, such as "BC12"."""
        return f"{self.column}{self.row}"

    def as_dict(self) -> dict[str, Any]:
        """A JSON-friendly version."""
        return {
            "row": self.row,
            "cell": self.cell,
            "field": self.field,
            "question": self.question,
            "message": self.message,
            "category": str(self.category),
            "check": self.check,
        }


@dataclass
class RowResult:
    """One data row: the answers it gives, what they will be saved as, and its errors."""

    row: int
    record_code: str  # tenant code or purchaser code, to help find the row
    record_reference: str  # property reference (lettings), or ""
    answers: dict[str, Any]  # what will be saved if logs are created (with invalid non-setup answers cleared)
    derived: dict[str, Any]  # the values among `answers` that the rules derived
    status: str  # the rulebook status of `answers`
    hard_errors: int  # the rulebook's errors about `answers` (the log's error count)
    errors: list[CellError] = field(default_factory=list)
    # Answers the file gave that are cleared before saving because they are invalid: answer id -> (value, fields).
    cleared: dict[str, tuple[Any, tuple[int, ...]]] = field(default_factory=dict)
    still_invalid: bool = False  # hard errors remain after clearing: no log can be created from this file
    duplicate_of_existing: bool = False
    # The service's columns for the row's log, worked out where the row was checked (collect.logs.writing).
    stored: dict[str, Any] | None = None

    @property
    def blocks(self) -> bool:
        """Whether this row stops logs being created from the file."""
        return any(e.blocks for e in self.errors) or self.still_invalid or self.duplicate_of_existing


@dataclass
class Report:
    """A checked file."""

    collection_id: str
    kind: str
    filename: str
    rows: list[RowResult] = field(default_factory=list)
    # File-level problems: when there are any, the file was rejected and no row was checked.
    file_errors: list[str] = field(default_factory=list)
    rejection_reason: str = ""  # blank_template, wrong_template, not_a_table, too_large
    # Checks that need the database, skipped by the offline checker (their ids).
    skipped: list[str] = field(default_factory=list)
    total_rows: int = 0  # data rows in the file that are not empty
    # Where the template's fields are in the file (collect.bulkupload.layout.Layout), once it was read.
    layout: Any = None

    def errors(self) -> Iterator[CellError]:
        """Every cell error, row by row."""
        for row in self.rows:
            yield from row.errors

    def count(self, *categories: Category) -> int:
        """How many errors there are of these categories (all when none is given)."""
        return sum(1 for e in self.errors() if not categories or e.category in categories)

    @property
    def outcome(self) -> Outcome:
        """What happens to the upload."""
        ladder = (
            (bool(self.file_errors), Outcome.REJECTED),
            (self.count(Category.SETUP) > 0, Outcome.SETUP_ERRORS),
            (any(r.duplicate_of_existing for r in self.rows), Outcome.DUPLICATES),
            (any(r.blocks for r in self.rows), Outcome.BLOCKED),
            (self.count(Category.NOT_ANSWERED, Category.OTHER) > 0, Outcome.CREATED_WITH_ERRORS),
            (self.count(Category.SOFT) > 0, Outcome.WARNINGS_ONLY),
        )
        return next((outcome for found, outcome in ladder if found), Outcome.SUCCESS)

    @property
    def logs_to_create(self) -> int:
        """How many logs the file gives (rows that are not blank)."""
        return len(self.rows)

    def summary(self, threshold: int = 1) -> list[tuple[str, int, str, str, int]]:
        """The most common errors: (column, field, question, message, count), most frequent first.

        Set-up errors are listed whenever there are any (they must all be fixed); otherwise errors occurring at least
        `threshold` times.
        """
        counts: Counter[tuple[str, int, str, str]] = Counter()
        setup_only = self.count(Category.SETUP) > 0
        for e in self.errors():
            if not setup_only or e.category is Category.SETUP:
                counts[(e.column, e.field, e.question, e.message)] += 1
        ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0][1], item[0][3]))
        return [(*key, n) for key, n in ranked if n >= threshold or setup_only]

    def as_dict(self) -> dict[str, Any]:
        """A JSON-friendly version (the offline checker's --json output)."""
        return {
            "collection": self.collection_id,
            "kind": self.kind,
            "file": self.filename,
            "outcome": str(self.outcome),
            "file_errors": self.file_errors,
            "rows": self.total_rows,
            "logs": self.logs_to_create,
            "errors": [e.as_dict() for e in self.errors()],
            "error_counts": {str(c): self.count(c) for c in Category},
            "skipped_checks": self.skipped,
        }
