"""The security code pages after the password, and turning two-factor authentication on and off.

The rules live in collect.accounts.two_factor; collect.accounts.middleware keeps a session that still owes its
security code on these pages.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods

from collect.accounts import two_factor
from collect.accounts.policy import signed_in_user
from collect.accounts.two_factor import Method, Outcome, Verification
from collect.accounts.two_factor_forms import NewCodeForm, SecurityCodeForm


def _code_minutes() -> int:
    return int(settings.COLLECT_TWO_FACTOR_CODE_VALIDITY.total_seconds() // 60)


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def _message(verification: Verification, method: Method) -> str:
    """The error shown at the code field."""
    outcome = verification.outcome
    if outcome is Outcome.WRONG:
        message = "The security code is not correct. Check it and enter it again"
        if verification.attempts_left == 1:
            message += ". If this code is also wrong, you will be signed out"
        return message
    if outcome is Outcome.EXPIRED:
        return "The security code has expired. Get a new security code"
    if outcome is Outcome.USED:
        if method is Method.APP:
            return "This code has already been used. Wait for your app to show a new code, then enter it"
        return "This security code has already been used. Get a new security code"
    return (
        "The wrong security code has been entered too many times. "
        f"Wait {_plural(verification.wait_seconds, 'second')}, then enter the code again"
    )


def _remember_next(request: HttpRequest) -> None:
    next_url = request.GET.get("next", "")
    if next_url and url_has_allowed_host_and_scheme(next_url, {request.get_host()}, request.is_secure()):
        request.session[two_factor.SESSION_NEXT] = next_url


def _done(request: HttpRequest) -> HttpResponse:
    next_url = request.session.pop(two_factor.SESSION_NEXT, "")
    return redirect(next_url or settings.LOGIN_REDIRECT_URL)


@sensitive_post_parameters("code")
@require_http_methods(["GET", "POST"])
def security_code(request: HttpRequest) -> HttpResponse:
    """Enter your security code: the step after the password for anyone with two-factor authentication."""
    user = signed_in_user(request)
    _remember_next(request)
    if not two_factor.needs_code(request):
        return _done(request)
    if request.GET.get("method") == Method.APP and two_factor.app_device(user) is not None:
        request.session[two_factor.SESSION_METHOD] = Method.APP
    method = two_factor.current_method(request, user)
    if method is Method.EMAIL and request.method == "GET":
        two_factor.send_first_email_code(request, user)
    form = SecurityCodeForm(two_factor.code_digits(method), request.POST if request.method == "POST" else None)
    if form.is_valid():
        device = two_factor.app_device(user) if method is Method.APP else two_factor.email_device(user)
        if device is None:  # removed in another session meanwhile
            return redirect("accounts:security-code")
        verification = two_factor.verify(request, device, form.cleaned_data["code"])
        if verification.outcome is Outcome.ACCEPTED:
            return _done(request)
        if verification.outcome is Outcome.SIGNED_OUT:
            return redirect("accounts:security-code-too-many")
        form.add_error("code", _message(verification, method))
    context = {
        "form": form,
        "method": str(method),
        "email": user.email,
        "has_app": two_factor.app_device(user) is not None,
        "has_email_codes": two_factor.has_email_codes(user),
        "digits": two_factor.code_digits(method),
        "minutes": _code_minutes(),
        "awaiting_code": True,
    }
    return render(request, "accounts/two_factor/security_code.html", context)


@require_http_methods(["GET", "POST"])
def new_security_code(request: HttpRequest) -> HttpResponse:
    """Get a new security code by email (also the way to use email instead of an app)."""
    user = signed_in_user(request)
    if not two_factor.needs_code(request):
        return _done(request)
    if not two_factor.has_email_codes(user):
        raise Http404
    form = NewCodeForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        wait = two_factor.send_email_code(user)
        if not wait:
            request.session[two_factor.SESSION_CODE_SENT] = True
            request.session[two_factor.SESSION_METHOD] = Method.EMAIL
            messages.success(request, f"We have sent a new security code to {user.email}")
            return redirect("accounts:security-code")
        interval = int(settings.COLLECT_TWO_FACTOR_RESEND_INTERVAL.total_seconds())
        form.add_error(
            None,
            f"You can get a new security code once every {interval} seconds. "
            f"Wait {_plural(wait, 'second')}, then select Send a new code again",
        )
    context = {"form": form, "email": user.email, "awaiting_code": True}
    return render(request, "accounts/two_factor/new_security_code.html", context)


def too_many_wrong_codes(request: HttpRequest) -> HttpResponse:
    """Shown after the person has been signed out for entering the wrong code too many times."""
    return render(
        request,
        "accounts/two_factor/too_many_wrong_codes.html",
        {"attempts": settings.COLLECT_TWO_FACTOR_MAX_WRONG_CODES},
    )


# ---- the user's own settings (the "Two-factor authentication" section of their account page) -------------------


@require_http_methods(["GET", "POST"])
def turn_on_email_codes(request: HttpRequest) -> HttpResponse:
    """Turn on security codes by email."""
    user = signed_in_user(request)
    if two_factor.has_email_codes(user):
        messages.success(request, "Security codes by email are already on")
        return redirect("accounts:account")
    if request.method == "POST":
        two_factor.turn_on_email_codes(request, user)
        messages.success(request, "Two-factor authentication is on. We will email you a security code when you sign in")
        return redirect("accounts:account")
    context = {"email": user.email, "nav_section": None, "minutes": _code_minutes()}
    return render(request, "accounts/two_factor/turn_on_email_codes.html", context)


@sensitive_post_parameters("code")
@require_http_methods(["GET", "POST"])
def authenticator_app(request: HttpRequest) -> HttpResponse:
    """Set up an authenticator app: scan the QR code, then confirm with a code before it is saved."""
    user = signed_in_user(request)
    key = request.session.get(two_factor.SESSION_NEW_APP_KEY)
    form = SecurityCodeForm(two_factor.APP_CODE_DIGITS, request.POST if request.method == "POST" else None)
    if not isinstance(key, str):
        key = two_factor.new_app_key()
        request.session[two_factor.SESSION_NEW_APP_KEY] = key
        if form.is_bound and form.is_valid():
            form.add_error("code", "Scan the QR code again, then enter the code your app shows")
    elif form.is_valid():
        if two_factor.add_authenticator(request, user, key, form.cleaned_data["code"]) is not None:
            request.session.pop(two_factor.SESSION_NEW_APP_KEY, None)
            messages.success(request, "Your authenticator app is set up. Use the code it shows when you sign in")
            return redirect("accounts:account")
        form.add_error("code", "The code is not correct. Enter the code your app shows now")
    context = {
        "form": form,
        "setup": two_factor.app_setup(user, key),
        "replaces": two_factor.app_device(user) is not None,
        "nav_section": None,
    }
    return render(request, "accounts/two_factor/authenticator_app.html", context)


@require_http_methods(["GET", "POST"])
def remove_authenticator_app(request: HttpRequest) -> HttpResponse:
    """Remove the authenticator app; security codes come by email instead."""
    user = signed_in_user(request)
    if two_factor.app_device(user) is None:
        return redirect("accounts:account")
    if request.method == "POST":
        two_factor.remove_authenticator(request, user)
        messages.success(request, "Your authenticator app has been removed. We will email you a security code instead")
        return redirect("accounts:account")
    context = {"email": user.email, "nav_section": None}
    return render(request, "accounts/two_factor/remove_authenticator_app.html", context)


@require_http_methods(["GET", "POST"])
def turn_off(request: HttpRequest) -> HttpResponse:
    """Turn two-factor authentication off. Support users must keep it."""
    user = signed_in_user(request)
    if user.is_support:
        raise PermissionDenied
    if not two_factor.is_required(user):
        return redirect("accounts:account")
    if request.method == "POST":
        two_factor.turn_off(request, user)
        messages.success(request, "Two-factor authentication is off")
        return redirect("accounts:account")
    return render(request, "accounts/two_factor/turn_off.html", {"nav_section": None})
