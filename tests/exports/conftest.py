"""Logs to download and export, written through the one write path."""

from __future__ import annotations

from typing import Any

import pytest

from collect.accounts.models import User
from collect.logs.models import Log
from collect.organisations.models import Organisation
from tests.journeys.factories import complete, leeds, make_log

__all__ = ["leeds"]


@pytest.fixture
def lettings_logs(leeds: Any, organisation: Organisation, coordinator: User) -> list[Log]:
    """Two complete general needs logs and one started log of the organisation, assigned to its coordinator."""
    return [
        make_log(coordinator, complete(organisation, coordinator, tenancycode="=HYPERLINK(1)")),
        make_log(coordinator, complete(organisation, coordinator, tenancycode="T2", age1=40)),
        make_log(coordinator, {"owning_organisation_id": organisation.pk, "tenancycode": "T3"}),
    ]
