"""A data coordinator sets up a scheme with two locations and deactivates one, as a person in a browser does."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from collect.accounts.models import Role
from collect.schemes.models import Scheme
from tests.browser.conftest import check_page, visit
from tests.conftest import PASSWORD
from tests.schemes.factories import add_local_authorities, make_scheme, open_year_start

pytestmark = pytest.mark.django_db(transaction=True)


def sign_in(page: Page, email: str) -> None:
    visit(page, "/account/sign-in")
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Manage")


def heading(page: Page, text: str) -> None:
    expect(page.get_by_role("heading", level=1)).to_contain_text(text)
    check_page(page)


def choose(page: Page, legend: str, answer: str) -> None:
    page.get_by_role("group", name=legend).get_by_label(answer, exact=True).check()


def fill_date(page: Page, day: datetime.date) -> None:
    page.get_by_label("Day", exact=True).fill(str(day.day))
    page.get_by_label("Month", exact=True).fill(str(day.month))
    page.get_by_label("Year", exact=True).fill(str(day.year))


def add_location(page: Page, postcode: str, name: str, local_authority: str | None = None) -> None:
    page.get_by_role("button", name="Add a location").click()
    heading(page, "What is the postcode?")
    page.get_by_label("What is the postcode?").fill(postcode)
    page.get_by_role("button", name="Save and continue").click()
    if local_authority:
        heading(page, f"What is the local authority of {postcode}?")
        page.get_by_label(f"What is the local authority of {postcode}?").select_option(label=local_authority)
        page.get_by_role("button", name="Save and continue").click()
    heading(page, "What is the name of this location?")
    page.get_by_label("What is the name of this location?").fill(name)
    page.get_by_role("button", name="Save and continue").click()
    heading(page, "How many units are at this location?")
    page.get_by_label("How many units are at this location?").fill("8")
    page.get_by_role("button", name="Save and continue").click()
    heading(page, "What is the most common type of unit at this location?")
    page.get_by_label("Self-contained house").check()
    page.get_by_role("button", name="Save and continue").click()
    heading(page, "What are the mobility standards")
    page.get_by_label("Fitted with equipment and adaptations").check()
    page.get_by_role("button", name="Save and continue").click()
    heading(page, "When did the first property in this location become available")
    fill_date(page, open_year_start())
    page.get_by_role("button", name="Save and continue").click()
    heading(page, "Check your answers before adding this location")
    expect(page.get_by_text(local_authority or "Sheffield (from the postcode)")).to_be_visible()
    page.get_by_role("button", name="Add this location").click()
    expect(page.get_by_text(f"{postcode} has been added to this scheme")).to_be_visible()
    check_page(page)


def test_a_coordinator_creates_a_scheme_with_two_locations(page, make_user, organisation):
    add_local_authorities()
    coordinator = make_user(Role.DATA_COORDINATOR, organisation, email="coord@example.com")
    sign_in(page, coordinator.email)
    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Schemes").click()
    heading(page, "Supported housing schemes")
    page.get_by_role("button", name="Create a new supported housing scheme").click()
    heading(page, "Create a new supported housing scheme")

    page.get_by_role("button", name="Save and continue").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter the scheme name")
    check_page(page)
    page.get_by_label("Scheme name").fill("Riverside Court")
    page.get_by_label("This scheme contains confidential information").check()
    choose(page, "What is this type of scheme?", "Housing for older people")
    choose(page, "Is this scheme regulated by the Care Quality Commission (CQC)?", "No")
    choose(page, "Who provides the support services used by this scheme?", "Another organisation")
    page.get_by_role("button", name="Save and continue").click()

    heading(page, "What client group is this scheme intended for?")
    page.get_by_label("Older people with support needs").check()
    page.get_by_role("button", name="Save and continue").click()
    heading(page, "Does this scheme provide for another client group?")
    page.get_by_label("Yes").check()
    page.get_by_role("button", name="Save and continue").click()
    heading(page, "What is the other client group?")
    page.get_by_label("People with a physical or sensory disability").check()
    page.get_by_role("button", name="Save and continue").click()
    heading(page, "What support does this scheme provide?")
    choose(page, "Level of support given", "Medium level")
    choose(page, "Intended length of stay", "Permanent")
    page.get_by_role("button", name="Save and continue").click()

    heading(page, "Check your answers before creating this scheme")
    page.get_by_role("link", name="Change intended length of stay").click()
    heading(page, "What support does this scheme provide?")
    choose(page, "Intended length of stay", "Medium stay")
    page.get_by_role("button", name="Save changes").click()
    heading(page, "Check your answers before creating this scheme")
    expect(page.get_by_text("Medium stay")).to_be_visible()
    page.get_by_role("button", name="Create scheme").click()

    heading(page, "Riverside Court")
    expect(page.get_by_text("Riverside Court has been created")).to_be_visible()
    add_location(page, "S1 2HH", "Block A")
    add_location(page, "ZZ1 1ZZ", "Block B", local_authority="Leeds")

    heading(page, "Riverside Court")
    expect(page.get_by_text("2 locations")).to_be_visible()
    expect(page.locator(".govuk-summary-list .govuk-tag")).to_have_text("Active")
    scheme = Scheme.objects.get()
    assert scheme.owning_organisation == organisation
    assert scheme.status == "active"
    assert sorted(scheme.locations.values_list("local_authority_code", flat=True)) == ["E08000035", "E08000039"]
    visit(page, "/schemes")
    expect(page.get_by_role("link", name="Riverside Court")).to_be_visible()


def test_deactivating_a_location_from_a_future_date(page, make_user, organisation):
    add_local_authorities()
    coordinator = make_user(Role.DATA_COORDINATOR, organisation, email="coord@example.com")
    scheme = make_scheme(organisation, service_name="Hill House")
    location = scheme.locations.get()
    later = timezone.localdate() + datetime.timedelta(days=45)
    sign_in(page, coordinator.email)
    visit(page, f"/schemes/{scheme.pk}")
    page.get_by_role("link", name=location.postcode).click()
    heading(page, location.postcode)
    page.get_by_role("button", name="Deactivate this location").click()
    heading(page, "When should this change apply?")
    page.get_by_label("From another date").check()
    fill_date(page, later)
    page.get_by_role("button", name="Continue").click()
    long_date = f"{later.day} {later:%B %Y}"
    heading(page, f"Deactivate {location.postcode} from {long_date}")
    page.get_by_role("button", name="Deactivate this location").click()
    heading(page, location.postcode)
    expect(page.get_by_text(f"{location.postcode} will deactivate on {long_date}")).to_be_visible()
    expect(page.locator(".govuk-summary-list .govuk-tag")).to_have_text("Deactivating soon")
    expect(page.get_by_role("button", name="Reactivate this location")).to_be_visible()
    location.refresh_from_db()
    assert location.status_on(later) == "deactivated"


def test_schemes_pages_work_without_javascript_at_320_pixels(browser, live_server, make_user, organisation):
    add_local_authorities()
    coordinator = make_user(Role.DATA_COORDINATOR, organisation, email="coord@example.com")
    scheme = make_scheme(organisation, service_name="Narrow House")
    context = browser.new_context(
        base_url=live_server.url, java_script_enabled=False, viewport={"width": 320, "height": 640}
    )
    page = context.new_page()
    try:
        page.goto("/account/sign-in")
        page.get_by_label("Email address").fill(coordinator.email)
        page.get_by_label("Password", exact=True).fill(PASSWORD)
        page.get_by_role("button", name="Sign in").click()
        for path in ("/schemes", f"/schemes/{scheme.pk}", f"/schemes/{scheme.pk}/deactivate", "/schemes/new"):
            page.goto(path)
            width = page.evaluate("document.documentElement.scrollWidth")
            assert width <= 320, f"{path} is {width}px wide at a 320px viewport"
        page.goto(f"/schemes/{scheme.pk}/deactivate")
        page.get_by_label("From another date").check()
        later = timezone.localdate() + datetime.timedelta(days=10)
        fill_date(page, later)  # the date boxes show without JavaScript
        page.get_by_role("button", name="Continue").click()
        expect(page.get_by_role("heading", level=1)).to_contain_text("Deactivate Narrow House")
    finally:
        context.close()
