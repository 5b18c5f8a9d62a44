"""Fuzzed files never make checking fail: any bytes, and template rows with any text in any cell."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from collect.bulkupload.report import Outcome
from tests.bulkupload.support import check, lettings_cells, lettings_file

CELL_TEXT = st.one_of(
    st.sampled_from(["", "R", "r", "0", "1", "2", "99", "-1", "1.5", "08", "1e3", "£1,000", "=1+1", "ORG1", "S5"]),
    st.text(max_size=12),
    st.integers(-5, 200).map(str),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=3000), st.sampled_from(["logs.csv", "logs.xlsx", "logs.txt", "logs"]))
def test_any_bytes(data: bytes, name: str) -> None:
    report = check(data, filename=name)
    assert report.outcome is Outcome.REJECTED or report.rows is not None


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(st.integers(1, 147), CELL_TEXT, max_size=25))
def test_any_cells_in_a_template_row(changes: dict[int, str]) -> None:
    cells = lettings_cells()
    cells.update(changes)
    report = check(lettings_file([cells]))
    assert report.outcome is not None
    for error in report.errors():
        assert error.message
        assert error.field == 0 or 1 <= error.field <= 147
