"""Completed lettings and sales logs across a few local authorities, and storage in a temporary folder."""

from __future__ import annotations

import random
from typing import Any

import pytest

from collect.logs.models import Log, LogKind, LogStatus
from collect.refdata.models import LocalAuthority

AREAS = {
    "E09000001": ("City of London", 3),
    "E09000002": ("Barking and Dagenham", 60),
    "E09000003": ("Barnet", 90),
    "E08000025": ("Birmingham", 150),
    "E06000001": ("Hartlepool", 12),
    "E07000223": ("Adur", 25),
}


def lettings_answers(area: str, rng: random.Random) -> dict[str, Any]:
    needstype = rng.choice([1, 1, 1, 2])
    return {
        "la": area,
        "needstype": needstype,
        "tenancy": rng.choice([4, 6, 2, 7, 7, 7, 8, 5, 3]),
        "rent_type": rng.choice([0, 0, 0, 1, 1, 2, 3, 6]),
        **({"beds": rng.choice([1, 1, 2, 2, 2, 3, 4, 5])} if needstype == 1 else {}),
        "hhtype": rng.choice([1, 2, 3, 3, 4, 5, 6, 9]),
        "ecstat1": rng.choice([1, 2, 4, 5, 6, 8, 0, 10]),
        "reason": rng.choice([50, 9, 48, 12, 16, 20, 1]),
        "wrent": round(rng.uniform(70, 180), 2),
    }


@pytest.fixture
def storage(settings: Any, tmp_path: Any) -> Any:
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": str(tmp_path)}},
    }
    return tmp_path


@pytest.fixture
def logs(db: None, storage: Any) -> list[Log]:
    """Completed logs of 2026/27 (with a deleted and an unfinished one that must not count)."""
    rng = random.Random(11)
    for code, (name, _) in AREAS.items():
        LocalAuthority.objects.get_or_create(code=code, defaults={"name": name, "start_year": 2020})
    made = []
    for code, (_, count) in AREAS.items():
        for _ in range(count):
            made.append(
                Log(
                    kind=LogKind.LETTINGS,
                    collection="lettings-2026",
                    status=LogStatus.COMPLETED,
                    answers=lettings_answers(code, rng),
                )
            )
        for _ in range(count // 3):
            made.append(
                Log(
                    kind=LogKind.SALES,
                    collection="sales-2026",
                    status=LogStatus.COMPLETED,
                    answers={
                        "la": code,
                        "ownershipsch": rng.choice([1, 1, 2]),
                        "value": rng.randrange(90_000, 400_000),
                    },
                )
            )
    extra = lettings_answers("E09000003", rng)
    made.append(Log(kind=LogKind.LETTINGS, collection="lettings-2026", status=LogStatus.DELETED, answers=extra))
    made.append(Log(kind=LogKind.LETTINGS, collection="lettings-2026", status=LogStatus.IN_PROGRESS, answers=extra))
    return Log.objects.bulk_create(made)
