"""The collection's daily job: send the reminder rounds and digests due today, then queue tomorrow's run.

`bin/run` calls `manage.py collection_jobs --schedule`, which queues the job (and the refresh of the completeness
summary every few minutes) unless one is already waiting; each run queues the next before it starts, so one failure
stops nothing.
"""

from __future__ import annotations

import datetime

from django.utils import timezone
from django_tasks import task

from collect.collection import completeness, digest, reminders

DAILY_AT = datetime.time(7, 0)  # London time, before the working day
REFRESH_EVERY = datetime.timedelta(minutes=10)  # the completeness summary


def next_run(now: datetime.datetime) -> datetime.datetime:
    """When the next daily job runs: the next DAILY_AT, London time."""
    local = timezone.localtime(now)
    candidate = local.replace(hour=DAILY_AT.hour, minute=DAILY_AT.minute, second=0, microsecond=0)
    if candidate <= local:
        candidate = (local + datetime.timedelta(days=1)).replace(
            hour=DAILY_AT.hour, minute=DAILY_AT.minute, second=0, microsecond=0
        )
    return candidate


def run_today(today: datetime.date | None = None) -> dict[str, int]:
    """Send what is due today: reminder rounds, then digests. Safe to run more than once a day."""
    today = today or timezone.localdate()
    return {"reminders": reminders.run_due_rounds(today), "digests": digest.send_digests(today)}


@task()
def daily_collection_jobs() -> dict[str, int]:
    """The daily job; it queues tomorrow's first."""
    schedule_daily(force=True)
    return run_today()


def schedule_daily(*, force: bool = False) -> bool:
    """Queue the next daily job unless one is already waiting; returns whether one was queued."""
    if not force and _waiting(daily_collection_jobs.module_path):
        return False
    daily_collection_jobs.using(run_after=next_run(timezone.now())).enqueue()
    return True


@task()
def refresh_completeness() -> None:
    """Work out the completeness summary of the open years again; it queues the next run first."""
    schedule_refresh(force=True)
    completeness.refresh_open_years(timezone.localdate())


def schedule_refresh(*, force: bool = False) -> bool:
    """Queue the next refresh of the completeness summary unless one is waiting; returns whether one was queued."""
    if not force and _waiting(refresh_completeness.module_path):
        return False
    refresh_completeness.using(run_after=timezone.now() + REFRESH_EVERY).enqueue()
    return True


def _waiting(path: str) -> bool:
    try:
        from django_tasks_db.models import DBTaskResult
    except ImportError:  # another backend: it keeps its own schedule
        return False
    from django_tasks.base import TaskResultStatus

    return DBTaskResult.objects.filter(task_path=path, status=TaskResultStatus.READY).exists()
