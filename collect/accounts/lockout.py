"""Account lockout after repeated failed sign-ins (django-axes, configured in settings.AXES_*)."""

from __future__ import annotations

from typing import Any

from axes.handlers.proxy import AxesProxyHandler
from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from collect.accounts.models import normalise_email


def username_from_request(request: HttpRequest, credentials: dict[str, Any] | None) -> str:
    """The email address an attempt was for, normalised so case does not dodge the limit."""
    if credentials and credentials.get("username"):
        return normalise_email(str(credentials["username"]))
    return normalise_email(request.POST.get("email", ""))


def attempts_left(request: HttpRequest, email: str) -> int:
    """How many more failed sign-ins this email address can have before it is locked."""
    failures = AxesProxyHandler.get_failures(request, {"username": normalise_email(email)})
    return max(settings.AXES_FAILURE_LIMIT - failures, 0)


def locked_out_response(request: HttpRequest, credentials: dict[str, Any] | None = None, **_: Any) -> HttpResponse:
    """The page shown instead of signing in while an account is locked."""
    return render(request, "accounts/locked.html", {"nav_section": None}, status=429)


def unlock(email: str) -> None:
    """Clear failed attempts, for example once the person has reset their password."""
    from axes.utils import reset

    reset(username=normalise_email(email))
