"""The schemes, locations and combined CSV downloads: columns, values, scope and formula escaping."""

from __future__ import annotations

import csv
import io

import pytest
from django.urls import reverse

from collect.schemes.downloads import LOCATION_COLUMNS, SCHEME_COLUMNS
from collect.web.csv_download import safe_cell as escape
from tests.conftest import verified_login
from tests.schemes.factories import make_location, make_scheme


def download(client, kind: str, **query) -> list[dict[str, str]]:
    response = client.get(reverse("schemes:download", args=[kind]), query)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith(f'attachment; filename="{kind}-')
    text = b"".join(response.streaming_content).decode()
    assert text.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(text[1:])))


def header(client, kind: str) -> list[str]:
    response = client.get(reverse("schemes:download", args=[kind]))
    return next(csv.reader(io.StringIO(b"".join(response.streaming_content).decode()[1:])))


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+1", "'+1"),
        ("-1", "'-1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("Plain name", "Plain name"),
        ("a=b", "a=b"),
        (12, "12"),
        (None, ""),
    ],
)
def test_cells_that_could_be_formulas_are_escaped(value, expected):
    assert escape(value) == expected


def test_the_three_downloads_have_the_national_columns(client, support, organisation, local_authorities):
    make_scheme(organisation)
    verified_login(client, support)
    assert header(client, "schemes") == list(SCHEME_COLUMNS)
    assert header(client, "locations") == ["scheme_code", *LOCATION_COLUMNS]
    assert header(client, "combined") == [*SCHEME_COLUMNS, *LOCATION_COLUMNS]
    assert client.get(reverse("schemes:download", args=["everything"])).status_code == 404


def test_values_are_labels_and_a_name_cannot_become_a_formula(client, coordinator, local_authorities):
    scheme = make_scheme(coordinator.organisation, service_name="=cmd|'/C calc'!A0", locations=0)
    make_location(scheme, name="@risk")
    make_location(scheme, name="Second", postcode="SW1A 1AA", local_authority_code="E09000033")
    client.force_login(coordinator)
    (row,) = download(client, "schemes")
    assert row["scheme_code"] == scheme.code
    assert row["scheme_service_name"] == "'=cmd|'/C calc'!A0"
    assert row["scheme_status"] == "active"
    assert row["scheme_confidential"] == "No"
    assert row["scheme_type"] == "Housing for older people"
    assert row["scheme_registered_under_care_act"] == "No"
    assert row["scheme_owning_organisation_name"] == coordinator.organisation.name
    assert row["scheme_support_services_provided_by"] == "The same organisation that owns the housing stock"
    assert row["scheme_primary_client_group"] == "Older people with support needs"
    assert row["scheme_has_other_client_group"] == "No"
    assert row["scheme_support_type"] == "Low level"
    assert row["scheme_intended_stay"] == "Permanent"
    assert row["scheme_active_dates"].startswith("Active from ")
    locations = download(client, "locations")
    assert [(r["location_postcode"], r["location_name"], r["location_local_authority"]) for r in locations] == [
        ("S1 2HH", "'@risk", "Sheffield"),
        ("SW1A 1AA", "Second", "Westminster"),
    ]
    assert {r["scheme_code"] for r in locations} == {scheme.code}
    assert locations[0]["location_type_of_unit"] == "Self-contained flat or bedsit"
    assert locations[0]["location_mobility_type"] == "None"
    assert locations[0]["location_units"] == "12"
    combined = download(client, "combined")
    assert len(combined) == 2
    assert combined[1]["scheme_service_name"] == row["scheme_service_name"]


def test_downloads_keep_to_the_scope_and_the_search(client, coordinator, other_organisation):
    make_scheme(coordinator.organisation, service_name="Mine")
    make_scheme(coordinator.organisation, service_name="Also mine")
    make_scheme(other_organisation, service_name="Not mine")
    client.force_login(coordinator)
    assert sorted(r["scheme_service_name"] for r in download(client, "schemes")) == ["Also mine", "Mine"]
    assert [r["scheme_service_name"] for r in download(client, "schemes", q="also")] == ["Also mine"]


def test_download_queries_do_not_grow_with_schemes(client, support, organisation, django_assert_max_num_queries):
    for n in range(20):
        make_scheme(organisation, service_name=f"Scheme {n}", locations=2)
    verified_login(client, support)
    with django_assert_max_num_queries(12):
        rows = download(client, "combined")
    assert len(rows) == 40
