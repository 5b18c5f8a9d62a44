"""API tokens of organisations, and the stored responses of creates sent with an idempotency key."""

from __future__ import annotations

from typing import Any, NoReturn

from django.conf import settings
from django.db import models

from collect.accounts.models import User
from collect.organisations.models import Organisation


class Scope(models.TextChoices):
    """What a token may do."""

    READ = "read", "Read"
    READ_WRITE = "read_write", "Read and write"


class ApiToken(models.Model):
    """A bearer token of one organisation. Only a hash of the token is kept; the token is shown once."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(max_length=100)
    scope = models.CharField(max_length=20, choices=Scope.choices, default=Scope.READ_WRITE)
    # The first characters of the token, so people can tell tokens apart without it.
    prefix = models.CharField(max_length=20)
    # sha256 of the whole token, as hexadecimal.
    token_hash = models.CharField(max_length=64, unique=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ("-created_at", "-pk")

    def __str__(self) -> str:
        return f"API token {self.name} ({self.prefix}…)"

    @property
    def can_write(self) -> bool:
        """Whether the token may create, change and delete logs."""
        return self.scope == Scope.READ_WRITE


class ApiActor(User):
    """The person an API call acts as: the token's creator, as a data coordinator of the token's organisation.

    Built in memory for each call (collect.api.tokens.actor_for) and never saved: the write path and the rulebook see a
    data coordinator of the token's organisation, and the audit trail names the creator and the token.
    """

    class Meta:
        proxy = True

    def save(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise TypeError("An API actor is never saved")


class IdempotencyRecord(models.Model):
    """The response to a create sent with an `Idempotency-Key` header, given again for the same key and body."""

    token = models.ForeignKey(ApiToken, on_delete=models.CASCADE, related_name="idempotency_records")
    key = models.CharField(max_length=200)
    # sha256 of the request's method, path and body: the same key with another request is refused.
    request_hash = models.CharField(max_length=64)
    status = models.PositiveSmallIntegerField()
    body = models.JSONField()
    etag = models.CharField(max_length=100, blank=True)
    location = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = (models.UniqueConstraint(fields=("token", "key"), name="api_idempotency_unique_key"),)

    def __str__(self) -> str:
        return f"Idempotency key {self.key}"
