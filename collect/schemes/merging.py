"""How schemes and locations move when organisations merge (platform.md §2.4).

Each scheme of a merging organisation is copied to the absorbing organisation with a new code, available from the
later of its own start and the merge date, with its locations likewise; deactivation periods still running after
the merge date are copied too. The original scheme is deactivated from the merge date, so logs before the merge
keep pointing at it.
"""

from __future__ import annotations

import datetime

from django.forms.models import model_to_dict

from collect.audit.models import Channel
from collect.audit.trail import record
from collect.organisations.merging import MergeContext, MergeStep
from collect.organisations.models import Organisation
from collect.schemes.models import Location, LocationDeactivationPeriod, Scheme, SchemeDeactivationPeriod

_NOT_COPIED = {"id", "created_at", "updated_at", "owning_organisation", "scheme", "startdate"}


def _later(day: datetime.date | None, merge_date: datetime.date) -> datetime.date:
    return max(day, merge_date) if day else merge_date


def _copy_periods(
    periods: list[SchemeDeactivationPeriod] | list[LocationDeactivationPeriod], merge_date: datetime.date
) -> list[tuple[datetime.date, datetime.date | None]]:
    """The parts of deactivation periods that still matter on or after the merge date."""
    return [
        (max(p.deactivation_date, merge_date), p.reactivation_date)
        for p in periods
        if p.reactivation_date is None or p.reactivation_date > merge_date
    ]


def _deactivate_from(
    periods: list[SchemeDeactivationPeriod] | list[LocationDeactivationPeriod], merge_date: datetime.date
) -> bool:
    """Whether the original still needs a deactivation from the merge date."""
    return not any(p.deactivation_date <= merge_date and (p.reactivation_date is None) for p in periods)


def count_schemes(organisation: Organisation, merge_date: datetime.date) -> int:
    """How many schemes of an organisation a merge copies."""
    return Scheme.objects.filter(owning_organisation=organisation).count()


def move_schemes(context: MergeContext) -> int:
    """Copy the merging organisations' schemes and locations to the absorbing organisation."""
    moved = 0
    schemes = Scheme.objects.filter(owning_organisation__in=context.merging).prefetch_related(
        "deactivation_periods", "locations__deactivation_periods"
    )
    for scheme in schemes:
        scheme_periods = list(scheme.deactivation_periods.all())
        copy = Scheme.objects.create(
            **{k: v for k, v in model_to_dict(scheme).items() if k not in _NOT_COPIED},
            owning_organisation=context.absorbing,
            startdate=_later(scheme.startdate, context.merge_date),
        )
        for start, end in _copy_periods(scheme_periods, context.merge_date):
            SchemeDeactivationPeriod.objects.create(scheme=copy, deactivation_date=start, reactivation_date=end)
        for location in scheme.locations.all():
            location_periods = list(location.deactivation_periods.all())
            new_location = Location.objects.create(
                **{k: v for k, v in model_to_dict(location).items() if k not in _NOT_COPIED},
                scheme=copy,
                startdate=_later(location.startdate, context.merge_date),
            )
            for start, end in _copy_periods(location_periods, context.merge_date):
                LocationDeactivationPeriod.objects.create(
                    location=new_location, deactivation_date=start, reactivation_date=end
                )
        if _deactivate_from(scheme_periods, context.merge_date):
            SchemeDeactivationPeriod.objects.filter(scheme=scheme, deactivation_date__gte=context.merge_date).delete()
            SchemeDeactivationPeriod.objects.create(scheme=scheme, deactivation_date=context.merge_date)
        note = f"Copied to {context.absorbing.current_name} as {copy.code} by a merge"
        record(context.actor, "copied by merge", scheme, channel=Channel.SYSTEM, note=note)
        record(context.actor, "created by merge", copy, channel=Channel.SYSTEM, note=f"Copy of {scheme.code}")
        moved += 1
    return moved


MERGE_STEP = MergeStep("schemes", "Supported housing schemes", count_schemes, move_schemes)
