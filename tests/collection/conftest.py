"""Logs for the collection's views: only the typed columns matter to completeness and reminders."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any

import pytest

from collect.logs.models import Log, LogStatus
from collect.organisations.models import Organisation


@pytest.fixture(autouse=True)
def _calendar(db: None) -> None:
    """The standard's dates, as the migration stores them (a test with a flushed database has none)."""
    from collect.collection import calendar

    calendar.seed_defaults()


@pytest.fixture
def add_logs(db: None) -> Callable[..., list[Log]]:
    """Add `count` logs of an organisation on a day with a status (lettings by default)."""

    def add(
        organisation: Organisation,
        day: datetime.date,
        count: int = 1,
        status: str = LogStatus.COMPLETED,
        kind: str = "lettings",
        **fields: Any,
    ) -> list[Log]:
        date_field = "startdate" if kind == "lettings" else "saledate"
        return Log.objects.bulk_create(
            Log(
                kind=kind,
                collection=f"{kind}-2026",
                status=status,
                owning_organisation=organisation,
                managing_organisation=organisation,
                **{date_field: day},
                **fields,
            )
            for _ in range(count)
        )

    return add
