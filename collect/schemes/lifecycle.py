"""When a scheme or location may be deactivated or reactivated, and which dates are allowed (platform.md §3.3).

Rules (the national service's, written down):
- Deactivate: only a confirmed record without an open deactivation (one with no reactivation date), and not already
  deactivated with its organisation or (for a location) its scheme. The date must be on or after the start of the
  earliest collection year still open for editing (earlier logs can no longer change), on or after the day the record
  became available, and not inside an earlier deactivation period. A future date makes the record "deactivating
  soon" until then. "Now" means today.
- Reactivate: only a record with an open deactivation, of an active organisation. The date must be on or after its
  deactivation date and on or after the day the record became available. A future date makes it "reactivating
  soon"; reactivating on the deactivation date itself cancels a deactivation that has not happened yet.
- Dates have no upper limit other than being real dates.
"""

from __future__ import annotations

import datetime

from collect.schemes.models import Location, Scheme
from collect.schemes.options import DEACTIVATED
from collect.schemes.status import govuk_date
from collect.standards import calendar

Record = Scheme | Location


def kind_of(record: Record) -> str:
    """The kind of record, "scheme" or "location", for messages."""
    return "scheme" if isinstance(record, Scheme) else "location"


def _organisation_active(record: Record) -> bool:
    scheme = record if isinstance(record, Scheme) else record.scheme
    return scheme.owning_organisation.active


def can_deactivate(record: Record) -> bool:
    """Whether the record can be given a deactivation date now (not when already deactivated some other way)."""
    return record.confirmed and record.open_deactivation() is None and record.status != DEACTIVATED


def can_reactivate(record: Record) -> bool:
    """Whether the record has a deactivation to end (its organisation's deactivation is not ended here)."""
    return record.open_deactivation() is not None and _organisation_active(record)


def deactivation_problem(record: Record, day: datetime.date, today: datetime.date) -> str | None:
    """Why the record cannot be deactivated from this date, or None when it can."""
    kind = kind_of(record)
    earliest = calendar.earliest_open_for_editing_start(today)
    if day < earliest:
        return (
            f"The date must be on or after {govuk_date(earliest)}, the start of the earliest collection year "
            "that is still open"
        )
    if day < record.available_from:
        return f"The date must be on or after {govuk_date(record.available_from)}, when the {kind} became available"
    for period in record.periods():
        if not period.is_open and not period.is_empty and period.includes(day):
            return f"The {kind} is already deactivated on this date. Enter a different date"
    return None


def reactivation_problem(record: Record, day: datetime.date, today: datetime.date) -> str | None:
    """Why the record cannot be reactivated from this date, or None when it can."""
    kind = kind_of(record)
    open_period = record.open_deactivation()
    if open_period is None:
        return f"The {kind} is not deactivated"
    if day < open_period.deactivation_date:
        return (
            f"The date must be on or after {govuk_date(open_period.deactivation_date)}, when the {kind} is deactivated"
        )
    if day < record.available_from:
        return f"The date must be on or after {govuk_date(record.available_from)}, when the {kind} became available"
    return None
