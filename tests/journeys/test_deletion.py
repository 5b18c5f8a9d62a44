"""Deleting logs from the web: one from its page, a selection from the list, each confirmed, by the role rules."""

from __future__ import annotations

import datetime
import re

import pytest

from collect.audit.models import AuditEvent
from collect.logs.models import Log, LogStatus
from tests.conftest import verified_login
from tests.journeys.factories import complete, leeds, make_log, move_to_year, signed

__all__ = ["leeds", "signed"]
pytestmark = pytest.mark.usefixtures("leeds", "signed")


def test_a_coordinator_deletes_a_log_after_confirming(client, coordinator, provider):
    log = make_log(provider)
    verified_login(client, coordinator)
    page = client.get(f"/lettings-logs/{log.pk}").content.decode()
    assert f'href="/lettings-logs/{log.pk}/delete"' in page
    confirm = client.get(f"/lettings-logs/{log.pk}/delete")
    assert confirm.status_code == 200
    assert "Are you sure you want to delete this log?" in confirm.content.decode()
    log.refresh_from_db()
    assert log.status != LogStatus.DELETED  # asking deletes nothing
    response = client.post(f"/lettings-logs/{log.pk}/delete")
    assert response["Location"] == "/lettings-logs"
    assert f"Log {log.pk} has been deleted" in client.get("/lettings-logs").content.decode()
    log.refresh_from_db()
    assert log.status == LogStatus.DELETED
    assert log.deleted_at is not None
    event = AuditEvent.objects.get(target_type="log", target_id=log.pk, action="delete")
    assert event.actor == coordinator
    assert event.changes["status"]["to"] == "deleted"


def test_a_deleted_log_is_not_found(client, coordinator):
    log = make_log(coordinator)
    verified_login(client, coordinator)
    client.post(f"/lettings-logs/{log.pk}/delete")
    assert client.get(f"/lettings-logs/{log.pk}").status_code == 404
    assert client.get(f"/lettings-logs/{log.pk}/needs-type").status_code == 404
    assert client.get(f"/lettings-logs/{log.pk}/delete").status_code == 404
    assert client.post(f"/lettings-logs/{log.pk}/delete").status_code == 404


def test_a_provider_deletes_only_the_logs_assigned_to_them(client, provider, coordinator):
    theirs = make_log(provider)
    someone_elses = make_log(coordinator)
    verified_login(client, provider)
    assert (
        f'href="/lettings-logs/{someone_elses.pk}/delete"'
        not in client.get(f"/lettings-logs/{someone_elses.pk}").content.decode()
    )
    assert client.get(f"/lettings-logs/{someone_elses.pk}/delete").status_code == 403
    assert client.post(f"/lettings-logs/{someone_elses.pk}/delete").status_code == 403
    assert client.post(f"/lettings-logs/{theirs.pk}/delete").status_code == 302
    assert Log.objects.get(pk=someone_elses.pk).status != LogStatus.DELETED
    assert Log.objects.get(pk=theirs.pk).status == LogStatus.DELETED


def test_support_deletes_any_log(client, support, provider):
    log = make_log(provider)
    verified_login(client, support)
    assert client.post(f"/lettings-logs/{log.pk}/delete").status_code == 302


def test_a_log_of_another_organisation_is_not_found(client, stranger, provider):
    log = make_log(provider)
    verified_login(client, stranger)
    assert client.get(f"/lettings-logs/{log.pk}/delete").status_code == 404
    assert client.post(f"/lettings-logs/{log.pk}/delete").status_code == 404
    assert client.get(f"/lettings-logs/delete?log={log.pk}").status_code == 404
    assert Log.objects.get(pk=log.pk).status != LogStatus.DELETED


def test_a_log_of_a_closed_collection_year_cannot_be_deleted(client, coordinator, organisation):
    log = move_to_year(make_log(coordinator, complete(organisation, coordinator)), datetime.date(2024, 6, 1))
    verified_login(client, coordinator)
    assert client.get(f"/lettings-logs/{log.pk}/delete").status_code == 403
    assert client.post(f"/lettings-logs/{log.pk}/delete").status_code == 403


def test_a_selection_is_deleted_after_confirming(client, coordinator):
    first, second, kept = (make_log(coordinator) for _ in range(3))
    verified_login(client, coordinator)
    body = client.get("/lettings-logs").content.decode()
    for log in (first, second, kept):
        assert f'id="select-log-{log.pk}"' in body
    confirm = client.get(f"/lettings-logs/delete?log={first.pk}&log={second.pk}")
    page = confirm.content.decode()
    assert "Are you sure you want to delete these 2 logs?" in page
    assert f"Log {first.pk}" in page
    assert f"Log {kept.pk}" not in page
    response = client.post("/lettings-logs/delete", {"log": [first.pk, second.pk]})
    assert response["Location"] == "/lettings-logs"
    assert "2 logs have been deleted" in client.get("/lettings-logs").content.decode()
    statuses = dict(Log.objects.values_list("pk", "status"))
    assert statuses == {first.pk: "deleted", second.pk: "deleted", kept.pk: kept.status}
    assert AuditEvent.objects.filter(action="delete").count() == 2


def test_the_list_offers_to_select_only_the_logs_the_person_may_delete(client, provider, coordinator):
    theirs = make_log(provider)
    someone_elses = make_log(coordinator)
    verified_login(client, provider)
    body = client.get("/lettings-logs").content.decode()
    assert f'id="select-log-{theirs.pk}"' in body
    assert f'id="select-log-{someone_elses.pk}"' not in body
    assert client.get(f"/lettings-logs/delete?log={theirs.pk}&log={someone_elses.pk}").status_code == 403
    assert client.post("/lettings-logs/delete", {"log": [theirs.pk, someone_elses.pk]}).status_code == 403
    assert not Log.objects.filter(status=LogStatus.DELETED).exists()


def test_an_empty_selection_sends_back_to_the_list_with_an_error(client, coordinator):
    log = make_log(coordinator)
    verified_login(client, coordinator)
    response = client.get("/lettings-logs/delete")
    assert response.status_code == 302
    body = client.get(response["Location"]).content.decode()
    assert "There is a problem" in body
    assert f'href="#select-log-{log.pk}"' in body
    assert re.search(r"<title>Error: Lettings logs", body)


def test_a_selection_with_a_deleted_or_unknown_log_is_not_found(client, coordinator):
    log = make_log(coordinator)
    gone = make_log(coordinator)
    verified_login(client, coordinator)
    client.post(f"/lettings-logs/{gone.pk}/delete")
    assert client.get(f"/lettings-logs/delete?log={log.pk}&log={gone.pk}").status_code == 404
    assert client.get(f"/lettings-logs/delete?log={log.pk}&log=999999").status_code == 404
    assert client.get(f"/lettings-logs/delete?log={log.pk}&log=abc").status_code == 404
