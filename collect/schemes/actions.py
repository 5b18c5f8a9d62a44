"""Every change to schemes and locations: one function per kind of change, each in a transaction with its audit event.

Views check who may do what (collect.schemes.policy) before calling these; the functions check it again for the
fields they are given, and check the dates of deactivations and reactivations, so no caller can skip a rule.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from collect.accounts.models import User
from collect.audit.trail import changes_between, field_labels, record, snapshot
from collect.organisations.models import Organisation
from collect.refdata.models import LocalAuthority
from collect.schemes import lifecycle, options, policy
from collect.schemes.duplicates import DuplicateSets
from collect.schemes.models import DuplicateReview, Location, Scheme


class IncompleteError(ValueError):
    """A record cannot be confirmed: some answers are missing."""

    def __init__(self, missing: list[str]) -> None:
        super().__init__(f"missing answers: {', '.join(missing)}")
        self.missing = missing


def _scheme_snapshot(scheme: Scheme) -> dict[str, Any]:
    return snapshot(scheme, (*policy.SCHEME_FIELDS, "confirmed"))


def _location_snapshot(location: Location) -> dict[str, Any]:
    values = snapshot(location, (*policy.LOCATION_FIELDS, "confirmed"))
    code = location.local_authority_code
    if code:
        name = LocalAuthority.objects.filter(code=code).values_list("name", flat=True).first()
        values["local_authority_code"] = f"{name} ({code})" if name else code
    return values


def _check_fields(given: dict[str, Any], allowed: tuple[str, ...]) -> None:
    refused = sorted(set(given) - set(allowed))
    if refused:
        raise PermissionDenied(f"may not change: {', '.join(refused)}")


def _check_owner(actor: User, owner: Organisation) -> None:
    if not policy.owning_organisation_choices(actor).filter(pk=owner.pk).exists():
        raise PermissionDenied("this organisation cannot own the scheme")


def create_scheme(actor: User, **values: Any) -> Scheme:
    """Start a scheme from its details page; it stays incomplete until confirmed."""
    _check_fields(values, policy.DETAILS_FIELDS)
    _check_owner(actor, values["owning_organisation"])
    with transaction.atomic():
        scheme = Scheme.objects.create(**values)
        record(actor, "Created", scheme, changes=changes_between({}, _scheme_snapshot(scheme), field_labels(Scheme)))
    return scheme


def update_scheme(actor: User, scheme: Scheme, **values: Any) -> Scheme:
    """Change some answers of a scheme; answering "No" to another client group clears the secondary group."""
    _check_fields(values, policy.editable_scheme_fields(actor, scheme))
    owner = values.get("owning_organisation")
    if owner is not None and owner.pk != scheme.owning_organisation_id:
        _check_owner(actor, owner)
    if values.get("has_other_client_group") == options.NO:
        values["secondary_client_group"] = ""
    with transaction.atomic():
        before = _scheme_snapshot(scheme)
        for name, value in values.items():
            setattr(scheme, name, value)
        scheme.save()
        changes = changes_between(before, _scheme_snapshot(scheme), field_labels(Scheme))
        if changes:
            record(actor, "Changed", scheme, changes=changes)
    return scheme


def confirm_scheme(actor: User, scheme: Scheme) -> Scheme:
    """Finish setting up a scheme after its answers were checked."""
    if not policy.manages_schemes(actor):
        raise PermissionDenied
    missing = scheme.missing_answers()
    if missing:
        raise IncompleteError(missing)
    if scheme.confirmed:
        return scheme
    with transaction.atomic():
        scheme.confirmed = True
        scheme.save(update_fields=["confirmed", "updated_at"])
        record(actor, "Confirmed", scheme)
    return scheme


def _today() -> datetime.date:
    return timezone.localdate()


def deactivate_scheme(actor: User, scheme: Scheme, day: datetime.date) -> Scheme:
    """Deactivate a scheme from a date (today or another day, in the past or the future)."""
    if not policy.manages_schemes(actor) or not lifecycle.can_deactivate(scheme):
        raise PermissionDenied
    problem = lifecycle.deactivation_problem(scheme, day, _today())
    if problem:
        raise ValueError(problem)
    with transaction.atomic():
        scheme.deactivation_periods.create(deactivation_date=day)
        _changed_period(actor, scheme, "Deactivated", name="deactivation_date", label="Deactivation date", day=day)
    return scheme


def reactivate_scheme(actor: User, scheme: Scheme, day: datetime.date) -> Scheme:
    """End a scheme's deactivation from a date."""
    if not policy.manages_schemes(actor):
        raise PermissionDenied
    problem = lifecycle.reactivation_problem(scheme, day, _today())
    if problem:
        raise ValueError(problem)
    period = scheme.open_deactivation()
    assert period is not None  # reactivation_problem says so otherwise
    with transaction.atomic():
        period.reactivation_date = day
        period.save(update_fields=["reactivation_date"])
        _changed_period(actor, scheme, "Reactivated", name="reactivation_date", label="Reactivation date", day=day)
    return scheme


def _changed_period(
    actor: User, target: Scheme | Location, action: str, *, name: str, label: str, day: datetime.date
) -> None:
    # Drop what status_on remembered, so the caller sees the new status.
    target.__dict__.pop("_status_today", None)
    if hasattr(target, "_prefetched_objects_cache"):
        target._prefetched_objects_cache.pop("deactivation_periods", None)
    record(actor, action, target, changes={name: {"label": label, "from": None, "to": day.isoformat()}})


def create_location(
    actor: User, scheme: Scheme, *, postcode: str, local_authority_code: str, is_la_inferred: bool
) -> Location:
    """Start a location of a scheme from its postcode; it stays incomplete until confirmed."""
    if not policy.manages_schemes(actor):
        raise PermissionDenied
    with transaction.atomic():
        location = Location.objects.create(
            scheme=scheme,
            postcode=postcode,
            local_authority_code=local_authority_code,
            is_la_inferred=is_la_inferred,
        )
        record(
            actor,
            "Created",
            location,
            changes=changes_between({}, _location_snapshot(location), field_labels(Location)),
        )
    return location


def update_location(actor: User, location: Location, **values: Any) -> Location:
    """Change some answers of a location. A new postcode comes with its local authority (is_la_inferred too)."""
    inferred = values.pop("is_la_inferred", None)
    _check_fields(values, policy.editable_location_fields(actor, location))
    with transaction.atomic():
        before = _location_snapshot(location)
        for name, value in values.items():
            setattr(location, name, value)
        if inferred is not None:
            location.is_la_inferred = inferred
        location.save()
        changes = changes_between(before, _location_snapshot(location), field_labels(Location))
        if changes:
            record(actor, "Changed", location, changes=changes)
    return location


def confirm_location(actor: User, location: Location) -> Location:
    """Add a location to its scheme for good after its answers were checked."""
    if not policy.manages_schemes(actor):
        raise PermissionDenied
    missing = location.missing_answers()
    if missing:
        raise IncompleteError(missing)
    if location.confirmed:
        return location
    with transaction.atomic():
        location.confirmed = True
        location.save(update_fields=["confirmed", "updated_at"])
        record(actor, "Confirmed", location)
    return location


def deactivate_location(actor: User, location: Location, day: datetime.date) -> Location:
    """Deactivate a location from a date."""
    if not policy.manages_schemes(actor) or not lifecycle.can_deactivate(location):
        raise PermissionDenied
    problem = lifecycle.deactivation_problem(location, day, _today())
    if problem:
        raise ValueError(problem)
    with transaction.atomic():
        location.deactivation_periods.create(deactivation_date=day)
        _changed_period(actor, location, "Deactivated", name="deactivation_date", label="Deactivation date", day=day)
    return location


def reactivate_location(actor: User, location: Location, day: datetime.date) -> Location:
    """End a location's deactivation from a date."""
    if not policy.manages_schemes(actor):
        raise PermissionDenied
    problem = lifecycle.reactivation_problem(location, day, _today())
    if problem:
        raise ValueError(problem)
    period = location.open_deactivation()
    assert period is not None
    with transaction.atomic():
        period.reactivation_date = day
        period.save(update_fields=["reactivation_date"])
        _changed_period(actor, location, "Reactivated", name="reactivation_date", label="Reactivation date", day=day)
    return location


def confirm_not_duplicates(actor: User, organisation: Organisation, sets: DuplicateSets) -> DuplicateReview:
    """Record that these look-alike sets of an organisation's schemes and locations are not duplicates."""
    if not policy.can_review_duplicates(actor, organisation):
        raise PermissionDenied
    with transaction.atomic():
        review = DuplicateReview.objects.create(
            organisation=organisation,
            reviewed_by=actor,
            scheme_sets=sets.scheme_ids(),
            location_sets=sets.location_ids(),
        )
        described = [", ".join(s.code for s in found) for found in sets.schemes]
        described += [", ".join(f"{loc.scheme.code}/{loc.code}" for loc in found) for found in sets.locations]
        record(
            actor,
            "Confirmed schemes and locations are not duplicates",
            organisation,
            note="; ".join(described),
        )
    return review
