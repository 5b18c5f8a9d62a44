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
    assert [e.action for e in events] == ["create"]  # the defaults and the answers in one save
    assert events[0].changes["beds"]["to"] == 2
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


def test_text_a_database_cannot_keep_is_refused(api):
    for text in ("T\x00", "T\ud800"):
        response = api.post(LETTINGS, {"answers": {"tenancycode": text}})  # sent escaped: \u0000, \ud800
        assert response.status_code == 422, text
        assert response.json()["errors"][0]["field"] == "tenancycode"


def test_a_body_that_is_not_json_is_a_400_problem(api):
    response = api.client.post(LETTINGS, data="{nope", content_type="application/json", headers=api.headers({}))
    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/problem+json")


def test_a_log_id_that_is_not_a_number_is_a_422_problem(api):
    response = api.get(f"{LETTINGS}/abc")
    assert response.status_code == 422
    assert response.json()["errors"][0]["path"] == "/path/log_id"
    assert api.get(f"{LETTINGS}/{2**70}").status_code == 422


def test_the_openapi_document_is_served_with_problem_errors(client, db):
    document = client.get("/api/v1/openapi.json").json()
    assert document["info"]["version"] == "1"
    create = document["paths"]["/api/v1/lettings-logs"]["post"]
    assert set(create["responses"]["422"]["content"]) == {"application/problem+json"}
    assert "application/json" in create["responses"]["201"]["content"]
    assert document["components"]["securitySchemes"]


def test_every_api_call_needs_a_token_and_no_sign_in(client, db):
    from tests.web.test_access import ROUTES

    documents = {"api-v1:openapi-json", "api-v1:schemas", "api-v1:schema", "api-v1:api-root"}
    calls = [(name, path) for name, path in ROUTES if name.startswith("api-v1:") and name not in documents]
    assert len(calls) == 14
    for name, path in calls:
        response = client.generic("POST" if "create" in name or "validate" in name else "GET", path)
        assert response.status_code in {401, 405}, name
        if response.status_code == 401:
            assert response["Content-Type"].startswith("application/problem+json")


def test_a_soft_warning_is_confirmed_by_sending_its_confirmation_field(api, signed_organisation, coordinator):
    answers = example_answers(lettings.GENERAL_NEEDS, signed_organisation, coordinator)
    created = api.post(LETTINGS, {"answers": {**answers, "age1": 85}})
    assert created.status_code == 201, created.json()  # a warning does not stop the save
    body = created.json()
    assert body["status"] == "in_progress"
    warning = body["outcome"]["warnings"][0]
    assert warning["check"] == "RET_O"
    assert warning["confirm_field"] == "retirement_value_check"
    confirmed = api.patch(
        f"{LETTINGS}/{body['id']}", {"answers": {warning["confirm_field"]: 0}}, **{"If-Match": created["ETag"]}
    )
    assert confirmed.status_code == 200, confirmed.json()
    assert confirmed.json()["outcome"]["warnings"] == []
    assert confirmed.json()["status"] == "completed"


def test_a_log_read_can_be_sent_back_whole(api, signed_organisation, coordinator):
    answers = example_answers(sales.STAIRCASING, signed_organisation, coordinator)
    created = api.post(SALES, {"answers": answers})
    assert created.status_code == 201, created.json()
    read = api.get(f"{SALES}/{created.json()['id']}")
    sent_back = api.patch(
        f"{SALES}/{created.json()['id']}", {"answers": read.json()["answers"]}, **{"If-Match": read["ETag"]}
    )
    assert sent_back.status_code == 200, sent_back.json()
    assert sent_back.json()["answers"] == read.json()["answers"]
    assert sent_back.json()["status"] == "completed"


def test_record_answers_sent_as_text_are_kept_as_ids(api, signed_organisation, coordinator):
    created = api.post(LETTINGS, {"answers": {"owning_organisation_id": str(signed_organisation.pk)}})
    assert created.status_code == 201, created.json()
    assert created.json()["answers"]["owning_organisation_id"] == signed_organisation.pk
    url = f"{LETTINGS}/{created.json()['id']}"
    again = api.patch(url, {"answers": {"owning_organisation_id": str(signed_organisation.pk)}}, **{"If-Match": "*"})
    assert again.json()["answers"]["owning_organisation_id"] == signed_organisation.pk
    assert api.get(LETTINGS).json()["items"][0]["id"] == created.json()["id"]  # still in the organisation's scope
