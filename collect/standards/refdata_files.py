"""Reference data read straight from the published files, for the command-line checker (no database).

Reads `local_authorities.csv` (with any `local_authorities_*_changes.csv`), `rent_ranges_YYYY.csv` and
`sale_ranges_YYYY.csv` from a folder
in the formats described in shared/refdata/README.md, and looks postcodes up offline (collect.standards.postcodes).
The service itself reads the same data from the tables `manage.py import_refdata` fills, which also validates the
files strictly; this reader trusts them.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from collect.standards import postcodes
from collect.standards.facts import LocalAuthorityFacts
from collect.standards.lettings.context import RentRange
from collect.standards.sales.context import SaleRange


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return [{k.strip(): (v or "").strip() for k, v in row.items() if k} for row in csv.DictReader(handle)]


def _yearly(folder: Path, name: str) -> list[tuple[int, Path]]:
    """The files `<name>_YYYY.csv` in a folder, with their collection year."""
    found = []
    for path in sorted(folder.glob(f"{name}_*.csv")):
        match = re.fullmatch(rf"{name}_(\d{{4}})", path.stem)
        if match:
            found.append((int(match.group(1)), path))
    return found


@dataclass
class FileReferenceData:
    """Local authorities, rent ranges and sale ranges from a folder of published files."""

    folder: Path
    _authorities: dict[str, LocalAuthorityFacts] = field(default_factory=dict, init=False)
    _rents: dict[tuple[int, int, str, int], RentRange] = field(default_factory=dict, init=False)
    _sales: dict[tuple[int, str, int], SaleRange] = field(default_factory=dict, init=False)

    def __post_init__(self) -> None:
        files = [self.folder / "local_authorities.csv", *sorted(self.folder.glob("local_authorities_*_changes.csv"))]
        for path in files:
            if not path.exists():
                continue
            for row in _rows(path):
                end = row.get("end_year") or None
                self._authorities[row["code"]] = LocalAuthorityFacts(
                    row["code"], row["name"], int(row["start_year"]), int(end) if end else None
                )
        for year, path in _yearly(self.folder, "rent_ranges"):
            for row in _rows(path):
                key = (year, int(row["lettype"]), row["la"], int(row["beds"]))
                self._rents[key] = RentRange(
                    Decimal(row["soft_min"]),
                    Decimal(row["soft_max"]),
                    Decimal(row["hard_min"]),
                    Decimal(row["hard_max"]),
                )
        for year, path in _yearly(self.folder, "sale_ranges"):
            for row in _rows(path):
                self._sales[(year, row["la"], int(row["bedrooms"]))] = SaleRange(
                    Decimal(row["soft_min"]), Decimal(row["soft_max"])
                )

    def local_authority(self, code: str) -> LocalAuthorityFacts | None:
        """A local authority by ONS code."""
        return self._authorities.get(code)

    def local_authority_for_postcode(self, postcode: str) -> str | None:
        """The local authority of a postcode, from the offline ONS data."""
        return postcodes.local_authority_code(postcode)

    def rent_range(self, start_year: int, lettype: int, la: str, beds: int) -> RentRange | None:
        """The rent range for a collection year, letting type, local authority and bedrooms."""
        return self._rents.get((start_year, lettype, la, beds))

    def sale_range(self, start_year: int, la: str, beds: int) -> SaleRange | None:
        """The purchase price range for a collection year, local authority and bedrooms (1 to 4)."""
        return self._sales.get((start_year, la, beds))
