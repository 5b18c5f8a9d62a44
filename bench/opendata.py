"""Benchmark: publishing an open data release (every table in every format, every factsheet) of N logs, then its PDFs.

    .venv/bin/python bench/opendata.py --logs 1000000 --database-url postgres://postgres@127.0.0.1:5432/collect_bench_opendata
    .venv/bin/python bench/opendata.py --logs 100000          # SQLite (a new database file)

Logs are made fast: 3,000 distinct completed lettings logs (and 300 sales) spread over 300 local authorities, with
varied tenancy, rent type, needs type, bedrooms, household, reason and weekly rent, are inserted once and then copied
on the database (PostgreSQL: INSERT ... SELECT with generate_series; SQLite: INSERT ... SELECT repeated) up to N
lettings logs and N / 10 sales logs. The release is then built in a fresh process (the job's own code), so its peak
memory is its own: the release job (tables, their files, factsheets: what is published) and then, unless --no-pdf,
the job that prints every factsheet's PDF (forked processes). Printed for each: seconds, logs per second, peak
resident memory, files.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DISTINCT = 3_000
AREAS = 300


def _setup_django(database_url: str) -> None:
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "collect.settings")
    os.environ.pop("COLLECT_TASK_BACKEND", None)  # the database queue: queued jobs are not run inline
    import django

    django.setup()


def _areas() -> list[str]:
    from collect.refdata.models import LocalAuthority

    found = list(LocalAuthority.objects.in_england().values_list("code", flat=True)[:AREAS])
    if len(found) < AREAS:
        for n in range(AREAS - len(found)):
            code = f"E0799{n:04d}"
            LocalAuthority.objects.get_or_create(code=code, defaults={"name": f"Bench area {n}", "start_year": 2020})
            found.append(code)
    return found


def _fill(count: int) -> None:
    """Make the database hold `count` completed lettings logs and count / 10 sales logs of 2026/27."""
    from django.db import connection

    from collect.logs.models import Log, LogKind, LogStatus

    Log.objects.all().delete()
    rng = random.Random(1)
    areas = _areas()
    seeds = []
    for n in range(DISTINCT):
        needstype = rng.choice([1, 1, 1, 2])
        answers = {
            "la": areas[n % len(areas)],
            "needstype": needstype,
            "tenancy": rng.choice([4, 6, 2, 7, 7, 7, 8, 5, 3]),
            "rent_type": rng.choice([0, 0, 0, 1, 1, 2, 3, 6]),
            "hhtype": rng.choice([1, 2, 3, 3, 4, 5, 6, 9]),
            "ecstat1": rng.choice([1, 2, 4, 5, 6, 8, 0, 10]),
            "reason": rng.choice([50, 9, 48, 12, 16, 20, 1, 45, 54]),
            "wrent": round(rng.uniform(70, 180), 2),
        }
        if needstype == 1:
            answers["beds"] = rng.choice([1, 1, 2, 2, 2, 3, 4, 5])
        seeds.append(
            Log(kind=LogKind.LETTINGS, collection="lettings-2026", status=LogStatus.COMPLETED, answers=answers)
        )
    for n in range(DISTINCT // 10):
        answers = {
            "la": areas[n % len(areas)],
            "ownershipsch": rng.choice([1, 1, 2]),
            "value": rng.randrange(9, 40) * 10_000,
        }
        seeds.append(Log(kind=LogKind.SALES, collection="sales-2026", status=LogStatus.COMPLETED, answers=answers))
    Log.objects.bulk_create(seeds, batch_size=1000)
    copies = max(count // DISTINCT - 1, 0)
    columns = ", ".join(connection.ops.quote_name(f.column) for f in Log._meta.concrete_fields if not f.primary_key)
    table = Log._meta.db_table
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                f"INSERT INTO {table} ({columns}) SELECT {columns} FROM {table} CROSS JOIN generate_series(1, {copies})"
            )
        else:
            cursor.execute(f"CREATE TEMP TABLE bench_seed AS SELECT {columns} FROM {table}")
            for _ in range(copies):
                cursor.execute(f"INSERT INTO {table} ({columns}) SELECT {columns} FROM bench_seed")
            cursor.execute("DROP TABLE bench_seed")
        if connection.vendor == "postgresql":
            cursor.execute(f"ANALYZE {table}")


def _measure(*, pdf: bool) -> None:
    """Publish a release in this process and print what it took; then (`pdf`) print its factsheets' PDFs."""
    from collect.opendata import releases
    from collect.opendata.models import Release, ReleaseStatus

    release = Release.objects.create(year=2026, version=(Release.objects.count() + 1), notes="Benchmark", threshold=5)
    started, cpu = time.perf_counter(), time.process_time()
    status = releases.build(release.pk)  # the PDF job is queued (the database queue: not run here)
    seconds = time.perf_counter() - started
    release.refresh_from_db()
    assert status == ReleaseStatus.READY, release.error
    logs = sum(release.log_counts.values())
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"release of {logs:,} logs published: {seconds:.1f} s, {logs / seconds:,.0f} logs/s, "
        f"{release.files.count()} files, {len(releases.load_factsheets(release)['areas'])} factsheets, "  # type: ignore[index]
        f"CPU {time.process_time() - cpu:.1f} s, peak RSS {peak:.0f} MB"
    )
    if not pdf:
        return
    started = time.perf_counter()
    printed = releases.make_pdfs.call(release.pk)
    seconds = time.perf_counter() - started
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(
        f"factsheet PDFs printed afterwards: {printed} in {seconds:.1f} s ({printed / seconds:.1f} a second), "
        f"printing processes' peak RSS {children:.0f} MB each at most"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--logs", type=int, default=100_000)
    parser.add_argument("--database-url", default="")
    parser.add_argument("--no-pdf", action="store_true", help="leave out the factsheets' PDFs")
    parser.add_argument("--measure", action="store_true", help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    folder = tempfile.mkdtemp(prefix="collect-bench-opendata-")
    url = arguments.database_url or f"sqlite:///{folder}/bench.sqlite3"
    os.environ.setdefault("COLLECT_FILES_DIR", folder)
    _setup_django(url)
    from django.conf import settings

    settings.STORAGES["default"]["OPTIONS"] = {"location": f"{folder}/files"}
    if arguments.measure:
        _measure(pdf=not arguments.no_pdf)
        return
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    _fill(arguments.logs)
    print(f"made {arguments.logs:,} lettings logs (and sales) in {time.perf_counter() - started:.1f} s")
    command = [
        sys.executable,
        __file__,
        "--measure",
        "--database-url",
        url,
        *(["--no-pdf"] if arguments.no_pdf else []),
    ]
    subprocess.run(command, check=True, env={**os.environ, "DATABASE_URL": url})


if __name__ == "__main__":
    main()
