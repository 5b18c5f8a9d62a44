"""Helpers for checking bulk files without the database: fake look-ups, a context, and files built from examples."""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from collect.bulkupload import files
from collect.bulkupload.checking import check_file
from collect.bulkupload.report import Report
from collect.standards.bulk import BulkOrganisation, BulkUser, Uploader
from collect.standards.lettings.context import LettingsContext, LocationFacts, SchemeFacts
from collect.standards.lettings.y2026 import examples
from tests.standards.lettings.support import OWNER_PRP, REFDATA

TODAY = datetime.date(2026, 11, 21)
LETTINGS = "lettings-2026"
EMAIL = "officer@riverside.example"


@dataclass
class FakeLookups:
    """One housing association (ORG1) with a user, a scheme S5 and its location 7; the uploader is that user."""

    support: bool = False
    organisations: dict[str, BulkOrganisation] = field(
        default_factory=lambda: {
            "ORG1": BulkOrganisation(1, "Riverside Homes", True, frozenset({3}), provider_type=2),
            "ORG3": BulkOrganisation(3, "Agents Ltd", holds_own_stock=False),
            "ORG9": BulkOrganisation(9, "Elsewhere Homes", holds_own_stock=True),
        }
    )

    @property
    def uploader(self) -> Uploader:
        return Uploader(10, self.support, 1, "Riverside Homes", frozenset({1}))

    def organisation(self, code: str) -> BulkOrganisation | None:
        return self.organisations.get(code.upper())

    def user(self, email: str) -> BulkUser | None:
        return BulkUser(10, frozenset({1})) if email.lower() == EMAIL else None

    def scheme(self, code: str, organisation_ids: frozenset[int]) -> int | None:
        return 5 if code.upper() == "S5" and 1 in organisation_ids else None

    def location(self, scheme_id: int, code: str) -> int | None:
        return 7 if scheme_id == 5 and code == "7" else None


SCHEME = SchemeFacts(5, "Sunrise", confirmed=True, has_confirmed_locations=True)
LOCATION = LocationFacts(7, "LS1 1AA", "E08000035", "W", 6, 10, confirmed=True)


def context_for(answers: Mapping[str, Any]) -> LettingsContext:
    """The context of a row's answers: the housing association owns and manages everything."""
    return LettingsContext(
        today=TODAY,
        refdata=REFDATA,
        owning_organisation=OWNER_PRP,
        managing_organisation=OWNER_PRP,
        assigned_user_organisation_ids=frozenset({1}),
        scheme=SCHEME if answers.get("scheme_id") == 5 else None,
        location=LOCATION if answers.get("location_id") == 7 else None,
    )


def lettings_cells(example: Mapping[str, Any] | None = None, **changes: Any) -> dict[int, str]:
    """A template row from a complete example (general needs by default), with cells changed by `f<N>=value`."""
    answers = dict(example or examples.GENERAL_NEEDS)
    cells = files.cells_for(LETTINGS, answers, {3: EMAIL})
    if answers.get("scheme_id") == 5:
        cells.update({5: "S5", 6: "7"})
    for name, value in changes.items():
        number = int(name.removeprefix("f"))
        if value is None:
            cells.pop(number, None)
        else:
            cells[number] = str(value)
    return cells


def lettings_file(
    rows: Sequence[Mapping[int, str]], *, order: Sequence[int] | None = None, xlsx: bool = False, bom: bool = False
) -> bytes:
    """A lettings template file holding these rows."""
    table = list(files.table_rows(LETTINGS, rows, order=order))
    return files.to_xlsx(table) if xlsx else files.to_csv(table, bom=bom)


def check(data: bytes, *, lookups: Any = None, filename: str = "logs.csv", collection: str = LETTINGS) -> Report:
    """Check a file as the service would (with the fake look-ups) unless `lookups` is False (offline)."""
    found = FakeLookups() if lookups is None else (None if lookups is False else lookups)
    return check_file(data, filename, collection, lookups=found, context_for=context_for)
