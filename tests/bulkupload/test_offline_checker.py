"""The offline checker: the same report as the service, without Django or a database, with exit statuses."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.bulkupload.support import lettings_cells, lettings_file

ROOT = Path(__file__).resolve().parents[2]
RUN = (
    "import sys, json; from collect.bulkupload.__main__ import main; status = main(sys.argv[1:]); "
    "assert 'django' not in sys.modules, 'the checker imported Django'; sys.exit(status)"
)


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    return subprocess.run(
        [sys.executable, "-c", RUN, "check", *args, "--today", "2026-11-21"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        check=False,
    )


@pytest.mark.parametrize(
    ("cells", "status", "outcome"),
    [
        (lettings_cells(), 0, "success"),
        (lettings_cells(f26=99), 1, "created_with_errors"),
        (lettings_cells(f10=25), 1, "rejected"),
    ],
)
def test_json_report_and_exit_status(tmp_path: Path, cells: dict[int, str], status: int, outcome: str) -> None:
    path = tmp_path / "logs.csv"
    path.write_bytes(lettings_file([cells]))
    result = _run(str(path), "--json")
    assert result.returncode == status, result.stderr
    report = json.loads(result.stdout)
    assert report["outcome"] == outcome
    assert report["collection"] == "lettings-2026"
    assert "bulk.owning_organisation" in report["skipped_checks"] or outcome == "rejected"


def test_text_report_names_the_cell(tmp_path: Path) -> None:
    path = tmp_path / "logs.csv"
    path.write_bytes(lettings_file([lettings_cells(f26=99)]))
    result = _run(str(path), "--type", "lettings")
    assert result.returncode == 1
    assert "Row 9" in result.stdout
    assert "Enter a valid value for what type of unit is the property?" in result.stdout
    assert "Not checked without the service" in result.stdout


def test_unreadable_file(tmp_path: Path) -> None:
    result = _run(str(tmp_path / "missing.csv"))
    assert result.returncode == 2
    assert "Could not read" in result.stderr
