"""Benchmark: 50 people filling in lettings logs page by page on the web, against a database of 100,000 logs.

    .venv/bin/python bench/web_lettings_load.py                     # SQLite file in var/bench/ (made once, reused)
    .venv/bin/python bench/web_lettings_load.py \\
        --database-url postgres://postgres@127.0.0.1:5432/collect_bench_load   # created, then dropped at the end

Options: --logs 100000 (logs in the database before the run), --users 50, --spawn-rate 5 (users started per
second), --warmup 30 and --duration 90 (seconds; figures cover the duration after the warm-up), --think 2,6 (seconds a
person spends on a page before saving it, and between logs), --workers 2 (gunicorn workers, as bin/run's WEB_WORKERS),
--conn-max-age 0 (seconds a worker keeps its database connection, COLLECT_DB_CONN_MAX_AGE; 0 as bin/run), --fresh
(SQLite: start from an empty file), --keep (PostgreSQL: leave the database). The PostgreSQL database's name must
contain "bench"; it is created if missing and dropped afterwards unless --keep.

What it does: migrates the database, imports the reference data, loads the demo organisations and users and fills
the database with generated logs (`manage.py generate_logs`, which only adds what is missing); starts the service as
bin/run does (gunicorn collect.wsgi, sync workers; debug off, as in production; no task worker, as the journey queues
no jobs); then runs locust headless (bench/web_lettings_locustfile.py): each user signs in with a demo account that
needs no second factor, creates a log and fills it in page by page (GET, a pause, then POST), log after log.

It prints page saves per second; p50, p95 and p99 latency of page saves (POST) and page views (GET), and of the other
requests; failures; the peak memory of the server processes (resident set summed over master and workers, and the
proportional set size, which counts pages the forked workers share once); and the number of logs in the database.
The goal is p95 page save under 150 ms.
"""

from __future__ import annotations

import argparse
import csv
import os
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlparse

import psutil

ROOT = Path(__file__).resolve().parents[1]
VENV = ROOT / ".venv" / "bin"
LOCUSTFILE = ROOT / "bench" / "web_lettings_locustfile.py"
MIXED_LOCUSTFILE = ROOT / "bench" / "mixed_locustfile.py"
GOAL_MS = 150

ACCOUNTS_SCRIPT = """
import json
from collect.demo.data import DEMO_PASSWORD
from collect.demo.generation import teams
accounts = {}
for team in teams():
    for user in team.users:
        accounts.setdefault(user.pk, {
            "email": user.email, "password": DEMO_PASSWORD, "user_id": user.pk, "owner_id": team.owner.pk,
            "manager_id": team.manager.pk, "owner_provider_type": team.owner.provider_type,
        })
print(json.dumps(list(accounts.values())))
"""
TOKENS_SCRIPT = """
import json, sys
from collect.accounts.models import User
from collect.api.tokens import create_token
accounts = json.loads(sys.stdin.read())
support = User.objects.filter(role=99, is_active=True).first()  # Role.SUPPORT
made = {}
for account in accounts:
    organisation = User.objects.get(pk=account["user_id"]).organisation
    if organisation.pk not in made:
        made[organisation.pk] = create_token(support, organisation, "Load test")[1]
    account["api_token"] = made[organisation.pk]
print(json.dumps(accounts))
"""
COUNT_SCRIPT = """
from collect.logs.models import Log
from collect.audit.models import Channel
print(Log.objects.count(), Log.objects.filter(created_via=Channel.WEB).count())
"""


def _env(database_url: str, conn_max_age: int) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        COLLECT_DB_CONN_MAX_AGE=str(conn_max_age),
        DATABASE_URL=database_url,
        COLLECT_DEBUG="0",
        COLLECT_ENVIRONMENT="development",
        COLLECT_SECRET_KEY=secrets.token_urlsafe(40),
        COLLECT_LOG_LEVEL="WARNING",
        DJANGO_SETTINGS_MODULE="collect.settings",
    )
    return env


def _manage(env: dict[str, str], *args: str, quiet: bool = False) -> str:
    result = subprocess.run(
        [str(VENV / "python"), "manage.py", *args], cwd=ROOT, env=env, check=False, capture_output=True, text=True
    )
    if result.returncode:
        sys.exit(f"manage.py {' '.join(args[:1])} failed:\n{result.stderr[-3000:]}")
    if not quiet:
        print(result.stdout.strip().splitlines()[-1] if result.stdout.strip() else "")
    return result.stdout


def _postgres(url: str, statement: str) -> None:
    import psycopg

    parsed = urlparse(url)
    admin = parsed._replace(path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(statement)


def _prepare_database(options: argparse.Namespace) -> str:
    url = options.database_url
    if url is None:
        path = ROOT / "var" / "bench" / "web_lettings_load.sqlite3"
        path.parent.mkdir(parents=True, exist_ok=True)
        if options.fresh:
            for suffix in ("", "-wal", "-shm"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)
        return f"sqlite:///{path}"
    name = urlparse(url).path.lstrip("/")
    if not url.startswith("postgres") or "bench" not in name or name == "test":
        sys.exit('The PostgreSQL database must be named for the benchmark (its name contains "bench").')
    try:
        _postgres(url, f'CREATE DATABASE "{name}"')
        print(f"Created database {name}.")
    except Exception as error:
        if "already exists" not in str(error):
            raise
        print(f"Reusing database {name}.")
    return url


def _drop_database(url: str) -> None:
    name = urlparse(url).path.lstrip("/")
    _postgres(url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    print(f"Dropped database {name}.")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class MemoryWatch(threading.Thread):
    """Samples the memory of a process and its children until stopped; keeps the peaks."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.root = psutil.Process(pid)
        self.peak_rss = 0
        self.peak_pss = 0
        self.processes = 0
        self.done = threading.Event()

    def run(self) -> None:
        ticks = 0
        while not self.done.wait(0.25):
            try:
                processes = [self.root, *self.root.children(recursive=True)]
                self.processes = max(self.processes, len(processes))
                self.peak_rss = max(self.peak_rss, sum(p.memory_info().rss for p in processes))
                if ticks % 8 == 0:  # reading smaps is slower
                    self.peak_pss = max(self.peak_pss, sum(p.memory_full_info().pss for p in processes))
            except psutil.Error:
                continue
            ticks += 1


def _percentiles(values: list[float]) -> str:
    if len(values) < 2:
        return f"{len(values)} requests"
    q = statistics.quantiles(values, n=100, method="inclusive")
    return f"p50 {q[49]:6.0f} ms   p95 {q[94]:6.0f} ms   p99 {q[98]:6.0f} ms   ({len(values):,} requests)"


def _serve(env: dict[str, str], port: int, workers: int, log: Path) -> subprocess.Popen[bytes]:
    server = subprocess.Popen(
        [str(VENV / "gunicorn"), "collect.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", str(workers)],
        cwd=ROOT,
        env=env,
        stdout=log.open("wb"),
        stderr=subprocess.STDOUT,
    )
    for _ in range(200):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=1)
            return server
        except OSError:
            if server.poll() is not None:
                sys.exit(f"The server stopped: see {log}")
            time.sleep(0.2)
    sys.exit("The server did not start")


def main() -> None:  # noqa: PLR0915 - set up, run, report
    """Set up the database, run the load and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database-url")
    parser.add_argument("--logs", type=int, default=100_000)
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--spawn-rate", type=float, default=5)
    parser.add_argument("--warmup", type=int, default=30)
    parser.add_argument("--duration", type=int, default=90)
    parser.add_argument("--think", default="2,6")
    parser.add_argument("--workers", type=int, default=int(os.environ.get("WEB_WORKERS", "2")))
    parser.add_argument("--conn-max-age", type=int, default=int(os.environ.get("COLLECT_DB_CONN_MAX_AGE", "0")))
    parser.add_argument("--fresh", action="store_true")
    parser.add_argument("--keep", action="store_true")
    parser.add_argument(
        "--mixed",
        metavar="MIX",
        help="the deadline day's mix instead of officers alone (bench/mixed_locustfile.py): weights of officers, API "
        "suppliers, bulk uploaders and downloaders, such as 40,6,2,2; a task worker runs the jobs",
    )
    options = parser.parse_args()

    database_url = _prepare_database(options)
    env = _env(database_url, options.conn_max_age)
    work = Path(tempfile.mkdtemp(prefix="web-lettings-load-"))
    try:
        print(f"Setting up {urlparse(database_url).scheme} database ...")
        _manage(env, "migrate", "--noinput", "-v", "0", quiet=True)
        _manage(env, "import_refdata", quiet=True)
        _manage(env, "load_demo_data", quiet=True)
        _manage(env, "generate_logs", "--count", str(options.logs), "-v", "0")
        accounts = work / "accounts.json"
        accounts.write_text(_manage(env, "shell", "-c", ACCOUNTS_SCRIPT, quiet=True).strip().splitlines()[-1])
        worker = None
        if options.mixed:
            made = subprocess.run(
                [str(VENV / "python"), "manage.py", "shell", "-c", TOKENS_SCRIPT],
                cwd=ROOT,
                env=env,
                input=accounts.read_text(),
                capture_output=True,
                text=True,
                check=True,
            )
            accounts.write_text(made.stdout.strip().splitlines()[-1])
            worker = subprocess.Popen(
                [str(VENV / "python"), "manage.py", "worker", "--queue-name", "*", "--no-reload"],
                cwd=ROOT,
                env=env,
                stdout=(work / "worker.log").open("wb"),
                stderr=subprocess.STDOUT,
            )
        logs_before = int(_manage(env, "shell", "-c", COUNT_SCRIPT, quiet=True).splitlines()[-1].split()[0])

        port = _free_port()
        server = _serve(env, port, options.workers, work / "server.log")
        watch = MemoryWatch(server.pid)
        watch.start()
        samples = work / "samples.csv"
        run_seconds = options.warmup + options.duration
        print(
            f"Running {options.users} users for {run_seconds} s ({options.warmup} s warm-up) against "
            f"{options.workers} gunicorn workers (database connections kept {options.conn_max_age} s); "
            f"think time {options.think} s ..."
        )
        started = time.time()
        subprocess.run(
            [
                str(VENV / "locust"),
                "-f",
                str(MIXED_LOCUSTFILE if options.mixed else LOCUSTFILE),
                "--headless",
                "--users",
                str(options.users),
                "--spawn-rate",
                str(options.spawn_rate),
                "--run-time",
                f"{run_seconds}s",
                "--host",
                f"http://127.0.0.1:{port}",
                "--only-summary",
                "--loglevel",
                "WARNING",
                "--stop-timeout",
                "5",
            ],
            cwd=ROOT,
            env={
                **env,
                "LOAD_ACCOUNTS": str(accounts),
                "LOAD_SAMPLES": str(samples),
                "LOAD_THINK": options.think,
                "LOAD_MIX": options.mixed or "",
                "PYTHONPATH": f"{ROOT / 'bench'}:{ROOT}",
            },
            check=False,
            stdout=(work / "locust.log").open("wb"),
            stderr=subprocess.STDOUT,
        )
        watch.done.set()
        watch.join()
        server.send_signal(signal.SIGTERM)
        server.wait(30)
        if worker is not None:
            worker.send_signal(signal.SIGTERM)
            worker.wait(30)
        total, web = (int(n) for n in _manage(env, "shell", "-c", COUNT_SCRIPT, quiet=True).splitlines()[-1].split())
        load = os.getloadavg()

        window = (started + options.warmup, started + run_seconds)
        by_name: dict[str, list[float]] = {}
        failures: dict[str, int] = {}
        with samples.open() as file:
            for at, name, milliseconds, ok in csv.reader(file):
                if not window[0] <= float(at) < window[1]:
                    continue
                if ok == "1":
                    by_name.setdefault(name, []).append(float(milliseconds))
                else:
                    failures[name] = failures.get(name, 0) + 1
        saves = by_name.get("page save (POST)", [])
        views = by_name.get("page view (GET)", [])
        print()
        print(f"database:            {urlparse(database_url).scheme}, {logs_before:,} logs before the run")
        print(f"page saves:          {len(saves) / options.duration:,.1f} per second over {options.duration} s")
        print(f"page save (POST):    {_percentiles(saves)}")
        print(f"page view (GET):     {_percentiles(views)}")
        for name in sorted(set(by_name) - {"page save (POST)", "page view (GET)"}):
            print(f"  {name + ':':<18} {_percentiles(by_name[name])}")
        print(f"failures:            {sum(failures.values())} {failures or ''}")
        if failures:  # locust's error report says why
            report = (work / "locust.log").read_text(errors="replace")
            print(report[report.find("Error report") :][:3000])
        print(
            f"server peak memory:  {watch.peak_rss / 2**20:,.0f} MB resident summed over {watch.processes} processes "
            f"(master and workers); {watch.peak_pss / 2**20:,.0f} MB proportional"
        )
        print(f"logs in database:    {total:,} after the run ({web:,} created on the web)")
        print(f"load average:        {load[0]:.2f} {load[1]:.2f} {load[2]:.2f} on {os.cpu_count()} cores")
        if saves:
            p95 = statistics.quantiles(saves, n=100, method="inclusive")[94]
            verdict = "meets" if p95 < GOAL_MS else "misses"
            print(f"goal:                p95 page save under {GOAL_MS} ms: {verdict} ({p95:.0f} ms)")
    finally:
        shutil.rmtree(work, ignore_errors=True)
        if options.database_url and not options.keep:
            _drop_database(options.database_url)


if __name__ == "__main__":
    main()
