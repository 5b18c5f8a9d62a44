"""Whole lettings logs completed in the browser with the keyboard alone, meeting a hard error and an interruption.

A general needs log and a supported housing log go from "Create a new lettings log" to "Completed". On the way each
meets an answer the rulebook refuses (fixed on the same page) and an interruption screen for a soft check (answered
"No", which goes back to the page to change the answer). Each kind of page is checked with axe and at 320 px.
"""

from __future__ import annotations

import datetime

import pytest
from playwright.sync_api import Page, expect

from collect.logs.models import Log, LogStatus
from collect.organisations.actions import accept_data_sharing_agreement
from collect.refdata.models import LocalAuthority
from collect.standards.lettings.y2026 import examples
from tests.browser.conftest import check_page, visit
from tests.browser.keyboard_form import complete, follow, press, save_and_continue, type_into
from tests.browser.test_lettings_logs import fits_320
from tests.browser.test_schemes import sign_in
from tests.schemes.factories import add_local_authorities, make_scheme

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
    visit(page, "/lettings-logs")
    follow(page, 'button:has-text("Create a new lettings log")')
    return Log.objects.latest("pk")


def void_date_interruption(page: Page) -> None:
    """A void date four years before the tenancy: the interruption screen, 'No', back to the page, fixed."""
    for part, number in (("day", 1), ("month", 9), ("year", 2022)):
        type_into(page, f"#voiddate-{part}", str(number))
    save_and_continue(page)
    expect(page.get_by_text("vacant for more than 2 years")).to_be_visible()
    check_page(page)
    fits_320(page)
    press(page, 'input[name="void_date_value_check"][value="1"]', "Space")  # No
    save_and_continue(page)
    assert page.url.split("?")[0].endswith("/void-date")


def hard_error(page: Page, field: str, wrong: str, message: str) -> None:
    """An answer the rulebook refuses: the error summary links to the field, which keeps what was typed."""
    type_into(page, f"#{field}", wrong)
    page.locator('button:has-text("Save and continue")').focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page.locator(".govuk-error-summary")).to_contain_text(message)
    check_page(page)
    fits_320(page)
    page.locator(".govuk-error-summary a").first.focus()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == field


def finish(page: Page, log: Log) -> None:
    log.refresh_from_db()
    assert log.status == LogStatus.COMPLETED
    visit(page, f"/lettings-logs/{log.pk}")
    expect(page.get_by_text("You have completed 7 of 7 subsections")).to_be_visible()
    fits_320(page)


def test_a_general_needs_log_is_completed_by_keyboard(page, ready):
    log = start_log(page, ready)
    answers = {**examples.GENERAL_NEEDS, "manual_address_entry_selected": True}
    met = set()

    def detour(page: Page, page_id: str) -> None:
        if page_id == "void_date" and "void" not in met:
            met.add("void")
            void_date_interruption(page)
        elif page_id == "household_members" and "members" not in met:
            met.add("members")
            hard_error(page, "hhmemb", "40", "must be between 1 and 15")

    seen = complete(page, log.pk, {**answers, "owning_organisation_id": ready.organisation.pk}, detour)
    assert met == {"void", "members"}
    assert "void_date" in seen
    assert "void_date_value_check" not in seen  # fixed, so no longer asked
    finish(page, log)
    assert log.answers["voiddate"] == "2026-09-01"
    assert log.answers["hhmemb"] == examples.GENERAL_NEEDS["hhmemb"]


def test_a_supported_housing_log_is_completed_by_keyboard(page, ready):
    add_local_authorities()
    scheme = make_scheme(ready.organisation, locations=1)
    location = scheme.locations.get()
    log = start_log(page, ready)
    answers = {
        **examples.SUPPORTED_HOUSING,
        "scheme_id": scheme.pk,
        "location_id": location.pk,
        "manual_address_entry_selected": True,
        "postcode_full": location.postcode,
    }
    met = set()

    def detour(page: Page, page_id: str) -> None:
        if page_id == "void_date" and "void" not in met:
            met.add("void")
            void_date_interruption(page)
        elif page_id == "tenancy_length" and "length" not in met:
            met.add("length")
            hard_error(page, "tenancylength", "120", "between 1 and 99 years")

    seen = complete(page, log.pk, answers, detour)
    assert met == {"void", "length"}
    assert "scheme" in " ".join(seen)
    finish(page, log)
    assert log.answers["needstype"] == 2
    assert log.answers["tenancylength"] == 5
    assert log.answers["startdate"] == datetime.date(2026, 10, 5).isoformat()


def test_address_search_check_errors_and_review_pages_by_keyboard(page, ready, settings):
    settings.ADDRESS_LOOKUP = "tests.addresses.fakes.FakeLookup"
    log = start_log(page, ready)
    from collect.logs.writing import save_answers

    answers = {
        **{k: v for k, v in examples.GENERAL_NEEDS.items() if k not in ("uprn", "address_line1", "postcode_full")},
        "owning_organisation_id": ready.organisation.pk,
        "managing_organisation_id": ready.organisation.pk,
        "assigned_to_id": ready.pk,
        "manual_address_entry_selected": False,
        "majorrepairs": 1,
        "mrcdate": datetime.date(2026, 9, 10),
    }
    save_answers(log, answers, ready)
    visit(page, f"/lettings-logs/{log.pk}/address-search")
    type_into(page, "#query", "victoria road")
    follow(page, 'button:has-text("Search")')
    check_page(page)
    fits_320(page)
    press(page, 'input[name="uprn"][value="100023336957"]', "Space")
    save_and_continue(page)
    log.refresh_from_db()
    assert log.answers["uprn"] == "100023336957"
    visit(page, f"/lettings-logs/{log.pk}/void-date")
    for part, number in (("day", 20), ("month", 9), ("year", 2026)):
        type_into(page, f"#voiddate-{part}", str(number))
    follow(page, 'button:has-text("Save and continue")')
    expect(page.locator(".govuk-error-summary")).to_contain_text("Void date must be before the major repairs date")
    follow(page, 'button:has-text("See all related answers")')
    expect(page.get_by_role("heading", level=1)).to_contain_text("Make sure these answers are correct")
    check_page(page)
    fits_320(page)
    follow(page, '.govuk-summary-list__row:has-text("repairs") a:has-text("Clear")')
    check_page(page)
    fits_320(page)
    follow(page, 'button:has-text("Confirm and continue")')
    expect(page.get_by_text("You have cleared")).to_be_visible()
    log.refresh_from_db()
    assert "mrcdate" not in log.answers
    visit(page, f"/lettings-logs/{log.pk}/review")
    fits_320(page)
