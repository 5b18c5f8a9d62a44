"""Reminder rounds: emails to data coordinators before and after each quarterly cut-off (issue 10).

A reminder goes before the cut-off when the organisation has unfinished logs or fewer completed than expected, and
an overdue notice after it.

A round is a collection year's quarter and kind (reminder or overdue notice) with the day it is sent, planned from
the collection calendar. Support can preview and pause a round. The daily task (collect.collection.tasks) sends the
rounds that are due; `ReminderSent` is unique per round and organisation, so an organisation never gets a round
twice, even if two workers run it at once. A nil return (no lettings or sales that quarter) stops the reminders about
that kind of log.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from collect.accounts.models import Role, User
from collect.collection import completeness
from collect.collection.models import CollectionYear, ReminderRound, ReminderSent, RoundKind
from collect.logs.models import LogKind
from collect.notify.service import send_email
from collect.organisations.models import Organisation
from collect.standards import calendar

# An overdue notice is not sent more than this long after its cut-off (a worker that was down for weeks does not
# send stale notices when it comes back).
OVERDUE_WINDOW = datetime.timedelta(days=28)
KIND_WORDS = {LogKind.LETTINGS: "lettings", LogKind.SALES: "sales"}


def plan_rounds(start_year: int) -> list[ReminderRound]:
    """Create or move the rounds of a collection year from its cut-offs (rounds already sent stay as they were)."""
    year = CollectionYear.objects.filter(start_year=start_year).first()
    if year is None:
        return []
    planned = []
    for quarter, cutoff in enumerate(year.cutoffs, start=1):
        for kind, send_on in (
            (RoundKind.REMINDER, cutoff - datetime.timedelta(days=year.reminder_days_before)),
            (RoundKind.OVERDUE, cutoff + datetime.timedelta(days=year.overdue_days_after)),
        ):
            found, created = ReminderRound.objects.get_or_create(
                start_year=start_year, quarter=quarter, kind=kind, defaults={"cutoff": cutoff, "send_on": send_on}
            )
            if not created and found.sent_at is None and (found.cutoff, found.send_on) != (cutoff, send_on):
                found.cutoff, found.send_on = cutoff, send_on
                found.save(update_fields=("cutoff", "send_on"))
            planned.append(found)
    return planned


def plan_open_rounds(today: datetime.date) -> None:
    """Plan the rounds of every collection year still open for changes."""
    for dates in calendar.open_for_editing(today):
        plan_rounds(dates.start_year)


def last_day(round_: ReminderRound) -> datetime.date:
    """The last day a round may still be sent: its cut-off for a reminder, four weeks after it for a notice."""
    return round_.cutoff if round_.kind == RoundKind.REMINDER else round_.cutoff + OVERDUE_WINDOW


def is_due(round_: ReminderRound, today: datetime.date) -> bool:
    """Whether the task sends the round today: its day has come, it is not too late, and it is not paused."""
    return not round_.paused and round_.send_on <= today <= last_day(round_)


@dataclass(frozen=True)
class KindFigures:
    """What a round says about one kind of log."""

    kind: str
    figures: completeness.Quarter


@dataclass(frozen=True)
class Chase:
    """An organisation a round emails, what about, and to whom."""

    organisation: Organisation
    kinds: tuple[KindFigures, ...]
    coordinators: tuple[User, ...]


def chases(round_: ReminderRound, today: datetime.date) -> list[Chase]:
    """The organisations a round would email today, with their figures and data coordinators.

    A reminder goes to organisations with unfinished logs or fewer completed than expected in the quarter; an overdue
    notice the same after the cut-off. Kinds declared as a nil return for the quarter do not count.
    """
    needing: dict[int, list[KindFigures]] = {}
    names: dict[int, Organisation] = {}
    for kind in LogKind:
        found = completeness.completeness(kind, round_.start_year, today=today)
        for row in found.rows:
            figures = row.quarters[round_.quarter - 1]
            if figures.needs_attention:
                needing.setdefault(row.organisation_id, []).append(KindFigures(kind, figures))
    for organisation in Organisation.objects.filter(pk__in=needing).prefetch_related("name_changes"):
        names[organisation.pk] = organisation
    coordinators: dict[int, list[User]] = {}
    active = User.objects.filter(organisation_id__in=needing, role=Role.DATA_COORDINATOR, is_active=True)
    for user in active.order_by("name"):
        coordinators.setdefault(user.organisation_id, []).append(user)
    return [
        Chase(names[pk], tuple(kinds), tuple(coordinators.get(pk, ())))
        for pk, kinds in sorted(needing.items(), key=lambda item: names[item[0]].current_name.lower())
    ]


def email_context(round_: ReminderRound, chase: Chase, user: User | None = None) -> dict[str, object]:
    """What a round's email says to one coordinator."""
    dates = calendar.dates_for(round_.start_year)
    return {
        "name": user.name if user else "(coordinator's name)",
        "organisation": chase.organisation.current_name,
        "overdue": round_.kind == RoundKind.OVERDUE,
        "quarter": completeness.quarter_label(round_.quarter),
        "year": dates.label,
        "cutoff": f"{round_.cutoff:%-d %B %Y}",
        "kinds": [
            {
                "name": KIND_WORDS[LogKind(k.kind)],
                "completed": k.figures.completed,
                "in_progress": k.figures.in_progress,
                "expected": k.figures.expected,
            }
            for k in chase.kinds
        ],
        "completeness_link": settings.SERVICE_URL + reverse("collection:completeness"),
        "nil_return_link": settings.SERVICE_URL + reverse("collection:nil-returns"),
    }


def email_kind(round_: ReminderRound) -> str:
    """The email kind of a round (collect.notify.emails)."""
    return "collection_overdue" if round_.kind == RoundKind.OVERDUE else "collection_reminder"


def send_round(round_: ReminderRound, today: datetime.date) -> int:
    """Email every organisation the round chases that has not had it yet; returns how many organisations got it."""
    sent = 0
    for chase in chases(round_, today):
        if not chase.coordinators:
            continue
        with transaction.atomic():
            summary = {k.kind: {"completed": k.figures.completed, "in_progress": k.figures.in_progress,
                                "expected": k.figures.expected} for k in chase.kinds}  # fmt: skip
            _, created = ReminderSent.objects.get_or_create(
                round=round_,
                organisation=chase.organisation,
                defaults={"recipients": len(chase.coordinators), "summary": summary},
            )
            if not created:
                continue
            for user in chase.coordinators:
                send_email(email_kind(round_), user.email, email_context(round_, chase, user))
        sent += 1
    ReminderRound.objects.filter(pk=round_.pk).update(sent_at=timezone.now())
    return sent


def run_due_rounds(today: datetime.date | None = None) -> int:
    """Plan the open years' rounds and send those due today; returns how many organisations were emailed."""
    today = today or timezone.localdate()
    plan_open_rounds(today)
    rounds = [r for r in ReminderRound.objects.filter(send_on__lte=today, paused=False) if is_due(r, today)]
    if rounds:
        completeness.refresh_open_years(today)  # the figures as they are now
    return sum(send_round(round_, today) for round_ in sorted(rounds, key=lambda r: (r.send_on, r.pk)))


def set_paused(actor: User, round_: ReminderRound, paused: bool) -> None:
    """Pause a round (nothing more is sent) or resume it; recorded in the audit trail."""
    from collect.audit import trail

    with transaction.atomic():
        before = {"paused": round_.paused}
        round_.paused = paused
        round_.paused_by = actor if paused else None
        round_.save(update_fields=("paused", "paused_by"))
        trail.record(
            actor, "paused" if paused else "resumed", round_, changes=trail.changes_between(before, {"paused": paused})
        )
