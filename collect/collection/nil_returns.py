"""Nil returns: a data coordinator declares that their organisation had no lettings (or sales) in a quarter.

A nil return stops the reminders about that kind of log for that quarter and shows on the completeness view.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db import transaction

from collect.accounts.models import User
from collect.audit import trail
from collect.collection.completeness import COUNTED, DATE_COLUMN, quarter_label, quarter_start
from collect.collection.models import QUARTERS, NilReturn
from collect.logs.models import Log, LogKind
from collect.organisations.models import Organisation
from collect.standards import calendar


@dataclass(frozen=True)
class QuarterChoice:
    """A quarter a nil return may be declared for."""

    start_year: int
    quarter: int

    @property
    def value(self) -> str:
        """Such as "2026-1"."""
        return f"{self.start_year}-{self.quarter}"

    @property
    def label(self) -> str:
        """Such as "Quarter 1 (April to June) 2026 to 2027"."""
        return f"{quarter_label(self.quarter)} {calendar.dates_for(self.start_year).label}"


def open_quarters(today: datetime.date) -> list[QuarterChoice]:
    """Quarters that have started, of the collection years still open for changes, newest first."""
    found = [
        QuarterChoice(dates.start_year, quarter)
        for dates in calendar.open_for_editing(today)
        for quarter in QUARTERS
        if quarter_start(dates.start_year, quarter) <= today
    ]
    return sorted(found, key=lambda q: (q.start_year, q.quarter), reverse=True)


def logs_in_quarter(organisation: Organisation, kind: str, start_year: int, quarter: int) -> int:
    """How many visible logs of a kind the organisation owns in a quarter."""
    column = DATE_COLUMN[LogKind(kind)]
    end = quarter_start(start_year, quarter + 1) if quarter < 4 else datetime.date(start_year + 1, 4, 1)
    return Log.objects.filter(
        kind=kind,
        owning_organisation=organisation,
        status__in=COUNTED,
        **{f"{column}__gte": quarter_start(start_year, quarter), f"{column}__lt": end},
    ).count()


def declare(user: User, kind: str, start_year: int, quarter: int) -> NilReturn:
    """Record that the user's organisation had no logs of a kind in a quarter (again: the same declaration)."""
    with transaction.atomic():
        found, created = NilReturn.objects.get_or_create(
            organisation_id=user.organisation_id,
            start_year=start_year,
            quarter=quarter,
            kind=kind,
            defaults={"declared_by": user},
        )
        if created:
            trail.record(user, "declared", found, note=str(found))
    return found


def withdraw(user: User, nil_return: NilReturn) -> None:
    """Take a nil return back (reminders about that quarter start again)."""
    with transaction.atomic():
        trail.record(user, "withdrawn", nil_return, note=str(nil_return))
        nil_return.delete()
