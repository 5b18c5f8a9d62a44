"""Downloads people ask for (each one recorded), and the runs of the statistics export."""

from __future__ import annotations

import uuid
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone

from collect.organisations.models import Organisation

# How long the emailed link works (platform.md §7.1: "2 days").
LINK_VALID_FOR = timedelta(hours=48)


class DownloadKind(models.TextChoices):
    """What is downloaded."""

    LETTINGS = "lettings", "Lettings logs"
    SALES = "sales", "Sales logs"
    SCHEMES = "schemes", "Schemes"
    LOCATIONS = "locations", "Locations"
    COMBINED = "combined", "Schemes and locations"


class DownloadFormat(models.TextChoices):
    """The file's format."""

    CSV = "csv", "CSV"
    PARQUET = "parquet", "Parquet"


class DownloadStatus(models.TextChoices):
    """Where the file stands."""

    QUEUED = "queued", "Queued"
    READY = "ready", "Ready"
    FAILED = "failed", "Failed"


class Download(models.Model):
    """One download someone asked for: what, with which filters, the file made by the job, and its fetches."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    # The requester's organisation when asked: anyone in it may use the link (and support).
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    # Support only: the organisation whose logs or schemes were asked for.
    for_organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    kind = models.CharField(max_length=20, choices=DownloadKind.choices)
    file_format = models.CharField(max_length=10, choices=DownloadFormat.choices, default=DownloadFormat.CSV)
    year = models.PositiveSmallIntegerField(null=True, blank=True)
    # The logs list's search and filters, as its query string.
    filters = models.TextField(blank=True)
    codes = models.BooleanField(default=False)
    support_columns = models.BooleanField(default=False)
    status = models.CharField(max_length=10, choices=DownloadStatus.choices, default=DownloadStatus.QUEUED)
    file_name = models.CharField(max_length=300, blank=True)
    rows = models.PositiveIntegerField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    expires_at = models.DateTimeField(null=True, blank=True)
    fetch_count = models.PositiveIntegerField(default=0)
    last_fetched_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ("-created_at", "-pk")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} download {self.uuid}"

    @property
    def expired(self) -> bool:
        """Whether the link no longer works."""
        return self.expires_at is not None and timezone.now() >= self.expires_at


class ExportCollection(models.TextChoices):
    """What the statistics export sends (platform.md §7.2)."""

    LETTINGS = "lettings", "Lettings logs"
    SALES = "sales", "Sales logs"
    USERS = "users", "Users"
    ORGANISATIONS = "organisations", "Organisations"


class ExportRunStatus(models.TextChoices):
    """A run is recorded as succeeded only when its files are complete."""

    RUNNING = "running", "Running"
    SUCCEEDED = "succeeded", "Succeeded"
    FAILED = "failed", "Failed"


class ExportRun(models.Model):
    """One collection (and year) sent by one export: its numbers, the time it started from, and its file."""

    collection = models.CharField(max_length=20, choices=ExportCollection.choices)
    # The collection year's start; users and organisations are exported under the year the export ran in.
    year = models.PositiveSmallIntegerField()
    full = models.BooleanField(default=False)
    base_number = models.PositiveIntegerField()
    increment_number = models.PositiveIntegerField()
    started_at = models.DateTimeField()
    # Records changed at or after this time are sent (none for a full export).
    since = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    status = models.CharField(max_length=10, choices=ExportRunStatus.choices, default=ExportRunStatus.RUNNING)
    records = models.PositiveIntegerField(default=0)
    zip_name = models.CharField(max_length=300, blank=True)
    # The master manifest that lists the zip (blank until one does; an empty run has no zip).
    manifest_name = models.CharField(max_length=300, blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ("-started_at", "-pk")
        indexes = (models.Index(fields=("collection", "year", "status"), name="export_run_idx"),)

    def __str__(self) -> str:
        return f"{self.collection} {self.year} f{self.base_number:04d} inc{self.increment_number:04d}"
