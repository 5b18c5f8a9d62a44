"""Single-use, time-limited links for invitations, password resets and confirming a new email address.

A token is a signed, timestamped value holding the user's id and a fingerprint of their password hash and last
sign-in, email addresses and active flag, so it stops working as soon as it has been used (to set a password or
confirm an address), when the account is deactivated, and after settings.COLLECT_ACCOUNT_LINK_MAX_AGE. Each
purpose is signed with its own salt, so a link made for one cannot be used for another.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.utils.crypto import constant_time_compare, salted_hmac

from collect.accounts.models import User


class Purpose(enum.StrEnum):
    """What a link lets its holder do."""

    INVITATION = "invitation"
    PASSWORD_RESET = "password-reset"  # noqa: S105 - a name, not a password
    EMAIL_CHANGE = "email-change"


class Problem(enum.StrEnum):
    """Why a link cannot be used."""

    EXPIRED = "expired"
    USED = "used"
    INVALID = "invalid"


@dataclass(frozen=True)
class TokenCheck:
    """The outcome of reading a link's token: a user, or the reason it cannot be used."""

    user: User | None
    problem: Problem | None


def _salt(purpose: Purpose) -> str:
    return f"collect.accounts.tokens.{purpose}"


def _fingerprint(user: User, purpose: Purpose) -> str:
    state = f"{user.pk}|{user.password}|{user.last_login}|{user.email}|{user.is_active}"
    if user.pending_email:  # only then, so links sent before this field existed keep working
        state += f"|{user.pending_email}"
    return salted_hmac(_salt(purpose), state, algorithm="sha256").hexdigest()[:32]


def make_token(user: User, purpose: Purpose) -> str:
    """A token for a link that lets this user set a password."""
    return signing.dumps({"u": user.pk, "f": _fingerprint(user, purpose)}, salt=_salt(purpose))


def check_token(token: str, purpose: Purpose) -> TokenCheck:
    """Read a token: the user it was made for, or why it no longer works."""
    max_age = settings.COLLECT_ACCOUNT_LINK_MAX_AGE
    try:
        payload = signing.loads(token, salt=_salt(purpose), max_age=max_age)
    except signing.SignatureExpired:
        return TokenCheck(None, Problem.EXPIRED)
    except signing.BadSignature:
        return TokenCheck(None, Problem.INVALID)
    if not isinstance(payload, dict) or not isinstance(payload.get("u"), int):
        return TokenCheck(None, Problem.INVALID)
    user = User.objects.filter(pk=payload["u"]).first()
    if user is None:
        return TokenCheck(None, Problem.INVALID)
    if not constant_time_compare(str(payload.get("f", "")), _fingerprint(user, purpose)):
        return TokenCheck(None, Problem.USED)
    return TokenCheck(user, None)
