"""Who sees and changes which schemes, through stock owner and managing agent relationships."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from collect.accounts.models import Role
from collect.schemes import actions, policy
from tests.schemes.factories import make_scheme


def test_scope_follows_stock_owners_not_managing_agents(coordinator, stranger, related, support):
    # related: the stranger's organisation is a stock owner of the coordinator's organisation.
    agents_scheme = make_scheme(coordinator.organisation)
    owners_scheme = make_scheme(stranger.organisation)
    assert set(policy.schemes_in_scope(coordinator)) == {agents_scheme, owners_scheme}
    assert set(policy.schemes_in_scope(stranger)) == {owners_scheme}
    assert set(policy.schemes_in_scope(support)) == {agents_scheme, owners_scheme}
    assert set(policy.locations_in_scope(stranger)) == set(owners_scheme.locations.all())


def test_a_managing_agent_coordinator_changes_its_stock_owners_scheme(client, coordinator, related, stranger):
    scheme = make_scheme(stranger.organisation, confirmed=False)
    client.force_login(coordinator)
    response = client.post(reverse("schemes:support", args=[scheme.pk]), {"support_type": "4", "intended_stay": "S"})
    assert response.status_code == 302
    scheme.refresh_from_db()
    assert scheme.support_type == 4


def test_the_stock_owner_cannot_reach_its_agents_schemes(client, coordinator, related, stranger):
    scheme = make_scheme(coordinator.organisation)
    client.force_login(stranger)
    assert client.get(reverse("schemes:detail", args=[scheme.pk])).status_code == 404
    assert client.post(reverse("schemes:deactivate", args=[scheme.pk]), {"when": "now"}).status_code == 404


def test_actions_refuse_what_the_role_may_not_change(provider, coordinator):
    scheme = make_scheme(coordinator.organisation)
    with pytest.raises(PermissionDenied):
        actions.update_scheme(provider, scheme, service_name="Sneaky")
    with pytest.raises(PermissionDenied):
        actions.update_scheme(coordinator, scheme, support_type=4)  # confirmed: support only
    with pytest.raises(PermissionDenied):
        actions.create_scheme(coordinator, service_name="x", owning_organisation=provider.organisation, confirmed=True)


def test_actions_refuse_an_owner_outside_the_choices(coordinator, make_organisation):
    elsewhere = make_organisation("Elsewhere")
    with pytest.raises(PermissionDenied):
        actions.create_scheme(coordinator, service_name="x", owning_organisation=elsewhere)
    scheme = make_scheme(coordinator.organisation, confirmed=False)
    with pytest.raises(PermissionDenied):
        actions.update_scheme(coordinator, scheme, owning_organisation=elsewhere)


def test_owner_choices(coordinator, support, related, stranger, make_user, make_organisation):
    no_stock = make_organisation("Agent only", holds_own_stock=False)
    assert set(policy.owning_organisation_choices(coordinator)) == {coordinator.organisation, stranger.organisation}
    assert no_stock not in policy.owning_organisation_choices(support)
    provider = make_user(Role.DATA_PROVIDER, coordinator.organisation)
    assert not policy.owning_organisation_choices(provider).exists()
    assert not policy.can_create_scheme(provider)
