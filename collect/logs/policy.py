"""Who may see and change which logs (platform.md §1.2–§1.3)."""

from __future__ import annotations

import datetime

from django.db.models import Q
from django.http import Http404
from django.utils import timezone

from collect.accounts.models import User
from collect.logs import duplicates
from collect.logs.models import VISIBLE_STATUSES, Log, LogKind, LogQuerySet
from collect.organisations.models import Organisation
from collect.standards import calendar
from collect.standards.registry import collection as declaration


def logs_in_scope(user: User, kind: str) -> LogQuerySet:
    """The logs of a kind this person may see (pending and deleted ones too; lists use `.visible()`).

    Support sees all; others the logs their organisation (or one it absorbed) owns or manages, and the logs they
    created that have no organisation yet.
    """
    logs = Log.objects.filter(kind=kind)
    if user.is_support:
        return logs
    ids = [
        user.organisation_id,
        *Organisation.objects.filter(absorbing_organisation_id=user.organisation_id).values_list("pk", flat=True),
    ]
    return logs.filter(
        Q(owning_organisation_id__in=ids)
        | Q(managing_organisation_id__in=ids)
        | Q(owning_organisation__isnull=True, managing_organisation__isnull=True, created_by=user)
    )


def log_for(user: User, kind: str, pk: int) -> Log:
    """A visible log in this person's scope, or 404 (outside the scope a log does not exist for them)."""
    log = logs_in_scope(user, kind).visible().filter(pk=pk).first()
    if log is None:
        raise Http404("No such log")
    return log


def collection_year(log: Log) -> int:
    """The start year of the log's collection year: its tenancy start or sale date's, else its declaration's."""
    day = log.saledate if log.kind == LogKind.SALES else log.startdate
    if day:
        return calendar.collection_start_year(day)
    return declaration(log.collection).start_year


def is_editable(log: Log) -> bool:
    """Whether the log's collection year is still open for editing today (spec §1): else it is read-only."""
    return timezone.localdate() <= calendar.dates_for(collection_year(log)).edit_end


def can_delete(user: User, log: Log) -> bool:
    """Whether this person may delete a visible log in their scope (platform.md §1.3, §4.5).

    Support and coordinators may delete any; providers only the logs assigned to them. Only while the log can still
    be changed: deleting is changing, so the edit deadline governs it (ADR-019), not the end of new logs as in the
    national service (gap G8).
    """
    if log.status not in VISIBLE_STATUSES or not is_editable(log):
        return False
    return user.is_support or user.is_data_coordinator or log.assigned_to_id == user.pk


def in_editable_years(logs: LogQuerySet, today: datetime.date | None = None) -> LogQuerySet:
    """The logs whose collection year can still be changed today (a log without its date counts as new)."""
    start = calendar.earliest_open_for_editing_start(today or timezone.localdate())
    return logs.filter(
        Q(startdate__gte=start) | Q(saledate__gte=start) | Q(startdate__isnull=True, saledate__isnull=True)
    )


def duplicate_sets_for(user: User, kind: str) -> list[str]:
    """The duplicate sets this person reviews (platform.md §1.3, §4.4), as duplicate keys.

    Sets of visible logs in their scope, in collection years still open for changes; a data provider reviews only
    the sets holding a log assigned to them.
    """
    in_scope = in_editable_years(logs_in_scope(user, kind).visible())
    if not (user.is_support or user.is_data_coordinator):
        mine = in_scope.filter(assigned_to=user).exclude(duplicate_key="").values("duplicate_key")
        in_scope = in_scope.filter(duplicate_key__in=mine)
    return duplicates.duplicate_sets(in_scope)


def can_review_duplicates(user: User, logs: list[Log]) -> bool:
    """Whether this person may review a set of duplicate logs: a data provider only one with a log of theirs."""
    return user.is_support or user.is_data_coordinator or any(log.assigned_to_id == user.pk for log in logs)
