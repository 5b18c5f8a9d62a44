"""Organisations in the browser: support creates and edits one; a DPO accepts the data sharing agreement."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from collect.accounts.models import Role, User
from collect.accounts.policy import can_create_logs
from collect.organisations.actions import accept_data_sharing_agreement
from collect.organisations.models import Organisation, OrganisationRelationship
from tests.browser.conftest import check_page, visit
from tests.browser.test_accounts import sign_in, sign_out

pytestmark = pytest.mark.django_db(transaction=True)


def test_support_creates_an_organisation_and_changes_its_name(page, support, organisation, mailoutbox):
    sign_in(page, support.email, outbox=mailoutbox)
    visit(page, "/organisations")
    page.get_by_role("button", name="Create an organisation").click()
    check_page(page)
    page.get_by_role("button", name="Create organisation").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter the organisation's name")
    check_page(page)
    page.get_by_label("Name", exact=True).fill("Harbour Housing")
    page.get_by_label("Private registered provider").check()
    page.locator("#holds_own_stock").check()
    page.get_by_label("Non-profit").check()
    page.get_by_label("Postcode (optional)").fill("bs1 4dj")
    page.get_by_label("Every calendar month").check()
    page.get_by_role("button", name="Create organisation").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Harbour Housing")
    check_page(page)
    created = Organisation.objects.get(name="Harbour Housing")
    assert created.postcode == "BS1 4DJ"
    page.get_by_role("link", name="Change the name from a date").click()
    check_page(page)
    page.get_by_label("New name").fill("Harbour Homes")
    page.get_by_label("From another date").check()
    page.get_by_role("textbox", name="Day").fill("1")
    page.get_by_label("Month").fill("4")
    page.get_by_label("Year").fill("2030")
    page.get_by_role("button", name="Save name change").click()
    expect(page.get_by_text("Harbour Homes from 1 April 2030")).to_be_visible()
    check_page(page)
    page.get_by_role("link", name="Deactivate this organisation").click()
    check_page(page)
    page.get_by_role("button", name="Deactivate this organisation").click()
    expect(page.get_by_text("Deactivated").first).to_be_visible()
    assert not Organisation.objects.get(pk=created.pk).active


def test_dpo_accepts_the_agreement_and_the_organisation_can_create_logs(page, make_user, organisation):
    dpo = make_user(Role.DATA_COORDINATOR, organisation, is_dpo=True, email="dpo@riverside.example")
    assert not can_create_logs(dpo)
    sign_in(page, dpo.email)
    expect(page.locator(".govuk-notification-banner")).to_contain_text("must accept the data sharing agreement")
    page.get_by_role("link", name="Read and accept the data sharing agreement").click()
    check_page(page)
    page.get_by_role("button", name="Accept this agreement").click()
    expect(page.get_by_text("You have accepted the data sharing agreement")).to_be_visible()
    check_page(page)
    visit(page, "/home")
    expect(page.locator(".govuk-notification-banner")).to_have_count(0)
    assert can_create_logs(User.objects.get(pk=dpo.pk))
    sign_out(page)


def test_coordinator_adds_a_managing_agent(page, coordinator, make_organisation):
    make_organisation("Lettings Agent Ltd", holds_own_stock=False)
    sign_in(page, coordinator.email)
    visit(page, "/organisation")
    page.get_by_role("link", name="Managing agents").click()
    check_page(page)
    page.get_by_role("button", name="Add a managing agent").click()
    check_page(page)
    page.get_by_role("button", name="Add managing agent").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Select an organisation")
    page.get_by_label("Organisation").select_option(label="Lettings Agent Ltd")
    page.get_by_role("button", name="Add managing agent").click()
    expect(page.get_by_text("Lettings Agent Ltd has been added as a managing agent")).to_be_visible()
    check_page(page)
    assert OrganisationRelationship.objects.filter(stock_owner=coordinator.organisation).count() == 1


def test_support_runs_a_merge(page, support, make_organisation, make_user, mailoutbox):
    absorbing = make_organisation("Absorbing Homes", holds_own_stock=True)
    accept_data_sharing_agreement(make_user(Role.DATA_COORDINATOR, absorbing, is_dpo=True), absorbing)
    merging = make_organisation("Merging Homes", holds_own_stock=True)
    mover = make_user(Role.DATA_PROVIDER, merging, email="mover@merging.example")
    sign_in(page, support.email, outbox=mailoutbox)
    visit(page, "/merges")
    page.get_by_role("button", name="Start a new merge").click()
    check_page(page)
    page.get_by_label("Absorbing organisation").select_option(label="Absorbing Homes")
    page.get_by_label("Yes, it is already active").check()
    page.get_by_role("button", name="Continue").click()
    check_page(page)
    page.get_by_label("Add a merging organisation").select_option(label="Merging Homes")
    page.get_by_role("button", name="Add organisation").click()
    expect(page.get_by_text("Merging Homes").first).to_be_visible()
    page.get_by_role("button", name="Continue").click()
    check_page(page)
    page.get_by_role("textbox", name="Day").fill("1")
    page.get_by_role("textbox", name="Month").fill("10")
    page.get_by_role("textbox", name="Year").fill("2026")
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("heading", name="What will move")).to_be_visible()
    check_page(page)
    page.get_by_role("button", name="Start the merge").click()
    expect(page.get_by_role("heading", name="What moved")).to_be_visible()
    check_page(page)
    assert User.objects.get(pk=mover.pk).organisation == absorbing
