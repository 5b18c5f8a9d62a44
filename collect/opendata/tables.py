"""The tables of a release, worked out from a frame of answers by the collection year's declarations, and protected.

Each declared table (collect.rulebook.tables) becomes a `BuiltTable`: a grid of counts by area (rows, in code order,
then England) and category (columns, in declared order, then all), protected by collect.opendata.disclosure; amount
tables also carry the mean and median behind each count, hidden wherever the count is. Tables of one collection year
that share their area totals hide the same totals (linked tables), so one table cannot give away what another hides.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

import polars as pl

from collect.opendata.disclosure import Cell, Protected, protect
from collect.rulebook.tables import AmountTable, Breakdown, CountTable, Tables

ENGLAND = "E92000001"
ALL = "all"
# What a hidden value is written as in every format: the Office for National Statistics' shorthand for confidential.
HIDDEN = "[c]"


@dataclass(frozen=True)
class BuiltTable:
    """A table of a release: its declaration, its areas and categories, and its protected figures."""

    collection_id: str
    declared: CountTable | AmountTable
    areas: tuple[str, ...]  # codes, England last
    categories: tuple[tuple[str, str], ...]  # (id, label), "all" last
    counts: Protected
    means: tuple[tuple[float | None, ...], ...] = ()
    medians: tuple[tuple[float | None, ...], ...] = ()
    area_names: Mapping[str, str] = field(default_factory=dict)

    @property
    def id(self) -> str:
        """The table's id, as declared."""
        return self.declared.id

    @property
    def is_amount(self) -> bool:
        """Whether the table gives averages of an amount."""
        return isinstance(self.declared, AmountTable)

    def count(self, area: str, category: str = ALL) -> int | None:
        """The published count of an area (or England) and category, None when hidden (or unknown)."""
        try:
            i, j = self.areas.index(area), [c for c, _ in self.categories].index(category)
        except ValueError:
            return None
        return self.counts.published(i, j)

    def average(self, area: str, category: str = ALL, *, median: bool = True) -> float | None:
        """The published median (or mean) of an area and category, None when hidden or unknown."""
        if not self.is_amount or area not in self.areas:
            return None
        i, j = self.areas.index(area), [c for c, _ in self.categories].index(category)
        return (self.medians if median else self.means)[i][j]

    def frame(self) -> pl.DataFrame:
        """The table in long form: one row per area and category, hidden figures null."""
        rows = []
        for i, area in enumerate(self.areas):
            for j, (category, label) in enumerate(self.categories):
                row: dict[str, object] = {
                    "area_code": area,
                    "area_name": self.area_names.get(area, area),
                    "category": category,
                    "category_label": label,
                    "count": self.counts.published(i, j),
                }
                if self.is_amount:
                    row["mean"] = self.means[i][j]
                    row["median"] = self.medians[i][j]
                rows.append(row)
        schema: dict[str, pl.DataType] = {
            "area_code": pl.String(),
            "area_name": pl.String(),
            "category": pl.String(),
            "category_label": pl.String(),
            "count": pl.Int64(),
        }
        if self.is_amount:
            schema.update(mean=pl.Float64(), median=pl.Float64())
        return pl.DataFrame(rows, schema=schema, orient="row")


def category_expression(by: Breakdown) -> pl.Expr:
    """Each log's category id of a breakdown (null when its answer is in none)."""
    answer = pl.col(by.key)
    if any(c.is_band for c in by.categories):
        amount = answer.cast(pl.Float64, strict=False)
        found: pl.Expr = pl.lit(None, dtype=pl.String)
        for category in reversed(by.categories):
            test = pl.lit(value=True)
            if category.low is not None:
                test = test & (amount >= float(category.low))
            if category.high is not None:
                test = test & (amount < float(category.high))
            found = pl.when(test).then(pl.lit(category.id)).otherwise(found)
        return found
    mapping = {str(code): c.id for c in by.categories for code in c.codes}
    return answer.replace_strict(mapping, default=None, return_dtype=pl.String)


def build_tables(
    collection_id: str, tables: Tables, answers: pl.DataFrame, threshold: int, area_names: Mapping[str, str]
) -> list[BuiltTable]:
    """Every declared table of a collection year from its logs' answers, protected and linked."""
    areas = tuple(sorted(answers.get_column(tables.area).drop_nulls().unique().to_list()))
    built = [_counted(collection_id, t, answers, tables.area, areas, threshold=threshold) for t in tables.counts]
    built += [_averaged(collection_id, t, answers, tables.area, areas, threshold=threshold) for t in tables.amounts]
    built = _linked(built, threshold)
    return [replace(t, area_names={**area_names, ENGLAND: "England"}) for t in built]


def _grid(counts: pl.DataFrame, areas: Sequence[str], categories: Sequence[str]) -> list[list[int]]:
    row_of = {a: n for n, a in enumerate(areas)}
    column_of = {c: n for n, c in enumerate(categories)}
    cells = [[0] * len(categories) for _ in areas]
    for area, category, number in counts.iter_rows():
        cells[row_of[area]][column_of[category]] = number
    return cells


def _counted(
    collection_id: str, table: CountTable, answers: pl.DataFrame, area: str, areas: tuple[str, ...], *, threshold: int
) -> BuiltTable:
    counts = (
        answers.select(area=pl.col(area), category=category_expression(table.by))
        .drop_nulls()
        .group_by("area", "category")
        .len()
    )
    categories = [c.id for c in table.by.categories]
    cells = _grid(counts, areas, categories) if areas else []
    return BuiltTable(
        collection_id,
        table,
        (*areas, ENGLAND),
        (*((c.id, c.label) for c in table.by.categories), (ALL, "All")),
        protect(cells, threshold) if cells else protect([[0] * len(categories)], threshold),
    )


def _averaged(
    collection_id: str, table: AmountTable, answers: pl.DataFrame, area: str, areas: tuple[str, ...], *, threshold: int
) -> BuiltTable:
    found = answers.select(
        area=pl.col(area),
        category=category_expression(table.by),
        amount=pl.col(table.amount).cast(pl.Float64, strict=False),
    ).drop_nulls()
    statistics = (pl.len().alias("n"), pl.col("amount").mean().alias("mean"), pl.col("amount").median().alias("median"))
    by_cell = found.group_by("area", "category").agg(*statistics)
    by_area = found.group_by("area").agg(*statistics).with_columns(category=pl.lit(ALL))
    by_category = found.group_by("category").agg(*statistics).with_columns(area=pl.lit(ENGLAND))
    overall = found.select(*statistics).with_columns(area=pl.lit(ENGLAND), category=pl.lit(ALL))
    columns = ["area", "category", "n", "mean", "median"]
    every = pl.concat([f.select(columns) for f in (by_cell, by_area, by_category, overall)])
    categories = [c.id for c in table.by.categories]
    all_areas, all_categories = (*areas, ENGLAND), (*categories, ALL)
    cells = _grid(by_cell.select("area", "category", "n"), areas, categories) if areas else [[0] * len(categories)]
    counts = protect(cells, threshold)
    values = {(a, c): (m, d) for a, c, _, m, d in every.iter_rows()}
    means, medians = [], []
    for i, a in enumerate(all_areas):
        mean_row, median_row = [], []
        for j, c in enumerate(all_categories):
            shown = counts.published(i, j) if i < len(counts.grid) else None
            mean, median = values.get((a, c), (None, None))
            mean_row.append(round(mean, 2) if shown and mean is not None else None)
            median_row.append(round(median, 2) if shown and median is not None else None)
        means.append(tuple(mean_row))
        medians.append(tuple(median_row))
    return BuiltTable(
        collection_id,
        table,
        all_areas,
        (*((c.id, c.label) for c in table.by.categories), (ALL, "All")),
        counts,
        tuple(means),
        tuple(medians),
    )


def _linked(built: list[BuiltTable], threshold: int) -> list[BuiltTable]:
    """Tables whose area totals are the same hide the same totals (repeated until nothing changes)."""
    while True:
        groups: dict[tuple[int, ...], list[int]] = {}
        for n, table in enumerate(built):
            groups.setdefault(tuple(row[-1] for row in table.counts.grid), []).append(n)
        changed = False
        for members in groups.values():
            hidden: set[int] = set()
            for n in members:
                last = len(built[n].counts.grid[0]) - 1
                hidden |= {i for i, j in built[n].counts.suppressed if j == last}
            for n in members:
                table = built[n]
                last = len(table.counts.grid[0]) - 1
                missing: set[Cell] = {(i, last) for i in hidden} - table.counts.suppressed
                if missing:
                    built[n] = _reprotected(table, threshold, missing)
                    changed = True
        if not changed:
            return built


def _reprotected(table: BuiltTable, threshold: int, extra: set[Cell]) -> BuiltTable:
    cells = [list(row[:-1]) for row in table.counts.grid[:-1]]
    counts = protect(cells, threshold, forced={*table.counts.suppressed, *extra})
    if not table.is_amount:
        return replace(table, counts=counts)

    def hide(values: tuple[tuple[float | None, ...], ...]) -> tuple[tuple[float | None, ...], ...]:
        return tuple(
            tuple(None if (i, j) in counts.suppressed else v for j, v in enumerate(row)) for i, row in enumerate(values)
        )

    return replace(table, counts=counts, means=hide(table.means), medians=hide(table.medians))
