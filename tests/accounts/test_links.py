"""Password reset and invitation: from the email to a signed-in user."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.urls import reverse

from collect.accounts.models import Role, User
from collect.accounts.tokens import Problem, Purpose, check_token, make_token
from tests.conftest import PASSWORD, verified_login

NEW_PASSWORD = "a-brand-new-passphrase"
pytestmark = pytest.mark.django_db(transaction=True)


def link_in(message) -> str:
    match = re.search(r"https?://\S+", message.body)
    assert match, message.body
    return match.group(0)


def path_of(url: str) -> str:
    return re.sub(r"^https?://[^/]+", "", url)


def ask_for_reset(client, email):
    return client.post(reverse("accounts:password-forgotten"), {"email": email})


def test_reset_email_link_lets_the_user_choose_a_password_and_signs_them_in(client, provider, mailoutbox):
    response = ask_for_reset(client, provider.email)
    assert response.url == reverse("accounts:password-reset-sent")
    assert provider.email in client.get(response.url).content.decode()
    assert len(mailoutbox) == 1
    message = mailoutbox[0]
    assert message.to == [provider.email]
    assert message.subject.startswith("Reset your password")
    follow = client.get(path_of(link_in(message)))
    assert follow.status_code == 302
    assert follow.url == reverse("accounts:password-reset")
    page = client.get(follow.url)
    assert "Choose a new password" in page.content.decode()
    done = client.post(follow.url, {"password": NEW_PASSWORD, "password_confirmation": NEW_PASSWORD})
    assert done.status_code == 302
    assert client.get(reverse("web:home")).status_code == 200
    provider.refresh_from_db()
    assert provider.check_password(NEW_PASSWORD)


def test_reset_does_not_reveal_whether_an_address_has_an_account(client, provider, mailoutbox):
    known = ask_for_reset(client, provider.email)
    unknown = ask_for_reset(client, "nobody@example.com")
    assert known.status_code == unknown.status_code == 302
    assert known.url == unknown.url
    assert [m.to for m in mailoutbox] == [[provider.email]]
    page = client.get(unknown.url).content.decode()
    assert "If <strong>nobody@example.com</strong> has an account" in page


def test_reset_link_works_once(client, provider, mailoutbox):
    ask_for_reset(client, provider.email)
    link = path_of(link_in(mailoutbox[0]))
    client.get(link)
    client.post(reverse("accounts:password-reset"), {"password": NEW_PASSWORD, "password_confirmation": NEW_PASSWORD})
    client.post(reverse("accounts:sign-out"))
    again = client.get(link)
    assert again.status_code == 410
    assert "This link has already been used" in again.content.decode()


def test_reset_link_expires_after_24_hours(client, provider, mailoutbox, settings):
    ask_for_reset(client, provider.email)
    link = path_of(link_in(mailoutbox[0]))
    settings.COLLECT_ACCOUNT_LINK_MAX_AGE = timedelta(seconds=-1)
    response = client.get(link)
    assert response.status_code == 410
    assert "This link has expired" in response.content.decode()


def test_a_mangled_link_gets_a_clear_page(client, db):
    response = client.get(reverse("accounts:password-reset-link", args=["not-a-real-token"]))
    assert response.status_code == 404
    assert "This link does not work" in response.content.decode()


def test_set_password_page_without_a_link_is_refused(client, db):
    response = client.get(reverse("accounts:password-reset"))
    assert response.status_code == 404


@pytest.mark.parametrize(
    ("password", "confirmation", "field", "message"),
    [
        ("", "", "password", "Enter a password"),
        ("short", "short", "password", "at least 8 characters"),
        ("password123", "password123", "password", "too common"),
        ("12345678901", "12345678901", "password", "cannot be only numbers"),
        (NEW_PASSWORD, "something else", "password_confirmation", "do not match"),
        ("x" * 129, "x" * 129, "password", "128 characters or fewer"),
    ],
)
def test_bad_new_passwords_are_explained(client, provider, mailoutbox, password, confirmation, field, message):
    ask_for_reset(client, provider.email)
    client.get(path_of(link_in(mailoutbox[0])))
    response = client.post(
        reverse("accounts:password-reset"), {"password": password, "password_confirmation": confirmation}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert f'href="#{field}"' in html
    assert message in html
    provider.refresh_from_db()
    assert provider.check_password(PASSWORD)


def test_password_like_the_users_email_is_refused(client, make_user, mailoutbox):
    user = make_user(email="margaret.thatcherson@example.com", name="Margaret Thatcherson")
    ask_for_reset(client, user.email)
    client.get(path_of(link_in(mailoutbox[0])))
    response = client.post(
        reverse("accounts:password-reset"),
        {"password": "margaret.thatcherson", "password_confirmation": "margaret.thatcherson"},
    )
    assert "too like your name or email address" in response.content.decode()


def test_reset_unlocks_a_locked_account(client, provider, mailoutbox):
    for _ in range(5):
        client.post(reverse("accounts:sign-in"), {"email": provider.email, "password": "wrong"})
    assert client.post(reverse("accounts:sign-in"), {"email": provider.email, "password": PASSWORD}).status_code == 429
    ask_for_reset(client, provider.email)
    client.get(path_of(link_in(mailoutbox[0])))
    client.post(reverse("accounts:password-reset"), {"password": NEW_PASSWORD, "password_confirmation": NEW_PASSWORD})
    client.post(reverse("accounts:sign-out"))
    response = client.post(reverse("accounts:sign-in"), {"email": provider.email, "password": NEW_PASSWORD})
    assert response.status_code == 302


def test_support_invites_a_user_who_creates_a_password_and_signs_in(client, support, organisation, mailoutbox):
    verified_login(client, support)
    response = client.post(
        reverse("accounts:invite-user"),
        {
            "name": "Nia New",
            "email": "Nia.New@Riverside.example",
            "organisation": organisation.pk,
            "role": Role.DATA_COORDINATOR,
            "is_dpo": "on",
        },
    )
    assert response.status_code == 302
    invited = User.objects.get(email="nia.new@riverside.example")
    assert invited.role == Role.DATA_COORDINATOR
    assert invited.is_dpo
    assert not invited.is_key_contact
    assert not invited.has_usable_password()
    assert invited.status == "Invited"
    assert [m.to for m in mailoutbox] == [["nia.new@riverside.example"]]
    assert "Sam Support has invited you" in mailoutbox[0].body
    client.post(reverse("accounts:sign-out"))

    follow = client.get(path_of(link_in(mailoutbox[0])))
    assert follow.url == reverse("accounts:invitation")
    assert "Create your password" in client.get(follow.url).content.decode()
    client.post(follow.url, {"password": NEW_PASSWORD, "password_confirmation": NEW_PASSWORD})
    assert client.get(reverse("web:home")).status_code == 200
    client.post(reverse("accounts:sign-out"))
    signed_in = client.post(reverse("accounts:sign-in"), {"email": invited.email, "password": NEW_PASSWORD})
    assert signed_in.status_code == 302
    reused = client.get(path_of(link_in(mailoutbox[0])))
    assert reused.status_code == 410


def test_forgotten_password_for_an_invited_user_sends_a_new_invitation(client, make_user, mailoutbox):
    invited = make_user(password=None)
    ask_for_reset(client, invited.email)
    assert mailoutbox[0].subject.startswith("You have been invited")


def test_deactivated_user_gets_no_reset_email(client, provider, mailoutbox):
    User.objects.filter(pk=provider.pk).update(is_active=False)
    ask_for_reset(client, provider.email)
    assert mailoutbox == []


def test_invitation_and_reset_tokens_cannot_be_swapped(provider):
    token = make_token(provider, Purpose.INVITATION)
    assert check_token(token, Purpose.INVITATION).user == provider
    assert check_token(token, Purpose.PASSWORD_RESET).problem is Problem.INVALID


def test_reset_links_are_limited_per_address_and_per_client(client, provider, mailoutbox, settings):
    settings.COLLECT_PASSWORD_RESETS_PER_ADDRESS = 3
    settings.COLLECT_PASSWORD_RESETS_PER_CLIENT = 5
    for _ in range(3):
        assert client.post("/account/password/forgotten", {"email": provider.email}).status_code == 302
    refused = client.post("/account/password/forgotten", {"email": provider.email})
    assert refused.status_code == 429
    assert 0 < int(refused["Retry-After"]) <= 3600
    assert "You have asked for too many links" in refused.content.decode()
    assert len(mailoutbox) == 3
    # Addresses without an account count the same, so the limit tells nothing about who has one.
    assert client.post("/account/password/forgotten", {"email": "nobody@example.com"}).status_code == 302
    assert client.post("/account/password/forgotten", {"email": "nobody2@example.com"}).status_code == 429
