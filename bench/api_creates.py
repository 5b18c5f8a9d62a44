"""Benchmark: API creates per second, 20 clients at once each sending complete lettings logs.

    .venv/bin/python bench/api_creates.py                      # a fresh SQLite file in var/bench/
    .venv/bin/python bench/api_creates.py \\
        --database-url postgres://postgres@127.0.0.1:5432/collect_bench_api   # created, then dropped at the end

Options: --clients 20 (threads sending at once, no pause), --warmup 10 and --duration 60 (seconds; figures cover the
duration after the warm-up), --workers 2 (gunicorn workers, as bin/run's WEB_WORKERS), --conn-max-age 0 (seconds a
worker keeps its database connection, COLLECT_DB_CONN_MAX_AGE), --idempotency (send an Idempotency-Key with every
create), --keep (PostgreSQL: leave the database). The PostgreSQL database's name must contain "bench".

What it does: migrates a database, imports the reference data, makes an organisation that may create logs, its
data coordinator and an API token (the rate limit turned off); starts the service as bin/run does (gunicorn
collect.wsgi, sync workers, debug off); then each client POSTs the complete general needs example log of the
2026/27 declaration to /api/v1/lettings-logs, one after another, and checks each answer is 201 with status completed.
Each create runs the rulebook twice (the defaults of a new log, then the answers), writes the log, its audit events
and its duplicate key in one transaction, as the web form does.

It prints creates per second; p50, p95 and p99 latency of creates; failures; the peak memory of the server processes
(resident set summed over master and workers, and the proportional set size); the logs in the database afterwards;
and the load average (the clients run on the same machine as the server and take part of its cores).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path
from urllib.parse import urlparse

sys.path.insert(0, str(Path(__file__).resolve().parent))
from web_lettings_load import (
    MemoryWatch,
    _drop_database,
    _env,
    _free_port,
    _manage,
    _percentiles,
    _postgres,
    _serve,
)

ROOT = Path(__file__).resolve().parents[1]

SETUP_SCRIPT = """
import json
from collect.accounts.models import Role, User
from collect.api.tokens import create_token
from collect.logs.codec import to_json
from collect.organisations.actions import accept_data_sharing_agreement
from collect.organisations.models import Organisation, ProviderType
from collect.standards.lettings.y2026.examples import GENERAL_NEEDS
organisation = Organisation.objects.create(name="Bench Homes", provider_type=ProviderType.PRIVATE_REGISTERED_PROVIDER)
user = User.objects.create_user(
    "coordinator@bench.example", None, name="Bench Coordinator", role=Role.DATA_COORDINATOR,
    organisation=organisation, is_dpo=True,
)
accept_data_sharing_agreement(user, organisation)
token = create_token(user, organisation, "Bench")[1]
answers = to_json({**GENERAL_NEEDS, "owning_organisation_id": organisation.pk,
                   "managing_organisation_id": organisation.pk, "assigned_to_id": user.pk})
print(json.dumps({"token": token, "answers": answers}))
"""
COUNT_SCRIPT = """
from collect.logs.models import Log
print(Log.objects.count(), Log.objects.filter(status="completed").count())
"""


def _prepare_database(url: str | None) -> str:
    if url is None:
        path = ROOT / "var" / "bench" / "api_creates.sqlite3"
        path.parent.mkdir(parents=True, exist_ok=True)
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        return f"sqlite:///{path}"
    name = urlparse(url).path.lstrip("/")
    if not url.startswith("postgres") or "bench" not in name:
        sys.exit('The PostgreSQL database must be named for the benchmark (its name contains "bench").')
    _postgres(url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    _postgres(url, f'CREATE DATABASE "{name}"')
    return url


class Client(threading.Thread):
    """Sends creates one after another until stopped; keeps (time, milliseconds, ok) per create."""

    def __init__(self, url: str, token: str, body: bytes, idempotency: bool, stop: threading.Event) -> None:
        super().__init__(daemon=True)
        self.url, self.token, self.body, self.idempotency, self.stop = url, token, body, idempotency, stop
        self.samples: list[tuple[float, float, bool]] = []
        self.errors: list[str] = []

    def run(self) -> None:
        while not self.stop.is_set():
            request = urllib.request.Request(self.url, data=self.body, method="POST")
            request.add_header("Authorization", f"Bearer {self.token}")
            request.add_header("Content-Type", "application/json")
            if self.idempotency:
                request.add_header("Idempotency-Key", str(uuid.uuid4()))
            started = time.perf_counter()
            ok = False
            try:
                with urllib.request.urlopen(request, timeout=60) as response:
                    ok = response.status == 201 and json.loads(response.read())["status"] == "completed"
                    if not ok and len(self.errors) < 3:
                        self.errors.append(f"status {response.status}")
            except (urllib.error.URLError, OSError) as error:
                if len(self.errors) < 3:
                    detail = error.read()[:500] if isinstance(error, urllib.error.HTTPError) else error
                    self.errors.append(str(detail))
            self.samples.append((time.time(), (time.perf_counter() - started) * 1000, ok))


def main() -> None:  # noqa: PLR0915 - set up, run, report
    """Set up, run the clients, print the figures."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database-url")
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--warmup", type=int, default=10)
    parser.add_argument("--duration", type=int, default=60)
    parser.add_argument("--workers", type=int, default=int(os.environ.get("WEB_WORKERS", "2")))
    parser.add_argument("--conn-max-age", type=int, default=int(os.environ.get("COLLECT_DB_CONN_MAX_AGE", "0")))
    parser.add_argument("--idempotency", action="store_true")
    parser.add_argument("--keep", action="store_true")
    options = parser.parse_args()

    database_url = _prepare_database(options.database_url)
    env = {**_env(database_url, options.conn_max_age), "COLLECT_API_RATE_LIMIT": "0"}
    work = Path(tempfile.mkdtemp(prefix="api-creates-"))
    try:
        print(f"Setting up {urlparse(database_url).scheme} database ...")
        _manage(env, "migrate", "--noinput", "-v", "0", quiet=True)
        _manage(env, "import_refdata", quiet=True)
        setup = json.loads(_manage(env, "shell", "-c", SETUP_SCRIPT, quiet=True).strip().splitlines()[-1])
        body = json.dumps({"answers": setup["answers"]}).encode()

        port = _free_port()
        server = _serve(env, port, options.workers, work / "server.log")
        watch = MemoryWatch(server.pid)
        watch.start()
        run_seconds = options.warmup + options.duration
        print(
            f"Running {options.clients} clients for {run_seconds} s ({options.warmup} s warm-up) against "
            f"{options.workers} gunicorn workers{', with idempotency keys' if options.idempotency else ''} ..."
        )
        stop = threading.Event()
        url = f"http://127.0.0.1:{port}/api/v1/lettings-logs"
        clients = [Client(url, setup["token"], body, options.idempotency, stop) for _ in range(options.clients)]
        started = time.time()
        for client in clients:
            client.start()
        time.sleep(run_seconds)
        stop.set()
        for client in clients:
            client.join(60)
        watch.done.set()
        watch.join()
        server.send_signal(signal.SIGTERM)
        server.wait(30)
        total, completed = (int(n) for n in _manage(env, "shell", "-c", COUNT_SCRIPT, quiet=True).split()[-2:])
        load = os.getloadavg()

        window = (started + options.warmup, started + run_seconds)
        samples = [s for c in clients for s in c.samples if window[0] <= s[0] < window[1]]
        good = [ms for _, ms, ok in samples if ok]
        failures = sum(1 for _, _, ok in samples if not ok)
        errors = [e for c in clients for e in c.errors][:3]
        print()
        print(f"database:            {urlparse(database_url).scheme}")
        print(f"creates:             {len(good) / options.duration:,.1f} per second over {options.duration} s")
        print(f"create (POST):       {_percentiles(good)}")
        print(f"failures:            {failures} {errors or ''}")
        print(
            f"server peak memory:  {watch.peak_rss / 2**20:,.0f} MB resident summed over {watch.processes} processes "
            f"(master and workers); {watch.peak_pss / 2**20:,.0f} MB proportional"
        )
        print(f"logs in database:    {total:,} after the run ({completed:,} completed)")
        print(f"load average:        {load[0]:.2f} {load[1]:.2f} {load[2]:.2f} on {os.cpu_count()} cores")
    finally:
        shutil.rmtree(work, ignore_errors=True)
        if options.database_url and not options.keep:
            _drop_database(options.database_url)


if __name__ == "__main__":
    main()
