"""Bulk upload in a browser: prepare, upload, errors, the fix choice, the deletion report and the logs to fix.

Every page passes axe. The job runs at once (the tests' immediate task backend); the engine is the stand-in of
tests/bulkupload/service/fakes.py (a file names its rows' answers and errors) until the 2026 template is declared.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from collect.bulkupload import engine, links
from collect.bulkupload.models import BulkUpload, UploadStatus
from collect.logs.models import Log
from collect.organisations.actions import accept_data_sharing_agreement
from collect.refdata.models import LocalAuthority
from tests.browser.conftest import check_page, visit
from tests.browser.test_accounts import sign_in, sign_out
from tests.bulkupload.service import fakes
from tests.bulkupload.service.conftest import complete, make_upload

pytestmark = pytest.mark.django_db(transaction=True)

MISSING = [[20, "T", "not_answered", "You must answer the number of bedrooms.", False]]


@pytest.fixture
def uploading(provider, coordinator, monkeypatch, settings, tmp_path):
    LocalAuthority.objects.create(code="E08000035", name="Leeds", start_year=2021)
    coordinator.is_dpo = True
    coordinator.save()
    accept_data_sharing_agreement(coordinator, provider.organisation)
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {**settings.STORAGES["default"], "OPTIONS": {"location": str(tmp_path)}},
    }
    monkeypatch.setattr(engine, "check_file", fakes.check_file)
    monkeypatch.setattr(engine, "mark_existing_duplicates", fakes.mark_existing_duplicates)
    return provider


def heading(page: Page, text: str) -> None:
    expect(page.get_by_role("heading", level=1)).to_contain_text(text)
    check_page(page)


def test_a_provider_uploads_a_file_and_fixes_its_errors_in_the_service(page, uploading, tmp_path):
    organisation = uploading.organisation
    rows = [
        {
            "answers": complete(organisation, uploading, beds=None, tenancycode="T1"),
            "errors": MISSING,
            "cleared": {"beds": 12},
        },
        {"answers": complete(organisation, uploading, tenancycode="T2")},
    ]
    upload_file = tmp_path / "our-logs.csv"
    upload_file.write_bytes(fakes.file_of(*rows))
    sign_in(page, uploading.email)
    visit(page, "/lettings-logs")
    page.get_by_role("link", name="Upload lettings logs in bulk").click()
    heading(page, "Prepare your file")
    page.get_by_role("button", name="Continue").click()
    heading(page, "Upload your file")
    page.get_by_role("button", name="Upload", exact=True).click()
    expect(page.get_by_text("There is a problem")).to_be_visible()
    check_page(page)
    page.get_by_label("Upload your file").set_input_files(str(upload_file))
    page.get_by_role("button", name="Upload", exact=True).click()
    heading(page, "How would you like to fix the errors?")
    page.get_by_role("link", name="See every error, row by row").click()
    heading(page, "Error report for our-logs.csv")
    expect(page.get_by_text("You must answer the number of bedrooms.")).to_be_visible()
    page.go_back()
    page.get_by_label("Upload these logs and fix the errors in the service").check()
    page.get_by_role("button", name="Continue").click()
    heading(page, "These answers will be cleared")
    page.get_by_role("button", name="Upload these logs").click()
    heading(page, "Lettings logs")
    expect(
        page.get_by_text("You have uploaded 2 logs. There are errors in 1 logs, and 1 errors in total.")
    ).to_be_visible()
    assert Log.objects.visible().count() == 2


def test_the_other_result_pages_pass_axe(page, uploading, support, mailoutbox):
    organisation = uploading.organisation
    checking = make_upload(
        uploading, organisation, b"x", status=UploadStatus.PROCESSING, rows_checked=10, total_rows=20
    )
    setup = [[1, "B", "setup", "You must answer owning organisation.", True]]
    failing = make_upload(
        uploading, organisation, fakes.file_of({"answers": complete(organisation, uploading), "errors": setup})
    )
    warning = make_upload(
        uploading, organisation, fakes.file_of({"answers": complete(organisation, uploading, ecstat1=5)})
    )
    from collect.bulkupload import tasks

    tasks.run(failing.pk)
    tasks.run(warning.pk)
    sign_in(page, uploading.email)
    # The checking page refreshes itself (a Refresh header: no JavaScript) until people turn that off (WCAG 2.2.1).
    response = page.goto(links.upload_url(checking, "status"))
    assert response is not None
    assert response.headers.get("refresh") == "2"
    expect(page.get_by_text("10 of 20 rows checked")).to_be_visible()
    expect(page.get_by_role("link", name="Stop updating this page")).to_be_visible()
    response = page.goto(links.upload_url(checking, "status") + "?updates=off")
    assert response is not None
    assert "refresh" not in response.headers
    check_page(page)
    expect(page.get_by_text("10 of 20 rows checked")).to_be_visible()
    visit(page, links.upload_url(failing, "status"))
    heading(page, "Correct the errors in your file")
    visit(page, links.upload_url(warning, "status"))
    heading(page, "Are these fields correct?")
    page.get_by_label("Yes, these answers are correct").check()
    page.get_by_role("button", name="Continue").click()
    heading(page, "Lettings logs")
    assert BulkUpload.objects.get(pk=warning.pk).choice == "soft_confirmed"
    sign_out(page)
    sign_in(page, support.email, outbox=mailoutbox)
    visit(page, "/bulk-uploads")
    expect(page.get_by_role("region", name="Bulk uploads").get_by_text("Set-up errors")).to_be_visible()
