"""What the log pages (list, deletion, duplicates) need to know about each kind of log.

The list, deletion and duplicate pages are written once for any `LogKind`; each kind names its pages, its URL
names, the typed column it is filtered by (lettings: needs type; sales: ownership scheme), the columns it is searched
by and the column of its date (tenancy start or sale completion).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from django.db.models import Q
from django.urls import reverse

from collect.logs.models import Log, LogKind
from collect.rulebook import Question
from collect.standards import calendar
from collect.standards.registry import COLLECTIONS, collection


@dataclass(frozen=True)
class LogPages:
    """The pages of one kind of log."""

    kind: LogKind
    # "lettings": in sentences ("lettings log"), headings ("Lettings logs") and the navigation section.
    name: str
    # What one log records, in sentences: "letting" or "sale".
    event: str
    # URL names are "journeys:<prefix><name>", such as "journeys:list" for lettings and "journeys:sales-list".
    url_prefix: str
    # The typed column (and question of the declaration) the list is filtered by as "type".
    type_question: str
    # Typed columns (and questions) searched for a code, with how the search box names them.
    search_columns: tuple[str, ...]
    search_hint: str
    # The typed column (and question) of the log's date: a lettings log's tenancy start date, a sale's completion.
    date_question: str = "startdate"

    @property
    def plural(self) -> str:
        """Such as "Lettings logs"."""
        return f"{self.name.capitalize()} logs"

    @property
    def singular(self) -> str:
        """Such as "lettings log"."""
        return f"{self.name} log"

    def url_name(self, name: str) -> str:
        """The full URL name of one of this kind's pages, such as "journeys:delete"."""
        return f"journeys:{self.url_prefix}{name}"

    def url(self, name: str, *args: object) -> str:
        """The address of one of this kind's pages."""
        return reverse(self.url_name(name), args=args or None)

    @property
    def collections(self) -> list[str]:
        """The declared collection years of this kind, newest first."""
        found = [c for c in COLLECTIONS if c.startswith(f"{self.kind}-")]
        return sorted(found, key=lambda c: collection(c).start_year, reverse=True)

    @property
    def type_question_declared(self) -> Question:
        """The type question as the newest collection year declares it (its label and options)."""
        return _question(self.collections[0], self.type_question)

    def in_years(self, years: list[int]) -> Q:
        """Logs of these collection years: by the log's date, or by declaration for logs without one."""
        wanted = Q()
        for year in years:
            dates = calendar.dates_for(year)
            wanted |= Q(**{f"{self.date_question}__gte": dates.start, f"{self.date_question}__lte": dates.end})
            wanted |= Q(**{f"{self.date_question}__isnull": True}, collection=f"{self.kind}-{year}")
        return wanted

    def label(self, question_id: str) -> str:
        """A question's label, as the newest collection year declares it."""
        return _question(self.collections[0], question_id).label


@functools.cache
def _question(collection_id: str, question_id: str) -> Question:
    return collection(collection_id).questions()[question_id]


LETTINGS = LogPages(
    kind=LogKind.LETTINGS,
    name="lettings",
    event="letting",
    url_prefix="",
    type_question="needstype",
    search_columns=("tenancycode", "propcode"),
    search_hint="Search by log ID, tenant code, property reference or postcode",
)
SALES = LogPages(
    kind=LogKind.SALES,
    name="sales",
    event="sale",
    url_prefix="sales-",
    type_question="ownershipsch",
    search_columns=("purchid",),
    search_hint="Search by log ID, purchaser code or postcode",
    date_question="saledate",
)
PAGES: dict[str, LogPages] = {LogKind.LETTINGS: LETTINGS, LogKind.SALES: SALES}


def pages_of(log: Log) -> LogPages:
    """The pages of the log's kind."""
    return PAGES[log.kind]


def log_url(log: Log, name: str, *args: object) -> str:
    """The address of one of the log's own pages, such as "log" (its task list) or "review"."""
    return PAGES[log.kind].url(name, log.pk, *args)
