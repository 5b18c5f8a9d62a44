"""Deactivating and reactivating schemes and locations: the journeys, the date rules and the audit trail."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from collect.audit.models import AuditEvent
from collect.schemes import actions, lifecycle
from collect.schemes.models import LocationDeactivationPeriod, SchemeDeactivationPeriod
from collect.standards import calendar
from tests.schemes.factories import make_scheme

ONE_DAY = datetime.timedelta(days=1)


def today() -> datetime.date:
    return timezone.localdate()


def date_fields(day: datetime.date) -> dict[str, str]:
    return {"when": "other", "date-day": str(day.day), "date-month": str(day.month), "date-year": str(day.year)}


@pytest.fixture
def scheme(coordinator):
    return make_scheme(coordinator.organisation)


def test_deactivate_a_scheme_now(client, coordinator, scheme):
    client.force_login(coordinator)
    page = client.get(reverse("schemes:detail", args=[scheme.pk])).content.decode()
    assert "Deactivate this scheme" in page
    response = client.post(reverse("schemes:deactivate", args=[scheme.pk]), {"when": "now"})
    confirm = reverse("schemes:deactivate-confirm", args=[scheme.pk]) + f"?date={today().isoformat()}"
    assert response.url == confirm
    page = client.get(confirm).content.decode()
    assert "This also deactivates 1 location" in page
    assert "S1 2HH" in page
    assert not SchemeDeactivationPeriod.objects.exists()  # nothing changes before the confirmation
    response = client.post(reverse("schemes:deactivate-confirm", args=[scheme.pk]), {"date": today().isoformat()})
    assert response.url == reverse("schemes:detail", args=[scheme.pk])
    scheme.refresh_from_db()
    assert scheme.status == "deactivated"
    assert scheme.locations.get().status == "deactivated"
    page = client.get(response.url).content.decode()
    assert "has been deactivated" in page
    assert "Reactivate this scheme" in page
    event = AuditEvent.objects.get(target_type="scheme", action="Deactivated")
    assert event.changes["deactivation_date"]["to"] == today().isoformat()


def test_deactivate_a_scheme_from_a_future_date_then_reactivate_it(client, coordinator, scheme):
    later, much_later = today() + 40 * ONE_DAY, today() + 90 * ONE_DAY
    client.force_login(coordinator)
    response = client.post(reverse("schemes:deactivate", args=[scheme.pk]), date_fields(later))
    assert response.url.endswith(f"?date={later.isoformat()}")
    response = client.post(
        reverse("schemes:deactivate-confirm", args=[scheme.pk]), {"date": later.isoformat()}, follow=True
    )
    assert f"will deactivate on {later.day} {later:%B %Y}" in response.content.decode()
    scheme.refresh_from_db()
    assert scheme.status == "deactivating_soon"
    assert scheme.status_on(later) == "deactivated"

    response = client.post(reverse("schemes:reactivate", args=[scheme.pk]), date_fields(later - ONE_DAY))
    assert "The date must be on or after" in response.content.decode()
    response = client.post(reverse("schemes:reactivate", args=[scheme.pk]), date_fields(much_later))
    client.post(reverse("schemes:reactivate-confirm", args=[scheme.pk]), {"date": much_later.isoformat()})
    scheme.refresh_from_db()
    assert scheme.status == "deactivating_soon"
    assert scheme.status_on(later) == "reactivating_soon"
    assert scheme.status_on(much_later) == "active"
    assert [line for line in scheme.availability() if line.startswith("Deactivated")] == [
        f"Deactivated on {later.day} {later:%B %Y}"
    ]


def test_reactivating_on_the_deactivation_date_cancels_it(coordinator, scheme):
    later = today() + 10 * ONE_DAY
    actions.deactivate_scheme(coordinator, scheme, later)
    actions.reactivate_scheme(coordinator, scheme, later)
    assert scheme.status_on(later) == "active"
    assert lifecycle.can_deactivate(scheme)


def test_deactivate_a_location_from_a_future_date(client, coordinator, scheme):
    location = scheme.locations.get()
    later = today() + 30 * ONE_DAY
    client.force_login(coordinator)
    start = reverse("schemes:location-deactivate", args=[scheme.pk, location.pk])
    response = client.post(start, date_fields(later))
    response = client.get(response.url)
    assert f"Deactivate S1 2HH from {later.day} {later:%B %Y}" in response.content.decode()
    response = client.post(
        reverse("schemes:location-deactivate-confirm", args=[scheme.pk, location.pk]), {"date": later.isoformat()}
    )
    assert response.url == reverse("schemes:location", args=[scheme.pk, location.pk])
    location.refresh_from_db()
    assert location.status == "deactivating_soon"
    assert location.status_on(later) == "deactivated"
    scheme.refresh_from_db()
    assert scheme.status == "active"
    assert LocationDeactivationPeriod.objects.get().deactivation_date == later
    assert AuditEvent.objects.filter(target_type="location", action="Deactivated").count() == 1


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({}, "when", "Select when the change should apply"),
        ({"when": "sometime"}, "when", "Select when the change should apply"),
        ({"when": "other"}, "date", "Enter the date the change should apply from"),
        (
            {"when": "other", "date-day": "1", "date-month": "13", "date-year": "2026"},
            "date",
            "The date must be a real date",
        ),
        ({"when": "other", "date-day": "1", "date-year": "2026"}, "date", "The date must include a month"),
        (
            {"when": "other", "date-day": "1", "date-month": "4", "date-year": "2001"},
            "date",
            "The date must be on or after",
        ),
    ],
)
def test_deactivation_form_errors(client, coordinator, scheme, data, field, message):
    client.force_login(coordinator)
    response = client.post(reverse("schemes:deactivate", args=[scheme.pk]), data)
    assert response.status_code == 200
    assert f'href="#{field}">{message}' in response.content.decode()


def test_a_date_inside_an_earlier_deactivation_is_refused(coordinator, scheme):
    start, end = today() + 10 * ONE_DAY, today() + 20 * ONE_DAY
    actions.deactivate_scheme(coordinator, scheme, start)
    actions.reactivate_scheme(coordinator, scheme, end)
    problem = lifecycle.deactivation_problem(scheme, start + ONE_DAY, today())
    assert problem == "The scheme is already deactivated on this date. Enter a different date"
    assert lifecycle.deactivation_problem(scheme, end, today()) is None


def test_a_date_before_the_open_collection_years_is_refused(coordinator, scheme):
    earliest = calendar.earliest_open_for_editing_start(today())
    assert "the start of the earliest collection year" in lifecycle.deactivation_problem(
        scheme, earliest - ONE_DAY, today()
    )
    with pytest.raises(ValueError, match="earliest collection year"):
        actions.deactivate_scheme(coordinator, scheme, earliest - ONE_DAY)


def test_a_location_cannot_be_deactivated_before_it_was_available(coordinator, scheme):
    location = scheme.locations.get()
    location.startdate = today() + 5 * ONE_DAY
    location.save()
    assert "when the location became available" in lifecycle.deactivation_problem(location, today(), today())


def test_a_tampered_confirmation_date_is_sent_back_to_the_form(client, coordinator, scheme):
    client.force_login(coordinator)
    url = reverse("schemes:deactivate-confirm", args=[scheme.pk])
    for bad in ("2001-04-01", "not-a-date", ""):
        response = client.post(url, {"date": bad})
        assert response.url == reverse("schemes:deactivate", args=[scheme.pk])
        assert client.get(url, {"date": bad}).url == reverse("schemes:deactivate", args=[scheme.pk])
    assert not SchemeDeactivationPeriod.objects.exists()


def test_only_the_right_journey_is_offered(client, coordinator, scheme):
    client.force_login(coordinator)
    assert client.get(reverse("schemes:reactivate", args=[scheme.pk])).status_code == 404
    assert (
        client.post(reverse("schemes:reactivate-confirm", args=[scheme.pk]), {"date": today().isoformat()}).status_code
        == 404
    )
    actions.deactivate_scheme(coordinator, scheme, today())
    assert client.get(reverse("schemes:deactivate", args=[scheme.pk])).status_code == 404
    assert client.get(reverse("schemes:reactivate", args=[scheme.pk])).status_code == 200


def test_an_incomplete_scheme_cannot_be_deactivated(client, coordinator):
    scheme = make_scheme(coordinator.organisation, confirmed=False)
    client.force_login(coordinator)
    assert client.get(reverse("schemes:deactivate", args=[scheme.pk])).status_code == 404
