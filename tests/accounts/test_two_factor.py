"""Two-factor authentication: the emailed code, authenticator apps, the code step after the password, settings."""

from __future__ import annotations

import re
from binascii import unhexlify
from datetime import timedelta
from unittest import mock

import pytest
from django.urls import reverse
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from collect.accounts import two_factor
from collect.accounts.models import Role
from collect.accounts.two_factor_models import CodeCheck, EmailCodeDevice
from collect.audit.models import AuditEvent
from tests.conftest import PASSWORD, verified_login
from tests.support.html import page_facts

CODE_PAGE = reverse("accounts:security-code")
NEW_CODE_PAGE = reverse("accounts:security-code-new")
TOO_MANY_PAGE = reverse("accounts:security-code-too-many")
HOME = reverse("web:home")
SIGN_IN = reverse("accounts:sign-in")


def sign_in(client, user, **extra):
    return client.post(SIGN_IN, {"email": user.email, "password": PASSWORD, **extra})


def codes_sent(mailoutbox, user=None) -> list[str]:
    """The security codes emailed so far (to one user), oldest first."""
    return [
        re.search(r"^(\d{5})$", m.body, re.MULTILINE).group(1)
        for m in mailoutbox
        if m.extra_headers.get("X-Collect-Email-Kind") == "two_factor_code" and (user is None or m.to == [user.email])
    ]


def enter(client, code):
    return client.post(CODE_PAGE, {"code": code})


def wrong_code(right: str) -> str:
    return f"{(int(right) + 1) % 100000:05d}"


def app_code(key: str, steps_ahead: int = 0) -> str:
    return f"{totp(unhexlify(key), drift=steps_ahead):06d}"


def events(user, action):
    return AuditEvent.objects.filter(target_type="user", target_id=user.pk, action=action)


# ---- the emailed code itself -----------------------------------------------------------------------------------


@pytest.fixture
def email_device(support) -> EmailCodeDevice:
    return two_factor.email_device(support)


def test_email_codes_have_5_digits_and_are_stored_only_as_a_hash(email_device):
    codes = [email_device.new_code() for _ in range(30)]
    assert all(re.fullmatch(r"[0-9]{5}", code) for code in codes)
    email_device.refresh_from_db()
    assert codes[-1] not in email_device.code_hash
    assert len(email_device.code_hash) == 64


def test_email_code_is_valid_for_15_minutes(email_device):
    before = timezone.now()
    email_device.new_code()
    assert before + timedelta(minutes=15) <= email_device.valid_until <= timezone.now() + timedelta(minutes=15)


def test_email_code_works_once(email_device):
    code = email_device.new_code()
    assert email_device.check_code(code) is CodeCheck.ACCEPTED
    assert email_device.check_code(code) is CodeCheck.USED
    assert email_device.throttling_failure_count == 0


def test_expired_email_code_is_refused_without_counting_as_wrong(email_device):
    code = email_device.new_code()
    email_device.valid_until = timezone.now() - timedelta(seconds=1)
    email_device.save()
    assert email_device.check_code(code) is CodeCheck.EXPIRED
    assert email_device.throttling_failure_count == 0


def test_wrong_email_code_counts_and_a_new_code_replaces_the_old_one(email_device):
    old = email_device.new_code()
    new = email_device.new_code()
    if old != new:
        assert email_device.check_code(old) is CodeCheck.WRONG
        assert email_device.throttling_failure_count == 1
    assert email_device.check_code(new) is CodeCheck.ACCEPTED
    assert email_device.throttling_failure_count == 0


def test_forgotten_email_code_no_longer_works(email_device):
    code = email_device.new_code()
    email_device.forget_code()
    assert email_device.check_code(code) is CodeCheck.WRONG


def test_email_codes_are_compared_in_constant_time(email_device):
    code = email_device.new_code()
    with mock.patch(
        "collect.accounts.two_factor_models.constant_time_compare",
        wraps=two_factor.constant_time_compare,
    ) as compare:
        email_device.check_code(wrong_code(code))
        email_device.check_code(code)
    assert compare.call_count >= 2
    assert all(len(call.args[0]) == 64 for call in compare.call_args_list)  # hashes, not the codes


def test_app_codes_are_compared_in_constant_time(provider):
    device = TOTPDevice.objects.create(user=provider, name="app", last_t=10**12)
    with mock.patch("collect.accounts.two_factor.constant_time_compare", return_value=True) as compare:
        assert two_factor._app_code_used(device, "123456")
    assert compare.call_count == 3  # one per time step, whatever matches


def test_wait_grows_after_the_first_3_wrong_codes(email_device):
    now = timezone.now()
    for failures, wait in ((0, 0), (2, 0), (3, 1), (4, 2), (6, 8), (13, 1024)):
        email_device.throttling_failure_count = failures
        email_device.throttling_failure_timestamp = now
        assert two_factor.retry_after(email_device) in {wait, max(wait - 1, 0)}, failures
    email_device.throttling_failure_timestamp = now - timedelta(seconds=2000)
    assert two_factor.retry_after(email_device) == 0


@pytest.mark.django_db(transaction=True)
def test_a_new_emailed_code_at_most_every_30_seconds(support, mailoutbox):
    assert two_factor.send_email_code(support) == 0
    wait = two_factor.send_email_code(support)
    assert 1 <= wait <= 30
    assert len(codes_sent(mailoutbox)) == 1
    EmailCodeDevice.objects.update(last_generated_timestamp=timezone.now() - timedelta(seconds=31))
    assert two_factor.send_email_code(support) == 0
    assert len(codes_sent(mailoutbox)) == 2
    assert mailoutbox[0].subject.startswith("Your security code")
    assert "works once, for 15 minutes" in mailoutbox[0].body


# ---- the code step after the password ---------------------------------------------------------------------------

# Tests that read the emailed code need on_commit to run.
pytestmark_mail = pytest.mark.django_db(transaction=True)


@pytestmark_mail
def test_support_enters_the_emailed_code_after_the_password(client, support, mailoutbox):
    response = sign_in(client, support)
    assert response.status_code == 302
    assert response.url == CODE_PAGE
    page = client.get(CODE_PAGE)
    html = page.content.decode()
    assert page_facts(html).h1s == ["Enter your security code"]
    assert 'inputmode="numeric"' in html
    assert 'autocomplete="one-time-code"' in html
    assert support.email in html
    [code] = codes_sent(mailoutbox, support)
    client.get(CODE_PAGE)  # looking again does not send another
    assert len(codes_sent(mailoutbox)) == 1
    done = enter(client, code)
    assert done.status_code == 302
    assert done.url == HOME
    assert client.get(HOME).status_code == 200
    assert client.get(CODE_PAGE).url == HOME


@pytestmark_mail
def test_the_page_asked_for_is_shown_after_the_code(client, support, mailoutbox):
    assert sign_in(client, support, next="/organisations").url == f"{CODE_PAGE}?next=/organisations"
    client.get(f"{CODE_PAGE}?next=/organisations")
    assert enter(client, codes_sent(mailoutbox)[0]).url == "/organisations"


@pytestmark_mail
@pytest.mark.parametrize(
    "path", ["/home", "/users", "/organisations", "/account", "/users/invite", "/account/two-factor/app"]
)
def test_a_session_without_its_code_is_refused_everywhere(client, support, mailoutbox, path):
    sign_in(client, support)
    for method in (client.get, client.post):
        response = method(path)
        assert response.status_code == 302, path
        assert response.url.startswith(CODE_PAGE)
    assert client.get(CODE_PAGE).status_code == 200
    assert client.get(NEW_CODE_PAGE).status_code == 200
    assert client.get(reverse("accounts:sign-out")).status_code == 200
    assert client.get("/no-such-page").status_code == 404


@pytestmark_mail
def test_code_pages_hide_the_navigation(client, support, mailoutbox):
    sign_in(client, support)
    html = client.get(CODE_PAGE).content.decode()
    assert "Organisations" not in html
    assert "Your account" not in html
    assert "Sign out" in html


@pytestmark_mail
def test_signing_out_from_the_code_page(client, support, mailoutbox):
    sign_in(client, support)
    client.get(CODE_PAGE)
    client.post(reverse("accounts:sign-out"))
    assert client.get(CODE_PAGE).url.startswith(SIGN_IN)


@pytestmark_mail
def test_three_wrong_codes_sign_the_person_out(client, support, mailoutbox):
    sign_in(client, support)
    client.get(CODE_PAGE)
    [code] = codes_sent(mailoutbox)
    first = enter(client, wrong_code(code)).content.decode()
    assert "The security code is not correct" in first
    assert "you will be signed out" not in first
    second = enter(client, wrong_code(code)).content.decode()
    assert "If this code is also wrong, you will be signed out" in second
    third = enter(client, wrong_code(code))
    assert third.url == TOO_MANY_PAGE
    page = client.get(TOO_MANY_PAGE).content.decode()
    assert page_facts(page).h1s == ["You entered the wrong security code 3 times"]
    assert "Sign in again" in page
    assert client.get(HOME).url.startswith(SIGN_IN)
    # The code that was emailed no longer works; signing in again sends a new one at once.
    sign_in(client, support)
    client.get(CODE_PAGE)
    codes = codes_sent(mailoutbox)
    assert len(codes) == 2
    EmailCodeDevice.objects.update(throttling_failure_count=0)
    if codes[0] != codes[1]:
        assert "not correct" in enter(client, codes[0]).content.decode()
    assert enter(client, codes[1]).url == HOME


@pytestmark_mail
def test_badly_typed_codes_get_field_errors_and_do_not_count(client, support, mailoutbox):
    sign_in(client, support)
    client.get(CODE_PAGE)
    for typed, message in (
        ("", "Enter the security code"),
        ("12a45", "The security code must only include numbers, like 12345"),
        ("1234", "The security code must be 5 numbers"),
        ("123456", "The security code must be 5 numbers"),
    ):
        html = enter(client, typed).content.decode()
        assert message in html
        assert 'href="#code"' in html
        assert page_facts(html).title.startswith("Error: ")
    code = codes_sent(mailoutbox)[0]
    assert enter(client, f" {code[:2]} {code[2:]} ").url == HOME  # spaces are ignored
    assert EmailCodeDevice.objects.get().throttling_failure_count == 0


@pytestmark_mail
def test_expired_and_used_codes_get_clear_errors(client, support, mailoutbox):
    sign_in(client, support)
    client.get(CODE_PAGE)
    code = codes_sent(mailoutbox)[0]
    EmailCodeDevice.objects.update(valid_until=timezone.now() - timedelta(seconds=1))
    assert "The security code has expired. Get a new security code" in enter(client, code).content.decode()
    EmailCodeDevice.objects.update(valid_until=timezone.now() + timedelta(minutes=1))
    assert enter(client, code).url == HOME
    client.post(reverse("accounts:sign-out"))
    sign_in(client, support)
    client.get(CODE_PAGE)
    html = enter(client, code).content.decode()
    assert "This security code has already been used" in html
    assert EmailCodeDevice.objects.get().throttling_failure_count == 0


@pytestmark_mail
def test_a_new_code_replaces_the_old_one_at_most_every_30_seconds(client, support, mailoutbox):
    sign_in(client, support)
    client.get(CODE_PAGE)
    page = client.get(NEW_CODE_PAGE)
    assert page_facts(page.content.decode()).h1s == ["Get a new security code"]
    too_soon = client.post(NEW_CODE_PAGE).content.decode()
    assert "You can get a new security code once every 30 seconds" in too_soon
    assert 'href="#send-code"' in too_soon
    assert page_facts(too_soon).title.startswith("Error: ")
    EmailCodeDevice.objects.update(last_generated_timestamp=timezone.now() - timedelta(seconds=31))
    sent = client.post(NEW_CODE_PAGE)
    assert sent.url == CODE_PAGE
    assert f"We have sent a new security code to {support.email}" in client.get(CODE_PAGE).content.decode()
    old, new = codes_sent(mailoutbox)
    if old != new:
        assert "not correct" in enter(client, old).content.decode()
    assert enter(client, new).url == HOME


@pytestmark_mail
def test_repeated_wrong_codes_across_sign_ins_must_wait(client, support, mailoutbox):
    sign_in(client, support)
    client.get(CODE_PAGE)
    code = codes_sent(mailoutbox)[0]
    EmailCodeDevice.objects.update(throttling_failure_count=6, throttling_failure_timestamp=timezone.now())
    html = enter(client, code).content.decode()
    assert "Wait 8 seconds, then enter the code again" in html or "Wait 7 seconds" in html
    EmailCodeDevice.objects.update(throttling_failure_timestamp=timezone.now() - timedelta(seconds=9))
    assert enter(client, code).url == HOME


@pytestmark_mail
def test_password_reset_still_asks_support_for_the_code(client, support, mailoutbox):
    from collect.accounts.views import send_password_reset

    send_password_reset(support)
    link = re.search(r"https?://\S+", mailoutbox[0].body).group(0).split("://", 1)[1].split("/", 1)[1]
    client.get("/" + link)
    new_password = "a-brand-new-passphrase"
    done = client.post(
        reverse("accounts:password-reset"), {"password": new_password, "password_confirmation": new_password}
    )
    assert client.get(done.url).url.startswith(CODE_PAGE)


# ---- turning it on and off, and authenticator apps ---------------------------------------------------------------


@pytestmark_mail
def test_anyone_can_turn_email_codes_on_and_off(client, provider, mailoutbox):
    verified_login(client, provider)
    account = client.get(reverse("accounts:account")).content.decode()
    assert "Two-factor authentication" in account
    assert reverse("accounts:two-factor-email") in account
    assert reverse("accounts:two-factor-turn-off") not in account
    page = client.get(reverse("accounts:two-factor-email"))
    assert page_facts(page.content.decode()).h1s == ["Turn on security codes by email"]
    assert client.post(reverse("accounts:two-factor-email")).url == reverse("accounts:account")
    assert client.get(HOME).status_code == 200  # this session stays signed in
    assert events(provider, "Turned on security codes by email").count() == 1
    change = events(provider, "Turned on security codes by email").get().changes["two_factor"]
    assert (change["from"], change["to"]) == ("Off", "On")

    client.post(reverse("accounts:sign-out"))
    assert sign_in(client, provider).url == CODE_PAGE
    client.get(CODE_PAGE)
    assert enter(client, codes_sent(mailoutbox, provider)[0]).url == HOME

    assert client.get(reverse("accounts:two-factor-turn-off")).status_code == 200
    assert client.post(reverse("accounts:two-factor-turn-off")).url == reverse("accounts:account")
    assert not two_factor.is_required(provider)
    assert events(provider, "Turned off two-factor authentication").count() == 1
    client.post(reverse("accounts:sign-out"))
    assert sign_in(client, provider).url == HOME


def test_support_cannot_turn_two_factor_authentication_off(client, support):
    verified_login(client, support)
    account = client.get(reverse("accounts:account")).content.decode()
    assert "support users must use it" in account
    assert reverse("accounts:two-factor-turn-off") not in account
    assert client.get(reverse("accounts:two-factor-turn-off")).status_code == 403
    assert client.post(reverse("accounts:two-factor-turn-off")).status_code == 403
    assert two_factor.is_required(support)
    assert EmailCodeDevice.objects.filter(user=support).exists()
    assert not AuditEvent.objects.filter(target_id=support.pk).exists()


def test_support_is_refused_turning_off_by_the_action_too(rf, support):
    with pytest.raises(ValueError, match="Support users"):
        two_factor.turn_off(rf.post("/"), support)


@pytestmark_mail
def test_setting_up_an_authenticator_app(client, coordinator, mailoutbox):
    verified_login(client, coordinator)
    page = client.get(reverse("accounts:authenticator-app")).content.decode()
    key = client.session[two_factor.SESSION_NEW_APP_KEY]
    setup = two_factor.app_setup(coordinator, key)
    assert page_facts(page).h1s == ["Set up an authenticator app"]
    assert '<svg role="img"' in page
    assert "<title>QR code to scan with your authenticator app</title>" in page
    assert setup.secret in page
    assert "issuer=CORE" in setup.uri
    assert 'autocomplete="one-time-code"' in page
    assert not TOTPDevice.objects.exists()  # nothing is saved before the app has shown a right code

    right = app_code(key)
    wrong = f"{(int(right) + 500000) % 1000000:06d}"
    refused = client.post(reverse("accounts:authenticator-app"), {"code": wrong}).content.decode()
    assert "The code is not correct. Enter the code your app shows now" in refused
    assert not TOTPDevice.objects.exists()
    assert client.post(reverse("accounts:authenticator-app"), {"code": right}).url == reverse("accounts:account")
    device = TOTPDevice.objects.get(user=coordinator)
    assert device.confirmed
    assert device.key == key
    assert events(coordinator, "Added an authenticator app").count() == 1
    assert client.get(HOME).status_code == 200

    client.post(reverse("accounts:sign-out"))
    assert sign_in(client, coordinator).url == CODE_PAGE
    html = client.get(CODE_PAGE).content.decode()
    assert "authenticator app" in html
    assert codes_sent(mailoutbox) == []  # no email for an app user
    assert "This code has already been used" in enter(client, right).content.decode()
    assert "must be 6 numbers" in enter(client, "12345").content.decode()
    assert enter(client, app_code(key, steps_ahead=1)).url == HOME


@pytestmark_mail
def test_removing_the_app_switches_to_email_codes(client, coordinator, mailoutbox):
    verified_login(client, coordinator)
    client.get(reverse("accounts:authenticator-app"))
    key = client.session[two_factor.SESSION_NEW_APP_KEY]
    client.post(reverse("accounts:authenticator-app"), {"code": app_code(key)})
    assert client.get(reverse("accounts:authenticator-app-remove")).status_code == 200
    assert client.post(reverse("accounts:authenticator-app-remove")).url == reverse("accounts:account")
    assert not TOTPDevice.objects.exists()
    assert two_factor.is_required(coordinator)
    assert client.get(HOME).status_code == 200
    assert events(coordinator, "Removed the authenticator app").count() == 1


@pytestmark_mail
def test_support_with_an_app_can_still_get_an_email_code(client, support, mailoutbox):
    verified_login(client, support)
    client.get(reverse("accounts:authenticator-app"))
    key = client.session[two_factor.SESSION_NEW_APP_KEY]
    client.post(reverse("accounts:authenticator-app"), {"code": app_code(key)})
    client.post(reverse("accounts:sign-out"))
    sign_in(client, support)
    assert "Get a security code by email instead" in client.get(CODE_PAGE).content.decode()
    assert client.post(NEW_CODE_PAGE).url == CODE_PAGE
    assert "We have sent an email with a 5-digit security code" in client.get(CODE_PAGE).content.decode()
    assert enter(client, codes_sent(mailoutbox)[0]).url == HOME


def test_a_provider_with_only_an_app_gets_no_email_codes(client, provider):
    TOTPDevice.objects.create(user=provider, name="app")
    client.force_login(provider)
    html = client.get(CODE_PAGE).content.decode()
    assert "Get a security code by email instead" not in html
    assert client.get(NEW_CODE_PAGE).status_code == 404


def test_users_without_two_factor_authentication_are_not_asked(client, provider):
    assert sign_in(client, provider).url == HOME
    assert client.get(CODE_PAGE).url == HOME


@pytest.mark.parametrize("role", [Role.DATA_PROVIDER, Role.DATA_COORDINATOR, Role.SUPPORT])
def test_verified_login_helper_signs_in_every_role(client, make_user, role):
    verified_login(client, make_user(role))
    assert client.get(HOME).status_code == 200
