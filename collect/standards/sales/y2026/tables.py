"""The open data tables of 2026/27 sales: sales by local authority and route, and the median purchase price.

The routes are the 2026/27 ownership schemes (sales-2026.md: outright sale closed from 2025); the price is the full
purchase price (`value`) before any discount.
"""

from __future__ import annotations

from collect.rulebook.tables import AmountTable, Breakdown, CountTable, Tables, codes

ROUTE = Breakdown(
    "ownershipsch",
    "Sales route",
    codes(("shared-ownership", "Shared ownership", (1,)), ("discounted-ownership", "Discounted ownership", (2,))),
)

TABLES = Tables(
    kind_label="sales",
    area="la",
    counts=(
        CountTable(
            "sales-route",
            "Sales by local authority and route",
            "Sales of social housing for ownership, by the local authority of the property and the sales route.",
            ROUTE,
            chart=True,
        ),
    ),
    amounts=(
        AmountTable(
            "sales-price",
            "Average and median purchase price by local authority and route",
            "The full purchase price of the property before any discount, by local authority and sales route.",
            "value",
            "£",
            ROUTE,
        ),
    ),
    headline="sales-price",
    headline_label="Median purchase price",
)
