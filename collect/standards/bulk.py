"""Bulk upload template pieces that lettings and sales share: organisations, the assigned user, ages, people.

A row names its owning and managing organisations by code ("ORG12", or an organisation's old visible id), the
assigned user by email, and (lettings) the scheme and location by code. Finding them needs the database: the service
passes `Lookups`; the offline checker passes None, and then these cells are read as placeholders and their checks
skipped (the report says so). The checks' messages are the standard's (lettings-2026.md §6.4, sales-2026.md §5.4).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Protocol

from collect.rulebook.template import Category, CellCheck, Cells, Reader

ORG_CODE = re.compile(r"^ORG(\d{1,9})$", re.IGNORECASE)
# The placeholder answer of an organisation, user, scheme or location the offline checker cannot look up.
NOT_LOOKED_UP = -1


@dataclass(frozen=True)
class BulkOrganisation:
    """An organisation named in a row."""

    id: int
    name: str
    holds_own_stock: bool
    # The organisations that may manage its lettings or report its sales: itself and its managing agents.
    managing_agent_ids: frozenset[int] = frozenset()
    provider_type: int | None = None  # 1 local authority, 2 private registered provider


@dataclass(frozen=True)
class BulkUser:
    """The user a row assigns its log to."""

    id: int
    # Their organisation and the organisations it was merged into.
    organisation_ids: frozenset[int]


@dataclass(frozen=True)
class Uploader:
    """The person uploading the file."""

    user_id: int
    is_support: bool
    organisation_id: int | None
    organisation_name: str
    # The stock owners whose logs the uploader's organisation may add: itself if it holds stock, its stock owners,
    # and those of the organisations it absorbed (lettings-2026.md §6.4 "owning org").
    permitted_owner_ids: frozenset[int]


class Lookups(Protocol):
    """Finds what a row names (the service implements it over the database)."""

    @property
    def uploader(self) -> Uploader:
        """Who is uploading."""

    def organisation(self, code: str) -> BulkOrganisation | None:
        """An organisation by "ORG<id>" or old visible id."""

    def user(self, email: str) -> BulkUser | None:
        """A user by email (any case)."""

    def scheme(self, code: str, organisation_ids: frozenset[int]) -> int | None:
        """The id of a scheme by "S<id>" or old visible id, among the schemes of these organisations."""

    def location(self, scheme_id: int, code: str) -> int | None:
        """The id of a location of a scheme by id or old visible id."""


def text(cells: Cells, number: int) -> str:
    """A cell as stripped text ("" when blank)."""
    found = cells.get(number)
    return "" if found is None else str(found).strip()


def _organisation(cells: Cells, number: int, lookups: Lookups | None) -> BulkOrganisation | None:
    code = text(cells, number)
    return lookups.organisation(code) if code and lookups is not None else None


def organisation_reader(number: int, answer: str) -> Reader:
    """A cell naming an organisation by code, read as the organisation's id."""

    def read(cells: Cells, lookups: Lookups | None) -> dict[str, Any]:
        code = text(cells, number)
        if not code:
            return {}
        if lookups is None:
            return {answer: NOT_LOOKED_UP}
        found = lookups.organisation(code)
        return {answer: found.id if found else None}

    def write(answers: Mapping[str, Any]) -> dict[int, Any]:
        found = answers.get(answer)
        return {number: f"ORG{found}" if isinstance(found, int) else None}

    return Reader(answer, (number,), (answer,), read, write)


def assigned_user_reader(number: int, answer: str = "assigned_to_id") -> Reader:
    """The assigned user's email, read as their id; a blank cell assigns the log to the uploader (not support)."""

    def read(cells: Cells, lookups: Lookups | None) -> dict[str, Any]:
        email = text(cells, number)
        if lookups is None:
            return {answer: NOT_LOOKED_UP}
        if not email:
            uploader = lookups.uploader
            return {} if uploader.is_support else {answer: uploader.user_id}
        found = lookups.user(email)
        return {answer: found.id if found else None}

    return Reader(answer, (number,), (answer,), read)


def organisation_checks(
    owner: int, manager: int, user: int, *, manager_message: str, user_question: str
) -> tuple[CellCheck, ...]:
    """The checks of the owning organisation, managing organisation and assigned user cells (they block uploads)."""

    def owning(cells: Cells, lookups: Lookups) -> dict[int, str]:
        code = text(cells, owner)
        if not code:
            return {owner: "You must answer owning organisation."}
        found = lookups.organisation(code)
        if found is None:
            return {owner: "The owning organisation code is incorrect."}
        if not found.holds_own_stock:
            return {owner: "The owning organisation code provided is for an organisation that does not own stock."}
        uploader = lookups.uploader
        if uploader.is_support or found.id in uploader.permitted_owner_ids:
            return {}
        return {owner: "You do not have permission to add logs for this owning organisation."}

    def managing(cells: Cells, lookups: Lookups) -> dict[int, str]:
        code = text(cells, manager)
        if not code:
            return {manager: "You must answer managing organisation."}
        found = lookups.organisation(code)
        if found is None:
            return {manager: "The managing organisation code is incorrect."}
        owning_organisation = _organisation(cells, owner, lookups)
        if owning_organisation is None or found.id == owning_organisation.id:
            return {}
        if found.id not in owning_organisation.managing_agent_ids:
            return {manager: manager_message}
        return {}

    def assigned(cells: Cells, lookups: Lookups) -> dict[int, str]:
        email = text(cells, user)
        if not email:
            if lookups.uploader.is_support:
                return {user: f"You must answer {user_question}"}
            return {}
        found = lookups.user(email)
        if found is None:
            return {user: "User with the specified email could not be found."}
        related = {o.id for o in (_organisation(cells, owner, lookups), _organisation(cells, manager, lookups)) if o}
        if related and found.organisation_ids.isdisjoint(related):
            return {user: "User must be related to owning organisation or managing organisation."}
        return {}

    return (
        CellCheck(
            "bulk.owning_organisation",
            (owner,),
            owning,
            Category.SETUP,
            blocks=True,
            needs_lookups=True,
            description="The owning organisation is given, exists, holds stock and the uploader may add its logs.",
        ),
        CellCheck(
            "bulk.managing_organisation",
            (manager,),
            managing,
            Category.SETUP,
            blocks=True,
            needs_lookups=True,
            description="The managing organisation is given, exists and is the owner or one of its managing agents.",
        ),
        CellCheck(
            "bulk.assigned_user",
            (user,),
            assigned,
            Category.SETUP,
            blocks=True,
            needs_lookups=True,
            description="The assigned user exists and is in the owning or managing organisation.",
        ),
    )


def age_reader(number: int, age: str, known: str, *, present: bool = True) -> Reader:
    """An age cell: a number, or "R" (refused) which sets `known` to 1. `present` False reads nothing."""

    def read(cells: Cells, lookups: Any) -> dict[str, Any]:
        found = text(cells, number).upper()
        if not found:
            return {}
        if found == "R":
            return {known: 1}
        return {known: 0, age: int(found) if found.isdecimal() and len(found) <= 3 else found}

    def write(answers: Mapping[str, Any]) -> dict[int, Any]:
        if answers.get(known) == 1:
            return {number: "R"}
        return {number: answers.get(age)}

    return Reader(age, (number,), (age, known), read, write)


def age_format_check(numbers: tuple[int, ...], labels: Mapping[int, str]) -> CellCheck:
    """Ages must be a number or the letter R (lettings-2026.md §6.4 "ages")."""

    def check(cells: Cells, lookups: Any) -> dict[int, str]:
        found = {}
        for number in numbers:
            given = text(cells, number).upper()
            if given and given != "R" and not (given.isdecimal() and len(given) <= 3):
                found[number] = f"Age of {labels[number]} must be a number or the letter R"
        return found

    return CellCheck("bulk.age_format", numbers, check, description="Each age is a number or the letter R.")
