"""Who has sent what: logs completed, in progress and expected per organisation and quarter (issue 10).

Late organisations come first.

A grouped query counts a year's logs by owning organisation, quarter (of the tenancy start or sale date) and status,
reading only the indexed typed columns (`log_completeness_idx`). With a million logs it takes about a second, so the
view of every organisation reads a summary of those counts (CompletenessCount), worked out again every few minutes by
a task (collect.collection.tasks) and before each reminder round; one organisation's figures are counted live.

The expected number of a quarter is the organisation's count for the same quarter a year earlier. A nil return
(collect.collection.models.NilReturn) says an organisation had none, so that quarter is never late.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Case, Count, IntegerField, Q, When
from django.utils import timezone

from collect.collection.models import QUARTERS, CompletenessCount, CompletenessRefresh, NilReturn
from collect.logs.models import Log, LogKind, LogStatus
from collect.organisations.models import Organisation, OrganisationNameChange, ProviderType, Region
from collect.standards import calendar

UNFINISHED = (LogStatus.NOT_STARTED, LogStatus.IN_PROGRESS)
COUNTED = (*UNFINISHED, LogStatus.COMPLETED)
ONE_DAY = datetime.timedelta(days=1)
DATE_COLUMN = {LogKind.LETTINGS: "startdate", LogKind.SALES: "saledate"}


def quarter_start(start_year: int, quarter: int) -> datetime.date:
    """The first day of a quarter: 1 April, 1 July, 1 October, then 1 January of the next year."""
    return datetime.date(start_year + (quarter == 4), (4, 7, 10, 1)[quarter - 1], 1)


def quarter_of(start_year: int, day: datetime.date) -> int:
    """The quarter (1 to 4) of a collection year a date falls in."""
    return next(q for q in (4, 3, 2, 1) if day >= quarter_start(start_year, q))


def quarter_label(quarter: int) -> str:
    """Such as "Quarter 1 (April to June)"."""
    months = ("April to June", "July to September", "October to December", "January to March")[quarter - 1]
    return f"Quarter {quarter} ({months})"


@dataclass(frozen=True)
class Quarter:
    """One organisation's figures for one quarter."""

    quarter: int
    completed: int = 0
    in_progress: int = 0
    expected: int = 0
    nil_return: bool = False
    cutoff: datetime.date | None = None
    past_cutoff: bool = False

    @property
    def short(self) -> int:
        """How many completed logs are missing against the expected number."""
        return 0 if self.nil_return else max(self.expected - self.completed, 0)

    @property
    def needs_attention(self) -> bool:
        """Unfinished logs, or fewer completed than expected, and no nil return."""
        return not self.nil_return and (self.in_progress > 0 or self.completed < self.expected)

    @property
    def late(self) -> bool:
        """Past the quarter's cut-off and still needing attention."""
        return self.past_cutoff and self.needs_attention

    @property
    def status(self) -> str:
        """What the dashboard says about the quarter."""
        if self.nil_return:
            return "No logs declared"
        if self.late:
            return "Late"
        if not self.needs_attention:
            return "Complete" if self.completed or self.past_cutoff else "Nothing expected yet"
        return "In progress"


@dataclass(frozen=True)
class OrganisationRow:
    """One organisation's quarters."""

    organisation_id: int
    name: str
    provider_type: str
    region: str
    quarters: tuple[Quarter, ...]

    @property
    def late_quarters(self) -> int:
        """How many past quarters still need attention."""
        return sum(1 for q in self.quarters if q.late)

    @property
    def short(self) -> int:
        """Completed logs missing against the expected numbers, over the quarters past their cut-off."""
        return sum(q.short + q.in_progress for q in self.quarters if q.late)


@dataclass(frozen=True)
class Filters:
    """Which organisations the view covers."""

    provider_type: int | None = None
    region: str = ""
    organisation_id: int | None = None


@dataclass
class Completeness:
    """The completeness of one kind of log in one collection year."""

    kind: str
    dates: calendar.CollectionDates
    today: datetime.date
    rows: list[OrganisationRow] = field(default_factory=list)
    # When the figures of every organisation were last worked out (None: counted at the request).
    as_of: datetime.datetime | None = None

    def totals(self) -> list[Quarter]:
        """Every organisation's figures added up, per quarter."""
        found = []
        for index, quarter in enumerate(QUARTERS):
            quarters = [row.quarters[index] for row in self.rows]
            first = quarters[0] if quarters else Quarter(quarter)
            found.append(
                Quarter(
                    quarter,
                    completed=sum(q.completed for q in quarters),
                    in_progress=sum(q.in_progress for q in quarters),
                    expected=sum(q.expected for q in quarters if not q.nil_return),
                    cutoff=first.cutoff,
                    past_cutoff=first.past_cutoff,
                )
            )
        return found

    @property
    def late_count(self) -> int:
        """How many organisations are late in at least one quarter."""
        return sum(1 for row in self.rows if row.late_quarters)


def live_counts(kind: str, start_year: int, filters: Filters) -> dict[tuple[int, int], dict[str, int]]:
    """Logs by (owning organisation, quarter) and status in one collection year, counted now: one grouped query."""
    column = DATE_COLUMN[LogKind(kind)]
    whens = [When(**{f"{column}__lt": _quarter_end(start_year, q) + ONE_DAY}, then=q) for q in QUARTERS]
    logs = Log.objects.filter(
        kind=kind,
        status__in=COUNTED,
        **{f"{column}__gte": quarter_start(start_year, 1), f"{column}__lt": datetime.date(start_year + 1, 4, 1)},
    ).exclude(owning_organisation_id=None)
    logs = logs.filter(_organisation_filter(filters, "owning_organisation__"))
    rows = (
        logs.annotate(quarter=Case(*whens, output_field=IntegerField()))
        .values("owning_organisation_id", "quarter", "status")
        .annotate(n=Count("pk"))
        .values_list("owning_organisation_id", "quarter", "status", "n")
        .order_by()
    )
    found: dict[tuple[int, int], dict[str, int]] = defaultdict(dict)
    for organisation_id, quarter, status, number in rows:
        found[(organisation_id, quarter)][status] = number
    return found


def refresh(kind: str, start_year: int) -> int:
    """Work out a collection year's summary again (CompletenessCount); returns its number of rows."""
    found = live_counts(kind, start_year, Filters())
    rows = [
        CompletenessCount(kind=kind, start_year=start_year, quarter=quarter, organisation_id=organisation_id,
                          status=status, count=number)
        for (organisation_id, quarter), statuses in found.items()
        for status, number in statuses.items()
    ]  # fmt: skip
    with transaction.atomic():
        CompletenessCount.objects.filter(kind=kind, start_year=start_year).delete()
        CompletenessCount.objects.bulk_create(rows, batch_size=2000)
        CompletenessRefresh.objects.update_or_create(
            kind=kind, start_year=start_year, defaults={"refreshed_at": timezone.now()}
        )
    return len(rows)


def refresh_open_years(today: datetime.date) -> None:
    """Work out the summaries of the collection years open for changes, and the years before them (expected)."""
    years = {d.start_year for d in calendar.open_for_editing(today)}
    for kind in LogKind:
        for year in sorted(years | {y - 1 for y in years}):
            refresh(kind, year)


def refreshed_at(kind: str, start_year: int) -> datetime.datetime | None:
    """When a year's summary was last worked out (None: never)."""
    found = CompletenessRefresh.objects.filter(kind=kind, start_year=start_year).first()
    return found.refreshed_at if found else None


def counts(kind: str, start_year: int, filters: Filters) -> dict[tuple[int, int, int], dict[str, int]]:
    """Logs by (owning organisation, start year, quarter) and status, for a year and the year before.

    One organisation's are counted now; every organisation's come from the summary, worked out first for a year
    that has none yet.
    """
    found: dict[tuple[int, int, int], dict[str, int]] = defaultdict(dict)
    for year in (start_year - 1, start_year):
        if filters.organisation_id is not None:
            for (organisation_id, quarter), statuses in live_counts(kind, year, filters).items():
                found[(organisation_id, year, quarter)] = statuses
            continue
        if refreshed_at(kind, year) is None:
            refresh(kind, year)
        summary = CompletenessCount.objects.filter(kind=kind, start_year=year)
        summary = summary.filter(_organisation_filter(filters, "organisation__"))
        for organisation_id, quarter, status, number in summary.values_list(
            "organisation_id", "quarter", "status", "count"
        ):
            found[(organisation_id, year, quarter)][status] = number
    return found


def _organisation_filter(filters: Filters, prefix: str = "") -> Q:
    wanted = Q()
    if filters.organisation_id is not None:
        wanted &= Q(**{f"{prefix}pk": filters.organisation_id})
    if filters.provider_type is not None:
        wanted &= Q(**{f"{prefix}provider_type": filters.provider_type})
    if filters.region:
        wanted &= Q(**{f"{prefix}region": filters.region})
    return wanted


@dataclass(frozen=True)
class Covered:
    """An organisation the view covers, as the view shows it."""

    pk: int
    name: str
    provider_type: int
    region: str


def organisations(filters: Filters, today: datetime.date) -> list[Covered]:
    """The organisations the view covers: active ones that send logs (not the department, not merged away).

    Two queries whatever their number: the organisations, then the name changes in force today.
    """
    found = Organisation.objects.filter(_organisation_filter(filters), is_department=False)
    if filters.organisation_id is None:
        found = found.filter(active=True, absorbing_organisation=None)
    rows = list(found.values_list("pk", "name", "provider_type", "region"))
    renamed = OrganisationNameChange.objects.filter(
        organisation_id__in=found.values("pk"), cancelled_at=None, start_date__lte=today
    ).order_by("organisation_id", "start_date", "pk")
    names = dict(renamed.values_list("organisation_id", "name"))  # the latest change of each wins
    return [Covered(pk, names.get(pk, name), provider_type, region) for pk, name, provider_type, region in rows]


def nil_returns(kind: str, start_year: int, organisation_ids: Iterable[int] | None = None) -> set[tuple[int, int]]:
    """(organisation, quarter) pairs declared as having no logs of this kind."""
    declared = NilReturn.objects.filter(kind=kind, start_year=start_year)
    if organisation_ids is not None:
        declared = declared.filter(organisation_id__in=list(organisation_ids))
    return set(declared.values_list("organisation_id", "quarter"))


def completeness(
    kind: str, start_year: int, filters: Filters | None = None, today: datetime.date | None = None
) -> Completeness:
    """Every covered organisation's figures for a year's quarters.

    Late organisations come first (most late quarters, then most missing logs), then the others by name.
    """
    filters = filters or Filters()
    today = today or timezone.localdate()
    dates = calendar.dates_for(start_year)
    cutoffs = dict(zip(QUARTERS, dates.quarterly_cutoffs, strict=False))
    found = counts(kind, start_year, filters)
    chosen = organisations(filters, today)
    declared = nil_returns(kind, start_year, None if filters.organisation_id is None else [filters.organisation_id])
    rows = []
    for organisation in chosen:
        quarters = []
        for quarter in QUARTERS:
            now = found.get((organisation.pk, start_year, quarter), {})
            before = found.get((organisation.pk, start_year - 1, quarter), {})
            cutoff = cutoffs.get(quarter)
            past = (cutoff or _quarter_end(start_year, quarter)) < today
            quarters.append(
                Quarter(
                    quarter,
                    completed=now.get(LogStatus.COMPLETED, 0),
                    in_progress=sum(now.get(s, 0) for s in UNFINISHED),
                    expected=sum(before.values()),
                    nil_return=(organisation.pk, quarter) in declared,
                    cutoff=cutoff,
                    past_cutoff=past,
                )
            )
        rows.append(
            OrganisationRow(
                organisation.pk,
                organisation.name,
                ProviderType(organisation.provider_type).label,
                Region(organisation.region).label if organisation.region else "",
                tuple(quarters),
            )
        )
    rows.sort(key=lambda row: (-row.late_quarters, -row.short, row.name.lower()))
    as_of = refreshed_at(kind, start_year) if filters.organisation_id is None else None
    return Completeness(kind, dates, today, rows, as_of)


def _quarter_end(start_year: int, quarter: int) -> datetime.date:
    return (quarter_start(start_year, quarter + 1) if quarter < 4 else datetime.date(start_year + 1, 4, 1)) - (
        datetime.timedelta(days=1)
    )


CSV_HEADER = ("Organisation", "Organisation ID", "Type of provider", "Region")


def csv_rows(found: Completeness) -> Iterable[list[object]]:
    """The table as CSV rows: the header, then one row per organisation with every quarter's figures."""
    header: list[object] = list(CSV_HEADER)
    for quarter in QUARTERS:
        header += [f"Q{quarter} completed", f"Q{quarter} in progress", f"Q{quarter} expected", f"Q{quarter} status"]
    yield header
    for row in found.rows:
        cells: list[object] = [row.name, f"ORG{row.organisation_id}", row.provider_type, row.region]
        for q in row.quarters:
            cells += [q.completed, q.in_progress, q.expected, q.status]
        yield cells
