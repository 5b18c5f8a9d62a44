"""Which address lookup is used: none unless configured."""

from __future__ import annotations

from collect.addresses import lookup
from collect.addresses.os_places import OsPlaces


def test_no_lookup_is_configured_by_default(settings):
    settings.ADDRESS_LOOKUP = ""
    assert lookup.configured() is None


def test_the_os_places_client_is_built_from_the_settings(settings):
    settings.ADDRESS_LOOKUP = "collect.addresses.os_places.from_settings"
    settings.OS_PLACES_KEY = "key"
    settings.OS_PLACES_URL = "https://places.test/v1"
    found = lookup.configured()
    assert isinstance(found, OsPlaces)
    assert found.key == "key"
    assert found.base_url == "https://places.test/v1"


def test_uprns_are_long_numbers():
    assert lookup.looks_like_uprn("10010457355")
    assert not lookup.looks_like_uprn("12345")
    assert not lookup.looks_like_uprn("1 Victoria Road")
