"""Schemes and locations that might be duplicates (platform.md §3.1), and which of them still need a review.

- Schemes of the same owning organisation are look-alikes when they have the same type, regulation by the CQC,
  client groups (primary, whether there is another, secondary), level of support and intended length of stay.
- Locations of the same scheme are look-alikes when they have the same postcode and mobility standards.
Only confirmed records that are not deactivated today count. A data coordinator (or support) looks at the sets and
either deactivates the real duplicates or confirms that they are not duplicates (collect.schemes.actions).
"""

from __future__ import annotations

import operator
from dataclasses import dataclass, field
from functools import reduce

from django.db.models import Count, Q, QuerySet

from collect.organisations.models import Organisation
from collect.schemes.models import DuplicateReview, Location, Scheme, SchemeQuerySet
from collect.schemes.options import DEACTIVATED

SCHEME_KEYS = (
    "owning_organisation_id",
    "scheme_type",
    "registered_under_care_act",
    "primary_client_group",
    "has_other_client_group",
    "secondary_client_group",
    "support_type",
    "intended_stay",
)
SCHEME_KEY_LABELS = (
    "Housing stock owned by",
    "Type of scheme",
    "Regulated by the Care Quality Commission",
    "Primary client group",
    "Has another client group",
    "Secondary client group",
    "Level of support given",
    "Intended length of stay",
)
LOCATION_KEYS = ("scheme_id", "postcode", "mobility_type")
LOCATION_KEY_LABELS = ("Scheme", "Postcode", "Mobility standards")


@dataclass
class DuplicateSets:
    """Sets of look-alike schemes and of look-alike locations, each set sorted by id."""

    schemes: list[list[Scheme]] = field(default_factory=list)
    locations: list[list[Location]] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.schemes or self.locations)

    def scheme_ids(self) -> list[list[int]]:
        """The sets as lists of ids."""
        return [[s.pk for s in found] for found in self.schemes]

    def location_ids(self) -> list[list[int]]:
        """The sets as lists of ids."""
        return [[loc.pk for loc in found] for found in self.locations]


def _keyed_matches(queryset: QuerySet, keys: tuple[str, ...]) -> Q | None:
    """A filter for the records sharing their key values with at least one other record, or None if none do."""
    groups = queryset.order_by().values(*keys).annotate(count=Count("pk")).filter(count__gt=1)
    filters = [Q(**{key: group[key] for key in keys}) for group in groups]
    return reduce(operator.or_, filters) if filters else None


def _group(records: list, keys: tuple[str, ...]) -> list[list]:
    found: dict[tuple, list] = {}
    for record in records:
        found.setdefault(tuple(getattr(record, key) for key in keys), []).append(record)
    return [sorted(group, key=lambda r: r.pk) for group in found.values() if len(group) > 1]


def scheme_sets(schemes: SchemeQuerySet) -> list[list[Scheme]]:
    """Sets of look-alike schemes among these."""
    candidates = schemes.filter(confirmed=True)
    matching = _keyed_matches(candidates, SCHEME_KEYS)
    if matching is None:
        return []
    records = [s for s in candidates.filter(matching).with_status_data() if s.status != DEACTIVATED]
    return sorted(_group(records, SCHEME_KEYS), key=lambda group: group[0].pk)


def location_sets(schemes: SchemeQuerySet) -> list[list[Location]]:
    """Sets of look-alike locations of these schemes."""
    candidates = Location.objects.filter(scheme__in=schemes, confirmed=True)
    matching = _keyed_matches(candidates, LOCATION_KEYS)
    if matching is None:
        return []
    records = [
        loc
        for loc in candidates.filter(matching).select_related("scheme__owning_organisation").with_status_data()
        if loc.status != DEACTIVATED
    ]
    return sorted(_group(records, LOCATION_KEYS), key=lambda group: group[0].pk)


def _reviewed(ids: list[int], reviewed_sets: list[set[int]]) -> bool:
    return any(set(ids) <= reviewed for reviewed in reviewed_sets)


def open_duplicate_sets(organisation: Organisation) -> DuplicateSets:
    """The look-alike sets of an organisation's schemes that nobody has yet confirmed are not duplicates."""
    schemes = Scheme.objects.filter(owning_organisation=organisation)
    reviews = list(DuplicateReview.objects.filter(organisation=organisation))
    reviewed_schemes = [set(ids) for review in reviews for ids in review.scheme_sets]
    reviewed_locations = [set(ids) for review in reviews for ids in review.location_sets]
    return DuplicateSets(
        schemes=[s for s in scheme_sets(schemes) if not _reviewed([x.pk for x in s], reviewed_schemes)],
        locations=[s for s in location_sets(schemes) if not _reviewed([x.pk for x in s], reviewed_locations)],
    )


def organisations_with_open_duplicates(limit: int = 50) -> list[Organisation]:
    """Organisations with look-alike sets still to review (for support), by name."""
    confirmed = Scheme.objects.filter(confirmed=True)
    candidates: set[int] = set()
    scheme_groups = confirmed.order_by().values(*SCHEME_KEYS).annotate(count=Count("pk")).filter(count__gt=1)
    candidates.update(group["owning_organisation_id"] for group in scheme_groups)
    location_groups = (
        Location.objects.filter(confirmed=True)
        .order_by()
        .values("scheme__owning_organisation_id", *LOCATION_KEYS)
        .annotate(count=Count("pk"))
        .filter(count__gt=1)
    )
    candidates.update(group["scheme__owning_organisation_id"] for group in location_groups)
    found = [o for o in Organisation.objects.filter(pk__in=candidates) if open_duplicate_sets(o)]
    return found[:limit]
