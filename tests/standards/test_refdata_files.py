"""Reference data read straight from the published files (the command-line checker's)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from django.conf import settings

from collect.standards.lettings.context import RentRange
from collect.standards.refdata_files import FileReferenceData
from collect.standards.sales.context import SaleRange

SALE_HEADER = "la_name,la,bedrooms,soft_min,soft_max\n"
RENT_HEADER = "lettype,la,beds,soft_min,soft_max,hard_min,hard_max\n"


def test_sale_ranges_by_collection_year_local_authority_and_bedrooms(tmp_path: Path):
    (tmp_path / "sale_ranges_2026.csv").write_text(
        "\ufeff" + SALE_HEADER + "Leeds,E08000035,1,80000,300000\nLeeds,E08000035,4,140000,450000\n",
        encoding="utf-8",
    )
    (tmp_path / "sale_ranges_2025.csv").write_text(SALE_HEADER + "Leeds,E08000035,1,75000,290000\n", encoding="utf-8")
    (tmp_path / "sale_ranges_2026_draft.csv").write_text(SALE_HEADER + "Leeds,E08000035,2,1,2\n", encoding="utf-8")
    refdata = FileReferenceData(tmp_path)
    assert refdata.sale_range(2026, "E08000035", 1) == SaleRange(Decimal(80_000), Decimal(300_000))
    assert refdata.sale_range(2026, "E08000035", 4) == SaleRange(Decimal(140_000), Decimal(450_000))
    assert refdata.sale_range(2025, "E08000035", 1) == SaleRange(Decimal(75_000), Decimal(290_000))
    assert refdata.sale_range(2026, "E08000035", 2) is None, "only sale_ranges_YYYY.csv files are read"
    assert refdata.sale_range(2024, "E08000035", 1) is None


def test_rent_and_sale_ranges_are_read_side_by_side(tmp_path: Path):
    (tmp_path / "rent_ranges_2026.csv").write_text(RENT_HEADER + "1,E08000035,2,80,150,40,500\n", encoding="utf-8")
    (tmp_path / "sale_ranges_2026.csv").write_text(SALE_HEADER + "Leeds,E08000035,2,90000,310000\n", encoding="utf-8")
    refdata = FileReferenceData(tmp_path)
    assert refdata.rent_range(2026, 1, "E08000035", 2) == RentRange(
        Decimal(80), Decimal(150), Decimal(40), Decimal(500)
    )
    assert refdata.sale_range(2026, "E08000035", 2) == SaleRange(Decimal(90_000), Decimal(310_000))


def test_the_published_sale_ranges_are_read():
    refdata = FileReferenceData(Path(settings.COLLECT_REFDATA_DIR))
    # sales-2026.md §4.4's examples
    assert refdata.sale_range(2026, "E09000033", 1) == SaleRange(Decimal(267_909), Decimal(979_182))
    assert refdata.sale_range(2026, "E06000001", 1) == SaleRange(Decimal(53_582), Decimal(231_137))
    assert refdata.sale_range(2025, "E07000223", 1) is not None
    assert refdata.sale_range(2026, "E06000001", 5) is None
