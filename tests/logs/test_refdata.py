"""Reference data for the rulebook from the database: looked up once, or all held up front."""

from __future__ import annotations

from decimal import Decimal

from collect.logs.refdata import DatabaseReferenceData
from collect.refdata.models import LocalAuthority, RentRange


def test_after_preload_nothing_is_queried(db, django_assert_num_queries):
    LocalAuthority.objects.create(code="E08000035", name="Leeds", start_year=2021)
    RentRange.objects.create(
        start_year=2026,
        lettype=1,
        la="E08000035",
        beds=2,
        soft_min=Decimal("80"),
        soft_max=Decimal("150"),
        hard_min=Decimal("40"),
        hard_max=Decimal("300"),
    )
    refdata = DatabaseReferenceData()
    refdata.preload()
    with django_assert_num_queries(0):
        assert refdata.local_authority("E08000035").name == "Leeds"
        assert refdata.local_authority("E09999999") is None
        assert refdata.rent_range(2026, 1, "E08000035", 2).soft_max == Decimal("150")
        assert refdata.rent_range(2026, 1, "E08000035", 3) is None
