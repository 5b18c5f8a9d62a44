from __future__ import annotations

from django.urls import reverse

from collect.accounts.models import Role
from collect.accounts.policy import can_create_logs
from collect.organisations.banners import organisation_banners
from collect.organisations.models import DataSharingAgreement, OrganisationRelationship


def accept(organisation, dpo):
    from collect.organisations.actions import accept_data_sharing_agreement

    accept_data_sharing_agreement(dpo, organisation)


def test_dpo_is_asked_to_accept(make_user, organisation):
    dpo = make_user(Role.DATA_COORDINATOR, organisation, is_dpo=True)
    [banner] = organisation_banners(dpo)
    assert "Read and accept the data sharing agreement" in banner
    assert not can_create_logs(dpo)
    accept(organisation, dpo)
    assert organisation_banners(dpo) == []
    assert can_create_logs(dpo)


def test_others_are_told_who_their_dpo_is(make_user, organisation, provider):
    make_user(Role.DATA_COORDINATOR, organisation, is_dpo=True, name="Dana Officer")
    [banner] = organisation_banners(provider)
    assert "Dana Officer" in banner


def test_no_dpo_means_contact_the_helpdesk(provider):
    [banner] = organisation_banners(provider)
    assert "does not have a data protection officer" in banner


def test_organisation_without_stock_needs_a_stock_owner_that_accepted(make_user, make_organisation):
    agent = make_organisation("Agent", holds_own_stock=False)
    dpo = make_user(Role.DATA_COORDINATOR, agent, is_dpo=True)
    accept(agent, dpo)
    assert not can_create_logs(dpo)
    assert "does not own stock" in organisation_banners(dpo)[0]
    owner = make_organisation("Owner", holds_own_stock=True)
    OrganisationRelationship.objects.create(stock_owner=owner, managing_agent=agent)
    assert organisation_banners(dpo) == []
    assert not can_create_logs(dpo)  # the stock owner has not accepted yet
    accept(owner, make_user(Role.DATA_COORDINATOR, owner, is_dpo=True))
    assert can_create_logs(dpo)


def test_support_can_always_create_logs(support):
    assert can_create_logs(support)
    assert organisation_banners(support) == []


def test_home_page_shows_the_banner(client, make_user, organisation):
    dpo = make_user(Role.DATA_COORDINATOR, organisation, is_dpo=True)
    client.force_login(dpo)
    html = client.get(reverse("web:home")).content.decode()
    assert "Read and accept the data sharing agreement" in html
    assert not DataSharingAgreement.objects.exists()
