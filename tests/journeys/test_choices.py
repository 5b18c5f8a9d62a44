"""Options the service offers from its records: local authorities of the register for the property and last home."""

from __future__ import annotations

import datetime

from collect.journeys import choices
from collect.refdata.models import LocalAuthority


def test_the_property_local_authority_is_one_in_england_that_exists_that_year(db, provider):
    LocalAuthority.objects.create(code="W06000015", name="Cardiff", start_year=2021)
    LocalAuthority.objects.create(code="E08000019", name="Sheffield", start_year=2021, end_year=2025)
    found = choices.property_local_authorities(provider, {"startdate": datetime.date(2026, 10, 5)})
    assert found == [("E08000035", "Leeds")]


def test_the_last_home_may_be_outside_england(db, provider):
    found = dict(choices.previous_local_authorities(provider, {}))
    assert found["E08000035"] == "Leeds"
    assert found["S92000003"] == "Scotland"
    assert found["9300000XX"] == "Outside the UK"
