"""Logs for list, deletion and duplicate tests, written through the one write path."""

from __future__ import annotations

import datetime
from typing import Any

import pytest

from collect.accounts.models import User
from collect.logs.models import Log
from collect.logs.writing import create_log, save_answers
from collect.organisations.models import Organisation
from collect.standards.lettings.y2026 import examples


@pytest.fixture
def leeds(db: None) -> Any:
    from collect.refdata.models import LocalAuthority

    return LocalAuthority.objects.create(code="E08000035", name="Leeds", start_year=2021)


@pytest.fixture
def signed(organisation: Organisation, coordinator: User) -> Organisation:
    """The organisation, with its data sharing agreement accepted by its coordinator (made its DPO)."""
    from collect.organisations.actions import accept_data_sharing_agreement

    coordinator.is_dpo = True
    coordinator.save()
    accept_data_sharing_agreement(coordinator, organisation)
    return organisation


def complete(organisation: Organisation, user: User, **changes: Any) -> dict[str, Any]:
    """A complete general needs log's answers, owned and managed by an organisation, assigned to a user."""
    return {
        **examples.GENERAL_NEEDS,
        "owning_organisation_id": organisation.pk,
        "managing_organisation_id": organisation.pk,
        "assigned_to_id": user.pk,
        **changes,
    }


def make_log(creator: User, answers: dict[str, Any] | None = None, **changes: Any) -> Log:
    """A log created by a person, then given some answers (default: none beyond the creator's defaults)."""
    log = create_log(creator).log
    if answers is not None or changes:
        save_answers(log, {**(answers or {}), **changes}, creator)
    log.refresh_from_db()
    return log


def move_to_year(log: Log, start: datetime.date) -> Log:
    """Give a log another tenancy start date, as a log of an earlier collection year would have (a test shortcut)."""
    Log.objects.filter(pk=log.pk).update(startdate=start)
    log.refresh_from_db()
    return log
