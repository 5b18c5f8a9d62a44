"""Finding a property's address: the pluggable address lookup, and how what it finds becomes a log's answers.

The service looks addresses up (platform.md §9; lettings-2026.md §4.1 steps 9–10), not the rulebook: what it finds
is written as the answers `uprn` and the address lines before the rulebook runs. Which lookup is used is a setting
(`ADDRESS_LOOKUP`); with none configured, people enter the address by hand.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol

from django.conf import settings
from django.utils.module_loading import import_string


@dataclass(frozen=True)
class Address:
    """One address as a lookup returns it."""

    uprn: str
    address_line1: str
    address_line2: str
    town_or_city: str
    postcode: str

    @property
    def label(self) -> str:
        """The address on one line, as a person reads it in a list of results."""
        parts = (self.address_line1, self.address_line2, self.town_or_city, self.postcode)
        return ", ".join(part for part in parts if part)

    def answers(self) -> dict[str, Any]:
        """The log's answers for this address (the county is not given by a lookup, so it is cleared)."""
        return {
            "uprn": self.uprn,
            "address_line1": self.address_line1,
            "address_line2": self.address_line2 or None,
            "town_or_city": self.town_or_city,
            "county": None,
            "postcode_full": self.postcode,
        }


class LookupUnavailableError(Exception):
    """The lookup could not answer (down, refused the key, timed out): people can still enter the address."""


class AddressLookup(Protocol):
    """Finds addresses by what a person typed, or by UPRN."""

    def search(self, query: str) -> list[Address]:
        """Up to 10 addresses that match an address or a UPRN, best first."""
        ...

    def by_uprn(self, uprn: str) -> Address | None:
        """The address with this UPRN, or None when there is none."""
        ...


def configured() -> AddressLookup | None:
    """The address lookup of this installation, or None when addresses are entered by hand."""
    factory_path = getattr(settings, "ADDRESS_LOOKUP", "")
    if not factory_path:
        return None
    factory = import_string(factory_path)
    lookup: AddressLookup = factory()
    return lookup


def looks_like_uprn(query: str) -> bool:
    """A query of digits only, longer than 5, is taken as a UPRN (platform.md §9)."""
    return query.isdigit() and len(query) > 5
