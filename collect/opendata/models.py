"""Releases of open data: a frozen, versioned snapshot of a collection year's statistics, and its files."""

from __future__ import annotations

from django.conf import settings
from django.db import models

DEFAULT_THRESHOLD = 5


class ReleaseStatus(models.TextChoices):
    """A release is public only once every file is built."""

    QUEUED = "queued", "Queued"
    READY = "ready", "Published"
    FAILED = "failed", "Failed"


class Release(models.Model):
    """One version of the statistics of a collection year (its start year): later corrections make a new version."""

    year = models.PositiveSmallIntegerField()
    version = models.PositiveSmallIntegerField()
    notes = models.TextField(blank=True)
    threshold = models.PositiveSmallIntegerField(default=DEFAULT_THRESHOLD)
    method = models.TextField(blank=True)
    status = models.CharField(max_length=10, choices=ReleaseStatus.choices, default=ReleaseStatus.QUEUED)
    # The number of completed logs of each collection in the snapshot, such as {"lettings-2026": 1000}.
    log_counts = models.JSONField(default=dict, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    frozen_at = models.DateTimeField(null=True, blank=True)
    error = models.TextField(blank=True)

    class Meta:
        ordering = ("-year", "-version")
        constraints = (models.UniqueConstraint(fields=("year", "version"), name="release_year_version"),)

    def __str__(self) -> str:
        return f"{self.year} to {self.year + 1}, version {self.version}"

    @property
    def label(self) -> str:
        """Such as "2026 to 2027"."""
        return f"{self.year} to {self.year + 1}"


class ReleaseFile(models.Model):
    """A file of a release: a table in one format, the method, or an area's factsheet PDF."""

    release = models.ForeignKey(Release, on_delete=models.CASCADE, related_name="files")
    # What the file holds: a table's id, "method", "factsheets" or "factsheet-<area code>".
    table = models.CharField(max_length=100)
    file_format = models.CharField(max_length=20)
    # The file's name in the release's URLs, such as "lettings-rent-type.csv".
    name = models.CharField(max_length=150)
    path = models.CharField(max_length=300)
    sha256 = models.CharField(max_length=64)
    size = models.PositiveBigIntegerField()

    class Meta:
        ordering = ("pk",)
        constraints = (models.UniqueConstraint(fields=("release", "name"), name="release_file_name"),)

    def __str__(self) -> str:
        return f"{self.release} {self.name}"
