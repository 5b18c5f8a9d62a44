"""Signing in and out, lockout, password reset and invitations, as a person in a browser does them."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from collect.accounts.models import Role, User
from tests.browser.conftest import check_page, visit
from tests.conftest import PASSWORD

NEW_PASSWORD = "a-brand-new-passphrase"
pytestmark = pytest.mark.django_db(transaction=True)


def sign_in(page: Page, email: str, password: str = PASSWORD, outbox: list | None = None) -> None:
    """Sign in; with an outbox, also enter the security code emailed to a user who needs one."""
    visit(page, "/account/sign-in")
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password", exact=True).fill(password)
    page.get_by_role("button", name="Sign in").click()
    if outbox is not None:
        enter_emailed_code(page, email, outbox)


def emailed_code(outbox: list, email: str) -> str:
    """The latest security code emailed to an address."""
    codes = [
        re.search(r"^(\d{5})$", m.body, re.MULTILINE).group(1)
        for m in outbox
        if m.extra_headers.get("X-Collect-Email-Kind") == "two_factor_code" and m.to == [email]
    ]
    assert codes, f"no security code was emailed to {email}"
    return codes[-1]


def enter_emailed_code(page: Page, email: str, outbox: list) -> None:
    expect(page.get_by_role("heading", level=1)).to_have_text("Enter your security code")
    check_page(page)
    page.get_by_label("Security code").fill(emailed_code(outbox, email))
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("heading", level=1)).not_to_have_text("Enter your security code")


def sign_out(page: Page) -> None:
    page.get_by_role("button", name="Sign out").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Sign in to your account")
    check_page(page)


def link_from(message) -> str:
    return re.search(r"https?://\S+", message.body).group(0).split("://", 1)[1].split("/", 1)[1]


@pytest.mark.parametrize("role", [Role.DATA_PROVIDER, Role.DATA_COORDINATOR, Role.SUPPORT])
def test_each_role_signs_in_walks_its_pages_and_signs_out(page, make_user, organisation, role, mailoutbox):
    user = make_user(role, organisation, email=f"{role.name.lower()}@example.com", name=f"A {role.label}")
    sign_in(page, user.email, outbox=mailoutbox if role == Role.SUPPORT else None)
    expect(page.get_by_role("heading", level=1)).to_contain_text("Manage")
    check_page(page)
    nav = page.get_by_role("navigation", name="Menu")
    links = [nav.get_by_role("link").nth(i).get_attribute("href") for i in range(nav.get_by_role("link").count())]
    assert links, "the navigation has links"
    for href in links:
        visit(page, href)
    visit(page, f"/users/{user.pk}")
    visit(page, "/account")
    expect(page.get_by_text(user.email).first).to_be_visible()
    if role != Role.DATA_PROVIDER:
        visit(page, "/users/invite")
    sign_out(page)


def test_public_pages_pass_axe(page, db):
    for path in (
        "/",
        "/accessibility-statement",
        "/privacy-notice",
        "/cookies",
        "/account/password/forgotten",
        "/no-such-page",
    ):
        visit(page, path)


def test_sign_in_errors_are_summarised_and_linked(page, provider):
    visit(page, "/account/sign-in")
    page.get_by_role("button", name="Sign in").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("Enter your email address")
    expect(summary).to_contain_text("Enter your password")
    check_page(page)
    summary.get_by_role("link", name="Enter your email address").click()
    expect(page.get_by_label("Email address")).to_be_focused()


def test_lockout_after_five_failed_attempts_with_a_warning_first(page, provider):
    for attempt in range(1, 5):
        sign_in(page, provider.email, "not my password")
        warning = page.get_by_text("You have 1 more attempt")
        expect(warning).to_have_count(2 if attempt == 4 else 0)  # in the summary and at the field
        check_page(page)
    sign_in(page, provider.email, "not my password")
    expect(page.get_by_role("heading", level=1)).to_have_text("Your account is locked")
    check_page(page)
    sign_in(page, provider.email)
    expect(page.get_by_role("heading", level=1)).to_have_text("Your account is locked")


def test_password_reset_from_email_to_signed_in(page, provider, mailoutbox):
    sign_in(page, provider.email, "forgot it")
    page.get_by_role("link", name="Forgotten your password?").click()
    check_page(page)
    page.get_by_label("Email address").fill(provider.email)
    page.get_by_role("button", name="Send email").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Check your email")
    check_page(page)
    assert len(mailoutbox) == 1
    visit(page, "/" + link_from(mailoutbox[0]))
    expect(page.get_by_role("heading", level=1)).to_have_text("Choose a new password")
    page.get_by_label("Password", exact=True).fill("short")
    page.get_by_label("Confirm password").fill("short")
    page.get_by_role("button", name="Change password").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("at least 8 characters")
    check_page(page)
    page.get_by_label("Password", exact=True).fill(NEW_PASSWORD)
    page.get_by_label("Confirm password").fill(NEW_PASSWORD)
    page.get_by_role("button", name="Change password").click()
    expect(page.get_by_text("Your password has been changed")).to_be_visible()
    check_page(page)
    sign_out(page)
    sign_in(page, provider.email, NEW_PASSWORD)
    expect(page.get_by_role("heading", level=1)).to_have_text("Manage logs assigned to you")
    sign_out(page)
    visit(page, "/" + link_from(mailoutbox[0]))
    expect(page.get_by_role("heading", level=1)).to_have_text("This link has already been used")


def test_invitation_from_email_to_first_sign_in(page, support, organisation, mailoutbox):
    sign_in(page, support.email, outbox=mailoutbox)
    mailoutbox.clear()  # the security code
    visit(page, "/users/invite")
    page.get_by_role("button", name="Send invitation").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter the user's name")
    check_page(page)
    page.get_by_label("Name").fill("Nia New")
    page.get_by_label("Email address").fill("nia@example.com")
    page.get_by_label("Organisation").select_option(label=organisation.name)
    page.get_by_label("Data coordinator").check()
    page.get_by_label("Data protection officer").check()
    page.get_by_role("button", name="Send invitation").click()
    expect(page.get_by_text("Invitation sent to nia@example.com")).to_be_visible()
    check_page(page)
    sign_out(page)

    assert [m.to for m in mailoutbox] == [["nia@example.com"]]
    visit(page, "/" + link_from(mailoutbox[0]))
    expect(page.get_by_role("heading", level=1)).to_have_text("Create your password")
    page.get_by_label("Password", exact=True).fill(NEW_PASSWORD)
    page.get_by_label("Confirm password").fill(NEW_PASSWORD)
    page.get_by_role("button", name="Create password").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Manage your organisation's logs")
    check_page(page)
    sign_out(page)
    sign_in(page, "nia@example.com", NEW_PASSWORD)
    expect(page.get_by_role("heading", level=1)).to_have_text("Manage your organisation's logs")
    assert User.objects.get(email="nia@example.com").is_dpo


def test_expired_invitation_link_gets_a_clear_page(page, make_user, settings, mailoutbox):
    from datetime import timedelta

    from collect.accounts.actions import send_invitation

    invited = make_user(password=None)
    send_invitation(invited, invited_by=None)
    settings.COLLECT_ACCOUNT_LINK_MAX_AGE = timedelta(seconds=-1)
    visit(page, "/" + link_from(mailoutbox[0]))
    expect(page.get_by_role("heading", level=1)).to_have_text("This link has expired")


def test_sign_in_with_the_keyboard_alone(page, provider):
    visit(page, "/account/sign-in")
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Skip to main content")).to_be_focused()
    page.keyboard.press("Enter")
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "email":
            break
    expect(page.get_by_label("Email address")).to_be_focused()
    page.keyboard.type(provider.email)
    page.keyboard.press("Tab")
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Manage logs assigned to you")


def test_works_without_javascript_and_at_320_pixels(browser, live_server, provider):
    context = browser.new_context(
        base_url=live_server.url, java_script_enabled=False, viewport={"width": 320, "height": 640}
    )
    page = context.new_page()
    try:
        page.goto("/account/sign-in")
        page.get_by_label("Email address").fill(provider.email)
        page.get_by_label("Password", exact=True).fill(PASSWORD)
        page.get_by_role("button", name="Sign in").click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Manage logs assigned to you")
        page.get_by_role("button", name="Sign out").click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Sign in to your account")
    finally:
        context.close()


def test_pages_fit_a_320_pixel_screen(browser, live_server, support, mailoutbox):
    context = browser.new_context(base_url=live_server.url, viewport={"width": 320, "height": 640})
    page = context.new_page()
    try:
        sign_in(page, support.email, outbox=mailoutbox)
        for path in ("/home", "/users", "/organisations", "/users/invite", "/account"):
            visit(page, path)
            width = page.evaluate("document.documentElement.scrollWidth")
            assert width <= 320, f"{path} is {width}px wide at a 320px viewport"
    finally:
        context.close()
