"""A log: one letting or sale, its answers as the rulebook keeps them, and typed columns to find it by.

The answers (JSON) are the truth; the typed columns (organisations, assigned user, tenancy start or sale date, needs
type or ownership scheme, codes, postcode, status) are copies written by the one write path (collect.logs.writing)
for filtering, joining and indexing.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from collect.audit.models import Channel
from collect.logs.codec import AnswersDecoder
from collect.organisations.models import Organisation


class LogKind(models.TextChoices):
    """Lettings or sales."""

    LETTINGS = "lettings", "Lettings"
    SALES = "sales", "Sales"


class LogStatus(models.TextChoices):
    """Where a log stands (platform.md §4.1); pending and deleted logs are hidden from lists."""

    NOT_STARTED = "not_started", "Not started"
    IN_PROGRESS = "in_progress", "In progress"
    COMPLETED = "completed", "Completed"
    PENDING = "pending", "Pending"
    DELETED = "deleted", "Deleted"


VISIBLE_STATUSES = (LogStatus.NOT_STARTED, LogStatus.IN_PROGRESS, LogStatus.COMPLETED)


class LogQuerySet(models.QuerySet["Log"]):
    def visible(self) -> LogQuerySet:
        """Logs people see in lists (not pending bulk upload approval, not deleted)."""
        return self.filter(status__in=VISIBLE_STATUSES)


class Log(models.Model):
    """One letting or sale."""

    kind = models.CharField(max_length=10, choices=LogKind.choices)
    # The collection year's declaration (collect.standards.registry), such as "lettings-2026".
    collection = models.CharField(max_length=30)
    status = models.CharField(max_length=20, choices=LogStatus.choices, default=LogStatus.NOT_STARTED)
    owning_organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.PROTECT, related_name="owned_logs"
    )
    managing_organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.PROTECT, related_name="managed_logs"
    )
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="assigned_logs"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_via = models.CharField(max_length=20, choices=Channel.choices, default=Channel.WEB)
    scheme = models.ForeignKey(
        "schemes.Scheme", null=True, blank=True, on_delete=models.SET_NULL, related_name="lettings_logs"
    )
    location = models.ForeignKey(
        "schemes.Location", null=True, blank=True, on_delete=models.SET_NULL, related_name="lettings_logs"
    )
    startdate = models.DateField(null=True, blank=True)
    needstype = models.PositiveSmallIntegerField(null=True, blank=True)
    tenancycode = models.CharField(max_length=100, blank=True)
    propcode = models.CharField(max_length=100, blank=True)
    # Sales logs: the sale completion date, ownership scheme and purchaser code.
    saledate = models.DateField(null=True, blank=True)
    ownershipsch = models.PositiveSmallIntegerField(null=True, blank=True)
    purchid = models.CharField(max_length=100, blank=True)
    postcode_full = models.CharField(max_length=10, blank=True)
    # The answers with the values derived from them (the rulebook outcome's answers), and the derived values alone.
    answers = models.JSONField(default=dict, blank=True, decoder=AnswersDecoder)
    derived = models.JSONField(default=dict, blank=True, decoder=AnswersDecoder)
    error_count = models.PositiveIntegerField(default=0)
    # The checks the rulebook reports for the answers: {"errors": [ids], "warnings": [ids], "confirmed": [ids]}
    # (confirmed: soft checks whose confirmation is answered "yes"), for the data quality view.
    checks = models.JSONField(default=dict, blank=True)
    # The bulk upload that created the log, and its real status while it is pending the uploader's choice.
    bulk_upload = models.ForeignKey(
        "bulkupload.BulkUpload", null=True, blank=True, on_delete=models.SET_NULL, related_name="logs"
    )
    status_cache = models.CharField(max_length=20, blank=True)
    # The same text for logs that are duplicates of each other (collect.logs.duplicates); blank when not checked.
    duplicate_key = models.CharField(max_length=64, blank=True, db_index=True)
    # One more at every save: a save based on an older version is refused rather than overwriting it.
    version = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    deleted_at = models.DateTimeField(null=True, blank=True)

    objects = LogQuerySet.as_manager()

    class Meta:
        ordering = ("-created_at", "-pk")
        indexes = (
            models.Index(fields=("kind", "collection", "status"), name="log_kind_status_idx"),
            # Lists show the newest logs first: read in this order, a page of 20 needs no sort of every log.
            models.Index(fields=("kind", "-created_at", "-id"), name="log_kind_newest_idx"),
            models.Index(fields=("owning_organisation", "kind", "status"), name="log_owner_idx"),
            models.Index(fields=("managing_organisation", "kind", "status"), name="log_manager_idx"),
            models.Index(fields=("assigned_to", "kind", "status"), name="log_assigned_idx"),
            models.Index(fields=("tenancycode",), name="log_tenancycode_idx"),
            models.Index(fields=("propcode",), name="log_propcode_idx"),
            models.Index(fields=("purchid",), name="log_purchid_idx"),
            models.Index(fields=("postcode_full",), name="log_postcode_idx"),
            # The completeness view counts a year's logs by owner, date and status from these alone.
            models.Index(fields=("kind", "startdate", "owning_organisation", "status"), name="log_completeness_idx"),
            models.Index(
                fields=("kind", "saledate", "owning_organisation", "status"), name="log_sales_completeness_idx"
            ),
        )

    def __str__(self) -> str:
        return f"Log {self.pk}"
