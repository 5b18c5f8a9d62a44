"""Adding a location page by page, its local authority from the postcode or by hand, and what each form refuses."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from collect.schemes.models import Location
from tests.conftest import verified_login
from tests.schemes.factories import (
    LEEDS,
    SHEFFIELD,
    SHEFFIELD_POSTCODE,
    UNKNOWN_POSTCODE,
    make_location,
    make_scheme,
    open_year_start,
)


def url(name: str, location: Location) -> str:
    return reverse(f"schemes:location-{name}", args=[location.scheme_id, location.pk])


@pytest.fixture
def scheme(coordinator, local_authorities):
    return make_scheme(coordinator.organisation, locations=0)


def test_a_location_from_a_known_postcode(client, coordinator, scheme):
    client.force_login(coordinator)
    response = client.post(reverse("schemes:location-new", args=[scheme.pk]), {"postcode": "s12hh"})
    location = Location.objects.get()
    assert (location.postcode, location.local_authority_code, location.is_la_inferred) == (
        SHEFFIELD_POSTCODE,
        SHEFFIELD,
        True,
    )
    assert response.url == url("name", location)
    assert url("postcode", location) in client.get(response.url).content.decode()  # back skips the local authority
    response = client.post(response.url, {"name": "Block A"})
    assert response.url == url("units", location)
    response = client.post(response.url, {"units": "12"})
    assert response.url == url("type-of-unit", location)
    response = client.post(response.url, {"type_of_unit": "2"})
    assert response.url == url("mobility-standards", location)
    response = client.post(response.url, {"mobility_type": "W"})
    assert response.url == url("availability", location)
    start = open_year_start()
    response = client.post(
        response.url, {"startdate-day": start.day, "startdate-month": start.month, "startdate-year": start.year}
    )
    assert response.url == url("check-answers", location)
    page = client.get(response.url).content.decode()
    for answer in (
        "S1 2HH",
        "Sheffield (from the postcode)",
        "Block A",
        "12",
        "with common facilities",
        "Wheelchair-user",
    ):
        assert answer in page
    assert "Incomplete" in client.get(reverse("schemes:detail", args=[scheme.pk])).content.decode()
    response = client.post(url("check-answers", location))
    assert response.url == reverse("schemes:detail", args=[scheme.pk])
    location.refresh_from_db()
    assert location.confirmed
    assert location.status == "active"
    scheme.refresh_from_db()
    assert scheme.status == "active"


def test_an_unknown_postcode_asks_for_the_local_authority(client, coordinator, scheme):
    client.force_login(coordinator)
    response = client.post(reverse("schemes:location-new", args=[scheme.pk]), {"postcode": UNKNOWN_POSTCODE})
    location = Location.objects.get()
    assert (location.local_authority_code, location.is_la_inferred) == ("", False)
    assert response.url == url("local-authority", location)
    page = client.get(response.url).content.decode()
    assert "What is the local authority of ZZ1 1ZZ?" in page
    assert "Leeds" in page
    assert "Cardiff" not in page
    assert ">Sheffield<" in page
    assert "E08000019" not in page
    response = client.post(response.url, {"local_authority_code": "W06000015"})  # not offered
    assert (
        'href="#local_authority_code">Select the local authority of this location from the list'
        in response.content.decode()
    )
    response = client.post(url("local-authority", location), {"local_authority_code": ""})
    assert 'href="#local_authority_code">Select the local authority of this location<' in response.content.decode()
    response = client.post(url("local-authority", location), {"local_authority_code": LEEDS})
    assert response.url == url("name", location)
    location.refresh_from_db()
    assert location.local_authority_code == LEEDS
    assert url("local-authority", location) in client.get(url("name", location)).content.decode()


def test_changing_the_postcode_looks_up_the_local_authority_again(client, coordinator, scheme):
    location = make_location(
        scheme, confirmed=False, postcode=UNKNOWN_POSTCODE, local_authority_code=LEEDS, is_la_inferred=False
    )
    client.force_login(coordinator)
    response = client.post(url("postcode", location) + "?change=1", {"postcode": SHEFFIELD_POSTCODE})
    assert response.url == url("check-answers", location)
    location.refresh_from_db()
    assert (location.local_authority_code, location.is_la_inferred) == (SHEFFIELD, True)
    response = client.post(url("postcode", location) + "?change=1", {"postcode": UNKNOWN_POSTCODE})
    assert response.url == url("local-authority", location) + "?change=1"


@pytest.mark.parametrize(
    ("page", "data", "field", "message"),
    [
        ("postcode", {"postcode": ""}, "postcode", "Enter the postcode of this location"),
        ("postcode", {"postcode": "SW1A"}, "postcode", "Enter a postcode in the correct format, like SW1P 4DF"),
        ("postcode", {"postcode": "CF10 1AA"}, "postcode", "Enter a postcode in England"),
        ("units", {"units": ""}, "units", "Enter the number of units at this location"),
        ("units", {"units": "two"}, "units", "Number of units must be a whole number, like 12"),
        ("units", {"units": "0"}, "units", "Number of units must be 1 or more"),
        ("units", {"units": "10001"}, "units", "Number of units must be 10,000 or fewer"),
        ("name", {"name": "x" * 201}, "name", "Location name must be 200 characters or fewer"),
        ("type-of-unit", {"type_of_unit": "5"}, "type_of_unit", "Select the most common type of unit at this location"),
        ("mobility-standards", {"mobility_type": "M"}, "mobility_type", "Select the mobility standards"),
        ("mobility-standards", {}, "mobility_type", "Select the mobility standards"),
        ("availability", {}, "startdate", "Enter the date the first property in this location became available"),
        (
            "availability",
            {"startdate-day": "1", "startdate-year": "2025"},
            "startdate",
            "The availability date must include a month",
        ),
        (
            "availability",
            {"startdate-day": "31", "startdate-month": "2", "startdate-year": "2026"},
            "startdate",
            "The availability date must be a real date",
        ),
        (
            "availability",
            {"startdate-day": "1", "startdate-month": "2", "startdate-year": "26"},
            "startdate",
            "Year must include 4 numbers",
        ),
        (
            "availability",
            {"startdate-day": "1", "startdate-month": "4", "startdate-year": "2001"},
            "startdate",
            "The availability date must be on or after",
        ),
    ],
)
def test_location_pages_refuse_wrong_answers(client, coordinator, scheme, page, data, field, message):
    location = make_location(scheme, confirmed=False)
    client.force_login(coordinator)
    response = client.post(url(page, location), data)
    assert response.status_code == 200
    assert f'href="#{field}">{message}' in response.content.decode()


def test_the_date_error_links_to_the_day_box(client, coordinator, scheme):
    location = make_location(scheme, confirmed=False)
    client.force_login(coordinator)
    html = client.post(url("availability", location), {}).content.decode()
    assert 'id="startdate" name="startdate-day"' in html


def test_a_future_availability_date_makes_it_activating_soon(client, coordinator, scheme):
    location = make_location(scheme, confirmed=False)
    later = timezone.localdate() + datetime.timedelta(days=30)
    client.force_login(coordinator)
    client.post(
        url("availability", location),
        {"startdate-day": later.day, "startdate-month": later.month, "startdate-year": later.year},
    )
    response = client.post(url("check-answers", location), follow=True)
    assert "will be added to this scheme" in response.content.decode()
    location.refresh_from_db()
    assert location.status == "activating_soon"


def test_check_answers_refuses_an_unfinished_location(client, coordinator, scheme):
    location = make_location(scheme, confirmed=False, units=None)
    client.force_login(coordinator)
    response = client.post(url("check-answers", location))
    assert response.status_code == 200
    assert "Answer ‘Number of units’" in response.content.decode()
    location.refresh_from_db()
    assert not location.confirmed


def test_once_confirmed_a_coordinator_only_renames_a_location(client, coordinator, support, scheme):
    location = make_location(scheme)
    client.force_login(coordinator)
    assert client.get(url("units", location)).status_code == 403
    assert client.post(url("postcode", location), {"postcode": "SW1A 1AA"}).status_code == 403
    response = client.post(url("name", location), {"name": "Renamed", "units": "99"})
    assert response.url == reverse("schemes:location", args=[scheme.pk, location.pk])
    location.refresh_from_db()
    assert (location.name, location.units) == ("Renamed", 12)
    verified_login(client, support)
    assert client.post(url("units", location), {"units": "20"}).status_code == 302
    location.refresh_from_db()
    assert location.units == 20
    page = client.get(reverse("schemes:location", args=[scheme.pk, location.pk])).content.decode()
    assert "History of changes" in page
    assert "Number of units: 12 → 20" in page


def test_a_location_of_another_scheme_is_not_found(client, coordinator, scheme):
    other = make_scheme(coordinator.organisation)
    location = other.locations.get()
    client.force_login(coordinator)
    assert client.get(reverse("schemes:location", args=[scheme.pk, location.pk])).status_code == 404
    assert client.get(reverse("schemes:location-name", args=[scheme.pk, location.pk])).status_code == 404


def test_locations_are_searched_when_there_are_many(client, coordinator, scheme):
    for n in range(25):
        make_location(scheme, name=f"Flat {n}", postcode="S1 2HH" if n else "SW1A 1AA")
    client.force_login(coordinator)
    page = client.get(reverse("schemes:detail", args=[scheme.pk])).content.decode()
    assert 'name="q"' in page
    assert "25 locations" in page
    found = client.get(reverse("schemes:detail", args=[scheme.pk]), {"q": "sw1a1aa"}).content.decode()
    assert "1 of 25 locations matching" in found
    assert "Flat 0" in found
    assert "Flat 1<" not in found


def test_a_few_locations_need_no_search(client, coordinator, scheme):
    make_location(scheme)
    client.force_login(coordinator)
    assert 'name="q"' not in client.get(reverse("schemes:detail", args=[scheme.pk])).content.decode()


def test_a_new_location_needs_a_real_postcode(client, coordinator, scheme):
    client.force_login(coordinator)
    response = client.post(reverse("schemes:location-new", args=[scheme.pk]), {"postcode": "12345"})
    assert 'href="#postcode">Enter a postcode in the correct format, like SW1P 4DF' in response.content.decode()
    assert not Location.objects.exists()
