"""One table of every route and every role: allowed, refused (403) or not found (404) outside the user's scope.

Each route of the service has at least one row here; the completeness test fails when a route is added without
one. Each row says, for each kind of person, what must happen:
- ALLOW: the page works (2xx, or a redirect after a successful POST);
- DENY: signed in but the role may not (403);
- HIDE: the record belongs to another organisation (404);
- NOT_ALLOWED: the route does not answer this method (405), whoever asks.
Removing a permission check from a view turns a DENY or HIDE into ALLOW, and the test fails.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pytest
from django.urls import reverse

from collect.accounts.models import Role, User
from collect.organisations.models import Organisation
from collect.web.public import DEBUG_PUBLIC_VIEW_NAMES, PUBLIC_VIEW_NAMES
from tests.web.test_access import ROUTES

ALLOW, DENY, HIDE, NOT_ALLOWED = "allow", "deny", "hide", "method not allowed"
PERSONAS = ("provider", "coordinator", "support", "stranger")


@dataclass
class World:
    """Two organisations with people in each, and the records the routes act on."""

    own: Organisation
    other: Organisation
    people: dict[str, User]
    own_user: User
    other_user: User
    extra: dict[str, Any] = field(default_factory=dict)


@pytest.fixture
def world(make_organisation, make_user) -> World:
    own = make_organisation("Own Homes", holds_own_stock=True)
    other = make_organisation("Other Council", holds_own_stock=True)
    department = make_organisation("Department", holds_own_stock=False, is_department=True)
    people = {
        "provider": make_user(Role.DATA_PROVIDER, own),
        "coordinator": make_user(Role.DATA_COORDINATOR, own),
        "support": make_user(Role.SUPPORT, department),
        # A coordinator of another organisation, who must not see the first organisation's records.
        "stranger": make_user(Role.DATA_COORDINATOR, other),
    }
    extra = {
        "deactivated_user": make_user(Role.DATA_PROVIDER, own, is_active=False),
        "invited_user": make_user(Role.DATA_PROVIDER, own, password=None),
    }
    return World(
        own,
        other,
        people,
        own_user=make_user(Role.DATA_PROVIDER, own),
        other_user=make_user(organisation=other),
        extra=extra,
    )


@dataclass(frozen=True)
class Case:
    """One route, how to call it, and what each persona must get."""

    name: str
    expect: dict[str, str]
    args: Callable[[World], list[Any]] = lambda w: []
    method: str = "get"
    data: Callable[[World], dict[str, Any]] = lambda w: {}

    @property
    def id(self) -> str:
        return f"{self.method.upper()} {self.name}"


def everyone(outcome: str = ALLOW) -> dict[str, str]:
    return dict.fromkeys(PERSONAS, outcome)


def roles(provider: str, coordinator: str, support: str, stranger: str) -> dict[str, str]:
    return {"provider": provider, "coordinator": coordinator, "support": support, "stranger": stranger}


def own_user(w: World) -> list[Any]:
    return [w.own_user.pk]


def extra(name: str) -> Callable[[World], list[Any]]:
    return lambda w: [w.extra[name].pk]


CASES: list[Case] = [
    Case("web:home", everyone()),
    Case("accounts:account", everyone()),
    Case("accounts:edit-account", everyone()),
    Case("accounts:edit-account", everyone(), method="post", data=lambda w: {"name": "New Name", "phone": ""}),
    Case("accounts:users", everyone()),
    Case("accounts:users", everyone(NOT_ALLOWED), method="post"),
    Case("accounts:users-csv", everyone()),
    Case("accounts:users-csv", everyone(NOT_ALLOWED), method="post"),
    Case("accounts:user", roles(ALLOW, ALLOW, ALLOW, HIDE), args=own_user),
    Case("accounts:user", everyone(NOT_ALLOWED), args=own_user, method="post"),
    Case("accounts:invite-user", roles(DENY, ALLOW, ALLOW, ALLOW)),
    Case("accounts:invite-user", roles(DENY, ALLOW, ALLOW, ALLOW), method="post"),
    Case("accounts:edit-user", roles(DENY, ALLOW, ALLOW, HIDE), args=own_user),
    Case(
        "accounts:edit-user",
        roles(DENY, ALLOW, ALLOW, HIDE),
        args=own_user,
        method="post",
        data=lambda w: {"name": "Renamed", "email": w.own_user.email, "phone": "", "role": int(Role.DATA_PROVIDER)},
    ),
    Case("accounts:deactivate-user", roles(DENY, ALLOW, ALLOW, HIDE), args=own_user),
    Case("accounts:deactivate-user", roles(DENY, ALLOW, ALLOW, HIDE), args=own_user, method="post"),
    Case("accounts:reactivate-user", roles(DENY, ALLOW, ALLOW, HIDE), args=extra("deactivated_user")),
    Case("accounts:reactivate-user", roles(DENY, ALLOW, ALLOW, HIDE), args=extra("deactivated_user"), method="post"),
    Case("accounts:resend-invitation", roles(DENY, ALLOW, ALLOW, HIDE), args=extra("invited_user")),
    Case("accounts:resend-invitation", roles(DENY, ALLOW, ALLOW, HIDE), args=extra("invited_user"), method="post"),
    Case("accounts:move-user", roles(DENY, DENY, ALLOW, DENY), args=own_user),
    Case(
        "accounts:move-user",
        roles(DENY, DENY, ALLOW, DENY),
        args=own_user,
        method="post",
        data=lambda w: {"organisation": w.other.pk, "log_reassignment": "unassign"},
    ),
    Case("organisations:list", roles(DENY, DENY, ALLOW, DENY)),
    Case("organisations:mine", everyone()),
    Case("organisations:detail", roles(ALLOW, ALLOW, ALLOW, HIDE), args=lambda w: [w.own.pk]),
    # Debug-only pages answer 404 outside debug mode, for everyone.
    Case("notify:sent-emails", everyone(HIDE)),
    Case("notify:sent-email", everyone(HIDE), args=lambda w: ["x"]),
]


def test_every_route_has_a_row():
    covered = {case.name for case in CASES}
    missing = sorted(
        name for name, _ in ROUTES if name not in covered and name not in PUBLIC_VIEW_NAMES - DEBUG_PUBLIC_VIEW_NAMES
    )
    assert not missing, f"add rows to CASES for: {missing}"


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_route_permissions(client, world, case, persona):
    client.force_login(world.people[persona])
    path = reverse(case.name, args=case.args(world))
    response = getattr(client, case.method)(path, case.data(world))
    expected = case.expect[persona]
    status = response.status_code
    outcomes = {403: DENY, 404: HIDE, 405: NOT_ALLOWED}
    outcome = outcomes.get(status, ALLOW if status < 400 else f"error {status}")
    assert outcome == expected, f"{case.id} as {persona}: {status}, expected {expected}"
