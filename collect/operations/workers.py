"""Background task workers that pick up again the tasks of workers that died.

django-tasks' database worker marks a task running when it claims it; if the worker is killed (out of memory, a
deploy, a crash), the task stays running for ever and its job never reaches an outcome. `manage.py worker` runs the
same worker with an id that names its host and process, and before it starts it puts back in the queue every
running task whose worker on this host no longer exists. Every job of the service is idempotent (a re-run leaves
no duplicate or partial data), so running such a task again is safe.
"""

from __future__ import annotations

import os
import socket

from django.db import transaction
from django.utils.crypto import get_random_string
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

# A worker id: host, process id and a random part (the process id of a dead worker may be reused).
SEPARATOR = ":"


def _host() -> str:
    return socket.gethostname()[:40]


def new_worker_id() -> str:
    """An id for a worker of this process on this host."""
    return SEPARATOR.join((_host(), str(os.getpid()), get_random_string(8)))


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process
    return True


def _dead_here(worker_id: str) -> bool:
    """Whether a worker id names a worker of this host whose process has ended."""
    parts = worker_id.split(SEPARATOR)
    if len(parts) < 3 or SEPARATOR.join(parts[:-2]) != _host() or not parts[-2].isdecimal():
        return False  # another host's worker (or not one of ours): its own host recovers its tasks
    pid = int(parts[-2])
    return pid != os.getpid() and not _alive(pid)


def requeue_abandoned() -> int:
    """Put back in the queue the running tasks of workers on this host that have died; give how many."""
    with transaction.atomic():
        running = DBTaskResult.objects.select_for_update().filter(status=TaskResultStatus.RUNNING)
        abandoned = [t.pk for t in running if t.worker_ids and _dead_here(str(t.worker_ids[-1]))]
        if abandoned:
            DBTaskResult.objects.filter(pk__in=abandoned).update(status=TaskResultStatus.READY, started_at=None)
    return len(abandoned)
