"""Public statistics pages (no sign-in): releases, their files and method, area factsheets; support's release page."""

from __future__ import annotations

from typing import Any

from django.core.files.storage import default_storage
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods
from markupsafe import Markup

from collect.accounts.models import Role
from collect.accounts.policy import role_required, signed_in_user
from collect.opendata import releases
from collect.opendata.charts import bar_chart
from collect.opendata.formats import FORMATS
from collect.opendata.forms import ReleaseForm
from collect.opendata.models import Release, ReleaseFile, ReleaseStatus
from collect.standards.registry import COLLECTIONS, collection

FORMAT_NAMES = {
    "csv": "CSV",
    "csvw": "CSVW metadata (JSON)",
    "ttl": "RDF Data Cube (Turtle)",
    "jsonld": "RDF Data Cube (JSON-LD)",
    "parquet": "Parquet",
}


def _published(year: int, version: int) -> Release:
    return get_object_or_404(Release, year=year, version=version, status=ReleaseStatus.READY)


@require_GET
def statistics(request: HttpRequest) -> HttpResponse:
    """Every published release, newest first."""
    found = Release.objects.filter(status=ReleaseStatus.READY)
    support = request.user.is_authenticated and getattr(request.user, "is_support", False)
    return render(
        request,
        "opendata/statistics.html",
        {"title": "Social housing lettings and sales statistics", "releases": found, "support": support},
    )


@require_GET
def latest(request: HttpRequest, year: int) -> HttpResponse:
    """The latest published version of a year's release."""
    found = Release.objects.filter(year=year, status=ReleaseStatus.READY).order_by("-version").first()
    if found is None:
        raise Http404
    return redirect(reverse("opendata:release", args=[found.year, found.version]))


@require_GET
def release(request: HttpRequest, year: int, version: int) -> HttpResponse:
    """A release: its notes, its tables in every format, its factsheets and its method."""
    found = _published(year, version)
    files = list(found.files.all())
    tables: dict[str, dict[str, Any]] = {}
    titles = {t.id: t.title for cid in COLLECTIONS for t in _declared(cid)}
    for item in files:
        if item.file_format in FORMATS:
            entry = tables.setdefault(item.table, {"title": titles.get(item.table, item.table), "files": []})
            entry["files"].append(
                {
                    "name": FORMAT_NAMES[item.file_format],
                    "url": _file_url(found, item.name),
                    "size": item.size,
                    "sha256": item.sha256,
                }
            )
    sheets = releases.load_factsheets(found) or {"areas": {}}
    areas = sorted(((a["name"], code) for code, a in sheets["areas"].items()))
    context = {
        "title": f"Statistics {found.label}, version {found.version}",
        "release": found,
        "tables": tables,
        "areas": areas,
        "method": [p for p in found.method.split("\n\n") if not p.startswith("#")],
        "method_url": _file_url(found, releases.METHOD),
        "factsheets_url": _file_url(found, releases.FACTSHEETS),
        "versions": Release.objects.filter(year=year, status=ReleaseStatus.READY).order_by("-version"),
    }
    return render(request, "opendata/release.html", context)


def _declared(collection_id: str) -> tuple[Any, ...]:
    tables = collection(collection_id).tables
    return (*tables.counts, *tables.amounts) if tables else ()


def _file_url(found: Release, name: str) -> str:
    return reverse("opendata:file", args=[found.year, found.version, name])


@require_GET
def release_file(request: HttpRequest, year: int, version: int, name: str) -> HttpResponseBase:
    """A file of a published release, at its stable address."""
    found = _published(year, version)
    item = get_object_or_404(ReleaseFile, release=found, name=name)
    content_type = FORMATS.get(item.file_format, ("", "application/octet-stream"))[1]
    if item.file_format == "md":
        content_type = "text/markdown; charset=utf-8"
    elif item.file_format == "json":
        content_type = "application/json"
    elif item.file_format == "pdf":
        content_type = "application/pdf"
    with default_storage.open(item.path, "rb") as file:  # a release's files are small: tables of areas
        response = HttpResponse(file.read(), content_type=content_type)
    disposition = "inline" if item.file_format in ("pdf", "md", "json") else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="{name}"'
    return response


def _money(value: float | None, unit: str) -> str:
    if value is None:
        return "[c]"
    return f"£{value:,.2f}" if "per week" in unit else f"£{value:,.0f}"


def _shown(value: Any, unit: str) -> str:
    if unit:
        return _money(value, unit)
    return "[c]" if value is None else f"{value:,}"


def factsheet_context(found: Release, sheet: dict[str, Any]) -> dict[str, Any]:
    """What the factsheet templates show: formatted figures, charts and their tables."""
    sections = []
    for section in sheet["sections"]:
        figures = [
            {
                "label": f["label"],
                "area": _shown(f["area"], f["unit"]),
                "england": _shown(f["england"], f["unit"]),
                "previous": "No earlier release"
                if f.get("previous") is None and not f.get("had_previous")
                else _shown(f.get("previous"), f["unit"]),
                "unit": f["unit"],
            }
            for f in section["figures"]
        ]
        charts = [
            {
                **chart,
                "svg": Markup(bar_chart(chart["id"], chart["title"], sheet["name"], chart["rows"])),  # noqa: S704 - escaped by bar_chart
                "table_rows": [
                    [
                        {"text": r["label"]},
                        {"text": "[c]" if r["count"] is None else f"{r['count']:,}", "format": "numeric"},
                        {"text": "[c]" if r["share"] is None else f"{r['share']:.1f}%", "format": "numeric"},
                        {
                            "text": "[c]" if r["england_share"] is None else f"{r['england_share']:.1f}%",
                            "format": "numeric",
                        },
                    ]
                    for r in chart["rows"]
                ],
            }
            for chart in section["charts"]
        ]
        sections.append({"kind": section["kind"], "figures": figures, "charts": charts})
    return {
        "title": f"{sheet['name']}: social housing factsheet {found.label}",
        "release": found,
        "sheet": sheet,
        "sections": sections,
        "pdf_url": reverse("opendata:factsheet-pdf", args=[found.year, found.version, sheet["code"]]),
        "release_url": reverse("opendata:release", args=[found.year, found.version]),
    }


def _sheet(found: Release, area: str) -> dict[str, Any]:
    sheets = releases.load_factsheets(found)
    if sheets is None or area not in sheets["areas"]:
        raise Http404
    sheet: dict[str, Any] = sheets["areas"][area]
    return sheet


@require_GET
def factsheet(request: HttpRequest, year: int, version: int, area: str) -> HttpResponse:
    """An area's factsheet page."""
    found = _published(year, version)
    return render(request, "opendata/factsheet.html", factsheet_context(found, _sheet(found, area)))


@require_GET
def factsheet_pdf(request: HttpRequest, year: int, version: int, area: str) -> HttpResponseBase:
    """An area's factsheet as PDF (printed after the release was published, or now if not yet)."""
    found = _published(year, version)
    if releases.pdf_file(found, area) is None:
        raise Http404("No factsheet for this area in this release")
    return release_file(request, year, version, f"factsheet-{area}.pdf")


def _years() -> list[tuple[int, str]]:
    years = sorted({collection(c).start_year for c in COLLECTIONS if collection(c).tables is not None}, reverse=True)
    return [(y, f"{y} to {y + 1}") for y in years]


@role_required(Role.SUPPORT)
@require_http_methods(["GET", "POST"])
def manage(request: HttpRequest) -> HttpResponse:
    """Support: ask for a new release of a collection year, and see every release and how its build went."""
    user = signed_in_user(request)
    form = ReleaseForm(_years(), request.POST or None)
    if request.method == "POST" and form.is_valid():
        made = releases.request_release(
            form.cleaned_data["year"], form.cleaned_data["notes"], form.cleaned_data["threshold"], user
        )
        return redirect(reverse("opendata:manage") + f"?queued={made.pk}")
    context = {
        "title": "Publish statistics",
        "form": form,
        "releases": Release.objects.select_related("created_by")[:100],
        "queued": request.GET.get("queued", ""),
    }
    return render(request, "opendata/manage.html", context)
