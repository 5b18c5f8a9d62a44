"""Disclosure control: no published value is small, and no suppressed value can be worked out from the rest.

The proof uses a linear programming solver (scipy's HiGHS): for every suppressed value, the smallest and largest value
it can take while every row and column still adds up to the published totals, every suppressed value is at least 1
(zeros are published, so an attacker knows that) and published values are fixed. They must differ.
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.optimize import linprog

from collect.opendata.disclosure import Protected, protect, with_totals

THRESHOLD = 5


def feasible_range(result: Protected, cell: tuple[int, int]) -> tuple[float, float]:
    """The smallest and largest value of one suppressed position, given everything published."""
    grid = result.grid
    unknowns = sorted(result.suppressed)
    index = {position: n for n, position in enumerate(unknowns)}
    last_row, last_column = len(grid) - 1, len(grid[0]) - 1
    equations, constants = [], []
    lines = [[(i, j) for j in range(last_column)] + [(i, last_column)] for i in range(len(grid))]
    lines += [[(i, j) for i in range(last_row)] + [(last_row, j)] for j in range(len(grid[0]))]
    for line in lines:  # the cells of a line minus its total make 0
        row = np.zeros(len(unknowns))
        constant = 0.0
        for position, sign in zip(line, [1] * (len(line) - 1) + [-1], strict=True):
            if position in index:
                row[index[position]] += sign
            else:
                constant -= sign * grid[position[0]][position[1]]
        if row.any():
            equations.append(row)
            constants.append(constant)
        else:
            assert constant == 0
    objective = np.zeros(len(unknowns))
    objective[index[cell]] = 1
    found = []
    for sense in (1, -1):
        solved = linprog(
            sense * objective, A_eq=np.array(equations), b_eq=np.array(constants), bounds=[(1, None)] * len(unknowns)
        )
        if solved.status == 3:  # unbounded: no largest value
            found.append(float("inf"))
            continue
        assert solved.status == 0, solved.message
        found.append(sense * solved.fun)
    return found[0], found[1]


def assert_protected(cells: list[list[int]], result: Protected, threshold: int = THRESHOLD) -> None:
    assert result.grid == with_totals(cells)
    for i, row in enumerate(result.grid):
        for j, value in enumerate(row):
            shown = result.published(i, j)
            assert shown is None or shown == 0 or shown >= threshold, (i, j, shown)
            if 0 < value < threshold:
                assert (i, j) in result.suppressed
    for cell in result.suppressed:
        assert result.grid[cell[0]][cell[1]] > 0, "zeros are published"
        low, high = feasible_range(result, cell)
        assert high - low > 0.5, (cell, low, high, result)


small_tables = st.integers(1, 5).flatmap(
    lambda rows: st.integers(2, 5).flatmap(
        lambda columns: st.lists(
            st.lists(st.sampled_from([0, 0, 1, 1, 2, 3, 4, 5, 6, 8, 12, 30]), min_size=columns, max_size=columns),
            min_size=rows,
            max_size=rows,
        )
    )
)


@settings(max_examples=300, deadline=None)
@given(small_tables)
def test_no_small_value_published_and_no_suppressed_value_recoverable(cells: list[list[int]]) -> None:
    assert_protected(cells, protect(cells, THRESHOLD))


@settings(max_examples=100, deadline=None)
@given(small_tables, st.integers(2, 10))
def test_any_threshold(cells: list[list[int]], threshold: int) -> None:
    assert_protected(cells, protect(cells, threshold), threshold)


def test_a_lone_small_cell_takes_others_with_it() -> None:
    cells = [[3, 20, 40], [25, 30, 50], [15, 60, 10]]
    result = protect(cells, THRESHOLD)
    assert (0, 0) in result.primary
    assert len(result.suppressed) >= 4  # a cycle: its row and its column each lose another value
    assert_protected(cells, result)


def test_cells_of_one_are_protected_against_knowing_zeros_are_published() -> None:
    # Four ones in a square would still be known to be 1 each (none can go down): more must be hidden.
    cells = [[1, 1, 9], [1, 1, 9], [9, 9, 9]]
    result = protect(cells, THRESHOLD)
    assert len(result.suppressed) > 4
    assert_protected(cells, result)


def test_small_totals_are_suppressed() -> None:
    cells = [[1, 2, 0], [10, 20, 30], [7, 9, 11]]
    result = protect(cells, THRESHOLD)
    assert (0, 3) in result.suppressed  # the first row's total is 3
    assert_protected(cells, result)


def test_forced_totals_are_suppressed_and_protected() -> None:
    cells = [[10, 20], [30, 40], [50, 60]]
    result = protect(cells, THRESHOLD, forced=[(0, 2)])
    assert (0, 2) in result.suppressed
    assert_protected(cells, result)


def test_a_table_without_small_values_is_published_whole() -> None:
    assert protect([[5, 6], [7, 8]], THRESHOLD).suppressed == frozenset()


def test_threshold_below_two_is_refused() -> None:
    with pytest.raises(ValueError, match="at least 2"):
        protect([[1]], 1)


def test_the_solver_finds_a_value_that_can_be_worked_out() -> None:
    # Only the small cell hidden: its row total minus the published cells gives it away.
    grid = with_totals([[3, 20], [25, 30]])
    leaky = Protected(grid, frozenset({(0, 0)}), frozenset({(0, 0)}))
    assert feasible_range(leaky, (0, 0)) == (3, 3)
    # The classic "two in every row and column" is not enough when all four are ones: each is known to be 1.
    grid = with_totals([[1, 1, 9], [1, 1, 9], [9, 9, 9]])
    square = frozenset({(0, 0), (0, 1), (1, 0), (1, 1)})
    assert feasible_range(Protected(grid, square, square), (0, 0)) == (1, 1)
