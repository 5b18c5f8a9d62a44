"""Tokens: stored hashed, shown once, scoped to their organisation, read or read-write, revoked, last used."""

from __future__ import annotations

import datetime

from django.utils import timezone

from collect.accounts.models import Role
from collect.api import tokens
from collect.api.models import ApiToken, Scope
from collect.audit.models import AuditEvent
from collect.logs.writing import create_log
from tests.api.conftest import ApiClient

LETTINGS = "/api/v1/lettings-logs"


def test_only_a_hash_is_stored(signed_organisation, coordinator):
    record, token = tokens.create_token(coordinator, signed_organisation, "Housing system")
    assert token.startswith("core_")
    assert len(token) > 40
    assert record.token_hash == tokens.hash_token(token)
    assert token not in {str(v) for v in ApiToken.objects.values_list("token_hash", "prefix", "name").get()}
    assert token.startswith(record.prefix)
    assert AuditEvent.objects.filter(target_type="api_token", target_id=record.pk, action="create").exists()


def test_no_token_or_a_wrong_one_is_unauthorised(signed_organisation, token):
    for presented in (None, "core_wrong", token + "x", "not-a-core-token"):
        response = ApiClient(presented).get(LETTINGS)
        assert response.status_code == 401
        assert response["Content-Type"].startswith("application/problem+json")
        assert response["WWW-Authenticate"].startswith("Bearer")


def test_a_session_cookie_is_not_a_token(client, coordinator, signed_organisation):
    client.force_login(coordinator)
    assert client.get(LETTINGS).status_code == 401
    assert client.post(LETTINGS, {}, content_type="application/json").status_code == 401


def test_a_token_sees_only_its_organisations_logs(api, stranger, coordinator, signed_organisation):
    own = create_log(coordinator).log
    theirs = create_log(stranger).log
    assert api.get(f"{LETTINGS}/{own.pk}").status_code == 200
    response = api.get(f"{LETTINGS}/{theirs.pk}")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/problem+json")
    assert api.patch(f"{LETTINGS}/{theirs.pk}", {"answers": {}}, **{"If-Match": '"1"'}).status_code == 404
    assert api.delete(f"{LETTINGS}/{theirs.pk}").status_code == 404
    listed = [item["id"] for item in api.get(LETTINGS).json()["items"]]
    assert listed == [own.pk]


def test_a_read_only_token_reads_but_does_not_write(signed_organisation, make_token, coordinator):
    reader = ApiClient(make_token(scope=Scope.READ)[1])
    log = create_log(coordinator).log
    assert reader.get(f"{LETTINGS}/{log.pk}").status_code == 200
    assert reader.post(f"{LETTINGS}/validate", {"answers": {"needstype": 1}}).status_code == 200
    for response in (
        reader.post(LETTINGS, {"answers": {"needstype": 1}}),
        reader.patch(f"{LETTINGS}/{log.pk}", {"answers": {"needstype": 1}}, **{"If-Match": f'"{log.version}"'}),
        reader.delete(f"{LETTINGS}/{log.pk}"),
    ):
        assert response.status_code == 403
        assert response.json()["type"].endswith("#problem-forbidden")


def test_a_revoked_token_stops_working_at_once(signed_organisation, make_token, coordinator, support):
    record, token = make_token()
    client = ApiClient(token)
    assert client.get(LETTINGS).status_code == 200
    tokens.revoke_token(support, record)
    assert client.get(LETTINGS).status_code == 401
    record.refresh_from_db()
    assert record.revoked_by == support
    assert AuditEvent.objects.filter(target_type="api_token", target_id=record.pk, action="revoke").exists()


def test_a_token_stops_working_when_its_maker_is_deactivated(signed_organisation, make_token, coordinator):
    client = ApiClient(make_token()[1])
    coordinator.is_active = False
    coordinator.save()
    assert client.get(LETTINGS).status_code == 401


def test_last_used_is_recorded_at_most_once_a_minute(signed_organisation, make_token):
    record, token = make_token()
    assert record.last_used_at is None
    ApiClient(token).get(LETTINGS)
    record.refresh_from_db()
    first = record.last_used_at
    assert first is not None
    ApiClient(token).get(LETTINGS)
    record.refresh_from_db()
    assert record.last_used_at == first
    ApiToken.objects.filter(pk=record.pk).update(last_used_at=timezone.now() - datetime.timedelta(minutes=2))
    ApiClient(token).get(LETTINGS)
    record.refresh_from_db()
    assert record.last_used_at > first


def test_the_api_acts_as_a_coordinator_of_the_tokens_organisation(signed_organisation, make_token, support):
    record, _ = make_token(creator=support)
    actor = tokens.actor_for(record)
    assert actor.role == Role.DATA_COORDINATOR
    assert actor.organisation == signed_organisation
    assert actor.pk == support.pk
    assert "API token Housing system" in actor.name


def test_a_token_made_by_support_creates_logs_of_the_organisation(signed_organisation, make_token, support):
    client = ApiClient(make_token(creator=support)[1])
    response = client.post(LETTINGS, {"answers": {"needstype": 1}})
    assert response.status_code == 201, response.json()
    assert response.json()["answers"]["owning_organisation_id"] == signed_organisation.pk
    assert "assigned_to_id" not in response.json()["answers"]


def test_an_organisation_that_cannot_create_logs_gets_403(organisation, make_token):
    client = ApiClient(make_token(organisation=organisation)[1])
    response = client.post(LETTINGS, {"answers": {}})
    assert response.status_code == 403
