"""Idempotency keys, stale writes (ETag / If-Match), deletion, and lists with filters and cursors."""

from __future__ import annotations

import datetime
import threading

import pytest
from django.db import connection
from django.utils import timezone

from collect.api.models import IdempotencyRecord
from collect.logs.models import Log, LogStatus
from collect.logs.writing import create_log, save_answers
from tests.api.conftest import ApiClient

LETTINGS = "/api/v1/lettings-logs"


# Idempotency keys


def test_the_same_key_and_body_give_the_same_log(api):
    first = api.post(LETTINGS, {"answers": {"needstype": 1}}, **{"Idempotency-Key": "abc-1"})
    again = api.post(LETTINGS, {"answers": {"needstype": 1}}, **{"Idempotency-Key": "abc-1"})
    assert first.status_code == again.status_code == 201
    assert first.json() == again.json()
    assert first["ETag"] == again["ETag"]
    assert first["Location"] == again["Location"]
    assert Log.objects.count() == 1


def test_the_same_key_with_another_body_is_refused(api):
    api.post(LETTINGS, {"answers": {"needstype": 1}}, **{"Idempotency-Key": "abc-2"})
    response = api.post(LETTINGS, {"answers": {"needstype": 2}}, **{"Idempotency-Key": "abc-2"})
    assert response.status_code == 422
    assert response.json()["type"].endswith("#problem-idempotency-key-reused")
    assert response.json()["errors"][0]["path"] == "/headers/Idempotency-Key"
    assert Log.objects.count() == 1


def test_keys_are_per_token(signed_organisation, make_token):
    one, two = ApiClient(make_token()[1]), ApiClient(make_token(name="Other")[1])
    one.post(LETTINGS, {"answers": {}}, **{"Idempotency-Key": "same"})
    two.post(LETTINGS, {"answers": {}}, **{"Idempotency-Key": "same"})
    assert Log.objects.count() == 2


def test_a_refused_create_keeps_no_key(api):
    refused = api.post(LETTINGS, {"answers": {"needstype": 9}}, **{"Idempotency-Key": "k"})
    assert refused.status_code == 422
    assert not IdempotencyRecord.objects.exists()
    assert api.post(LETTINGS, {"answers": {"needstype": 1}}, **{"Idempotency-Key": "k"}).status_code == 201


def test_keys_older_than_a_day_are_forgotten(api):
    api.post(LETTINGS, {"answers": {}}, **{"Idempotency-Key": "old"})
    IdempotencyRecord.objects.update(created_at=timezone.now() - datetime.timedelta(hours=25))
    api.post(LETTINGS, {"answers": {}}, **{"Idempotency-Key": "old"})
    assert Log.objects.count() == 2


@pytest.mark.django_db(transaction=True)
def test_the_same_key_at_the_same_moment_creates_one_log(signed_organisation, make_token):
    if connection.vendor == "sqlite":
        pytest.skip("SQLite writes one transaction at a time: the race needs PostgreSQL")
    token = make_token()[1]
    results: list[int] = []

    def send() -> None:
        results.append(ApiClient(token).post(LETTINGS, {"answers": {}}, **{"Idempotency-Key": "race"}).status_code)
        connection.close()

    threads = [threading.Thread(target=send) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == [201] * 4
    assert Log.objects.count() == 1


# Optimistic concurrency


def test_a_change_needs_if_match(api, coordinator):
    log = create_log(coordinator).log
    response = api.patch(f"{LETTINGS}/{log.pk}", {"answers": {"needstype": 1}})
    assert response.status_code == 428
    assert response.json()["errors"][0]["path"] == "/headers/If-Match"


def test_a_stale_change_is_refused_with_412(api, coordinator):
    log = create_log(coordinator).log
    read = api.get(f"{LETTINGS}/{log.pk}")
    save_answers(log, {"tenancycode": "changed on the web"}, coordinator)  # someone else changes it
    response = api.patch(f"{LETTINGS}/{log.pk}", {"answers": {"tenancycode": "API"}}, **{"If-Match": read["ETag"]})
    assert response.status_code == 412
    assert response.json()["type"].endswith("#problem-stale")
    log.refresh_from_db()
    assert log.answers["tenancycode"] == "changed on the web"
    fresh = api.get(f"{LETTINGS}/{log.pk}")
    retried = api.patch(f"{LETTINGS}/{log.pk}", {"answers": {"tenancycode": "API"}}, **{"If-Match": fresh["ETag"]})
    assert retried.status_code == 200
    assert retried.json()["answers"]["tenancycode"] == "API"


def test_a_malformed_if_match_is_stale(api, coordinator):
    log = create_log(coordinator).log
    response = api.patch(f"{LETTINGS}/{log.pk}", {"answers": {}}, **{"If-Match": "nonsense"})
    assert response.status_code == 412


def test_null_clears_an_answer(api, coordinator):
    log = create_log(coordinator).log
    save_answers(log, {"tenancycode": "T1"}, coordinator)
    read = api.get(f"{LETTINGS}/{log.pk}")
    response = api.patch(f"{LETTINGS}/{log.pk}", {"answers": {"tenancycode": None}}, **{"If-Match": read["ETag"]})
    assert response.status_code == 200
    assert "tenancycode" not in response.json()["answers"]


# Deleting


def test_delete_is_a_soft_delete_and_the_log_is_gone_for_the_api(api, coordinator):
    log = create_log(coordinator).log
    assert api.delete(f"{LETTINGS}/{log.pk}").status_code == 204
    log.refresh_from_db()
    assert log.status == LogStatus.DELETED
    assert api.get(f"{LETTINGS}/{log.pk}").status_code == 404


def test_delete_with_a_stale_if_match_is_refused(api, coordinator):
    log = create_log(coordinator).log
    assert api.delete(f"{LETTINGS}/{log.pk}", **{"If-Match": '"0"'}).status_code == 412
    assert api.delete(f"{LETTINGS}/{log.pk}", **{"If-Match": f'"{log.version}"'}).status_code == 204


def test_a_closed_year_log_cannot_be_changed(api, coordinator):
    log = create_log(coordinator).log
    save_answers(log, {"needstype": 1}, coordinator)
    Log.objects.filter(pk=log.pk).update(startdate=datetime.date(2020, 5, 1))
    response = api.patch(f"{LETTINGS}/{log.pk}", {"answers": {"tenancycode": "X"}}, **{"If-Match": "*"})
    assert response.status_code == 409
    assert api.delete(f"{LETTINGS}/{log.pk}").status_code == 409


# Lists


def test_lists_page_with_a_cursor(api, coordinator):
    logs = [create_log(coordinator).log for _ in range(5)]
    first = api.get(LETTINGS, {"limit": 2}).json()
    assert [i["id"] for i in first["items"]] == [logs[0].pk, logs[1].pk]
    second = api.get(LETTINGS, {"limit": 2, "cursor": first["next_cursor"]}).json()
    assert [i["id"] for i in second["items"]] == [logs[2].pk, logs[3].pk]
    last = api.get(LETTINGS, {"limit": 2, "cursor": second["next_cursor"]}).json()
    assert [i["id"] for i in last["items"]] == [logs[4].pk]
    assert last["next_cursor"] is None


def test_lists_filter_by_status_year_and_time_of_change(api, coordinator):
    old, new = create_log(coordinator).log, create_log(coordinator).log
    Log.objects.filter(pk=old.pk).update(updated_at=timezone.now() - datetime.timedelta(days=3))
    since = (timezone.now() - datetime.timedelta(days=1)).isoformat()
    assert [i["id"] for i in api.get(LETTINGS, {"updated_since": since}).json()["items"]] == [new.pk]
    assert api.get(LETTINGS, {"status": "completed"}).json()["items"] == []
    assert len(api.get(LETTINGS, {"status": new.status}).json()["items"]) == 2
    assert len(api.get(LETTINGS, {"collection": "lettings-2026"}).json()["items"]) == 2
    assert api.get("/api/v1/sales-logs").json()["items"] == []


def test_bad_list_parameters_are_problems(api):
    for params in ({"cursor": "nonsense!"}, {"limit": 0}, {"status": "deleted"}, {"collection": "sales-2026"}):
        response = api.get(LETTINGS, params)
        assert response.status_code == 422, params
        assert response["Content-Type"].startswith("application/problem+json")
        assert response.json()["errors"][0]["path"].startswith("/query/")


def test_a_read_only_token_cannot_create_with_a_key(signed_organisation, make_token):
    from collect.api.models import Scope

    reader = ApiClient(make_token(scope=Scope.READ)[1])
    assert reader.post(LETTINGS, {"answers": {}}, **{"Idempotency-Key": "k"}).status_code == 403
    assert not IdempotencyRecord.objects.exists()
