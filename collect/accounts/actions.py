"""Every change to a user, one function per kind of change (platform.md §1.3, §8.1).

Each function checks that the actor may make the change (PermissionDenied otherwise), runs in one transaction,
writes the audit trail with the fields changed, and queues its emails, which go once the transaction has
committed. A rule about the data that the change breaks raises ValidationError keyed by the form field it is
about, so a view can show it next to that field. Views never save users themselves.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from collect.accounts.models import User, normalise_email
from collect.accounts.policy import (
    assignable_roles,
    can_deactivate,
    can_move_user,
    can_reactivate,
    can_resend_invitation,
    editable_user_fields,
    require,
    role_allowed_in,
)
from collect.accounts.tokens import Purpose, make_token
from collect.audit.trail import changes_between, record, snapshot
from collect.notify.service import send_email
from collect.organisations.models import Organisation

LABELS = {
    "name": "Name",
    "email": "Email address",
    "pending_email": "New email address, waiting for confirmation",
    "phone": "Phone number",
    "organisation": "Organisation",
    "role": "Role",
    "is_dpo": "Data protection officer",
    "is_key_contact": "Key contact",
    "is_active": "Active",
    "invited_at": "Invitation sent",
    "log_reassignment": "Their logs",
}
EDITABLE_FIELDS = ("name", "email", "phone", "role", "is_dpo", "is_key_contact")
EMAIL_TAKEN = "A user with this email address already exists. Enter a different email address"
SUPPORT_ONLY_IN_DEPARTMENT = (
    "Select data provider or data coordinator: only users of the department can have the support role"
)


class LogReassignment(models.TextChoices):
    """What happens to the logs of a user who moves to another organisation (the national service's options)."""

    REASSIGN_ALL = "reassign_all", "Move their logs to the new organisation, as owning and managing organisation"
    REASSIGN_STOCK_OWNER = "reassign_stock_owner", "Move their logs to the new organisation, as owning organisation"
    REASSIGN_MANAGING_AGENT = (
        "reassign_managing_agent",
        "Move their logs to the new organisation, as managing organisation",
    )
    UNASSIGN = "unassign", "Leave their logs with their current organisation, assigned to nobody"


@dataclass(frozen=True)
class UserUpdate:
    """What update_user did: the changes recorded, and the new email address waiting for confirmation, if any."""

    changes: dict[str, Any] = field(default_factory=dict)
    pending_email: str | None = None
    invitation_sent: bool = False


def _snapshot(user: User, fields: tuple[str, ...]) -> dict[str, Any]:
    """Field values as people read them: choices by label, yes or no, dates in words."""
    values = snapshot(user, fields)
    for name in values:
        raw = getattr(user, name)
        if isinstance(raw, bool):
            values[name] = "Yes" if raw else "No"
        elif isinstance(raw, datetime):
            values[name] = date_format(timezone.localtime(raw), "j F Y \\a\\t g:ia")
    return values


def _locked(user: User) -> User:
    """The user's row, read again and locked until the transaction ends."""
    return User.objects.select_for_update().select_related("organisation").get(pk=user.pk)


def _service_link(view_name: str, *args: Any) -> str:
    return settings.SERVICE_URL + reverse(view_name, args=args or None)


def send_invitation(user: User, invited_by: User | None) -> None:
    """Email a link to create a password; a new invitation replaces any earlier one's date."""
    user.invited_at = timezone.now()
    User.objects.filter(pk=user.pk).update(invited_at=user.invited_at)
    context = {
        "name": user.name,
        "link": _service_link("accounts:invitation-link", make_token(user, Purpose.INVITATION)),
        "organisation": user.organisation.name,
        "role": user.get_role_display(),
        "invited_by": invited_by.name if invited_by else "The CORE team",
    }
    send_email("invitation", user.email, context)


def invite_user(
    actor: User,
    *,
    name: str,
    email: str,
    organisation: Organisation,
    role: int,
    is_dpo: bool = False,
    is_key_contact: bool = False,
) -> User:
    """Create a user without a password and email them a link to create one.

    Support invites into any organisation, a data coordinator into their own; only the department's users may
    have the support role.
    """
    require(actor.is_support or (actor.is_data_coordinator and organisation.pk == actor.organisation_id))
    if role not in assignable_roles(actor):
        raise ValidationError({"role": "Select a role from the list"})
    if not role_allowed_in(role, organisation):
        raise ValidationError({"role": SUPPORT_ONLY_IN_DEPARTMENT})
    if not organisation.active:
        raise ValidationError({"organisation": "Select an active organisation"})
    email = normalise_email(email)
    with transaction.atomic():
        if User.objects.filter(email=email).exists():
            raise ValidationError({"email": EMAIL_TAKEN})
        user = User.objects.create_user(
            email,
            None,
            name=name,
            organisation=organisation,
            role=role,
            is_dpo=is_dpo,
            is_key_contact=is_key_contact,
        )
        fields = ("name", "email", "organisation", "role", "is_dpo", "is_key_contact")
        record(actor, "Invited", user, changes=changes_between({}, _snapshot(user, fields), LABELS))
        send_invitation(user, invited_by=actor)
    return user


def update_user(actor: User, user: User, values: Mapping[str, Any]) -> UserUpdate:
    """Change some of a user's name, email, phone, role and flags; only the fields the actor may change.

    Values equal to the current ones are not changes. A value for a field the actor may not change
    (policy.editable_user_fields) raises PermissionDenied and changes nothing.

    A new email address for someone who has set a password only takes effect once they follow the confirmation
    link sent to it (confirm_email_change); their current address is told about the change (platform.md §8.1),
    and they keep signing in with it meanwhile. Entering their current address again cancels a waiting change.
    Someone who has not yet set a password has never used their address, so it changes at once and, if they are
    active, a new invitation goes to the new address (links sent to the old one stop working).
    """
    unknown = set(values) - set(EDITABLE_FIELDS)
    if unknown:
        raise PermissionDenied(f"Not a field of update_user: {sorted(unknown)}")
    require(bool(editable_user_fields(actor, user)))
    with transaction.atomic():
        locked = _locked(user)
        wanted = _wanted_changes(locked, values)
        refused = set(wanted) - editable_user_fields(actor, locked)
        if refused:
            raise PermissionDenied(f"{actor} may not change {sorted(refused)} of {locked}")
        if "role" in wanted:
            _check_role(actor, locked, wanted["role"])
        fields = (*EDITABLE_FIELDS, "pending_email")
        before = _snapshot(locked, fields)
        old_email = locked.email
        for name, value in wanted.items():
            if name != "email":
                setattr(locked, name, value)
        pending, invite = _change_email(locked, wanted["email"]) if "email" in wanted else (None, False)
        changes = changes_between(before, _snapshot(locked, fields), LABELS)
        if not changes:
            return UserUpdate()
        locked.save(update_fields=[*changes, "updated_at"])
        record(actor, "Changed details", locked, changes=changes)
        if pending:
            _send_email_change_messages(actor, locked, old_email, pending)
        if invite:
            send_invitation(locked, invited_by=None if actor.pk == locked.pk else actor)
        if wanted.get("is_dpo") and locked.is_active:
            _ask_new_dpo_to_accept_agreement(locked)
    user.refresh_from_db()
    return UserUpdate(changes=changes, pending_email=pending, invitation_sent=invite)


def _ask_new_dpo_to_accept_agreement(user: User) -> None:
    """A new data protection officer of an organisation that has not accepted the agreement is sent it (§1.4)."""
    from collect.accounts.policy import has_accepted_data_sharing_agreement

    organisation = user.organisation
    if has_accepted_data_sharing_agreement(organisation):
        return
    path = reverse("organisations:data-sharing-agreement", args=[organisation.pk])
    send_email(
        "data_sharing_agreement_needed",
        user.email,
        {"name": user.name, "organisation": organisation.current_name, "link": settings.SERVICE_URL + path},
    )


def _wanted_changes(user: User, values: Mapping[str, Any]) -> dict[str, Any]:
    """The values that differ from the user's; the email address is compared with the one waiting, if any."""
    wanted = {name: value for name, value in values.items() if name != "email" and getattr(user, name) != value}
    if "email" in values:
        email = normalise_email(values["email"])
        if email != (user.pending_email or user.email):
            wanted["email"] = email
    return wanted


def _check_role(actor: User, user: User, role: int) -> None:
    if role not in assignable_roles(actor):
        raise ValidationError({"role": "Select a role from the list"})
    if not role_allowed_in(role, user.organisation):
        raise ValidationError({"role": SUPPORT_ONLY_IN_DEPARTMENT})


def _change_email(user: User, email: str) -> tuple[str | None, bool]:
    """Set a new email address on the (unsaved) user: (the address now waiting for confirmation, invite again?)."""
    if email == user.email:  # back to the current address: cancel the waiting change
        user.pending_email = ""
        return None, False
    if User.objects.filter(email=email).exclude(pk=user.pk).exists():
        raise ValidationError({"email": EMAIL_TAKEN})
    if user.has_set_password:
        user.pending_email = email
        return email, False
    user.email, user.pending_email = email, ""
    return None, user.is_active


def _send_email_change_messages(actor: User, user: User, old_email: str, new_email: str) -> None:
    """A notice to the current address and a confirmation link to the new one."""
    context = {
        "name": user.name,
        "old_email": old_email,
        "new_email": new_email,
        "changed_by": "" if actor.pk == user.pk else actor.name,
    }
    notice_link = _service_link("accounts:sign-in")
    send_email("email_change_notice", old_email, {**context, "link": notice_link})
    confirm_link = _service_link("accounts:confirm-email-link", make_token(user, Purpose.EMAIL_CHANGE))
    send_email("email_change_confirmation", new_email, {**context, "link": confirm_link})


def confirm_email_change(user: User) -> None:
    """Make the new email address waiting for confirmation the user's address; its owner followed the link."""
    with transaction.atomic():
        locked = _locked(user)
        if not locked.pending_email:
            raise ValidationError("There is no new email address to confirm")
        if User.objects.filter(email=locked.pending_email).exclude(pk=locked.pk).exists():
            raise ValidationError({"email": EMAIL_TAKEN})
        before = _snapshot(locked, ("email", "pending_email"))
        locked.email, locked.pending_email = locked.pending_email, ""
        locked.save(update_fields=["email", "pending_email", "updated_at"])
        changes = changes_between(before, _snapshot(locked, ("email", "pending_email")), LABELS)
        record(locked, "Confirmed new email address", locked, changes=changes)
    user.refresh_from_db()


def deactivate_user(actor: User, user: User) -> None:
    """Stop a user signing in. Support and the user's data coordinators may; nobody deactivates themselves.

    Links already sent to them stop working, and a session they have open ends at their next request.
    """
    require(can_deactivate(actor, user))
    with transaction.atomic():
        locked = _locked(user)
        require(can_deactivate(actor, locked))
        before = _snapshot(locked, ("is_active",))
        locked.is_active = False
        locked.save(update_fields=["is_active", "updated_at"])
        record(actor, "Deactivated", locked, changes=changes_between(before, _snapshot(locked, ("is_active",)), LABELS))
    user.refresh_from_db()


def reactivate_user(actor: User, user: User) -> None:
    """Let a deactivated user sign in again, and tell them by email.

    Someone who never set a password gets a new invitation to create one; someone who had gets an email saying
    their account has been reactivated, with a link to sign in.
    """
    require(can_reactivate(actor, user))
    with transaction.atomic():
        locked = _locked(user)
        require(can_reactivate(actor, locked))
        before = _snapshot(locked, ("is_active",))
        locked.is_active = True
        locked.save(update_fields=["is_active", "updated_at"])
        record(actor, "Reactivated", locked, changes=changes_between(before, _snapshot(locked, ("is_active",)), LABELS))
        if locked.has_set_password:
            context = {
                "name": locked.name,
                "organisation": locked.organisation.name,
                "link": _service_link("accounts:sign-in"),
            }
            send_email("account_reactivated", locked.email, context)
        else:
            send_invitation(locked, invited_by=actor)
    user.refresh_from_db()


def resend_invitation(actor: User, user: User) -> None:
    """Send a new invitation to an active user who has not yet set a password; earlier links keep their 24 hours."""
    require(can_resend_invitation(actor, user))
    with transaction.atomic():
        locked = _locked(user)
        require(can_resend_invitation(actor, locked))
        before = _snapshot(locked, ("invited_at",))
        send_invitation(locked, invited_by=actor)
        changes = changes_between(before, _snapshot(locked, ("invited_at",)), LABELS)
        record(actor, "Invitation sent again", locked, changes=changes, note=f"Invitation sent to {locked.email}")
    user.refresh_from_db()


def move_user_to_organisation(
    actor: User, user: User, organisation: Organisation, log_reassignment: LogReassignment
) -> None:
    """Move a user to another organisation (support only), and tell them by email.

    Their data protection officer and key contact flags are cleared: those are responsibilities for an
    organisation. A support user may only move between organisations that are the department.

    Logs do not exist yet, so `log_reassignment`, support's choice of what happens to the logs assigned to the
    user, is recorded in the audit event and told to the user; moving or unassigning the logs themselves joins
    this function, in the same transaction, when logs exist.
    """
    require(can_move_user(actor))
    with transaction.atomic():
        locked = _locked(user)
        old_organisation = locked.organisation
        if organisation.pk == old_organisation.pk:
            raise ValidationError({"organisation": "Select an organisation other than the user's current one"})
        if not organisation.active:
            raise ValidationError({"organisation": "Select an active organisation"})
        if not role_allowed_in(locked.role, organisation):
            raise ValidationError(
                {"organisation": "Select the department, or first change the user's role from support"}
            )
        fields = ("organisation", "is_dpo", "is_key_contact")
        before = _snapshot(locked, fields)
        locked.organisation, locked.is_dpo, locked.is_key_contact = organisation, False, False
        locked.save(update_fields=[*fields, "updated_at"])
        changes = changes_between(before, _snapshot(locked, fields), LABELS)
        changes["log_reassignment"] = {"label": LABELS["log_reassignment"], "from": None, "to": log_reassignment.label}
        record(actor, "Moved to another organisation", locked, changes=changes)
        if locked.is_active:
            context = {
                "name": locked.name,
                "from_organisation": old_organisation.name,
                "to_organisation": organisation.name,
                "log_reassignment": str(log_reassignment.value),
                "link": _service_link("accounts:sign-in"),
            }
            send_email("organisation_changed", locked.email, context)
    user.refresh_from_db()
