"""A task worker killed at random points during a job, then restarted, again and again: nothing lost or doubled.

Each test sets up a service of its own (a database file for SQLite, a new database on the PostgreSQL server when the
tests run on PostgreSQL), queues a real job, then twenty times starts `manage.py worker` and kills it (SIGKILL, no
chance to clean up) after a random moment; then lets a worker finish. The job must reach its outcome exactly as if
nothing had happened. Kills land in start-up, in checking, in writing and after the end, as chance has it.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]
ROUNDS = 20
pytestmark = pytest.mark.django_db

SET_UP_UPLOAD = """
from django.core.files.base import ContentFile
from collect.accounts.models import Role, User
from collect.bulkupload import files
from collect.bulkupload.models import BulkUpload
from collect.bulkupload.tasks import process_upload
from collect.organisations.actions import accept_data_sharing_agreement
from collect.organisations.models import Organisation
from collect.refdata.models import LocalAuthority
from tests.bulkupload.service.conftest import complete
LocalAuthority.objects.get_or_create(code="E08000035", defaults={"name": "Leeds", "start_year": 2021})
org = Organisation.objects.create(name="Fault Homes", holds_own_stock=True, provider_type=2)
user = User.objects.create_user(email="faults@example.com", name="Fault", password=None, role=Role.DATA_COORDINATOR,
                                organisation=org, is_dpo=True)
accept_data_sharing_agreement(user, org)
rows = [files.cells_for("lettings-2026", complete(org, user, tenancycode=f"T{n:04d}"), {3: user.email})
        for n in range(ROWS)]
data = files.to_csv(list(files.table_rows("lettings-2026", rows)))
upload = BulkUpload(kind="lettings", collection="lettings-2026", uploaded_by=user, organisation=org,
                    filename="logs.csv", size=len(data))
upload.file.save("logs.csv", ContentFile(data), save=False)
upload.save()
process_upload.enqueue(upload.pk)
print(upload.pk)
"""

OUTCOME = """
from collect.bulkupload.models import BulkUpload
from collect.logs.models import Log
from django_tasks_db.models import DBTaskResult
upload = BulkUpload.objects.get()
logs = Log.objects.filter(bulk_upload=upload)
codes = list(logs.values_list("tenancycode", flat=True))
tasks = DBTaskResult.objects.filter(task_path__endswith="process_upload")
print(upload.status, upload.logs_created, len(codes), len(set(codes)), Log.objects.count(),
      sorted(set(logs.values_list("status", flat=True))), sorted(tasks.values_list("status", flat=True)),
      max(len(task.worker_ids) for task in tasks))
"""


def _service(tmp_path: Path) -> dict[str, str]:
    """The environment of a service of this test's own, migrated."""
    if connection.vendor == "postgresql":
        import psycopg

        settings = connection.settings_dict
        base = f"postgres://{settings['USER']}@{settings['HOST']}:{settings['PORT']}"
        with psycopg.connect(f"{base}/postgres", autocommit=True) as server:
            server.execute('DROP DATABASE IF EXISTS "collect_faults" WITH (FORCE)')
            server.execute('CREATE DATABASE "collect_faults"')
        url = f"{base}/collect_faults"
    else:
        url = f"sqlite:///{tmp_path / 'faults.sqlite3'}"
    env = {**os.environ, "DATABASE_URL": url, "COLLECT_VAR_DIR": str(tmp_path / "var"), "COLLECT_EMAIL_BACKEND": "file"}
    env.pop("COLLECT_TASK_BACKEND", None)  # the database queue, as in production
    _manage(env, "migrate", "--noinput", "-v", "0")
    return env


def _manage(env: dict[str, str], *args: str) -> str:
    result = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout.strip().splitlines()[-1] if result.stdout.strip() else ""


def _worker(env: dict[str, str]) -> subprocess.Popen[bytes]:
    command = [sys.executable, "manage.py", "worker", "--batch", "--no-startup-delay", "--interval", "0.1"]
    return subprocess.Popen(
        [*command, "--no-reload"], cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )


class Probe:
    """Reads the state of the service's job straight from its database (not through this test's connection)."""

    def __init__(self, database_url: str) -> None:
        self.url = database_url

    def query(self, sql: str) -> list[tuple[object, ...]]:
        if self.url.startswith("sqlite"):
            import sqlite3

            with sqlite3.connect(self.url.removeprefix("sqlite:///"), timeout=30) as db:
                return list(db.execute(sql))
        import psycopg

        with psycopg.connect(self.url, autocommit=True) as db:
            return list(db.execute(sql))

    def running_for(self, pid: int, sql: str) -> list[tuple[object, ...]]:
        """The rows of `sql` (which names the running task `t`) while worker `pid` runs the task."""
        return [row[1:] for row in self.query(sql) if f":{pid}:" in str(row[0])]


def kill_and_restart(env: dict[str, str], when: Callable[[int], Callable[[int], bool]]) -> list[str]:
    """ROUNDS times: start a worker and kill it (SIGKILL) once `when(round)(pid)` holds; then let one worker finish.

    Gives what each round saw. A worker that ends before its moment comes (nothing left to do) just ends.
    """
    seen = []
    for number in range(ROUNDS):
        worker, moment = _worker(env), when(number)
        while worker.poll() is None and not moment(worker.pid):
            time.sleep(0.02)
        if worker.poll() is None:
            worker.send_signal(signal.SIGKILL)
            worker.wait()
            seen.append("killed")
        else:
            seen.append(f"ended by itself ({worker.returncode})")
    finisher = _worker(env)
    assert finisher.wait(timeout=300) == 0
    return seen


def test_a_bulk_upload_killed_twenty_times_creates_each_log_once(tmp_path):
    env = _service(tmp_path)
    _manage(env, "shell", "-c", "ROWS = 1000\n" + SET_UP_UPLOAD)
    probe, rng = Probe(env["DATABASE_URL"]), random.Random(7)

    def when(number: int) -> Callable[[int], bool]:
        """A random point of the job: after so many rows are checked, or (the last rounds) once all are."""
        share = 1.0 if number >= ROUNDS - 3 else rng.random()
        sql = (
            "SELECT t.worker_ids, u.rows_checked, u.total_rows FROM django_tasks_database_dbtaskresult t,"
            " bulkupload_bulkupload u WHERE t.status = 'RUNNING' AND u.started_at >= t.started_at"
        )

        def reached(pid: int) -> bool:
            return any(
                int(total) and int(checked) >= share * int(total) for checked, total in probe.running_for(pid, sql)
            )

        return reached

    started = time.monotonic()
    seen = kill_and_restart(env, when)
    *outcome, claims = _manage(env, "shell", "-c", OUTCOME).rsplit(" ", 1)
    assert outcome == ["success 1000 1000 1000 1000 ['completed'] ['SUCCESSFUL']"], (outcome, seen)
    assert seen.count("killed") >= ROUNDS - 3, seen
    assert int(claims) > ROUNDS / 2, seen  # workers were killed while running the job, which was picked up again
    assert time.monotonic() - started < 600


def _after_claim(
    probe: Probe, task_path: str, rng: random.Random, longest: float
) -> Callable[[int], Callable[[int], bool]]:
    """Kill moments a random time (up to `longest` seconds) after a worker claims the task named by `task_path`."""
    table = "django_tasks_database_dbtaskresult"
    sql = f"SELECT t.worker_ids FROM {table} t WHERE t.status = 'RUNNING' AND t.task_path LIKE '%{task_path}'"

    def when(number: int) -> Callable[[int], bool]:
        delay, claimed = rng.uniform(0, longest), [0.0]

        def reached(pid: int) -> bool:
            if not claimed[0] and probe.running_for(pid, sql):
                claimed[0] = time.monotonic()
            return bool(claimed[0]) and time.monotonic() - claimed[0] >= delay

        return reached

    return when


SET_UP_LOGS = """
from collect.accounts.models import User
support = User.objects.get(email="support@example.com")
print(support.pk)
"""

DOWNLOAD = """
from collect.accounts.models import User
from collect.exports.downloads import make_download
from collect.exports.models import Download
support = User.objects.get(email="support@example.com")
download = Download.objects.create(requested_by=support, organisation=support.organisation, kind="lettings", year=2026,
                                   codes=True, support_columns=True)
make_download.enqueue(download.pk)
"""

DOWNLOAD_OUTCOME = """
import csv, io
from django.core.files.storage import default_storage
from collect.exports.models import Download
from collect.logs.models import Log
from django_tasks_db.models import DBTaskResult
download = Download.objects.get()
with default_storage.open(download.file_name, "rb") as file:
    rows = list(csv.reader(io.StringIO(file.read().decode("utf-8-sig"))))[2:]
ids = [row[0] for row in rows]
tasks = DBTaskResult.objects.filter(task_path__endswith="make_download")
print(download.status, download.rows == len(ids) == len(set(ids)) == Log.objects.filter(kind="lettings").count(),
      sorted(tasks.values_list("status", flat=True)), max(len(t.worker_ids) for t in tasks))
"""


def test_a_download_killed_twenty_times_is_made_once_with_every_log(tmp_path):
    env = _service(tmp_path)
    _manage(env, "load_demo_data")
    _manage(env, "generate_logs", "--count", "6000", "--jobs", "1")
    _manage(env, "shell", "-c", DOWNLOAD)
    when = _after_claim(Probe(env["DATABASE_URL"]), "make_download", random.Random(11), 0.25)
    seen = kill_and_restart(env, when)
    *outcome, claims = _manage(env, "shell", "-c", DOWNLOAD_OUTCOME).rsplit(" ", 1)
    assert outcome == ["ready True ['SUCCESSFUL']"], (outcome, seen)
    assert int(claims) > 1, seen  # killed while making the file at least once, then picked up again


EXPORT_OUTCOME = """
from collect.exports.models import ExportRun
from collect.logs.models import Log
done = ExportRun.objects.filter(collection="lettings", year=2026, status="succeeded")
logs = Log.objects.filter(kind="lettings", collection="lettings-2026").count()
print(done.count() >= 1, all(run.records == logs for run in done))
"""


def test_a_statistics_export_killed_twenty_times_sends_every_log_once(tmp_path):
    env = _service(tmp_path)
    _manage(env, "load_demo_data")
    _manage(env, "generate_logs", "--count", "3000", "--jobs", "1")
    _manage(env, "shell", "-c", "from collect.exports.statistics import export_now\nexport_now.enqueue(full=True)")
    when = _after_claim(Probe(env["DATABASE_URL"]), "export_now", random.Random(13), 0.5)
    seen = kill_and_restart(env, when)
    # Every run that succeeded holds every log once. A kill after the lettings part finished but before the job did
    # means the job runs again and sends a second whole full export (the next base number): the newest full counts.
    assert _manage(env, "shell", "-c", EXPORT_OUTCOME) == "True True", seen


SET_UP_MERGE = """
import datetime
from collect.accounts.models import Role, User
from collect.logs.models import Log
from collect.organisations.merging import process_merge
from collect.organisations.models import MergeRequest, MergeStatus, Organisation, OrganisationRelationship
absorbing = Organisation.objects.create(name="Big Homes", holds_own_stock=True, provider_type=2)
small = Organisation.objects.create(name="Small Homes", holds_own_stock=True, provider_type=2)
owner = Organisation.objects.create(name="Owner Council", holds_own_stock=True, provider_type=1)
OrganisationRelationship.objects.create(stock_owner=owner, managing_agent=small)
User.objects.bulk_create([User(email=f"user{n}@small.example", name=f"User {n}", role=Role.DATA_PROVIDER,
                               organisation=small) for n in range(400)])
Log.objects.bulk_create([Log(kind="lettings", collection="lettings-2026", owning_organisation=small,
                             managing_organisation=small) for _ in range(500)])
merge = MergeRequest.objects.create(absorbing_organisation=absorbing, merge_date=datetime.date(2026, 10, 1),
                                    status=MergeStatus.READY)
merge.merging_organisations.add(small)
process_merge.enqueue(merge.pk)
"""

MERGE_OUTCOME = """
from collect.accounts.models import User
from collect.logs.models import Log
from collect.organisations.models import MergeRequest, Organisation, OrganisationRelationship
merge = MergeRequest.objects.get()
big = Organisation.objects.get(name="Big Homes")
links = list(OrganisationRelationship.objects.values_list("stock_owner__name", "managing_agent__name"))
print(merge.status, User.objects.filter(organisation=big).count(), Log.objects.count(),
      Organisation.objects.get(name="Small Homes").absorbing_organisation == big, links)
"""


def test_a_merge_killed_twenty_times_moves_everyone_once_and_loses_no_log(tmp_path):
    env = _service(tmp_path)
    _manage(env, "shell", "-c", SET_UP_MERGE)
    when = _after_claim(Probe(env["DATABASE_URL"]), "process_merge", random.Random(17), 0.3)
    seen = kill_and_restart(env, when)
    outcome = _manage(env, "shell", "-c", MERGE_OUTCOME)
    assert outcome == "merged 400 500 True [('Owner Council', 'Big Homes')]", seen
