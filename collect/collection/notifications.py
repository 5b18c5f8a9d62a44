"""Notification banners (platform.md §8.2).

Support publishes a title, optionally with a page of more information; signed-in people see the newest active one
they have not dismissed, and signed-out people the active ones marked for them. Ending a notification sets its end
to now (it stays in the history).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.db.models import Q, QuerySet
from django.http import HttpRequest
from django.utils import timezone
from django.utils.functional import SimpleLazyObject

from collect.accounts.models import User
from collect.audit import trail
from collect.collection.models import Notification, NotificationRead

AUDITED = ("title", "link_text", "page_content", "show_on_unauthenticated_pages", "start_at", "end_at")


def active() -> QuerySet[Notification]:
    """Notifications shown now, newest first."""
    now = timezone.now()
    return Notification.objects.filter(Q(end_at__isnull=True) | Q(end_at__gt=now), start_at__lte=now)


@dataclass(frozen=True)
class Banner:
    """The banner a page shows: a notification, its place among the unread ones and how many there are."""

    notification: Notification
    count: int


def banner_for(user: Any) -> Banner | None:
    """The newest active notification this person has not dismissed (signed out: the newest marked for them)."""
    shown = active()
    if isinstance(user, User):
        shown = shown.exclude(reads__user=user)
    else:
        shown = shown.filter(show_on_unauthenticated_pages=True)
    found = list(shown[:50])
    return Banner(found[0], len(found)) if found else None


def context(request: HttpRequest) -> dict[str, Any]:
    """A template context processor: the banner, looked up only when a page shows it."""
    return {"site_banner": SimpleLazyObject(lambda: _Maybe(banner_for(getattr(request, "user", None))))}


class _Maybe:
    """A value that may be None, wrapped so a lazy object can hold it."""

    def __init__(self, banner: Banner | None) -> None:
        self.banner = banner


def create(actor: User, values: dict[str, Any]) -> Notification:
    """Publish a notification from now."""
    with transaction.atomic():
        notification = Notification.objects.create(created_by=actor, **values)
        trail.record(
            actor, "created", notification, changes=trail.changes_between({}, trail.snapshot(notification, AUDITED))
        )
    return notification


def update(actor: User, notification: Notification, values: dict[str, Any]) -> None:
    """Change a notification's text."""
    with transaction.atomic():
        before = trail.snapshot(notification, AUDITED)
        for name, value in values.items():
            setattr(notification, name, value)
        notification.save()
        trail.record(
            actor, "updated", notification, changes=trail.changes_between(before, trail.snapshot(notification, AUDITED))
        )


def end(actor: User, notification: Notification) -> None:
    """Stop showing a notification now."""
    update(actor, notification, {"end_at": timezone.now()})


def dismiss(user: User, notification: Notification) -> None:
    """Mark a notification as read by a person: their banner moves on to the next one."""
    NotificationRead.objects.get_or_create(notification=notification, user=user)


def paragraphs(text: str) -> list[str]:
    """A page's content as paragraphs (separated by blank lines)."""
    return [" ".join(part.split()) for part in text.replace("\r\n", "\n").split("\n\n") if part.strip()]
