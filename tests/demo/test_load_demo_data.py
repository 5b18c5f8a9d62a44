from __future__ import annotations

import pytest
from django.core.management import call_command

from collect.accounts.models import Role, User
from collect.demo.data import DEMO_PASSWORD
from collect.organisations.models import Organisation, OrganisationRelationship, ProviderType


@pytest.mark.django_db
def test_demo_data_has_every_kind_of_organisation_and_role_and_is_idempotent(capsys):
    call_command("load_demo_data")
    counts = (Organisation.objects.count(), OrganisationRelationship.objects.count(), User.objects.count())
    call_command("load_demo_data")
    assert (Organisation.objects.count(), OrganisationRelationship.objects.count(), User.objects.count()) == counts
    assert Organisation.objects.filter(provider_type=ProviderType.LOCAL_AUTHORITY, holds_own_stock=True).exists()
    assert Organisation.objects.filter(provider_type=ProviderType.PRIVATE_REGISTERED_PROVIDER).exists()
    assert Organisation.objects.filter(holds_own_stock=False, stock_owner_links__isnull=False).exists()
    assert {u.role for u in User.objects.all()} == set(Role)
    assert {u.organisation.is_department for u in User.objects.filter(role=Role.SUPPORT)} == {True}
    assert Organisation.objects.filter(is_department=True).count() == 1
    assert User.objects.filter(is_dpo=True).exists()
    assert User.objects.filter(is_key_contact=True).exists()
    output = capsys.readouterr().out
    for user in User.objects.all():
        assert user.email in output
        assert user.check_password(DEMO_PASSWORD)


@pytest.mark.django_db
def test_demo_data_is_refused_in_production(settings):
    from django.core.management.base import CommandError

    settings.ENVIRONMENT = "production"
    with pytest.raises(CommandError):
        call_command("load_demo_data")
