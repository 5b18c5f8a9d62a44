"""The offline checker: check a bulk upload file without the service, its database or a sign-in.

python -m collect.bulkupload check FILE [--year 2026] [--type lettings|sales] [--json]

It prints the same report as the service (errors by row with cell references, the most common errors, the
outcome). Organisation, user and scheme codes cannot be looked up without the service: those checks are skipped and
the report says so. The exit status is 0 when there are no errors (soft warnings allowed), 1 when there are errors
or the file is rejected, 2 when the file cannot be read or the options are wrong.
"""

from __future__ import annotations

import argparse
import datetime
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from collect.bulkupload.report import Outcome, Report
from collect.rulebook.template import Category

OUTCOME_WORDS = {
    Outcome.REJECTED: "The file was rejected: no row was checked",
    Outcome.SETUP_ERRORS: "Set-up errors: no logs can be created until they are fixed",
    Outcome.BLOCKED: "Errors that stop logs being created",
    Outcome.DUPLICATES: "Rows duplicate existing logs",
    Outcome.CREATED_WITH_ERRORS: "Logs can be created, with errors to fix",
    Outcome.WARNINGS_ONLY: "Logs can be created once the warnings are confirmed",
    Outcome.SUCCESS: "Every log is complete, with no errors",
}


def _collections(kind: str | None, year: int) -> list[str]:
    from collect.standards.registry import COLLECTIONS

    kinds = [kind] if kind else ["lettings", "sales"]
    return [f"{k}-{year}" for k in kinds if f"{k}-{year}" in COLLECTIONS]


def check(data: bytes, filename: str, collection_ids: list[str], today: datetime.date, refdata: Any) -> Report:
    """Check a file against the first of these collection years whose template it fits (by its field count)."""
    from collect.bulkupload.checking import check_file, default_context

    report: Report | None = None
    for collection_id in collection_ids:
        context = default_context(collection_id, today, refdata)
        report = check_file(data, filename, collection_id, context_for=context)
        wrong_count = any(m.startswith("Incorrect number of fields") for m in report.file_errors)
        if not wrong_count:
            return report
    assert report is not None
    return report


def as_text(report: Report) -> str:
    """The report as people read it in a terminal."""
    lines = [f"File: {report.filename} ({report.collection_id})", f"Outcome: {OUTCOME_WORDS[report.outcome]}"]
    if report.file_errors:
        lines += ["", *(f"- {message}" for message in report.file_errors)]
        return "\n".join(lines) + "\n"
    counts = {c: report.count(c) for c in Category}
    lines.append(
        f"Logs: {report.logs_to_create}. Errors: {counts[Category.SETUP]} set-up, "
        f"{counts[Category.NOT_ANSWERED] + counts[Category.OTHER]} other; soft warnings: {counts[Category.SOFT]}."
    )
    if report.skipped:
        lines.append(
            "Not checked without the service (organisation, user and scheme codes are not looked up): "
            + ", ".join(report.skipped)
        )
    summary = report.summary(threshold=2)[:20]
    if summary:
        lines += ["", "Most common errors (count, column, field, message):"]
        lines += [f"  {n:>6}  {column:<4} field {field:<4} {message}" for column, field, _, message, n in summary]
    rows_with_errors = [row for row in report.rows if row.errors]
    if rows_with_errors:
        lines += ["", "Errors by row:"]
    for row in rows_with_errors:
        code = f" ({row.record_code})" if row.record_code else ""
        lines.append(f"Row {row.row}{code}")
        for error in row.errors:
            where = error.cell or "row"
            lines.append(f"  {where:<7} {error.question[:60]:<60}  {error.message}  [{error.category}]")
    return "\n".join(lines) + "\n"


def _default_refdata() -> Path:
    from collect.rulebook.__main__ import _default_refdata as default

    return default()


def check_command(options: argparse.Namespace) -> int:
    """Check one file and print its report."""
    from collect.standards.refdata_files import FileReferenceData

    path = Path(options.file)
    try:
        data = path.read_bytes()
    except OSError as error:
        print(f"Could not read {path}: {error.strerror}", file=sys.stderr)  # noqa: T201
        return 2
    collection_ids = _collections(options.type, options.year)
    if not collection_ids:
        print(f"No {options.type or 'lettings or sales'} template for {options.year}.", file=sys.stderr)  # noqa: T201
        return 2
    refdata = FileReferenceData(options.refdata) if options.refdata.is_dir() else None
    report = check(data, path.name, collection_ids, options.today, refdata)
    if options.json:
        json.dump(report.as_dict(), sys.stdout, indent=2, default=str)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(as_text(report))
    errors = report.count(Category.SETUP, Category.NOT_ANSWERED, Category.OTHER)
    return 1 if report.file_errors or errors else 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the checker."""
    parser = argparse.ArgumentParser(prog="python -m collect.bulkupload", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("check", help="check a bulk upload file and print its report")
    run.add_argument("file", help="a CSV or XLSX file in the bulk upload template")
    run.add_argument("--year", type=int, default=2026, help="the collection year's start (default 2026)")
    run.add_argument("--type", choices=("lettings", "sales"), help="the kind of logs (default: found from the file)")
    run.add_argument("--json", action="store_true", help="print the report as JSON")
    run.add_argument(
        "--today", type=datetime.date.fromisoformat, default=datetime.date.today(), help="check as on this date"
    )
    run.add_argument("--refdata", type=Path, default=_default_refdata(), help="published reference data folder")
    run.set_defaults(handler=check_command)
    options = parser.parse_args(argv)
    return int(options.handler(options))


if __name__ == "__main__":
    sys.exit(main())
