"""A worker starting up puts back in the queue the tasks of dead workers on its host, and only those."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from collect.operations import workers

pytestmark = pytest.mark.django_db


def _running(worker_id: str) -> DBTaskResult:
    return DBTaskResult.objects.create(
        status=TaskResultStatus.RUNNING,
        args_kwargs={"args": [], "kwargs": {}},
        task_path="collect.bulkupload.tasks.process_upload",
        worker_ids=[worker_id],
        backend_name="default",
        run_after=timezone.now(),
        started_at=timezone.now(),
    )


def _dead_pid() -> int:
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


def test_only_the_tasks_of_dead_workers_on_this_host_go_back_in_the_queue():
    host = workers._host()
    dead = _running(f"{host}:{_dead_pid()}:abcdefgh")
    alive = _running(f"{host}:{os.getppid()}:abcdefgh")
    elsewhere = _running(f"another-host:{_dead_pid()}:abcdefgh")
    unknown = _running("a-random-id-of-another-kind")
    assert workers.requeue_abandoned() == 1
    statuses = {t.pk: t.status for t in DBTaskResult.objects.all()}
    assert statuses[dead.pk] == TaskResultStatus.READY
    assert {statuses[t.pk] for t in (alive, elsewhere, unknown)} == {TaskResultStatus.RUNNING}
    assert workers.requeue_abandoned() == 0


def test_worker_ids_name_the_host_and_process():
    host, pid, _ = workers.new_worker_id().rsplit(":", 2)
    assert (host, int(pid)) == (workers._host(), os.getpid())
