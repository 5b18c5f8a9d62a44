"""An organisation that may upload (data sharing agreement accepted), the reference data, and the fake engine."""

from __future__ import annotations

from typing import Any

import pytest

from collect.bulkupload import engine
from collect.organisations.actions import accept_data_sharing_agreement
from collect.refdata.models import LocalAuthority
from collect.standards.lettings.y2026 import examples
from tests.bulkupload.service import fakes


@pytest.fixture(autouse=True)
def leeds(db):
    return LocalAuthority.objects.get_or_create(code="E08000035", defaults={"name": "Leeds", "start_year": 2021})[0]


@pytest.fixture
def signed(organisation, coordinator):
    coordinator.is_dpo = True
    coordinator.save()
    accept_data_sharing_agreement(coordinator, organisation)
    return organisation


@pytest.fixture(autouse=True)
def fake_engine(monkeypatch, settings, tmp_path):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {**settings.STORAGES["default"], "OPTIONS": {"location": str(tmp_path / "files")}},
    }
    monkeypatch.setattr(engine, "check_file", fakes.check_file)
    monkeypatch.setattr(engine, "mark_existing_duplicates", fakes.mark_existing_duplicates)


def complete(organisation, user, **changes: Any) -> dict[str, Any]:
    """The general needs example as a row of this organisation, assigned to this user."""
    return {
        **examples.GENERAL_NEEDS,
        "owning_organisation_id": organisation.pk,
        "managing_organisation_id": organisation.pk,
        "assigned_to_id": user.pk,
        **changes,
    }


def make_upload(user, organisation, data: bytes, *, filename: str = "logs.csv", kind: str = "lettings", **fields):
    """A stored upload of this file, queued (not yet processed)."""
    from django.core.files.base import ContentFile

    from collect.bulkupload.models import BulkUpload

    upload = BulkUpload(
        kind=kind, collection=f"{kind}-2026", uploaded_by=user, organisation=organisation, filename=filename, **fields
    )
    upload.file.save(f"{upload.uuid}.csv", ContentFile(data), save=False)
    upload.size = len(data)
    upload.save()
    return upload
