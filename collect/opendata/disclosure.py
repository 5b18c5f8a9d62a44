"""Statistical disclosure control of a table of counts with its totals: primary and secondary cell suppression.

A table of counts (rows x columns) is published with its row totals, column totals and grand total. Together they
form a grid of (rows + 1) x (columns + 1) values in which every row and every column adds up: each value is in two
"lines" (its row and its column), and each line's cells sum to its total.

- **Primary suppression**: every value (cell or total) from 1 to threshold - 1 is suppressed. Zeros are published.
- **Secondary suppression**: someone who knows the method knows every suppressed value is at least 1 (zeros are
  published) and that each line adds up. A suppressed value is safe when it can change while every line still adds up
  and every suppressed value stays at least 1: that is when it lies on a cycle of suppressed values (row, column,
  row, …) along which values go up and down in turn, and every value that goes down is at least 2. For each
  suppressed value that is not safe, the cheapest such cycle is found (a shortest path in which already suppressed
  values cost nothing and a published value costs its size, totals ten times their size, so small inner cells go
  first) and its published values are suppressed too. Suppressing more never makes a safe value unsafe, so one pass
  over the suppressed values reaches a fixed point.

Every value that could move along such a cycle has a smallest and largest possible value that differ, so no suppressed
value can be worked out from the published ones by adding and subtracting along rows and columns; the tests check
this with a linear programming solver on random tables.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

Cell = tuple[int, int]
MARGIN_WEIGHT = 10


@dataclass(frozen=True)
class Protected:
    """A protected table.

    `grid` holds the cells with their totals (last row and column), `suppressed` its hidden positions and `primary`
    those hidden for being small.
    """

    grid: tuple[tuple[int, ...], ...]
    suppressed: frozenset[Cell]
    primary: frozenset[Cell]

    def published(self, row: int, column: int) -> int | None:
        """The value at a position of the grid, or None when it is suppressed."""
        return None if (row, column) in self.suppressed else self.grid[row][column]


def with_totals(cells: Sequence[Sequence[int]]) -> tuple[tuple[int, ...], ...]:
    """The grid of cells with a total column (last) and a total row (last)."""
    width = len(cells[0]) if cells else 0
    rows = [(*row, sum(row)) for row in cells]
    totals = tuple(sum(row[j] for row in rows) for j in range(width + 1))
    return (*(tuple(r) for r in rows), totals)


def protect(cells: Sequence[Sequence[int]], threshold: int, forced: Iterable[Cell] = ()) -> Protected:
    """Suppress the table's small values and enough others (see the module's docstring).

    `forced`: positions of the grid to suppress as well (such as totals another table shares and suppresses).
    """
    if threshold < 2:
        raise ValueError("The disclosure threshold must be at least 2.")
    grid = with_totals(cells)
    primary = {(i, j) for i, row in enumerate(grid) for j, value in enumerate(row) if 0 < value < threshold}
    suppressed = primary | {(i, j) for i, j in forced if grid[i][j] > 0}
    safe: set[Cell] = set()
    for cell in sorted(suppressed):
        if cell in safe:
            continue
        cycle = _cycle(grid, suppressed, cell, free_only=True) or _cycle(grid, suppressed, cell, free_only=False)
        assert cycle is not None  # a positive value always lies on a cycle through its row and column totals
        suppressed.update(cycle)
        safe.update(cycle)
    return Protected(grid, frozenset(suppressed), frozenset(primary))


def _sign(grid: Sequence[Sequence[int]], cell: Cell) -> int:
    """+1 for inner cells and the grand total, -1 for row and column totals (so that every line sums to zero)."""
    last_row, last_column = len(grid) - 1, len(grid[0]) - 1
    return -1 if (cell[0] == last_row) != (cell[1] == last_column) else 1


def _cycle(grid: Sequence[Sequence[int]], suppressed: set[Cell], start: Cell, *, free_only: bool) -> list[Cell] | None:
    """The cheapest cycle through `start` along which it can move (see the module's docstring), as its positions.

    With `free_only`, only through values already suppressed. None when there is none.
    """
    best: tuple[float, list[Cell]] | None = None
    for direction in (1, -1):
        if _change(grid, start, direction) < 0 and grid[start[0]][start[1]] < 2:
            continue
        found = _path(grid, suppressed, start, direction, free_only=free_only)
        if found is not None and (best is None or found[0] < best[0]):
            best = found
    return None if best is None else [start, *best[1]]


def _change(grid: Sequence[Sequence[int]], cell: Cell, step: int) -> int:
    """How a value changes when the zero-sum form of the grid changes by `step` at its position."""
    return _sign(grid, cell) * step


def _path(
    grid: Sequence[Sequence[int]], suppressed: set[Cell], start: Cell, direction: int, *, free_only: bool
) -> tuple[float, list[Cell]] | None:
    """The cheapest path from the start's column back to its row (Dijkstra), with its cost.

    An edge walked column to row changes by -direction, row to column by +direction (in the zero-sum form), and a
    value may only go down if it is at least 2.
    """
    rows, columns = len(grid), len(grid[0])
    source, target = ("c", start[1]), ("r", start[0])
    distance: dict[tuple[str, int], float] = {source: 0.0}
    previous: dict[tuple[str, int], tuple[tuple[str, int], Cell]] = {}
    queue: list[tuple[float, tuple[str, int]]] = [(0.0, source)]
    while queue:
        cost, node = heapq.heappop(queue)
        if node == target:
            break
        if cost > distance.get(node, float("inf")):
            continue
        side, index = node
        step = -direction if side == "c" else direction
        for other in range(rows if side == "c" else columns):
            cell = (other, index) if side == "c" else (index, other)
            value = grid[cell[0]][cell[1]]
            if cell == start or value <= 0:
                continue
            hidden = cell in suppressed
            if free_only and not hidden:
                continue
            if _change(grid, cell, step) < 0 and value < 2:
                continue
            weight = 0.0 if hidden else value * (MARGIN_WEIGHT if _is_total(grid, cell) else 1) + 0.5
            next_node = ("r", other) if side == "c" else ("c", other)
            if cost + weight < distance.get(next_node, float("inf")):
                distance[next_node] = cost + weight
                previous[next_node] = (node, cell)
                heapq.heappush(queue, (cost + weight, next_node))
    if target not in distance:
        return None
    cells: list[Cell] = []
    node = target
    while node != source:
        node, cell = previous[node]
        cells.append(cell)
    return distance[target], cells


def _is_total(grid: Sequence[Sequence[int]], cell: Cell) -> bool:
    return cell[0] == len(grid) - 1 or cell[1] == len(grid[0]) - 1
