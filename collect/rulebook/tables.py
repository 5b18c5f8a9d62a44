"""What a collection year publishes as open data: its statistical tables and the figures of its area factsheets.

Every table is by area (the answer `Tables.area`, an ONS statistical geography code such as a local authority's
E06…/E07…/E08…/E09…) and, as columns, by one breakdown (`Breakdown`): an answer whose codes or amounts are grouped
into categories (`Category`). A `CountTable` counts logs per area and category; an `AmountTable` gives the mean and
median of an amount (a weekly rent, a price) per area and category, with the number of logs behind each. The
publishing code (collect.opendata) reads only these declarations: a new collection year with other groupings needs no
new publishing code.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

Number = int | Decimal


@dataclass(frozen=True)
class Category:
    """One column of a breakdown: the answer's codes in it, or a band of amounts (`low` ≤ amount < `high`)."""

    id: str
    label: str
    codes: tuple[Any, ...] = ()
    low: Number | None = None
    high: Number | None = None

    @property
    def is_band(self) -> bool:
        """Whether the category is a band of amounts rather than a set of codes."""
        return self.low is not None or self.high is not None


@dataclass(frozen=True)
class Breakdown:
    """An answer grouped into categories; logs whose answer is in none of them are not counted."""

    key: str
    title: str
    categories: tuple[Category, ...]


@dataclass(frozen=True)
class CountTable:
    """The number of logs by area and category; `chart`: shown as a chart on each area's factsheet."""

    id: str
    title: str
    description: str
    by: Breakdown
    chart: bool = False


@dataclass(frozen=True)
class AmountTable:
    """The mean and median of an amount (answer `amount`, in `unit`) by area and category."""

    id: str
    title: str
    description: str
    amount: str
    unit: str
    by: Breakdown


@dataclass(frozen=True)
class Tables:
    """A collection year's published tables.

    `headline` is the amount table whose "all" median leads a factsheet, as `headline_label` ("Median weekly rent").
    """

    kind_label: str  # "lettings", "sales": what a log is, in a sentence
    area: str
    counts: tuple[CountTable, ...]
    amounts: tuple[AmountTable, ...] = ()
    headline: str | None = None
    headline_label: str = ""

    def all_ids(self) -> tuple[str, ...]:
        """Every table's id, in order."""
        return (*(t.id for t in self.counts), *(t.id for t in self.amounts))


def codes(*pairs: tuple[str, str, tuple[Any, ...]]) -> tuple[Category, ...]:
    """Categories from (id, label, codes) triples."""
    return tuple(Category(id, label, tuple(found)) for id, label, found in pairs)


def answer_keys(tables: Tables) -> set[str]:
    """The answers the tables read."""
    keys = {tables.area}
    for table in tables.counts:
        keys.add(table.by.key)
    for amount in tables.amounts:
        keys.update((amount.amount, amount.by.key))
    return keys
