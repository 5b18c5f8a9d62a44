"""Lettings logs in a browser: starting a log, the list with filters, deleting and duplicates.

Each page passes axe, works by keyboard and fits 320 px.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from collect.logs.models import Log
from collect.logs.writing import create_log, save_answers
from collect.organisations.actions import accept_data_sharing_agreement
from collect.refdata.models import LocalAuthority
from collect.standards.lettings.y2026 import examples
from tests.browser.conftest import check_page, visit
from tests.browser.test_schemes import sign_in

pytestmark = pytest.mark.django_db(transaction=True)


def fits_320(page: Page) -> None:
    """At 320 px wide the page does not scroll sideways: nothing is wider, and a full-page screenshot is 320 px."""
    page.set_viewport_size({"width": 320, "height": 900})
    assert page.evaluate("document.documentElement.scrollWidth") <= 320, page.url
    screenshot = page.screenshot(full_page=True)
    assert int.from_bytes(screenshot[16:20], "big") == 320, page.url  # the PNG's width, from its header
    page.set_viewport_size({"width": 1024, "height": 900})


def test_a_provider_starts_a_log_by_keyboard_meets_an_error_and_checks_answers(page, provider, coordinator):
    LocalAuthority.objects.create(code="E08000035", name="Leeds", start_year=2021)
    coordinator.is_dpo = True
    coordinator.save()
    accept_data_sharing_agreement(coordinator, provider.organisation)
    sign_in(page, provider.email)
    visit(page, "/lettings-logs")
    fits_320(page)
    page.get_by_role("button", name="Create a new lettings log").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Log")
    check_page(page)
    fits_320(page)
    log = Log.objects.get()
    visit(page, f"/lettings-logs/{log.pk}/needs-type")
    page.get_by_role("button", name="Save and continue").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_text("There is a problem")).to_be_visible()
    check_page(page)
    fits_320(page)
    page.get_by_role("link", name="You must answer needs type").focus()
    page.keyboard.press("Enter")
    page.keyboard.press("Space")  # the first option, General needs, now has the focus
    page.get_by_role("button", name="Save and continue").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_contain_text("renewal")
    check_page(page)
    visit(page, f"/lettings-logs/{log.pk}/tenancy-start-date")
    fits_320(page)
    visit(page, f"/lettings-logs/{log.pk}/setup/check-answers")
    expect(page.get_by_text("General needs")).to_be_visible()
    fits_320(page)
    log.refresh_from_db()
    assert log.answers["needstype"] == 1


def test_a_coordinator_filters_the_list_and_deletes_logs_by_keyboard(page, coordinator, provider):
    LocalAuthority.objects.create(code="E08000035", name="Leeds", start_year=2021)
    coordinator.is_dpo = True
    coordinator.save()
    organisation = coordinator.organisation
    accept_data_sharing_agreement(coordinator, organisation)
    answers = {
        **examples.GENERAL_NEEDS,
        "owning_organisation_id": organisation.pk,
        "managing_organisation_id": organisation.pk,
        "assigned_to_id": provider.pk,
    }
    duplicates = [create_log(provider).log for _ in range(2)]
    for log in duplicates:
        save_answers(log, answers, provider)
    supported = [create_log(provider).log for _ in range(2)]
    for log in supported:
        save_answers(log, {"needstype": 2}, provider)
    sign_in(page, coordinator.email)
    visit(page, "/lettings-logs")
    fits_320(page)
    expect(page.get_by_text("There is 1 set of duplicate logs")).to_be_visible()

    # Filter by keyboard: the supported housing checkbox, then "Apply filters".
    page.get_by_role("group", name="Needs type").get_by_label("Supported housing").focus()
    page.keyboard.press("Space")
    page.get_by_role("button", name="Apply filters").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="2 logs found")).to_be_visible()
    check_page(page)
    fits_320(page)

    # Select both logs shown and delete them, confirming.
    for log in supported:
        page.get_by_label(f"Select log {log.pk} to delete").focus()
        page.keyboard.press("Space")
    page.get_by_role("button", name="Delete selected logs").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Are you sure you want to delete these 2 logs?")
    check_page(page)
    fits_320(page)
    page.get_by_role("button", name="Delete 2 logs").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_text("2 logs have been deleted")).to_be_visible()
    expect(page.get_by_role("heading", name="0 logs found")).to_be_visible()  # the filters are remembered
    check_page(page)
    assert {log.status for log in Log.objects.filter(pk__in=[log.pk for log in supported])} == {"deleted"}

    # The duplicates: review side by side, keep one.
    visit(page, f"/lettings-logs/{duplicates[0].pk}/duplicate-logs")
    fits_320(page)
    page.get_by_role("link", name=f"Keep this log and delete the duplicates of log {duplicates[0].pk}").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_contain_text(f"keep log {duplicates[0].pk}")
    check_page(page)
    fits_320(page)
    page.get_by_role("button", name="Delete the duplicate").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_text(f"Log {duplicates[0].pk} is no longer a duplicate")).to_be_visible()
    check_page(page)

    # One log from its page.
    page.get_by_role("button", name="Delete this log").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Are you sure you want to delete this log?")
    check_page(page)
    fits_320(page)
    page.get_by_role("button", name="Delete this log").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_text(f"Log {duplicates[0].pk} has been deleted")).to_be_visible()
    check_page(page)
    visit(page, "/home")
    fits_320(page)
