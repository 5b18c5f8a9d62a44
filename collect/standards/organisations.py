"""Who fills in a log, for which organisations, and when: setup rules that lettings and sales logs share.

Both standards show the stock owner / owning organisation, managing organisation and log owner pages depending on
who is filling in the log (lettings-2026.md §2.1, sales-2026.md §1.1), hold the log's date (the tenancy start date,
the sale completion date) to the collection years open today and to 14 days ahead, and require the owning
organisation to be active on that date and to have accepted the data sharing agreement. The rules read a context
with the facts below: `collect.standards.lettings.context.LettingsContext` and
`collect.standards.sales.context.SalesContext` both have them. Each kind's declaration passes the function that
gives its context (or None when the context is of another kind, and the facts are unknown).
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Protocol

from collect.rulebook import Pred
from collect.standards.answers import govuk_date, ordinal_date
from collect.standards.calendar import (
    collection_start_year,
    dates_for,
    earliest_open_for_editing_start,
    earliest_open_start,
)
from collect.standards.facts import OrganisationFacts, UserFacts

ANY = Mapping[str, Any]
FUTURE_DAYS = 14  # a log's date may be at most this many days after today


class OrganisationContext(Protocol):
    """The facts these rules read besides the answers."""

    @property
    def today(self) -> datetime.date:
        """The day the rules are applied."""

    @property
    def owning_organisation(self) -> OrganisationFacts | None:
        """The log's owning organisation (stock owner)."""

    @property
    def managing_organisation(self) -> OrganisationFacts | None:
        """The log's managing organisation (for sales, the organisation reporting the sale)."""

    @property
    def user(self) -> UserFacts | None:
        """The person filling in the log."""

    @property
    def assigned_user_organisation_ids(self) -> frozenset[int]:
        """The organisations the log owner belongs to (with any it absorbed)."""

    @property
    def is_new_log(self) -> bool:
        """Whether the log is being created (its date rules differ from an existing log's)."""


ContextOf = Callable[[Any], OrganisationContext | None]


# The pages that depend on who is filling in the log


def stock_owner_asked(known: OrganisationContext | None) -> bool:
    """Support users choose; otherwise only when the user's organisation has a choice of stock owners.

    stock_owner_count is the organisation's stock owners plus the stock-holding organisations it absorbed. With
    exactly one candidate the service sets it without asking.
    """
    user = known.user if known else None
    if user is None:
        return False
    if user.is_support:
        return True
    organisation = user.organisation
    if organisation is None:
        return False
    if organisation.holds_own_stock:
        return user.stock_owner_count >= 1
    return user.stock_owner_count > 1


def managing_agent_asked(known: OrganisationContext | None) -> bool:
    """The organisation choosing (the owning organisation for support users, else the user's) has a choice."""
    user = known.user if known else None
    if known is None or user is None:
        return False
    organisation = known.owning_organisation if user.is_support else user.organisation
    if organisation is None:
        return False
    owner = known.owning_organisation
    if (owner is None or owner.id != organisation.id) and not organisation.holds_own_stock:
        return False
    if not organisation.holds_own_stock:
        return True
    # managing_agent_count: the user's organisation's managing agents (for support users, the owning organisation's).
    return user.managing_agent_count >= 1


def log_owner_asked(known: OrganisationContext | None) -> bool:
    """Support users and data coordinators choose the log owner."""
    user = known.user if known else None
    return user is not None and (user.is_support or user.is_data_coordinator)


@dataclass(frozen=True)
class OrganisationPages:
    """The display conditions of the three pages, for one kind of log."""

    stock_owner: Pred
    managing_agent: Pred
    log_owner: Pred


def organisation_pages(context_of: ContextOf) -> OrganisationPages:
    """The display conditions of the organisation and log owner pages, reading the context with `context_of`."""
    return OrganisationPages(
        stock_owner=Pred(
            "the user is support, or their organisation holds stock and has a stock owner (or absorbed a "
            "stock-holding organisation), or it holds no stock and has more than one stock owner",
            lambda a, c: stock_owner_asked(context_of(c)),
        ),
        managing_agent=Pred(
            "the organisation choosing (the owning organisation for support users, else the user's) holds no stock "
            "and owns the property, or holds stock and has at least one managing agent",
            lambda a, c: managing_agent_asked(context_of(c)),
            reads=("owning_organisation_id",),
        ),
        log_owner=Pred("the user is support or a data coordinator", lambda a, c: log_owner_asked(context_of(c))),
    )


# The log's organisations, and whether they were active on a day


def owner(answers: ANY, known: OrganisationContext | None) -> OrganisationFacts | None:
    """The owning organisation's facts, when the log has one."""
    return known.owning_organisation if known and answers.get("owning_organisation_id") is not None else None


def manager(answers: ANY, known: OrganisationContext | None) -> OrganisationFacts | None:
    """The managing organisation's facts, when the log has one."""
    return known.managing_organisation if known and answers.get("managing_organisation_id") is not None else None


def day_text(day: datetime.date | None) -> str:
    """A date in a message: 1 April 2026."""
    return govuk_date(day) if day else "an unknown date"


def merged(organisation: OrganisationFacts | None, day: datetime.date | None) -> bool:
    """Merged into another organisation on or before the day."""
    return (
        organisation is not None
        and day is not None
        and organisation.merge_date is not None
        and (organisation.merge_date <= day)
    )


def not_yet_active(organisation: OrganisationFacts | None, day: datetime.date | None) -> bool:
    """An absorbing organisation that only becomes available after the day."""
    return (
        organisation is not None
        and day is not None
        and organisation.has_absorbed_organisations
        and organisation.available_from is not None
        and organisation.available_from > day
    )


def inactive_message(
    role: str, organisation: OrganisationFacts | None, day: datetime.date | None, date_label: str
) -> str:
    """Why the organisation was not active on the day: "The owning organisation must be active on the …"."""
    if organisation is None:
        return f"The {role} organisation must be active on the {date_label}."
    if merged(organisation, day):
        return (
            f"The {role} organisation must be active on the {date_label}. {organisation.name} became inactive on "
            f"{day_text(organisation.merge_date)} and was replaced by {organisation.absorbing_organisation_name}."
        )
    return (
        f"The {role} organisation must be active on the {date_label}. {organisation.name} became active on "
        f"{day_text(organisation.available_from)}."
    )


def without_agreement(organisation: OrganisationFacts | None) -> bool:
    """The organisation is given and has not accepted the data sharing agreement."""
    return organisation is not None and not organisation.accepted_data_sharing_agreement


def data_sharing_message(role: str) -> str:
    """The data sharing agreement message for the owning or managing organisation."""
    return (
        f"The organisation must accept the Data Sharing Agreement before it can be selected as the {role} organisation."
    )


def not_users_organisations(answers: ANY, known: OrganisationContext | None) -> bool:
    """The log owner, owning and managing organisation are given and neither is the owner's organisation."""
    ids = known.assigned_user_organisation_ids if known else frozenset()
    keys = ("assigned_to_id", "owning_organisation_id", "managing_organisation_id")
    if not ids or any(answers.get(key) is None for key in keys):
        return False  # an assigned user always belongs to an organisation: no ids means the facts are unknown
    return answers.get("owning_organisation_id") not in ids and answers.get("managing_organisation_id") not in ids


# The log's date: the collection years open today, and no more than 14 days ahead


def open_window(known: OrganisationContext | None) -> tuple[datetime.date, datetime.date] | None:
    """The dates allowed today, first and last (lettings-2026.md §1.2, sales-2026.md §4.2 S1).

    New logs from the start of the earliest year open for new logs, changes from the earliest year open for editing,
    to the end of the current collection year.
    """
    return None if known is None else _window_on(known.today, known.is_new_log)


def _window_on(today: datetime.date, new_log: bool) -> tuple[datetime.date, datetime.date]:
    first = earliest_open_start(today) if new_log else earliest_open_for_editing_start(today)
    return first, dates_for(collection_start_year(today)).end


def outside_window(day: datetime.date | None, known: OrganisationContext | None) -> bool:
    """The date is given and outside the collection years open today."""
    window = open_window(known)
    return day is not None and window is not None and not window[0] <= day <= window[1]


def window_message(known: OrganisationContext | None) -> str:
    """The collection years open today, in the standard's words (the new-logs crossover names two years)."""
    today = known.today if known else datetime.date.today()
    current = dates_for(collection_start_year(today))
    previous = dates_for(current.start_year - 1)
    if earliest_open_start(today) < current.start:  # the new-logs crossover, whatever the log (as coded)
        return (
            f"Enter a date within the {previous.start:%Y} to {previous.end:%Y} or {previous.end:%Y} to "
            f"{current.end:%Y} collection years, which is between {ordinal_date(previous.start)} and "
            f"{ordinal_date(current.end)}."
        )
    return (
        f"Enter a date within the {current.start:%Y} to {current.end:%Y} collection year, which is between "
        f"{ordinal_date(current.start)} and {ordinal_date(current.end)}."
    )


def too_far_ahead(day: datetime.date | None, known: OrganisationContext | None) -> bool:
    """The date is more than 14 days after today."""
    return known is not None and day is not None and day > known.today + datetime.timedelta(days=FUTURE_DAYS)
