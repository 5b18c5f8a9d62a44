"""The collection calendar facts schemes and locations need (platform.md §0, `Form::DEADLINES`).

A collection year runs from 1 April to 31 March and is named by the year it starts in. After 31 March the previous
year stays open for new logs until its `new_logs_end` date and for edits until its `edit_end` date.

Kept here, small, until the collection years have their own app; then this module should read from it.
"""

from __future__ import annotations

import datetime

# Start year: (new logs end, edit end). Years not listed: both on 31 December of the following year.
DEADLINES: dict[int, tuple[datetime.date, datetime.date]] = {
    2022: (datetime.date(2023, 11, 20), datetime.date(2023, 11, 20)),
    2023: (datetime.date(2024, 7, 22), datetime.date(2024, 7, 22)),
    2024: (datetime.date(2025, 7, 24), datetime.date(2025, 8, 1)),
    2025: (datetime.date(2026, 7, 12), datetime.date(2026, 9, 1)),
    2026: (datetime.date(2027, 7, 3), datetime.date(2027, 7, 31)),
}


def collection_start_year(day: datetime.date) -> int:
    """The collection year a date falls in: 2025 for any date from 1 April 2025 to 31 March 2026."""
    return day.year if day >= datetime.date(day.year, 4, 1) else day.year - 1


def collection_start(year: int) -> datetime.date:
    """1 April of the year."""
    return datetime.date(year, 4, 1)


def new_logs_end(year: int) -> datetime.date:
    """The last day on which logs of the collection year can be created."""
    return DEADLINES.get(year, (datetime.date(year + 1, 12, 31),) * 2)[0]


def edit_end(year: int) -> datetime.date:
    """The last day on which logs of the collection year can be changed."""
    return DEADLINES.get(year, (datetime.date(year + 1, 12, 31),) * 2)[1]


def earliest_open_start(today: datetime.date) -> datetime.date:
    """The start of the earliest collection year still open for new logs."""
    year = collection_start_year(today)
    return collection_start(year - 1 if today <= new_logs_end(year - 1) else year)


def earliest_open_for_editing_start(today: datetime.date) -> datetime.date:
    """The start of the earliest collection year whose logs can still be changed."""
    year = collection_start_year(today)
    return collection_start(year - 1 if today <= edit_end(year - 1) else year)
