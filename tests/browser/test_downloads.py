"""Downloads in a browser: the year, the filters, the file and its emailed link; and support's statistics export.

Every page passes axe, at 320px wide too, and is used with the keyboard only. The jobs run at once (the tests'
immediate task backend), after the request's transaction commits.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from collect.exports.models import Download
from tests.browser.conftest import check_page, visit
from tests.browser.test_accounts import sign_in
from tests.journeys.factories import complete, make_log

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def stored(settings, tmp_path):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {**settings.STORAGES["default"], "OPTIONS": {"location": str(tmp_path)}},
    }


def heading(page: Page, text: str) -> None:
    expect(page.get_by_role("heading", level=1)).to_contain_text(text)
    check_page(page)


def test_a_coordinator_downloads_the_lettings_logs_with_the_keyboard(page, stored, coordinator, organisation):
    make_log(coordinator, complete(organisation, coordinator, tenancycode="T1"))
    sign_in(page, coordinator.email)
    visit(page, "/lettings-logs/download")
    heading(page, "Download lettings logs")
    page.get_by_label("2026 to 2027").focus()
    page.keyboard.press("Space")
    page.get_by_role("button", name="Continue").focus()
    page.keyboard.press("Enter")
    heading(page, "Download lettings logs")
    expect(page.get_by_text("You have chosen 1 log.")).to_be_visible()
    page.set_viewport_size({"width": 320, "height": 800})
    check_page(page)
    page.get_by_role("button", name="Send email").focus()
    page.keyboard.press("Enter")
    heading(page, "Your download is ready")
    download = Download.objects.get()
    assert download.rows == 1
    with page.expect_download() as fetched:
        page.get_by_role("button", name="Download the file").click()
    assert fetched.value.suggested_filename.startswith("lettings-logs-2026-2027-labels-")


def test_support_sees_and_runs_the_statistics_export(page, stored, support, mailoutbox):
    sign_in(page, support.email, outbox=mailoutbox)
    visit(page, "/statistics-export")
    heading(page, "Statistics export")
    page.get_by_role("button", name="Run a full export now").click()
    heading(page, "Statistics export")
    expect(page.get_by_text("The full export has been queued.")).to_be_visible()
