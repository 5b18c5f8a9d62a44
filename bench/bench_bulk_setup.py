"""Set-up for bench/bulk_upload.py: a fresh database with the uploader, their organisation (ORG1) and scheme (S1).

Kept apart from the benchmark so the timed part is only the service's own pipeline.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from pathlib import Path
from typing import Any

from django.core.files.base import ContentFile
from django.core.management import call_command
from django.utils import timezone

from collect.accounts.models import Role, User
from collect.bulkupload.models import BulkUpload
from collect.bulkupload.tasks import run
from collect.organisations.models import DataSharingAgreement, Organisation, ProviderType
from collect.schemes.models import Location, Scheme
from tests.schemes.factories import COMPLETE_LOCATION, COMPLETE_SCHEME

EMAIL = "bench@collect.example"


def prepare_upload(path: Path) -> tuple[BulkUpload, Callable[[BulkUpload], Any]]:
    """The upload of a file, ready to process, and the function that processes it (the background job's body)."""
    call_command("import_refdata", verbosity=0)
    organisation = Organisation.objects.create(
        pk=1, name="Bench Homes", provider_type=ProviderType.PRIVATE_REGISTERED_PROVIDER
    )
    user = User.objects.create_user(
        email=EMAIL, name="Bench Officer", password=None, role=Role.DATA_COORDINATOR, organisation=organisation
    )
    DataSharingAgreement.objects.create(
        organisation=organisation,
        accepted_at=timezone.now(),
        accepted_by=user,
        organisation_name=organisation.name,
        dpo_name="Data Protection Officer",
        dpo_email="dpo@collect.example",
    )
    scheme = Scheme.objects.create(pk=1, owning_organisation=organisation, confirmed=True, **COMPLETE_SCHEME)
    location = {**COMPLETE_LOCATION, "postcode": "LS1 1AA", "local_authority_code": "E08000035"}
    Location.objects.create(pk=1, scheme=scheme, confirmed=True, startdate=datetime.date(2026, 4, 1), **location)
    data = path.read_bytes()
    upload = BulkUpload.objects.create(
        kind="lettings",
        collection="lettings-2026",
        uploaded_by=user,
        organisation=organisation,
        filename=path.name,
        file=ContentFile(data, name=path.name),
        size=len(data),
    )
    return upload, lambda found: run(found.pk)
