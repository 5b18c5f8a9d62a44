"""Scheme records for the permission table (tests/web/test_permissions.py), made on first use and kept in World.extra.

Each function takes the World (its `own` and `other` organisations) and returns the record a row acts on.
"""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from collect.schemes.models import Location, LocationDeactivationPeriod, Scheme, SchemeDeactivationPeriod
from tests.schemes.factories import add_local_authorities, make_location, make_scheme


def _kept(world: Any, key: str, make: Any) -> Any:
    if key not in world.extra:
        add_local_authorities()
        world.extra[key] = make()
    return world.extra[key]


def own_scheme(world: Any) -> Scheme:
    """A confirmed scheme of the own organisation, with one confirmed location."""
    return _kept(world, "own_scheme", lambda: make_scheme(world.own, service_name="Own scheme"))


def other_scheme(world: Any) -> Scheme:
    """A confirmed scheme of the other organisation, with one confirmed location."""
    return _kept(world, "other_scheme", lambda: make_scheme(world.other, service_name="Other scheme"))


def own_location(world: Any) -> Location:
    """The confirmed location of own_scheme."""
    return own_scheme(world).locations.get()


def own_draft(world: Any) -> Scheme:
    """An own scheme being set up: every answer given (with another client group), not yet confirmed."""
    return _kept(
        world,
        "own_draft",
        lambda: make_scheme(
            world.own, confirmed=False, locations=0, has_other_client_group=1, secondary_client_group="E"
        ),
    )


def own_draft_location(world: Any) -> Location:
    """A location of own_scheme being set up: every answer given, not yet confirmed."""
    return _kept(world, "own_draft_location", lambda: make_location(own_scheme(world), confirmed=False))


def own_deactivated_scheme(world: Any) -> Scheme:
    """An own scheme deactivated from today."""

    def make() -> Scheme:
        scheme = make_scheme(world.own, service_name="Closed scheme")
        SchemeDeactivationPeriod.objects.create(scheme=scheme, deactivation_date=timezone.localdate())
        return scheme

    return _kept(world, "own_deactivated_scheme", make)


def own_deactivated_location(world: Any) -> Location:
    """A location of own_scheme deactivated from today."""

    def make() -> Location:
        location = make_location(own_scheme(world), name="Closed location")
        LocationDeactivationPeriod.objects.create(location=location, deactivation_date=timezone.localdate())
        return location

    return _kept(world, "own_deactivated_location", make)


def today() -> dict[str, str]:
    """The data of a confirmation page: today's date."""
    return {"date": timezone.localdate().isoformat()}
