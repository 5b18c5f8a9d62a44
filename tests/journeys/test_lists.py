"""The lettings logs list: search by each key, each filter, filters remembered, pagination, a bounded query count."""

from __future__ import annotations

import datetime
import re

import pytest

from collect.accounts.models import Role
from collect.logs.models import Log
from collect.logs.writing import delete_logs
from tests.conftest import CheckingClient, verified_login
from tests.journeys.factories import complete, leeds, make_log, move_to_year, signed

__all__ = ["leeds", "signed"]
pytestmark = pytest.mark.usefixtures("leeds", "signed")
LOG_HEADING = re.compile(r">Log (\d+)</a></h3>")


def listed(client, query: str = "") -> list[int]:
    """The log ids the list shows, in order."""
    response = client.get("/lettings-logs" + query)
    assert response.status_code == 200
    return [int(pk) for pk in LOG_HEADING.findall(response.content.decode())]


@pytest.fixture
def signed_in(client, coordinator):
    verified_login(client, coordinator)
    return client


def test_the_list_shows_the_logs_in_scope_newest_first_with_a_count(signed_in, coordinator, stranger):
    first = make_log(coordinator)
    second = make_log(coordinator)
    make_log(stranger)
    body = signed_in.get("/lettings-logs").content.decode()
    assert listed(signed_in) == [second.pk, first.pk]
    assert "2 logs" in body


def test_search_by_log_id_with_or_without_the_word_log(signed_in, coordinator):
    logs = [make_log(coordinator) for _ in range(3)]
    assert listed(signed_in, f"?q={logs[1].pk}") == [logs[1].pk]
    assert listed(signed_in, f"?q=log{logs[1].pk}") == [logs[1].pk]
    assert listed(signed_in, f"?q=LOG+{logs[2].pk}") == [logs[2].pk]


def test_search_by_tenant_code_in_part_and_in_any_case(signed_in, coordinator):
    wanted = make_log(coordinator, tenancycode="ABC123")
    also = make_log(coordinator, tenancycode="XABC1234")
    make_log(coordinator, tenancycode="ZZZ")
    assert listed(signed_in, "?q=abc123") == [wanted.pk, also.pk]  # the exact match first, though older


def test_search_by_property_reference(signed_in, coordinator):
    wanted = make_log(coordinator, propcode="PROP-77")
    make_log(coordinator, propcode="OTHER")
    assert listed(signed_in, "?q=prop-77") == [wanted.pk]


def test_search_by_postcode_with_or_without_its_space(signed_in, coordinator, organisation):
    wanted = make_log(coordinator, complete(organisation, coordinator, postcode_full="LS1 1AA"))
    make_log(coordinator, complete(organisation, coordinator, postcode_full="LS2 7EW", tenancycode="OTHER"))
    assert wanted.postcode_full == "LS1 1AA"
    assert listed(signed_in, "?q=ls11aa") == [wanted.pk]
    assert listed(signed_in, "?q=LS1+1AA") == [wanted.pk]


def test_a_search_that_finds_nothing_says_so(signed_in, coordinator):
    make_log(coordinator, tenancycode="T1")
    body = signed_in.get("/lettings-logs?q=nothing-like-it").content.decode()
    assert "0 logs found" in body
    assert "No logs match your search and filters" in body


def test_filter_by_collection_year(signed_in, coordinator, organisation):
    this_year = make_log(coordinator, complete(organisation, coordinator))
    earlier = move_to_year(make_log(coordinator, complete(organisation, coordinator)), datetime.date(2025, 6, 1))
    without_date = make_log(coordinator)
    assert listed(signed_in, "?years=2026") == [without_date.pk, this_year.pk]
    assert earlier.pk not in listed(signed_in, "?years=2026")
    body = signed_in.get("/lettings-logs?years=1999").content.decode()
    assert "Select a collection year from the list" in body


def test_filter_by_status(signed_in, coordinator, organisation):
    done = make_log(coordinator, complete(organisation, coordinator))
    started = make_log(coordinator, needstype=1)
    assert listed(signed_in, "?status=completed") == [done.pk]
    assert listed(signed_in, "?status=in_progress") == [started.pk]
    assert listed(signed_in, "?status=completed&status=in_progress") == [started.pk, done.pk]


def test_filter_by_needs_type(signed_in, coordinator):
    general = make_log(coordinator, needstype=1)
    supported = make_log(coordinator, needstype=2)
    assert listed(signed_in, "?needstype=1") == [general.pk]
    assert listed(signed_in, "?needstype=2") == [supported.pk]


def test_filter_by_who_the_logs_are_assigned_to(signed_in, coordinator, provider, make_user, organisation):
    mine = make_log(coordinator)
    theirs = make_log(provider)
    assert listed(signed_in, "?assigned=me") == [mine.pk]
    assert listed(signed_in, f"?assigned={provider.pk}") == [theirs.pk]
    outsider = make_user(Role.DATA_PROVIDER)
    body = signed_in.get(f"/lettings-logs?assigned={outsider.pk}").content.decode()
    assert "Select who the logs are assigned to from the list" in body


def test_filter_by_owner_and_manager_when_the_organisation_has_relationships(
    signed_in, coordinator, organisation, other_organisation, related
):
    own = make_log(coordinator, complete(organisation, coordinator, tenancycode="OWN"))
    managed = make_log(
        coordinator,
        complete(other_organisation, coordinator, managing_organisation_id=organisation.pk, tenancycode="MANAGED"),
    )
    assert managed.owning_organisation == other_organisation
    assert listed(signed_in, f"?owned_by={other_organisation.pk}") == [managed.pk]
    assert listed(signed_in, f"?owned_by={organisation.pk}") == [own.pk]
    assert listed(signed_in, f"?managed_by={organisation.pk}") == [managed.pk, own.pk]
    body = signed_in.get("/lettings-logs").content.decode()
    assert 'id="owned_by"' in body
    assert "Owned by" in body


def test_an_organisation_without_relationships_has_no_owner_filter(signed_in, coordinator):
    make_log(coordinator)
    body = signed_in.get("/lettings-logs").content.decode()
    assert 'id="owned_by"' not in body


def test_filters_are_remembered_until_cleared(signed_in, coordinator):
    general = make_log(coordinator, needstype=1)
    supported = make_log(coordinator, needstype=2)
    assert listed(signed_in, "?needstype=2&q=") == [supported.pk]
    assert listed(signed_in) == [supported.pk]  # back from the navigation: the same filters
    body = signed_in.get("/lettings-logs").content.decode()
    assert re.search(r'value="2" checked', body)
    assert "1 filter applied" in body
    response = signed_in.get("/lettings-logs?clear=1")
    assert response.status_code == 302
    assert listed(signed_in) == [supported.pk, general.pk]


def test_filters_sent_empty_replace_the_remembered_ones(signed_in, coordinator):
    general = make_log(coordinator, needstype=1)
    supported = make_log(coordinator, needstype=2)
    listed(signed_in, "?needstype=1")
    assert listed(signed_in, "?q=&assigned=") == [supported.pk, general.pk]
    assert listed(signed_in) == [supported.pk, general.pk]


def test_invalid_filters_are_not_remembered(signed_in, coordinator):
    general = make_log(coordinator, needstype=1)
    listed(signed_in, "?needstype=7")
    assert listed(signed_in) == [general.pk]


def test_filters_are_remembered_for_each_person_apart(client, coordinator, provider):
    general = make_log(coordinator, needstype=1)
    supported = make_log(coordinator, needstype=2)
    verified_login(client, coordinator)
    listed(client, "?needstype=2")
    other = CheckingClient()
    verified_login(other, provider)
    assert listed(other) == [supported.pk, general.pk]
    listed(other, "?needstype=1")
    assert listed(client) == [supported.pk]
    assert listed(other) == [general.pk]


def test_a_new_sign_in_starts_from_the_whole_list(client, coordinator):
    general = make_log(coordinator, needstype=1)
    supported = make_log(coordinator, needstype=2)
    verified_login(client, coordinator)
    listed(client, "?needstype=2")
    client.logout()
    verified_login(client, coordinator)
    assert listed(client) == [supported.pk, general.pk]


def test_pagination_keeps_the_search_and_filters(signed_in, coordinator):
    for _ in range(23):
        make_log(coordinator, needstype=1)
    make_log(coordinator, needstype=2)
    body = signed_in.get("/lettings-logs?needstype=1&q=").content.decode()
    assert "23 logs found" in body
    assert "Showing 1 to 20" in body
    next_link = re.search(r'<a class="govuk-link govuk-pagination__link" href="([^"]+)" rel="next">', body)
    assert next_link
    href = next_link.group(1).replace("&amp;", "&")
    assert "needstype=1" in href
    assert "page=2" in href
    assert len(listed(signed_in, href)) == 3
    # A page number alone keeps the remembered filters too.
    assert len(listed(signed_in, "?page=2")) == 3


def test_deleted_logs_leave_the_list(signed_in, coordinator):
    kept = make_log(coordinator)
    gone = make_log(coordinator)
    delete_logs([gone], coordinator)
    assert listed(signed_in) == [kept.pk]
    assert listed(signed_in, f"?q={gone.pk}") == []


@pytest.mark.parametrize("count", [5, 60])
def test_the_list_needs_the_same_number_of_queries_whatever_the_number_of_logs(
    client, coordinator, organisation, provider, related, count, django_assert_max_num_queries
):
    for number in range(count):
        make_log(coordinator if number % 2 else provider, needstype=1 + number % 2)
    Log.objects.update(owning_organisation=organisation, managing_organisation=organisation)
    verified_login(client, coordinator)
    with django_assert_max_num_queries(18):  # with the collection calendar and the notification banner
        response = client.get("/lettings-logs?status=in_progress&status=not_started&q=")
    assert response.status_code == 200
    assert len(LOG_HEADING.findall(response.content.decode())) == min(count, 20)


def test_support_filters_by_organisation_and_then_by_its_people(client, support, coordinator, provider, stranger):
    theirs = make_log(provider)
    make_log(stranger)
    verified_login(client, support)
    body = client.get("/lettings-logs").content.decode()
    assert f'<option value="{provider.pk}">Pat Provider</option>' not in body  # offered once an organisation is chosen
    organisation = provider.organisation_id
    body = client.get(f"/lettings-logs?owned_by={organisation}").content.decode()
    assert f'<option value="{provider.pk}">Pat Provider</option>' in body
    assert "Sid Stranger</option>" not in body
    assert listed(client, f"?owned_by={organisation}&assigned={provider.pk}") == [theirs.pk]
