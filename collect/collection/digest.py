"""The optional daily or weekly email to each person about their logs (issue 10).

It says how many they completed since the last one, how many of theirs have errors, and the duplicate sets they
should review.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from collect.accounts.models import User
from collect.collection.models import DigestFrequency, DigestPreference
from collect.journeys.kinds import PAGES
from collect.logs import policy
from collect.logs.models import LogStatus
from collect.notify.service import send_email

WEEKLY_ON = 0  # Monday


@dataclass(frozen=True)
class KindDigest:
    """One kind of log in a digest."""

    name: str
    completed: int
    with_errors: int
    duplicate_sets: int
    link: str

    @property
    def anything(self) -> bool:
        """Whether there is something to say."""
        return bool(self.completed or self.with_errors or self.duplicate_sets)


def since(preference: DigestPreference, today: datetime.date) -> datetime.date:
    """The first day the digest covers: the day after the last one, or the period's length ago."""
    period = datetime.timedelta(days=7 if preference.frequency == DigestFrequency.WEEKLY else 1)
    if preference.last_sent_on is not None:
        return max(preference.last_sent_on, today - period)
    return today - period


def digest_for(user: User, start: datetime.date) -> list[KindDigest]:
    """What a person's digest says about each kind of log: the logs assigned to them."""
    found = []
    begin = timezone.make_aware(datetime.datetime.combine(start, datetime.time()))
    for pages in PAGES.values():
        mine = policy.logs_in_scope(user, pages.kind).visible().filter(assigned_to=user)
        completed = mine.filter(status=LogStatus.COMPLETED, updated_at__gte=begin).count()
        with_errors = policy.in_editable_years(mine).filter(error_count__gt=0).count()
        sets = len(policy.duplicate_sets_for(user, pages.kind))
        link = settings.SERVICE_URL + reverse(f"journeys:{pages.url_prefix}list")
        found.append(KindDigest(pages.name, completed, with_errors, sets, link))
    return found


def is_due(preference: DigestPreference, today: datetime.date) -> bool:
    """Daily digests every day, weekly ones on Mondays; never twice on one day."""
    if preference.frequency == DigestFrequency.NONE or preference.last_sent_on == today:
        return False
    return preference.frequency == DigestFrequency.DAILY or today.weekday() == WEEKLY_ON


def send_digests(today: datetime.date | None = None) -> int:
    """Send today's digests; returns how many were sent.

    Each person's day is claimed before sending, so running this twice sends nothing twice. A digest with nothing to
    say is not sent.
    """
    today = today or timezone.localdate()
    sent = 0
    wanted = DigestPreference.objects.exclude(frequency=DigestFrequency.NONE).filter(user__is_active=True)
    for preference in wanted.select_related("user", "user__organisation"):
        if not is_due(preference, today):
            continue
        start = since(preference, today)
        claimed = DigestPreference.objects.filter(pk=preference.pk).exclude(last_sent_on=today)
        if not claimed.update(last_sent_on=today):
            continue  # another worker has it
        kinds = digest_for(preference.user, start)
        if not any(k.anything for k in kinds):
            continue
        context = {
            "name": preference.user.name,
            "period": "week" if preference.frequency == DigestFrequency.WEEKLY else "day",
            "since": f"{start:%-d %B %Y}",
            "kinds": kinds,
            "settings_link": settings.SERVICE_URL + reverse("collection:digest"),
        }
        send_email("log_digest", preference.user.email, context)
        sent += 1
    return sent


def preference_of(user: User) -> DigestPreference:
    """A person's digest choice (never, until they choose)."""
    return DigestPreference.objects.filter(user=user).first() or DigestPreference(user=user)


def set_frequency(user: User, frequency: str) -> DigestPreference:
    """Record a person's choice of digest."""
    preference, _ = DigestPreference.objects.update_or_create(user=user, defaults={"frequency": frequency})
    return preference
