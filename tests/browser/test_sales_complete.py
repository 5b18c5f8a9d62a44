"""Whole sales logs completed in the browser with the keyboard alone, one on each route of 2026/27.

A shared ownership initial purchase, a staircasing transaction and a discounted ownership sale each go from
"Create a new sales log" to "Completed" by the same web journey as lettings logs. On the way the initial purchase
meets an answer the rulebook refuses (fixed on the same page) and the staircasing transaction an interruption screen
(answered "No", which goes back to the page to change the answer). Each kind of page is checked with axe, and the
task list and review at 320 px.
"""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Page, expect

from collect.logs.models import Log, LogKind, LogStatus
from collect.organisations.actions import accept_data_sharing_agreement
from collect.refdata.models import LocalAuthority
from collect.standards.sales.y2026 import examples
from tests.browser.conftest import check_page, visit
from tests.browser.keyboard_form import complete, follow, press, save_and_continue, type_into
from tests.browser.test_lettings_logs import fits_320
from tests.browser.test_schemes import sign_in

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def ready(provider, coordinator):
    LocalAuthority.objects.get_or_create(code="E08000035", defaults={"name": "Leeds", "start_year": 2021})
    coordinator.is_dpo = True
    coordinator.save()
    accept_data_sharing_agreement(coordinator, provider.organisation)
    return provider


def start_log(page: Page, provider) -> Log:
    sign_in(page, provider.email)
    visit(page, "/sales-logs")
    follow(page, 'button:has-text("Create a new sales log")')
    log = Log.objects.latest("pk")
    assert log.kind == LogKind.SALES
    return log


def answers_for(example: dict[str, Any], provider) -> dict[str, Any]:
    """An example log as this provider fills it in: their organisation owns and reports the sale."""
    organisation = provider.organisation.pk
    return {**example, "owning_organisation_id": organisation, "managing_organisation_id": organisation}


def finish(page: Page, log: Log, subsections: int) -> None:
    log.refresh_from_db()
    assert log.status == LogStatus.COMPLETED, log.answers
    visit(page, f"/sales-logs/{log.pk}")
    expect(page.get_by_text(f"You have completed {subsections} of {subsections} subsections")).to_be_visible()
    fits_320(page)
    visit(page, f"/sales-logs/{log.pk}/review")
    fits_320(page)


def test_a_shared_ownership_initial_purchase_is_completed_by_keyboard(page, ready):
    log = start_log(page, ready)
    met = set()

    def detour(page: Page, page_id: str) -> None:
        if page_id == "value_shared_ownership" and "value" not in met:
            met.add("value")
            type_into(page, "#value", "5000")
            page.locator('button:has-text("Save and continue")').focus()
            with page.expect_navigation():
                page.keyboard.press("Enter")
            expect(page.locator(".govuk-error-summary")).to_contain_text("£15,000")
            check_page(page)
            fits_320(page)
            page.locator(".govuk-error-summary a").first.focus()
            page.keyboard.press("Enter")
            assert page.evaluate("document.activeElement.id") == "value"

    seen = complete(page, log.pk, answers_for(examples.SHARED_OWNERSHIP, ready), detour, "sales-2026")
    assert met == {"value"}
    assert {"resale", "initial_equity", "monthly_rent", "estate_management_fee"} <= set(seen)
    finish(page, log, 7)
    assert log.answers["value"] == examples.SHARED_OWNERSHIP["value"]
    assert log.ownershipsch == 1


def test_a_staircasing_transaction_is_completed_by_keyboard(page, ready):
    log = start_log(page, ready)
    met = set()

    def detour(page: Page, page_id: str) -> None:
        if page_id == "about_staircasing_not_joint_purchase" and "bought" not in met:
            met.add("bought")
            type_into(page, "#stairbought", "55")
            type_into(page, "#stairowned", "95")
            save_and_continue(page)
            expect(page.get_by_text("Most staircasing transactions are less than 50%")).to_be_visible()
            check_page(page)
            fits_320(page)
            press(page, 'input[name="staircase_bought_value_check"][value="1"]', "Space")  # No
            save_and_continue(page)
            assert page.url.split("?")[0].endswith("/about-staircasing-not-joint-purchase")

    seen = complete(page, log.pk, answers_for(examples.STAIRCASING, ready), detour, "sales-2026")
    assert met == {"bought"}
    assert "staircase_bought_value_check" not in seen  # fixed, so no longer asked
    assert "buyer1_previous_tenure" not in seen  # staircasing skips the household situation
    finish(page, log, 4)
    assert log.answers["stairbought"] == examples.STAIRCASING["stairbought"]


def test_a_discounted_ownership_sale_is_completed_by_keyboard(page, ready):
    log = start_log(page, ready)
    seen = complete(page, log.pk, answers_for(examples.DISCOUNTED_OWNERSHIP, ready), collection="sales-2026")
    assert {"purchase_price", "discount", "mortgage_used_discounted_ownership"} <= set(seen)
    assert "last_accommodation" not in seen  # the property's address is the last settled home
    finish(page, log, 7)
    assert log.answers["ppostcode_full"] == log.answers["postcode_full"]


def test_sales_logs_are_listed_searched_and_filtered_by_keyboard(page, ready):
    log = start_log(page, ready)
    complete(page, log.pk, answers_for(examples.DISCOUNTED_OWNERSHIP, ready), collection="sales-2026")
    visit(page, "/sales-logs")
    type_into(page, "#q", examples.DISCOUNTED_OWNERSHIP["purchid"])
    follow(page, 'button:has-text("Search")')
    expect(page.get_by_role("link", name=f"Log {log.pk}")).to_be_visible()
    expect(page.locator("dt", has_text="Purchaser code").first).to_be_visible()
    check_page(page)
    fits_320(page)
