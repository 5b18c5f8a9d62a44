"""The audit trail: one row per change to a record."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class Channel(models.TextChoices):
    """How a change reached the service."""

    WEB = "web", "Web"
    BULK_UPLOAD = "bulk_upload", "Bulk upload"
    API = "api", "API"
    SYSTEM = "system", "System"


class AuditEvent(models.Model):
    """One change: who made it, when, through which channel, to which record, and each field's old and new value."""

    created_at = models.DateTimeField(auto_now_add=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    actor_name = models.CharField(max_length=200, blank=True)
    channel = models.CharField(max_length=20, choices=Channel.choices, default=Channel.WEB)
    action = models.CharField(max_length=50)
    target_type = models.CharField(max_length=50)
    target_id = models.BigIntegerField()
    target_repr = models.CharField(max_length=300)
    # Each changed field with its label, old value ("from") and new value ("to")...
    changes = models.JSONField(default=dict, blank=True)
    note = models.CharField(max_length=500, blank=True)

    class Meta:
        ordering = ("-created_at", "-pk")
        indexes = (models.Index(fields=("target_type", "target_id", "created_at"), name="audit_target_idx"),)

    def __str__(self) -> str:
        return f"{self.actor_name or 'System'} {self.action} {self.target_type} {self.target_id}"
