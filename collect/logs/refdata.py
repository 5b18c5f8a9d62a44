"""Reference data for the rulebook from the database (imported by `manage.py import_refdata`)."""

from __future__ import annotations

from collect.refdata import models
from collect.standards import postcodes
from collect.standards.facts import LocalAuthorityFacts
from collect.standards.lettings.context import RentRange
from collect.standards.sales.context import SaleRange


class DatabaseReferenceData:
    """Local authorities, postcodes, rent and sale ranges, each looked up once per instance (make one per request).

    It serves both kinds of log: lettings rules ask for rent ranges, sales rules for sale ranges.
    """

    def __init__(self) -> None:
        self._authorities: dict[str, LocalAuthorityFacts | None] = {}
        self._rents: dict[tuple[int, int, str, int], RentRange | None] = {}
        self._sales: dict[tuple[int, str, int], SaleRange | None] = {}
        self._complete = False  # after preload(): what is not held does not exist, and nothing is queried

    def preload(self) -> None:
        """Hold every local authority, rent and sale range, so later look-ups never query (e.g. in forked processes)."""
        for la in models.LocalAuthority.objects.all():
            self._authorities[la.code] = LocalAuthorityFacts(la.code, la.name, la.start_year, la.end_year)
        for rent in models.RentRange.objects.all():
            key = (rent.start_year, rent.lettype, rent.la, rent.beds)
            self._rents[key] = RentRange(rent.soft_min, rent.soft_max, rent.hard_min, rent.hard_max)
        for sale in models.SaleRange.objects.all():
            self._sales[(sale.start_year, sale.la, sale.bedrooms)] = SaleRange(sale.soft_min, sale.soft_max)
        self._complete = True

    def local_authority(self, code: str) -> LocalAuthorityFacts | None:
        """A local authority by ONS code."""
        if code not in self._authorities:
            if self._complete:
                return None
            found = models.LocalAuthority.objects.filter(code=code).first()
            self._authorities[code] = (
                LocalAuthorityFacts(found.code, found.name, found.start_year, found.end_year) if found else None
            )
        return self._authorities[code]

    def local_authority_for_postcode(self, postcode: str) -> str | None:
        """The local authority of a postcode, from the ONS postcode directory shipped offline."""
        return postcodes.local_authority_code(postcode)

    def rent_range(self, start_year: int, lettype: int, la: str, beds: int) -> RentRange | None:
        """The published rent range, if there is one."""
        key = (start_year, lettype, la, beds)
        if key not in self._rents:
            if self._complete:
                return None
            found = models.RentRange.find(start_year, lettype, la, beds)
            self._rents[key] = (
                RentRange(found.soft_min, found.soft_max, found.hard_min, found.hard_max) if found else None
            )
        return self._rents[key]

    def sale_range(self, start_year: int, la: str, beds: int) -> SaleRange | None:
        """The published purchase price range for a collection year, local authority and bedrooms (1 to 4), if any."""
        key = (start_year, la, beds)
        if key not in self._sales:
            if self._complete:
                return None
            found = models.SaleRange.find(start_year, la, beds)
            self._sales[key] = SaleRange(found.soft_min, found.soft_max) if found else None
        return self._sales[key]
