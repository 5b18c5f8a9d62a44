"""An uploaded bulk file, where its processing stands, what it found and what the uploader chose to do.

The file itself is kept through Django's default storage; its errors are rows of `BulkUploadError`, written in the
same transaction as the upload's pending logs (collect.bulkupload.tasks).
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models

from collect.bulkupload.report import Outcome
from collect.organisations.models import Organisation


class UploadStatus(models.TextChoices):
    """Where an upload stands: queued, being checked, or the outcome of checking it (report.Outcome)."""

    QUEUED = "queued", "Queued"
    PROCESSING = "processing", "Checking"
    PROCESSING_ERROR = "processing_error", "Processing error"
    REJECTED = Outcome.REJECTED.value, "File rejected"
    SETUP_ERRORS = Outcome.SETUP_ERRORS.value, "Set-up errors"
    BLOCKED = Outcome.BLOCKED.value, "Errors to correct"
    DUPLICATES = Outcome.DUPLICATES.value, "Duplicate logs"
    CREATED_WITH_ERRORS = Outcome.CREATED_WITH_ERRORS.value, "Logs with errors"
    WARNINGS_ONLY = Outcome.WARNINGS_ONLY.value, "Warnings to confirm"
    SUCCESS = Outcome.SUCCESS.value, "Logs uploaded"


FINISHED = frozenset(set(UploadStatus) - {UploadStatus.QUEUED, UploadStatus.PROCESSING})
# The outcomes that create (pending) logs.
CREATES_LOGS = frozenset({UploadStatus.CREATED_WITH_ERRORS, UploadStatus.WARNINGS_ONLY, UploadStatus.SUCCESS})


class UploadChoice(models.TextChoices):
    """What the uploader chose to do with the logs of an upload that has errors or warnings."""

    NONE = "", "Not chosen"
    FIX_IN_SERVICE = "fix_in_service", "Fix errors in the service"
    UPLOAD_AGAIN = "upload_again", "Upload a corrected file"
    SOFT_CONFIRMED = "soft_confirmed", "Warnings confirmed"
    REPLACED = "replaced", "Replaced by a corrected file"


class BulkUpload(models.Model):
    """One uploaded file of lettings or sales logs."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    kind = models.CharField(max_length=10)  # collect.logs.models.LogKind
    collection = models.CharField(max_length=30)  # such as "lettings-2026"
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="bulk_uploads")
    # Whose logs the file holds: support chooses it, anyone else uploads for their own organisation.
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="bulk_uploads")
    filename = models.CharField(max_length=255)
    file = models.FileField(upload_to="bulk-uploads/", max_length=300)
    size = models.PositiveBigIntegerField(default=0)
    status = models.CharField(max_length=20, choices=UploadStatus.choices, default=UploadStatus.QUEUED)
    rows_checked = models.PositiveIntegerField(default=0)
    total_rows = models.PositiveIntegerField(default=0)
    # File-level messages (a rejected file) or the failure of processing, shown and emailed.
    file_errors = models.JSONField(default=list, blank=True)
    setup_errors = models.PositiveIntegerField(default=0)
    not_answered_errors = models.PositiveIntegerField(default=0)
    soft_warnings = models.PositiveIntegerField(default=0)
    other_errors = models.PositiveIntegerField(default=0)
    logs_created = models.PositiveIntegerField(default=0)
    logs_with_errors = models.PositiveIntegerField(default=0)
    # The answers that will be cleared from the logs (the deletion report): row, cells, questions, value.
    cleared = models.JSONField(default=list, blank=True)
    choice = models.CharField(max_length=20, choices=UploadChoice.choices, default=UploadChoice.NONE, blank=True)
    replaces = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL, related_name="replaced_by")
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ("-created_at", "-pk")
        indexes = (models.Index(fields=("organisation", "kind", "created_at"), name="bulkupload_org_idx"),)

    def __str__(self) -> str:
        return f"Bulk upload {self.uuid} ({self.filename})"

    @property
    def finished(self) -> bool:
        """Whether checking the file has ended (with any outcome)."""
        return self.status in FINISHED

    @property
    def error_count(self) -> int:
        """Errors of every category but soft warnings."""
        return self.setup_errors + self.not_answered_errors + self.other_errors


class BulkUploadError(models.Model):
    """One message about one cell of an uploaded file."""

    upload = models.ForeignKey(BulkUpload, on_delete=models.CASCADE, related_name="errors")
    row = models.PositiveIntegerField()
    cell = models.CharField(max_length=12)
    column = models.CharField(max_length=4)
    field = models.PositiveSmallIntegerField()
    question = models.CharField(max_length=500)
    message = models.TextField()
    category = models.CharField(max_length=20)  # collect.rulebook.template.Category
    check_id = models.CharField(max_length=100, blank=True)  # the rulebook or template check
    record_code = models.CharField(max_length=100, blank=True)  # tenant or purchaser code
    record_reference = models.CharField(max_length=100, blank=True)  # property reference (lettings)

    class Meta:
        ordering = ("row", "field", "pk")
        indexes = (models.Index(fields=("upload", "row"), name="bulkuploaderror_row_idx"),)

    def __str__(self) -> str:
        return f"{self.cell}: {self.message}"
