"""The home page: log counts in the person's scope with links to the list, and the next deadlines."""

from __future__ import annotations

import datetime
import html
import re

import pytest
from django.utils import timezone

from collect.web import dashboard
from tests.conftest import verified_login
from tests.journeys.factories import complete, leeds, make_log, signed

__all__ = ["leeds", "signed"]
TODAY = datetime.date(2026, 11, 21)


@pytest.fixture
def today(monkeypatch):
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: TODAY)
    return TODAY


def counts(body: str) -> dict[str, int]:
    """The home page's counts of lettings logs (the first card), by label."""
    rows = re.findall(
        r'<dt class="govuk-summary-list__key">\s*([^<]+?)\s*</dt>\s*'
        r'<dd class="govuk-summary-list__value">\s*(\d+) logs?',
        body,
    )
    found: dict[str, int] = {}
    for label, number in rows:
        found.setdefault(html.unescape(label), int(number))
    return found


@pytest.mark.usefixtures("leeds", "signed", "today")
def test_a_coordinator_sees_the_counts_of_their_organisation_and_their_own(
    client, coordinator, provider, organisation, stranger
):
    make_log(coordinator, complete(organisation, coordinator))
    make_log(provider, complete(organisation, provider, tenancycode="B"))
    make_log(provider, needstype=1)
    make_log(coordinator, needstype=1)
    make_log(stranger, needstype=1)
    verified_login(client, coordinator)
    body = client.get("/home").content.decode()
    assert counts(body) == {"In progress": 2, "Completed": 2, "Assigned to you and not completed": 1}
    assert "2026 to 2027" in body
    assert 'href="/lettings-logs?years=2026&amp;status=in_progress"' in body
    assert "Create a new lettings log" in body
    assert 'href="/lettings-logs?clear=1"' in body


@pytest.mark.usefixtures("leeds", "signed", "today")
def test_a_provider_counts_the_logs_assigned_to_them(client, coordinator, provider, organisation):
    make_log(coordinator, complete(organisation, coordinator))
    make_log(provider, complete(organisation, provider, tenancycode="B"))
    make_log(provider, needstype=1)
    make_log(coordinator, needstype=1)
    verified_login(client, provider)
    body = client.get("/home").content.decode()
    assert counts(body) == {"In progress": 1, "Completed": 1}
    link = re.search(r'href="(/lettings-logs\?years=2026&amp;assigned=me&amp;status=completed)"', body)
    assert link
    listed = client.get(html.unescape(link.group(1))).content.decode()
    assert "1 log found" in listed


@pytest.mark.usefixtures("leeds", "signed", "today")
def test_the_home_page_links_to_duplicate_sets(client, coordinator, organisation):
    for _ in range(2):
        make_log(coordinator, complete(organisation, coordinator))
    verified_login(client, coordinator)
    assert "Review 1 set of duplicate lettings logs" in client.get("/home").content.decode()


@pytest.mark.usefixtures("today")
def test_the_home_page_shows_the_next_deadlines_as_govuk_dates(client, provider):
    verified_login(client, provider)
    body = html.unescape(re.sub(r"\s+", " ", client.get("/home").content.decode()))
    assert "<strong>15 January 2027</strong><br>Quarter 3 deadline for 2026 to 2027" in body
    assert "<strong>4 June 2027</strong><br>End of year deadline for 2026 to 2027" in body
    assert "<strong>31 July 2027</strong><br>Last day to change logs for 2026 to 2027" in body


def test_the_next_quarterly_deadline_moves_on_after_each_cut_off():
    labels = {
        day: [(d.label, d.day) for d in dashboard.deadlines(day)]
        for day in (
            datetime.date(2026, 10, 9),
            datetime.date(2026, 10, 10),
            datetime.date(2027, 5, 1),
        )
    }
    assert labels[datetime.date(2026, 10, 9)][0] == ("Quarter 2 deadline for 2026 to 2027", datetime.date(2026, 10, 9))
    assert labels[datetime.date(2026, 10, 10)][0] == ("Quarter 3 deadline for 2026 to 2027", datetime.date(2027, 1, 15))
    # In May 2027 the next cut-off is the fourth quarter's: the end-of-year deadline, said once.
    assert labels[datetime.date(2027, 5, 1)][:2] == [
        ("End of year deadline for 2026 to 2027", datetime.date(2027, 6, 4)),
        ("Last day to change logs for 2026 to 2027", datetime.date(2027, 7, 31)),
    ]


def test_during_the_crossover_both_years_have_their_deadlines():
    found = [(d.label, d.day) for d in dashboard.deadlines(datetime.date(2026, 5, 1))]
    assert found == [
        ("End of year deadline for 2025 to 2026", datetime.date(2026, 6, 5)),
        ("Last day to change logs for 2025 to 2026", datetime.date(2026, 9, 1)),
        ("End of year deadline for 2026 to 2027", datetime.date(2027, 6, 4)),
        ("Last day to change logs for 2026 to 2027", datetime.date(2027, 7, 31)),
    ]
