"""The addresses of an upload's pages, for pages and emails."""

from __future__ import annotations

from django.conf import settings
from django.urls import reverse

from collect.bulkupload.models import BulkUpload
from collect.journeys.kinds import PAGES


def page_url(kind: str, page: str, *args: object) -> str:
    """The address of a bulk upload page of a kind of log, such as ("lettings", "start")."""
    return reverse(f"bulkupload:{kind}-{page}", args=args or None)


def upload_url(upload: BulkUpload, page: str) -> str:
    """The address of one of an upload's pages, such as "report" or "fix-choice"."""
    return page_url(upload.kind, page, upload.uuid)


def logs_url(upload: BulkUpload) -> str:
    """The logs list filtered to the logs of an upload."""
    return f"{PAGES[upload.kind].url('list')}?bulk_upload={upload.uuid}"


def absolute(path: str) -> str:
    """A path as a full address, for emails."""
    return f"{settings.SERVICE_URL}{path}"
