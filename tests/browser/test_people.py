"""Managing people in a browser: invite, first sign-in, deactivate and reactivate; every people page passes axe."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from collect.accounts.models import Role, User
from tests.browser.conftest import check_page, visit
from tests.browser.test_accounts import link_from, sign_in, sign_out
from tests.conftest import PASSWORD

NEW_PASSWORD = "a-brand-new-passphrase"
pytestmark = pytest.mark.django_db(transaction=True)


def open_user(page: Page, name: str) -> None:
    visit(page, "/users")
    page.get_by_label("Search by name or email address").fill(name)
    page.get_by_role("button", name="Search").click()
    expect(page).to_have_url(re.compile(r"[?&]q="))
    check_page(page)
    page.get_by_role("link", name=name).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(name)
    check_page(page)


def test_coordinator_invites_deactivates_and_reactivates_a_user(page, coordinator, mailoutbox):
    sign_in(page, coordinator.email)
    visit(page, "/users")
    page.get_by_role("button", name="Invite a user").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Invite a user")
    check_page(page)
    page.get_by_label("Name").fill("Nia New")
    page.get_by_label("Email address").fill("nia@example.com")
    page.get_by_label("Data provider").check()
    page.get_by_role("button", name="Send invitation").click()
    expect(page.get_by_text("Invitation sent to nia@example.com")).to_be_visible()
    check_page(page)
    sign_out(page)

    visit(page, "/" + link_from(mailoutbox[0]))
    expect(page.get_by_role("heading", level=1)).to_have_text("Create your password")
    page.get_by_label("Password", exact=True).fill(NEW_PASSWORD)
    page.get_by_label("Confirm password").fill(NEW_PASSWORD)
    page.get_by_role("button", name="Create password").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Manage logs assigned to you")
    check_page(page)
    sign_out(page)
    sign_in(page, "nia@example.com", NEW_PASSWORD)
    expect(page.get_by_role("heading", level=1)).to_have_text("Manage logs assigned to you")
    sign_out(page)

    sign_in(page, coordinator.email)
    open_user(page, "Nia New")
    page.get_by_role("button", name="Deactivate user").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Are you sure you want to deactivate Nia New?")
    check_page(page)
    page.get_by_role("button", name="Deactivate this user").click()
    expect(page.get_by_text("Nia New has been deactivated")).to_be_visible()
    check_page(page)
    sign_out(page)

    sign_in(page, "nia@example.com", NEW_PASSWORD)
    expect(page.locator(".govuk-error-summary")).to_contain_text("Your account has been deactivated")
    check_page(page)

    sign_in(page, coordinator.email)
    open_user(page, "Nia New")
    page.get_by_role("button", name="Reactivate user").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Are you sure you want to reactivate Nia New?")
    check_page(page)
    page.get_by_role("button", name="Reactivate this user").click()
    expect(page.get_by_text("Nia New has been reactivated")).to_be_visible()
    check_page(page)
    sign_out(page)

    assert [m.to for m in mailoutbox] == [["nia@example.com"], ["nia@example.com"]]
    assert "has been reactivated" in mailoutbox[1].subject
    sign_in(page, "nia@example.com", NEW_PASSWORD)
    expect(page.get_by_role("heading", level=1)).to_have_text("Manage logs assigned to you")


def test_support_pages_pass_axe(page, support, provider, other_organisation, make_user, mailoutbox):
    invited = make_user(Role.DATA_PROVIDER, provider.organisation, password=None, name="Ivy Invited")
    sign_in(page, support.email, outbox=mailoutbox)
    visit(page, "/users?status=active&role=1&responsibility=is_dpo&q=zzz")
    expect(page.get_by_text("No users match your search and filters.")).to_be_visible()
    visit(page, "/users?status=sideways")
    expect(page.locator(".govuk-error-summary")).to_contain_text("Select a status from the list")

    open_user(page, "Pat Provider")
    page.get_by_role("link", name="Change role").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Change Pat Provider\N{RIGHT SINGLE QUOTATION MARK}s details"
    )
    check_page(page)
    page.get_by_label("Name").fill("")
    page.get_by_label("Support").check()
    page.get_by_role("button", name="Save changes").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("Enter the user's name")
    check_page(page)
    page.get_by_label("Name").fill("Pat Renamed")
    page.get_by_label("Data coordinator").check()
    page.get_by_role("button", name="Save changes").click()
    expect(page.get_by_text("Pat Renamed\N{RIGHT SINGLE QUOTATION MARK}s details have been saved")).to_be_visible()
    expect(page.get_by_role("heading", name="History of changes")).to_be_visible()
    check_page(page)

    page.get_by_role("button", name="Move to another organisation").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Move Pat Renamed to another organisation")
    check_page(page)
    page.get_by_role("button", name="Move user").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Select the organisation to move the user to")
    check_page(page)
    page.get_by_label("New organisation", exact=True).select_option(label=other_organisation.name)
    page.get_by_label("Leave their logs with their current organisation").check()
    page.get_by_role("button", name="Move user").click()
    expect(page.get_by_text(f"Pat Renamed has been moved to {other_organisation.name}")).to_be_visible()
    check_page(page)

    visit(page, f"/users/{invited.pk}")
    page.get_by_role("button", name="Resend invitation").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Send a new invitation to Ivy Invited?")
    check_page(page)
    page.get_by_role("button", name="Send invitation").click()
    expect(page.get_by_text(f"A new invitation has been sent to {invited.email}")).to_be_visible()
    check_page(page)

    visit(page, "/account")
    page.get_by_role("link", name="Change phone number").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Change your name and phone number")
    check_page(page)
    page.get_by_label("Phone number (optional)").fill("not a number")
    page.get_by_role("button", name="Save changes").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter a phone number")
    check_page(page)
    page.get_by_label("Phone number (optional)").fill("01632 960 001")
    page.get_by_role("button", name="Save changes").click()
    expect(page.get_by_text("Your details have been saved")).to_be_visible()
    check_page(page)
    assert User.objects.get(pk=support.pk).phone == "01632 960 001"


def test_email_change_confirmation_pages_pass_axe(page, coordinator, provider, mailoutbox):
    sign_in(page, coordinator.email)
    visit(page, f"/users/{provider.pk}/edit")
    page.get_by_label("Email address").fill("pat@new.example")
    page.get_by_role("button", name="Save changes").click()
    expect(page.get_by_text("We have sent a link to pat@new.example")).to_be_visible()
    check_page(page)
    sign_out(page)
    confirmation = next(m for m in mailoutbox if m.to == ["pat@new.example"])
    visit(page, "/" + link_from(confirmation))
    expect(page.get_by_role("heading", level=1)).to_have_text("Confirm your new email address")
    page.get_by_role("button", name="Confirm email address").click()
    expect(page.get_by_text("Your email address is now pat@new.example")).to_be_visible()
    check_page(page)
    visit(page, "/" + link_from(confirmation))
    expect(page.get_by_role("heading", level=1)).to_have_text("This link has already been used")


def test_users_filters_work_without_javascript_at_320_pixels(browser, live_server, coordinator, make_user):
    make_user(Role.DATA_PROVIDER, coordinator.organisation, password=None, name="Ivy Invited")
    context = browser.new_context(
        base_url=live_server.url, java_script_enabled=False, viewport={"width": 320, "height": 640}
    )
    page = context.new_page()
    try:  # axe needs JavaScript, so these pages are not given to check_page
        page.goto("/account/sign-in")
        page.get_by_label("Email address").fill(coordinator.email)
        page.get_by_label("Password", exact=True).fill(PASSWORD)
        page.get_by_role("button", name="Sign in").click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Manage your organisation's logs")
        page.goto("/users")
        page.get_by_label("Invited").check()
        page.get_by_role("button", name="Apply filters").click()
        expect(page.get_by_role("link", name="Ivy Invited")).to_be_visible()
        expect(page.get_by_role("link", name="Cat Coord")).to_have_count(0)
        assert "status=invited" in page.url
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 320, f"/users is {width}px wide at a 320px viewport"
    finally:
        context.close()
