"""Merging organisations into an absorbing one (platform.md §2.4).

Each kind of record that moves in a merge registers a MergeStep: how many of a merging organisation's records
would move (for the preview), and how to move them. Organisations register users and relationships here; schemes
and logs register their own steps from their apps. `run_merge` applies every step in one transaction, so a merge
that fails part-way changes nothing, and running it again after success does nothing.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django_tasks import task

from collect.accounts.models import User
from collect.audit.models import Channel
from collect.audit.trail import record
from collect.organisations.models import MergeRequest, MergeStatus, Organisation, OrganisationRelationship


@dataclass(frozen=True)
class MergeContext:
    """What a step needs: the organisations, the date, and who asked."""

    absorbing: Organisation
    merging: tuple[Organisation, ...]
    merge_date: datetime.date
    actor: User | None


@dataclass(frozen=True)
class MergeStep:
    """One kind of record that moves: its label, how many would move from one organisation, and the move."""

    key: str
    label: str
    count: Callable[[Organisation, datetime.date], int]
    apply: Callable[[MergeContext], int]


MERGE_STEPS: dict[str, MergeStep] = {}


def register_merge_step(step: MergeStep) -> None:
    """Add (or replace) the step for one kind of record."""
    MERGE_STEPS[step.key] = step


def _count_users(organisation: Organisation, merge_date: datetime.date) -> int:
    return User.objects.filter(organisation=organisation).count()


def _move_users(context: MergeContext) -> int:
    return User.objects.filter(organisation__in=context.merging).update(organisation=context.absorbing)


def _count_relationships(organisation: Organisation, merge_date: datetime.date) -> int:
    return OrganisationRelationship.objects.filter(stock_owner=organisation).count() + (
        OrganisationRelationship.objects.filter(managing_agent=organisation).count()
    )


def _move_relationships(context: MergeContext) -> int:
    """Re-point the merging organisations' relationships to the absorbing one, dropping duplicates and self-links."""
    moved = 0
    absorbing, merging_ids = context.absorbing, [o.pk for o in context.merging]
    links = OrganisationRelationship.objects.filter(
        stock_owner__in=merging_ids
    ) | OrganisationRelationship.objects.filter(managing_agent__in=merging_ids)
    for link in list(links):
        owner = absorbing if link.stock_owner_id in merging_ids else link.stock_owner
        agent = absorbing if link.managing_agent_id in merging_ids else link.managing_agent
        link.delete()
        if owner.pk != agent.pk:
            OrganisationRelationship.objects.get_or_create(stock_owner=owner, managing_agent=agent)
            moved += 1
    return moved


register_merge_step(MergeStep("users", "Users", _count_users, _move_users))
register_merge_step(
    MergeStep("relationships", "Stock owners and managing agents", _count_relationships, _move_relationships)
)


def preview(merge: MergeRequest) -> list[dict[str, object]]:
    """For each merging organisation, how many records of each kind would move."""
    assert merge.merge_date is not None
    return [
        {
            "organisation": organisation,
            "counts": [(s.label, s.count(organisation, merge.merge_date)) for s in MERGE_STEPS.values()],
        }
        for organisation in merge.merging_organisations.all()
    ]


def problems(merge: MergeRequest) -> list[str]:
    """What stops the merge from starting, in plain words."""
    found = []
    if merge.absorbing_organisation is None:
        found.append("Choose the absorbing organisation")
    elif not hasattr(merge.absorbing_organisation, "data_sharing_agreement"):
        found.append(
            f"{merge.absorbing_organisation.current_name} has not accepted the data sharing agreement. "
            "Its data protection officer must accept it before the merge"
        )
    if not merge.merging_organisations.exists():
        found.append("Add at least one merging organisation")
    if merge.merge_date is None:
        found.append("Enter the merge date")
    return found


def run_merge(merge_id: int) -> MergeRequest:
    """Apply a merge request in one transaction. A merged request is left alone; a failure changes nothing."""
    with transaction.atomic():
        merge = MergeRequest.objects.select_for_update().get(pk=merge_id)
        if merge.status == MergeStatus.MERGED:
            return merge
        try:
            with transaction.atomic():
                _apply(merge)
        except Exception as error:  # any failure must leave the data as it was and say why
            merge.status = MergeStatus.FAILED
            merge.last_failure = f"{type(error).__name__}: {error}"[:2000]
            merge.save(update_fields=["status", "last_failure"])
            return merge
    _email_users(merge)
    return merge


def _email_users(merge: MergeRequest) -> None:
    """Tell every active user of the absorbing organisation, moved users included, that the merge is done."""
    from collect.notify.service import send_email

    absorbing = merge.absorbing_organisation
    assert absorbing is not None
    merged_names = ", ".join(o.current_name for o in merge.merging_organisations.exclude(pk=absorbing.pk))
    for user in User.objects.filter(organisation=absorbing, is_active=True):
        send_email(
            "merge_completed",
            user.email,
            {
                "name": user.name,
                "absorbing": absorbing.current_name,
                "merged": merged_names,
                "merge_date": f"{merge.merge_date:%-d %B %Y}",
            },
        )


@task()
def process_merge(merge_id: int) -> str:
    """The background job of a merge: run it and return its status."""
    return str(run_merge(merge_id).status)


def _apply(merge: MergeRequest) -> None:
    absorbing = merge.absorbing_organisation
    assert absorbing is not None
    assert merge.merge_date is not None
    merging = tuple(merge.merging_organisations.exclude(pk=absorbing.pk))
    context = MergeContext(absorbing, merging, merge.merge_date, merge.requested_by)
    moved = {key: step.apply(context) for key, step in MERGE_STEPS.items()}
    absorbing.holds_own_stock = absorbing.holds_own_stock or any(o.holds_own_stock for o in merging)
    absorbing.rent_periods = sorted({*absorbing.rent_periods, *(p for o in merging for p in o.rent_periods)})
    if merge.absorbing_is_new:
        absorbing.available_from = merge.merge_date
    absorbing.save()
    for organisation in merging:
        organisation.merge_date = merge.merge_date
        organisation.absorbing_organisation = absorbing
        organisation.save(update_fields=["merge_date", "absorbing_organisation", "updated_at"])
        record(
            merge.requested_by,
            "merged",
            organisation,
            channel=Channel.SYSTEM,
            note=f"Merged into {absorbing.current_name} from {merge.merge_date:%-d %B %Y}",
        )
    record(
        merge.requested_by,
        "absorbed organisations",
        absorbing,
        channel=Channel.SYSTEM,
        note=", ".join(o.current_name for o in merging) + f" from {merge.merge_date:%-d %B %Y}",
    )
    merge.status = MergeStatus.MERGED
    merge.processed_at = timezone.now()
    merge.moved = moved
    merge.last_failure = ""
    merge.save()
