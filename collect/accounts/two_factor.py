"""Two-factor authentication: who needs it, the security code step after the password, turning it on and off.

The rules (issue 3 item 6, platform.md §10):
- Support users always need a security code after their password; anyone else can turn it on.
- Codes come by email (5 digits, valid 15 minutes, each usable once: collect.accounts.two_factor_models) or from
  an authenticator app (django-otp's TOTPDevice: 6 digits, a new one every 30 seconds, one step either side
  accepted, each usable once). Support users without an app get email codes.
- A session that has signed in with a password but not yet entered its code is not verified (django-otp's
  OTPMiddleware; `request.user.is_verified()`), and collect.accounts.middleware lets it use only the code pages
  and sign out.
- 3 wrong codes in a row sign the person out and make the emailed code unusable. Wrong codes in a row are also
  counted on the device across sign-ins: after the first 3, each further attempt has to wait twice as long as
  the last (1, 2, 4, 8... seconds), so signing in again and again cannot be used to guess codes.
- A new emailed code can be asked for at most once every 30 seconds.
- No "remember this device" cookie (the national service remembers a device for a day). Sessions already last
  a working day (the idle timeout), support users can see every organisation's data, and a long-lived cookie
  that skips the code is a bearer credential that leaks with the browser profile; an authenticator app makes
  the code quick to enter instead.
"""

from __future__ import annotations

import enum
import math
from base64 import b32encode
from binascii import unhexlify
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import segno
from django.conf import settings
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.db import transaction
from django.http import HttpRequest, HttpResponseRedirect
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import constant_time_compare
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp import login as otp_login
from django_otp.oath import TOTP, hotp
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp.util import random_hex
from markupsafe import Markup

from collect.accounts.models import User
from collect.accounts.two_factor_models import EMAIL_CODE_DIGITS, CodeCheck, EmailCodeDevice
from collect.audit.trail import changes_between, record
from collect.notify.service import send_email

APP_CODE_DIGITS = 6
APP_DEVICE_NAME = "Authenticator app"
EMAIL_DEVICE_NAME = "Security codes by email"

SESSION_METHOD = "collect_two_factor_method"
SESSION_CODE_SENT = "collect_two_factor_code_sent"
SESSION_WRONG_CODES = "collect_two_factor_wrong_codes"
SESSION_NEXT = "collect_two_factor_next"
SESSION_NEW_APP_KEY = "collect_two_factor_new_app_key"

# Pages a session that still owes its security code may use (the middleware refuses every other page).
PAGES_BEFORE_CODE = frozenset(
    {"accounts:security-code", "accounts:security-code-new", "accounts:security-code-too-many", "accounts:sign-out"}
)


class Method(enum.StrEnum):
    """Where the security code comes from."""

    EMAIL = "email"
    APP = "app"


# ---- who needs a code ------------------------------------------------------------------------------------------


def email_device(user: User) -> EmailCodeDevice | None:
    """The user's email code device, if they have turned email codes on (support users get one when needed)."""
    device = EmailCodeDevice.objects.filter(user=user, confirmed=True).first()
    if device is None and user.is_support:
        device = EmailCodeDevice.objects.create(user=user, name=EMAIL_DEVICE_NAME)
    return device


def app_device(user: User) -> TOTPDevice | None:
    """The user's authenticator app, if they have set one up."""
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def has_email_codes(user: User) -> bool:
    """True if the user can get security codes by email."""
    return user.is_support or EmailCodeDevice.objects.filter(user=user, confirmed=True).exists()


def is_required(user: User) -> bool:
    """True if the user must enter a security code after their password."""
    return has_email_codes(user) or TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def is_verified(request: HttpRequest) -> bool:
    """True if this session has entered a security code (django-otp's OTPMiddleware sets otp_device)."""
    return getattr(request.user, "otp_device", None) is not None


def needs_code(request: HttpRequest) -> bool:
    """True if this session signed in with a password but still has to enter its security code."""
    user = request.user
    return isinstance(user, User) and user.is_authenticated and not is_verified(request) and is_required(user)


def code_page_redirect(next_url: str = "") -> HttpResponseRedirect:
    """Send the person to the security code page, to come back to next_url after it."""
    page = reverse("accounts:security-code")
    if not next_url:
        return HttpResponseRedirect(page)
    return redirect_to_login(next_url, page)


def current_method(request: HttpRequest, user: User) -> Method:
    """The method this session is using: the one chosen, else the app if there is one, else email."""
    chosen = request.session.get(SESSION_METHOD)
    has_app = app_device(user) is not None
    if chosen == Method.EMAIL and has_email_codes(user):
        return Method.EMAIL
    if chosen == Method.APP and has_app:
        return Method.APP
    return Method.APP if has_app else Method.EMAIL


def code_digits(method: Method) -> int:
    """How many digits the code of a method has."""
    return APP_CODE_DIGITS if method is Method.APP else EMAIL_CODE_DIGITS


# ---- emailed codes ---------------------------------------------------------------------------------------------


def _seconds_until(moment: datetime) -> int:
    return max(1, math.ceil((moment - timezone.now()).total_seconds()))


def send_email_code(user: User) -> int:
    """Email the user a new security code. Returns 0 once sent, or how many seconds to wait before asking again.

    While a code is waiting for the resend interval to pass, it is still valid, so not sending is safe.
    """
    device = email_device(user)
    if device is None:
        raise ValueError("This user has not turned on security codes by email")
    allowed, details = device.generate_is_allowed()
    if not allowed:
        return _seconds_until(details["next_generation_at"])
    code = device.new_code()
    validity = settings.COLLECT_TWO_FACTOR_CODE_VALIDITY
    context = {
        "name": user.name,
        "code": code,
        "minutes": int(validity.total_seconds() // 60),
        "link": settings.SERVICE_URL + reverse("accounts:password-forgotten"),
    }
    send_email("two_factor_code", user.email, context)
    return 0


def send_first_email_code(request: HttpRequest, user: User) -> None:
    """Email a code the first time a session needs one (the security code page calls this)."""
    if not request.session.get(SESSION_CODE_SENT):
        send_email_code(user)
        request.session[SESSION_CODE_SENT] = True


# ---- checking a code -------------------------------------------------------------------------------------------


class Outcome(enum.StrEnum):
    """What happened to a security code entered on the code page."""

    ACCEPTED = "accepted"
    WRONG = "wrong"
    EXPIRED = "expired"
    USED = "used"
    WAIT = "wait"
    SIGNED_OUT = "signed out"


@dataclass(frozen=True)
class Verification:
    """The outcome, with how many attempts are left or how long to wait."""

    outcome: Outcome
    attempts_left: int = 0
    wait_seconds: int = 0


def retry_after(device: EmailCodeDevice | TOTPDevice) -> int:
    """Seconds to wait before this device may check another code (0: now).

    The first MAX_WRONG_CODES wrong codes in a row cost nothing; each one after that doubles the wait.
    """
    failures = device.throttling_failure_count
    last = device.throttling_failure_timestamp
    grace = settings.COLLECT_TWO_FACTOR_MAX_WRONG_CODES
    if failures < grace or last is None:
        return 0
    delay = settings.COLLECT_TWO_FACTOR_THROTTLE_SECONDS * 2 ** min(failures - grace, 40)
    waited = (timezone.now() - last).total_seconds()
    return 0 if waited >= delay else max(1, math.ceil(delay - waited))


def _app_code_used(device: TOTPDevice, code: str) -> bool:
    """True if the code is one the app showed in a time step that has already been used to sign in."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    now = totp.t()
    found = False
    for step in range(now - device.tolerance, now + device.tolerance + 1):
        expected = f"{hotp(device.bin_key, step, device.digits):0{device.digits}d}"
        found |= step <= device.last_t and constant_time_compare(expected, code)
    return found


def _check(device: EmailCodeDevice | TOTPDevice, code: str) -> CodeCheck | int:
    """Check a code with the device row locked, so that codes sent at the same moment wait their turn.

    Returns what the check found, or the seconds to wait before a code can be checked.
    """
    with transaction.atomic():
        locked = type(device).objects.select_for_update().get(pk=device.pk)
        wait = retry_after(locked)
        if wait:
            return wait
        if isinstance(locked, EmailCodeDevice):
            return locked.check_code(code)
        if _app_code_used(locked, code):
            return CodeCheck.USED
        return CodeCheck.ACCEPTED if locked.verify_token(code) else CodeCheck.WRONG


def verify(request: HttpRequest, device: EmailCodeDevice | TOTPDevice, code: str) -> Verification:
    """Check a code entered on the code page: verify the session, count a wrong code, or sign the person out."""
    checked = _check(device, code)
    if isinstance(checked, int):
        return Verification(Outcome.WAIT, wait_seconds=checked)
    if checked is CodeCheck.ACCEPTED:
        device.refresh_from_db()
        request.session.cycle_key()
        otp_login(request, device)
        for key in (SESSION_WRONG_CODES, SESSION_CODE_SENT, SESSION_METHOD):
            request.session.pop(key, None)
        return Verification(Outcome.ACCEPTED)
    if checked is not CodeCheck.WRONG:
        return Verification(Outcome(checked.value))
    wrong = int(request.session.get(SESSION_WRONG_CODES, 0)) + 1
    left = settings.COLLECT_TWO_FACTOR_MAX_WRONG_CODES - wrong
    if left > 0:
        request.session[SESSION_WRONG_CODES] = wrong
        return Verification(Outcome.WRONG, attempts_left=left)
    if isinstance(device, EmailCodeDevice):
        device.refresh_from_db()
        device.forget_code()
    logout(request)
    return Verification(Outcome.SIGNED_OUT)


# ---- authenticator apps ----------------------------------------------------------------------------------------


def new_app_key() -> str:
    """A new random secret for an authenticator app (hex, 20 bytes, as TOTPDevice stores it)."""
    return str(random_hex(20))


@dataclass(frozen=True)
class AppSetup:
    """What the person needs to add the service to their authenticator app."""

    qr_code: Markup
    secret: str
    uri: str


def app_setup(user: User, key: str) -> AppSetup:
    """The QR code (inline SVG, drawn here) and the secret for typing in, for a new app key."""
    uri = TOTPDevice(user=user, key=key, digits=APP_CODE_DIGITS).config_url
    svg = segno.make(uri, error="m").svg_inline(
        scale=4, border=4, dark="#000", light="#fff", title="QR code to scan with your authenticator app"
    )
    # segno's SVG has no role; with role="img" its <title> names it for assistive technology.
    qr_code = Markup(svg.replace("<svg ", '<svg role="img" class="app-qr-code" ', 1))  # noqa: S704 - segno's output
    secret = b32encode(unhexlify(key)).decode().rstrip("=")
    return AppSetup(qr_code=qr_code, secret=" ".join(secret[i : i + 4] for i in range(0, len(secret), 4)), uri=uri)


def _app_code_matches(key: str, code: str) -> int | None:
    """The time step at which a code from a new app matches, allowing one step either side."""
    totp = TOTP(unhexlify(key), step=30, digits=APP_CODE_DIGITS)
    return totp.t() if totp.verify(int(code), tolerance=1) else None


# ---- turning it on and off (each recorded in the audit trail against the user) --------------------------------

_LABELS = {
    "two_factor": "Two-factor authentication",
    "email_codes": "Security codes by email",
    "authenticator_app": "Authenticator app",
}


def state(user: User) -> dict[str, str]:
    """How two-factor authentication is set up for a user, as shown on their account page and in the history."""
    return {
        "two_factor": "On" if is_required(user) else "Off",
        "email_codes": "On" if has_email_codes(user) else "Off",
        "authenticator_app": "Set up" if app_device(user) else "Not set up",
    }


def _record(actor: User, action: str, before: dict[str, Any]) -> None:
    record(actor, action, actor, changes=changes_between(before, state(actor), _LABELS))


def turn_on_email_codes(request: HttpRequest, actor: User) -> EmailCodeDevice:
    """Turn on security codes by email. The session counts as verified: the person is signed in already."""
    with transaction.atomic():
        before = state(actor)
        device = email_device(actor) or EmailCodeDevice.objects.create(user=actor, name=EMAIL_DEVICE_NAME)
        _record(actor, "Turned on security codes by email", before)
    if not is_verified(request):
        otp_login(request, device)
    return device


def add_authenticator(request: HttpRequest, actor: User, key: str, code: str) -> TOTPDevice | None:
    """Save a new authenticator app if the code it shows matches (replacing any earlier app); None if not."""
    step = _app_code_matches(key, code)
    if step is None:
        return None
    with transaction.atomic():
        before = state(actor)
        TOTPDevice.objects.filter(user=actor).delete()
        device = TOTPDevice.objects.create(
            user=actor, name=APP_DEVICE_NAME, key=key, digits=APP_CODE_DIGITS, last_t=step, confirmed=True
        )
        _record(actor, "Added an authenticator app", before)
    otp_login(request, device)
    return device


def remove_authenticator(request: HttpRequest, actor: User) -> None:
    """Remove the user's authenticator app; they get security codes by email instead, so it stays on."""
    with transaction.atomic():
        before = state(actor)
        TOTPDevice.objects.filter(user=actor).delete()
        device = email_device(actor) or EmailCodeDevice.objects.create(user=actor, name=EMAIL_DEVICE_NAME)
        _record(actor, "Removed the authenticator app", before)
    otp_login(request, device)


def turn_off(request: HttpRequest, actor: User) -> None:
    """Turn two-factor authentication off. Support users cannot: the caller must refuse them."""
    if actor.is_support:
        raise ValueError("Support users must use two-factor authentication")
    with transaction.atomic():
        before = state(actor)
        TOTPDevice.objects.filter(user=actor).delete()
        EmailCodeDevice.objects.filter(user=actor).delete()
        _record(actor, "Turned off two-factor authentication", before)
    request.session.pop(DEVICE_ID_SESSION_KEY, None)
