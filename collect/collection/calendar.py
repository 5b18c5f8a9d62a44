"""The service's collection calendar: the department's dates, editable by support.

Everything that depends on dates reads it: start-date limits, read-only logs, the years bulk upload offers,
deadlines and reminders.

The rulebook stays pure: `install` points `collect.standards.calendar` at `stored_years`, so the rulebook's own
functions (`open_for_new_logs`, `earliest_open_start`...) read these dates in the service and the standard's
defaults elsewhere (the command-line checker). The table is read once per request or task and again after a change.
"""

from __future__ import annotations

import datetime
import threading
from collections.abc import Mapping
from typing import Any

from django.core.signals import request_started
from django.db import DatabaseError, transaction
from django_tasks.signals import task_started

from collect.accounts.models import User
from collect.audit import trail
from collect.collection.models import CollectionYear
from collect.standards import calendar
from collect.standards.calendar import CollectionDates

EDITABLE_FIELDS = (
    "submission_deadline",
    "new_logs_end",
    "edit_end",
    "q1_cutoff",
    "q2_cutoff",
    "q3_cutoff",
    "q4_cutoff",
    "reminder_days_before",
    "overdue_days_after",
    "resources_released",
)

_cache = threading.local()


def as_dates(year: CollectionYear) -> CollectionDates:
    """A stored year as the rulebook's dates."""
    return CollectionDates(year.start_year, year.submission_deadline, year.new_logs_end, year.edit_end, year.cutoffs)


def stored_years() -> Mapping[int, CollectionDates]:
    """Every stored collection year's dates, read once until `forget` (the defaults if the table cannot be read)."""
    found: dict[int, CollectionDates] | None = getattr(_cache, "years", None)
    if found is None:
        try:
            found = {year.start_year: as_dates(year) for year in CollectionYear.objects.all()}
        except DatabaseError:  # not migrated yet (the first migrate reads dates before the table exists)
            return calendar.KNOWN_YEARS
        _cache.years = found
    return found


def forget(**_: Any) -> None:
    """Read the table again at the next use (at each request and task, and after a change)."""
    _cache.years = None


def install() -> None:
    """Make the service's calendar the one `collect.standards.calendar` reads."""
    calendar.use_source(stored_years)
    request_started.connect(forget, dispatch_uid="collection_calendar_request")
    task_started.connect(forget, dispatch_uid="collection_calendar_task")


def seed_defaults(years: list[int] | None = None) -> list[CollectionYear]:
    """Store the standard's dates for the years that have none yet (all known years by default); idempotent."""
    created = []
    for start_year in years or sorted(calendar.KNOWN_YEARS):
        dates = calendar.default_dates(start_year)
        values = {**default_values(dates), "resources_released": True}
        year, made = CollectionYear.objects.get_or_create(start_year=start_year, defaults=values)
        if made:
            created.append(year)
    forget()
    return created


def default_values(dates: CollectionDates) -> dict[str, Any]:
    """A year's field values from the standard's dates."""
    cutoffs = [*dates.quarterly_cutoffs, None, None, None, None][:4]
    return {
        "submission_deadline": dates.submission_deadline,
        "new_logs_end": dates.new_logs_end,
        "edit_end": dates.edit_end,
        **{f"q{n}_cutoff": day for n, day in enumerate(cutoffs, start=1)},
    }


def add_year(actor: User, start_year: int) -> CollectionYear:
    """Add a collection year with the standard's dates for it (support then changes them)."""
    with transaction.atomic():
        year = CollectionYear.objects.create(
            start_year=start_year, **default_values(calendar.default_dates(start_year))
        )
        changes = trail.changes_between({}, trail.snapshot(year, EDITABLE_FIELDS), trail.field_labels(CollectionYear))
        trail.record(actor, "created", year, changes=changes)
    forget()
    return year


def update_year(actor: User, year: CollectionYear, values: Mapping[str, Any]) -> CollectionYear:
    """Change a year's dates (support); recorded in the audit trail. Reminder rounds follow the new cut-offs."""
    from collect.collection import reminders

    with transaction.atomic():
        before = trail.snapshot(year, EDITABLE_FIELDS)
        for name in EDITABLE_FIELDS:
            if name in values:
                setattr(year, name, values[name])
        year.save()
        changes = trail.changes_between(
            before, trail.snapshot(year, EDITABLE_FIELDS), trail.field_labels(CollectionYear)
        )
        if changes:
            trail.record(actor, "updated", year, changes=changes)
        forget()
        reminders.plan_rounds(year.start_year)
    transaction.on_commit(forget)
    return year


def validate_order(values: Mapping[str, Any], start_year: int) -> dict[str, str]:
    """Messages for dates out of order: each field's message, as the form shows them."""
    errors: dict[str, str] = {}
    start = datetime.date(start_year, 4, 1)
    new_logs_end, edit_end = values.get("new_logs_end"), values.get("edit_end")
    deadline = values.get("submission_deadline")
    if deadline and deadline <= start:
        errors["submission_deadline"] = "The end of year deadline must be after the year starts (1 April)"
    if new_logs_end and deadline and new_logs_end < deadline:
        errors["new_logs_end"] = "The last day for new logs must be on or after the end of year deadline"
    if edit_end and new_logs_end and edit_end < new_logs_end:
        errors["edit_end"] = "The last day to change logs must be on or after the last day for new logs"
    cutoffs = [(n, values.get(f"q{n}_cutoff")) for n in (1, 2, 3, 4)]
    given = [(n, day) for n, day in cutoffs if day]
    if given and len(given) != len(cutoffs):
        missing = next(n for n, day in cutoffs if not day)
        errors[f"q{missing}_cutoff"] = f"Enter the quarter {missing} cut-off, or leave every quarterly cut-off blank"
    previous = start
    for n, day in given:
        quarter_start = datetime.date(start_year + (n == 4), (4, 7, 10, 1)[n - 1], 1)
        if day < quarter_start or day < previous:
            errors[f"q{n}_cutoff"] = (
                f"The quarter {n} cut-off must be after the quarter starts and after the one before"
            )
        previous = day
    return errors
