"""What each status of an upload means to the uploader: its tag, its email and where its pages lead.

The outcomes themselves are the engine's (collect.bulkupload.report.Outcome); this only names them for people.
"""

from __future__ import annotations

from dataclasses import dataclass

from collect.bulkupload.models import UploadStatus


@dataclass(frozen=True)
class StatusView:
    """How one status is shown: a tag (text and colour) and the email sent when an upload reaches it."""

    tag: str
    colour: str
    email: str = ""


STATUS_VIEWS: dict[str, StatusView] = {
    UploadStatus.QUEUED: StatusView("Queued", "grey"),
    UploadStatus.PROCESSING: StatusView("Checking", "blue"),
    UploadStatus.PROCESSING_ERROR: StatusView("Processing error", "red", "bulk_upload_failed"),
    UploadStatus.REJECTED: StatusView("File rejected", "red", "bulk_upload_failed"),
    UploadStatus.SETUP_ERRORS: StatusView("Set-up errors", "red", "bulk_upload_setup_errors"),
    UploadStatus.BLOCKED: StatusView("Errors to correct", "orange", "bulk_upload_blocked"),
    UploadStatus.DUPLICATES: StatusView("Duplicate logs", "orange", "bulk_upload_duplicates"),
    UploadStatus.CREATED_WITH_ERRORS: StatusView("Logs with errors", "yellow", "bulk_upload_how_to_fix"),
    UploadStatus.WARNINGS_ONLY: StatusView("Warnings to confirm", "yellow", "bulk_upload_check_warnings"),
    UploadStatus.SUCCESS: StatusView("Logs uploaded", "green", "bulk_upload_success"),
}


def tag_classes(status: str) -> str:
    """The GOV.UK tag classes of a status."""
    return f"govuk-tag--{STATUS_VIEWS[status].colour}"
