"""The bulk upload pages (platform.md §5.1, §5.3): start, prepare, upload, checking, results, choices, downloads.

Who may upload: support, and data providers and coordinators of an active organisation that has accepted the data
sharing agreement (else 403). An upload's pages are for its organisation's people and support (else 404). Outcomes,
rules and messages come from the engine's report and the declaration; these views only show and route them.
"""

from __future__ import annotations

import datetime
import uuid
from pathlib import PurePath
from typing import Any

from django.contrib import messages
from django.core.files.base import ContentFile
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Count
from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from collect.accounts.models import User
from collect.accounts.policy import has_accepted_data_sharing_agreement, require, signed_in_user
from collect.bulkupload import downloads, engine, links
from collect.bulkupload.forms import FixChoiceForm, UploadForm, WarningsForm, YearForm
from collect.bulkupload.models import BulkUpload, UploadChoice, UploadStatus
from collect.bulkupload.outcomes import STATUS_VIEWS
from collect.bulkupload.tasks import confirm_warnings as confirm_warnings_task
from collect.bulkupload.tasks import process_upload
from collect.journeys.kinds import PAGES, LogPages
from collect.logs import writing
from collect.logs.models import LogStatus
from collect.rulebook.template import Category
from collect.standards import calendar
from collect.standards.registry import COLLECTIONS
from collect.standards.registry import collection as declaration
from collect.web.csv_download import csv_response

# An error (column and message) this many times is a problem of the file, better corrected there (platform.md §5.3).
SUMMARY_THRESHOLD = 16
SUMMARY_ROWS = 25
REPORT_ROWS_PER_PAGE = 50
REFRESH_SECONDS = 2
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# Where a finished upload's status page sends people.
RESULT_PAGES = {
    UploadStatus.SETUP_ERRORS: "summary",
    UploadStatus.BLOCKED: "summary",
    UploadStatus.DUPLICATES: "report",
    UploadStatus.CREATED_WITH_ERRORS: "fix-choice",
    UploadStatus.WARNINGS_ONLY: "confirm-warnings",
}


def can_upload(user: User) -> bool:
    """Support, or a data provider or coordinator of an active organisation that accepted the data sharing agreement."""
    organisation = user.organisation
    return user.is_support or (organisation.active and has_accepted_data_sharing_agreement(organisation))


def open_years(kind: str, today: datetime.date | None = None) -> list[int]:
    """The declared collection years of a kind open for new logs today (by the service's calendar), newest first."""
    declared = {int(c.rsplit("-", 1)[1]) for c in COLLECTIONS if c.startswith(f"{kind}-")}
    today = today or timezone.localdate()
    return sorted((d.start_year for d in calendar.open_for_new_logs(today) if d.start_year in declared), reverse=True)


def _collection(kind: str, year: int) -> str:
    """The collection id of an open year of a kind, else 404."""
    if year not in open_years(kind):
        raise Http404("No such collection year")
    return f"{kind}-{year}"


def upload_for(user: User, kind: str, upload_id: uuid.UUID) -> BulkUpload:
    """An upload of this kind of its organisation's people or support's, else 404."""
    upload = BulkUpload.objects.select_related("uploaded_by", "organisation").filter(uuid=upload_id, kind=kind).first()
    if upload is None or not (
        user.is_support or upload.organisation_id == user.organisation_id or upload.uploaded_by_id == user.pk
    ):
        raise Http404("No such upload")
    return upload


def _context(pages: LogPages, title: str, **extra: Any) -> dict[str, Any]:
    return {"title": title, "pages": pages, "nav_section": pages.name, **extra}


def _upload_context(upload: BulkUpload, title: str, **extra: Any) -> dict[str, Any]:
    pages = PAGES[upload.kind]
    return _context(
        pages,
        title,
        upload=upload,
        year_label=calendar.dates_for(int(upload.collection.rsplit("-", 1)[1])).label,
        status_view=STATUS_VIEWS[upload.status],
        upload_url=lambda page: links.upload_url(upload, page),
        start_url=links.page_url(upload.kind, "start"),
        **extra,
    )


@require_http_methods(["GET", "POST"])
def start(request: HttpRequest, kind: str) -> HttpResponse:
    """Start: choose the collection year when more than one is open, else go on to preparing the file."""
    user = signed_in_user(request)
    require(can_upload(user))
    pages = PAGES[kind]
    years = open_years(kind)
    if len(years) == 1:
        return redirect(links.page_url(kind, "prepare", years[0]))
    form = YearForm(years, request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        return redirect(links.page_url(kind, "prepare", form.cleaned_data["year"]))
    title = "Which year are you uploading data for?" if years else "No collection year is open"
    return render(request, "bulkupload/start.html", _context(pages, title, form=form, years=years))


@require_GET
def prepare(request: HttpRequest, kind: str, year: int) -> HttpResponse:
    """How to prepare the file, with the template and its specification to download."""
    user = signed_in_user(request)
    require(can_upload(user))
    collection = _collection(kind, year)
    pages = PAGES[kind]
    context = _context(
        pages,
        "Prepare your file",
        year=year,
        year_label=calendar.dates_for(year).label,
        collection=collection,
        max_megabytes=engine.MAX_BYTES // (1024 * 1024),
        max_rows=engine.MAX_ROWS,
    )
    return render(request, "bulkupload/prepare.html", context)


def _xlsx(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _with_template(kind: str, year: int) -> str:
    """The collection id of an open year whose declaration has a bulk template, else 404."""
    collection = _collection(kind, year)
    if declaration(collection).bulk_template is None:
        raise Http404("This collection year has no bulk upload template yet")
    return collection


@require_GET
def template_download(request: HttpRequest, kind: str, year: int) -> HttpResponse:
    """The collection year's template (XLSX), generated from its declaration."""
    collection = _with_template(kind, year)
    return _xlsx(engine.template_xlsx(collection), f"{collection}-bulk-upload-template.xlsx")


@require_GET
def specification_download(request: HttpRequest, kind: str, year: int) -> HttpResponse:
    """The collection year's specification of the template (XLSX), generated from its declaration."""
    collection = _with_template(kind, year)
    return _xlsx(engine.specification_xlsx(collection), f"{collection}-bulk-upload-specification.xlsx")


def _replaced(user: User, kind: str, collection: str, value: str) -> BulkUpload | None:
    """The earlier upload a corrected file replaces (sent as ?replaces=<uuid>), if it can still be replaced."""
    try:
        wanted = uuid.UUID(value)
    except ValueError:
        return None
    earlier = upload_for(user, kind, wanted)
    if earlier.collection != collection or earlier.choice not in (UploadChoice.NONE, UploadChoice.UPLOAD_AGAIN):
        return None
    return earlier


@require_http_methods(["GET", "POST"])
def upload_file(request: HttpRequest, kind: str, year: int) -> HttpResponse:
    """Upload the file; it is checked in the background and the checking page follows its progress."""
    user = signed_in_user(request)
    require(can_upload(user))
    collection = _collection(kind, year)
    pages = PAGES[kind]
    replaces = _replaced(user, kind, collection, request.POST.get("replaces") or request.GET.get("replaces") or "")
    posted = request.method == "POST"
    form = UploadForm(user, request.POST if posted else None, request.FILES if posted else None)
    if request.method == "POST" and form.is_valid():
        upload = create_upload(user, kind, collection, form.cleaned_data, replaces)
        return redirect(links.upload_url(upload, "status"))
    context = _context(
        pages,
        "Upload your file",
        form=form,
        year=year,
        year_label=calendar.dates_for(year).label,
        replaces=replaces,
    )
    return render(request, "bulkupload/upload.html", context)


def create_upload(
    user: User, kind: str, collection: str, data: dict[str, Any], replaces: BulkUpload | None
) -> BulkUpload:
    """Store the file and its upload, and queue the job once the upload is saved."""
    file = data["file"]
    organisation = data.get("organisation") or user.organisation
    with transaction.atomic():
        upload = BulkUpload(
            kind=kind,
            collection=collection,
            uploaded_by=user,
            organisation=organisation,
            filename=PurePath(file.name).name[:255],
            size=file.size,
            replaces=replaces,
        )
        suffix = PurePath(file.name).suffix.lower()
        upload.file.save(f"{upload.uuid}{suffix}", ContentFile(file.read()), save=False)
        upload.save()
        if replaces is not None and replaces.choice == UploadChoice.NONE:
            replaces.choice = UploadChoice.UPLOAD_AGAIN
            replaces.save(update_fields=["choice"])
        pk = upload.pk
        transaction.on_commit(lambda: process_upload.enqueue(pk))
    return upload


@require_GET
def upload_status(request: HttpRequest, kind: str, upload_id: uuid.UUID) -> HttpResponse:
    """The checking page (refreshing itself until the file is checked), then where the outcome leads."""
    upload = upload_for(signed_in_user(request), kind, upload_id)
    if upload.status == UploadStatus.SUCCESS:
        return redirect(links.logs_url(upload))
    if upload.choice == UploadChoice.SOFT_CONFIRMED:
        return _creating_logs(request, upload)
    page = RESULT_PAGES.get(UploadStatus(upload.status))
    if page is not None:
        return redirect(links.upload_url(upload, page))
    if upload.finished:  # rejected, or processing failed
        return render(request, "bulkupload/failed.html", _upload_context(upload, "Your file could not be checked"))
    return _refreshing(request, upload, "We’re checking your file", "bulkupload/checking.html")


def _creating_logs(request: HttpRequest, upload: BulkUpload) -> HttpResponse:
    """After the warnings are confirmed: a page that refreshes itself until the logs are created, then the logs."""
    if not upload.logs.filter(status=LogStatus.PENDING).exists():
        messages.success(request, f"You’ve successfully uploaded {upload.logs_created:,} logs")
        return redirect(links.logs_url(upload))
    return _refreshing(request, upload, "We’re creating your logs", "bulkupload/creating.html")


def _refreshing(request: HttpRequest, upload: BulkUpload, title: str, template: str) -> HttpResponse:
    """A page that reloads itself every few seconds (with or without JavaScript) unless the person stops it."""
    # WCAG 2.2.1: a time limit they can turn off.
    refreshing = request.GET.get("updates") != "off"
    context = _upload_context(upload, title, refresh_seconds=REFRESH_SECONDS if refreshing else None)
    response = render(request, template, context)
    if refreshing:
        response["Refresh"] = str(REFRESH_SECONDS)
    return response


def error_groups(upload: BulkUpload) -> list[dict[str, Any]]:
    """The most common errors by column: set-up errors when there are any, else every kind but warnings."""
    errors = upload.errors.all()
    errors = errors.filter(category=Category.SETUP) if upload.setup_errors else errors.exclude(category=Category.SOFT)
    groups = errors.values("column", "field", "question", "message").annotate(count=Count("pk"))
    return [dict(group) for group in groups.order_by("-count", "field", "message")[:SUMMARY_ROWS]]


@require_GET
def summary(request: HttpRequest, kind: str, upload_id: uuid.UUID) -> HttpResponse:
    """The summary of an upload's errors: the most common errors by column (set-up errors first of all)."""
    upload = upload_for(signed_in_user(request), kind, upload_id)
    context = _upload_context(upload, "Correct the errors in your file", groups=error_groups(upload))
    return render(request, "bulkupload/summary.html", context)


@require_GET
def report(request: HttpRequest, kind: str, upload_id: uuid.UUID) -> HttpResponse:
    """The full error report, grouped by row: cell, question and message, with each row's tenant or purchaser code."""
    upload = upload_for(signed_in_user(request), kind, upload_id)
    rows = upload.errors.order_by("row").values_list("row", flat=True).distinct()
    page = Paginator(rows, REPORT_ROWS_PER_PAGE).get_page(request.GET.get("page"))
    shown = list(page.object_list)
    by_row: dict[int, list[Any]] = {row: [] for row in shown}
    for error in upload.errors.filter(row__in=shown).order_by("row", "field", "pk"):
        by_row[error.row].append(error)
    context = _upload_context(
        upload,
        f"Error report for {upload.filename}",
        by_row=by_row,
        page=page,
        code_label=downloads.code_label(upload.kind),
    )
    return render(request, "bulkupload/report.html", context)


@require_GET
def errors_csv(request: HttpRequest, kind: str, upload_id: uuid.UUID) -> StreamingHttpResponse:
    """Every error of an upload as CSV."""
    upload = upload_for(signed_in_user(request), kind, upload_id)
    return csv_response(
        downloads.error_csv_rows(upload), _download_name(f"{PurePath(upload.filename).stem}-errors.csv")
    )


@require_GET
def marked_file(request: HttpRequest, kind: str, upload_id: uuid.UUID) -> HttpResponse:
    """The uploader's own file (as XLSX) with every error marked on its cell."""
    upload = upload_for(signed_in_user(request), kind, upload_id)
    with upload.file.open("rb") as stored:
        data = stored.read()
    return _xlsx(
        downloads.marked_file(upload, data), _download_name(f"{PurePath(upload.filename).stem}-errors-marked.xlsx")
    )


@require_GET
def original_file(request: HttpRequest, kind: str, upload_id: uuid.UUID) -> HttpResponse:
    """The file as it was uploaded (read whole and closed at once: at most 50MB)."""
    upload = upload_for(signed_in_user(request), kind, upload_id)
    with upload.file.open("rb") as stored:
        content = stored.read()
    suffix = PurePath(upload.filename).suffix.lower()
    response = HttpResponse(content, content_type=XLSX if suffix == ".xlsx" else "text/csv")
    response["Content-Disposition"] = f'attachment; filename="{_download_name(upload.filename)}"'
    return response


def _download_name(filename: str) -> str:
    """A file name safe in a Content-Disposition header."""
    return "".join(c if c.isalnum() or c in " ._-()" else "_" for c in filename) or "upload"


def _awaiting_choice(upload: BulkUpload, *statuses: UploadStatus) -> bool:
    return upload.status in statuses and upload.choice in (UploadChoice.NONE, UploadChoice.UPLOAD_AGAIN)


@require_http_methods(["GET", "POST"])
def fix_choice(request: HttpRequest, kind: str, upload_id: uuid.UUID) -> HttpResponse:
    """Fix the errors in the service (logs become visible) or correct the file and upload it again."""
    user = signed_in_user(request)
    upload = upload_for(user, kind, upload_id)
    if not _awaiting_choice(upload, UploadStatus.CREATED_WITH_ERRORS, UploadStatus.WARNINGS_ONLY):
        return redirect(links.upload_url(upload, "status") if not upload.logs_created else links.logs_url(upload))
    form = FixChoiceForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        if form.cleaned_data["choice"] == UploadChoice.FIX_IN_SERVICE:
            return redirect(links.upload_url(upload, "deletion-report"))
        upload.choice = UploadChoice.UPLOAD_AGAIN
        upload.save(update_fields=["choice"])
        year = upload.collection.rsplit("-", 1)[1]
        return redirect(f"{links.page_url(kind, 'upload', int(year))}?replaces={upload.uuid}")
    groups = error_groups(upload)
    recommend_file = any(group["count"] >= SUMMARY_THRESHOLD for group in groups)
    context = _upload_context(
        upload, "How would you like to fix the errors?", form=form, groups=groups, recommend_file=recommend_file
    )
    return render(request, "bulkupload/fix_choice.html", context)


@require_http_methods(["GET", "POST"])
def deletion_report(request: HttpRequest, kind: str, upload_id: uuid.UUID) -> HttpResponse:
    """The answers that will be cleared from the logs; confirming makes the logs visible to fix in the service."""
    user = signed_in_user(request)
    upload = upload_for(user, kind, upload_id)
    if not _awaiting_choice(upload, UploadStatus.CREATED_WITH_ERRORS, UploadStatus.WARNINGS_ONLY):
        return redirect(links.upload_url(upload, "status") if not upload.logs_created else links.logs_url(upload))
    if request.method == "POST":
        with transaction.atomic():
            writing.release_pending(upload, user)
            upload.choice = UploadChoice.FIX_IN_SERVICE
            upload.save(update_fields=["choice"])
        return redirect(links.logs_url(upload))
    title = "These answers will be cleared" if upload.cleared else "Upload these logs and fix the errors in the service"
    context = _upload_context(upload, title, cleared=upload.cleared, code_label=downloads.code_label(upload.kind))
    return render(request, "bulkupload/deletion_report.html", context)


@require_http_methods(["GET", "POST"])
def confirm_warnings(request: HttpRequest, kind: str, upload_id: uuid.UUID) -> HttpResponse:
    """Are these answers correct? Yes confirms every warning and makes the logs visible; no leads to the fix choice."""
    user = signed_in_user(request)
    upload = upload_for(user, kind, upload_id)
    if not _awaiting_choice(upload, UploadStatus.WARNINGS_ONLY):
        return redirect(links.upload_url(upload, "status") if not upload.logs_created else links.logs_url(upload))
    form = WarningsForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        if form.cleaned_data["correct"] == "no":
            return redirect(links.upload_url(upload, "fix-choice"))
        with transaction.atomic():
            upload.choice = UploadChoice.SOFT_CONFIRMED
            upload.save(update_fields=["choice"])
            pk, user_pk = upload.pk, user.pk
            transaction.on_commit(lambda: confirm_warnings_task.enqueue(pk, user_pk))
        return redirect(links.upload_url(upload, "status"))
    warnings = upload.errors.filter(category=Category.SOFT).order_by("row", "field", "pk")
    page = Paginator(warnings, 100).get_page(request.GET.get("page"))
    context = _upload_context(upload, "Are these fields correct?", form=form, page=page)
    return render(request, "bulkupload/confirm_warnings.html", context)
