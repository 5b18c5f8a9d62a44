"""Download pages: ask for a log download, the page the email links to, the file itself, and the export runs."""

from __future__ import annotations

import uuid

from django.core.files.storage import default_storage
from django.db.models import Count
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseBase, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from collect.accounts.models import Role
from collect.accounts.policy import role_required, signed_in_user
from collect.audit import trail
from collect.exports import downloads, statistics
from collect.exports.forms import DownloadForm, YearForm
from collect.exports.models import Download, DownloadFormat, DownloadStatus, ExportRun
from collect.journeys.kinds import PAGES
from collect.journeys.list_filters import LogFilterForm, year_choices
from collect.journeys.lists import remembered_query
from collect.logs import policy


def _filters(form: LogFilterForm, query: QueryDict) -> list[tuple[str, str]]:
    """The applied search and filters as (label, shown value) pairs for check your answers."""
    shown = []
    for name, field in form.fields.items():
        values = [v for v in query.getlist(name) if v]
        if not values:
            continue
        choices = {str(k): str(v) for k, v in getattr(field, "choices", [])}
        label = "Search" if name == "q" else str(field.label or name.replace("_", " ").capitalize())
        shown.append((label, ", ".join(choices.get(v, v) for v in values)))
    return shown


@require_http_methods(["GET", "POST"])
def logs_download(request: HttpRequest, kind: str) -> HttpResponse:
    """Ask for a download of the logs list as it is filtered, for one collection year (platform.md §7.1)."""
    user = signed_in_user(request)
    pages = PAGES[kind]
    choices = year_choices(pages)
    context = {"title": f"Download {pages.name} logs", "pages": pages, "nav_section": pages.name}
    session_key = f"collect_log_filters_{pages.kind}"
    if "choose" in request.GET:  # the year question, keeping the list's other filters
        query = QueryDict(request.session.get(session_key, ""), mutable=True)
        chosen = request.GET.get("years")
        year_form = YearForm(choices, {"years": chosen} if chosen is not None else None)
        if year_form.is_bound and year_form.is_valid():
            query.setlist("years", [str(year_form.cleaned_data["years"])])
            request.session[session_key] = query.urlencode()
            return redirect(reverse(f"exports:{kind}-download"))
        return render(request, "exports/choose_year.html", {**context, "form": year_form})
    query = remembered_query(request, pages)
    years = query.getlist("years")
    year_form = YearForm(choices, {"years": years[0]} if len(years) == 1 else None)
    if not year_form.is_bound or not year_form.is_valid():
        return render(request, "exports/choose_year.html", {**context, "form": YearForm(choices)})
    year = year_form.cleaned_data["years"]
    filters = LogFilterForm(user, pages, query)
    logs = filters.apply(policy.logs_in_scope(user, pages.kind).visible())
    form = DownloadForm(request.POST or None, support=user.is_support)
    if request.method == "POST" and form.is_valid():
        codes = user.is_support and form.cleaned_data.get("variant") == "codes"
        download = downloads.request_download(
            Download(
                requested_by=user,
                organisation_id=user.organisation_id,
                kind=pages.kind,
                year=year,
                filters=query.urlencode(),
                codes=codes,
                support_columns=user.is_support,
                file_format=form.cleaned_data["file_format"],
            )
        )
        return redirect(reverse("exports:download", args=[download.uuid]))
    return render(
        request,
        "exports/logs_download.html",
        {
            **context,
            "form": form,
            "count": logs.count(),
            "year_label": dict(choices)[year],
            "filters": _filters(filters, query),
            "list_url": pages.url("list"),
            "year_url": reverse(f"exports:{kind}-download") + "?choose=1",
        },
    )


def _download_for(request: HttpRequest, pk: uuid.UUID) -> Download:
    user = signed_in_user(request)
    download = Download.objects.select_related("requested_by").filter(uuid=pk).first()
    if download is None or not downloads.can_fetch(user, download):
        raise Http404("No such download")
    return download


@require_GET
def download_page(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    """The page the email links to: the file while the link works, else why not."""
    download = _download_for(request, pk)
    status = 200
    if download.status == DownloadStatus.READY and download.expired:
        title, status = "This download link has expired", 410
    elif download.status == DownloadStatus.READY:
        title = "Your download is ready"
    elif download.status == DownloadStatus.FAILED:
        title = "We could not make your download"
    else:
        title = "We are preparing your download"
    context = {
        "title": title,
        "download": download,
        "what": downloads.describe(download),
        "file_url": reverse("exports:download-file", args=[download.uuid]),
        "again_url": _again_url(download),
    }
    return render(request, "exports/download.html", context, status=status)


def _again_url(download: Download) -> str:
    if download.kind in downloads.LOG_KINDS:
        return reverse(f"exports:{download.kind}-download")
    return reverse("schemes:list")


@require_GET
def download_file(request: HttpRequest, pk: uuid.UUID) -> HttpResponseBase:
    """The file of a ready download whose link still works; each fetch is recorded."""
    user = signed_in_user(request)
    download = _download_for(request, pk)
    if download.status != DownloadStatus.READY or download.expired:
        return redirect(reverse("exports:download", args=[download.uuid]))
    Download.objects.filter(pk=download.pk).update(fetch_count=download.fetch_count + 1, last_fetched_at=timezone.now())
    trail.record(user, "download", download, note=downloads.describe(download), target_type="download")
    csv = download.file_format == DownloadFormat.CSV
    content_type = "text/csv; charset=utf-8" if csv else "application/vnd.apache.parquet"
    name = download.file_name.rsplit("/", 1)[-1]
    stored = default_storage.open(download.file_name, "rb")
    return FileResponse(stored, as_attachment=True, filename=name, content_type=content_type)


@role_required(Role.SUPPORT)
@require_http_methods(["GET", "POST"])
def export_runs(request: HttpRequest) -> HttpResponse:
    """Support: the statistics export's runs, and running it now (incremental or full)."""
    user = signed_in_user(request)
    if request.method == "POST":
        full = request.POST.get("full") == "1"
        statistics.request_export(full=full, user=user)
        return redirect(reverse("exports:runs") + "?queued=" + ("full" if full else "incremental"))
    runs = ExportRun.objects.select_related("requested_by")[:100]
    context = {
        "title": "Statistics export",
        "nav_section": "statistics-export",
        "runs": runs,
        "queued": request.GET.get("queued", ""),
        "counts": dict(ExportRun.objects.values_list("status").annotate(n=Count("pk")).values_list("status", "n")),
    }
    return render(request, "exports/runs.html", context)
