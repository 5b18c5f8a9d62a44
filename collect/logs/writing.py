"""The one write path: every change to a log, from a page, a file row or an API call, goes through `save_answers`.

It runs the rulebook, stores the answers, derived values and status, keeps the typed columns in step, records an
audit event (who, when, which channel, what changed) and updates the log's duplicate set, all in one transaction.
"""

from __future__ import annotations

import datetime
import functools
import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.utils import timezone

from collect.accounts.models import User
from collect.audit import trail
from collect.audit.models import AuditEvent, Channel
from collect.logs import duplicates, policy
from collect.logs.codec import JSONText, to_json
from collect.logs.context import log_context
from collect.logs.inserting import insert_rows, insert_values
from collect.logs.models import Log, LogKind, LogStatus
from collect.organisations.models import Organisation
from collect.rulebook import Evaluator, Outcome
from collect.standards import calendar
from collect.standards.registry import COLLECTIONS, collection, evaluator

if TYPE_CHECKING:
    from collect.bulkupload.models import BulkUpload
    from collect.bulkupload.report import RowResult


class StaleLogError(Exception):
    """The log was changed by someone else since this change was prepared from it."""


class ClosedLogError(Exception):
    """The log's collection year is past its edit deadline: it can be read but not changed (spec §1)."""


@dataclass(frozen=True)
class SaveResult:
    """A saved log and the rulebook's outcome for it."""

    log: Log
    outcome: Outcome
    changes: dict[str, Any]


def collection_for_new_log(kind: str, today: datetime.date | None = None) -> str:
    """The newest collection year open for new logs today that has a declaration (else the newest declared)."""
    today = today or timezone.localdate()
    years = {c: collection(c).start_year for c in COLLECTIONS if c.startswith(f"{kind}-")}
    open_years = {dates.start_year for dates in calendar.open_for_new_logs(today)}
    newest_first = sorted(years, key=years.__getitem__, reverse=True)
    return next((c for c in newest_first if years[c] in open_years), newest_first[0])


def engine(log: Log) -> Evaluator:
    """The compiled declaration of the log's collection year."""
    return evaluator(log.collection)


def stored_answers(log: Log) -> dict[str, Any]:
    """The log's answers read as the declaration's types."""
    return engine(log).read_answers(log.answers)


def evaluate_answers(
    log: Log, answers: Mapping[str, Any], user: User | None, *, previous: Mapping[str, Any] | None = None
) -> Outcome:
    """What the rulebook says about these answers for this log, without saving anything."""
    context = log_context(log.kind, answers, user, is_new_log=log.pk is None or not log.answers)
    return engine(log).evaluate(answers, context, previous)


def _with_service_steps(log: Log, answers: dict[str, Any]) -> dict[str, Any]:
    """Steps of the standard that need the database (lettings-2026.md §2.1, collect.standards...setup docstring)."""
    from collect.schemes.models import Location, Scheme

    scheme_id = answers.get("scheme_id")
    if scheme_id is not None:
        scheme = Scheme.objects.filter(pk=scheme_id).first()
        owner = answers.get("owning_organisation_id")
        if scheme is None or (owner is not None and scheme.owning_organisation_id != int(owner)):
            answers.pop("scheme_id", None)  # a scheme of another owner no longer applies
            answers.pop("location_id", None)
        elif answers.get("location_id") is None:
            confirmed = list(Location.objects.filter(scheme=scheme, confirmed=True).values_list("pk", flat=True)[:2])
            if len(confirmed) == 1:
                answers["location_id"] = confirmed[0]  # a scheme with one location: that location
    return answers


def typed_columns(answers: Mapping[str, Any]) -> dict[str, Any]:
    """The log's columns that copy answers (for indexes and joins), from its answers."""

    def as_int(key: str) -> int | None:
        value = answers.get(key)
        return value if isinstance(value, int) and not isinstance(value, bool) else None

    columns: dict[str, Any] = {
        "owning_organisation_id": as_int("owning_organisation_id"),
        "managing_organisation_id": as_int("managing_organisation_id"),
        "assigned_to_id": as_int("assigned_to_id"),
        "scheme_id": as_int("scheme_id"),
        "location_id": as_int("location_id"),
        "needstype": as_int("needstype"),
        "ownershipsch": as_int("ownershipsch"),
    }
    for column in ("startdate", "saledate"):
        day = answers.get(column)
        columns[column] = day if isinstance(day, datetime.date) else None
    for column in ("tenancycode", "propcode", "purchid", "postcode_full"):
        value = answers.get(column)
        columns[column] = str(value)[:100] if value is not None else ""
    return columns


_TYPED_COLUMNS = tuple(typed_columns({}))


def _typed_columns(log: Log, answers: Mapping[str, Any]) -> None:
    for column, value in typed_columns(answers).items():
        setattr(log, column, value)


@functools.cache
def _confirmations(collection_id: str) -> tuple[tuple[str, str], ...]:
    """Each soft check of a collection year with the answer that confirms it: (confirm field, check id)."""
    checks = evaluator(collection_id).collection.checks
    return tuple((check.confirm_field, check.id) for check in checks if check.confirm_field)


def check_record(
    collection_id: str, answers: Mapping[str, Any], errors: Iterable[str], warnings: Iterable[str]
) -> dict[str, list[str]]:
    """The checks a log's answers raise and the soft checks they confirm, for the data quality view."""
    confirmed = [check for field, check in _confirmations(collection_id) if answers.get(field) == 0]
    return {"errors": sorted(set(errors)), "warnings": sorted(set(warnings)), "confirmed": sorted(set(confirmed))}


def store_outcome(log: Log, outcome: Outcome) -> None:
    """Put the rulebook's outcome on a log, unsaved: answers, derived values, status, error count, typed columns.

    It also records the checks the answers raise (`Log.checks`, for the data quality view).

    `save_answers` uses it for every save; generated demo logs (collect.demo.generation) use it for bulk inserts.
    """
    log.answers = to_json(outcome.answers)
    log.derived = to_json(engine(log).derived_values(outcome.answers))
    if log.status not in (LogStatus.PENDING, LogStatus.DELETED):
        log.status = str(outcome.status)
    log.error_count = len(outcome.errors)
    log.checks = check_record(
        log.collection, outcome.answers, (i.check_id for i in outcome.errors), (i.check_id for i in outcome.warnings)
    )
    _typed_columns(log, outcome.answers)


@functools.cache
def _labels(collection_id: str) -> dict[str, str]:
    """Each question's label, for the audit trail (worked out once per collection year)."""
    return {q.id: q.label for q in evaluator(collection_id).collection.questions().values()}


def save_answers(
    log: Log,
    changes: Mapping[str, Any],
    user: User | None,
    *,
    channel: Channel = Channel.WEB,
    expected_version: int | None = None,
    action: str = "update",
) -> SaveResult:
    """Apply changes (None clears an answer) to a log and save it with its outcome; the one way logs are written.

    With `expected_version`, a log changed since that version is not overwritten: StaleLogError is raised. A log of a
    collection year past its edit deadline is not changed: ClosedLogError is raised.
    """
    if log.pk and not policy.is_editable(log):
        raise ClosedLogError(f"Log {log.pk} is from a collection year closed for editing")
    with transaction.atomic():
        locked = Log.objects.select_for_update().get(pk=log.pk) if log.pk else log
        if expected_version is not None and locked.version != expected_version:
            raise StaleLogError(f"Log {locked.pk} has changed since version {expected_version}")
        previous = stored_answers(locked) if locked.answers else None
        candidate = {**(previous or {}), **changes}
        candidate = _with_service_steps(locked, {k: v for k, v in candidate.items() if v is not None})
        outcome = evaluate_answers(locked, candidate, user, previous=previous)
        before = to_json(locked.answers)  # amounts read back as Decimals compared as stored
        store_outcome(locked, outcome)
        locked.version += 1
        locked.save()
        after = {key: locked.answers.get(key) for key in sorted(set(before) | set(locked.answers))}
        changed = trail.changes_between(before, after, _labels(locked.collection))
        trail.record(user, action, locked, changes=changed, channel=channel, target_type="log")
        duplicates.update_set(locked, outcome.answers)
    log.__dict__.update({k: v for k, v in locked.__dict__.items() if not k.startswith("_")})
    return SaveResult(locked, outcome, changed)


def create_log(
    user: User,
    kind: str = LogKind.LETTINGS,
    *,
    channel: Channel = Channel.WEB,
    answers: Mapping[str, Any] | None = None,
) -> SaveResult:
    """A new log with the defaults of its creator's role (platform.md §2.3), saved through the write path.

    `answers` (the API's create) are saved with the defaults, over them, in the same save.
    """
    log = Log(kind=kind, collection=collection_for_new_log(kind), created_by=user, created_via=channel)
    log.save()
    defaults: dict[str, Any] = {}
    if not user.is_support:
        organisation = user.organisation
        owner: Organisation | None = organisation if organisation.holds_own_stock else None
        if owner is None:
            owners = list(
                Organisation.objects.filter(managing_agent_links__managing_agent=organisation, active=True)[:2]
            )
            owner = owners[0] if len(owners) == 1 else None
        defaults = {
            "owning_organisation_id": owner.pk if owner else None,
            "managing_organisation_id": organisation.pk,
            "assigned_to_id": user.pk,
        }
    return save_answers(log, {**defaults, **(answers or {})}, user, channel=channel, action="create")


def delete_logs(logs: Iterable[Log], user: User | None, *, channel: Channel = Channel.WEB) -> list[Log]:
    """Soft-delete logs (platform.md §4.5): each gets status deleted, a deletion time and no duplicate key.

    Deleted logs leave every list and duplicate set (a set left with one log is no set), stay in the database for
    the exports, and each deletion is recorded in the audit trail. Logs already deleted are left alone. Returns the
    logs deleted.
    """
    ids = [log.pk for log in logs]
    with transaction.atomic():
        locked = list(Log.objects.select_for_update().filter(pk__in=ids).exclude(status=LogStatus.DELETED))
        now = timezone.now()
        for log in locked:
            before = {"status": log.status, "deleted_at": None}
            log.status = LogStatus.DELETED
            log.deleted_at = now
            log.duplicate_key = ""
            log.version += 1
            log.save(update_fields=("status", "deleted_at", "duplicate_key", "version", "updated_at"))
            after = {"status": str(log.status), "deleted_at": now.isoformat()}
            changes = trail.changes_between(before, after, {"status": "Status", "deleted_at": "Deleted at"})
            trail.record(user, "delete", log, changes=changes, channel=channel, target_type="log")
    return locked


# Bulk uploads: many logs written at once, still one path (platform.md §5.2–§5.3).


def _events(user: User | None, action: str, log_ids: Iterable[int], note: str, changes: dict[str, Any]) -> None:
    """One audit event per log, inserted together (the bulk version of `trail.record`)."""
    actor = user if user is not None and user.is_authenticated else None
    name = actor.name if actor else "System"
    insert_rows(
        [
            AuditEvent(
                actor=actor,
                actor_name=name,
                channel=Channel.BULK_UPLOAD,
                action=action,
                target_type="log",
                target_id=pk,
                target_repr=f"Log {pk}",
                changes=changes,
                note=note[:500],
            )
            for pk in log_ids
        ]
    )


def _error_count(row: RowResult) -> int:
    """The hard errors the rulebook finds in a row's saved answers (the engine's `hard_errors`, when it gives it)."""
    found = getattr(row, "hard_errors", None)
    if isinstance(found, int):
        return found
    return len(found) if found is not None else 0


@functools.cache
def _probe(kind: str, collection_id: str) -> Log:
    """An unsaved log of a kind and year, which is all a duplicate key needs besides the answers."""
    return Log(kind=kind, collection=collection_id)


def _row_checks(collection_id: str, row: RowResult) -> dict[str, list[str]]:
    """The checks a bulk upload row raises (its errors' check ids), as `check_record` gives them."""
    from collect.rulebook.template import Category

    soft = [e.check for e in row.errors if e.category == Category.SOFT]
    hard = [e.check for e in row.errors if e.category != Category.SOFT]
    return check_record(collection_id, row.answers, hard, soft)


def prepare_pending(kind: str, collection_id: str, row: RowResult) -> None:
    """Work out the columns of a checked row's pending log (`row.stored`), then drop its answers from the row.

    Bulk upload calls it in the processes that check the rows, so the job itself only inserts the logs.
    """
    answers = to_json(row.answers)
    derived = getattr(row, "derived", None)
    if derived is None:
        derived = evaluator(collection_id).derived_values(row.answers)
    row.stored = {
        "answers": JSONText(json.dumps(answers)),
        "derived": JSONText(json.dumps({k: answers[k] for k in derived if k in answers})),
        "status_cache": str(row.status),
        "error_count": _error_count(row),
        "duplicate_key": duplicates.duplicate_key(_probe(kind, collection_id), row.answers),
        "checks": JSONText(json.dumps(_row_checks(collection_id, row))),
        **typed_columns(row.answers),
    }
    row.answers, row.derived = {}, {}


def write_pending_logs(upload: BulkUpload, rows: Iterable[RowResult], user: User | None) -> list[int]:
    """Insert a log pending the uploader's choice for each row (prepared by `prepare_pending`); give their ids.

    Pending logs are seen by no one, so a job writes them as it checks a file's rows; `announce_pending` records
    them in the audit trail once the job has finished, and `discard_pending` removes them if it does not finish.
    """
    common = {
        "kind": upload.kind,
        "collection": upload.collection,
        "status": LogStatus.PENDING,
        "created_by_id": user.pk if user is not None else None,
        "created_via": Channel.BULK_UPLOAD,
        "bulk_upload_id": upload.pk,
    }
    found = []
    for row in rows:
        if row.stored is None:
            prepare_pending(upload.kind, upload.collection, row)
        found.append({**common, **(row.stored or {})})
    return insert_values(Log, found)


def announce_pending(upload: BulkUpload, log_ids: Iterable[int], user: User | None) -> None:
    """Record the creation of an upload's pending logs in the audit trail."""
    change = {"bulk_upload": {"label": "Bulk upload", "from": None, "to": str(upload.uuid)}}
    _events(user, "create", log_ids, f"From {upload.filename}", change)


def remove_unannounced(upload: BulkUpload) -> int:
    """Remove the pending logs a job wrote for a file that creates no logs (never announced, never seen)."""
    deleted, _ = Log.objects.filter(bulk_upload=upload, status=LogStatus.PENDING).delete()
    return deleted


def release_pending(upload: BulkUpload, user: User | None) -> int:
    """Make an upload's pending logs visible with their real status; returns how many were released."""
    with transaction.atomic():
        pending = Log.objects.select_for_update().filter(bulk_upload=upload, status=LogStatus.PENDING)
        logs = list(pending.only("pk", "kind", "collection", "status_cache"))
        for status in {log.status_cache for log in logs}:
            pending.filter(status_cache=status).update(status=status or LogStatus.IN_PROGRESS, status_cache="")
        change = {"status": {"label": "Status", "from": str(LogStatus.PENDING), "to": "released"}}
        _events(user, "release", [log.pk for log in logs], f"From {upload.filename}", change)
    return len(logs)


# Pending logs whose warnings are confirmed together (one transaction each).
CONFIRM_BATCH = 500
_STORED_COLUMNS = ("answers", "derived", "status_cache", "error_count", "version", "updated_at")


def confirm_pending_warnings(
    upload: BulkUpload, user: User | None, context_for: Callable[[Mapping[str, Any]], Any]
) -> int:
    """Confirm every soft warning of an upload's pending logs (each confirm answer set to 0); give how many changed.

    Each log is evaluated as the write path evaluates a save, with the context `context_for` gives its answers (the
    one its row was checked with), and stored with its new status, a batch at a time, with an audit event each. A log
    with nothing left to confirm is not changed, so running it again changes nothing.
    """
    pending = Log.objects.filter(bulk_upload=upload, status=LogStatus.PENDING).order_by("pk")
    labels, confirmed, last = _labels(upload.collection), 0, 0
    while batch := list(pending.filter(pk__gt=last)[:CONFIRM_BATCH]):
        last = batch[-1].pk
        changed: list[tuple[Log, dict[str, Any]]] = []
        for log in batch:
            answers = stored_answers(log)
            compiled = engine(log)
            outcome = compiled.evaluate(answers, context_for(answers))
            confirms = {w.confirm_field: 0 for w in outcome.warnings if w.confirm_field}
            if not confirms:
                continue
            before = to_json(log.answers)
            outcome = compiled.evaluate({**answers, **confirms}, context_for(answers))
            store_outcome(log, outcome)
            log.status_cache, log.version, log.updated_at = str(outcome.status), log.version + 1, timezone.now()
            changed.append((log, trail.changes_between(before, dict(log.answers), labels)))
        with transaction.atomic():
            Log.objects.bulk_update([log for log, _ in changed], [*_STORED_COLUMNS, *_TYPED_COLUMNS])
            _each_event(user, "confirm warnings", changed, f"From {upload.filename}")
        confirmed += len(changed)
    return confirmed


def _each_event(user: User | None, action: str, logs: list[tuple[Log, dict[str, Any]]], note: str) -> None:
    """One audit event per log with its own changes (the bulk version of `trail.record`)."""
    actor = user if user is not None and user.is_authenticated else None
    insert_rows(
        [
            AuditEvent(
                actor=actor,
                actor_name=actor.name if actor else "System",
                channel=Channel.BULK_UPLOAD,
                action=action,
                target_type="log",
                target_id=log.pk,
                target_repr=f"Log {log.pk}",
                changes=changes,
                note=note[:500],
            )
            for log, changes in logs
        ]
    )


def discard_pending(upload: BulkUpload, user: User | None = None) -> int:
    """Remove the pending logs of an upload (replaced by a corrected file, or written again by a re-run job).

    They were never visible, so they are removed rather than marked deleted; the audit trail records it.
    """
    with transaction.atomic():
        pending = Log.objects.filter(bulk_upload=upload, status=LogStatus.PENDING)
        logs = list(pending.only("pk"))
        if logs:
            _events(user, "discard", [log.pk for log in logs], f"From {upload.filename}", {})
            pending.delete()
    return len(logs)
