"""Open data in a browser: support publishes a release with the keyboard; the public pages pass axe, at 320px too.

The release's job runs at once (the tests' immediate task backend) on a few completed logs, so the pages show a
real build: tables, factsheets with their SVG charts and tables, and the method.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from collect.opendata.models import Release
from tests.browser.conftest import check_page, visit
from tests.browser.test_accounts import sign_in
from tests.opendata.conftest import logs, storage  # noqa: F401 - fixtures

pytestmark = pytest.mark.django_db(transaction=True)


def heading(page: Page, text: str) -> None:
    expect(page.get_by_role("heading", level=1)).to_contain_text(text)
    check_page(page)


@pytest.mark.usefixtures("logs")
def test_support_publishes_and_anyone_reads_the_statistics(page: Page, support, mailoutbox) -> None:
    sign_in(page, support.email, outbox=mailoutbox)
    visit(page, "/statistics/releases/manage")
    heading(page, "Publish statistics")
    page.get_by_role("button", name="Publish").focus()
    page.keyboard.press("Enter")
    heading(page, "Publish statistics")  # the error summary, checked by axe
    expect(page.get_by_text("Enter release notes").first).to_be_visible()
    page.get_by_label("2026 to 2027").focus()
    page.keyboard.press("Space")
    page.get_by_label("Release notes").fill("The first release of 2026 to 2027.")
    page.get_by_role("button", name="Publish").focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/manage?queued=*", timeout=120_000)  # the job makes every PDF before the page answers
    heading(page, "Publish statistics")
    release = Release.objects.get()
    assert release.status == "ready", release.error
    page.context.clear_cookies()  # the public pages need no sign-in
    visit(page, "/statistics")
    heading(page, "Social housing lettings and sales statistics")
    page.get_by_role("link", name="2026 to 2027, version 1").click()
    heading(page, "Statistics 2026 to 2027, version 1")
    page.get_by_role("link", name="Barnet").click()
    heading(page, "Barnet: social housing factsheet")
    expect(page.locator("svg[role=img]").first).to_be_visible()
    page.set_viewport_size({"width": 320, "height": 800})
    check_page(page)
    visit(page, f"/statistics/releases/{release.year}/{release.version}/")
    check_page(page)
