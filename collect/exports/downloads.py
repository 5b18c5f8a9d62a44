"""Downloads by email link (platform.md §7.1): asked for on a page, made by a background job, fetched for 48 hours.

Logs: one collection year, the logs list's search and filters, the column set of the person's role, labels (or codes,
for support), CSV or Parquet. Schemes, locations and both: the existing schemes download's rows. The job writes the
file to a temporary file, hands it to storage, marks the download ready and emails the link, in that order; run
again, it makes the same file under the same name, so a killed job leaves nothing half-done.
"""

from __future__ import annotations

import logging
from pathlib import Path

from django.db import transaction
from django.db.models import QuerySet
from django.http import QueryDict
from django.urls import reverse
from django.utils import timezone
from django_tasks import task

from collect.accounts.models import User
from collect.bulkupload.links import absolute
from collect.exports import files
from collect.exports.frames import Variant, free_text_columns, log_frames, plan
from collect.exports.models import LINK_VALID_FOR, Download, DownloadFormat, DownloadKind, DownloadStatus
from collect.journeys.kinds import PAGES
from collect.journeys.list_filters import LogFilterForm
from collect.logs import policy
from collect.logs.models import Log
from collect.notify.service import send_email
from collect.schemes import downloads as scheme_downloads
from collect.schemes.policy import schemes_in_scope
from collect.standards.registry import collection
from collect.web.csv_download import csv_lines

logger = logging.getLogger(__name__)
LOG_KINDS = (DownloadKind.LETTINGS, DownloadKind.SALES)


def logs_for(download: Download) -> QuerySet[Log]:
    """The logs of a download: the requester's scope, the list's search and filters, its one collection year."""
    user = download.requested_by
    pages = PAGES[download.kind]
    query = QueryDict(download.filters, mutable=True)
    query.setlist("years", [str(download.year)])
    form = LogFilterForm(user, pages, query)
    logs = form.apply(policy.logs_in_scope(user, pages.kind).visible())
    if download.for_organisation_id:
        logs = logs.filter(owning_organisation_id=download.for_organisation_id)
    return logs


def file_name(download: Download) -> str:
    """Where the download's file is stored."""
    day = timezone.localdate(download.created_at)
    if download.kind in LOG_KINDS and download.year:
        variant = "codes" if download.codes else "labels"
        stem = f"{download.kind}-logs-{download.year}-{download.year + 1}-{variant}"
    else:
        stem = str(download.kind)
    return f"downloads/{download.uuid}/{stem}-{day:%Y-%m-%d}.{download.file_format}"


def request_download(download: Download) -> Download:
    """Record a download and queue its job once the request's transaction commits."""
    download.save()
    transaction.on_commit(lambda: make_download.enqueue(download.pk))
    return download


@task()
def make_download(download_id: int) -> str:
    """The background job of a download; returns its status."""
    return build(download_id)


def build(download_id: int) -> str:
    """Make the file of a download, store it, mark it ready and email the link (see the module's docstring)."""
    download = Download.objects.select_related("requested_by").get(pk=download_id)
    if download.status == DownloadStatus.READY:
        return download.status
    name = file_name(download)
    try:
        with files.scratch() as folder:
            local = Path(folder) / Path(name).name
            rows = _write(download, local)
            stored = files.store(local, name)
    except Exception:
        logger.exception("Download %s failed", download.uuid)
        Download.objects.filter(pk=download.pk).update(status=DownloadStatus.FAILED, finished_at=timezone.now())
        return DownloadStatus.FAILED
    now = timezone.now()
    with transaction.atomic():
        Download.objects.filter(pk=download.pk).update(
            status=DownloadStatus.READY, file_name=stored, rows=rows, finished_at=now, expires_at=now + LINK_VALID_FOR
        )
        download.refresh_from_db()
        _email(download)
    return download.status


def _write(download: Download, local: Path) -> int:
    """Write the file of a download to a local path; returns the number of rows."""
    if download.kind not in LOG_KINDS:
        schemes = schemes_in_scope(download.requested_by)
        if download.for_organisation_id:
            schemes = schemes.filter(owning_organisation_id=download.for_organisation_id)
        rows = 0
        with local.open("w", encoding="utf-8", newline="") as target:
            for line in csv_lines(scheme_downloads.rows(download.kind, schemes)):
                target.write(line)
                rows += 1
        return max(rows - 2, 0)  # less the byte order mark and the header
    year = collection(f"{download.kind}-{download.year}")
    assert year.downloads is not None
    columns = year.downloads.columns(support=download.support_columns)
    the_plan = plan(year, columns, Variant.CODES if download.codes else Variant.LABELS)
    frames = log_frames(logs_for(download), the_plan)
    if download.file_format == DownloadFormat.PARQUET:
        return files.write_parquet(frames, columns, local)
    with local.open("wb") as target:
        return files.write_csv(frames, columns, target, free_text_columns(the_plan))


def link(download: Download) -> str:
    """The address of the download's page, as emailed."""
    return absolute(reverse("exports:download", args=[download.uuid]))


def _email(download: Download) -> None:
    user: User = download.requested_by
    send_email(
        "download_ready",
        user.email,
        {
            "name": user.name,
            "what": describe(download),
            "link": link(download),
            "expires_at": timezone.localtime(download.expires_at).strftime("%-d %B %Y at %-I:%M%p").lower()
            if download.expires_at
            else "",
        },
    )


def describe(download: Download) -> str:
    """Such as "lettings logs 2026 to 2027 (codes, CSV)"."""
    what = download.get_kind_display().lower()
    if download.kind in LOG_KINDS and download.year:
        variant = "codes" if download.codes else "labels"
        what = f"{what} {download.year} to {download.year + 1} ({variant}, {download.get_file_format_display()})"
    return what


def can_fetch(user: User, download: Download) -> bool:
    """The requester, anyone in the requester's organisation, and support may use the link."""
    return user.is_support or user.organisation_id == download.organisation_id
