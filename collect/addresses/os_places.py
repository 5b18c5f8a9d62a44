"""A client for the OS Places API (platform.md §9): address search with `/find`, UPRN lookup with `/uprn`.

England only, 15 second timeout, retried 3 times on connection errors and server errors.
"""

from __future__ import annotations

from typing import Any

import requests
from django.conf import settings
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

from collect.addresses.lookup import Address, LookupUnavailableError, looks_like_uprn

TIMEOUT_SECONDS = 15
MAX_RESULTS = 10
MIN_MATCH = 0.2  # the web search's threshold (bulk upload accepts a best match only from 0.7)
ENGLAND = "COUNTRY_CODE:E"


def from_settings() -> OsPlaces:
    """The client for the key and address in the settings."""
    return OsPlaces(settings.OS_PLACES_KEY, base_url=settings.OS_PLACES_URL)


class OsPlaces:
    """Address search and UPRN lookup against the OS Places API."""

    def __init__(self, key: str, *, base_url: str, session: requests.Session | None = None) -> None:
        self.key = key
        self.base_url = base_url.rstrip("/")
        if session is None:
            session = requests.Session()
            retry = Retry(total=3, backoff_factor=0.3, status_forcelist=(500, 502, 503, 504), allowed_methods=["GET"])
            session.mount("https://", HTTPAdapter(max_retries=retry))
            session.mount("http://", HTTPAdapter(max_retries=retry))
        self.session = session

    def search(self, query: str) -> list[Address]:
        """Addresses matching what was typed: a UPRN is looked up, anything else searched for, best match first."""
        query = " ".join(query.split())
        if not query:
            return []
        found: list[Address] = []
        if query.isdigit():
            address = self.by_uprn(query) if looks_like_uprn(query) else None
            found = [address] if address else []
            if looks_like_uprn(query):
                return found
        params = {"query": query, "maxresults": MAX_RESULTS, "minmatch": MIN_MATCH}
        results = self._get("find", params)
        found += [a for a in (_address(r) for r in results) if a and a.uprn not in {f.uprn for f in found}]
        return found[:MAX_RESULTS]

    def by_uprn(self, uprn: str) -> Address | None:
        """The address with this UPRN, or None when OS Places knows none."""
        if not uprn.isdigit():
            return None
        results = self._get("uprn", {"uprn": uprn})
        return next((a for a in (_address(r) for r in results) if a), None)

    def _get(self, endpoint: str, params: dict[str, Any]) -> list[dict[str, Any]]:
        query = {**params, "key": self.key, "dataset": "DPA", "fq": ENGLAND, "output_srs": "WGS84"}
        try:
            response = self.session.get(f"{self.base_url}/{endpoint}", params=query, timeout=TIMEOUT_SECONDS)
        except requests.RequestException as error:
            raise LookupUnavailableError(f"OS Places did not answer: {error}") from error
        if response.status_code == 400:
            return []  # OS Places answers 400 to a UPRN or query it cannot read: nothing found
        if response.status_code != 200:
            raise LookupUnavailableError(f"OS Places answered {response.status_code}")
        try:
            body = response.json()
        except ValueError as error:
            raise LookupUnavailableError("OS Places answered with something that is not JSON") from error
        results = body.get("results", []) if isinstance(body, dict) else []
        return [r for r in results if isinstance(r, dict)]


def _words(text: str) -> str:
    """OS Places writes addresses in capitals; people read them in title case (postcodes stay as they are)."""
    return " ".join(word.capitalize() if word.isalpha() else word for word in text.split())


def _address(result: dict[str, Any]) -> Address | None:
    record = result.get("DPA")
    if not isinstance(record, dict) or not record.get("UPRN"):
        return None

    def field(name: str) -> str:
        return _words(str(record.get(name) or ""))

    dependent, thoroughfare = field("DEPENDENT_THOROUGHFARE_NAME"), field("THOROUGHFARE_NAME")
    street = " ".join(p for p in (field("BUILDING_NUMBER"), dependent or thoroughfare) if p)
    line1 = ", ".join(p for p in (field("SUB_BUILDING_NAME"), field("BUILDING_NAME"), street) if p)
    line2 = [thoroughfare if dependent else "", field("DOUBLE_DEPENDENT_LOCALITY"), field("DEPENDENT_LOCALITY")]
    return Address(
        uprn=str(record["UPRN"]),
        address_line1=line1 or field("ORGANISATION_NAME"),
        address_line2=", ".join(p for p in line2 if p),
        town_or_city=field("POST_TOWN"),
        postcode=str(record.get("POSTCODE") or "").upper(),
    )
