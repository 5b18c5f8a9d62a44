"""The public pages, the layout, error pages and security headers."""

from __future__ import annotations

import pytest
from django.test import override_settings
from django.urls import reverse

from tests.conftest import verified_login
from tests.support.html import page_facts


@pytest.mark.parametrize(
    ("name", "h1"),
    [
        ("web:start", "Submit social housing lettings and sales data (CORE)"),
        ("web:accessibility-statement", "Accessibility statement for"),
        ("web:privacy-notice", "Privacy notice"),
        ("web:cookies", "Cookies"),
        ("accounts:sign-in", "Sign in to your account"),
        ("accounts:password-forgotten", "Reset your password"),
    ],
)
def test_public_pages_render_without_signing_in(client, db, name, h1):
    response = client.get(reverse(name))
    assert response.status_code == 200
    assert page_facts(response.content.decode()).h1s[0].startswith(h1)


def test_layout_has_skip_link_phase_banner_and_footer_links(client, db):
    html = client.get(reverse("web:start")).content.decode()
    assert 'href="#main-content"' in html
    assert 'id="main-content"' in html
    assert "govuk-phase-banner" in html
    for name in ("web:accessibility-statement", "web:privacy-notice", "web:cookies"):
        assert f'href="{reverse(name)}"' in html
    assert "<script>" not in html  # no inline script: the CSP forbids it


def test_assets_are_served_by_the_app(client, db):
    for path in ("/static/govuk/govuk-frontend.min.css", "/static/govuk/assets/fonts/bold-b542beb274-v2.woff2"):
        response = client.get(path)
        assert response.status_code == 200
        assert b"".join(response.streaming_content)
        response.close()


def test_navigation_depends_on_role(client, support, provider):
    verified_login(client, support)
    support_nav = client.get(reverse("web:home")).content.decode()
    assert "Organisations" in support_nav
    assert "Manage all data" in support_nav
    assert f'href="{reverse("bulkupload:support-list")}"' in support_nav
    client.force_login(provider)
    provider_nav = client.get(reverse("web:home")).content.decode()
    assert "Your organisation" in provider_nav
    assert f'href="{reverse("organisations:list")}"' not in provider_nav
    assert f'href="{reverse("bulkupload:support-list")}"' not in provider_nav
    assert "Manage logs assigned to you" in provider_nav


def test_home_title_for_a_coordinator(client, coordinator):
    client.force_login(coordinator)
    assert "Manage your organisation&#39;s logs" in client.get(reverse("web:home")).content.decode()


def test_start_page_sends_signed_in_users_home(client, provider):
    client.force_login(provider)
    assert client.get(reverse("web:start")).url == reverse("web:home")


def test_not_found_page_in_service_style(client, db):
    response = client.get("/no-such-page")
    assert response.status_code == 404
    assert page_facts(response.content.decode()).h1s == ["Page not found"]


def test_forbidden_page_in_service_style(client, provider):
    client.force_login(provider)
    response = client.get(reverse("organisations:list"))
    assert response.status_code == 403
    assert "You do not have permission" in response.content.decode()


def test_server_error_page_in_service_style(db, rf):
    from collect.web.views import error_500

    response = error_500(rf.get("/"))
    assert response.status_code == 500
    assert "Sorry, there is a problem with the service" in response.content.decode()


def test_health_check(client, db):
    assert client.get(reverse("web:health")).status_code == 204


def test_content_security_policy_allows_no_inline_script(client, db):
    policy = client.get(reverse("web:start"))["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";") if part.strip())
    assert directives["script-src"] == "'self'"
    assert "unsafe-inline" not in policy
    assert directives["frame-ancestors"] == "'none'"


def test_frames_are_refused(client, db):
    assert client.get(reverse("web:start"))["X-Frame-Options"] == "DENY"


def test_secure_transport_headers_outside_debug(db):
    from tests.conftest import CheckingClient

    with override_settings(SECURE_HSTS_SECONDS=31536000, SECURE_SSL_REDIRECT=False):
        response = CheckingClient().get(reverse("web:start"), secure=True)
    assert "max-age=31536000" in response["Strict-Transport-Security"]


def test_production_settings_are_secure():
    import os
    import subprocess
    import sys

    code = (
        "import django; from django.conf import settings; django.setup();"
        "print(settings.SESSION_COOKIE_SECURE, settings.CSRF_COOKIE_SECURE, settings.SECURE_HSTS_SECONDS > 0,"
        " settings.X_FRAME_OPTIONS, settings.DEBUG)"
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "collect.settings",
        "COLLECT_DEBUG": "0",
        "COLLECT_SECRET_KEY": "x" * 50,
        "COLLECT_ENVIRONMENT": "production",
    }
    output = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True).stdout
    assert output.split() == ["True", "True", "True", "DENY", "False"]
