"""Who may see and change which schemes and locations (platform.md §1.2 and §1.3).

- See: support, every scheme; everyone else, the schemes owned by their organisation or by its stock owners (the
  organisations whose stock it manages).
- Create: support (for any organisation holding stock) and data coordinators (owned by their organisation if it holds
  stock, or by one of its stock owners).
- Change, deactivate, reactivate, add locations: support, and data coordinators for the schemes they can see.
  Once a scheme is confirmed, only support may change the answers that describe it for the statistics (type,
  regulation, support, client groups, stay); a coordinator may still change its name, confidentiality and owner.
  Likewise, once a location is confirmed only support may change anything but its name.
- Review possible duplicates: support (any organisation) and data coordinators (their own organisation).
- Data providers only look.

Views turn a refused role into 403 and a record outside the person's scope into 404 (collect.accounts.policy).
"""

from __future__ import annotations

from django.db.models import Q, QuerySet

from collect.accounts.models import User
from collect.organisations.models import Organisation, OrganisationRelationship
from collect.schemes.models import Location, LocationQuerySet, Scheme, SchemeQuerySet

DETAILS_FIELDS = (
    "service_name",
    "sensitive",
    "scheme_type",
    "registered_under_care_act",
    "owning_organisation",
    "arrangement_type",
)
SCHEME_FIELDS = (
    *DETAILS_FIELDS,
    "primary_client_group",
    "has_other_client_group",
    "secondary_client_group",
    "support_type",
    "intended_stay",
)
# What a data coordinator may still change once a scheme is confirmed.
CONFIRMED_SCHEME_FIELDS_FOR_COORDINATORS = ("service_name", "sensitive", "owning_organisation")
LOCATION_FIELDS = (
    "postcode",
    "local_authority_code",
    "name",
    "units",
    "type_of_unit",
    "mobility_type",
    "startdate",
)
CONFIRMED_LOCATION_FIELDS_FOR_COORDINATORS = ("name",)


def stock_owners_of(organisation_id: int) -> QuerySet[Organisation]:
    """The organisations whose stock this organisation manages."""
    return Organisation.objects.filter(managing_agent_links__managing_agent_id=organisation_id)


def schemes_in_scope(user: User) -> SchemeQuerySet:
    """The schemes this person may see."""
    schemes = Scheme.objects.all()
    if user.is_support:
        return schemes
    owner_ids = OrganisationRelationship.objects.filter(managing_agent_id=user.organisation_id).values("stock_owner_id")
    return schemes.filter(Q(owning_organisation_id=user.organisation_id) | Q(owning_organisation_id__in=owner_ids))


def locations_in_scope(user: User) -> LocationQuerySet:
    """The locations of the schemes this person may see."""
    return Location.objects.filter(scheme__in=schemes_in_scope(user))


def manages_schemes(user: User) -> bool:
    """The roles that may create and change schemes: support and data coordinators."""
    return user.is_support or user.is_data_coordinator


def owning_organisation_choices(user: User) -> QuerySet[Organisation]:
    """The organisations this person may make a scheme's owner: active and holding stock."""
    holding_stock = Organisation.objects.filter(active=True, holds_own_stock=True)
    if user.is_support:
        return holding_stock
    if not user.is_data_coordinator:
        return holding_stock.none()
    owner_ids = stock_owners_of(user.organisation_id).values("pk")
    return holding_stock.filter(Q(pk=user.organisation_id) | Q(pk__in=owner_ids))


def can_create_scheme(user: User) -> bool:
    """Support, or a data coordinator with at least one organisation to own the scheme."""
    return manages_schemes(user) and owning_organisation_choices(user).exists()


def editable_scheme_fields(user: User, scheme: Scheme) -> tuple[str, ...]:
    """The answers of a scheme (in its scope) this person may change."""
    if user.is_support or (user.is_data_coordinator and not scheme.confirmed):
        return SCHEME_FIELDS
    if user.is_data_coordinator:
        return CONFIRMED_SCHEME_FIELDS_FOR_COORDINATORS
    return ()


def editable_location_fields(user: User, location: Location) -> tuple[str, ...]:
    """The answers of a location (in its scope) this person may change."""
    if user.is_support or (user.is_data_coordinator and not location.confirmed):
        return LOCATION_FIELDS
    if user.is_data_coordinator:
        return CONFIRMED_LOCATION_FIELDS_FOR_COORDINATORS
    return ()


def sees_schemes_navigation(user: User) -> bool:
    """Support always; others when their organisation holds stock or manages stock for another organisation."""
    if user.is_support:
        return True
    organisation = user.organisation
    return organisation.holds_own_stock or stock_owners_of(organisation.pk).exists()


def can_review_duplicates(user: User, organisation: Organisation) -> bool:
    """Support for any organisation; a data coordinator for their own."""
    return user.is_support or (user.is_data_coordinator and user.organisation_id == organisation.pk)
