"""Organisations that own or manage social housing, their names over time, and who manages stock for whom."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone

from collect.standards.codes import ALL_RENT_PERIOD_CODES, RENT_PERIOD_LABELS


class ProviderType(models.IntegerChoices):
    """The kind of provider an organisation is (codes of the national standard)."""

    LOCAL_AUTHORITY = 1, "Local authority"
    PRIVATE_REGISTERED_PROVIDER = 2, "Private registered provider"


class ProfitStatus(models.IntegerChoices):
    """Profit status; a local authority is always "Local authority", a registered provider never."""

    NON_PROFIT = 1, "Non-profit"
    PROFIT = 2, "Profit"
    LOCAL_AUTHORITY = 3, "Local authority"


class Region(models.TextChoices):
    """The regions of England (ONS codes), for the department's views of the collection."""

    NORTH_EAST = "E12000001", "North East"
    NORTH_WEST = "E12000002", "North West"
    YORKSHIRE = "E12000003", "Yorkshire and The Humber"
    EAST_MIDLANDS = "E12000004", "East Midlands"
    WEST_MIDLANDS = "E12000005", "West Midlands"
    EAST = "E12000006", "East of England"
    LONDON = "E12000007", "London"
    SOUTH_EAST = "E12000008", "South East"
    SOUTH_WEST = "E12000009", "South West"


def default_rent_periods() -> list[int]:
    """A new organisation starts with every rent period; coordinators untick the ones they do not use."""
    return list(ALL_RENT_PERIOD_CODES)


class Organisation(models.Model):
    """A local authority or private registered provider that sends logs, or the department itself.

    `name` is the name the organisation was created with; `OrganisationNameChange` rows give later names from their
    start dates, so a log shows the name its owning organisation had on the log's start date (`name_on`).
    """

    name = models.CharField("Name", max_length=200)
    provider_type = models.PositiveSmallIntegerField("Type of provider", choices=ProviderType.choices)
    holds_own_stock = models.BooleanField("Owns housing stock", default=True)
    housing_registration_no = models.CharField("Housing registration number", max_length=20, blank=True)
    profit_status = models.PositiveSmallIntegerField(
        "Profit status", choices=ProfitStatus.choices, null=True, blank=True
    )
    group = models.PositiveIntegerField("Group", null=True, blank=True)
    address_line1 = models.CharField("Address line 1", max_length=200, blank=True)
    address_line2 = models.CharField("Address line 2", max_length=200, blank=True)
    postcode = models.CharField("Postcode", max_length=10, blank=True)
    phone = models.CharField("Telephone number", max_length=30, blank=True)
    region = models.CharField("Region", max_length=9, choices=Region.choices, blank=True)
    rent_periods = models.JSONField("Rent periods", default=default_rent_periods)
    is_department = models.BooleanField("Is the department", default=False)
    active = models.BooleanField("Active", default=True)
    # Users switched off when the organisation was deactivated; switched back on when it is reactivated.
    deactivated_user_ids = models.JSONField(default=list, blank=True)
    # Merges: a merged organisation points at the one that absorbed it, from the merge date.
    merge_date = models.DateField("Merge date", null=True, blank=True)
    absorbing_organisation = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="absorbed_organisations"
    )
    # An organisation created to absorb others can be used on logs from this date.
    available_from = models.DateField("Available from", null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ("name",)
        constraints = (models.UniqueConstraint(Lower("name"), name="organisation_name_unique_ci"),)

    def __str__(self) -> str:
        return self.current_name

    @property
    def display_id(self) -> str:
        """The identifier shown to people and accepted in bulk uploads, such as ORG12."""
        return f"ORG{self.pk}"

    @property
    def group_display(self) -> str:
        """The group as the national service shows it, such as GROUP3."""
        return f"GROUP{self.group}" if self.group else ""

    def name_on(self, date: datetime.date) -> str:
        """The organisation's name on a date: the latest name change in force then, or the original name."""
        changes = [c for c in self.name_changes.all() if c.cancelled_at is None and c.start_date <= date]
        return max(changes, key=lambda c: c.start_date).name if changes else self.name

    @property
    def current_name(self) -> str:
        """The name in force today."""
        return self.name_on(timezone.localdate())

    @property
    def rent_period_labels(self) -> list[str]:
        """The labels of the rent periods the organisation uses, in the standard's order."""
        return [label for code, label in RENT_PERIOD_LABELS.items() if code in self.rent_periods]

    @property
    def is_merged(self) -> bool:
        """True once the organisation has been merged into another and the merge date has come."""
        return self.merge_date is not None and self.merge_date <= timezone.localdate()

    @property
    def status(self) -> str:
        """Merged, deactivated or active."""
        if self.is_merged:
            return "Merged"
        return "Active" if self.active else "Deactivated"

    @property
    def address_lines(self) -> list[str]:
        """The non-blank lines of the address."""
        return [line for line in (self.address_line1, self.address_line2, self.postcode) if line]


class OrganisationNameChange(models.Model):
    """A new name for an organisation from a date (today, past or future); cancelled changes are kept."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="name_changes")
    name = models.CharField(max_length=200)
    start_date = models.DateField()
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ("start_date",)

    def __str__(self) -> str:
        return f"{self.name} from {self.start_date:%-d %B %Y}"


class OrganisationRelationship(models.Model):
    """The stock owner (parent) has its stock managed by the managing agent (child)."""

    stock_owner = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="managing_agent_links")
    managing_agent = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="stock_owner_links")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = (
            models.UniqueConstraint(fields=("stock_owner", "managing_agent"), name="organisation_relationship_unique"),
            models.CheckConstraint(
                condition=~models.Q(stock_owner=models.F("managing_agent")), name="organisation_relationship_not_self"
            ),
        )

    def __str__(self) -> str:
        return f"{self.stock_owner} → {self.managing_agent}"


class DataSharingAgreement(models.Model):
    """An organisation's acceptance of the data sharing agreement, with the details as they were when accepted."""

    organisation = models.OneToOneField(Organisation, on_delete=models.CASCADE, related_name="data_sharing_agreement")
    accepted_at = models.DateTimeField()
    accepted_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    organisation_name = models.CharField(max_length=200)
    organisation_address = models.CharField(max_length=500, blank=True)
    organisation_phone = models.CharField(max_length=30, blank=True)
    dpo_name = models.CharField(max_length=200)
    dpo_email = models.EmailField()

    def __str__(self) -> str:
        return f"{self.organisation_name}, accepted {self.accepted_at:%-d %B %Y}"


class MergeStatus(models.TextChoices):
    """Where a merge request is in its journey."""

    INCOMPLETE = "incomplete", "Incomplete"
    READY = "ready", "Ready to merge"
    PROCESSING = "processing", "Merging"
    MERGED = "merged", "Merged"
    FAILED = "failed", "Failed"


class MergeRequest(models.Model):
    """Organisations merging into an absorbing organisation from a date, and how the merge went."""

    absorbing_organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    merging_organisations = models.ManyToManyField(Organisation, related_name="merge_requests", blank=True)
    merge_date = models.DateField(null=True, blank=True)
    absorbing_is_new = models.BooleanField(null=True, blank=True)
    helpdesk_ticket = models.CharField(max_length=50, blank=True)
    status = models.CharField(max_length=20, choices=MergeStatus.choices, default=MergeStatus.INCOMPLETE)
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    processed_at = models.DateTimeField(null=True, blank=True)
    moved = models.JSONField(default=dict, blank=True)
    last_failure = models.TextField(blank=True)

    class Meta:
        ordering = ("-created_at",)

    def __str__(self) -> str:
        target = self.absorbing_organisation.current_name if self.absorbing_organisation else "(not chosen)"
        return f"Merge into {target}"
