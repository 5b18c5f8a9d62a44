"""Users list, user pages, own account and invitations: who may see and do what."""

from __future__ import annotations

from html import unescape

import pytest
from django.urls import reverse

from collect.accounts.models import Role, User
from tests.conftest import verified_login


def test_users_list_shows_only_own_organisation(client, provider, coordinator, stranger):
    client.force_login(provider)
    html = client.get(reverse("accounts:users")).content.decode()
    assert coordinator.email in html
    assert stranger.email not in html
    assert f'<a class="govuk-link" href="{reverse("accounts:user", args=[coordinator.pk])}">Cat Coord</a>' in html


def test_user_values_are_escaped_in_the_list(client, make_user, provider):
    make_user(organisation=provider.organisation, name="<script>alert(1)</script>")
    client.force_login(provider)
    html = client.get(reverse("accounts:users")).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_support_sees_every_user_and_can_search(client, support, provider, stranger):
    verified_login(client, support)
    html = client.get(reverse("accounts:users")).content.decode()
    assert provider.email in html
    assert stranger.email in html
    found = client.get(reverse("accounts:users"), {"q": "hilltop"}).content.decode()
    assert stranger.email in found
    assert provider.email not in found


def test_user_of_another_organisation_is_not_found(client, provider, stranger):
    client.force_login(provider)
    assert client.get(reverse("accounts:user", args=[stranger.pk])).status_code == 404
    assert client.get(reverse("accounts:user", args=[provider.pk])).status_code == 200


def test_account_page_shows_own_details(client, coordinator):
    client.force_login(coordinator)
    html = client.get(reverse("accounts:account")).content.decode()
    assert coordinator.email in html
    assert "Data coordinator" in html


def test_data_provider_cannot_invite(client, provider):
    client.force_login(provider)
    assert client.get(reverse("accounts:invite-user")).status_code == 403
    response = client.post(reverse("accounts:invite-user"), {"name": "X", "email": "x@example.com"})
    assert response.status_code == 403
    assert not User.objects.filter(email="x@example.com").exists()


@pytest.mark.django_db(transaction=True)
def test_coordinator_invites_only_into_own_organisation(client, coordinator, other_organisation, mailoutbox):
    client.force_login(coordinator)
    response = client.post(
        reverse("accounts:invite-user"),
        {"name": "Tampered", "email": "t@example.com", "organisation": other_organisation.pk, "role": Role.SUPPORT},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Select an organisation from the list" in html
    assert "Select a role from the list" in html
    assert not User.objects.filter(email="t@example.com").exists()
    ok = client.post(
        reverse("accounts:invite-user"),
        {
            "name": "Ok",
            "email": "ok@example.com",
            "organisation": coordinator.organisation_id,
            "role": Role.DATA_PROVIDER,
        },
    )
    assert ok.status_code == 302
    assert User.objects.get(email="ok@example.com").organisation == coordinator.organisation
    assert len(mailoutbox) == 1


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({}, "name", "Enter the user's name"),
        ({}, "email", "Enter the user's email address"),
        ({"email": "nope"}, "email", "Enter an email address in the correct format"),
        ({}, "role", "Select a role"),
        ({"organisation": "999999"}, "organisation", "Select an organisation from the list"),
        ({"role": "7"}, "role", "Select a role from the list"),
    ],
)
def test_invite_errors_name_the_field(client, support, data, field, message):
    verified_login(client, support)
    response = client.post(reverse("accounts:invite-user"), data)
    html = unescape(response.content.decode())
    assert response.status_code == 200
    assert f'href="#{field}"' in html
    assert message in html


def test_invite_refuses_an_existing_address(client, support, provider):
    verified_login(client, support)
    response = client.post(
        reverse("accounts:invite-user"),
        {
            "name": "Again",
            "email": provider.email.upper(),
            "organisation": provider.organisation_id,
            "role": Role.DATA_PROVIDER,
        },
    )
    assert "already exists" in response.content.decode()
