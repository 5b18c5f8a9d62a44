"""The background jobs of an upload: checking its file (errors, logs, outcome email) and confirming its warnings.

Checking is idempotent: a run first removes the errors and pending logs of any earlier run of the same upload, writes
pending logs (seen by no one) as rows are checked, and in one last transaction stores the errors and outcome and
either announces the pending logs or removes them. So a job killed at any point and run again leaves no duplicate or
partial logs. Uploads whose logs were already released are left alone. Any failure leaves nothing half-written: the
upload gets the status processing_error and its uploader the failure email.
"""

from __future__ import annotations

import logging
from typing import Any

from django.conf import settings
from django.db import connections, transaction
from django.utils import timezone
from django_tasks import task

from collect.accounts.models import User
from collect.bulkupload import engine, links
from collect.bulkupload.lookups import DatabaseLookups, FileContexts
from collect.bulkupload.models import CREATES_LOGS, BulkUpload, BulkUploadError, UploadChoice, UploadStatus
from collect.bulkupload.outcomes import STATUS_VIEWS
from collect.bulkupload.pending import PendingLogs
from collect.bulkupload.report import Report
from collect.logs import writing
from collect.logs.inserting import insert_rows
from collect.logs.models import Log, LogStatus
from collect.notify.service import send_email
from collect.rulebook.template import Category
from collect.standards import calendar

logger = logging.getLogger(__name__)

# Progress is written to the upload every this many rows.
PROGRESS_EVERY = 500
FAILURE_MESSAGE = "Something went wrong while checking your file. Try uploading it again."


@task()
def process_upload(upload_id: int) -> str:
    """The background job of an upload; returns the upload's status."""
    return str(run(upload_id))


@task()
def confirm_warnings(upload_id: int, user_id: int) -> int:
    """Confirm the warnings of an upload's pending logs and release them; returns how many were released.

    Run again after a failure, it confirms only what is left and releases what is still pending.
    """
    upload = BulkUpload.objects.select_related("uploaded_by").get(pk=upload_id)
    user = User.objects.get(pk=user_id)
    contexts = FileContexts(upload.kind, upload.uploaded_by)
    writing.confirm_pending_warnings(upload, user, contexts.context_for)
    return writing.release_pending(upload, user)


def _released(upload: BulkUpload) -> bool:
    """Whether logs of this upload have already been made visible (a finished run: nothing to do again)."""
    return Log.objects.filter(bulk_upload=upload).exclude(status=LogStatus.PENDING).exists()


def run(upload_id: int) -> str:
    """Process an upload (see the module's docstring); returns its status."""
    upload = BulkUpload.objects.select_related("uploaded_by", "organisation").get(pk=upload_id)
    if _released(upload):
        return upload.status
    BulkUpload.objects.filter(pk=upload.pk).update(
        status=UploadStatus.PROCESSING, started_at=timezone.now(), rows_checked=0
    )
    try:
        with transaction.atomic():
            _forget_earlier_run(upload)
        pending = PendingLogs(upload, upload.uploaded_by)
        report = _check(upload, pending)
        with transaction.atomic():
            _store(upload, report, pending)
    except Exception:
        logger.exception("Bulk upload %s failed", upload.uuid)
        _fail(upload)
    return upload.status


def _fail(upload: BulkUpload) -> None:
    """Mark the upload failed and email its uploader; what an earlier run wrote is removed when that works."""
    try:
        with transaction.atomic():
            _forget_earlier_run(upload)
            _finish(upload, UploadStatus.PROCESSING_ERROR, [FAILURE_MESSAGE])
            _email(upload)
    except Exception:
        logger.exception("Bulk upload %s: removing an earlier run failed", upload.uuid)
        with transaction.atomic():  # earlier pending logs stay hidden; a later run removes them
            _finish(upload, UploadStatus.PROCESSING_ERROR, [FAILURE_MESSAGE])
            _email(upload)


def _in_memory(name: str) -> bool:
    return name in ("", ":memory:") or "mode=memory" in name


def checking_processes() -> int:
    """How many processes check a large file's rows: COLLECT_BULK_PROCESSES, or 1 where processes cannot work.

    The processes are forked and open their own database connections, so they are not used inside a transaction
    (they would not see its rows) or with an in-memory SQLite database (they would get an empty one).
    """
    wanted: int = settings.COLLECT_BULK_PROCESSES
    if wanted <= 1 or any(c.in_atomic_block for c in connections.all(initialized_only=True)):
        return 1
    if any(c.vendor == "sqlite" and _in_memory(str(c.settings_dict["NAME"])) for c in connections.all()):
        return 1
    return wanted


def _check(upload: BulkUpload, pending: PendingLogs) -> Report:
    """Check the stored file with the rulebook, writing progress and pending logs as it goes; mark duplicates."""
    with upload.file.open("rb") as stored:
        data = stored.read()
    lookups = DatabaseLookups(upload.uploaded_by, upload.organisation)
    contexts = FileContexts(upload.kind, upload.uploaded_by)
    last = [0]

    def progress(done: int, total: int) -> None:
        if done - last[0] >= PROGRESS_EVERY or done == total:
            last[0] = done
            BulkUpload.objects.filter(pk=upload.pk).update(rows_checked=done, total_rows=total)

    report = engine.check_file(
        data,
        upload.filename,
        upload.collection,
        lookups=lookups,
        context_for=contexts.context_for,
        progress=progress,
        processes=checking_processes(),
        hooks=engine.ProcessHooks(
            before_fork=_before_fork,
            process_start=pending.process_start,
            # SQLite takes one writer at a time: there the job writes the logs itself, as `on_rows` gets them.
            store=pending.write if connections["default"].vendor != "sqlite" else pending.prepare,
        ),
        on_rows=pending.add,
    )
    if pending.duplicated:
        engine.mark_existing_duplicates(report, upload.collection, pending.duplicated)
    return report


def _before_fork() -> None:
    """Read the collection calendar (the processes inherit it), then close connections the processes must not share."""
    calendar.known_years()
    connections.close_all()


def _forget_earlier_run(upload: BulkUpload) -> None:
    """Remove what an earlier run of this upload wrote (its errors and pending logs)."""
    BulkUploadError.objects.filter(upload=upload).delete()
    writing.discard_pending(upload, upload.uploaded_by)


def error_rows(upload: BulkUpload, report: Report) -> list[BulkUploadError]:
    """The report's errors as rows of the errors table."""
    return [
        BulkUploadError(
            upload=upload,
            row=e.row,
            cell=e.cell[:12],
            column=e.column[:4],
            field=e.field,
            question=e.question[:500],
            message=e.message,
            category=str(e.category),
            check_id=e.check[:100],
            record_code=row.record_code[:100],
            record_reference=row.record_reference[:100],
        )
        for row in report.rows
        for e in row.errors
    ]


def cleared_answers(report: Report) -> list[dict[str, Any]]:
    """The answers that will be cleared from each row's log (the deletion report), with their cells."""
    found = []
    for row in report.rows:
        columns = {e.field: e.column for e in row.errors}
        questions = {e.field: e.question for e in row.errors}
        for answer_id, (value, fields) in row.cleared.items():
            found.append(
                {
                    "row": row.row,
                    "record_code": row.record_code,
                    "answer": answer_id,
                    "value": "" if value is None else str(value),
                    "cells": [f"{columns[f]}{row.row}" if f in columns else f"Field {f}" for f in fields],
                    "questions": sorted({questions[f] for f in fields if f in questions}),
                }
            )
    return found


def _store(upload: BulkUpload, report: Report, pending: PendingLogs) -> None:
    """Write the outcome of a run: errors, counts, the pending logs kept (released at once on success) or removed."""
    insert_rows(error_rows(upload, report))
    status = UploadStatus(str(report.outcome))
    upload.total_rows = report.total_rows
    upload.rows_checked = report.total_rows
    upload.setup_errors = report.count(Category.SETUP)
    upload.not_answered_errors = report.count(Category.NOT_ANSWERED)
    upload.soft_warnings = report.count(Category.SOFT)
    upload.other_errors = report.count(Category.OTHER)
    upload.cleared = cleared_answers(report)
    upload.logs_created = 0
    upload.logs_with_errors = 0
    if status in CREATES_LOGS:
        if len(pending.log_ids) != len(report.rows):
            raise RuntimeError(f"{len(pending.log_ids)} pending logs written for {len(report.rows)} rows")
        writing.announce_pending(upload, pending.log_ids, upload.uploaded_by)
        upload.logs_created = len(pending.log_ids)
        upload.logs_with_errors = sum(1 for row in report.rows if row.status != LogStatus.COMPLETED)
        if status == UploadStatus.SUCCESS:
            writing.release_pending(upload, upload.uploaded_by)
        _replace_earlier(upload)
    else:
        writing.remove_unannounced(upload)
    _finish(upload, status, report.file_errors)
    _email(upload)


def _replace_earlier(upload: BulkUpload) -> None:
    """A corrected file's logs replace the pending logs of the upload it corrects."""
    earlier = upload.replaces
    if earlier is not None and earlier.choice in (UploadChoice.NONE, UploadChoice.UPLOAD_AGAIN):
        writing.discard_pending(earlier, upload.uploaded_by)
        earlier.choice = UploadChoice.REPLACED
        earlier.save(update_fields=["choice"])


def _finish(upload: BulkUpload, status: UploadStatus, file_errors: list[str]) -> None:
    upload.status = status
    upload.file_errors = list(file_errors)
    upload.finished_at = timezone.now()
    if status == UploadStatus.PROCESSING_ERROR:
        for name in ("setup_errors", "not_answered_errors", "soft_warnings", "other_errors", "logs_created"):
            setattr(upload, name, 0)
        upload.logs_with_errors = 0
        upload.cleared = []
    upload.save()


def _email(upload: BulkUpload) -> None:
    """The email of the upload's outcome, to its uploader (sent once the transaction commits)."""
    kind = STATUS_VIEWS[upload.status].email
    if not kind:
        return
    user = upload.uploaded_by
    context = {
        "name": user.name,
        "filename": upload.filename,
        "kind": upload.kind,
        "uploaded_at": f"{timezone.localtime(upload.created_at):%-d %B %Y at %-I:%M%p}",
        "logs_created": upload.logs_created,
        "error_count": upload.error_count,
        "setup_errors": upload.setup_errors,
        "soft_warnings": upload.soft_warnings,
        "file_errors": upload.file_errors,
        "logs_link": links.absolute(links.logs_url(upload)),
        "summary_link": links.absolute(links.upload_url(upload, "summary")),
        "report_link": links.absolute(links.upload_url(upload, "report")),
        "fix_choice_link": links.absolute(links.upload_url(upload, "fix-choice")),
        "warnings_link": links.absolute(links.upload_url(upload, "confirm-warnings")),
        "start_link": links.absolute(links.page_url(upload.kind, "start")),
    }
    send_email(kind, user.email, context)
