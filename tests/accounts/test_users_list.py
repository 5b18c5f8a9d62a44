"""The users list: search, filters, pagination and the CSV download of what the list shows."""

from __future__ import annotations

import csv
import io
from html import unescape

import pytest
from django.urls import reverse

from collect.accounts.models import Role
from collect.accounts.user_management import CSV_COLUMNS, PAGE_SIZE
from collect.web.csv_download import safe_cell as csv_safe
from tests.conftest import verified_login
from tests.support.html import page_facts


@pytest.fixture
def crowd(make_user, organisation, coordinator, provider):
    """Users of every status, role and responsibility in one organisation."""
    return {
        "coordinator": coordinator,
        "provider": provider,
        "dpo": make_user(
            Role.DATA_COORDINATOR, organisation, name="Dee DPO", email="dee@riverside.example", is_dpo=True
        ),
        "contact": make_user(organisation=organisation, name="Kay Contact", is_key_contact=True),
        "invited": make_user(organisation=organisation, name="Ivy Invited", password=None),
        "deactivated": make_user(organisation=organisation, name="Dan Deactivated", is_active=False),
    }


def listed(client, **params) -> set[str]:
    response = client.get(reverse("accounts:users"), params)
    assert response.status_code == 200
    html = unescape(response.content.decode())
    return {name for name in NAMES if f">{name}</a>" in html}


NAMES = ("Cat Coord", "Pat Provider", "Dee DPO", "Kay Contact", "Ivy Invited", "Dan Deactivated", "Sid Stranger")


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({}, {"Cat Coord", "Pat Provider", "Dee DPO", "Kay Contact", "Ivy Invited", "Dan Deactivated"}),
        ({"q": "dee"}, {"Dee DPO"}),
        ({"q": "RIVERSIDE.EXAMPLE"}, {"Cat Coord", "Pat Provider", "Dee DPO"}),
        ({"status": "active"}, {"Cat Coord", "Pat Provider", "Dee DPO", "Kay Contact"}),
        ({"status": "invited"}, {"Ivy Invited"}),
        ({"status": "deactivated"}, {"Dan Deactivated"}),
        ({"status": ["invited", "deactivated"]}, {"Ivy Invited", "Dan Deactivated"}),
        ({"role": Role.DATA_COORDINATOR}, {"Cat Coord", "Dee DPO"}),
        ({"responsibility": "is_dpo"}, {"Dee DPO"}),
        ({"responsibility": "is_key_contact"}, {"Kay Contact"}),
        ({"responsibility": ["is_dpo", "is_key_contact"]}, {"Dee DPO", "Kay Contact"}),
        ({"role": Role.DATA_COORDINATOR, "status": "active", "q": "cat"}, {"Cat Coord"}),
    ],
)
def test_search_and_filters(client, crowd, stranger, params, expected):
    client.force_login(crowd["coordinator"])
    assert listed(client, **params) == expected


def test_filters_are_shown_checked(client, crowd):
    client.force_login(crowd["provider"])
    html = client.get(reverse("accounts:users"), {"status": "invited", "role": "2"}).content.decode()
    assert 'id="status-2" name="status" type="checkbox" value="invited" checked' in html
    assert 'id="role-2" name="role" type="checkbox" value="2" checked' in html
    assert 'name="organisation"' not in html  # only support filters by organisation
    assert "Clear search and filters" in html


def test_tampered_filters_get_field_errors_not_a_crash(client, crowd):
    client.force_login(crowd["coordinator"])
    response = client.get(
        reverse("accounts:users"), {"status": "sideways", "role": "7", "responsibility": "x", "page": "abc"}
    )
    html = unescape(response.content.decode())
    assert response.status_code == 200
    assert "Select a status from the list" in html
    assert "Select a role from the list" in html
    assert "Select a responsibility from the list" in html
    assert 'href="#status"' in html


def test_support_filters_by_organisation(client, support, crowd, stranger):
    verified_login(client, support)
    assert listed(client, organisation=stranger.organisation_id) == {"Sid Stranger"}
    assert "Sid Stranger" in listed(client)
    response = client.get(reverse("accounts:users"), {"organisation": "999999"})
    assert "Select an organisation from the list" in unescape(response.content.decode())


def test_pages_of_fifty_with_the_filters_kept(client, make_user, organisation, coordinator):
    for n in range(PAGE_SIZE + 5):
        make_user(organisation=organisation, name=f"Person {n:03d}")
    client.force_login(coordinator)
    first = client.get(reverse("accounts:users"), {"q": "person"}).content.decode()
    assert "55 users found, showing 1 to 50" in first
    assert first.count(">Person ") == PAGE_SIZE
    assert 'href="?q=person&amp;page=2"' in first
    assert 'aria-current="page"' in first
    second = client.get(reverse("accounts:users"), {"q": "person", "page": 2}).content.decode()
    assert second.count(">Person ") == 5
    assert "Person 054" in second
    assert 'rel="prev"' in second
    beyond = client.get(reverse("accounts:users"), {"q": "person", "page": 99}).content.decode()
    assert "Person 054" in beyond  # the last page


def test_list_query_count_does_not_grow_with_users(client, make_user, organisation, support):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            client.get(reverse("accounts:users"))
        return len(captured.captured_queries)

    verified_login(client, support)
    make_user(organisation=organisation)
    few = queries()
    for _ in range(30):
        make_user(organisation=organisation, password=None, is_dpo=True)
    assert queries() == few


def read_csv(response) -> list[list[str]]:
    assert response.streaming
    text = b"".join(response.streaming_content).decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:])))


def test_csv_download_has_the_filtered_users(client, crowd, stranger):
    client.force_login(crowd["coordinator"])
    response = client.get(reverse("accounts:users-csv"), {"status": "active", "role": Role.DATA_COORDINATOR})
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="users-')
    header, *rows = read_csv(response)
    assert header == list(CSV_COLUMNS)
    assert [row[0] for row in rows] == ["Cat Coord", "Dee DPO"]
    dee = rows[1]
    assert dee[1:7] == ["dee@riverside.example", "Riverside Homes", "Data coordinator", "Yes", "No", "Active"]
    assert dee[7] == ""  # never signed in
    assert dee[8].startswith("20")


def test_csv_link_carries_the_search_and_filters(client, crowd):
    client.force_login(crowd["coordinator"])
    html = client.get(reverse("accounts:users"), {"q": "dee", "status": "active", "page": "1"}).content.decode()
    assert f'href="{reverse("accounts:users-csv")}?q=dee&amp;status=active"' in html


def test_csv_is_limited_to_the_viewers_organisation(client, crowd, stranger):
    client.force_login(crowd["provider"])
    names = [row[0] for row in read_csv(client.get(reverse("accounts:users-csv")))[1:]]
    assert "Sid Stranger" not in names
    assert "Pat Provider" in names


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_csv_cells_that_would_be_formulas_are_quoted(client, make_user, coordinator, start):
    make_user(organisation=coordinator.organisation, name=f'{start}HYPERLINK("http://evil")')
    client.force_login(coordinator)
    rows = read_csv(client.get(reverse("accounts:users-csv"), {"q": "HYPERLINK"}))
    assert rows[1][0] == f'\'{start}HYPERLINK("http://evil")'


def test_csv_safe_leaves_ordinary_values_alone():
    assert csv_safe("O'Brien") == "O'Brien"
    assert csv_safe("a=b") == "a=b"
    assert csv_safe("") == ""
    assert csv_safe("-1") == "'-1"


def test_users_page_layout(client, crowd):
    client.force_login(crowd["coordinator"])
    facts = page_facts(client.get(reverse("accounts:users")).content.decode())
    assert facts.h1s == ["Users"]
