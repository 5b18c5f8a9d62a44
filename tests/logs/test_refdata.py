"""Reference data for the rulebook from the database: looked up once, or all held up front."""

from __future__ import annotations

from decimal import Decimal

from collect.logs.refdata import DatabaseReferenceData
from collect.refdata.models import LocalAuthority, RentRange, SaleRange
from collect.standards.sales.context import SaleRange as SaleRangeFacts


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
    SaleRange.objects.create(
        start_year=2026,
        la="E08000035",
        la_name="Leeds",
        bedrooms=2,
        soft_min=Decimal(90_000),
        soft_max=Decimal(300_000),
    )
    refdata = DatabaseReferenceData()
    refdata.preload()
    with django_assert_num_queries(0):
        assert refdata.local_authority("E08000035").name == "Leeds"
        assert refdata.local_authority("E09999999") is None
        assert refdata.rent_range(2026, 1, "E08000035", 2).soft_max == Decimal("150")
        assert refdata.rent_range(2026, 1, "E08000035", 3) is None
        assert refdata.sale_range(2026, "E08000035", 2) == SaleRangeFacts(Decimal(90_000), Decimal(300_000))
        assert refdata.sale_range(2025, "E08000035", 2) is None


def test_a_sale_range_is_queried_once(db, django_assert_num_queries):
    SaleRange.objects.create(
        start_year=2026, la="E09000033", la_name="Westminster", bedrooms=1, soft_min=267_909, soft_max=979_182
    )
    refdata = DatabaseReferenceData()
    with django_assert_num_queries(2):
        assert refdata.sale_range(2026, "E09000033", 1) == SaleRangeFacts(Decimal(267_909), Decimal(979_182))
        assert refdata.sale_range(2026, "E09000033", 1) is not None
        assert refdata.sale_range(2026, "E09000033", 4) is None
        assert refdata.sale_range(2026, "E09000033", 4) is None
