from __future__ import annotations

import datetime
from html import unescape

import pytest
from django.urls import reverse
from django.utils import timezone

from collect.accounts.models import Role, User
from collect.audit.models import AuditEvent
from collect.organisations.models import (
    DataSharingAgreement,
    Organisation,
    OrganisationNameChange,
    OrganisationRelationship,
    ProfitStatus,
    ProviderType,
)
from tests.conftest import verified_login

VALID = {
    "name": "Brand New Homes",
    "provider_type": ProviderType.PRIVATE_REGISTERED_PROVIDER,
    "holds_own_stock": "1",
    "profit_status": ProfitStatus.NON_PROFIT,
    "housing_registration_no": "lh1234",
    "address_line1": "1 High Street",
    "postcode": "sw1a1aa",
    "phone": "01632 960 001",
    "rent_periods": ["1", "4"],
}


def page(response) -> str:
    return unescape(response.content.decode())


def test_own_organisation_page(client, provider, related, other_organisation):
    client.force_login(provider)
    response = client.get(reverse("organisations:mine"))
    assert response.url == reverse("organisations:detail", args=[provider.organisation_id])
    assert provider.organisation.name in page(client.get(response.url))
    owners = page(client.get(reverse("organisations:stock-owners", args=[provider.organisation_id])))
    assert other_organisation.name in owners


def test_another_organisation_is_not_found(client, provider, other_organisation):
    client.force_login(provider)
    for name in ("detail", "edit", "stock-owners", "managing-agents", "data-sharing-agreement"):
        assert client.get(reverse(f"organisations:{name}", args=[other_organisation.pk])).status_code == 404, name


def test_support_lists_and_searches_organisations(client, support, organisation, other_organisation):
    verified_login(client, support)
    html = page(client.get(reverse("organisations:list")))
    assert organisation.name in html
    assert f'<a class="govuk-link" href="{reverse("organisations:detail", args=[other_organisation.pk])}">' in html
    found = page(client.get(reverse("organisations:list"), {"q": "hill"}))
    assert other_organisation.name in found
    assert organisation.name not in found


def test_organisation_names_are_unique_ignoring_case(make_organisation):
    from django.db import IntegrityError, transaction

    make_organisation("Acme Homes")
    with pytest.raises(IntegrityError), transaction.atomic():
        make_organisation("ACME homes")


def test_support_creates_an_organisation_with_an_audit_row(client, support):
    verified_login(client, support)
    response = client.post(reverse("organisations:create"), VALID)
    assert response.status_code == 302
    organisation = Organisation.objects.get(name="Brand New Homes")
    assert organisation.postcode == "SW1A 1AA"
    assert organisation.housing_registration_no == "LH1234"
    assert organisation.rent_periods == [1, 4]
    event = AuditEvent.objects.get(target_type="organisation", target_id=organisation.pk)
    assert event.action == "created"
    assert event.actor == support
    detail = page(client.get(response.url))
    assert "History of changes" in detail
    assert "Weekly for 52 weeks" in detail


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"name": ""}, "name", "Enter the organisation's name"),
        ({"provider_type": ""}, "provider_type", "Select the type of provider"),
        ({"provider_type": "7"}, "provider_type", "Select the type of provider from the list"),
        ({"holds_own_stock": ""}, "holds_own_stock", "Select whether the organisation owns housing stock"),
        ({"profit_status": ProfitStatus.LOCAL_AUTHORITY}, "profit_status", "Non-profit’ or ‘Profit"),
        ({"provider_type": ProviderType.LOCAL_AUTHORITY}, "profit_status", "‘Local authority’ as the profit status"),
        ({"postcode": "not a postcode"}, "postcode", "Enter a real postcode"),
        ({"phone": "call me maybe"}, "phone", "Enter a telephone number"),
        ({"rent_periods": []}, "rent_periods", "Select at least one rent period"),
        ({"rent_periods": ["99"]}, "rent_periods", "Select rent periods from the list"),
        ({"housing_registration_no": "LH-12"}, "housing_registration_no", "only letters and numbers"),
        ({"group_with": "999999"}, "group_with", "Select an organisation from the list"),
    ],
)
def test_organisation_form_errors_name_the_field(client, support, change, field, message):
    verified_login(client, support)
    response = client.post(reverse("organisations:create"), {**VALID, **change})
    html = page(response)
    assert response.status_code == 200
    assert f'href="#{field}"' in html
    assert message in html
    assert not Organisation.objects.filter(name="Brand New Homes").exists()


def test_duplicate_name_is_refused(client, support, organisation):
    verified_login(client, support)
    html = page(client.post(reverse("organisations:create"), {**VALID, "name": organisation.name.upper()}))
    assert "An organisation with this name already exists" in html


def test_grouping_gives_both_organisations_one_group_number(client, support, organisation):
    verified_login(client, support)
    client.post(reverse("organisations:create"), {**VALID, "group_with": organisation.pk})
    created = Organisation.objects.get(name="Brand New Homes")
    organisation.refresh_from_db()
    assert created.group == organisation.group
    assert created.group_display.startswith("GROUP")


def test_coordinator_changes_only_contact_details(client, coordinator):
    organisation = coordinator.organisation
    client.force_login(coordinator)
    form = page(client.get(reverse("organisations:edit", args=[organisation.pk])))
    assert 'name="provider_type"' not in form
    response = client.post(
        reverse("organisations:edit", args=[organisation.pk]),
        {
            "phone": "0161 496 0000",
            "rent_periods": ["2"],
            "name": "Smuggled Name",
            "holds_own_stock": "0",
            "provider_type": ProviderType.LOCAL_AUTHORITY,
        },
    )
    assert response.status_code == 302
    organisation.refresh_from_db()
    assert organisation.phone == "0161 496 0000"
    assert organisation.rent_periods == [2]
    assert organisation.name == "Riverside Homes"  # smuggled fields are ignored
    assert organisation.holds_own_stock is True
    assert organisation.provider_type == ProviderType.PRIVATE_REGISTERED_PROVIDER
    changes = AuditEvent.objects.get(target_id=organisation.pk, action="updated").changes
    assert set(changes) == {"phone", "rent_periods"}


def test_provider_cannot_edit(client, provider):
    client.force_login(provider)
    url = reverse("organisations:edit", args=[provider.organisation_id])
    assert client.get(url).status_code == 403
    assert client.post(url, {"phone": "0161 496 0000", "rent_periods": ["2"]}).status_code == 403


def test_name_changes_apply_from_their_date(client, support, organisation):
    verified_login(client, support)
    url = reverse("organisations:name-change", args=[organisation.pk])
    future = timezone.localdate() + datetime.timedelta(days=30)
    response = client.post(
        url,
        {
            "name": "Riverside Living",
            "when": "date",
            "start_date-day": future.day,
            "start_date-month": future.month,
            "start_date-year": future.year,
        },
    )
    assert response.status_code == 302
    organisation.refresh_from_db()
    assert organisation.current_name == "Riverside Homes"
    assert organisation.name_on(future) == "Riverside Living"
    assert organisation.name_on(future - datetime.timedelta(days=1)) == "Riverside Homes"
    change = OrganisationNameChange.objects.get()
    client.post(reverse("organisations:name-change-cancel", args=[organisation.pk, change.pk]))
    assert Organisation.objects.get(pk=organisation.pk).name_on(future) == "Riverside Homes"


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"name": "", "when": "now"}, "name", "Enter the new name"),
        ({"name": "X", "when": ""}, "when", "Select when the new name starts"),
        ({"name": "X", "when": "date"}, "start_date", "Enter the date the new name starts"),
        (
            {"name": "X", "when": "date", "start_date-day": "31", "start_date-month": "2", "start_date-year": "2027"},
            "start_date",
            "as a real date",
        ),
        ({"name": "Riverside Homes", "when": "now"}, "name", "different from the organisation's name"),
    ],
)
def test_name_change_errors(client, support, organisation, data, field, message):
    verified_login(client, support)
    html = page(client.post(reverse("organisations:name-change", args=[organisation.pk]), data))
    assert f'href="#{field}"' in html
    assert message in html


def test_only_support_changes_names(client, coordinator):
    client.force_login(coordinator)
    url = reverse("organisations:name-change", args=[coordinator.organisation_id])
    assert client.post(url, {"name": "Mine Now", "when": "now"}).status_code == 403
    assert not OrganisationNameChange.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_deactivation_cascades_to_users_and_reactivation_restores_them(
    client, support, coordinator, provider, make_user, mailoutbox
):
    organisation = coordinator.organisation
    already_off = make_user(organisation=organisation)
    User.objects.filter(pk=already_off.pk).update(is_active=False)
    verified_login(client, support)
    url = reverse("organisations:status", args=[organisation.pk])
    assert "Are you sure you want to deactivate" in page(client.get(url))
    client.post(url)
    organisation.refresh_from_db()
    assert not organisation.active
    assert not User.objects.filter(organisation=organisation, is_active=True).exists()
    client.post(url)
    assert set(User.objects.filter(organisation=organisation, is_active=True)) == {coordinator, provider}
    assert sorted(m.to[0] for m in mailoutbox) == sorted([coordinator.email, provider.email])


def test_stock_owner_must_hold_stock(client, coordinator, make_organisation):
    no_stock = make_organisation("No Stock Ltd", holds_own_stock=False)
    owner = make_organisation("Big Owner", holds_own_stock=True)
    client.force_login(coordinator)
    url = reverse("organisations:stock-owner-add", args=[coordinator.organisation_id])
    html = page(client.get(url))
    assert "Big Owner" in html
    assert "No Stock Ltd" not in html
    refused = page(client.post(url, {"organisation": no_stock.pk}))
    assert "Select an organisation from the list" in refused
    assert client.post(url, {"organisation": owner.pk}).status_code == 302
    assert OrganisationRelationship.objects.filter(stock_owner=owner, managing_agent=coordinator.organisation).exists()


def test_coordinator_adds_and_removes_a_managing_agent(client, coordinator, make_organisation):
    agent = make_organisation("Agent Ltd", holds_own_stock=False)
    client.force_login(coordinator)
    organisation = coordinator.organisation
    client.post(reverse("organisations:managing-agent-add", args=[organisation.pk]), {"organisation": agent.pk})
    link = OrganisationRelationship.objects.get(stock_owner=organisation, managing_agent=agent)
    listing = page(client.get(reverse("organisations:managing-agents", args=[organisation.pk]), {"q": "agent"}))
    assert "Agent Ltd" in listing
    remove = reverse("organisations:managing-agent-remove", args=[organisation.pk, link.pk])
    assert "Remove Agent Ltd as a managing agent?" in page(client.get(remove))
    client.post(remove)
    assert not OrganisationRelationship.objects.exists()
    assert AuditEvent.objects.filter(action="relationship removed", target_id=agent.pk).exists()


def test_provider_views_but_cannot_change_relationships(client, provider, make_organisation):
    owner = make_organisation("Owner Plc")
    client.force_login(provider)
    organisation = provider.organisation
    assert client.get(reverse("organisations:stock-owners", args=[organisation.pk])).status_code == 200
    url = reverse("organisations:stock-owner-add", args=[organisation.pk])
    assert client.post(url, {"organisation": owner.pk}).status_code == 403
    assert not OrganisationRelationship.objects.exists()


def test_relationship_of_another_organisation_is_not_found(client, coordinator, other_organisation, make_organisation):
    agent = make_organisation("Their Agent")
    link = OrganisationRelationship.objects.create(stock_owner=other_organisation, managing_agent=agent)
    client.force_login(coordinator)
    url = reverse("organisations:managing-agent-remove", args=[coordinator.organisation_id, link.pk])
    assert client.post(url).status_code == 404
    assert OrganisationRelationship.objects.filter(pk=link.pk).exists()


def test_only_the_dpo_accepts_the_agreement_and_details_are_kept(client, coordinator, make_user):
    organisation = coordinator.organisation
    url = reverse("organisations:data-sharing-agreement", args=[organisation.pk])
    client.force_login(coordinator)
    assert "Only the data protection officer" in page(client.get(url))
    assert client.post(url).status_code == 403
    dpo = make_user(Role.DATA_PROVIDER, organisation, is_dpo=True, name="Dee Pio")
    client.force_login(dpo)
    assert "Accept this agreement" in page(client.get(url))
    assert client.post(url).status_code == 302
    agreement = DataSharingAgreement.objects.get(organisation=organisation)
    assert (agreement.dpo_name, agreement.dpo_email, agreement.organisation_name) == (
        "Dee Pio",
        dpo.email,
        organisation.name,
    )
    assert "Accepted on" in page(client.get(url))
    assert client.post(url).status_code == 403  # accepted once


def test_dpo_of_another_organisation_cannot_accept(client, other_organisation, make_user, organisation):
    dpo = make_user(Role.DATA_COORDINATOR, other_organisation, is_dpo=True)
    client.force_login(dpo)
    assert client.post(reverse("organisations:data-sharing-agreement", args=[organisation.pk])).status_code == 404
