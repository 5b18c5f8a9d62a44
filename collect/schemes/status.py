"""Statuses of schemes and locations on a date, from their deactivation periods (platform.md §3.3).

Plain Python, no Django: the models pass in what they know, so the lettings rules can ask "was this scheme active on
the tenancy start date?" the same way.

A deactivation period starts on its deactivation date and, when it has a reactivation date, ends the day before it.
A period without a reactivation date is "open": at most one, the latest. A period whose reactivation date is on or
before its deactivation date is empty (a cancelled deactivation) and is ignored.

On a date, in this order of precedence:
- deactivated: the owning organisation is deactivated, or an open period has started (for a location, also: its
  scheme is deactivated);
- incomplete: not confirmed (a scheme also needs at least one confirmed location);
- reactivating soon: inside a period that has a reactivation date (or the location's scheme is);
- deactivating soon: a period starts later (or the location's scheme is deactivating soon);
- activating soon: the start date is later;
- active.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from collect.schemes.options import (
    ACTIVATING_SOON,
    ACTIVE,
    DEACTIVATED,
    DEACTIVATING_SOON,
    INCOMPLETE,
    REACTIVATING_SOON,
)


@dataclass(frozen=True)
class Period:
    """A deactivation: from deactivation_date, until (not including) reactivation_date if there is one."""

    deactivation_date: datetime.date
    reactivation_date: datetime.date | None = None

    @property
    def is_open(self) -> bool:
        """No reactivation date: deactivated from its date onwards."""
        return self.reactivation_date is None

    @property
    def is_empty(self) -> bool:
        """Reactivated on or before the day it deactivated: it never takes effect."""
        return self.reactivation_date is not None and self.reactivation_date <= self.deactivation_date

    def includes(self, day: datetime.date) -> bool:
        """Whether the date is inside the period."""
        return self.deactivation_date <= day and (self.reactivation_date is None or day < self.reactivation_date)


def _effective(periods: Iterable[Period]) -> list[Period]:
    return sorted((p for p in periods if not p.is_empty), key=lambda p: p.deactivation_date)


def scheme_status(
    day: datetime.date,
    *,
    confirmed: bool,
    has_confirmed_location: bool,
    organisation_active: bool,
    startdate: datetime.date | None,
    periods: Iterable[Period],
) -> str:
    """A scheme's status on a date."""
    effective = _effective(periods)
    if not organisation_active or any(p.is_open and p.includes(day) for p in effective):
        return DEACTIVATED
    if not (confirmed and has_confirmed_location):
        return INCOMPLETE
    if any(not p.is_open and p.includes(day) for p in effective):
        return REACTIVATING_SOON
    if any(p.deactivation_date > day for p in effective):
        return DEACTIVATING_SOON
    if startdate is not None and day < startdate:
        return ACTIVATING_SOON
    return ACTIVE


def location_status(
    day: datetime.date,
    *,
    confirmed: bool,
    startdate: datetime.date | None,
    periods: Iterable[Period],
    scheme_status_on_day: str,
) -> str:
    """A location's status on a date, given its scheme's status on that date."""
    effective = _effective(periods)
    if scheme_status_on_day == DEACTIVATED or any(p.is_open and p.includes(day) for p in effective):
        return DEACTIVATED
    if not confirmed:
        return INCOMPLETE
    if scheme_status_on_day == REACTIVATING_SOON or any(not p.is_open and p.includes(day) for p in effective):
        return REACTIVATING_SOON
    if scheme_status_on_day == DEACTIVATING_SOON or any(p.deactivation_date > day for p in effective):
        return DEACTIVATING_SOON
    if startdate is not None and day < startdate:
        return ACTIVATING_SOON
    return ACTIVE


@dataclass(frozen=True)
class ActivePeriod:
    """A time a record was available: from a date, until (not including) another or for good."""

    start: datetime.date
    end: datetime.date | None = None


def active_periods(available_from: datetime.date, periods: Iterable[Period]) -> list[ActivePeriod]:
    """The times a record is available, given when it became available and its deactivation periods."""
    result: list[ActivePeriod] = []
    start: datetime.date | None = available_from
    for period in _effective(periods):
        if start is None:  # after an open period nothing more is active
            break
        if period.deactivation_date > start:
            result.append(ActivePeriod(start, period.deactivation_date))
        reactivation = period.reactivation_date
        start = None if reactivation is None else max(start, reactivation)
    if start is not None:
        result.append(ActivePeriod(start))
    return result


def availability_text(available_from: datetime.date, periods: Iterable[Period]) -> list[str]:
    """Lines such as "Active from 1 April 2025 to 31 May 2025" and "Deactivated on 1 June 2025"."""
    lines: list[str] = []
    for active in active_periods(available_from, periods):
        if active.end is None:
            lines.append(f"Active from {govuk_date(active.start)}")
        else:
            last_day = active.end - datetime.timedelta(days=1)
            lines.append(f"Active from {govuk_date(active.start)} to {govuk_date(last_day)}")
            lines.append(f"Deactivated on {govuk_date(active.end)}")
    return lines


def govuk_date(day: datetime.date) -> str:
    """A date as GOV.UK writes it: 1 April 2025."""
    return f"{day.day} {day:%B %Y}"
