"""Benchmark: the completeness dashboard with many organisations and logs.

    .venv/bin/python bench/completeness.py [--organisations 1500] [--logs 1000000] [--requests 20] [--database-url URL]

Organisations (of both provider types, across the regions) and logs are inserted with one SQL statement each
(`generate_series` on PostgreSQL, a recursive query on SQLite): only the typed columns the dashboard reads are
filled (kind, status, owning organisation, tenancy start or sale date), spread over three collection years
(2024/25 to 2026/27), five lettings to one sale, 70% completed. Then, in a fresh process, the support user's
dashboard (`/collection/completeness`, every organisation, lettings 2026/27 with 2025/26 as expected) is rendered
through Django's test client: the first request, then `--requests` more; a filtered view, a coordinator's view (its
figures counted live) and the CSV of every organisation. The dashboard of every organisation reads the summary the
refresh task keeps (collect.collection.completeness.refresh): the refresh of two years and the live grouped query of
one year are timed too.

Printed: the number of logs, requests per second, latency percentiles (p50, p95, max) in milliseconds and the peak
resident memory of the measuring process. SQLite by default (a new database file);
`--database-url postgres://postgres@127.0.0.1:5432/collect_bench_completeness` for PostgreSQL (created if missing;
emptied first).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SUPPORT_EMAIL = "support@bench.example"
COORDINATOR_EMAIL = "coordinator@bench.example"


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _setup_django(database_url: str) -> None:
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "collect.settings")
    os.environ["COLLECT_ALLOWED_HOSTS"] = "testserver,localhost"
    import django

    django.setup()


LOG_COLUMNS = (
    "kind, collection, status, owning_organisation_id, managing_organisation_id, startdate, saledate, created_via, "
    "tenancycode, propcode, purchid, postcode_full, answers, derived, checks, error_count, status_cache, "
    "duplicate_key, version, created_at, updated_at"
)


def _log_select(n: str, organisations: str, first_id: int, vendor: str) -> str:
    """The SELECT list of one generated log from its number `n` (SQL expressions for either database)."""
    day = (
        f"(DATE '2024-04-01' + ({n} * 7919 %% 1095) * INTERVAL '1 day')::date"
        if vendor == "postgresql"
        else f"date('2024-04-01', '+' || ({n} * 7919 %% 1095) || ' days')"
    )
    lettings = f"({n} %% 6 <> 0)"
    kind = f"CASE WHEN {lettings} THEN 'lettings' ELSE 'sales' END"
    collection = f"CASE WHEN {lettings} THEN 'lettings-2026' ELSE 'sales-2026' END"
    status = f"CASE WHEN {n} %% 10 < 7 THEN 'completed' WHEN {n} %% 10 < 9 THEN 'in_progress' ELSE 'not_started' END"
    owner = f"{first_id} + ({n} * 31 %% {organisations})"
    now = "CURRENT_TIMESTAMP"
    return (
        f"{kind}, {collection}, {status}, {owner}, {owner}, "
        f"CASE WHEN {lettings} THEN {day} END, CASE WHEN NOT {lettings} THEN {day} END, 'web', "
        f"'', '', '', '', '{{}}', '{{}}', '{{}}', 0, '', '', 1, {now}, {now}"
    )


def _fill(organisations: int, logs: int) -> None:
    """Make the database hold exactly these organisations (with a support user and a coordinator) and logs."""
    from django.db import connection, transaction

    from collect.accounts.models import Role, User
    from collect.collection.calendar import seed_defaults
    from collect.logs.models import Log
    from collect.organisations.models import Organisation, ProviderType, Region

    seed_defaults()
    names = Organisation.objects.filter(name__startswith="Bench ").count()
    if names == organisations and Log.objects.count() == logs:
        return
    with transaction.atomic():
        Log.objects.all().delete()
        User.objects.filter(email__in=(SUPPORT_EMAIL, COORDINATOR_EMAIL)).delete()
        Organisation.objects.filter(name__startswith="Bench ").delete()
        regions = list(Region)
        made = Organisation.objects.bulk_create(
            Organisation(
                name=f"Bench {n:04d}",
                provider_type=ProviderType.LOCAL_AUTHORITY if n % 4 == 0 else ProviderType.PRIVATE_REGISTERED_PROVIDER,
                region=regions[n % len(regions)],
            )
            for n in range(organisations)
        )
        department = Organisation.objects.create(name="Bench Department", provider_type=1, is_department=True)
        first_id = min(o.pk for o in made)
        assert max(o.pk for o in made) == first_id + organisations - 1, "organisation ids are not consecutive"
        User.objects.create_user(email=SUPPORT_EMAIL, name="Support", organisation=department, role=Role.SUPPORT)
        User.objects.create_user(
            email=COORDINATOR_EMAIL, name="Coordinator", organisation=made[0], role=Role.DATA_COORDINATOR
        )
        vendor = connection.vendor
        select = _log_select("n", str(organisations), first_id, vendor)
        with connection.cursor() as cursor:
            if vendor == "postgresql":
                cursor.execute(
                    f"INSERT INTO logs_log ({LOG_COLUMNS}) SELECT {select} "
                    "FROM generate_series(1::bigint, %s::bigint) n",
                    [logs],
                )
            else:
                cursor.execute(
                    f"WITH RECURSIVE numbers(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM numbers WHERE n < %s) "
                    f"INSERT INTO logs_log ({LOG_COLUMNS}) SELECT {select} FROM numbers",
                    [logs],
                )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def _timed(get: object, path: str, count: int) -> list[float]:
    times = []
    for _ in range(count):
        start = time.perf_counter()
        response = get(path)  # type: ignore[operator]
        body = b"".join(response.streaming_content) if response.streaming else response.content
        times.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (path, response.status_code)
        assert body
    return times


def _measure(requests: int) -> dict[str, object]:
    from django.test import Client

    from collect.accounts.models import User
    from collect.collection.completeness import Filters, live_counts, refresh
    from collect.logs.models import Log
    from tests.conftest import verified_login

    support, coordinator = Client(), Client()
    verified_login(support, User.objects.get(email=SUPPORT_EMAIL))
    verified_login(coordinator, User.objects.get(email=COORDINATOR_EMAIL))
    page = "/collection/completeness?year=2026&kind=lettings"
    refreshes = []
    for _ in range(3):
        start = time.perf_counter()
        refresh("lettings", 2025)
        refresh("lettings", 2026)
        refreshes.append((time.perf_counter() - start) * 1000)
    first = _timed(support.get, page, 1)[0]
    found: dict[str, object] = {"logs": Log.objects.count(), "first_ms": first}
    found["dashboard"] = _timed(support.get, page, requests)
    query = []
    for _ in range(requests):
        start = time.perf_counter()
        live_counts("lettings", 2026, Filters())
        query.append((time.perf_counter() - start) * 1000)
    found["live query, one year"] = query
    found["summary refresh, 2 years"] = refreshes
    found["filtered (LA, London)"] = _timed(support.get, page + "&provider_type=1&region=E12000007", requests)
    found["coordinator"] = _timed(coordinator.get, "/collection/completeness", requests)
    found["CSV, every organisation"] = _timed(
        support.get, "/collection/completeness.csv?year=2026", max(3, requests // 4)
    )
    found["peak_mb"] = _peak_rss_mb()
    return found


def _prepare_database(url: str) -> str:
    if url.startswith("postgres"):
        import psycopg

        base, name = url.rsplit("/", 1)
        with psycopg.connect(f"{base}/postgres", autocommit=True) as connection:
            if not connection.execute("select 1 from pg_database where datname = %s", (name,)).fetchone():
                connection.execute(f'create database "{name}"')
    return url


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--organisations", type=int, default=1500)
    parser.add_argument("--logs", type=int, default=1_000_000)
    parser.add_argument("--requests", type=int, default=20)
    parser.add_argument("--database-url", default="")
    parser.add_argument("--fill", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--measure", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.fill or args.measure:
        _setup_django(args.database_url)
        if args.fill:
            from django.core.management import call_command

            call_command("migrate", verbosity=0)
            _fill(args.organisations, args.logs)
        else:
            print(json.dumps(_measure(args.requests)))
        return
    with tempfile.TemporaryDirectory() as folder:
        url = _prepare_database(args.database_url or f"sqlite:///{folder}/bench.sqlite3")
        common = ["--database-url", url, "--organisations", str(args.organisations), "--logs", str(args.logs)]
        start = time.perf_counter()
        subprocess.run([sys.executable, __file__, "--fill", *common], check=True)
        filled = time.perf_counter() - start
        measure = [sys.executable, __file__, "--measure", *common, "--requests", str(args.requests)]
        found = json.loads(subprocess.run(measure, check=True, capture_output=True, text=True).stdout.splitlines()[-1])
        print(f"Database: {url.split('@')[-1]}")
        print(f"{found['logs']:,} logs of {args.organisations:,} organisations, made in {filled:.0f} s")
        print(f"First dashboard request: {found['first_ms']:.0f} ms")
        print(f"{'what':<26} {'req/s':>7} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}")
        for what in (
            "dashboard",
            "filtered (LA, London)",
            "coordinator",
            "CSV, every organisation",
            "live query, one year",
            "summary refresh, 2 years",
        ):
            times = found[what]
            rate = 1000 / statistics.mean(times)
            print(
                f"{what:<26} {rate:>7.1f} {_percentile(times, 0.5):>8.0f} {_percentile(times, 0.95):>8.0f} "
                f"{max(times):>8.0f}"
            )
        print(f"Peak memory of the measuring process: {found['peak_mb']:.0f} MB")


if __name__ == "__main__":
    main()
