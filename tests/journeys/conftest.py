"""Fixtures of the web journey tests: Leeds as a local authority, and an organisation that has signed its agreement."""

from __future__ import annotations

import pytest

from collect.organisations.actions import accept_data_sharing_agreement


@pytest.fixture(autouse=True)
def leeds(db):
    from collect.refdata.models import LocalAuthority

    return LocalAuthority.objects.create(code="E08000035", name="Leeds", start_year=2021)


@pytest.fixture
def signed_organisation(organisation, coordinator):
    coordinator.is_dpo = True
    coordinator.save()
    accept_data_sharing_agreement(coordinator, organisation)
    return organisation
