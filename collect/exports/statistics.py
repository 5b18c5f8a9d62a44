"""The statistics export (platform.md §7.2): lettings, sales, users and organisations as XML for the statistics system.

Each run sends, per collection (and collection year), the records changed since the last SUCCESSFUL run of that
collection started (incremental; deleted logs included, with their status), or every current record (full). A
collection's records go into one zip, `core_2026_2027_apr_mar_f0001_inc0003.zip`, holding `manifest.xml` (the count)
and parts of at most 10,000 records; a master manifest `Manifest_YYYY_MM_DD_NNNN.csv` lists the zips not yet listed.

Re-running is safe. A run's numbers and boundary come from the previous successful run only, and a run is marked
successful only after its zip is complete in storage; the zip is written to a temporary file first. So a run that
fails or is killed is simply done again: same numbers, same file name, the same records plus anything changed since
(no gap), nothing sent twice under two names (no duplicate). A zip from a run whose master manifest was not written
is listed by the next manifest.
"""

from __future__ import annotations

import datetime
import io
import logging
import zipfile
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import polars as pl
from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django_tasks import task

from collect.accounts.models import User
from collect.exports import files
from collect.exports.frames import Variant, free_text_columns, log_frames, plan
from collect.exports.models import ExportCollection, ExportRun, ExportRunStatus
from collect.journeys.kinds import PAGES
from collect.logs.models import Log, LogStatus
from collect.organisations.models import DataSharingAgreement, Organisation
from collect.standards import calendar
from collect.standards.registry import COLLECTIONS, collection

logger = logging.getLogger(__name__)

PART_SIZE = 10_000
XML_SLICE = 1_000  # records put together as XML at a time (memory)
FOLDER = "exports"
XML_HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n<forms>\n'
XML_TAIL = "</forms>\n"
NIGHTLY_AT = datetime.time(0, 30)

# Users and organisations are not logs of a collection year: their fields are the export's (platform.md §7.2).
# Always empty: sign_in_count (not counted), old_org_id and old_visible_id (no legacy ids), deleted_at (never deleted).
USER_FIELDS = (
    "id",
    "email",
    "name",
    "organisation_id",
    "sign_in_count",
    "last_sign_in_at",
    "role",
    "phone",
    "is_dpo",
    "is_key_contact",
    "active",
    "organisation_name",
)
ORGANISATION_FIELDS = (
    "id",
    "name",
    "phone",
    "provider_type",
    "address_line1",
    "address_line2",
    "postcode",
    "holds_own_stock",
    "active",
    "housing_registration_no",
    "old_org_id",
    "old_visible_id",
    "merge_date",
    "absorbing_organisation_id",
    "available_from",
    "deleted_at",
    "dsa_signed",
    "dsa_signed_at",
    "dpo_email",
    "profit_status",
    "group",
)
ROLE_NAMES = {1: "data_provider", 2: "data_coordinator", 99: "support"}


@dataclass(frozen=True)
class Target:
    """One collection (and year) the export sends."""

    collection: str
    year: int
    prefix: str
    collection_id: str = ""


def targets(today: datetime.date) -> list[Target]:
    """What each run sends: every declared collection year of lettings and sales, then users and organisations."""
    found = []
    for collection_id in sorted(COLLECTIONS):
        year = collection(collection_id)
        if year.downloads is not None and year.downloads.export_fields:
            found.append(Target(year.kind, year.start_year, year.downloads.export_prefix, collection_id))
    this_year = calendar.collection_start_year(today)
    found.append(Target(ExportCollection.USERS, this_year, "users"))
    found.append(Target(ExportCollection.ORGANISATIONS, this_year, "organisations"))
    return found


def zip_stem(target: Target, base: int, increment: int) -> str:
    """Such as core_2026_2027_apr_mar_f0001_inc0001."""
    return f"{target.prefix}_{target.year}_{target.year + 1}_apr_mar_f{base:04d}_inc{increment:04d}"


def _escaped(expression: pl.Expr) -> pl.Expr:
    return (
        expression.str.replace_all("&", "&amp;", literal=True)
        .str.replace_all("<", "&lt;", literal=True)
        .str.replace_all(">", "&gt;", literal=True)
        .str.replace_all(r"[\x00-\x08\x0b\x0c\x0e-\x1f]", "")
    )


def xml_forms(frame: pl.DataFrame, escaped: Collection[str] | None = None) -> bytes:
    """The `<form>` elements of a frame's rows, one element per column (empty values as `<name/>`).

    Values of the `escaped` columns (default: every column) are escaped for XML; other columns hold only codes,
    numbers and dates. The elements are put together and written by polars, not one Python string per record.
    """
    elements = [
        pl.when(pl.col(name).is_null())
        .then(pl.lit(f"<{name}/>"))
        .otherwise(
            pl.lit(f"<{name}>")
            + (_escaped(pl.col(name)) if escaped is None or name in escaped else pl.col(name))
            + pl.lit(f"</{name}>")
        )
        for name in frame.columns
    ]
    forms = frame.select(
        pl.concat_str([pl.lit("  <form>\n    "), pl.concat_str(elements, separator="\n    "), pl.lit("\n  </form>")])
    )
    buffer = io.BytesIO()
    forms.write_csv(buffer, include_header=False, quote_style="never", line_terminator="\n")
    return buffer.getvalue()


def manifest_xml(count: int) -> str:
    """A zip's manifest: the number of records in its parts."""
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<report>\n  <form-data-summary>\n    <records>\n'
        f"      <count-of-records>{count}</count-of-records>\n    </records>\n  </form-data-summary>\n</report>\n"
    )


def _logs(target: Target, since: datetime.datetime | None) -> QuerySet[Log]:
    logs = Log.objects.filter(kind=target.collection).filter(PAGES[target.collection].in_years([target.year]))
    logs = logs.exclude(status=LogStatus.PENDING)
    if since is None:
        return logs.exclude(status=LogStatus.DELETED)
    return logs.filter(Q(updated_at__gte=since) | Q(deleted_at__gte=since))


def _strings(rows: list[tuple[Any, ...]], names: tuple[str, ...]) -> pl.DataFrame:
    def text(value: Any) -> str | None:
        if value is None or value == "":
            return None
        if isinstance(value, bool):
            return "true" if value else "false"
        if isinstance(value, datetime.datetime):
            return timezone.localtime(value).isoformat(timespec="seconds")
        return str(value)

    columns = list(zip(*rows, strict=True)) if rows else [() for _ in names]
    return pl.DataFrame(
        {
            name: pl.Series([text(v) for v in values], dtype=pl.String)
            for name, values in zip(names, columns, strict=True)
        }
    )


def _batched(rows: Iterator[tuple[Any, ...]], size: int) -> Iterator[list[tuple[Any, ...]]]:
    batch: list[tuple[Any, ...]] = []
    for row in rows:
        batch.append(row)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def _user_frames(since: datetime.datetime | None) -> Iterator[pl.DataFrame]:
    users = User.objects.order_by("pk")
    if since is not None:
        users = users.filter(updated_at__gte=since)
    rows = users.values_list(
        "pk", "email", "name", "organisation_id", "last_login", "role", "phone", "is_dpo", "is_key_contact",
        "is_active", "organisation__name",
    )  # fmt: skip
    for batch in _batched(rows.iterator(chunk_size=PART_SIZE), PART_SIZE):
        shaped = [(*r[:4], None, r[4], ROLE_NAMES.get(r[5], str(r[5])), *r[6:]) for r in batch]
        yield _strings(shaped, USER_FIELDS)


def _organisation_frames(since: datetime.datetime | None) -> Iterator[pl.DataFrame]:
    organisations = Organisation.objects.order_by("pk")
    if since is not None:
        organisations = organisations.filter(updated_at__gte=since)
    agreements = {a.organisation_id: a for a in DataSharingAgreement.objects.all()}
    rows = organisations.values_list(
        "pk", "name", "phone", "provider_type", "address_line1", "address_line2", "postcode", "holds_own_stock",
        "active", "housing_registration_no", "merge_date", "absorbing_organisation_id", "available_from",
        "profit_status", "group",
    )  # fmt: skip
    for batch in _batched(rows.iterator(chunk_size=PART_SIZE), PART_SIZE):
        shaped = []
        for r in batch:
            agreement = agreements.get(r[0])
            signed = (
                (True, agreement.accepted_at, agreement.dpo_email) if agreement is not None else (False, None, None)
            )
            shaped.append((*r[:10], None, None, *r[10:13], None, *signed, *r[13:]))
        yield _strings(shaped, ORGANISATION_FIELDS)


def frames(target: Target, since: datetime.datetime | None) -> tuple[Iterator[pl.DataFrame], set[str] | None]:
    """The records a run of a target sends (frames of at most PART_SIZE rows of text) and its free-text columns.

    The free-text columns are those whose values may need escaping (None: any column).
    """
    if target.collection == ExportCollection.USERS:
        return _user_frames(since), None
    if target.collection == ExportCollection.ORGANISATIONS:
        return _organisation_frames(since), None
    year = collection(target.collection_id)
    assert year.downloads is not None
    the_plan = plan(year, year.downloads.export_fields, Variant.EXPORT)
    return log_frames(_logs(target, since), the_plan), free_text_columns(the_plan)


def _previous(target: Target) -> ExportRun | None:
    return (
        ExportRun.objects.filter(collection=target.collection, year=target.year, status=ExportRunStatus.SUCCEEDED)
        .order_by("-started_at", "-pk")
        .first()
    )


def export_target(target: Target, *, full: bool, started_at: datetime.datetime, user: User | None = None) -> ExportRun:
    """Send one collection (see the module's docstring); recorded as succeeded only once its zip is stored."""
    previous = _previous(target)
    if previous is None:
        base, increment, since = 1, 1, None
    elif full:
        base, increment, since = previous.base_number + 1, 1, None
    else:
        base, increment, since = previous.base_number, previous.increment_number + 1, previous.started_at
    run = ExportRun.objects.create(
        collection=target.collection,
        year=target.year,
        full=since is None,
        base_number=base,
        increment_number=increment,
        started_at=started_at,
        since=since,
        requested_by=user,
    )
    try:
        records, zip_name = _write_zip(target, zip_stem(target, base, increment), since)
    except BaseException:
        ExportRun.objects.filter(pk=run.pk).update(status=ExportRunStatus.FAILED, finished_at=timezone.now())
        raise
    ExportRun.objects.filter(pk=run.pk).update(
        status=ExportRunStatus.SUCCEEDED, records=records, zip_name=zip_name, finished_at=timezone.now()
    )
    run.refresh_from_db()
    return run


def _write_zip(target: Target, stem: str, since: datetime.datetime | None) -> tuple[int, str]:
    """Write the zip of a run to a temporary file, then to storage; nothing is stored when there are no records."""
    with files.scratch() as folder:
        local = Path(folder) / f"{stem}.zip"
        with zipfile.ZipFile(local, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
            records = _write_parts(archive, stem, *frames(target, since))
            archive.writestr("manifest.xml", manifest_xml(records))
        if not records:
            return 0, ""
        return records, files.store(local, f"{FOLDER}/{stem}.zip")


def _write_parts(archive: zipfile.ZipFile, stem: str, found: Iterator[pl.DataFrame], escaped: set[str] | None) -> int:
    """Write the records into parts of at most PART_SIZE; returns how many were written."""
    records = in_part = number = 0
    part: IO[bytes] | None = None
    try:
        for batch in found:
            records += batch.height
            frame = batch
            while frame.height:
                if part is None or in_part == PART_SIZE:
                    if part is not None:
                        part.write(XML_TAIL.encode())
                        part.close()
                    number, in_part = number + 1, 0
                    part = archive.open(f"{stem}_pt{number:03d}.xml", "w")
                    part.write(XML_HEAD.encode())
                room = min(PART_SIZE - in_part, XML_SLICE)
                part.write(xml_forms(frame.head(room), escaped))
                in_part += min(room, frame.height)
                frame = frame.slice(room)
        if part is not None:
            part.write(XML_TAIL.encode())
    finally:
        if part is not None:
            part.close()
    return records


def write_master_manifest(day: datetime.date) -> str:
    """List every stored zip not yet in a master manifest; returns the manifest's name."""
    prefix = f"Manifest_{day:%Y_%m_%d}_"
    existing = default_storage.listdir(FOLDER)[1] if default_storage.exists(FOLDER) else []
    number = 1 + sum(1 for name in existing if name.startswith(prefix))
    name = f"{FOLDER}/{prefix}{number:04d}.csv"
    unlisted = list(
        ExportRun.objects.filter(status=ExportRunStatus.SUCCEEDED, manifest_name="")
        .exclude(zip_name="")
        .order_by("started_at", "pk")
    )
    lines = ["zip-name,date-time zipped folder generated,zip-file-uri"]
    for run in unlisted:
        when = timezone.localtime(run.finished_at or run.started_at).strftime("%Y-%m-%d %H:%M:%S")
        lines.append(f"{Path(run.zip_name).name},{when},{run.zip_name}")
    with files.scratch() as folder:
        local = Path(folder) / "manifest.csv"
        local.write_text("\n".join(lines) + "\n", encoding="utf-8")
        stored = files.store(local, name)
    ExportRun.objects.filter(pk__in=[run.pk for run in unlisted]).update(manifest_name=stored)
    return stored


def run_export(*, full: bool = False, user: User | None = None) -> list[ExportRun]:
    """One export: every target, then the master manifest. A failed target does not stop the others."""
    started_at = timezone.now()
    runs, failed = [], []
    for target in targets(timezone.localdate(started_at)):
        try:
            runs.append(export_target(target, full=full, started_at=started_at, user=user))
        except Exception:
            logger.exception("Statistics export of %s %s failed", target.collection, target.year)
            failed.append(target)
    write_master_manifest(timezone.localdate(started_at))
    if failed:
        raise RuntimeError(f"The statistics export failed for {', '.join(t.collection for t in failed)}")
    return runs


def request_export(*, full: bool, user: User | None) -> None:
    """Queue an export on demand, once the request's transaction commits."""
    user_id = user.pk if user else None
    transaction.on_commit(lambda: export_now.enqueue(full=full, user_id=user_id))


@task()
def export_now(*, full: bool = False, user_id: int | None = None) -> int:
    """The background job of an export asked for by support; returns the number of records sent."""
    user = User.objects.filter(pk=user_id).first() if user_id else None
    return sum(run.records for run in run_export(full=full, user=user))


def next_night(now: datetime.datetime) -> datetime.datetime:
    """When the next nightly export runs: the next NIGHTLY_AT, London time."""
    local = timezone.localtime(now)
    candidate = local.replace(hour=NIGHTLY_AT.hour, minute=NIGHTLY_AT.minute, second=0, microsecond=0)
    if candidate <= local:
        candidate = (local + datetime.timedelta(days=1)).replace(
            hour=NIGHTLY_AT.hour, minute=NIGHTLY_AT.minute, second=0, microsecond=0
        )
    return candidate


@task()
def nightly_export() -> int:
    """The nightly incremental export; it queues the next night's before it starts, so one failure stops nothing."""
    schedule_nightly(force=True)
    return sum(run.records for run in run_export(full=False))


def schedule_nightly(*, force: bool = False) -> bool:
    """Queue the next nightly export unless one is already waiting; returns whether one was queued."""
    if not force and _nightly_waiting():
        return False
    nightly_export.using(run_after=next_night(timezone.now())).enqueue()
    return True


def _nightly_waiting() -> bool:
    try:
        from django_tasks_db.models import DBTaskResult
    except ImportError:  # another backend: it keeps its own schedule
        return False
    from django_tasks.base import TaskResultStatus

    return DBTaskResult.objects.filter(task_path=nightly_export.module_path, status=TaskResultStatus.READY).exists()
