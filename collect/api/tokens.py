"""API tokens: made, found by their hash, revoked, and the person an API call acts as.

A token is `core_` followed by 43 URL-safe random characters (256 bits). Only its sha256 is stored, with its first
characters to tell tokens apart; the token itself is shown once, when it is made. A token works while it is not
revoked, its organisation is active and the person who made it can still sign in.
"""

from __future__ import annotations

import datetime
import hashlib
import secrets

from django.db import transaction
from django.utils import timezone

from collect.accounts.models import Role, User
from collect.api.models import ApiActor, ApiToken, Scope
from collect.audit import trail
from collect.organisations.models import Organisation

TOKEN_PREFIX = "core_"  # noqa: S105 - the start of every token, not a secret
SHOWN_PREFIX_LENGTH = len(TOKEN_PREFIX) + 6
# last_used_at is written at most this often, so most calls do not write the token's row.
LAST_USED_EVERY = datetime.timedelta(seconds=60)


def hash_token(token: str) -> str:
    """The stored form of a token."""
    return hashlib.sha256(token.encode()).hexdigest()


def create_token(
    actor: User, organisation: Organisation, name: str, scope: str = Scope.READ_WRITE
) -> tuple[ApiToken, str]:
    """Make a token for an organisation; returns the record and the token, which is never available again."""
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    with transaction.atomic():
        record = ApiToken.objects.create(
            organisation=organisation,
            name=name.strip(),
            scope=scope,
            prefix=token[:SHOWN_PREFIX_LENGTH],
            token_hash=hash_token(token),
            created_by=actor,
        )
        changes = {
            "name": {"label": "Name", "from": None, "to": record.name},
            "scope": {"label": "Scope", "from": None, "to": record.get_scope_display()},
        }
        trail.record(actor, "create", record, changes=changes, target_type="api_token", note=str(organisation))
    return record, token


def revoke_token(actor: User, token: ApiToken) -> None:
    """Stop a token working, at once; the record stays for the audit trail."""
    with transaction.atomic():
        locked = ApiToken.objects.select_for_update().get(pk=token.pk)
        if locked.revoked_at is not None:
            return
        locked.revoked_at = timezone.now()
        locked.revoked_by = actor
        locked.save(update_fields=("revoked_at", "revoked_by"))
        changes = {"revoked_at": {"label": "Revoked", "from": None, "to": locked.revoked_at.isoformat()}}
        trail.record(actor, "revoke", locked, changes=changes, target_type="api_token", note=str(locked.organisation))
    token.revoked_at, token.revoked_by = locked.revoked_at, actor


def find_token(presented: str) -> ApiToken | None:
    """The working token with this value, or None (unknown, revoked, its organisation or maker deactivated)."""
    if not presented.startswith(TOKEN_PREFIX) or len(presented) > 200:
        return None
    token = (
        ApiToken.objects.select_related("organisation", "created_by")
        .filter(token_hash=hash_token(presented), revoked_at__isnull=True)
        .first()
    )
    if token is None or not token.organisation.active or not token.created_by.is_active:
        return None
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at >= LAST_USED_EVERY:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now
    return token


def actor_for(token: ApiToken) -> ApiActor:
    """Who an API call acts as: the token's maker, as a data coordinator of the token's organisation (never saved).

    The rulebook and the write path then treat the call as the web form treats a data coordinator of that
    organisation (the same setup questions, choices and scope), and audit events name the maker and the token.
    """
    maker = token.created_by
    return ApiActor(
        pk=maker.pk,
        email=maker.email,
        name=f"{maker.name} (API token {token.name}, {token.prefix}…)"[:200],
        role=Role.DATA_COORDINATOR,
        organisation=token.organisation,
        is_active=True,
    )
