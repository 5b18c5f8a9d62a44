"""A stand-in for the engine's `check_file`: a file is JSON naming each row's answers and errors.

It calls the service's `context_for` and evaluates each row with the real rulebook, as the engine does, so the job,
write path and pages see real answers and statuses.
"""

from __future__ import annotations

import dataclasses
import datetime
import json
from typing import Any

from collect.bulkupload.report import CellError, Report, RowResult
from collect.rulebook.template import Category
from collect.standards.registry import evaluator

FIRST_ROW = 9  # after the 8 header rows


def row_result(**values: Any) -> RowResult:
    """A RowResult from the fields the report type has (the engine adds `derived` and `hard_errors`)."""
    names = {f.name for f in dataclasses.fields(RowResult)}
    values.setdefault("derived", {})
    values.setdefault("hard_errors", 0)
    return RowResult(**{k: v for k, v in values.items() if k in names})


def file_of(*rows: dict[str, Any], reject: list[str] | None = None) -> bytes:
    """A fake file: rows of {"answers": ..., "errors": [[field, column, category, message, blocks]]}."""
    return json.dumps({"rows": list(rows), "reject": reject or []}, default=str).encode()


def _answers(raw: dict[str, Any]) -> dict[str, Any]:
    found = dict(raw)
    for key in ("startdate", "voiddate", "mrcdate"):
        if isinstance(found.get(key), str):
            found[key] = datetime.date.fromisoformat(found[key])
    return found


def check_file(
    data: bytes,
    filename: str,
    collection_id: str,
    *,
    lookups: Any,
    context_for: Any,
    progress: Any = None,
    on_rows: Any = None,
    **processes: Any,
):
    spec = json.loads(data)
    kind = collection_id.split("-", maxsplit=1)[0]
    report = Report(collection_id=collection_id, kind=kind, filename=filename)
    if spec["reject"]:
        report.file_errors = list(spec["reject"])
        report.rejection_reason = "wrong_template"
        return report
    engine = evaluator(collection_id)
    total = len(spec["rows"])
    report.total_rows = total
    for index, row in enumerate(spec["rows"]):
        number = FIRST_ROW + index
        answers = _answers(row["answers"])
        outcome = engine.evaluate(answers, context_for(answers))
        errors = [
            CellError(number, field, column, f"Question {field}", message, Category(category), "fake", bool(blocks))
            for field, column, category, message, blocks in row.get("errors", [])
        ]
        errors += [
            CellError(number, 40, "AO", "Question 40", w.message, Category.SOFT, w.check_id) for w in outcome.warnings
        ]
        report.rows.append(
            row_result(
                row=number,
                record_code=str(answers.get("tenancycode", "")),
                record_reference=str(answers.get("propcode", "")),
                answers=outcome.answers,
                derived=engine.derived_values(outcome.answers),
                hard_errors=len(outcome.errors),
                status=str(outcome.status),
                errors=errors,
                cleared={k: (v, (99,)) for k, v in row.get("cleared", {}).items()},
            )
        )
        if on_rows is not None:
            on_rows(report.rows[-1:])
        if progress is not None:
            progress(index + 1, total)
    return report


def mark_existing_duplicates(report: Report, collection_id: str, row_indexes: Any, *rest: Any) -> None:
    for index in row_indexes:
        row = report.rows[index]
        row.duplicate_of_existing = True
        row.errors.append(
            CellError(row.row, 1, "B", "Owning organisation", "This is a duplicate log.", Category.OTHER, "dup")
        )
