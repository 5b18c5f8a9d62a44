"""Building a release: the background job that freezes a collection year's completed logs into published files.

Support asks for a release of a collection year (its start year) with notes and a disclosure threshold; the job reads
the completed logs of every collection of that year that declares tables (lettings, sales), works out and protects the
tables, writes each in every format, the method and the factsheets document (every area's factsheet, its figures and
charts), hands them to storage under `opendata/<year>/<version>/`, and only then records the files and marks the
release published, in one transaction. Run again after a failure, it writes the same files under the same names; a
published release is never rebuilt (a correction is a new version, and earlier versions stay as they were).

Each area's factsheet PDF is printed from the published factsheets document by a second job queued at publication
(`make_pdfs`), since printing takes about a second a page; a PDF asked for before that job reaches it is printed
there and then (`pdf_file`). Both keep what they print, so each PDF is printed once.
"""

from __future__ import annotations

import hashlib
import json
import logging
import multiprocessing
import os
from collections.abc import Sequence
from typing import Any

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import IntegrityError, connections, transaction
from django.db.models import Max
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django_tasks import task

from collect.accounts.models import User
from collect.bulkupload.links import absolute
from collect.opendata import formats
from collect.opendata.factsheets import factsheets
from collect.opendata.models import Release, ReleaseFile, ReleaseStatus
from collect.opendata.reading import answers_frame, completed_logs
from collect.opendata.tables import BuiltTable, build_tables
from collect.refdata.models import LocalAuthority
from collect.rulebook.tables import Tables, answer_keys
from collect.standards.registry import COLLECTIONS, collection

logger = logging.getLogger(__name__)
FACTSHEETS = "factsheets.json"
# PDFs are made in forked processes from this many factsheets on (the task worker's main thread; fewer are quicker
# made in the job's own process).
FORK_FROM = 20
METHOD = "method.md"


def collections_of(year: int) -> dict[str, Tables]:
    """The collections of a year that publish tables, by id."""
    found = {}
    for collection_id in sorted(COLLECTIONS):
        declared = collection(collection_id)
        if declared.start_year == year and declared.tables is not None:
            found[collection_id] = declared.tables
    return found


def request_release(year: int, notes: str, threshold: int, user: User | None) -> Release:
    """Record the next version of a year's release and queue its job once the transaction commits."""
    with transaction.atomic():
        latest = Release.objects.select_for_update().filter(year=year).aggregate(v=Max("version"))["v"] or 0
        release = Release.objects.create(
            year=year, version=latest + 1, notes=notes, threshold=threshold, created_by=user
        )
    transaction.on_commit(lambda: build_release.enqueue(release.pk))
    return release


@task()
def build_release(release_id: int) -> str:
    """The background job of a release; returns its status."""
    return build(release_id)


def method_text(threshold: int) -> str:
    """How the figures were made safe to publish, for the release's method page and file."""
    return "\n\n".join(
        (
            "# How the figures are protected",
            "The tables count completed logs of the collection year: lettings and sales that the housing "
            "organisations have finished and submitted. Deleted and unfinished logs are not counted. Each table is by "
            "local authority (with England) and one breakdown, with totals.",
            f"Primary suppression: every count, including totals, from 1 to {threshold - 1} is hidden and shown as "
            f"[c]. The threshold is {threshold}. Zeros are published.",
            "Secondary suppression: knowing the method, a reader knows each hidden count is at least 1 and that "
            "every row and column adds up to its total. For every hidden count, the service makes sure there is a "
            "cycle of hidden counts through its row and column along which counts can go up and down in turn while "
            "staying at least 1; where there is none, it hides the smallest further counts that complete one (inner "
            "cells before totals). So no hidden count can be worked out by adding and subtracting published figures "
            "along rows and columns. The service's tests prove this with a linear programming solver.",
            "Tables whose local authority totals are the same hide the same totals, so one table cannot give away "
            "a total another hides. Averages and medians are hidden wherever the count behind them is hidden.",
            "In the RDF Data Cube files, hidden observations are left out. In Parquet files, hidden figures are "
            "empty (null).",
            "Known limits: tables with different totals (for example general needs lettings by bedrooms, and all "
            "lettings by tenancy type) are protected each on its own.",
        )
    )


def build(release_id: int) -> str:
    """Build a release's files, store them and publish it (see the module's docstring)."""
    release = Release.objects.get(pk=release_id)
    if release.status == ReleaseStatus.READY:
        return release.status
    try:
        made, counts, frozen_at = _files(release)
        stored = [_store(release, *item) for item in made]
    except Exception as error:
        logger.exception("Release %s failed", release)
        Release.objects.filter(pk=release.pk).update(status=ReleaseStatus.FAILED, error=str(error)[:1000])
        return ReleaseStatus.FAILED
    with transaction.atomic():
        ReleaseFile.objects.filter(release=release).delete()
        ReleaseFile.objects.bulk_create(stored)
        Release.objects.filter(pk=release.pk).update(
            status=ReleaseStatus.READY,
            frozen_at=frozen_at,
            log_counts=counts,
            method=method_text(release.threshold),
            error="",
        )
    make_pdfs.enqueue(release.pk)
    return ReleaseStatus.READY


@task()
def make_pdfs(release_id: int) -> int:
    """Print every area's factsheet PDF of a published release that is not printed yet; give how many were."""
    release = Release.objects.get(pk=release_id)
    sheets = load_factsheets(release)
    if sheets is None:
        return 0
    printed = set(ReleaseFile.objects.filter(release=release, file_format="pdf").values_list("name", flat=True))
    wanted = {a: s for a, s in sorted(sheets["areas"].items()) if _pdf_name(a) not in printed}
    for table, file_format, name, content in _pdfs(release, {"areas": wanted}):
        _keep(_store(release, table, file_format, name, content))
    return len(wanted)


def pdf_file(release: Release, area: str) -> ReleaseFile | None:
    """An area's factsheet PDF of a published release, printed now if the job has not reached it yet."""
    found = ReleaseFile.objects.filter(release=release, name=_pdf_name(area)).first()
    if found is not None:
        return found
    sheets = load_factsheets(release)
    if sheets is None or area not in sheets["areas"]:
        return None
    content = _pdf(factsheet_html(release, sheets["areas"][area], for_print=True))
    return _keep(_store(release, f"factsheet-{area}", "pdf", _pdf_name(area), content))


def _pdf_name(area: str) -> str:
    return f"factsheet-{area}.pdf"


def _keep(made: ReleaseFile) -> ReleaseFile:
    """Record a printed PDF (the one already recorded, when someone printed it at the same moment)."""
    try:
        with transaction.atomic():
            made.save()
    except IntegrityError:
        return ReleaseFile.objects.get(release=made.release, name=made.name)
    return made


def release_base(release: Release) -> str:
    """The release's stable address, ending in "/"."""
    return absolute(reverse("opendata:release", args=[release.year, release.version]))


def _files(release: Release) -> tuple[list[tuple[str, str, str, bytes]], dict[str, int], Any]:
    """Every file of the release as (table, format, name, content), the logs counted, and when they were read."""
    declared = collections_of(release.year)
    names = dict(LocalAuthority.objects.values_list("code", "name"))
    frozen_at = timezone.now()
    built: dict[str, list[BuiltTable]] = {}
    counts: dict[str, int] = {}
    for collection_id, tables in declared.items():
        answers = answers_frame(completed_logs(collection_id), sorted(answer_keys(tables)))
        counts[collection_id] = answers.height
        built[collection_id] = build_tables(collection_id, tables, answers, release.threshold, names)
    issued = frozen_at.isoformat(timespec="seconds")
    base = release_base(release)
    made: list[tuple[str, str, str, bytes]] = []
    for tables_of_year in built.values():
        for table in tables_of_year:
            csv_name = f"{table.id}.csv"
            made += [
                (table.id, "csv", csv_name, formats.to_csv(table)),
                (table.id, "csvw", f"{table.id}.csv-metadata.json", formats.to_csvw(table, csv_name, issued)),
                (table.id, "ttl", f"{table.id}.ttl", formats.to_turtle(table, base, issued)),
                (table.id, "jsonld", f"{table.id}.jsonld", formats.to_jsonld(table, base, issued)),
                (table.id, "parquet", f"{table.id}.parquet", formats.to_parquet(table)),
            ]
    made.append(("method", "md", METHOD, method_text(release.threshold).encode()))
    sheets = factsheets(built, declared, names, _previous_factsheets(release.year))
    sheets["release"] = {"year": release.year, "version": release.version, "issued": issued}
    made.append(("factsheets", "json", FACTSHEETS, json.dumps(sheets, ensure_ascii=False).encode()))
    return made, counts, frozen_at


def _previous_factsheets(year: int) -> dict[str, Any] | None:
    """The factsheets document of the latest published release of the previous year, if there is one."""
    earlier = Release.objects.filter(year=year - 1, status=ReleaseStatus.READY).order_by("-version").first()
    if earlier is None:
        return None
    return load_factsheets(earlier)


def load_factsheets(release: Release) -> dict[str, Any] | None:
    """A published release's factsheets document."""
    stored = ReleaseFile.objects.filter(release=release, name=FACTSHEETS).first()
    if stored is None:
        return None
    with default_storage.open(stored.path, "rb") as file:
        found: dict[str, Any] = json.load(file)
    return found


def factsheet_html(release: Release, sheet: dict[str, Any], *, for_print: bool) -> str:
    """An area's factsheet as HTML: the page's content, or a whole document for the PDF."""
    from collect.opendata.views import factsheet_context

    template = "opendata/factsheet_print.html" if for_print else "opendata/factsheet_body.html"
    return render_to_string(template, factsheet_context(release, sheet))


def _pdf(html: str) -> bytes:
    import weasyprint

    pdf: bytes = weasyprint.HTML(string=html).write_pdf()
    return pdf


def _pdfs(release: Release, sheets: dict[str, Any]) -> list[tuple[str, str, str, bytes]]:
    """Every area's factsheet as PDF, made in forked processes (one per processor) when there are many."""
    areas = sorted(sheets["areas"])
    pages = [factsheet_html(release, sheets["areas"][a], for_print=True) for a in areas]
    processes = min(os.cpu_count() or 1, 8)
    if processes > 1 and len(pages) > FORK_FROM:
        connections.close_all()  # forked processes must not share the database connection
        with multiprocessing.get_context("fork").Pool(processes) as pool:
            made: Sequence[bytes] = pool.map(_pdf, pages, chunksize=8)
    else:
        made = [_pdf(page) for page in pages]
    return [(f"factsheet-{a}", "pdf", _pdf_name(a), pdf) for a, pdf in zip(areas, made, strict=True)]


def file_path(release: Release, name: str) -> str:
    """Where a release's file is kept in storage."""
    return f"opendata/{release.year}/{release.version}/{name}"


def _store(release: Release, table: str, file_format: str, name: str, content: bytes) -> ReleaseFile:
    path = file_path(release, name)
    if default_storage.exists(path):
        default_storage.delete(path)
    saved = default_storage.save(path, ContentFile(content, name=name))
    return ReleaseFile(
        release=release,
        table=table,
        file_format=file_format,
        name=name,
        path=saved,
        sha256=hashlib.sha256(content).hexdigest(),
        size=len(content),
    )
