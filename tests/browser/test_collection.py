"""Running the collection in a browser: the completeness dashboard and a log's history, with axe, keyboard, 320px."""

from __future__ import annotations

import datetime

import pytest
from playwright.sync_api import Page, expect

from collect.collection.calendar import seed_defaults
from collect.logs.models import Log, LogStatus
from collect.logs.writing import create_log, save_answers
from tests.browser.conftest import check_page, visit
from tests.browser.test_accounts import sign_in

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _calendar() -> None:
    seed_defaults()


def heading(page: Page, text: str) -> None:
    expect(page.get_by_role("heading", level=1)).to_contain_text(text)
    check_page(page)


def add(organisation, day, count, status=LogStatus.COMPLETED):
    Log.objects.bulk_create(
        Log(kind="lettings", collection="lettings-2026", status=status, owning_organisation=organisation, startdate=day)
        for _ in range(count)
    )


def test_support_filters_the_dashboard_with_the_keyboard(page, support, organisation, other_organisation, mailoutbox):
    add(organisation, datetime.date(2025, 5, 1), 4)
    add(organisation, datetime.date(2026, 5, 1), 1)
    add(other_organisation, datetime.date(2026, 8, 1), 2, LogStatus.IN_PROGRESS)
    sign_in(page, support.email, outbox=mailoutbox)
    visit(page, "/collection/completeness")
    heading(page, "Completeness")
    chart = page.locator("img.app-chart__image")
    expect(chart).to_have_attribute(
        "alt",
        "Lettings logs per quarter, 2026 to 2027. quarter 1: 1 completed, 0 in progress, 4 expected; quarter 2: "
        "0 completed, 2 in progress, 0 expected; quarter 3: 0 completed, 0 in progress, 0 expected; quarter 4: "
        "0 completed, 0 in progress, 0 expected.",
    )
    expect(page.get_by_role("table").first).to_contain_text("Quarter 1 (April to June)")
    rows = page.locator("table").nth(1).locator("tbody tr")
    expect(rows.first).to_contain_text("Riverside Homes")  # late: 1 of 4
    page.get_by_label("Type of provider").select_option(label="Local authority")
    page.get_by_role("button", name="Show figures").focus()
    page.keyboard.press("Enter")
    heading(page, "Completeness")
    expect(page.locator("table").nth(1)).to_contain_text("Hilltop Council")
    expect(page.locator("table").nth(1)).not_to_contain_text("Riverside Homes")
    page.set_viewport_size({"width": 320, "height": 800})
    check_page(page)
    with page.expect_download() as fetched:
        page.get_by_role("link", name="Download this table (CSV)").click()
    assert fetched.value.suggested_filename == "completeness-lettings-2026.csv"


def test_a_coordinator_sees_their_organisation(page, coordinator, organisation):
    add(organisation, datetime.date(2025, 5, 1), 2)
    sign_in(page, coordinator.email)
    page.get_by_role("link", name="Completeness").first.click()
    heading(page, "Your organisation's completeness")
    expect(page.get_by_role("link", name="tell us there were none")).to_be_visible()


def test_the_history_of_a_log(page, provider, coordinator):
    log = create_log(provider).log
    save_answers(log, {"startdate": datetime.date(2026, 11, 2), "needstype": 1}, provider)
    sign_in(page, coordinator.email)
    visit(page, f"/lettings-logs/{log.pk}")
    page.get_by_role("link", name="View this log's history").focus()
    page.keyboard.press("Enter")
    heading(page, f"History of log {log.pk}")
    expect(page.get_by_text("General needs")).to_be_visible()
    page.set_viewport_size({"width": 320, "height": 800})
    check_page(page)
