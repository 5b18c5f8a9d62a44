"""The service's calendar: seeded from the standard, edited by support, read by every date rule."""

from __future__ import annotations

import datetime

from django.urls import reverse
from django.utils import timezone

from collect.audit.models import AuditEvent
from collect.bulkupload.views import open_years
from collect.collection import calendar as service_calendar
from collect.collection.models import CollectionYear
from collect.logs import policy, writing
from collect.logs.models import Log
from collect.standards import calendar
from collect.standards.lettings.context import LettingsContext
from collect.standards.organisations import outside_window
from tests.conftest import verified_login

D = datetime.date


def test_the_standards_dates_are_the_defaults(db):
    year = CollectionYear.objects.get(start_year=2026)
    assert (year.submission_deadline, year.new_logs_end, year.edit_end) == (
        D(2027, 6, 4),
        D(2027, 7, 3),
        D(2027, 7, 31),
    )
    assert year.cutoffs == (D(2026, 7, 10), D(2026, 10, 9), D(2027, 1, 15), D(2027, 6, 4))
    assert CollectionYear.objects.get(start_year=2025).edit_end == D(2026, 9, 1)
    assert service_calendar.seed_defaults() == []  # again: nothing new


def test_edited_dates_are_what_every_rule_reads(support):
    year = CollectionYear.objects.get(start_year=2025)
    day = D(2026, 7, 20)  # after 2025/26's last day for new logs (12 July): only 2026/27 takes new logs
    known = LettingsContext(today=day)
    assert [d.start_year for d in calendar.open_for_new_logs(day)] == [2026]
    assert outside_window(D(2025, 6, 1), known)  # the rulebook's start date limit
    service_calendar.update_year(support, year, {"new_logs_end": D(2026, 7, 31)})
    assert [d.start_year for d in calendar.open_for_new_logs(day)] == [2025, 2026]
    assert not outside_window(D(2025, 6, 1), known)
    event = AuditEvent.objects.get(target_type="collectionyear")
    assert event.changes["new_logs_end"]["to"] == "2026-07-31"


def test_the_edit_deadline_decides_read_only_logs(support, coordinator):
    log = Log.objects.create(kind="lettings", collection="lettings-2025", startdate=D(2025, 6, 1))
    year = CollectionYear.objects.get(start_year=2025)
    service_calendar.update_year(support, year, {"edit_end": timezone.localdate() - datetime.timedelta(days=1)})
    assert not policy.is_editable(log)
    service_calendar.update_year(support, year, {"edit_end": timezone.localdate() + datetime.timedelta(days=30)})
    assert policy.is_editable(log)


def test_new_logs_go_to_the_open_year(support):
    assert writing.collection_for_new_log("lettings", D(2026, 11, 21)) == "lettings-2026"


def test_bulk_upload_offers_the_years_open_for_new_logs(support):
    assert open_years("lettings", D(2026, 11, 21)) == [2026]
    year = CollectionYear.objects.get(start_year=2026)
    service_calendar.update_year(support, year, {"new_logs_end": D(2026, 11, 1)})
    assert open_years("lettings", D(2026, 11, 21)) == []


def test_support_changes_a_years_dates_on_its_page(client, support):
    verified_login(client, support)
    page = client.get(reverse("collection:calendar-year", args=[2026]))
    assert page.status_code == 200
    data = {"reminder_days_before": "10", "overdue_days_after": "2", "resources_released": "1"}
    for name, day in {
        "submission_deadline": D(2027, 6, 11),
        "new_logs_end": D(2027, 7, 3),
        "edit_end": D(2027, 7, 31),
        "q1_cutoff": D(2026, 7, 10),
        "q2_cutoff": D(2026, 10, 9),
        "q3_cutoff": D(2027, 1, 15),
        "q4_cutoff": D(2027, 6, 11),
    }.items():
        data |= {f"{name}-day": day.day, f"{name}-month": day.month, f"{name}-year": day.year}
    response = client.post(reverse("collection:calendar-year", args=[2026]), data)
    assert response.status_code == 302
    year = CollectionYear.objects.get(start_year=2026)
    assert (year.submission_deadline, year.reminder_days_before) == (D(2027, 6, 11), 10)
    assert calendar.dates_for(2026).submission_deadline == D(2027, 6, 11)


def test_dates_out_of_order_are_refused_with_a_message(client, support):
    verified_login(client, support)
    data = {
        "reminder_days_before": "10",
        "overdue_days_after": "2",
        "submission_deadline-day": "4", "submission_deadline-month": "6", "submission_deadline-year": "2027",
        "new_logs_end-day": "1", "new_logs_end-month": "6", "new_logs_end-year": "2027",
        "edit_end-day": "31", "edit_end-month": "7", "edit_end-year": "2027",
        "q1_cutoff-day": "10", "q1_cutoff-month": "7", "q1_cutoff-year": "2026",
    }  # fmt: skip
    response = client.post(reverse("collection:calendar-year", args=[2026]), data)
    text = response.content.decode()
    assert response.status_code == 200
    assert "The last day for new logs must be on or after the end of year deadline" in text
    assert "Enter the quarter 2 cut-off, or leave every quarterly cut-off blank" in text
    assert CollectionYear.objects.get(start_year=2026).new_logs_end == D(2027, 7, 3)


def test_support_adds_the_next_year_with_default_dates(client, support):
    verified_login(client, support)
    response = client.post(reverse("collection:calendar"))
    assert response.status_code == 302
    added = CollectionYear.objects.get(start_year=2027)
    assert (added.submission_deadline, added.edit_end) == (D(2028, 6, 1), D(2028, 12, 31))


def test_without_a_database_the_rulebook_reads_the_standards_defaults():
    calendar.use_source(None)
    try:
        assert calendar.dates_for(2026) == calendar.KNOWN_YEARS[2026]
        assert calendar.earliest_open_start(D(2026, 7, 20)) == D(2026, 4, 1)
    finally:
        service_calendar.install()
