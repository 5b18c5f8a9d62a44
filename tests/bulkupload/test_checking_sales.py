"""Checking sales files: each route's complete example succeeds; route columns get their own errors."""

from __future__ import annotations

from typing import Any

import pytest

from collect.bulkupload import files
from collect.bulkupload.checking import check_file
from collect.bulkupload.report import Outcome, Report
from collect.standards.sales.y2026 import examples
from tests.standards.sales.support import make_context
from tests.standards.sales.test_bulk_template import FakeLookups

SALES = "sales-2026"
EMAIL = "coordinator@example.com"
ROUTES = {
    "shared ownership": examples.SHARED_OWNERSHIP,
    "staircasing": examples.STAIRCASING,
    "discounted ownership": examples.DISCOUNTED_OWNERSHIP,
}


def _cells(example: dict[str, Any], code: str, **changes: str) -> dict[int, str]:
    cells = files.cells_for(SALES, example, {6: EMAIL, 7: code})
    cells.update({int(k.removeprefix("f")): v for k, v in changes.items()})
    return cells


def _check(rows: list[dict[int, str]]) -> Report:
    data = files.to_csv(list(files.table_rows(SALES, rows)))
    return check_file(data, "sales.csv", SALES, lookups=FakeLookups(), context_for=lambda answers: make_context())


def test_every_route_succeeds() -> None:
    rows = [_cells(example, f"P{n}") for n, example in enumerate(ROUTES.values())]
    report = _check(rows)
    assert [(e.cell, e.message) for e in report.errors()] == []
    assert report.outcome is Outcome.SUCCESS
    assert [r.status for r in report.rows] == ["completed"] * 3


@pytest.mark.parametrize(
    ("route", "price_field"), [("shared ownership", 99), ("staircasing", 120), ("discounted ownership", 128)]
)
def test_a_missing_price_is_reported_on_its_routes_column_only(route: str, price_field: int) -> None:
    cells = _cells(ROUTES[route], "P1")
    cells.pop(price_field)
    report = _check([cells])
    price_errors = {e.field for e in report.errors() if e.field in (99, 120, 128)}
    assert price_errors == {price_field}
    assert report.outcome is Outcome.CREATED_WITH_ERRORS
