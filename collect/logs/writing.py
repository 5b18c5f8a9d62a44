"""The one write path: every change to a log, from a page, a file row or an API call, goes through `save_answers`.

It runs the rulebook, stores the answers, derived values and status, keeps the typed columns in step, records an
audit event (who, when, which channel, what changed) and updates the log's duplicate set, all in one transaction.
"""

from __future__ import annotations

import datetime
import functools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils import timezone

from collect.accounts.models import User
from collect.audit import trail
from collect.audit.models import Channel
from collect.logs import duplicates, policy
from collect.logs.codec import to_json
from collect.logs.context import log_context
from collect.logs.models import Log, LogKind, LogStatus
from collect.organisations.models import Organisation
from collect.rulebook import Evaluator, Outcome
from collect.standards import calendar
from collect.standards.registry import COLLECTIONS, collection, evaluator


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


def _typed_columns(log: Log, answers: Mapping[str, Any]) -> None:
    def as_int(key: str) -> int | None:
        value = answers.get(key)
        return value if isinstance(value, int) and not isinstance(value, bool) else None

    log.owning_organisation_id = as_int("owning_organisation_id")
    log.managing_organisation_id = as_int("managing_organisation_id")
    log.assigned_to_id = as_int("assigned_to_id")
    log.scheme_id = as_int("scheme_id")
    log.location_id = as_int("location_id")
    log.needstype = as_int("needstype")
    log.ownershipsch = as_int("ownershipsch")
    for column in ("startdate", "saledate"):
        day = answers.get(column)
        setattr(log, column, day if isinstance(day, datetime.date) else None)
    for column in ("tenancycode", "propcode", "purchid", "postcode_full"):
        value = answers.get(column)
        setattr(log, column, str(value)[:100] if value is not None else "")


def store_outcome(log: Log, outcome: Outcome) -> None:
    """Put the rulebook's outcome on a log, unsaved: answers, derived values, status, error count, typed columns.

    `save_answers` uses it for every save; generated demo logs (collect.demo.generation) use it for bulk inserts.
    """
    log.answers = to_json(outcome.answers)
    log.derived = to_json(engine(log).derived_values(outcome.answers))
    if log.status not in (LogStatus.PENDING, LogStatus.DELETED):
        log.status = str(outcome.status)
    log.error_count = len(outcome.errors)
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


def create_log(user: User, kind: str = LogKind.LETTINGS, *, channel: Channel = Channel.WEB) -> SaveResult:
    """A new log with the defaults of its creator's role (platform.md §2.3), saved through the write path."""
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
    return save_answers(log, defaults, user, channel=channel, action="create")


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
