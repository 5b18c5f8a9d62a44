"""The import_refdata management command: where it reads from, what it prints, how it fails."""

from __future__ import annotations

from decimal import Decimal
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from collect.refdata.management.commands.import_refdata import Command
from collect.refdata.models import LocalAuthority, RentRange

REGISTER = "code,name,start_year,end_year\nE07000223,Adur,2021,\nE08000016,Barnsley,2021,\n"
RENT = "lettype,la,beds,soft_min,soft_max,hard_min,hard_max\n1,E07000223,1,60.13,139.33,25.84,1000\n"


def write(folder: Path, **files: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def run(*args: str) -> str:
    out = StringIO()
    call_command("import_refdata", *args, stdout=out)
    return out.getvalue()


def test_a_missing_folder_fails_with_exit_code_1_and_says_where_to_point(
    tmp_path: Path, settings: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    settings.COLLECT_REFDATA_DIR = tmp_path / "nowhere"

    with pytest.raises(SystemExit) as exited:
        Command().run_from_argv(["manage.py", "import_refdata"])

    assert exited.value.code == 1
    error = capsys.readouterr().err
    assert f"There is no reference data folder at {tmp_path / 'nowhere'}." in error
    assert "Point COLLECT_REFDATA_DIR (or --dir) at the folder" in error


def test_a_folder_without_the_register_is_refused(tmp_path: Path) -> None:
    folder = write(tmp_path, **{"rent_ranges_2026.csv": RENT})

    with pytest.raises(CommandError, match=r"has no local_authorities\.csv\. Point COLLECT_REFDATA_DIR"):
        run("--dir", str(folder))


@pytest.mark.django_db
def test_it_reads_the_configured_folder_and_prints_the_counts(tmp_path: Path, settings: Any) -> None:
    settings.COLLECT_REFDATA_DIR = write(tmp_path, **{"local_authorities.csv": REGISTER, "rent_ranges_2026.csv": RENT})

    first = run()
    second = run()

    assert first.splitlines() == [
        "local authorities: 2, links: 0, rent ranges: 1, sale ranges: 0",
        f"Read 2 files from {tmp_path.resolve()}: 2 new, 0 changed, 0 unchanged since the last import.",
    ]
    assert second.splitlines() == [
        "local authorities: 2, links: 0, rent ranges: 1, sale ranges: 0",
        "All 2 files are unchanged since the last import.",
    ]
    assert RentRange.objects.count() == 1


@pytest.mark.django_db
def test_a_bad_file_becomes_a_command_error_and_changes_nothing(tmp_path: Path) -> None:
    good = write(tmp_path / "good", **{"local_authorities.csv": REGISTER, "rent_ranges_2026.csv": RENT})
    run("--dir", str(good))
    bad = write(
        tmp_path / "bad",
        **{"local_authorities.csv": REGISTER, "rent_ranges_2026.csv": RENT.replace("60.13,139.33", "95.2,80.1")},
    )

    with pytest.raises(CommandError) as raised:
        run("--dir", str(bad))

    assert str(raised.value) == (
        "rent_ranges_2026.csv line 2: soft_min 95.2 is more than soft_max 80.1 (nothing was imported)"
    )
    assert raised.value.returncode == 1
    assert LocalAuthority.objects.count() == 2
    assert RentRange.objects.get().soft_min == Decimal("60.13")


@pytest.mark.django_db
def test_check_only_reads(tmp_path: Path) -> None:
    folder = write(tmp_path, **{"local_authorities.csv": REGISTER, "rent_ranges_2026.csv": RENT})

    output = run("--dir", str(folder), "--check")

    assert "2 files in" in output
    assert "are valid: local authorities: 2, links: 0, rent ranges: 1, sale ranges: 0" in output
    assert not LocalAuthority.objects.exists()
