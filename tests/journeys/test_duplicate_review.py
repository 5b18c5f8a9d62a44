"""Duplicate logs on the web: the banner on the list, the sets, the side-by-side review and keeping one log."""

from __future__ import annotations

import datetime

import pytest

from collect.accounts.models import Role
from collect.audit.models import AuditEvent
from collect.logs import policy
from collect.logs.models import Log, LogStatus
from tests.conftest import verified_login
from tests.journeys.factories import complete, leeds, make_log, move_to_year, signed

__all__ = ["leeds", "signed"]
pytestmark = pytest.mark.usefixtures("leeds", "signed")


def duplicates(creator, organisation, assigned, count=2, **changes):
    """`count` logs with the same duplicate-check answers."""
    return [make_log(creator, complete(organisation, assigned, **changes)) for _ in range(count)]


def test_the_list_shows_a_banner_when_there_are_duplicates_in_scope(client, coordinator, organisation, stranger):
    verified_login(client, coordinator)
    assert "duplicate logs" not in client.get("/lettings-logs").content.decode()
    duplicates(coordinator, organisation, coordinator)
    body = client.get("/lettings-logs").content.decode()
    assert "There is 1 set of duplicate logs" in body
    assert 'href="/lettings-logs/duplicates"' in body
    duplicates(coordinator, organisation, coordinator, tenancycode="OTHER")
    assert "There are 2 sets of duplicate logs" in client.get("/lettings-logs").content.decode()
    client.logout()
    verified_login(client, stranger)
    assert "duplicate logs" not in client.get("/lettings-logs").content.decode()


def test_logs_of_a_closed_collection_year_make_no_set(client, coordinator, organisation):
    for log in duplicates(coordinator, organisation, coordinator):
        move_to_year(log, datetime.date(2024, 6, 1))
    verified_login(client, coordinator)
    assert "duplicate logs" not in client.get("/lettings-logs").content.decode()


def test_the_sets_page_lists_each_set_with_a_review_link(client, coordinator, organisation):
    first, second = duplicates(coordinator, organisation, coordinator)
    verified_login(client, coordinator)
    body = client.get("/lettings-logs/duplicates").content.decode()
    assert "1 set of duplicate logs" in body
    assert f'href="/lettings-logs/{first.pk}/duplicate-logs"' in body
    assert f">Log {second.pk}</a>" in body


def test_the_review_shows_the_answers_side_by_side_as_check_your_answers_does(client, coordinator, organisation):
    first, second = duplicates(coordinator, organisation, coordinator)
    verified_login(client, coordinator)
    body = client.get(f"/lettings-logs/{first.pk}/duplicate-logs").content.decode()
    assert f"Log {first.pk} has a duplicate" in body
    assert "Lead tenant’s sex registered at birth" in body  # the declaration's label
    assert "Female" in body  # the option's label, not its code
    assert "5 October 2026" in body
    assert "Riverside Homes" in body  # the organisation's name, not its id
    assert f'href="/lettings-logs/{second.pk}/tenant-code"' in body
    assert f'href="/lettings-logs/{second.pk}/duplicate-logs/keep"' in body


def test_the_log_page_links_to_its_duplicates(client, coordinator, organisation):
    first, _ = duplicates(coordinator, organisation, coordinator)
    alone = make_log(coordinator)
    verified_login(client, coordinator)
    assert (
        f'href="/lettings-logs/{first.pk}/duplicate-logs"' in client.get(f"/lettings-logs/{first.pk}").content.decode()
    )
    assert "duplicate-logs" not in client.get(f"/lettings-logs/{alone.pk}").content.decode()
    assert client.get(f"/lettings-logs/{alone.pk}/duplicate-logs")["Location"] == f"/lettings-logs/{alone.pk}"


def test_keeping_one_log_deletes_the_others_after_confirming(client, coordinator, organisation):
    first, second, third = duplicates(coordinator, organisation, coordinator, count=3)
    verified_login(client, coordinator)
    confirm = client.get(f"/lettings-logs/{second.pk}/duplicate-logs/keep").content.decode()
    assert f"keep log {second.pk} and delete logs {first.pk} and {third.pk}?" in confirm
    assert not Log.objects.filter(status=LogStatus.DELETED).exists()
    response = client.post(f"/lettings-logs/{second.pk}/duplicate-logs/keep", {"log": [first.pk, third.pk]})
    assert response["Location"] == f"/lettings-logs/{second.pk}"
    assert f"Log {second.pk} is no longer a duplicate" in client.get(response["Location"]).content.decode()
    statuses = dict(Log.objects.values_list("pk", "status"))
    assert statuses[first.pk] == statuses[third.pk] == LogStatus.DELETED
    assert statuses[second.pk] == LogStatus.COMPLETED
    assert AuditEvent.objects.filter(action="delete", target_id__in=[first.pk, third.pk]).count() == 2
    assert policy.duplicate_sets_for(coordinator, "lettings") == []
    assert "duplicate logs" not in client.get("/lettings-logs").content.decode()


def test_keeping_deletes_only_the_logs_confirmed_that_are_still_duplicates(client, coordinator, organisation):
    first, second = duplicates(coordinator, organisation, coordinator)
    unrelated = make_log(coordinator)
    verified_login(client, coordinator)
    client.post(f"/lettings-logs/{first.pk}/duplicate-logs/keep", {"log": [second.pk, unrelated.pk]})
    assert Log.objects.get(pk=unrelated.pk).status != LogStatus.DELETED
    assert Log.objects.get(pk=second.pk).status == LogStatus.DELETED


def test_a_provider_reviews_only_sets_with_a_log_assigned_to_them(client, provider, coordinator, organisation):
    theirs = duplicates(coordinator, organisation, provider, tenancycode="THEIRS")
    others = duplicates(coordinator, organisation, coordinator, tenancycode="OTHERS")
    verified_login(client, provider)
    assert "There is 1 set of duplicate logs" in client.get("/lettings-logs").content.decode()
    sets = client.get("/lettings-logs/duplicates").content.decode()
    assert f"/lettings-logs/{theirs[0].pk}/duplicate-logs" in sets
    assert f"/lettings-logs/{others[0].pk}/duplicate-logs" not in sets
    assert client.get(f"/lettings-logs/{theirs[0].pk}/duplicate-logs").status_code == 200
    assert client.get(f"/lettings-logs/{others[0].pk}/duplicate-logs").status_code == 403
    assert client.get(f"/lettings-logs/{others[0].pk}/duplicate-logs/keep").status_code == 403


def test_a_provider_cannot_keep_a_log_when_that_deletes_someone_elses(
    client, provider, coordinator, organisation, make_user
):
    colleague = make_user(Role.DATA_PROVIDER, organisation)
    mine = make_log(coordinator, complete(organisation, provider))
    colleagues = make_log(coordinator, complete(organisation, colleague))
    verified_login(client, provider)
    body = client.get(f"/lettings-logs/{mine.pk}/duplicate-logs").content.decode()
    assert f"/lettings-logs/{mine.pk}/duplicate-logs/keep" not in body
    assert f"/lettings-logs/{colleagues.pk}/duplicate-logs/keep" in body  # keeping theirs deletes only mine
    assert client.post(f"/lettings-logs/{mine.pk}/duplicate-logs/keep", {"log": [colleagues.pk]}).status_code == 403
    assert Log.objects.get(pk=colleagues.pk).status != LogStatus.DELETED


def test_duplicates_outside_the_scope_are_not_found(client, stranger, coordinator, organisation):
    first, _ = duplicates(coordinator, organisation, coordinator)
    verified_login(client, stranger)
    assert client.get(f"/lettings-logs/{first.pk}/duplicate-logs").status_code == 404
    assert client.post(f"/lettings-logs/{first.pk}/duplicate-logs/keep").status_code == 404
