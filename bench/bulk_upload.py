"""Benchmark: bulk upload of generated lettings files, the whole pipeline, against `frictionless validate`.

    .venv/bin/python bench/bulk_upload.py [--rows 1000,10000,100000] [--database-url URL] [--seed 1]

For each size, a valid file and a 5 %-invalid file (one bad cell in one row in twenty: a code that is not an option,
a number cell that is not a number, an age that is neither a number nor R, a missing answer) are generated from the
complete examples of the declaration with realistic variety (bench/rulebook.py). Each file goes through the service's
whole pipeline in a fresh process: read, check every row with the rulebook, write the pending logs to the database
and store the report (collect.bulkupload.tasks.process_upload, as the background job runs it). In the same run,
`frictionless validate` checks the same file against a Table Schema of the template's types and option codes (it
cannot check the rules between fields). Printed: rows per second, time to the outcome, and peak memory (resident set
of the process, and how much it grew while processing the file) for each.

SQLite by default (a new database file per run); `--database-url postgres://postgres@127.0.0.1:5432/collect_bench_bulk`
for PostgreSQL (the database is created if missing and emptied between runs).
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

COLLECTION = "lettings-2026"
INVALID_EVERY = 20  # one row in twenty has a bad cell: 5 %


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _cpu_seconds() -> float:
    """Processor time used by this process and its finished child processes (the checking processes)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _rows(count: int, seed: int, invalid: bool) -> Iterator[dict[int, str]]:
    """Template rows of varied complete logs (and, when `invalid`, a bad cell in one row in twenty)."""
    from rulebook import make_logs  # bench/rulebook.py

    from collect.bulkupload import files

    rng = random.Random(seed)
    made = 0
    while made < count:
        for answers, context in make_logs(min(4000, 2 * (count - made)), seed + made):
            if made >= count or context.owning_organisation.provider_type != 2:
                continue  # the benchmark's organisation is a housing association
            cells = files.cells_for(COLLECTION, answers, {1: "ORG1", 2: "ORG1", 3: "bench@collect.example"})
            if answers.get("scheme_id") is not None:
                cells.update({5: "S1", 6: "1"})
            cells[13] = f"T{made:07d}"  # every tenant code differs: no duplicates within the file
            if invalid and made % INVALID_EVERY == 0:
                field, value = rng.choice(((26, "99"), (137, "lots"), (41, "old"), (47, None), (36, "7")))
                if value is None:
                    cells.pop(field, None)
                else:
                    cells[field] = value
            yield cells
            made += 1


def write_file(path: Path, count: int, seed: int, invalid: bool) -> None:
    """Write a generated lettings template file (CSV)."""
    from collect.bulkupload import files

    path.write_bytes(files.to_csv(files.table_rows(COLLECTION, _rows(count, seed, invalid))))


def table_schema() -> dict[str, Any]:
    """A frictionless Table Schema of the template: each field's type, and the option codes of coded fields."""
    from collect.bulkupload.checking import rules_for
    from collect.rulebook.template import CellType

    rules = rules_for(COLLECTION)
    types = {CellType.INTEGER: "integer", CellType.DECIMAL: "number", CellType.TEXT: "string"}
    enums: dict[int, list[Any]] = {}
    for reader in rules.template.readers:
        if len(reader.fields) != 1 or len(reader.sets) != 1 or reader.write is None:
            continue
        codes = rules.codes_of_answer.get(reader.sets[0])
        if codes:
            written = [reader.write({reader.sets[0]: code}).get(reader.fields[0]) for code in sorted(codes, key=str)]
            enums[reader.fields[0]] = [w for w in written if w is not None]
    fields: list[dict[str, Any]] = [{"name": "Field number", "type": "string"}]
    for field in rules.template.fields:
        entry: dict[str, Any] = {"name": str(field.number), "type": types[field.cell_type]}
        if field.number in enums and field.cell_type is CellType.INTEGER:
            entry["constraints"] = {"enum": enums[field.number]}
        fields.append(entry)
    return {"fields": fields}


def run_frictionless(path: Path) -> dict[str, Any]:
    """Validate a file with frictionless against the template's Table Schema; time it."""
    from frictionless import Dialect, Resource, Schema

    schema = Schema.from_descriptor(table_schema())
    started = time.perf_counter()
    resource_ = Resource(path=path.name, basepath=str(path.parent), schema=schema, dialect=Dialect(header_rows=[8]))
    report = resource_.validate(limit_errors=10**9)
    seconds = time.perf_counter() - started
    return {"seconds": seconds, "errors": len(report.flatten(["rowNumber"])), "peak_rss_mb": _peak_rss_mb()}


def _database_settings(url: str) -> None:
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "collect.settings")
    os.environ["COLLECT_TASK_BACKEND"] = "django_tasks.backends.immediate.ImmediateBackend"
    os.environ["COLLECT_EMAIL_BACKEND"] = "console"


def run_pipeline(path: Path, database_url: str) -> dict[str, Any]:
    """The service's whole pipeline on one file, in this process; time to the outcome."""
    _database_settings(database_url)
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from bench_bulk_setup import prepare_upload  # bench/bench_bulk_setup.py

    upload, process = prepare_upload(path)
    before = _peak_rss_mb()
    cpu_before = _cpu_seconds()
    started = time.perf_counter()
    process(upload)
    seconds = time.perf_counter() - started
    cpu = _cpu_seconds() - cpu_before
    upload.refresh_from_db()
    from collect.logs.models import Log

    return {
        "seconds": seconds,
        "outcome": str(upload.status),
        "logs": Log.objects.filter(bulk_upload=upload).count(),
        "peak_rss_mb": _peak_rss_mb(),
        "rss_before_mb": before,
        "cpu_seconds": cpu,
        "checking_peak_rss_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
        "processes": _processes(),
    }


def _processes() -> int:
    from collect.bulkupload.tasks import checking_processes

    return checking_processes()


def _in_subprocess(*args: str) -> dict[str, Any]:
    result = subprocess.run([sys.executable, __file__, *args], capture_output=True, text=True, check=False, cwd=ROOT)
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(args)} failed:\n{result.stderr[-3000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def _fresh_database(url: str, folder: Path, name: str) -> str:
    if url.startswith("sqlite"):
        return f"sqlite:///{folder / (name + '.sqlite3')}"
    import psycopg

    base, _, database = url.rpartition("/")
    with psycopg.connect(f"{base}/postgres", autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{database}"')
    return url


def main() -> None:
    """Generate the files, run both tools on each, print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", default="1000,10000,100000")
    parser.add_argument("--database-url", default="sqlite")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--run", nargs=2, metavar=("WHAT", "FILE"), help=argparse.SUPPRESS)
    parser.add_argument("--skip-frictionless", action="store_true")
    options = parser.parse_args()
    if options.run:
        what, file = options.run
        found = run_frictionless(Path(file)) if what == "frictionless" else run_pipeline(Path(file), what)
        print(json.dumps(found))
        return
    sizes = [int(n) for n in options.rows.split(",")]
    print(
        f"Bulk upload benchmark, {datetime.date.today()}, database {options.database_url.split('@')[-1]}, "
        f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at the start"
    )
    print(
        "ours: rows/s and seconds to the outcome (wall clock), CPU seconds (all processes), peak resident memory of"
        " the job's process, its growth while processing, and of the largest checking process"
    )
    header = f"{'file':<22}{'ours rows/s':>12}{'outcome s':>10}{'CPU s':>7}{'peak MB':>9}{'growth':>8}{'chk MB':>8}"
    header += f"{'frictionless rows/s':>21}{'ratio':>7}{'f. peak MB':>11}  outcome"
    print(header)
    with tempfile.TemporaryDirectory() as folder:
        for size in sizes:
            for invalid in (False, True):
                name = f"{size}-{'invalid' if invalid else 'valid'}"
                path = Path(folder) / f"{name}.csv"
                write_file(path, size, options.seed, invalid)
                url = _fresh_database(options.database_url, Path(folder), name)
                ours = _in_subprocess("--run", url, str(path))
                theirs = {"seconds": float("nan"), "peak_rss_mb": float("nan")}
                if not options.skip_frictionless:
                    theirs = _in_subprocess("--run", "frictionless", str(path))
                rate, their_rate = size / ours["seconds"], size / theirs["seconds"]
                print(
                    f"{name:<22}{rate:>12,.0f}{ours['seconds']:>10.2f}{ours['cpu_seconds']:>7.1f}"
                    f"{ours['peak_rss_mb']:>9.0f}{ours['peak_rss_mb'] - ours['rss_before_mb']:>8.0f}"
                    f"{ours['checking_peak_rss_mb']:>8.0f}{their_rate:>21,.0f}{rate / their_rate:>7.1f}"
                    f"{theirs['peak_rss_mb']:>11.0f}  {ours['outcome']} ({ours['logs']} logs,"
                    f" {ours['processes']} processes)"
                )


if __name__ == "__main__":
    main()
