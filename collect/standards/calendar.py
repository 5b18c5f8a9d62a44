"""The collection calendar of the national standard (lettings-2026.md §1): collection years and their deadlines.

Pure Python, so the rulebook, the CLI checker and the service all read the same dates. The service keeps an
editable calendar (collect.collection.calendar, seeded from `KNOWN_YEARS`) and installs it with `use_source` when it
starts: every function here then reads the service's dates, so nothing else needs to know where they come from. The
command-line checker and tests without a database read the defaults.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class CollectionDates:
    """The dates of one collection year (1 April to 31 March)."""

    start_year: int
    submission_deadline: datetime.date
    new_logs_end: datetime.date
    edit_end: datetime.date
    quarterly_cutoffs: tuple[datetime.date, ...] = ()

    @property
    def start(self) -> datetime.date:
        """1 April of the start year."""
        return datetime.date(self.start_year, 4, 1)

    @property
    def end(self) -> datetime.date:
        """31 March of the following year, the last day of the collection year."""
        return datetime.date(self.start_year + 1, 3, 31)

    @property
    def label(self) -> str:
        """Such as "2026 to 2027"."""
        return f"{self.start_year} to {self.start_year + 1}"


_D = datetime.date
KNOWN_YEARS: dict[int, CollectionDates] = {
    2022: CollectionDates(2022, _D(2023, 6, 9), _D(2023, 11, 20), _D(2023, 11, 20)),
    2023: CollectionDates(2023, _D(2024, 6, 7), _D(2024, 7, 22), _D(2024, 7, 22)),
    2024: CollectionDates(2024, _D(2025, 6, 6), _D(2025, 7, 24), _D(2025, 8, 1)),
    2025: CollectionDates(
        2025,
        _D(2026, 6, 5),
        _D(2026, 7, 12),
        _D(2026, 9, 1),
        (_D(2025, 7, 11), _D(2025, 10, 10), _D(2026, 1, 16), _D(2026, 6, 5)),
    ),
    2026: CollectionDates(
        2026,
        _D(2027, 6, 4),
        _D(2027, 7, 3),
        _D(2027, 7, 31),
        (_D(2026, 7, 10), _D(2026, 10, 9), _D(2027, 1, 15), _D(2027, 6, 4)),
    ),
}


Source = Callable[[], Mapping[int, CollectionDates]]
_source: list[Source] = [lambda: KNOWN_YEARS]


def use_source(source: Source | None) -> None:
    """Read collection years from `source` from now on (None: the standard's defaults, `KNOWN_YEARS`)."""
    _source[0] = source or (lambda: KNOWN_YEARS)


def known_years() -> Mapping[int, CollectionDates]:
    """The collection years with dates of their own, from the calendar in use."""
    return _source[0]()


def default_dates(start_year: int) -> CollectionDates:
    """The standard's dates of a collection year, before anyone edits them."""
    if start_year in KNOWN_YEARS:
        return KNOWN_YEARS[start_year]
    return CollectionDates(start_year, _D(start_year + 1, 6, 1), _D(start_year + 1, 12, 31), _D(start_year + 1, 12, 31))


def dates_for(start_year: int) -> CollectionDates:
    """The dates of a collection year; years without dates of their own get the standard's defaults."""
    found = known_years().get(start_year)
    return found if found is not None else default_dates(start_year)


def collection_start_year(day: datetime.date) -> int:
    """The collection year a date falls in: before 1 April it is the previous year's."""
    return day.year - 1 if day < _D(day.year, 4, 1) else day.year


def open_for_new_logs(today: datetime.date) -> list[CollectionDates]:
    """Collection years that accept new logs today (two during the spring crossover)."""
    current = collection_start_year(today)
    return [d for d in (dates_for(current - 1), dates_for(current)) if d.start <= today < d.new_logs_end]


def open_for_editing(today: datetime.date) -> list[CollectionDates]:
    """Collection years whose logs can still be changed today (to the edit deadline, that day included)."""
    current = collection_start_year(today)
    return [d for d in (dates_for(current - 1), dates_for(current)) if d.start <= today <= d.edit_end]


def earliest_open_start(today: datetime.date) -> datetime.date:
    """The start of the earliest collection year still open for new logs (its last day included)."""
    year = collection_start_year(today)
    return dates_for(year - 1).start if today <= dates_for(year - 1).new_logs_end else dates_for(year).start


def earliest_open_for_editing_start(today: datetime.date) -> datetime.date:
    """The start of the earliest collection year whose logs can still be changed (its last day included)."""
    year = collection_start_year(today)
    return dates_for(year - 1).start if today <= dates_for(year - 1).edit_end else dates_for(year).start


def next_quarterly_cutoff(today: datetime.date) -> tuple[CollectionDates, int, datetime.date] | None:
    """The next quarterly cut-off on or after today: its collection year, its quarter (1 to 4) and its date.

    The fourth quarter's cut-off is the end-of-year deadline. None when no known year has one ahead.
    """
    current = collection_start_year(today)
    for dates in (dates_for(current - 1), dates_for(current)):
        for quarter, day in enumerate(dates.quarterly_cutoffs, start=1):
            if day >= today:
                return dates, quarter, day
    return None
