"""Every status of schemes and locations, on past, present and future dates."""

from __future__ import annotations

import datetime

import pytest

from collect.schemes.models import LocationDeactivationPeriod, SchemeDeactivationPeriod
from collect.schemes.options import (
    ACTIVATING_SOON,
    ACTIVE,
    DEACTIVATED,
    DEACTIVATING_SOON,
    INCOMPLETE,
    REACTIVATING_SOON,
)
from collect.schemes.status import Period, active_periods, availability_text, location_status, scheme_status
from collect.standards import calendar
from tests.schemes.factories import make_location, make_scheme

D = datetime.date
JUNE, JULY, AUGUST = D(2026, 6, 1), D(2026, 7, 1), D(2026, 8, 1)


def status(day, periods=(), *, confirmed=True, located=True, organisation_active=True, startdate=None):
    return scheme_status(
        day,
        confirmed=confirmed,
        has_confirmed_location=located,
        organisation_active=organisation_active,
        startdate=startdate,
        periods=[Period(*p) for p in periods],
    )


@pytest.mark.parametrize(
    ("day", "periods", "kwargs", "expected"),
    [
        (JUNE, [], {}, ACTIVE),
        (JUNE, [], {"confirmed": False}, INCOMPLETE),
        (JUNE, [], {"located": False}, INCOMPLETE),
        (JUNE, [], {"organisation_active": False}, DEACTIVATED),
        (JUNE, [], {"startdate": JULY}, ACTIVATING_SOON),
        (JULY, [], {"startdate": JULY}, ACTIVE),
        # An open deactivation: deactivating soon before it, deactivated from its day.
        (JUNE, [(JULY, None)], {}, DEACTIVATING_SOON),
        (JULY, [(JULY, None)], {}, DEACTIVATED),
        (AUGUST, [(JULY, None)], {}, DEACTIVATED),
        # Deactivated even when incomplete.
        (JULY, [(JULY, None)], {"confirmed": False}, DEACTIVATED),
        # A future deactivation with a future reactivation.
        (JUNE, [(JULY, AUGUST)], {}, DEACTIVATING_SOON),
        (JULY, [(JULY, AUGUST)], {}, REACTIVATING_SOON),
        (AUGUST - datetime.timedelta(days=1), [(JULY, AUGUST)], {}, REACTIVATING_SOON),
        (AUGUST, [(JULY, AUGUST)], {}, ACTIVE),
        # A cancelled deactivation (reactivated on its own day) never takes effect.
        (JUNE, [(JULY, JULY)], {}, ACTIVE),
        (JULY, [(JULY, JULY)], {}, ACTIVE),
        # A past period, then a new open one.
        (AUGUST, [(JUNE, JULY), (AUGUST, None)], {}, DEACTIVATED),
        (JULY, [(JUNE, JULY), (AUGUST, None)], {}, DEACTIVATING_SOON),
    ],
)
def test_scheme_status(day, periods, kwargs, expected):
    assert status(day, periods, **kwargs) == expected


@pytest.mark.parametrize(
    ("day", "periods", "kwargs", "scheme", "expected"),
    [
        (JUNE, [], {}, ACTIVE, ACTIVE),
        (JUNE, [], {"confirmed": False}, ACTIVE, INCOMPLETE),
        (JUNE, [], {"startdate": JULY}, ACTIVE, ACTIVATING_SOON),
        (JUNE, [(JULY, None)], {}, ACTIVE, DEACTIVATING_SOON),
        (JULY, [(JULY, None)], {}, ACTIVE, DEACTIVATED),
        (JULY, [(JULY, AUGUST)], {}, ACTIVE, REACTIVATING_SOON),
        (AUGUST, [(JULY, AUGUST)], {}, ACTIVE, ACTIVE),
        # The scheme's status carries over.
        (JUNE, [], {}, DEACTIVATED, DEACTIVATED),
        (JUNE, [], {}, DEACTIVATING_SOON, DEACTIVATING_SOON),
        (JUNE, [], {}, REACTIVATING_SOON, REACTIVATING_SOON),
        (JUNE, [], {"confirmed": False}, DEACTIVATED, DEACTIVATED),
        # An incomplete scheme does not make its locations incomplete.
        (JUNE, [], {}, INCOMPLETE, ACTIVE),
    ],
)
def test_location_status(day, periods, kwargs, scheme, expected):
    kwargs = {"confirmed": True, "startdate": None, **kwargs}
    assert (
        location_status(day, periods=[Period(*p) for p in periods], scheme_status_on_day=scheme, **kwargs) == expected
    )


def test_active_periods_and_availability():
    start = D(2026, 4, 1)
    periods = [Period(JUNE, JULY), Period(AUGUST, None)]
    assert [(p.start, p.end) for p in active_periods(start, periods)] == [(start, JUNE), (JULY, AUGUST)]
    assert availability_text(start, periods) == [
        "Active from 1 April 2026 to 31 May 2026",
        "Deactivated on 1 June 2026",
        "Active from 1 July 2026 to 31 July 2026",
        "Deactivated on 1 August 2026",
    ]
    assert availability_text(start, []) == ["Active from 1 April 2026"]
    nested = [Period(JUNE, D(2026, 9, 1)), Period(JULY, AUGUST)]
    assert [(p.start, p.end) for p in active_periods(start, nested)] == [(start, JUNE), (D(2026, 9, 1), None)]


def test_models_read_their_periods_on_any_date(organisation):
    scheme = make_scheme(organisation)
    location = scheme.locations.get()
    SchemeDeactivationPeriod.objects.create(
        scheme=scheme, deactivation_date=D(2030, 1, 1), reactivation_date=D(2030, 3, 1)
    )
    LocationDeactivationPeriod.objects.create(location=location, deactivation_date=D(2031, 1, 1))
    assert scheme.status_on(D(2029, 12, 31)) == DEACTIVATING_SOON
    assert scheme.status_on(D(2030, 2, 1)) == REACTIVATING_SOON
    assert scheme.status_on(D(2030, 3, 1)) == ACTIVE
    assert location.status_on(D(2030, 2, 1)) == REACTIVATING_SOON  # from its scheme
    assert location.status_on(D(2030, 6, 1)) == DEACTIVATING_SOON  # its own
    assert location.status_on(D(2031, 1, 1)) == DEACTIVATED
    assert scheme.status_on(D(2031, 1, 1)) == ACTIVE


def test_an_organisation_deactivated_deactivates_its_schemes_and_locations(organisation):
    scheme = make_scheme(organisation)
    organisation.active = False
    organisation.save()
    scheme.refresh_from_db()
    assert scheme.status == DEACTIVATED
    assert scheme.locations.get().status == DEACTIVATED


def test_a_scheme_without_confirmed_locations_is_incomplete(organisation):
    scheme = make_scheme(organisation, locations=0)
    make_location(scheme, confirmed=False)
    assert scheme.status == INCOMPLETE


@pytest.mark.parametrize(
    ("today", "open_start", "editing_start"),
    [
        (D(2026, 3, 31), D(2025, 4, 1), D(2025, 4, 1)),
        (D(2026, 4, 1), D(2025, 4, 1), D(2025, 4, 1)),
        (D(2026, 7, 12), D(2025, 4, 1), D(2025, 4, 1)),
        (D(2026, 7, 13), D(2026, 4, 1), D(2025, 4, 1)),
        (D(2026, 9, 1), D(2026, 4, 1), D(2025, 4, 1)),
        (D(2026, 9, 2), D(2026, 4, 1), D(2026, 4, 1)),
        (D(2030, 6, 1), D(2029, 4, 1), D(2029, 4, 1)),  # default deadlines: 31 December of the next year
    ],
)
def test_collection_calendar(today, open_start, editing_start):
    assert calendar.earliest_open_start(today) == open_start
    assert calendar.earliest_open_for_editing_start(today) == editing_start
