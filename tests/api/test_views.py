"""The token pages (create, shown once, list, revoke) and the public documentation page."""

from __future__ import annotations

from collect.api.models import ApiToken, Scope
from collect.api.tokens import hash_token
from tests.api.conftest import ApiClient
from tests.conftest import verified_login


def test_a_coordinator_creates_a_token_that_is_shown_once(client, coordinator, signed_organisation):
    verified_login(client, coordinator)
    page = client.get(f"/organisations/{signed_organisation.pk}/api-tokens/new")
    assert page.status_code == 200
    response = client.post(
        f"/organisations/{signed_organisation.pk}/api-tokens/new", {"name": "Housing system", "scope": "read_write"}
    )
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"
    html = response.content.decode()
    record = ApiToken.objects.get()
    token = html.split('id="api-token">')[1].split("<")[0]
    assert record.token_hash == hash_token(token)
    assert record.scope == Scope.READ_WRITE
    assert record.created_by == coordinator
    listed = client.get(f"/organisations/{signed_organisation.pk}/api-tokens").content.decode()
    assert "Housing system" in listed
    assert record.prefix in listed
    assert token not in listed
    assert ApiClient(token).get("/api/v1/lettings-logs").status_code == 200


def test_a_token_needs_a_name_and_a_scope(client, coordinator, signed_organisation):
    verified_login(client, coordinator)
    response = client.post(f"/organisations/{signed_organisation.pk}/api-tokens/new", {"name": " ", "scope": "all"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Enter a name for the token" in html
    assert "Select what the token can do" in html
    assert not ApiToken.objects.exists()


def test_support_revokes_a_token(client, support, signed_organisation, make_token):
    record, token = make_token()
    verified_login(client, support)
    assert client.get(f"/organisations/{signed_organisation.pk}/api-tokens/{record.pk}/revoke").status_code == 200
    response = client.post(f"/organisations/{signed_organisation.pk}/api-tokens/{record.pk}/revoke")
    assert response.status_code == 302
    record.refresh_from_db()
    assert record.revoked_by == support
    assert ApiClient(token).get("/api/v1/lettings-logs").status_code == 401
    listed = client.get(f"/organisations/{signed_organisation.pk}/api-tokens").content.decode()
    assert "Revoked" in listed
    # A revoked token cannot be revoked again.
    assert client.get(f"/organisations/{signed_organisation.pk}/api-tokens/{record.pk}/revoke").status_code == 404


def test_the_organisation_page_links_to_tokens_for_those_who_manage_them(client, coordinator, provider, organisation):
    verified_login(client, coordinator)
    assert "/api-tokens" in client.get(f"/organisations/{organisation.pk}").content.decode()
    verified_login(client, provider)
    assert "/api-tokens" not in client.get(f"/organisations/{organisation.pk}").content.decode()


def test_the_docs_page_is_public_and_lists_every_call(client, db):
    response = client.get("/api/v1/docs")
    assert response.status_code == 200
    html = response.content.decode()
    for call in ("POST /api/v1/lettings-logs", "PATCH /api/v1/sales-logs/{log_id}", "GET /api/v1/schemas"):
        assert call in html
    assert 'id="problem-stale"' in html
    assert "/api/v1/schemas/lettings-2026" in html
