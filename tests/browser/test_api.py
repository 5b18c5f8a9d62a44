"""API tokens and the API documentation in the browser: axe, keyboard alone, 320 pixels, without JavaScript."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from collect.api.models import ApiToken
from collect.api.tokens import hash_token
from collect.organisations.actions import accept_data_sharing_agreement
from tests.api.conftest import ApiClient
from tests.browser.conftest import check_page, visit
from tests.browser.test_accounts import sign_in
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)


def test_coordinator_creates_uses_and_revokes_a_token(page, coordinator, organisation):
    coordinator.is_dpo = True
    coordinator.save()
    accept_data_sharing_agreement(coordinator, organisation)
    sign_in(page, coordinator.email)
    visit(page, "/organisation")
    page.get_by_role("link", name="API tokens").click()
    check_page(page)
    page.get_by_role("button", name="Create a token").click()
    check_page(page)
    page.get_by_role("button", name="Create token").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter a name for the token")
    check_page(page)
    page.get_by_label("Name").fill("Housing system")
    page.get_by_label("Read only").check()
    page.get_by_role("button", name="Create token").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your new API token")
    check_page(page)
    token = page.locator("#api-token").inner_text()
    record = ApiToken.objects.get()
    assert record.token_hash == hash_token(token)
    assert ApiClient(token).get("/api/v1/lettings-logs").status_code == 200
    page.get_by_role("link", name="Back to API tokens").click()
    expect(page.get_by_role("cell", name="Housing system")).to_be_visible()
    assert token not in page.content()
    check_page(page)
    page.get_by_role("link", name="Revoke").click()
    check_page(page)
    page.get_by_role("button", name="Revoke token").click()
    expect(page.get_by_text("The token Housing system has been revoked")).to_be_visible()
    check_page(page)
    assert ApiClient(token).get("/api/v1/lettings-logs").status_code == 401


def test_create_a_token_with_the_keyboard_alone(page, coordinator, organisation):
    sign_in(page, coordinator.email)
    visit(page, f"/organisations/{organisation.pk}/api-tokens/new")
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "name":
            break
    page.keyboard.type("Keyboard system")
    page.keyboard.press("Tab")  # the first scope option, chosen already
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Your new API token")
    assert ApiToken.objects.get().name == "Keyboard system"


def test_the_docs_page_passes_axe(page):
    visit(page, "/api/v1/docs")
    expect(page.get_by_role("heading", level=1)).to_have_text("API documentation")


def test_token_pages_and_docs_at_320_pixels_without_javascript(browser, live_server, coordinator, organisation):
    context = browser.new_context(
        base_url=live_server.url, java_script_enabled=False, viewport={"width": 320, "height": 640}
    )
    page = context.new_page()
    try:
        page.goto("/account/sign-in")  # no axe here: it needs JavaScript
        page.get_by_label("Email address").fill(coordinator.email)
        page.get_by_label("Password", exact=True).fill(PASSWORD)
        page.get_by_role("button", name="Sign in").click()
        page.goto(f"/organisations/{organisation.pk}/api-tokens/new")
        page.get_by_label("Name").fill("Narrow system")
        page.get_by_role("button", name="Create token").click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Your new API token")
        for path in (None, f"/organisations/{organisation.pk}/api-tokens", "/api/v1/docs"):
            if path:
                page.goto(path)
            width = page.evaluate("document.documentElement.scrollWidth")
            assert width <= 320, f"{path or 'the new token'} is {width}px wide at a 320px viewport"
    finally:
        context.close()
