"""What the home page shows (platform.md §1.3, §4.6): log counts in the person's scope, and the next deadlines.

A data provider's counts are of the logs assigned to them; coordinators and support count every log in their scope
and also see how many unfinished logs are assigned to them. Counts cover the collection years still open for
changes (two during the spring crossover); each links to the list filtered to the same logs.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from urllib.parse import urlencode

from django.db.models import Count, Q
from django.utils import timezone

from collect.accounts.models import User
from collect.accounts.policy import can_create_logs
from collect.journeys.kinds import PAGES, LogPages
from collect.journeys.list_filters import ME
from collect.logs import policy
from collect.logs.models import LogStatus
from collect.standards import calendar

UNFINISHED = (LogStatus.NOT_STARTED, LogStatus.IN_PROGRESS)


@dataclass(frozen=True)
class LogCount:
    """One count of logs, with the list that shows them."""

    label: str
    number: int
    href: str


@dataclass(frozen=True)
class YearCounts:
    """The counts of one kind of log in one collection year."""

    label: str
    counts: list[LogCount]


@dataclass(frozen=True)
class KindSummary:
    """The home page's box for one kind of log."""

    pages: LogPages
    years: list[YearCounts]
    can_create: bool
    duplicate_set_count: int


@dataclass(frozen=True)
class Deadline:
    """A deadline of the collection calendar, as the home page states it."""

    label: str
    day: datetime.date


def _list_link(pages: LogPages, pairs: list[tuple[str, object]]) -> str:
    return pages.url("list") + "?" + urlencode(pairs)


def year_counts(user: User, pages: LogPages, dates: calendar.CollectionDates) -> YearCounts:
    """The person's counts of one kind of log in one collection year, in one query."""
    providing = not (user.is_support or user.is_data_coordinator)
    logs = policy.logs_in_scope(user, pages.kind).visible()
    if providing:
        logs = logs.filter(assigned_to=user)
    in_year = pages.in_years([dates.start_year])
    found = logs.filter(in_year).aggregate(
        in_progress=Count("pk", filter=Q(status=LogStatus.IN_PROGRESS)),
        completed=Count("pk", filter=Q(status=LogStatus.COMPLETED)),
        mine=Count("pk", filter=Q(assigned_to=user, status__in=UNFINISHED)),
    )
    base: list[tuple[str, object]] = [("years", dates.start_year)]
    if providing:
        base.append(("assigned", ME))
    counts = [
        LogCount("In progress", found["in_progress"], _list_link(pages, [*base, ("status", LogStatus.IN_PROGRESS)])),
        LogCount("Completed", found["completed"], _list_link(pages, [*base, ("status", LogStatus.COMPLETED)])),
    ]
    if not providing:
        unfinished = [("status", status) for status in UNFINISHED]
        href = _list_link(pages, [*base, ("assigned", ME), *unfinished])
        counts.append(LogCount("Assigned to you and not completed", found["mine"], href))
    return YearCounts(dates.label, counts)


def kind_summaries(user: User, today: datetime.date | None = None) -> list[KindSummary]:
    """A box per kind of log: counts per collection year open for changes, and what the person can do."""
    years = sorted(calendar.open_for_editing(today or timezone.localdate()), key=lambda d: -d.start_year)
    creates = can_create_logs(user)
    return [
        KindSummary(
            pages,
            [year_counts(user, pages, dates) for dates in years],
            creates,
            len(policy.duplicate_sets_for(user, pages.kind)),
        )
        for pages in PAGES.values()
    ]


def deadlines(today: datetime.date | None = None) -> list[Deadline]:
    """The next quarterly cut-off, then each open year's end-of-year deadline and its last day for changes."""
    today = today or timezone.localdate()
    found: list[Deadline] = []
    if cutoff := calendar.next_quarterly_cutoff(today):
        dates, quarter, day = cutoff
        if quarter < len(dates.quarterly_cutoffs):
            found.append(Deadline(f"Quarter {quarter} deadline for {dates.label}", day))
    for dates in sorted(calendar.open_for_editing(today), key=lambda d: d.start_year):
        if dates.submission_deadline >= today:
            found.append(Deadline(f"End of year deadline for {dates.label}", dates.submission_deadline))
        found.append(Deadline(f"Last day to change logs for {dates.label}", dates.edit_end))
    return found
