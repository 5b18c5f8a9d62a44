"""Backing up a running service and restoring it into an empty database finds every log and every stored file.

The documented commands are run as an operator would run them, in their own processes, against databases of their
own (files for SQLite; new databases on the PostgreSQL server when the tests run on PostgreSQL).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.django_db


def _database_urls(tmp_path: Path) -> tuple[str, str]:
    if connection.vendor != "postgresql":
        return f"sqlite:///{tmp_path / 'live.sqlite3'}", f"sqlite:///{tmp_path / 'restored.sqlite3'}"
    import psycopg

    settings = connection.settings_dict
    base = f"postgres://{settings['USER']}@{settings['HOST']}:{settings['PORT']}"
    names = ("collect_backup_live", "collect_backup_restored")
    with psycopg.connect(f"{base}/postgres", autocommit=True) as server:
        for name in names:
            server.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            server.execute(f'CREATE DATABASE "{name}"')
    return f"{base}/{names[0]}", f"{base}/{names[1]}"


def _manage(database_url: str, var: Path, *args: str) -> str:
    env = {**os.environ, "DATABASE_URL": database_url, "COLLECT_VAR_DIR": str(var)}
    result = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return "\n".join(line for line in result.stdout.splitlines() if "imported automatically" not in line).strip()


COUNT = (
    "from collect.logs.models import Log; print(Log.objects.count(), sorted(Log.objects.values_list('pk', 'answers')))"
)


def test_a_backup_restored_into_an_empty_database_has_every_log_and_file(tmp_path):
    live_url, restored_url = _database_urls(tmp_path)
    live, restored = tmp_path / "live", tmp_path / "restored"
    _manage(live_url, live, "migrate", "--noinput", "-v", "0")
    _manage(live_url, live, "load_demo_data")
    _manage(live_url, live, "generate_logs", "--count", "60", "--jobs", "1")
    (live / "files" / "bulk-uploads").mkdir(parents=True)
    (live / "files" / "bulk-uploads" / "logs.csv").write_text("Field number,1,2\n")
    logs = _manage(live_url, live, "shell", "-c", COUNT)
    assert logs.startswith("60 ")
    archive = tmp_path / "collect.tar.gz"
    assert "Backed up 60 logs" in _manage(live_url, live, "backup", str(archive))

    assert "Restored 60 logs" in _manage(restored_url, restored, "restore", str(archive))
    assert _manage(restored_url, restored, "shell", "-c", COUNT) == logs
    assert (restored / "files" / "bulk-uploads" / "logs.csv").read_text() == "Field number,1,2\n"


def test_restoring_over_a_database_that_holds_tables_is_refused(tmp_path):
    live_url, _ = _database_urls(tmp_path)
    live = tmp_path / "live"
    _manage(live_url, live, "migrate", "--noinput", "-v", "0")
    archive = tmp_path / "collect.tar.gz"
    _manage(live_url, live, "backup", str(archive))
    env = {**os.environ, "DATABASE_URL": live_url, "COLLECT_VAR_DIR": str(live)}
    result = subprocess.run(
        [sys.executable, "manage.py", "restore", str(archive)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert "restore into an empty database" in result.stderr
