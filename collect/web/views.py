"""The start and home pages, static information pages, the health check and the error pages."""

from __future__ import annotations

from collections.abc import Callable

from django.db import connection
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string

from collect.accounts.models import User
from collect.organisations.banners import organisation_banners
from collect.web import dashboard
from collect.web.context import service


def start(request: HttpRequest) -> HttpResponse:
    """The public start page; signed-in users go to their home page."""
    if request.user.is_authenticated:
        return redirect("web:home")
    return render(request, "web/start.html")


def home(request: HttpRequest) -> HttpResponse:
    """The signed-in home page, titled for the user's role: log counts, links and the next deadlines."""
    user = request.user
    assert isinstance(user, User)
    if user.is_support:
        title = "Manage all data"
    elif user.is_data_coordinator:
        title = "Manage your organisation's logs"
    else:
        title = "Manage logs assigned to you"
    context = {
        "title": title,
        "nav_section": "home",
        "banners": organisation_banners(user),
        "kinds": dashboard.kind_summaries(user),
        "deadlines": dashboard.deadlines(),
    }
    return render(request, "web/home.html", context)


def static_page(template: str, title: str) -> Callable[[HttpRequest], HttpResponse]:
    """A view showing one page of fixed content."""

    def view(request: HttpRequest) -> HttpResponse:
        return render(request, template, {"title": title})

    view.__doc__ = f"The {title.lower()} page."
    return view


accessibility_statement = static_page("web/accessibility_statement.html", "Accessibility statement")
privacy_notice = static_page("web/privacy_notice.html", "Privacy notice")
cookies = static_page("web/cookies.html", "Cookies")


def health(request: HttpRequest) -> HttpResponse:
    """For load balancers: 204 when the database answers."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return HttpResponse(status=204)


def error_400(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """Bad request."""
    return render(request, "errors/400.html", status=400)


def error_403(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """Signed in, but this role may not do this."""
    return render(request, "errors/403.html", status=403)


def error_404(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """No such page, or a page outside the person's scope."""
    return render(request, "errors/404.html", status=404)


def error_500(request: HttpRequest) -> HttpResponse:
    """Something went wrong on our side. Drawn without the request, which may be what failed."""
    html = render_to_string("errors/500.html", service(request))
    return HttpResponse(html, status=500)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """The form's security token was missing or wrong: usually an old page or a form sent twice."""
    return render(request, "errors/csrf.html", status=403)
