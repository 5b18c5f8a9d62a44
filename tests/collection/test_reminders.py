"""Reminder rounds with a frozen clock: due, not due, already sent, nil return declared, paused."""

from __future__ import annotations

import datetime
import threading

import pytest
from django.core import mail
from django.db import connection

from collect.accounts.models import Role
from collect.collection import reminders, tasks
from collect.collection.models import CollectionYear, NilReturn, ReminderRound, ReminderSent, RoundKind
from collect.logs.models import LogStatus

D = datetime.date
Q2_CUTOFF = D(2026, 10, 9)  # the 2026/27 second quarter's cut-off (lettings-2026.md §1.1)


@pytest.fixture(autouse=True)
def _memory_email(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


@pytest.fixture
def run(django_capture_on_commit_callbacks):
    """Run the due rounds on a day, delivering the emails queued after each commit."""

    def run_on(day: datetime.date) -> int:
        with django_capture_on_commit_callbacks(execute=True):
            return reminders.run_due_rounds(day)

    return run_on


@pytest.fixture
def late_organisation(organisation, coordinator, add_logs):
    """Riverside: 3 lettings in the second quarter of 2025, only 1 completed and 1 in progress in 2026's."""
    add_logs(organisation, D(2025, 8, 1), count=3)
    add_logs(organisation, D(2026, 8, 1), count=1)
    add_logs(organisation, D(2026, 8, 2), count=1, status=LogStatus.IN_PROGRESS)
    return organisation


def q2(kind: str = RoundKind.REMINDER) -> ReminderRound:
    reminders.plan_rounds(2026)
    return ReminderRound.objects.get(start_year=2026, quarter=2, kind=kind)


def test_rounds_are_planned_from_the_calendar(db):
    year = CollectionYear.objects.get(start_year=2026)
    reminders.plan_rounds(2026)
    planned = ReminderRound.objects.filter(start_year=2026)
    assert planned.count() == 8  # a reminder and an overdue notice per quarter
    assert q2().send_on == Q2_CUTOFF - datetime.timedelta(days=year.reminder_days_before)
    assert q2(RoundKind.OVERDUE).send_on == Q2_CUTOFF + datetime.timedelta(days=year.overdue_days_after)


def test_a_round_is_not_sent_before_its_day(late_organisation, coordinator, run):
    round_ = q2()
    assert run(round_.send_on - datetime.timedelta(days=1)) == 0
    assert mail.outbox == []
    assert not ReminderSent.objects.exists()


def test_a_due_round_emails_the_coordinators_of_organisations_behind(late_organisation, coordinator, make_user, run):
    other_coordinator = make_user(Role.DATA_COORDINATOR, late_organisation)
    make_user(Role.DATA_COORDINATOR, late_organisation, is_active=False)
    round_ = q2()
    assert run(round_.send_on) == 1
    assert sorted(m.to[0] for m in mail.outbox) == sorted([coordinator.email, other_coordinator.email])
    message = mail.outbox[0]
    assert message.subject == "Riverside Homes: logs for Quarter 2 (July to September) are due by 9 October 2026"
    assert "1 completed, 1 in progress" in message.body
    assert "Last year you sent 3" in message.body
    assert "/collection/no-logs-this-quarter" in message.body
    sent = ReminderSent.objects.get()
    assert (sent.round, sent.organisation, sent.recipients) == (round_, late_organisation, 2)


def test_an_organisation_on_track_gets_nothing(organisation, coordinator, add_logs, run):
    add_logs(organisation, D(2025, 8, 1), count=2)
    add_logs(organisation, D(2026, 8, 1), count=2)  # as many completed as a year earlier, none unfinished
    assert run(q2().send_on) == 0
    assert mail.outbox == []


def test_a_round_already_sent_is_not_sent_again(late_organisation, coordinator, run):
    round_ = q2()
    run(round_.send_on)
    assert run(round_.send_on) == 0
    assert run(round_.send_on + datetime.timedelta(days=1)) == 0
    assert len(mail.outbox) == 1
    assert ReminderSent.objects.count() == 1


def test_the_daily_job_twice_in_a_day_sends_once(late_organisation, coordinator, django_capture_on_commit_callbacks):
    day = q2().send_on
    with django_capture_on_commit_callbacks(execute=True):
        tasks.run_today(day)
        tasks.run_today(day)
    assert len(mail.outbox) == 1


@pytest.mark.django_db(transaction=True)
def test_two_workers_at_once_send_once(organisation, coordinator, add_logs):
    if connection.vendor == "sqlite":
        pytest.skip("SQLite serialises writers; the race needs PostgreSQL")
    add_logs(organisation, D(2025, 8, 1), count=3)
    day = q2().send_on
    errors: list[BaseException] = []

    def work() -> None:
        try:
            reminders.run_due_rounds(day)
        except BaseException as error:
            errors.append(error)
        finally:
            connection.close()

    workers = [threading.Thread(target=work) for _ in range(2)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert errors == []
    assert ReminderSent.objects.count() == 1
    assert len(mail.outbox) == 1


def test_a_nil_return_stops_the_reminder_about_that_kind(organisation, coordinator, add_logs, run):
    add_logs(organisation, D(2025, 8, 1), count=3)  # expected 3, none sent in 2026
    NilReturn.objects.create(organisation=organisation, start_year=2026, quarter=2, kind="lettings")
    assert run(q2().send_on) == 0
    assert mail.outbox == []


def test_a_nil_return_for_sales_leaves_the_lettings_reminder(late_organisation, coordinator, run):
    NilReturn.objects.create(organisation=late_organisation, start_year=2026, quarter=2, kind="sales")
    assert run(q2().send_on) == 1


def test_a_paused_round_is_not_sent_until_resumed(late_organisation, coordinator, support, run):
    round_ = q2()
    reminders.set_paused(support, round_, True)
    assert run(round_.send_on) == 0
    assert mail.outbox == []
    reminders.set_paused(support, round_, False)
    assert run(round_.send_on + datetime.timedelta(days=2)) == 1


def test_the_overdue_notice_goes_after_the_cutoff(late_organisation, coordinator, run):
    overdue = q2(RoundKind.OVERDUE)
    assert run(Q2_CUTOFF) == 1  # the reminder (its last day)
    assert run(overdue.send_on) == 1
    assert mail.outbox[-1].subject == "Riverside Homes: logs for Quarter 2 (July to September) are overdue"
    assert "was 9 October 2026" in mail.outbox[-1].body


def test_a_reminder_past_its_cutoff_and_a_stale_notice_are_not_sent(late_organisation, coordinator, run):
    q2(RoundKind.OVERDUE)
    assert run(Q2_CUTOFF + reminders.OVERDUE_WINDOW + datetime.timedelta(days=1)) == 0
    assert mail.outbox == []


def test_an_organisation_without_a_coordinator_is_left_out(organisation, add_logs, run):
    add_logs(organisation, D(2025, 8, 1), count=3)
    round_ = q2()
    assert [c.organisation for c in reminders.chases(round_, round_.send_on)] == [organisation]
    assert run(round_.send_on) == 0


def test_changing_a_cutoff_moves_its_unsent_rounds(support):
    from collect.collection import calendar as service_calendar

    year = CollectionYear.objects.get(start_year=2026)
    q2()
    service_calendar.update_year(support, year, {"q2_cutoff": D(2026, 10, 16), "reminder_days_before": 7})
    assert q2().send_on == D(2026, 10, 9)


def test_the_daily_job_queues_the_next_run():
    import zoneinfo

    london = zoneinfo.ZoneInfo("Europe/London")
    assert tasks.next_run(datetime.datetime(2026, 11, 21, 6, 0, tzinfo=london)).day == 21
    assert tasks.next_run(datetime.datetime(2026, 11, 21, 8, 0, tzinfo=london)).day == 22
