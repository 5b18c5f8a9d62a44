"""Readers of the sales bulk template's cells that the shared template helpers do not cover (sales-2026.md §5.3).

A sale's route decides which cells hold some answers (the purchase price is field 99, 120 or 128): `on_route` keeps a
reader to the rows (and logs) of one route. Other shapes: text cells holding codes or "R", an amount or "R" standing
for a second answer (income not known, no service charges...), the mortgage length (a number, or "R" when the buyers
were not interviewed), the years lived in the property (0 for none), the ethnic background (which gives the ethnic
group), the nationality (which gives the nationality group), and whether each person's details are known (from
whether any of their cells are filled in).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from collect.rulebook.template import Cells, Reader
from collect.standards.bulk import text
from collect.standards.countries import UNITED_KINGDOM
from collect.standards.people import ETHNIC_BACKGROUNDS, ETHNIC_REFUSED, NATIONALITY_REFUSED
from collect.standards.people import NATIONALITY_OTHER as OTHER_NATIONALITY

ANY = Mapping[str, Any]
REFUSED = "R"
WHOLE_NUMBER = re.compile(r"^\d+$")
AMOUNT = re.compile(r"^\d+(\.\d+)?$")

# Field numbers of the setup cells the routes and readers look at.
SALE_TYPE, STAIRCASE, JOINT_PURCHASE, INTERVIEWED, HOUSEHOLD_COUNT = 8, 10, 12, 14, 46
SHARED_OWNERSHIP, DISCOUNTED_OWNERSHIP, YES = 1, 2, 1
INTERVIEWED_YES = 2  # noint 2: the buyers were interviewed


@dataclass(frozen=True)
class Route:
    """A sale route, recognised from a row's cells (sales-2026.md §5.2) and from a log's answers."""

    name: str
    of_cells: Callable[[Cells], bool]
    of_answers: Callable[[ANY], bool]


SHARED = Route(
    "shared_ownership",
    lambda c: c.get(SALE_TYPE) == SHARED_OWNERSHIP,
    lambda a: a.get("ownershipsch") == SHARED_OWNERSHIP,
)
INITIAL_PURCHASE = Route(
    "initial_purchase",
    lambda c: c.get(SALE_TYPE) == SHARED_OWNERSHIP and c.get(STAIRCASE) != YES,
    lambda a: a.get("ownershipsch") == SHARED_OWNERSHIP and a.get("staircase") != YES,
)
STAIRCASING = Route(
    "staircasing",
    lambda c: c.get(SALE_TYPE) == SHARED_OWNERSHIP and c.get(STAIRCASE) == YES,
    lambda a: a.get("ownershipsch") == SHARED_OWNERSHIP and a.get("staircase") == YES,
)
DISCOUNTED = Route(
    "discounted_ownership",
    lambda c: c.get(SALE_TYPE) == DISCOUNTED_OWNERSHIP,
    lambda a: a.get("ownershipsch") == DISCOUNTED_OWNERSHIP,
)


def on_route(route: Route, reader: Reader) -> Reader:
    """The reader for the rows and logs of one route only (it reads and writes nothing for the others)."""
    write = reader.write

    def read(cells: Cells, lookups: Any) -> Mapping[str, Any]:
        return reader.read(cells, lookups) if route.of_cells(cells) else {}

    def write_route(answers: ANY) -> Mapping[int, Any]:
        return write(answers) if write is not None and route.of_answers(answers) else {}

    return Reader(
        f"{reader.id}.{route.name}", reader.fields, reader.sets, read, write_route if write else None, route.of_cells
    )


def _number(found: str, pattern: re.Pattern[str]) -> int | Decimal | str:
    """A cell's text as a whole number or amount when it is one, else as written (the rules report it)."""
    if not pattern.match(found):
        return found
    return int(found) if WHOLE_NUMBER.match(found) else Decimal(found)


def text_code(number: int, answer: str, mapping: Mapping[str, Any] | None = None) -> Reader:
    """A text cell holding a code: upper-cased, `mapping` applied ("R" -> 0), digits read as a number."""
    table = dict(mapping or {})
    back = {v: k for k, v in table.items()}

    def read(cells: Cells, lookups: Any) -> dict[str, Any]:
        found = text(cells, number).upper()
        if not found:
            return {}
        if found in table:
            return {answer: table[found]}
        return {answer: int(found) if WHOLE_NUMBER.match(found) else found}

    def write(answers: ANY) -> dict[int, Any]:
        found = answers.get(answer)
        return {number: back.get(found, found)}

    return Reader(answer, (number,), (answer,), read, write)


@dataclass(frozen=True)
class Either:
    """An amount cell that may hold "R" instead: the answers and values it stands for."""

    amount: str
    flag: str
    refused: Any  # the flag's value for "R"
    given: Any  # the flag's value for an amount
    blank: Any = None  # the flag's value for a blank cell (None: nothing is read)
    pattern: re.Pattern[str] = WHOLE_NUMBER


def amount_or_refused(number: int, shape: Either, *, reader_id: str = "") -> Reader:
    """A cell holding an amount or "R" (income not known, no service charges...): the flag and the amount."""

    def read(cells: Cells, lookups: Any) -> dict[str, Any]:
        found = text(cells, number).upper()
        if not found:
            return {} if shape.blank is None else {shape.flag: shape.blank}
        if found == REFUSED:
            return {shape.flag: shape.refused}
        return {shape.flag: shape.given, shape.amount: _number(found, shape.pattern)}

    def write(answers: ANY) -> dict[int, Any]:
        flag = answers.get(shape.flag)
        if flag == shape.refused:
            return {number: REFUSED}
        return {number: answers.get(shape.amount) if flag == shape.given else None}

    return Reader(reader_id or shape.amount, (number,), (shape.amount, shape.flag), read, write)


def mortgage_length(number: int) -> Reader:
    """The mortgage length: a number of years, or "R" (not known, only when the buyers were not interviewed).

    Interviewed buyers are asked the length itself (no mortlen_known); an "R" for them reads nothing (the template's
    check reports it).
    """

    def read(cells: Cells, lookups: Any) -> dict[str, Any]:
        found = text(cells, number).upper()
        interviewed = cells.get(INTERVIEWED) == INTERVIEWED_YES
        if not found or (found == REFUSED and interviewed):
            return {}
        if found == REFUSED:
            return {"mortlen_known": 1}
        length = _number(found, WHOLE_NUMBER)
        return {"mortlen": length} if interviewed else {"mortlen_known": 0, "mortlen": length}

    def write(answers: ANY) -> dict[int, Any]:
        if answers.get("mortlen_known") == 1:
            return {number: REFUSED}
        return {number: answers.get("mortlen")}

    return Reader("mortlen", (number,), ("mortlen", "mortlen_known"), read, write)


def years_lived(number: int) -> Reader:
    """How long the buyers lived in the property before buying it: 0 when they did not live there."""

    def read(cells: Cells, lookups: Any) -> dict[str, Any]:
        found = cells.get(number)
        if found is None:
            return {}
        return {"proplen_asked": 1} if found == 0 else {"proplen_asked": 0, "proplen": found}

    def write(answers: ANY) -> dict[int, Any]:
        asked = answers.get("proplen_asked")
        return {number: 0 if asked == 1 else answers.get("proplen") if asked == 0 else None}

    return Reader("proplen", (number,), ("proplen", "proplen_asked"), read, write)


def optional_amount(number: int, amount: str, flag: str) -> Reader:
    """An amount whose blank or 0 means there is none (the estate management fee): the flag (1 or 0) and amount."""

    def read(cells: Cells, lookups: Any) -> dict[str, Any]:
        found = cells.get(number)
        return {flag: 0} if found is None or found == 0 else {flag: 1, amount: found}

    def write(answers: ANY) -> dict[int, Any]:
        return {number: answers.get(amount) if answers.get(flag) == 1 else None}

    return Reader(amount, (number,), (amount, flag), read, write)


# The ethnic group of each ethnic background (sales-2026.md §5.3 field 33).
ETHNIC_GROUP_OF: dict[int, int] = {code: group for group, (_, codes) in ETHNIC_BACKGROUNDS.items() for code, _ in codes}


def ethnic_background(number: int, group: str, background: str) -> Reader:
    """An ethnic background (1 to 20), which gives the ethnic group; 17 ("prefers not to say") is a group of its own.

    A code that is not a background is given as the group too, so the rules report it as not one of the options.
    """

    def read(cells: Cells, lookups: Any) -> dict[str, Any]:
        found = cells.get(number)
        if found is None:
            return {}
        if found == ETHNIC_REFUSED:
            return {group: ETHNIC_REFUSED}
        return {group: ETHNIC_GROUP_OF.get(found, found), background: found}

    def write(answers: ANY) -> dict[int, Any]:
        if answers.get(group) == ETHNIC_REFUSED:
            return {number: ETHNIC_REFUSED}
        return {number: answers.get(background)}

    return Reader(background, (number,), (group, background), read, write)


def nationality(number: int, group: str, country: str) -> Reader:
    """A nationality (0 "prefers not to say", 826 or another country's code), which gives the nationality group."""

    def read(cells: Cells, lookups: Any) -> dict[str, Any]:
        found = cells.get(number)
        if found is None:
            return {}
        if found in (NATIONALITY_REFUSED, UNITED_KINGDOM):
            return {group: found}
        return {group: OTHER_NATIONALITY, country: found}

    def write(answers: ANY) -> dict[int, Any]:
        found = answers.get(group)
        return {number: answers.get(country) if found == OTHER_NATIONALITY else found}

    return Reader(country, (number,), (group, country), read, write)


def details_known(person: int, fields: tuple[int, ...], presence: tuple[int, ...]) -> Reader:
    """Whether person N's details are known: 1 when any of their `presence` cells is filled in, else 2 (not known).

    A person with no cells is "not known" only when the household is big enough to include them (field 46) and, for
    person 2, when buyer 2 is not person 2 (not a joint purchase): otherwise they are not asked about at all. The
    answer follows from the person's cells, so it has no cell of its own to write.
    """
    answer = f"details_known_{person}"

    def read(cells: Cells, lookups: Any) -> dict[str, Any]:
        if person == 2 and cells.get(JOINT_PURCHASE) == YES:
            return {}
        if any(text(cells, n) for n in presence):
            return {answer: 1}
        count = cells.get(HOUSEHOLD_COUNT)
        return {answer: 2} if type(count) is int and count >= person else {}

    return Reader(answer, fields, (answer,), read)
