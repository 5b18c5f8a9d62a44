"""The schemes, locations and combined CSV downloads, with the national service's columns (SchemeCsvService).

Answers are written as their labels, statuses as their codes ("deactivating_soon"), the creation time in ISO 8601 and
availability as one line ("Active from 1 April 2025 to 31 May 2025, Deactivated on 1 June 2025"). The file starts
with a byte order mark so spreadsheet programs read it as UTF-8, and is streamed a row at a time.

Cells are made safe from formula injection by collect.web.csv_download, which streams the file.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from django.utils import timezone

from collect.refdata.models import LocalAuthority
from collect.schemes import options
from collect.schemes.models import Location, Scheme, SchemeQuerySet

DOWNLOAD_KINDS = (
    ("schemes", "Download schemes (CSV)"),
    ("locations", "Download locations (CSV)"),
    ("combined", "Download schemes and locations (CSV)"),
)
SCHEME_COLUMNS = (
    "scheme_code",
    "scheme_service_name",
    "scheme_status",
    "scheme_confidential",
    "scheme_type",
    "scheme_registered_under_care_act",
    "scheme_owning_organisation_name",
    "scheme_support_services_provided_by",
    "scheme_primary_client_group",
    "scheme_has_other_client_group",
    "scheme_secondary_client_group",
    "scheme_support_type",
    "scheme_intended_stay",
    "scheme_created_at",
    "scheme_active_dates",
)
LOCATION_COLUMNS = (
    "location_code",
    "location_postcode",
    "location_name",
    "location_status",
    "location_local_authority",
    "location_units",
    "location_type_of_unit",
    "location_mobility_type",
    "location_active_dates",
)
BATCH = 500


def columns(kind: str) -> tuple[str, ...]:
    """The header row of a download."""
    if kind == "schemes":
        return SCHEME_COLUMNS
    if kind == "locations":
        return ("scheme_code", *LOCATION_COLUMNS)
    return SCHEME_COLUMNS + LOCATION_COLUMNS


def local_authority_names(codes: Iterable[str] | None = None) -> dict[str, str]:
    """The name of each local authority code of the register (or of these codes)."""
    found = LocalAuthority.objects.all() if codes is None else LocalAuthority.objects.filter(code__in=set(codes))
    return dict(found.values_list("code", "name"))


def scheme_values(scheme: Scheme) -> list[Any]:
    """One scheme's cells, in the order of SCHEME_COLUMNS."""
    return [
        scheme.code,
        scheme.service_name,
        scheme.status,
        scheme.get_sensitive_display(),
        scheme.get_scheme_type_display() if scheme.scheme_type else "",
        scheme.get_registered_under_care_act_display() if scheme.registered_under_care_act else "",
        scheme.owning_organisation.name,
        scheme.get_arrangement_type_display(),
        scheme.get_primary_client_group_display(),
        options.label_of(options.YES_NO, scheme.has_other_client_group),
        scheme.get_secondary_client_group_display(),
        scheme.get_support_type_display() if scheme.support_type else "",
        scheme.get_intended_stay_display(),
        timezone.localtime(scheme.created_at).isoformat(),
        ", ".join(scheme.availability()),
    ]


def location_values(location: Location, la_names: dict[str, str]) -> list[Any]:
    """One location's cells, in the order of LOCATION_COLUMNS."""
    return [
        location.code,
        location.postcode,
        location.name,
        location.status,
        la_names.get(location.local_authority_code, location.local_authority_code),
        location.units,
        location.get_type_of_unit_display() if location.type_of_unit else "",
        location.get_mobility_type_display(),
        ", ".join(location.availability()),
    ]


def _batches(schemes: SchemeQuerySet) -> Iterator[list[Scheme]]:
    batch: list[Scheme] = []
    for scheme in schemes.with_status_data().order_by("pk").iterator(chunk_size=BATCH):
        batch.append(scheme)
        if len(batch) == BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


def _locations_of(batch: list[Scheme]) -> Iterator[Location]:
    """The locations of some schemes, each pointing at the scheme object already loaded."""
    by_id = {scheme.pk: scheme for scheme in batch}
    locations = Location.objects.filter(scheme_id__in=by_id).with_status_data().order_by("scheme_id", "postcode", "pk")
    for location in locations:
        location.scheme = by_id[location.scheme_id]
        yield location


def rows(kind: str, schemes: SchemeQuerySet) -> Iterator[list[Any]]:
    """The header and the data rows of a download (not yet escaped)."""
    yield list(columns(kind))
    la_names = local_authority_names() if kind != "schemes" else {}
    for batch in _batches(schemes):
        if kind == "schemes":
            yield from (scheme_values(scheme) for scheme in batch)
            continue
        for location in _locations_of(batch):
            first = [location.scheme.code] if kind == "locations" else scheme_values(location.scheme)
            yield first + location_values(location, la_names)
