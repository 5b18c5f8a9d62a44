"""Supported housing schemes and their locations (platform.md §3).

A scheme is a supported housing service of a stock-owning organisation; each location is a postcode where the
scheme has units. Supported housing lettings name a scheme and a location. Both are kept as incomplete records while
they are being set up, page by page, and become usable once someone has checked the answers and confirmed them.

The option codes are those of collect.schemes.options; statuses come from collect.schemes.status. Changes go through
collect.schemes.actions only.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone

from collect.organisations.models import Organisation
from collect.refdata.models import LocalAuthority
from collect.schemes import options
from collect.schemes.status import Period, availability_text, location_status, scheme_status
from collect.standards import calendar


class DeactivationPeriod(models.Model):
    """From deactivation_date the record cannot be used, until reactivation_date (if any)."""

    deactivation_date = models.DateField("Deactivation date")
    reactivation_date = models.DateField("Reactivation date", null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        abstract = True
        ordering = ("deactivation_date", "pk")

    def __str__(self) -> str:
        end = f" to {self.reactivation_date}" if self.reactivation_date else ""
        return f"Deactivated from {self.deactivation_date}{end}"

    def as_period(self) -> Period:
        """The plain value the status rules work with."""
        return Period(self.deactivation_date, self.reactivation_date)


class SchemeQuerySet(models.QuerySet["Scheme"]):
    def with_status_data(self) -> SchemeQuerySet:
        """Everything status_on needs, fetched with the schemes (no query per scheme)."""
        confirmed_locations = Location.objects.filter(scheme=models.OuterRef("pk"), confirmed=True)
        return (
            self.select_related("owning_organisation")
            .prefetch_related("deactivation_periods")
            .annotate(has_confirmed_location=models.Exists(confirmed_locations))
        )


class Scheme(models.Model):
    """A supported housing scheme. Shown to people by its code, "S" and its id (as the national service does)."""

    service_name = models.CharField("Scheme name", max_length=200)
    sensitive = models.PositiveSmallIntegerField(
        "Confidential information", choices=options.choices(options.YES_NO), default=options.NO
    )
    scheme_type = models.PositiveSmallIntegerField(
        "Type of scheme", choices=options.choices(options.SCHEME_TYPES), null=True, blank=True
    )
    registered_under_care_act = models.PositiveSmallIntegerField(
        "Regulated by the Care Quality Commission",
        choices=options.choices(options.REGISTERED_UNDER_CARE_ACT),
        null=True,
        blank=True,
    )
    owning_organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="schemes", verbose_name="Housing stock owned by"
    )
    arrangement_type = models.CharField(
        "Support services provided by", max_length=1, choices=options.choices(options.ARRANGEMENT_TYPES), blank=True
    )
    primary_client_group = models.CharField(
        "Primary client group", max_length=1, choices=options.choices(options.CLIENT_GROUPS), blank=True
    )
    has_other_client_group = models.PositiveSmallIntegerField(
        "Has another client group", choices=options.choices(options.YES_NO), null=True, blank=True
    )
    secondary_client_group = models.CharField(
        "Secondary client group", max_length=1, choices=options.choices(options.CLIENT_GROUPS), blank=True
    )
    support_type = models.PositiveSmallIntegerField(
        "Level of support given", choices=options.choices(options.SUPPORT_TYPES), null=True, blank=True
    )
    intended_stay = models.CharField(
        "Intended length of stay", max_length=1, choices=options.choices(options.INTENDED_STAYS), blank=True
    )
    # Not asked: set when a scheme is copied to an organisation that absorbs another (merges, a later issue).
    startdate = models.DateField("Available from", null=True, blank=True)
    confirmed = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = SchemeQuerySet.as_manager()

    class Meta:
        ordering = (Lower("service_name"), "pk")

    def __str__(self) -> str:
        return self.service_name or self.code

    @property
    def code(self) -> str:
        """The scheme code people and bulk upload files use, such as S123."""
        return f"S{self.pk}"

    @property
    def available_from(self) -> datetime.date:
        """Its start date, or else the start of the earliest collection year open for new logs when it was created."""
        if self.startdate:
            return self.startdate
        created = timezone.localdate(self.created_at) if self.created_at else timezone.localdate()
        return calendar.earliest_open_start(created)

    def periods(self) -> list[Period]:
        """Its deactivation periods (prefetched by with_status_data)."""
        return [p.as_period() for p in self.deactivation_periods.all()]

    def open_deactivation(self) -> SchemeDeactivationPeriod | None:
        """The deactivation without a reactivation date, if there is one."""
        return next((p for p in self.deactivation_periods.all() if p.reactivation_date is None), None)

    def has_confirmed_locations(self) -> bool:
        """Whether at least one of its locations is confirmed (annotated by with_status_data)."""
        annotated = getattr(self, "has_confirmed_location", None)
        if annotated is not None:
            return bool(annotated)
        return self.locations.filter(confirmed=True).exists()

    def status_on(self, day: datetime.date) -> str:
        """Its status (a code of options.STATUSES) on a date."""
        return scheme_status(
            day,
            confirmed=self.confirmed,
            has_confirmed_location=self.has_confirmed_locations(),
            organisation_active=self.owning_organisation.active,
            startdate=self.startdate,
            periods=self.periods(),
        )

    @property
    def status(self) -> str:
        """Its status today."""
        if not hasattr(self, "_status_today"):
            self._status_today = self.status_on(timezone.localdate())
        return self._status_today

    @property
    def status_label(self) -> str:
        """Its status today, in words."""
        return options.label_of(options.STATUSES, self.status)

    def availability(self) -> list[str]:
        """When it has been active and deactivated, one line each."""
        return availability_text(self.available_from, self.periods())

    def missing_answers(self) -> list[str]:
        """The names of the questions not yet answered."""
        required: dict[str, Any] = {
            "service_name": self.service_name,
            "scheme_type": self.scheme_type,
            "registered_under_care_act": self.registered_under_care_act,
            "arrangement_type": self.arrangement_type,
            "primary_client_group": self.primary_client_group,
            "has_other_client_group": self.has_other_client_group,
            "support_type": self.support_type,
            "intended_stay": self.intended_stay,
        }
        if self.has_other_client_group == options.YES:
            required["secondary_client_group"] = self.secondary_client_group
        return [name for name, value in required.items() if value in (None, "")]


class SchemeDeactivationPeriod(DeactivationPeriod):
    scheme = models.ForeignKey(Scheme, on_delete=models.CASCADE, related_name="deactivation_periods")

    class Meta(DeactivationPeriod.Meta):
        constraints = (
            models.CheckConstraint(
                condition=models.Q(reactivation_date__isnull=True)
                | models.Q(reactivation_date__gte=models.F("deactivation_date")),
                name="scheme_reactivation_not_before_deactivation",
            ),
        )


class LocationQuerySet(models.QuerySet["Location"]):
    def with_status_data(self) -> LocationQuerySet:
        """Everything status_on needs for locations of one scheme, fetched at once."""
        return self.prefetch_related("deactivation_periods")


class Location(models.Model):
    """A postcode where a scheme has units. Shown to people by its code, which is its id."""

    scheme = models.ForeignKey(Scheme, on_delete=models.PROTECT, related_name="locations")
    postcode = models.CharField("Postcode", max_length=8)
    # The ONS GSS code of the local authority (collect.refdata.models.LocalAuthority.code): found from the postcode
    # when the ONS data knows it (is_la_inferred), otherwise chosen by the person.
    local_authority_code = models.CharField("Local authority", max_length=9, blank=True)
    is_la_inferred = models.BooleanField(default=False)
    name = models.CharField("Location name", max_length=200, blank=True)
    units = models.PositiveIntegerField("Number of units", null=True, blank=True)
    type_of_unit = models.PositiveSmallIntegerField(
        "Most common unit", choices=options.choices(options.UNIT_TYPES), null=True, blank=True
    )
    mobility_type = models.CharField(
        "Mobility standards", max_length=1, choices=options.choices(options.MOBILITY_TYPES), blank=True
    )
    startdate = models.DateField("Available from", null=True, blank=True)
    confirmed = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = LocationQuerySet.as_manager()

    class Meta:
        ordering = ("postcode", "pk")

    def __str__(self) -> str:
        return f"{self.postcode} {self.name}".strip() if self.postcode else self.code

    @property
    def code(self) -> str:
        """The location code people and bulk upload files use: its id."""
        return str(self.pk)

    @property
    def local_authority_name(self) -> str:
        """The local authority's name from the register, or its code if the register does not have it."""
        if not self.local_authority_code:
            return ""
        found = LocalAuthority.objects.filter(code=self.local_authority_code).values_list("name", flat=True).first()
        return found or self.local_authority_code

    @property
    def available_from(self) -> datetime.date:
        """Its availability date, or else when its scheme became available."""
        return self.startdate or self.scheme.available_from

    def periods(self) -> list[Period]:
        """Its deactivation periods."""
        return [p.as_period() for p in self.deactivation_periods.all()]

    def open_deactivation(self) -> LocationDeactivationPeriod | None:
        """The deactivation without a reactivation date, if there is one."""
        return next((p for p in self.deactivation_periods.all() if p.reactivation_date is None), None)

    def status_on(self, day: datetime.date) -> str:
        """Its status (a code of options.STATUSES) on a date; its scheme's status counts too."""
        return location_status(
            day,
            confirmed=self.confirmed,
            startdate=self.startdate,
            periods=self.periods(),
            scheme_status_on_day=self.scheme.status_on(day),
        )

    @property
    def status(self) -> str:
        """Its status today."""
        if not hasattr(self, "_status_today"):
            self._status_today = self.status_on(timezone.localdate())
        return self._status_today

    @property
    def status_label(self) -> str:
        """Its status today, in words."""
        return options.label_of(options.STATUSES, self.status)

    def availability(self) -> list[str]:
        """When it has been active and deactivated, one line each (its scheme's deactivations count too)."""
        return availability_text(self.available_from, self.periods() + self.scheme.periods())

    def missing_answers(self) -> list[str]:
        """The names of the questions not yet answered (the name is optional)."""
        required: dict[str, Any] = {
            "postcode": self.postcode,
            "local_authority_code": self.local_authority_code,
            "units": self.units,
            "type_of_unit": self.type_of_unit,
            "mobility_type": self.mobility_type,
            "startdate": self.startdate,
        }
        return [name for name, value in required.items() if value in (None, "")]


class LocationDeactivationPeriod(DeactivationPeriod):
    location = models.ForeignKey(Location, on_delete=models.CASCADE, related_name="deactivation_periods")

    class Meta(DeactivationPeriod.Meta):
        constraints = (
            models.CheckConstraint(
                condition=models.Q(reactivation_date__isnull=True)
                | models.Q(reactivation_date__gte=models.F("deactivation_date")),
                name="location_reactivation_not_before_deactivation",
            ),
        )


class DuplicateReview(models.Model):
    """A coordinator or support user confirmed that some sets of look-alike schemes and locations are not duplicates.

    Each set is a sorted list of ids. A set found later is treated as reviewed when a review holds a set with all of
    its members, so a new look-alike joining a reviewed set brings the set back for review.
    """

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="scheme_duplicate_reviews")
    reviewed_by = models.ForeignKey("accounts.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    reviewed_at = models.DateTimeField(auto_now_add=True)
    scheme_sets = models.JSONField(default=list, blank=True)
    location_sets = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ("-reviewed_at", "-pk")

    def __str__(self) -> str:
        return f"Duplicate review of {self.organisation} on {self.reviewed_at:%Y-%m-%d}"
