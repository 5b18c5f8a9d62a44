"""Organisations that own or manage social housing, and who manages stock for whom."""

from __future__ import annotations

from django.db import models
from django.db.models.functions import Lower


class ProviderType(models.IntegerChoices):
    """The kind of provider an organisation is (codes of the national standard)."""

    LOCAL_AUTHORITY = 1, "Local authority"
    PRIVATE_REGISTERED_PROVIDER = 2, "Private registered provider"


class Organisation(models.Model):
    """A local authority or private registered provider that sends logs, or the department itself."""

    name = models.CharField(max_length=200)
    provider_type = models.PositiveSmallIntegerField(choices=ProviderType.choices)
    holds_own_stock = models.BooleanField(default=True)
    active = models.BooleanField(default=True)
    # The department that runs the service: only its users may have the support role (platform.md §1.1).
    is_department = models.BooleanField("The department", default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ("name",)
        constraints = (models.UniqueConstraint(Lower("name"), name="organisation_name_unique_ci"),)

    def __str__(self) -> str:
        return self.name

    @property
    def display_id(self) -> str:
        """The identifier shown to people and accepted in bulk uploads, such as ORG12."""
        return f"ORG{self.pk}"


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
