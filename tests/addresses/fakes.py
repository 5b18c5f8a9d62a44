"""An address lookup that answers from a few addresses held in memory, for tests (settings.ADDRESS_LOOKUP)."""

from __future__ import annotations

from collect.addresses.lookup import Address, LookupUnavailableError

ADDRESSES = [
    Address("100023336956", "1, Victoria Road", "", "Leeds", "LS1 1AA"),
    Address("100023336957", "2, Victoria Road", "", "Leeds", "LS1 1AA"),
    Address("100023336958", "Flat 3, Rose Court, 9 High Street", "Headingley", "Leeds", "LS1 1AA"),
]
BROKEN = False  # set True to make every call fail as a lookup that is down


class FakeLookup:
    def search(self, query: str) -> list[Address]:
        if BROKEN:
            raise LookupUnavailableError("down")
        words = query.lower().split()
        return [a for a in ADDRESSES if a.uprn == query or all(w in a.label.lower() for w in words)]

    def by_uprn(self, uprn: str) -> Address | None:
        if BROKEN:
            raise LookupUnavailableError("down")
        return next((a for a in ADDRESSES if a.uprn == uprn), None)
