"""The property's address: searched in the configured lookup and picked, or entered by hand when there is none."""

from __future__ import annotations

import pytest

from collect.logs.writing import create_log, save_answers
from collect.standards.lettings.y2026 import examples
from tests.addresses import fakes
from tests.conftest import verified_login

ADDRESS_KEYS = ("uprn", "address_line1", "address_line2", "town_or_city", "county", "postcode_full")


@pytest.fixture
def log(client, provider, signed_organisation):
    verified_login(client, provider)
    log = create_log(provider).log
    answers = {
        **{k: v for k, v in examples.GENERAL_NEEDS.items() if k not in ADDRESS_KEYS},
        "owning_organisation_id": signed_organisation.pk,
        "managing_organisation_id": signed_organisation.pk,
        "assigned_to_id": provider.pk,
        "manual_address_entry_selected": False,
    }
    save_answers(log, answers, provider)
    return log


@pytest.fixture
def lookup(settings, monkeypatch):
    settings.ADDRESS_LOOKUP = "tests.addresses.fakes.FakeLookup"
    monkeypatch.setattr(fakes, "BROKEN", False)


def page(log, query=None):
    url = f"/lettings-logs/{log.pk}/address-search"
    return url + (f"?query={query}" if query is not None else "")


def test_without_a_lookup_the_page_offers_manual_entry_only(client, log, settings):
    settings.ADDRESS_LOOKUP = ""
    body = client.get(page(log)).content.decode()
    assert "Address search is not available" in body
    assert 'name="query"' not in body
    response = client.post(page(log), {"manual_address": "1"})
    assert response["Location"] == f"/lettings-logs/{log.pk}/address"
    log.refresh_from_db()
    assert log.answers["manual_address_entry_selected"] is True


def test_a_search_lists_the_matching_addresses(client, log, lookup):
    body = client.get(page(log, "victoria road")).content.decode()
    assert "2 addresses found" in body
    assert "1, Victoria Road, Leeds, LS1 1AA" in body
    assert 'value="100023336957"' in body


def test_choosing_an_address_saves_it_and_its_local_authority(client, log, lookup):
    response = client.post(page(log), {"uprn": "100023336958"})
    assert response.status_code == 302
    log.refresh_from_db()
    assert log.answers["uprn"] == "100023336958"
    assert log.answers["address_line1"] == "Flat 3, Rose Court, 9 High Street"
    assert log.answers["address_line2"] == "Headingley"
    assert log.answers["postcode_full"] == "LS1 1AA"
    assert log.answers["la"] == "E08000035"  # inferred from the postcode, offline
    assert log.answers["uprn_known"] == 1
    body = client.get(page(log)).content.decode()
    assert "Current address: Flat 3, Rose Court, 9 High Street" in body


def test_nothing_found_says_what_to_do(client, log, lookup):
    body = client.get(page(log, "nowhere")).content.decode()
    assert "No address matches ‘nowhere’" in body
    assert "There is a problem" in body
    empty = client.get(page(log, "")).content.decode()
    assert "Enter the property’s address or UPRN to search for it" in empty


def test_posting_no_choice_or_an_unknown_uprn_saves_nothing(client, log, lookup):
    assert "Select the property’s address" in client.post(page(log), {}).content.decode()
    assert "UPRN is not recognised" in client.post(page(log), {"uprn": "999999999"}).content.decode()
    log.refresh_from_db()
    assert log.answers.get("uprn") is None


def test_a_lookup_that_is_down_offers_manual_entry(client, log, lookup, monkeypatch):
    monkeypatch.setattr(fakes, "BROKEN", True)
    body = client.get(page(log, "victoria road")).content.decode()
    assert "Address search is not working at the moment" in body
    assert "Enter the address manually" in body


def test_from_manual_entry_a_person_can_go_back_to_searching(client, log, lookup):
    client.post(page(log), {"manual_address": "1"})
    body = client.get(f"/lettings-logs/{log.pk}/address").content.decode()
    assert "Search for the address instead" in body
    response = client.post(f"/lettings-logs/{log.pk}/address", {"search_address": "1"})
    assert response["Location"] == page(log)
    log.refresh_from_db()
    assert log.answers["manual_address_entry_selected"] is False
