"""Sign-in enforcement, the security code step and the inactivity timeout."""

from __future__ import annotations

import time
from collections.abc import Callable

from django.conf import settings
from django.contrib.auth import logout
from django.contrib.auth.signals import user_logged_in
from django.contrib.auth.views import redirect_to_login
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponse
from django.urls import Resolver404, resolve

from collect.accounts import two_factor
from collect.web.public import DEBUG_PUBLIC_VIEW_NAMES, is_public

SESSION_LAST_SEEN = "collect_last_seen"
SESSION_EXPIRED_FLAG = "collect_session_expired"
# Refresh the stored time at most this often, so most requests do not write the session.
_TOUCH_EVERY_SECONDS = 60


@receiver(user_logged_in)
def _start_idle_clock(sender: object, request: HttpRequest, **kwargs: object) -> None:
    request.session[SESSION_LAST_SEEN] = time.time()


class IdleSessionTimeoutMiddleware:
    """Sign people out after settings.COLLECT_SESSION_IDLE_TIMEOUT without a request."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.user.is_authenticated:
            now = time.time()
            last_seen = request.session.get(SESSION_LAST_SEEN)
            limit = settings.COLLECT_SESSION_IDLE_TIMEOUT.total_seconds()
            if isinstance(last_seen, (int, float)) and now - last_seen > limit:
                logout(request)
                request.session[SESSION_EXPIRED_FLAG] = True
            elif not isinstance(last_seen, (int, float)) or now - last_seen > _TOUCH_EVERY_SECONDS:
                request.session[SESSION_LAST_SEEN] = now
        return self.get_response(request)


class SignInRequiredMiddleware:
    """Every page needs a signed-in user unless its URL name is on the public list (collect.web.public).

    Someone whose account has been deactivated since they signed in is signed out at their next request.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.user.is_authenticated and not request.user.is_active:
            logout(request)
        if not request.user.is_authenticated:
            try:
                match = resolve(request.path_info)
            except Resolver404:
                return self.get_response(request)  # the 404 page is for everyone
            if not is_public(match.view_name):
                return redirect_to_login(request.get_full_path())
        return self.get_response(request)


class SecurityCodeRequiredMiddleware:
    """Until a session that needs a security code has entered it, only the code pages and sign out answer.

    Every other page sends the person to the security code page (collect.accounts.two_factor). The debug-only
    sent-emails pages stay open too, so that on a laptop the emailed code can be read there.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if two_factor.needs_code(request):
            try:
                match = resolve(request.path_info)
            except Resolver404:
                return self.get_response(request)  # the 404 page is for everyone
            allowed = match.view_name in two_factor.PAGES_BEFORE_CODE or (
                settings.DEBUG and match.view_name in DEBUG_PUBLIC_VIEW_NAMES
            )
            if not allowed:
                return two_factor.code_page_redirect(request.get_full_path())
        return self.get_response(request)
