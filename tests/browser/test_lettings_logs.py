"""A provider starts a lettings log in a browser: each page type passes axe, works by keyboard and at 320 px."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from collect.logs.models import Log
from collect.organisations.actions import accept_data_sharing_agreement
from collect.refdata.models import LocalAuthority
from tests.browser.conftest import check_page, visit
from tests.browser.test_schemes import sign_in

pytestmark = pytest.mark.django_db(transaction=True)


def fits_320(page: Page) -> None:
    page.set_viewport_size({"width": 320, "height": 900})
    assert page.evaluate("document.documentElement.scrollWidth") <= 320, page.url
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
