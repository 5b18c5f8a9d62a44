"""Who may see and do what: the scopes and checks every view uses (platform.md §1.2 to §1.3, without its gaps).

Rules of thumb, applied everywhere:
- not signed in: sent to sign in (collect.accounts.middleware);
- signed in, but the role may not do this: 403 (`require`, `role_required`);
- the record belongs to an organisation outside the person's scope: 404, so ids cannot be probed.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse

from collect.accounts.models import Role, User
from collect.organisations.models import Organisation

View = TypeVar("View", bound=Callable[..., HttpResponse])


def signed_in_user(request: HttpRequest) -> User:
    """The user of a request that the sign-in middleware has already let through."""
    user = request.user
    if not isinstance(user, User):
        raise PermissionDenied
    return user


def require(allowed: bool) -> None:
    """Refuse the request (403) unless allowed."""
    if not allowed:
        raise PermissionDenied


def role_required(*roles: Role) -> Callable[[View], View]:
    """A view decorator: only these roles may use the view."""

    def decorate(view: View) -> View:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            require(signed_in_user(request).role in roles)
            return view(request, *args, **kwargs)

        return wrapped  # type: ignore[return-value]

    return decorate


support_required = role_required(Role.SUPPORT)
coordinator_or_support_required = role_required(Role.SUPPORT, Role.DATA_COORDINATOR)


def organisations_in_scope(user: User) -> QuerySet[Organisation]:
    """Organisations whose records this person may see: all for support, their own for others."""
    organisations = Organisation.objects.all()
    return organisations if user.is_support else organisations.filter(pk=user.organisation_id)


def users_in_scope(user: User) -> QuerySet[User]:
    """Users this person may see: everyone for support, their own organisation's for others."""
    users = User.objects.select_related("organisation")
    return users if user.is_support else users.filter(organisation_id=user.organisation_id)


def can_manage_users_of(user: User, organisation: Organisation) -> bool:
    """Support manages everyone; a data coordinator manages their own organisation's users."""
    return user.is_support or (user.is_data_coordinator and user.organisation_id == organisation.pk)


def can_edit_organisation(user: User, organisation: Organisation) -> bool:
    """Support edits any organisation; a data coordinator edits their own organisation's contact details."""
    return user.is_support or (user.is_data_coordinator and user.organisation_id == organisation.pk)


def can_manage_relationships_of(user: User, organisation: Organisation) -> bool:
    """Support, or a data coordinator of the organisation, adds and removes its stock owners and managing agents."""
    return can_edit_organisation(user, organisation)


def has_accepted_data_sharing_agreement(organisation: Organisation) -> bool:
    """True once the organisation's data protection officer has accepted the agreement."""
    return hasattr(organisation, "data_sharing_agreement")


def can_create_logs(user: User) -> bool:
    """Whether this person may create logs (platform.md §1.3).

    Support always; others once their organisation has accepted the data sharing agreement and either holds stock
    or has a stock owner that holds stock and has accepted it too.
    """
    if user.is_support:
        return True
    organisation = user.organisation
    if not organisation.active or not has_accepted_data_sharing_agreement(organisation):
        return False
    if organisation.holds_own_stock:
        return True
    return Organisation.objects.filter(
        managing_agent_links__managing_agent=organisation,
        holds_own_stock=True,
        active=True,
        data_sharing_agreement__isnull=False,
    ).exists()


# Who may change what about a user (platform.md §1.3, with field-level checks instead of its gap G3).
PERSONAL_FIELDS = ("name", "email", "phone")
RESPONSIBILITY_FIELDS = ("role", "is_dpo", "is_key_contact")


def assignable_roles(user: User) -> list[Role]:
    """The roles this person may give: all for support, provider or coordinator for a coordinator, none otherwise."""
    if user.is_support:
        return [Role.DATA_PROVIDER, Role.DATA_COORDINATOR, Role.SUPPORT]
    if user.is_data_coordinator:
        return [Role.DATA_PROVIDER, Role.DATA_COORDINATOR]
    return []


def role_allowed_in(role: int, organisation: Organisation) -> bool:
    """Only users of the department may have the support role (platform.md §1.1)."""
    return role != Role.SUPPORT or organisation.is_department


def editable_user_fields(actor: User, target: User) -> frozenset[str]:
    """The fields of `target` that `actor` may change.

    Support: every field of everyone. A data coordinator: the personal details, role and flags of the active users
    of their organisation, except a support user's role and flags. Anyone: their own name, email and phone.
    """
    if actor.is_support:
        return frozenset(PERSONAL_FIELDS + RESPONSIBILITY_FIELDS)
    if actor.is_data_coordinator and target.organisation_id == actor.organisation_id and target.is_active:
        if target.is_support:
            return frozenset(PERSONAL_FIELDS)
        return frozenset(PERSONAL_FIELDS + RESPONSIBILITY_FIELDS)
    if actor.pk == target.pk:
        return frozenset(PERSONAL_FIELDS)
    return frozenset()


def _manages(actor: User, target: User) -> bool:
    return actor.is_support or (actor.is_data_coordinator and actor.organisation_id == target.organisation_id)


def can_deactivate(actor: User, target: User) -> bool:
    """Support and the target's data coordinators deactivate active users; nobody deactivates themselves."""
    return target.is_active and actor.pk != target.pk and _manages(actor, target)


def can_reactivate(actor: User, target: User) -> bool:
    """Support and the target's data coordinators reactivate deactivated users."""
    return not target.is_active and actor.pk != target.pk and _manages(actor, target)


def can_resend_invitation(actor: User, target: User) -> bool:
    """An invitation can be sent again to an active user who has not yet set a password."""
    return target.is_active and not target.has_set_password and _manages(actor, target)


def can_move_user(actor: User) -> bool:
    """Only support moves users between organisations."""
    return actor.is_support
