from __future__ import annotations

import pytest
from django.contrib.auth.hashers import identify_hasher
from django.test import override_settings
from django.urls import reverse

from collect.accounts.models import Role, User
from collect.accounts.views import DEACTIVATED, LAST_ATTEMPT_WARNING, SIGN_IN_FAILED
from tests.conftest import PASSWORD
from tests.support.html import page_facts

SIGN_IN = reverse("accounts:sign-in")


def sign_in(client, email, password=PASSWORD, **extra):
    return client.post(SIGN_IN, {"email": email, "password": password, **extra})


def test_sign_in_page_shows_the_form(client, db):
    response = client.get(SIGN_IN)
    assert response.status_code == 200
    assert page_facts(response.content.decode()).h1s == ["Sign in to your account"]
    assert 'name="csrfmiddlewaretoken"' in response.content.decode()


def test_correct_details_sign_in_and_go_home(client, provider):
    response = sign_in(client, provider.email)
    assert response.status_code == 302
    assert response.url == reverse("web:home")
    assert client.get(reverse("web:home")).status_code == 200


def test_email_is_not_case_sensitive(client, provider):
    response = sign_in(client, "  Provider@Riverside.EXAMPLE ")
    assert response.status_code == 302


def test_next_is_followed_only_within_the_service(client, provider):
    assert sign_in(client, provider.email, next="/users").url == "/users"
    client.post(reverse("accounts:sign-out"))
    assert sign_in(client, provider.email, next="https://evil.example/").url == reverse("web:home")


@pytest.mark.parametrize(
    ("email", "password", "field", "message"),
    [
        ("", PASSWORD, "email", "Enter your email address"),
        ("not-an-email", PASSWORD, "email", "Enter an email address in the correct format, like name@example.com"),
        ("provider@riverside.example", "", "password", "Enter your password"),
        ("provider@riverside.example", "wrong password", "password", SIGN_IN_FAILED),
        ("nobody@riverside.example", PASSWORD, "password", SIGN_IN_FAILED),
    ],
)
def test_bad_input_gets_an_error_summary_naming_the_field(client, provider, email, password, field, message):
    response = sign_in(client, email, password)
    html = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in html
    assert f'href="#{field}"' in html
    assert message in html
    assert page_facts(html).title.startswith("Error: ")


def test_unknown_and_wrong_password_get_the_same_message(client, provider):
    unknown = sign_in(client, "nobody@riverside.example").content.decode()
    wrong = sign_in(client, provider.email, "wrong password").content.decode()
    assert SIGN_IN_FAILED in unknown
    assert SIGN_IN_FAILED in wrong


def test_invited_user_without_a_password_cannot_sign_in(client, make_user):
    invited = make_user(password=None)
    response = sign_in(client, invited.email, "anything at all")
    assert SIGN_IN_FAILED in response.content.decode()


def test_deactivated_user_is_told_why_only_with_the_right_password(client, provider):
    User.objects.filter(pk=provider.pk).update(is_active=False)
    assert DEACTIVATED not in sign_in(client, provider.email, "wrong password").content.decode()
    response = sign_in(client, provider.email)
    assert response.status_code == 200
    assert DEACTIVATED in response.content.decode()
    assert client.get(reverse("web:home")).status_code == 302


def test_warning_before_the_last_attempt_then_lockout_for_an_hour(client, provider):
    for _ in range(3):
        html = sign_in(client, provider.email, "wrong").content.decode()
        assert LAST_ATTEMPT_WARNING not in html
    html = sign_in(client, provider.email, "wrong").content.decode()
    assert LAST_ATTEMPT_WARNING in html
    locked = sign_in(client, provider.email, "wrong")
    assert locked.status_code == 429
    assert "Your account is locked" in locked.content.decode()
    # Even the right password is refused while locked.
    still_locked = sign_in(client, provider.email)
    assert still_locked.status_code == 429
    assert client.get(reverse("web:home")).status_code == 302


def test_lockout_ends_after_an_hour(client, provider, settings):
    for _ in range(5):
        sign_in(client, provider.email, "wrong")
    assert sign_in(client, provider.email).status_code == 429
    from axes.models import AccessAttempt
    from django.utils import timezone

    AccessAttempt.objects.update(attempt_time=timezone.now() - settings.AXES_COOLOFF_TIME)
    assert sign_in(client, provider.email).status_code == 302


def test_lockout_counts_the_address_in_any_case(client, provider):
    for variant in ("PROVIDER@riverside.example", "provider@RIVERSIDE.example", "Provider@riverside.example"):
        sign_in(client, variant, "wrong")
    sign_in(client, provider.email, "wrong")
    assert sign_in(client, provider.email, "wrong").status_code == 429


def test_sign_out_needs_a_post_and_ends_the_session(client, provider):
    client.force_login(provider)
    confirm = client.get(reverse("accounts:sign-out"))
    assert confirm.status_code == 200
    assert client.get(reverse("web:home")).status_code == 200  # a GET does not sign out
    response = client.post(reverse("accounts:sign-out"))
    assert response.status_code == 302
    assert client.get(reverse("web:home")).status_code == 302


def test_session_expires_after_inactivity(client, provider, settings):
    sign_in(client, provider.email)
    session = client.session
    session["collect_last_seen"] = (
        session["collect_last_seen"] - settings.COLLECT_SESSION_IDLE_TIMEOUT.total_seconds() - 1
    )
    session.save()
    response = client.get(reverse("web:home"))
    assert response.status_code == 302
    assert response.url.startswith(SIGN_IN)
    page = client.get(response.url).content.decode()
    assert "Your session expired" in page


def test_passwords_are_hashed_with_argon2(make_user):
    with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.Argon2PasswordHasher"]):
        user = make_user(Role.DATA_PROVIDER, password="a long enough password")
        assert identify_hasher(user.password).algorithm == "argon2"
        assert user.check_password("a long enough password")


def test_tampered_form_without_csrf_token_gets_a_clear_page(provider):
    from tests.conftest import CheckingClient

    strict = CheckingClient(enforce_csrf_checks=True)
    response = strict.post(SIGN_IN, {"email": provider.email, "password": PASSWORD})
    assert response.status_code == 403
    assert "could not accept that form" in response.content.decode()
