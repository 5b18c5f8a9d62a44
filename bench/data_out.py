"""Benchmark: the codes CSV download and the full statistics XML export of N lettings logs.

    .venv/bin/python bench/data_out.py [--logs 100000,1000000] [--database-url URL] [--seed 1]

Logs are made fast: 500 varied complete logs (bench/rulebook.py's generator) are evaluated by the rulebook once, then
copied by the database itself with their own tenant codes (INSERT ... SELECT, 100,000 a statement), up to each
size. Each measurement runs
in a fresh process so its peak memory is its own: the support codes CSV download of every log (as the download job
writes it, to a local file) and the full XML export of the lettings collection year (zip with parts of 10,000).
Printed: rows per second, seconds, CPU seconds of the process (all its threads) and, for PostgreSQL on this machine,
of the database server process that served it; peak resident memory of the process, the file size, and the machine's
load average (the machine may be shared: compare CPU seconds as well as time).

SQLite by default (a new database file); `--database-url postgres://postgres@127.0.0.1:5432/collect_bench_dataout`
for PostgreSQL (created if missing; emptied first).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

COLLECTION = "lettings-2026"
DISTINCT = 500
FILL_BATCH = 100_000


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _setup_django(database_url: str) -> None:
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "collect.settings")
    import django

    django.setup()


def _fill(count: int, seed: int) -> None:
    """Make the database hold exactly `count` generated lettings logs of one organisation.

    The first DISTINCT logs are generated and evaluated by the rulebook; the rest are copied from them by the database
    itself (INSERT ... SELECT over a series of numbers), each with its own tenant code, FILL_BATCH logs per statement.
    """
    from rulebook import make_logs  # bench/rulebook.py

    from collect.accounts.models import Role, User
    from collect.logs.codec import to_json_text
    from collect.logs.inserting import insert_values
    from collect.logs.models import Log, LogStatus
    from collect.organisations.models import Organisation
    from collect.standards.registry import evaluator

    organisation, _ = Organisation.objects.get_or_create(name="Bench Homes", defaults={"provider_type": 2})
    user = User.objects.filter(email="bench@collect.example").first() or User.objects.create_user(
        email="bench@collect.example", name="Bench", organisation=organisation, role=Role.DATA_COORDINATOR
    )
    logs = Log.objects.filter(kind="lettings").order_by("pk")
    have = logs.count()
    if have > count:
        cut = logs.values_list("pk", flat=True)[count - 1] if count else 0
        Log.objects.filter(pk__gt=cut)._raw_delete(Log.objects.db)
        have = count
    if have < min(count, DISTINCT):
        engine = evaluator(COLLECTION)
        rows = []
        for n, (answers, context) in enumerate(make_logs(DISTINCT, seed)):
            if n < have:
                continue
            outcome = engine.evaluate(answers, context)
            found = dict(outcome.answers)
            found.update(owning_organisation_id=organisation.pk, managing_organisation_id=organisation.pk)
            code = f"B{n}"
            found["tenancycode"] = code
            derived = engine.derived_values(outcome.answers)
            rows.append(
                {
                    "kind": "lettings",
                    "collection": COLLECTION,
                    "status": LogStatus.COMPLETED,
                    "owning_organisation_id": organisation.pk,
                    "managing_organisation_id": organisation.pk,
                    "assigned_to_id": user.pk,
                    "created_by_id": user.pk,
                    "startdate": found.get("startdate"),
                    "needstype": found.get("needstype"),
                    "tenancycode": code,
                    "answers": to_json_text(found),
                    "derived": to_json_text({k: v for k, v in found.items() if k in derived}),
                }
            )
        insert_values(Log, rows[: count - have])
        have = logs.count()
    while have < count:
        upto = min(count, have + FILL_BATCH)
        _copy_logs(have, upto)
        have = upto
        print(f"  {have:,} logs", end="\r", flush=True)


def _copy_logs(start: int, stop: int) -> None:
    """Insert logs number start..stop-1 as copies of the first DISTINCT logs, each with tenant code B<number>."""
    from django.db import connection

    from collect.logs.models import Log

    fields = [f.column for f in Log._meta.concrete_fields if not f.primary_key]
    table = Log._meta.db_table
    postgres = connection.vendor == "postgresql"
    code = "('B' || n.x)"
    replaced = {
        "tenancycode": code,
        "answers": f"jsonb_set(s.answers, '{{tenancycode}}', to_jsonb({code}))"
        if postgres
        else f"json_set(s.answers, '$.tenancycode', {code})",
        "created_at": "CURRENT_TIMESTAMP",
        "updated_at": "CURRENT_TIMESTAMP",
    }
    chosen = ", ".join(replaced.get(name, f"s.{name}") for name in fields)
    names = ", ".join(fields)
    # Only the model's own table and column names and whole numbers are put in the text.
    sql = (
        f"WITH RECURSIVE n(x) AS (SELECT {start} UNION ALL SELECT x + 1 FROM n WHERE x < {stop - 1}), "
        f"s AS (SELECT *, row_number() OVER (ORDER BY id) - 1 AS rn FROM {table} "
        f"WHERE kind = 'lettings' ORDER BY id LIMIT {DISTINCT}) "
        f"INSERT INTO {table} ({names}) SELECT {chosen} FROM n JOIN s ON s.rn = n.x % {DISTINCT} ORDER BY n.x"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql)


def _measure(what: str) -> dict[str, float]:
    """One measurement in this process (see the module's docstring)."""
    from django.utils import timezone

    from collect.exports import files
    from collect.exports.frames import Variant, free_text_columns, log_frames, plan
    from collect.exports.statistics import export_target, targets
    from collect.logs.models import Log
    from collect.standards.registry import collection

    database_cpu = _database_cpu()
    started, cpu = time.perf_counter(), time.process_time()
    with tempfile.TemporaryDirectory() as folder:
        if what == "csv":
            year = collection(COLLECTION)
            assert year.downloads is not None
            columns = year.downloads.columns(support=True)
            target = Path(folder) / "download.csv"
            with target.open("wb") as file:
                the_plan = plan(year, columns, Variant.CODES)
                logs = Log.objects.filter(kind="lettings").visible()
                rows = files.write_csv(log_frames(logs, the_plan), columns, file, free_text_columns(the_plan))
            size = target.stat().st_size
        else:
            lettings = next(t for t in targets(timezone.localdate()) if t.collection == "lettings")
            run = export_target(lettings, full=True, started_at=timezone.now())
            rows = run.records
            from django.core.files.storage import default_storage

            size = default_storage.size(run.zip_name)
            default_storage.delete(run.zip_name)
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    return {
        "rows": rows,
        "seconds": seconds,
        "cpu": cpu,
        "database_cpu": database_cpu() if database_cpu else 0.0,
        "rows_per_second": rows / seconds,
        "peak_mb": _peak_rss_mb(),
        "mb": size / 1e6,
    }


def _database_cpu() -> Any:
    """A function giving the CPU seconds the database server process of this connection has used since now.

    PostgreSQL on this machine only (its server process's /proc entry); None elsewhere.
    """
    from django.db import connection

    if connection.vendor != "postgresql":
        return None
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        pid = cursor.fetchone()[0]
    stat = Path(f"/proc/{pid}/stat")
    if not stat.exists():
        return None
    ticks = os.sysconf("SC_CLK_TCK")

    def used() -> float:
        fields = stat.read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / ticks

    start = used()
    return lambda: used() - start


def _prepare_database(url: str) -> str:
    if url.startswith("postgres"):
        import psycopg

        base, name = url.rsplit("/", 1)
        with psycopg.connect(f"{base}/postgres", autocommit=True) as connection:
            exists = connection.execute("select 1 from pg_database where datname = %s", (name,)).fetchone()
            if not exists:
                connection.execute(f'create database "{name}"')
        return url
    return url


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--logs", default="100000,1000000")
    parser.add_argument("--database-url", default="")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--measure", choices=("csv", "xml"), help=argparse.SUPPRESS)
    parser.add_argument("--fill", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure or args.fill is not None:
        _setup_django(args.database_url)
        if args.fill is not None:
            from django.core.management import call_command

            call_command("migrate", verbosity=0)
            _fill(args.fill, args.seed)
            return
        print(json.dumps(_measure(args.measure)))
        return
    with tempfile.TemporaryDirectory() as folder:
        url = _prepare_database(args.database_url or f"sqlite:///{folder}/bench.sqlite3")
        env = dict(os.environ)
        print(f"Database: {url.split('@')[-1]}")
        print(
            f"{'logs':>10} {'what':>5} {'rows/s':>10} {'seconds':>8} {'cpu s':>8} {'db cpu s':>8} "
            f"{'peak MB':>8} {'file MB':>8} {'load':>5}"
        )
        for count in (int(n) for n in args.logs.split(",")):
            fill = [sys.executable, __file__, "--fill", str(count), "--database-url", url, "--seed", str(args.seed)]
            subprocess.run(fill, check=True, env=env)
            for what in ("csv", "xml"):
                measure = [sys.executable, __file__, "--measure", what, "--database-url", url]
                out = subprocess.run(measure, check=True, env=env, capture_output=True, text=True).stdout
                m = json.loads(out.strip().splitlines()[-1])
                print(
                    f"{count:>10,} {what:>5} {m['rows_per_second']:>10,.0f} {m['seconds']:>8.1f} {m['cpu']:>8.1f} "
                    f"{m['database_cpu']:>8.1f} {m['peak_mb']:>8.0f} {m['mb']:>8.0f} {os.getloadavg()[0]:>5.1f}"
                )


if __name__ == "__main__":
    main()
