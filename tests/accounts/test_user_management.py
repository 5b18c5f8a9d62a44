"""The people pages: a user's page, changing, deactivating, reactivating, re-inviting and moving users, and
confirming a new email address."""

from __future__ import annotations

import re
from html import unescape

import pytest
from django.urls import reverse

from collect.accounts.models import Role, User
from collect.audit.trail import history
from tests.conftest import PASSWORD, verified_login

NEW_PASSWORD = "a-brand-new-passphrase"


def path_in(message) -> str:
    match = re.search(r"https?://[^/\s]+(/\S*)", message.body)
    assert match, message.body
    return match.group(1)


def sign_in(client, email, password=PASSWORD):
    return client.post(reverse("accounts:sign-in"), {"email": email, "password": password})


def page_text(response) -> str:
    return unescape(response.content.decode())


def test_user_page_offers_the_viewers_actions(client, coordinator, provider, support, make_user):
    client.force_login(coordinator)
    html = page_text(client.get(reverse("accounts:user", args=[provider.pk])))
    assert reverse("accounts:edit-user", args=[provider.pk]) + "#role" in html
    assert reverse("accounts:deactivate-user", args=[provider.pk]) in html
    assert reverse("accounts:move-user", args=[provider.pk]) not in html
    assert "History of changes" not in html
    own = page_text(client.get(reverse("accounts:user", args=[coordinator.pk])))
    assert reverse("accounts:deactivate-user", args=[coordinator.pk]) not in own

    client.force_login(provider)
    colleague = page_text(client.get(reverse("accounts:user", args=[coordinator.pk])))
    assert "Change" not in colleague
    assert "Manage this user" not in colleague

    verified_login(client, support)
    invited = make_user(organisation=provider.organisation, password=None)
    html = page_text(client.get(reverse("accounts:user", args=[invited.pk])))
    assert reverse("accounts:resend-invitation", args=[invited.pk]) in html
    assert reverse("accounts:move-user", args=[invited.pk]) in html
    assert "History of changes" in html


def test_support_sees_the_change_history(client, support, coordinator, provider):
    client.force_login(coordinator)
    client.post(
        reverse("accounts:edit-user", args=[provider.pk]),
        {"name": "Pat Renamed", "email": provider.email, "phone": "", "role": Role.DATA_PROVIDER},
    )
    verified_login(client, support)
    html = page_text(client.get(reverse("accounts:user", args=[provider.pk])))
    assert "Changed details" in html
    assert "Name: Pat Provider → Pat Renamed" in html
    assert "Cat Coord" in html


def test_edit_errors_name_the_field(client, coordinator, provider):
    client.force_login(coordinator)
    response = client.post(
        reverse("accounts:edit-user", args=[provider.pk]),
        {"name": "", "email": "not an email", "phone": "call me", "role": ""},
    )
    html = page_text(response)
    assert response.status_code == 200
    assert "<title>Error: " in html
    for field, message in [
        ("name", "Enter the user's name"),
        ("email", "Enter an email address in the correct format"),
        ("phone", "Enter a phone number, like 01632 960 001"),
        ("role", "Select a role"),
    ]:
        assert f'href="#{field}"' in html
        assert message in html


def test_deactivate_page_asks_first_and_coordinators_cannot_deactivate_themselves(client, coordinator, provider):
    client.force_login(coordinator)
    url = reverse("accounts:deactivate-user", args=[provider.pk])
    page = page_text(client.get(url))
    assert "Are you sure you want to deactivate Pat Provider?" in page
    provider.refresh_from_db()
    assert provider.is_active
    done = client.post(url)
    assert done.url == reverse("accounts:user", args=[provider.pk])
    assert "Pat Provider has been deactivated" in page_text(client.get(done.url))
    provider.refresh_from_db()
    assert not provider.is_active
    assert client.get(url).url == reverse("accounts:user", args=[provider.pk])  # nothing more to do
    own = reverse("accounts:deactivate-user", args=[coordinator.pk])
    assert client.get(own).status_code == 403
    assert client.post(own).status_code == 403


@pytest.mark.django_db(transaction=True)
def test_deactivated_user_cannot_sign_in_until_reactivated(client, coordinator, provider, mailoutbox):
    client.force_login(coordinator)
    client.post(reverse("accounts:deactivate-user", args=[provider.pk]))
    client.post(reverse("accounts:sign-out"))
    refused = sign_in(client, provider.email)
    assert refused.status_code == 200
    assert "Your account has been deactivated" in page_text(refused)

    client.force_login(coordinator)
    page = page_text(client.get(reverse("accounts:reactivate-user", args=[provider.pk])))
    assert "Are you sure you want to reactivate Pat Provider?" in page
    done = client.post(reverse("accounts:reactivate-user", args=[provider.pk]))
    assert "Pat Provider has been reactivated" in page_text(client.get(done.url))
    assert [m.to for m in mailoutbox] == [[provider.email]]
    assert "has been reactivated" in mailoutbox[0].subject
    client.post(reverse("accounts:sign-out"))
    assert sign_in(client, provider.email).status_code == 302


def test_a_deactivated_user_is_signed_out_at_their_next_request(client, coordinator, provider):
    from django.test import Client

    providers_browser = Client()
    providers_browser.force_login(provider)
    assert providers_browser.get(reverse("web:home")).status_code == 200
    client.force_login(coordinator)
    client.post(reverse("accounts:deactivate-user", args=[provider.pk]))
    response = providers_browser.get(reverse("web:home"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:sign-in"))


@pytest.mark.django_db(transaction=True)
def test_resend_invitation_sends_a_new_link_that_works(client, coordinator, make_user, mailoutbox):
    invited = make_user(organisation=coordinator.organisation, password=None, email="nia@example.com")
    client.force_login(coordinator)
    url = reverse("accounts:resend-invitation", args=[invited.pk])
    assert "Send a new invitation to" in page_text(client.get(url))
    done = client.post(url)
    assert "A new invitation has been sent to nia@example.com" in page_text(client.get(done.url))
    assert [m.to for m in mailoutbox] == [["nia@example.com"]]
    client.post(reverse("accounts:sign-out"))

    follow = client.get(path_in(mailoutbox[0]))
    assert follow.url == reverse("accounts:invitation")
    client.post(follow.url, {"password": NEW_PASSWORD, "password_confirmation": NEW_PASSWORD})
    client.post(reverse("accounts:sign-out"))
    assert sign_in(client, "nia@example.com", NEW_PASSWORD).status_code == 302
    client.force_login(coordinator)
    assert client.get(url).url == reverse("accounts:user", args=[invited.pk])  # has a password now


def test_move_user_page_and_errors(client, support, provider, other_organisation):
    verified_login(client, support)
    url = reverse("accounts:move-user", args=[provider.pk])
    page = page_text(client.get(url))
    assert "Move Pat Provider to another organisation" in page
    assert "Hilltop Council" in page
    assert f'<option value="{provider.organisation_id}"' not in page  # not their current organisation
    errors = page_text(client.post(url, {"organisation": "999999", "log_reassignment": "sideways"}))
    assert 'href="#organisation"' in errors
    assert "Select an organisation from the list" in errors
    assert 'href="#log_reassignment"' in errors
    assert "Select what happens to the user's logs from the list" in errors
    empty = page_text(client.post(url, {}))
    assert "Select the organisation to move the user to" in empty
    assert "Select what happens to the user's logs" in empty
    provider.refresh_from_db()
    assert provider.organisation.name == "Riverside Homes"


@pytest.mark.django_db(transaction=True)
def test_support_moves_a_user_who_is_told_by_email(client, support, provider, other_organisation, mailoutbox):
    verified_login(client, support)
    done = client.post(
        reverse("accounts:move-user", args=[provider.pk]),
        {"organisation": other_organisation.pk, "log_reassignment": "reassign_all"},
    )
    assert "Pat Provider has been moved to Hilltop Council" in page_text(client.get(done.url))
    provider.refresh_from_db()
    assert provider.organisation == other_organisation
    assert "Hilltop Council is now their owning and managing organisation" in mailoutbox[0].body
    assert history(provider).first().changes["log_reassignment"]["to"].startswith("Move their logs")


def test_moving_a_support_user_out_of_the_department_gets_a_field_error(
    client, support, make_user, department, other_organisation
):
    colleague = make_user(Role.SUPPORT, department)
    verified_login(client, support)
    response = client.post(
        reverse("accounts:move-user", args=[colleague.pk]),
        {"organisation": other_organisation.pk, "log_reassignment": "unassign"},
    )
    assert response.status_code == 200
    html = page_text(response)
    assert 'href="#organisation"' in html
    assert "Select the department, or first change the user's role from support" in html
    colleague.refresh_from_db()
    assert colleague.organisation == department


@pytest.mark.django_db(transaction=True)
def test_email_change_is_confirmed_from_the_link_sent_to_the_new_address(client, coordinator, provider, mailoutbox):
    client.force_login(coordinator)
    done = client.post(
        reverse("accounts:edit-user", args=[provider.pk]),
        {"name": provider.name, "email": "pat@new.example", "role": Role.DATA_PROVIDER},
    )
    assert "We have sent a link to pat@new.example" in page_text(client.get(done.url))
    notice, confirmation = mailoutbox
    assert notice.to == [provider.email]
    assert confirmation.to == ["pat@new.example"]
    client.post(reverse("accounts:sign-out"))

    link = path_in(confirmation)
    follow = client.get(link)
    assert follow.url == reverse("accounts:confirm-email")
    page = page_text(client.get(follow.url))
    assert "Confirm your new email address" in page
    assert "pat@new.example" in page
    provider.refresh_from_db()
    assert provider.email == "provider@riverside.example"
    confirmed = client.post(follow.url)
    assert confirmed.url == reverse("accounts:sign-in")
    assert "Your email address is now pat@new.example" in page_text(client.get(confirmed.url))
    assert sign_in(client, "pat@new.example").status_code == 302
    client.post(reverse("accounts:sign-out"))
    again = client.get(link)
    assert again.status_code == 410
    assert "This link has already been used" in page_text(again)


def test_confirm_email_pages_without_a_valid_link(client, db):
    assert client.get(reverse("accounts:confirm-email")).status_code == 404
    assert client.post(reverse("accounts:confirm-email")).status_code == 404
    broken = client.get(reverse("accounts:confirm-email-link", args=["nonsense"]))
    assert broken.status_code == 404
    assert "This link does not work" in page_text(broken)


def test_own_account_page_links_to_changing_name_and_phone(client, provider):
    client.force_login(provider)
    html = page_text(client.get(reverse("accounts:account")))
    assert reverse("accounts:edit-account") + "#name" in html
    assert reverse("accounts:edit-account") + "#phone" in html
    assert reverse("accounts:edit-account") + "#role" not in html
    form = page_text(client.get(reverse("accounts:edit-account")))
    assert 'name="name"' in form
    assert 'name="email"' not in form
    errors = page_text(client.post(reverse("accounts:edit-account"), {"name": "", "phone": "abc"}))
    assert "Enter your name" in errors
    assert "Enter a phone number" in errors
    done = client.post(reverse("accounts:edit-account"), {"name": "Pat Renamed", "phone": "07700 900982"})
    assert "Your details have been saved" in page_text(client.get(done.url))
    provider.refresh_from_db()
    assert (provider.name, provider.phone) == ("Pat Renamed", "07700 900982")
    assert history(provider).first().actor == provider


@pytest.mark.django_db(transaction=True)
def test_a_new_dpo_is_sent_the_data_sharing_agreement_until_it_is_accepted(coordinator, provider, mailoutbox):
    from collect.accounts.actions import update_user
    from collect.organisations.actions import accept_data_sharing_agreement

    update_user(coordinator, provider, {"is_dpo": True})
    [message] = [m for m in mailoutbox if m.extra_headers["X-Collect-Email-Kind"] == "data_sharing_agreement_needed"]
    assert message.to == [provider.email]
    assert "/data-sharing-agreement" in message.body
    accept_data_sharing_agreement(provider, provider.organisation)
    mailoutbox.clear()
    other = User.objects.create_user("second@riverside.example", name="Sec", organisation=provider.organisation)
    update_user(coordinator, other, {"is_dpo": True})
    assert not [m for m in mailoutbox if m.extra_headers["X-Collect-Email-Kind"] == "data_sharing_agreement_needed"]
