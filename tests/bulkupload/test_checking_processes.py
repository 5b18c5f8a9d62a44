"""Checking a file's rows in forked processes gives the same report as checking them in one, in the same order."""

from __future__ import annotations

import dataclasses
import os

import pytest

from collect.bulkupload import checking
from collect.bulkupload.report import RowResult
from collect.standards.lettings.y2026 import examples
from tests.bulkupload.support import LETTINGS, FakeLookups, context_for, lettings_cells, lettings_file


@pytest.fixture
def small_batches(monkeypatch):
    """Processes for files of 6 rows or more, 4 rows sent at a time, so a small file goes through them."""
    monkeypatch.setattr(checking, "FEWEST_ROWS_FOR_PROCESSES", 6)
    monkeypatch.setattr(checking, "ROWS_PER_TASK", 4)


def _rows() -> list[dict[int, str]]:
    """Eleven rows: valid, with errors, with a soft warning, and two duplicates of each other."""
    rows = [lettings_cells(f13=f"T{n}") for n in range(5)]
    rows += [lettings_cells(f13="BAD1", f26="99"), lettings_cells(f13="BAD2", f47=None), lettings_cells(f13="BAD3")]
    rows += [lettings_cells(examples.SUPPORTED_HOUSING, f13="S1"), lettings_cells(f13="T1")]
    rows += [lettings_cells(f13="LAST", f137="lots")]
    return rows


def _check(data: bytes, processes: int, **kwargs):
    return checking.check_file(
        data, "logs.csv", LETTINGS, lookups=FakeLookups(), context_for=context_for, processes=processes, **kwargs
    )


def _plain(row: RowResult) -> dict:
    return dataclasses.asdict(row)


def test_processes_give_the_same_report_as_one(small_batches):
    data = lettings_file(_rows())
    alone, together = _check(data, 1), _check(data, 2)
    assert [r.row for r in together.rows] == list(range(9, 9 + len(_rows())))
    assert [_plain(r) for r in together.rows] == [_plain(r) for r in alone.rows]
    assert together.outcome == alone.outcome
    assert any(e.check == "bulk.duplicate_in_file" for e in together.errors())  # T1 twice
    assert together.count() > 0


def test_rows_are_stored_in_the_processes_and_handed_over_in_order(small_batches):
    batches: list[list[int]] = []
    parent = os.getpid()

    def store(rows: list[RowResult]) -> None:
        for row in rows:
            row.stored = {"pid": os.getpid(), "tenancycode": row.answers.get("tenancycode")}

    def on_rows(rows: list[RowResult]) -> None:
        batches.append([r.row for r in rows])
        assert all(r.stored is not None and r.stored["pid"] != parent for r in rows)

    report = _check(lettings_file(_rows()), 2, hooks=checking.ProcessHooks(store=store), on_rows=on_rows)
    assert batches == [[9, 10, 11, 12], [13, 14, 15, 16], [17, 18, 19]]
    assert [r.stored["tenancycode"] for r in report.rows][:2] == ["T0", "T1"]


def test_hooks_run_once_before_forking_and_once_in_each_process(small_batches, tmp_path):
    calls = []

    def started() -> None:
        (tmp_path / str(os.getpid())).touch()

    hooks = checking.ProcessHooks(before_fork=lambda: calls.append(1), process_start=started)
    _check(lettings_file(_rows()), 2, hooks=hooks)
    assert calls == [1]
    assert len(list(tmp_path.iterdir())) == 2
    calls.clear()
    _check(lettings_file(_rows()[:5]), 2, hooks=hooks)  # too few rows for processes
    assert calls == []


def test_a_failure_in_a_process_fails_the_check(small_batches):
    def broken(rows: list[RowResult]) -> None:
        raise RuntimeError("broken")

    with pytest.raises(RuntimeError, match="broken"):
        _check(lettings_file(_rows()), 2, hooks=checking.ProcessHooks(store=broken))
