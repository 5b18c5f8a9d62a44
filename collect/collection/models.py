"""The collection calendar, reminder rounds, nil returns, email digests, notification banners and resources."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone

from collect.organisations.models import Organisation

QUARTERS = (1, 2, 3, 4)


class CollectionYear(models.Model):
    """One collection year's dates as the department sets them (defaults: collect.standards.calendar)."""

    start_year = models.PositiveSmallIntegerField("Start year", unique=True)
    submission_deadline = models.DateField("End of year deadline")
    new_logs_end = models.DateField("Last day for new logs")
    edit_end = models.DateField("Last day to change logs")
    q1_cutoff = models.DateField("Quarter 1 cut-off", null=True, blank=True)
    q2_cutoff = models.DateField("Quarter 2 cut-off", null=True, blank=True)
    q3_cutoff = models.DateField("Quarter 3 cut-off", null=True, blank=True)
    q4_cutoff = models.DateField("Quarter 4 cut-off", null=True, blank=True)
    # Reminders go this many days before each cut-off; overdue notices this many days after it.
    reminder_days_before = models.PositiveSmallIntegerField("Days before a cut-off to send reminders", default=14)
    overdue_days_after = models.PositiveSmallIntegerField("Days after a cut-off to send overdue notices", default=3)
    # The year's mandatory resources are shown to everyone (the next year's are hidden until released).
    resources_released = models.BooleanField("Resources released", default=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ("-start_year",)

    def __str__(self) -> str:
        return f"{self.start_year} to {self.start_year + 1}"

    @property
    def cutoffs(self) -> tuple[datetime.date, ...]:
        """The quarterly cut-offs that are set, in order (all four or none in practice)."""
        found = (self.q1_cutoff, self.q2_cutoff, self.q3_cutoff, self.q4_cutoff)
        return tuple(day for day in found if day is not None)


class RoundKind(models.TextChoices):
    """A reminder before a cut-off, or an overdue notice after it."""

    REMINDER = "reminder", "Reminder"
    OVERDUE = "overdue", "Overdue notice"


class ReminderRound(models.Model):
    """The emails to data coordinators about one quarter of one collection year, sent on one day."""

    start_year = models.PositiveSmallIntegerField()
    quarter = models.PositiveSmallIntegerField()
    kind = models.CharField(max_length=10, choices=RoundKind.choices)
    cutoff = models.DateField()
    send_on = models.DateField()
    paused = models.BooleanField(default=False)
    paused_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # When the round was last worked through (organisations that needed it got their email).
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ("send_on", "kind")
        constraints = (models.UniqueConstraint(fields=("start_year", "quarter", "kind"), name="reminder_round_unique"),)

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: quarter {self.quarter} of {self.start_year} to {self.start_year + 1}"


class ReminderSent(models.Model):
    """One organisation's email of a round: the unique constraint stops a second one, however the task runs."""

    round = models.ForeignKey(ReminderRound, on_delete=models.CASCADE, related_name="sent")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    recipients = models.PositiveIntegerField(default=0)
    summary = models.JSONField(default=dict, blank=True)
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ("-sent_at",)
        constraints = (models.UniqueConstraint(fields=("round", "organisation"), name="reminder_sent_unique"),)

    def __str__(self) -> str:
        return f"{self.round} to {self.organisation_id}"


class LogKindChoice(models.TextChoices):
    """Which kind of log a declaration is about."""

    LETTINGS = "lettings", "Lettings"
    SALES = "sales", "Sales"


class NilReturn(models.Model):
    """A data coordinator's declaration that their organisation had no lettings (or sales) in a quarter."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="nil_returns")
    start_year = models.PositiveSmallIntegerField()
    quarter = models.PositiveSmallIntegerField()
    kind = models.CharField(max_length=10, choices=LogKindChoice.choices)
    declared_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    declared_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ("start_year", "quarter", "kind")
        constraints = (
            models.UniqueConstraint(fields=("organisation", "start_year", "quarter", "kind"), name="nil_return_unique"),
        )

    def __str__(self) -> str:
        return f"No {self.kind} in quarter {self.quarter} of {self.start_year} ({self.organisation_id})"


class DigestFrequency(models.TextChoices):
    """How often someone wants the email about their logs."""

    NONE = "none", "Never"
    DAILY = "daily", "Every day"
    WEEKLY = "weekly", "Every week (on Mondays)"


class DigestPreference(models.Model):
    """A person's choice of digest email, and the last day one was sent (so a day never gets two)."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="digest")
    frequency = models.CharField(max_length=10, choices=DigestFrequency.choices, default=DigestFrequency.NONE)
    last_sent_on = models.DateField(null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.user_id}: {self.frequency}"


class Notification(models.Model):
    """A site-wide banner (platform.md §8.2), with an optional page of more information."""

    title = models.CharField("Title", max_length=300)
    link_text = models.CharField("Link text", max_length=100, blank=True)
    page_content = models.TextField("Page content", blank=True)
    show_on_unauthenticated_pages = models.BooleanField("Show to people who are not signed in", default=False)
    start_at = models.DateTimeField("Start", default=timezone.now)
    end_at = models.DateTimeField("End", null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("-start_at", "-pk")

    def __str__(self) -> str:
        return self.title

    def is_active(self, now: datetime.datetime | None = None) -> bool:
        """Started and not ended."""
        now = now or timezone.now()
        return self.start_at <= now and (self.end_at is None or now < self.end_at)


class NotificationRead(models.Model):
    """A person dismissed a notification banner."""

    notification = models.ForeignKey(Notification, on_delete=models.CASCADE, related_name="reads")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    read_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = (models.UniqueConstraint(fields=("notification", "user"), name="notification_read_unique"),)

    def __str__(self) -> str:
        return f"{self.user_id} read {self.notification_id}"


class ResourceType(models.TextChoices):
    """The mandatory paper form, or any additional file."""

    PAPER_FORM = "paper_form", "Paper form"
    ADDITIONAL = "additional", "Additional resource"


class CollectionResource(models.Model):
    """A file for a collection year and kind of log (platform.md §8.3), uploaded by support."""

    start_year = models.PositiveSmallIntegerField()
    kind = models.CharField(max_length=10, choices=LogKindChoice.choices)
    resource_type = models.CharField(max_length=20, choices=ResourceType.choices, default=ResourceType.ADDITIONAL)
    display_name = models.CharField("Name shown", max_length=200)
    file_name = models.CharField(max_length=300)
    original_name = models.CharField(max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveBigIntegerField()
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    uploaded_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ("start_year", "kind", "resource_type", "display_name")

    def __str__(self) -> str:
        return self.display_name


class CompletenessCount(models.Model):
    """How many logs of a kind an organisation owns in a quarter with a status: the completeness view's summary.

    Worked out again for each collection year every few minutes (collect.collection.completeness.refresh), so the
    view reads a few thousand rows rather than counting a million logs at each request.
    """

    kind = models.CharField(max_length=10)
    start_year = models.PositiveSmallIntegerField()
    quarter = models.PositiveSmallIntegerField()
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    status = models.CharField(max_length=20)
    count = models.PositiveIntegerField()

    class Meta:
        indexes = (models.Index(fields=("kind", "start_year"), name="completeness_year_idx"),)

    def __str__(self) -> str:
        return f"{self.kind} {self.start_year} Q{self.quarter} {self.organisation_id} {self.status}: {self.count}"


class CompletenessRefresh(models.Model):
    """When a collection year's completeness summary was last worked out."""

    kind = models.CharField(max_length=10)
    start_year = models.PositiveSmallIntegerField()
    refreshed_at = models.DateTimeField()

    class Meta:
        constraints = (models.UniqueConstraint(fields=("kind", "start_year"), name="completeness_refresh_unique"),)

    def __str__(self) -> str:
        return f"{self.kind} {self.start_year} at {self.refreshed_at}"
