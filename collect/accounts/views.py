"""Sign in and out, forgotten passwords, following invitation links and the user's own account.

Managing users (the users list, a user's page, inviting and changing users) is in collect.accounts.user_management.
"""

from __future__ import annotations

import math

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import authenticate, login, logout
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods

from collect.accounts import lockout, two_factor
from collect.accounts.actions import send_invitation
from collect.accounts.forms import PasswordForgottenForm, SetPasswordForm, SignInForm
from collect.accounts.middleware import SESSION_EXPIRED_FLAG
from collect.accounts.models import User
from collect.accounts.policy import signed_in_user
from collect.accounts.tokens import Problem, Purpose, check_token, make_token
from collect.notify.service import send_email
from collect.web import ratelimit

SIGN_IN_FAILED = "Enter the email address and password of your account. The ones you entered do not match"
LAST_ATTEMPT_WARNING = (
    "You have 1 more attempt before your account is locked for 1 hour. "
    "If you have forgotten your password, reset it instead"
)
DEACTIVATED = "Your account has been deactivated. Ask a data coordinator at your organisation to reactivate it"


@sensitive_post_parameters("password")
@require_http_methods(["GET", "POST"])
def sign_in(request: HttpRequest) -> HttpResponse:
    """The sign-in page. Failed attempts count towards the lockout (collect.accounts.lockout)."""
    next_url = request.POST.get("next") or request.GET.get("next") or ""
    if not url_has_allowed_host_and_scheme(next_url, {request.get_host()}, request.is_secure()):
        next_url = ""
    if request.user.is_authenticated and request.method == "GET":
        return redirect(next_url or settings.LOGIN_REDIRECT_URL)
    expired = request.session.pop(SESSION_EXPIRED_FLAG, False)
    form = SignInForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        email, password = form.cleaned_data["email"], form.cleaned_data["password"]
        user = authenticate(request, username=email, password=password)
        if getattr(request, "axes_locked_out", False):
            return lockout.locked_out_response(request)
        if user is None:
            form.add_error("password", SIGN_IN_FAILED)
            if lockout.attempts_left(request, email) == 1:
                form.add_error("password", LAST_ATTEMPT_WARNING)
        elif not user.is_active:
            form.add_error("email", DEACTIVATED)
        else:
            login(request, user)
            if two_factor.is_required(user):  # not fully signed in until the security code is entered
                return two_factor.code_page_redirect(next_url)
            return redirect(next_url or settings.LOGIN_REDIRECT_URL)
    return render(request, "accounts/sign_in.html", {"form": form, "next": next_url, "expired": expired})


@require_http_methods(["GET", "POST"])
def sign_out(request: HttpRequest) -> HttpResponse:
    """End the session. Signing out changes state, so it needs a POST; a GET offers the button."""
    if request.method == "GET":
        return render(request, "accounts/sign_out.html")
    logout(request)
    messages.success(request, "You have signed out")
    return redirect("accounts:sign-in")


@require_http_methods(["GET", "POST"])
def password_forgotten(request: HttpRequest) -> HttpResponse:
    """Ask for a reset link. The answer is the same whether or not the address has an account."""
    form = PasswordForgottenForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        email = form.cleaned_data["email"]
        wait = _reset_wait(request, email)
        if wait is not None:
            context = {"minutes": math.ceil(wait / 60)}
            response = render(request, "accounts/password_reset_limited.html", context, status=429)
            response["Retry-After"] = str(wait)
            return response
        user = User.objects.filter(email=email, is_active=True).first()
        if user is not None:
            if user.has_set_password:
                send_password_reset(user)
            else:
                send_invitation(user, invited_by=None)
        request.session["password_reset_email"] = email
        return redirect("accounts:password-reset-sent")
    return render(request, "accounts/password_forgotten.html", {"form": form})


def _reset_wait(request: HttpRequest, email: str) -> int | None:
    """Seconds to wait before another reset link may be asked for this address or from this client, else None.

    Counted whether or not the address has an account, so the limit says nothing about who has one.
    """
    hour = 3600
    by_address = ratelimit.retry_after(
        "password-reset", email.casefold(), settings.COLLECT_PASSWORD_RESETS_PER_ADDRESS, hour
    )
    by_client = ratelimit.retry_after(
        "password-reset-client",
        ratelimit.client_address(request.META),
        settings.COLLECT_PASSWORD_RESETS_PER_CLIENT,
        hour,
    )
    waits = [w for w in (by_address, by_client) if w is not None]
    return max(waits) if waits else None


def password_reset_sent(request: HttpRequest) -> HttpResponse:
    """Tell the person to check their email."""
    email = request.session.get("password_reset_email", "")
    return render(request, "accounts/password_reset_sent.html", {"email": email})


def send_password_reset(user: User) -> None:
    """Email a link to choose a new password."""
    link = settings.SERVICE_URL + reverse(
        "accounts:password-reset-link", args=[make_token(user, Purpose.PASSWORD_RESET)]
    )
    send_email("password_reset", user.email, {"name": user.name, "link": link})


_SESSION_TOKEN = "collect_set_password_token"  # noqa: S105 - a session key, not a secret


def _link_problem(request: HttpRequest, purpose: Purpose, problem: Problem) -> HttpResponse:
    status = 404 if problem is Problem.INVALID else 410
    return render(request, "accounts/link_problem.html", {"purpose": purpose, "problem": problem}, status=status)


def _follow_link(request: HttpRequest, token: str, purpose: Purpose, next_view: str) -> HttpResponse:
    """Check a link's token, keep it in the session and move it out of the address bar."""
    check = check_token(token, purpose)
    if check.problem is not None:
        return _link_problem(request, purpose, check.problem)
    request.session[_SESSION_TOKEN] = {"purpose": str(purpose), "token": token}
    return redirect(next_view)


def password_reset_link(request: HttpRequest, token: str) -> HttpResponse:
    """The link in a password reset email."""
    return _follow_link(request, token, Purpose.PASSWORD_RESET, "accounts:password-reset")


def invitation_link(request: HttpRequest, token: str) -> HttpResponse:
    """The link in an invitation email."""
    return _follow_link(request, token, Purpose.INVITATION, "accounts:invitation")


@sensitive_post_parameters("password", "password_confirmation")
@require_http_methods(["GET", "POST"])
def _set_password(request: HttpRequest, purpose: Purpose) -> HttpResponse:
    stored = request.session.get(_SESSION_TOKEN) or {}
    if stored.get("purpose") != str(purpose):
        return _link_problem(request, purpose, Problem.INVALID)
    check = check_token(stored["token"], purpose)
    if check.user is None:
        return _link_problem(request, purpose, check.problem or Problem.INVALID)
    user = check.user
    if not user.is_active:
        return _link_problem(request, purpose, Problem.INVALID)
    form = SetPasswordForm(user, request.POST if request.method == "POST" else None)
    if form.is_valid():
        with transaction.atomic():
            user.set_password(form.cleaned_data["password"])
            user.save(update_fields=["password", "updated_at"])
        lockout.unlock(user.email)
        request.session.pop(_SESSION_TOKEN, None)
        login(request, user, backend="django.contrib.auth.backends.AllowAllUsersModelBackend")
        done = "Your password has been created" if purpose is Purpose.INVITATION else "Your password has been changed"
        messages.success(request, done)
        return redirect(settings.LOGIN_REDIRECT_URL)
    template = "accounts/invitation.html" if purpose is Purpose.INVITATION else "accounts/password_reset.html"
    return render(request, template, {"form": form, "invited_user": user})


def password_reset(request: HttpRequest) -> HttpResponse:
    """Choose a new password, after following a reset link."""
    return _set_password(request, Purpose.PASSWORD_RESET)


def invitation(request: HttpRequest) -> HttpResponse:
    """Create a password, after following an invitation link."""
    return _set_password(request, Purpose.INVITATION)


def account(request: HttpRequest) -> HttpResponse:
    """The signed-in user's own details, and their two-factor authentication settings."""
    user = signed_in_user(request)
    context = {"account_user": user, "nav_section": None, "two_factor": two_factor.state(user)}
    return render(request, "accounts/account.html", context)
