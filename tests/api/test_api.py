"""The log calls: create, read, update, list, delete and validate, with the rulebook's outcome."""

from __future__ import annotations

from collect.audit.models import AuditEvent, Channel
from collect.logs.models import Log
from collect.standards.lettings.y2026 import examples as lettings
from collect.standards.sales.y2026 import examples as sales
from tests.api.conftest import example_answers

LETTINGS = "/api/v1/lettings-logs"
SALES = "/api/v1/sales-logs"


def test_create_a_complete_lettings_log(api, signed_organisation, coordinator):
    answers = example_answers(lettings.GENERAL_NEEDS, signed_organisation, coordinator)
    response = api.post(LETTINGS, {"answers": answers})
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["status"] == "completed", body["outcome"]
    assert body["outcome"]["errors"] == []
    assert response["ETag"] == f'"{body["version"]}"'
    assert response["Location"] == f"{LETTINGS}/{body['id']}"
    log = Log.objects.get(pk=body["id"])
    assert log.created_via == Channel.API
    assert log.owning_organisation == signed_organisation
    events = AuditEvent.objects.filter(target_type="log", target_id=log.pk)
    assert {e.channel for e in events} == {Channel.API}
    assert all("API token Housing system" in e.actor_name for e in events)
    assert all(e.actor_id == coordinator.pk for e in events)


def test_create_a_complete_sales_log(api, signed_organisation, coordinator):
    answers = example_answers(sales.SHARED_OWNERSHIP, signed_organisation, coordinator)
    response = api.post(SALES, {"answers": answers})
    assert response.status_code == 201, response.json()
    assert response.json()["status"] == "completed", response.json()["outcome"]


def test_a_partial_log_is_saved_in_progress(api):
    response = api.post(LETTINGS, {"answers": {"needstype": 1, "tenancycode": "T1"}})
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["status"] == "in_progress"
    assert body["answers"]["tenancycode"] == "T1"
    assert body["outcome"]["missing"]


def test_an_answer_that_breaks_a_rule_saves_nothing(api, signed_organisation, coordinator):
    before = Log.objects.count()
    answers = example_answers(lettings.GENERAL_NEEDS, signed_organisation, coordinator)
    response = api.post(LETTINGS, {"answers": {**answers, "beds": 99}})
    assert response.status_code == 422
    assert response["Content-Type"].startswith("application/problem+json")
    problem = response.json()
    assert problem["status"] == 422
    beds = [e for e in problem["errors"] if e["field"] == "beds"]
    assert beds, problem
    assert beds[0]["path"] == "/answers/beds"
    assert beds[0]["check"]
    assert problem["outcome"]["errors"]
    assert Log.objects.count() == before


def test_answers_that_do_not_apply_are_cleared_and_listed(api):
    response = api.post(LETTINGS, {"answers": {"needstype": 1, "beds": 2}})
    assert response.status_code == 201
    assert response.json()["outcome"]["cleared"] == {"beds": 2}


def test_unknown_answers_types_and_codes_are_reported_by_field(api):
    sent = {"answers": {"no_such_answer": 1, "needstype": 7, "tenancycode": 12, "beds": "two"}}
    response = api.post(LETTINGS, sent)
    assert response.status_code == 422
    checks = {e["field"]: e["check"] for e in response.json()["errors"]}
    assert checks == {
        "no_such_answer": "api.unknown_answer",
        "needstype": "api.code",
        "tenancycode": "api.type",
        "beds": "api.type",
    }


def test_organisations_must_be_ones_the_service_offers(api, other_organisation):
    response = api.post(LETTINGS, {"answers": {"owning_organisation_id": other_organisation.pk}})
    assert response.status_code == 422
    assert response.json()["errors"][0]["check"] == "api.not_offered"


def test_read_update_with_etag_and_fix_an_error(api, signed_organisation, coordinator):
    answers = example_answers(lettings.GENERAL_NEEDS, signed_organisation, coordinator)
    created = api.post(LETTINGS, {"answers": {**answers, "beds": None}}).json()
    url = f"{LETTINGS}/{created['id']}"
    read = api.get(url)
    assert read.status_code == 200
    assert read.json()["status"] == "in_progress"
    refused = api.patch(url, {"answers": {"beds": 99}}, **{"If-Match": read["ETag"]})
    assert refused.status_code == 422
    assert refused.json()["errors"][0]["field"] == "beds"
    fixed = api.patch(url, {"answers": {"beds": 2}}, **{"If-Match": read["ETag"]})
    assert fixed.status_code == 200, fixed.json()
    assert fixed.json()["status"] == "completed"
    assert fixed["ETag"] != read["ETag"]


def test_validate_only_saves_nothing(api, signed_organisation, coordinator):
    before = Log.objects.count()
    answers = example_answers(lettings.GENERAL_NEEDS, signed_organisation, coordinator)
    response = api.post(f"{LETTINGS}/validate", {"answers": answers})
    assert response.status_code == 200, response.json()
    body = response.json()
    assert body["valid"] is True
    assert body["status"] == "completed"
    assert "derived" in body
    broken = api.post(f"{LETTINGS}/validate", {"answers": {**answers, "beds": 99, "what": 1}}).json()
    assert broken["valid"] is False
    assert {e["field"] for e in broken["errors"]} >= {"beds", "what"}
    assert Log.objects.count() == before
