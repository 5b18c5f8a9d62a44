"""Two-factor authentication in a browser: emailed codes for support, an authenticator app for anyone."""

from __future__ import annotations

from base64 import b32decode

import pytest
from django_otp.oath import totp
from playwright.sync_api import Page, expect

from tests.browser.conftest import check_page, visit
from tests.browser.test_accounts import emailed_code, sign_in, sign_out
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)


def heading(page: Page):
    return page.get_by_role("heading", level=1)


def enter_code(page: Page, code: str) -> None:
    page.get_by_label("Security code").fill(code)
    page.get_by_role("button", name="Continue").click()


def test_support_signs_in_with_the_emailed_code(page, support, mailoutbox):
    sign_in(page, support.email)
    expect(heading(page)).to_have_text("Enter your security code")
    expect(page.get_by_text(support.email)).to_be_visible()
    check_page(page)
    code = emailed_code(mailoutbox, support.email)

    enter_code(page, f"{(int(code) + 1) % 100000:05d}")
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("The security code is not correct")
    check_page(page)
    summary.get_by_role("link").click()
    expect(page.get_by_label("Security code")).to_be_focused()

    page.get_by_role("link", name="Not received the email? Get a new security code").click()
    expect(heading(page)).to_have_text("Get a new security code")
    check_page(page)
    page.get_by_role("button", name="Send a new code").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("once every 30 seconds")
    check_page(page)
    page.get_by_role("link", name="Back to enter your security code").click()

    enter_code(page, code)
    expect(heading(page)).to_have_text("Manage all data")
    check_page(page)
    visit(page, "/account")
    expect(page.get_by_text("support users must use it")).to_be_visible()
    expect(page.get_by_role("link", name="Turn off two-factor authentication")).to_have_count(0)
    sign_out(page)


def test_three_wrong_codes_sign_the_person_out(page, support, mailoutbox):
    sign_in(page, support.email)
    wrong = f"{(int(emailed_code(mailoutbox, support.email)) + 1) % 100000:05d}"
    for _ in range(2):
        enter_code(page, wrong)
        expect(page.locator(".govuk-error-summary")).to_be_visible()
    expect(page.locator(".govuk-error-summary")).to_contain_text("you will be signed out")
    enter_code(page, wrong)
    expect(heading(page)).to_have_text("You entered the wrong security code 3 times")
    check_page(page)
    page.get_by_role("button", name="Sign in again").click()
    expect(heading(page)).to_have_text("Sign in to your account")
    visit(page, "/home")
    expect(heading(page)).to_have_text("Sign in to your account")


def test_a_data_provider_sets_up_an_authenticator_app_and_signs_in_with_it(page, provider):
    sign_in(page, provider.email)
    expect(heading(page)).to_have_text("Manage logs assigned to you")
    visit(page, "/account")
    page.get_by_role("link", name="Set up an authenticator app").first.click()
    expect(heading(page)).to_have_text("Set up an authenticator app")
    check_page(page)
    expect(page.get_by_role("img", name="QR code to scan with your authenticator app")).to_be_visible()
    secret = page.locator("#secret-key").inner_text().replace(" ", "")
    key = b32decode(secret + "=" * (-len(secret) % 8))

    page.get_by_label("Code from the app").fill("000000" if totp(key) != 0 else "111111")
    page.get_by_role("button", name="Save authenticator app").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("The code is not correct")
    check_page(page)

    page.get_by_label("Code from the app").fill(f"{totp(key):06d}")
    page.get_by_role("button", name="Save authenticator app").click()
    expect(heading(page)).to_have_text("Your account")
    expect(page.get_by_text("Your authenticator app is set up")).to_be_visible()
    check_page(page)
    sign_out(page)

    sign_in(page, provider.email)
    expect(heading(page)).to_have_text("Enter your security code")
    expect(page.get_by_text("Open the authenticator app")).to_be_visible()
    check_page(page)
    enter_code(page, f"{totp(key, drift=1):06d}")  # the next code: the one used to set up cannot be used again
    expect(heading(page)).to_have_text("Manage logs assigned to you")

    visit(page, "/account")
    page.get_by_role("link", name="Turn off two-factor authentication").click()
    expect(heading(page)).to_have_text("Turn off two-factor authentication")
    check_page(page)
    page.get_by_role("button", name="Turn off two-factor authentication").click()
    expect(page.get_by_text("Two-factor authentication is off")).to_be_visible()
    sign_out(page)
    sign_in(page, provider.email)
    expect(heading(page)).to_have_text("Manage logs assigned to you")


def test_turning_on_email_codes_and_removing_an_app_pages_pass_axe(page, coordinator, mailoutbox):
    sign_in(page, coordinator.email)
    visit(page, "/account")
    page.get_by_role("link", name="Turn on security codes by email").click()
    expect(heading(page)).to_have_text("Turn on security codes by email")
    check_page(page)
    page.get_by_role("button", name="Turn on security codes by email").click()
    expect(page.get_by_text("Two-factor authentication is on")).to_be_visible()
    check_page(page)
    visit(page, "/account/two-factor/app")
    secret = page.locator("#secret-key").inner_text().replace(" ", "")
    page.get_by_label("Code from the app").fill(f"{totp(b32decode(secret)):06d}")
    page.get_by_role("button", name="Save authenticator app").click()
    page.get_by_role("link", name="Remove authenticator app").click()
    expect(heading(page)).to_have_text("Remove your authenticator app")
    check_page(page)
    page.get_by_role("button", name="Remove authenticator app").click()
    expect(page.get_by_text("Your authenticator app has been removed")).to_be_visible()
    sign_out(page)
    sign_in(page, coordinator.email, outbox=mailoutbox)
    expect(heading(page)).to_have_text("Manage your organisation's logs")


def test_code_pages_work_without_javascript_at_320_pixels(browser, live_server, support, mailoutbox):
    context = browser.new_context(
        base_url=live_server.url, java_script_enabled=False, viewport={"width": 320, "height": 640}
    )
    page = context.new_page()
    try:
        page.goto("/account/sign-in")
        page.get_by_label("Email address").fill(support.email)
        page.get_by_label("Password", exact=True).fill(PASSWORD)
        page.get_by_role("button", name="Sign in").click()
        expect(heading(page)).to_have_text("Enter your security code")
        for path in ("/account/security-code", "/account/security-code/new"):
            page.goto(path)
            assert page.evaluate("document.documentElement.scrollWidth") <= 320, path
        page.goto("/account/security-code")
        enter_code(page, emailed_code(mailoutbox, support.email))
        expect(heading(page)).to_have_text("Manage all data")
        page.goto("/account/two-factor/app")
        expect(heading(page)).to_have_text("Set up an authenticator app")
        assert page.evaluate("document.documentElement.scrollWidth") <= 320
        page.goto("/account")
        assert page.evaluate("document.documentElement.scrollWidth") <= 320
    finally:
        context.close()
