"""Every change to an organisation, its names, relationships and data sharing agreement, with its audit row."""

from __future__ import annotations

import datetime
from typing import Any

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from collect.accounts.actions import send_invitation
from collect.accounts.models import User
from collect.audit.trail import changes_between, field_labels, record, snapshot
from collect.organisations.models import (
    DataSharingAgreement,
    Organisation,
    OrganisationNameChange,
    OrganisationRelationship,
)

AUDITED_FIELDS = (
    "name",
    "provider_type",
    "holds_own_stock",
    "housing_registration_no",
    "profit_status",
    "region",
    "group",
    "address_line1",
    "address_line2",
    "postcode",
    "phone",
    "rent_periods",
    "active",
)


def _labels() -> dict[str, str]:
    return field_labels(Organisation)


def next_group_number() -> int:
    """A group number no organisation uses yet."""
    return (Organisation.objects.aggregate(top=Max("group"))["top"] or 0) + 1


@transaction.atomic
def create_organisation(actor: User, values: dict[str, Any]) -> Organisation:
    """Create an organisation from a form's cleaned values."""
    organisation = Organisation.objects.create(**values)
    changes = changes_between({}, snapshot(organisation, AUDITED_FIELDS), _labels())
    record(actor, "created", organisation, changes=changes)
    return organisation


@transaction.atomic
def update_organisation(actor: User, organisation: Organisation, values: dict[str, Any]) -> Organisation:
    """Change the given fields; the caller has already limited them to what the actor may change."""
    before = snapshot(organisation, AUDITED_FIELDS)
    for name, value in values.items():
        setattr(organisation, name, value)
    organisation.save()
    changes = changes_between(before, snapshot(organisation, AUDITED_FIELDS), _labels())
    if changes:
        record(actor, "updated", organisation, changes=changes)
    return organisation


@transaction.atomic
def change_name(actor: User, organisation: Organisation, name: str, start_date: datetime.date) -> None:
    """Schedule (or apply from a past date) a new name."""
    change = OrganisationNameChange.objects.create(
        organisation=organisation, name=name, start_date=start_date, created_by=actor
    )
    record(
        actor,
        "name change scheduled",
        organisation,
        changes={"name": {"label": "Name", "from": organisation.name_on(start_date), "to": name}},
        note=f"From {change.start_date:%-d %B %Y}",
    )


@transaction.atomic
def cancel_name_change(actor: User, change: OrganisationNameChange) -> None:
    """Cancel a scheduled name change (it stays in the history)."""
    change.cancelled_at = timezone.now()
    change.save(update_fields=["cancelled_at"])
    record(actor, "name change cancelled", change.organisation, note=f"{change.name} from {change.start_date}")


@transaction.atomic
def deactivate_organisation(actor: User, organisation: Organisation) -> int:
    """Deactivate an organisation and its active users (remembered so reactivation restores them)."""
    users = list(User.objects.filter(organisation=organisation, is_active=True).values_list("pk", flat=True))
    User.objects.filter(pk__in=users).update(is_active=False)
    organisation.active = False
    organisation.deactivated_user_ids = users
    organisation.save(update_fields=["active", "deactivated_user_ids", "updated_at"])
    record(
        actor,
        "deactivated",
        organisation,
        changes={"active": {"label": "Active", "from": True, "to": False}},
        note=f"{len(users)} users deactivated with it",
    )
    return len(users)


@transaction.atomic
def reactivate_organisation(actor: User, organisation: Organisation) -> list[User]:
    """Reactivate an organisation and the users it switched off; they are invited to set a password again."""
    users = list(User.objects.filter(pk__in=organisation.deactivated_user_ids, organisation=organisation))
    for user in users:
        user.is_active = True
        user.set_unusable_password()
        user.save(update_fields=["is_active", "password"])
        send_invitation(user, invited_by=None)
    organisation.active = True
    organisation.deactivated_user_ids = []
    organisation.save(update_fields=["active", "deactivated_user_ids", "updated_at"])
    record(
        actor,
        "reactivated",
        organisation,
        changes={"active": {"label": "Active", "from": False, "to": True}},
        note=f"{len(users)} users reactivated with it",
    )
    return users


@transaction.atomic
def add_relationship(actor: User, stock_owner: Organisation, managing_agent: Organisation) -> OrganisationRelationship:
    """Record that managing_agent manages stock_owner's stock (the caller checked the stock owner holds stock)."""
    relationship, _ = OrganisationRelationship.objects.get_or_create(
        stock_owner=stock_owner, managing_agent=managing_agent
    )
    note = f"{managing_agent.current_name} manages stock for {stock_owner.current_name}"
    record(actor, "relationship added", stock_owner, note=note)
    record(actor, "relationship added", managing_agent, note=note)
    return relationship


@transaction.atomic
def remove_relationship(actor: User, relationship: OrganisationRelationship) -> None:
    """End a stock owner / managing agent relationship."""
    agent, owner = relationship.managing_agent.current_name, relationship.stock_owner.current_name
    note = f"{agent} no longer manages stock for {owner}"
    record(actor, "relationship removed", relationship.stock_owner, note=note)
    record(actor, "relationship removed", relationship.managing_agent, note=note)
    relationship.delete()


@transaction.atomic
def accept_data_sharing_agreement(actor: User, organisation: Organisation) -> DataSharingAgreement:
    """The organisation's data protection officer accepts the agreement; the details of the day are kept."""
    agreement = DataSharingAgreement.objects.create(
        organisation=organisation,
        accepted_at=timezone.now(),
        accepted_by=actor,
        organisation_name=organisation.current_name,
        organisation_address=", ".join(organisation.address_lines),
        organisation_phone=organisation.phone,
        dpo_name=actor.name,
        dpo_email=actor.email,
    )
    record(actor, "data sharing agreement accepted", organisation)
    return agreement
