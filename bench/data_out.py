"""Benchmark: the codes CSV download and the full statistics XML export of N lettings logs.

    .venv/bin/python bench/data_out.py [--logs 100000,1000000] [--database-url URL] [--seed 1]

Logs are made fast: 500 varied complete logs (bench/rulebook.py's generator) are evaluated by the rulebook once, then
inserted again and again with their own tenant codes (bulk inserts of 10,000), up to each size. Each measurement runs
in a fresh process so its peak memory is its own: the support codes CSV download of every log (as the download job
writes it, to a local file) and the full XML export of the lettings collection year (zip with parts of 10,000).
Printed: rows per second, seconds, peak resident memory of the process, and the file size.

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

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

COLLECTION = "lettings-2026"
DISTINCT = 500
INSERT_BATCH = 10_000


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _setup_django(database_url: str) -> None:
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "collect.settings")
    import django

    django.setup()


def _fill(count: int, seed: int) -> None:
    """Make the database hold exactly `count` generated lettings logs of one organisation."""
    from rulebook import make_logs  # bench/rulebook.py

    from collect.accounts.models import Role, User
    from collect.logs.codec import to_json
    from collect.logs.models import Log, LogStatus
    from collect.organisations.models import Organisation
    from collect.standards.registry import evaluator

    organisation, _ = Organisation.objects.get_or_create(name="Bench Homes", defaults={"provider_type": 2})
    user = User.objects.filter(email="bench@collect.example").first() or User.objects.create_user(
        email="bench@collect.example", name="Bench", organisation=organisation, role=Role.DATA_COORDINATOR
    )
    have = Log.objects.filter(kind="lettings").count()
    if have > count:
        Log.objects.all().delete()
        have = 0
    engine = evaluator(COLLECTION)
    stored = []
    for answers, context in make_logs(DISTINCT, seed):
        outcome = engine.evaluate(answers, context)
        found = dict(outcome.answers)
        found.update(owning_organisation_id=organisation.pk, managing_organisation_id=organisation.pk)
        stored.append((to_json(found), to_json(outcome.derived), found.get("startdate"), found.get("needstype")))
    made = have
    while made < count:
        batch = []
        for n in range(made, min(count, made + INSERT_BATCH)):
            answers, derived, startdate, needstype = stored[n % DISTINCT]
            code = f"B{n}"
            batch.append(
                Log(
                    kind="lettings",
                    collection=COLLECTION,
                    status=LogStatus.COMPLETED,
                    owning_organisation=organisation,
                    managing_organisation=organisation,
                    assigned_to=user,
                    created_by=user,
                    startdate=startdate,
                    needstype=needstype,
                    tenancycode=code,
                    answers={**answers, "tenancycode": code},
                    derived=derived,
                )
            )
        Log.objects.bulk_create(batch)
        made += len(batch)
        print(f"  {made:,} logs", end="\r", flush=True)


def _measure(what: str) -> dict[str, float]:
    """One measurement in this process (see the module's docstring)."""
    from django.utils import timezone

    from collect.exports import files
    from collect.exports.frames import Variant, log_frames, plan
    from collect.exports.statistics import export_target, targets
    from collect.logs.models import Log
    from collect.standards.registry import collection

    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as folder:
        if what == "csv":
            year = collection(COLLECTION)
            assert year.downloads is not None
            columns = year.downloads.columns(support=True)
            target = Path(folder) / "download.csv"
            with target.open("wb") as file:
                rows = files.write_csv(
                    log_frames(Log.objects.filter(kind="lettings").visible(), plan(year, columns, Variant.CODES)),
                    columns,
                    file,
                )
            size = target.stat().st_size
        else:
            lettings = next(t for t in targets(timezone.localdate()) if t.collection == "lettings")
            run = export_target(lettings, full=True, started_at=timezone.now())
            rows = run.records
            from django.core.files.storage import default_storage

            size = default_storage.size(run.zip_name)
            default_storage.delete(run.zip_name)
    seconds = time.perf_counter() - started
    return {
        "rows": rows,
        "seconds": seconds,
        "rows_per_second": rows / seconds,
        "peak_mb": _peak_rss_mb(),
        "mb": size / 1e6,
    }


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
        print(f"{'logs':>10} {'what':>5} {'rows/s':>10} {'seconds':>8} {'peak MB':>8} {'file MB':>8}")
        for count in (int(n) for n in args.logs.split(",")):
            fill = [sys.executable, __file__, "--fill", str(count), "--database-url", url, "--seed", str(args.seed)]
            subprocess.run(fill, check=True, env=env)
            for what in ("csv", "xml"):
                measure = [sys.executable, __file__, "--measure", what, "--database-url", url]
                out = subprocess.run(measure, check=True, env=env, capture_output=True, text=True).stdout
                m = json.loads(out.strip().splitlines()[-1])
                print(
                    f"{count:>10,} {what:>5} {m['rows_per_second']:>10,.0f} {m['seconds']:>8.1f} "
                    f"{m['peak_mb']:>8.0f} {m['mb']:>8.0f}"
                )


if __name__ == "__main__":
    main()
