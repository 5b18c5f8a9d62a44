"""Reference data read straight from the published files, for the command-line checker (no database).

Reads `local_authorities.csv` (with any `local_authorities_*_changes.csv`) and `rent_ranges_YYYY.csv` from a folder
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


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return [{k.strip(): (v or "").strip() for k, v in row.items() if k} for row in csv.DictReader(handle)]


@dataclass
class FileReferenceData:
    """Local authorities and rent ranges from a folder of published files."""

    folder: Path
    _authorities: dict[str, LocalAuthorityFacts] = field(default_factory=dict, init=False)
    _rents: dict[tuple[int, int, str, int], RentRange] = field(default_factory=dict, init=False)

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
        for path in self.folder.glob("rent_ranges_*.csv"):
            match = re.search(r"(\d{4})", path.stem)
            if not match:
                continue
            year = int(match.group(1))
            for row in _rows(path):
                key = (year, int(row["lettype"]), row["la"], int(row["beds"]))
                self._rents[key] = RentRange(
                    Decimal(row["soft_min"]),
                    Decimal(row["soft_max"]),
                    Decimal(row["hard_min"]),
                    Decimal(row["hard_max"]),
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
