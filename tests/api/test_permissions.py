"""One table of every API operation and every kind of caller: allowed, refused, or not found outside the scope.

Callers: no token, an unknown token, a revoked token, a read-only token and a read-write token of the log's
organisation, and a read-write token of another organisation. Each operation of the served OpenAPI document has a row
(the completeness test fails when an operation is added without one). Removing a check from the API turns a refusal
into an allowed call, and the test fails.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest

from collect.api import tokens
from collect.api.models import Scope
from collect.logs.writing import create_log
from collect.urls import supplier_api
from tests.api.conftest import ApiClient

ALLOW, UNAUTHORISED, FORBIDDEN, HIDE = "allow", "401", "403", "404"
CALLERS = ("none", "unknown", "revoked", "read", "read_write", "stranger")
ANSWERS = {"lettings": {"answers": {"needstype": 1}}, "sales": {"answers": {"ownershipsch": 1}}}


def everyone_with_a_token(read: str, read_write: str, stranger: str) -> dict[str, str]:
    """What each caller gets: callers without a working token are always unauthorised."""
    found = dict.fromkeys(("none", "unknown", "revoked"), UNAUTHORISED)
    return {**found, "read": read, "read_write": read_write, "stranger": stranger}


@dataclass(frozen=True)
class Operation:
    method: str
    path: str  # as the OpenAPI document names it
    expect: dict[str, str]
    body: Callable[[Any], Any] = lambda log: None
    headers: Callable[[Any], dict[str, str]] = lambda log: {}


def _if_match(log: Any) -> dict[str, str]:
    return {"If-Match": f'"{log.version}"'}


OPERATIONS = [
    op
    for kind in ("lettings", "sales")
    for op in (
        Operation("get", f"/api/v1/{kind}-logs", everyone_with_a_token(ALLOW, ALLOW, ALLOW)),  # a stranger sees none
        Operation(
            "post",
            f"/api/v1/{kind}-logs",
            everyone_with_a_token(FORBIDDEN, ALLOW, ALLOW),
            lambda log: ANSWERS[log.kind],
        ),
        Operation(
            "post", f"/api/v1/{kind}-logs/validate", everyone_with_a_token(ALLOW, ALLOW, ALLOW), lambda _: ANSWERS
        ),
        Operation("get", f"/api/v1/{kind}-logs/{{log_id}}", everyone_with_a_token(ALLOW, ALLOW, HIDE)),
        Operation(
            "patch",
            f"/api/v1/{kind}-logs/{{log_id}}",
            everyone_with_a_token(FORBIDDEN, ALLOW, HIDE),
            lambda log: {"answers": {}},
            _if_match,
        ),
        Operation(
            "post",
            f"/api/v1/{kind}-logs/{{log_id}}/validate",
            everyone_with_a_token(ALLOW, ALLOW, HIDE),
            lambda log: {"answers": {}},
        ),
        Operation("delete", f"/api/v1/{kind}-logs/{{log_id}}", everyone_with_a_token(FORBIDDEN, ALLOW, HIDE)),
    )
] + [
    # The schemas are public documents, like the OpenAPI document itself.
    Operation("get", "/api/v1/schemas", dict.fromkeys(CALLERS, ALLOW)),
    Operation("get", "/api/v1/schemas/{collection_id}", dict.fromkeys(CALLERS, ALLOW)),
]


def test_every_operation_has_a_row():
    document = supplier_api.get_openapi_schema()
    served = {(method, path) for path, calls in document["paths"].items() for method in calls}
    assert served == {(op.method, op.path) for op in OPERATIONS}


@pytest.fixture
def callers(signed_organisation, other_organisation, coordinator, make_token, make_user) -> dict[str, ApiClient]:
    from collect.accounts.models import Role
    from collect.organisations.actions import accept_data_sharing_agreement

    stranger = make_user(Role.DATA_COORDINATOR, other_organisation, is_dpo=True)
    accept_data_sharing_agreement(stranger, other_organisation)
    revoked_record, revoked = make_token()
    tokens.revoke_token(coordinator, revoked_record)
    return {
        "none": ApiClient(None),
        "unknown": ApiClient("core_" + "x" * 43),
        "revoked": ApiClient(revoked),
        "read": ApiClient(make_token(scope=Scope.READ)[1]),
        "read_write": ApiClient(make_token()[1]),
        "stranger": ApiClient(make_token(organisation=other_organisation, creator=stranger)[1]),
    }


@pytest.mark.parametrize("caller", CALLERS)
@pytest.mark.parametrize("operation", OPERATIONS, ids=lambda op: f"{op.method.upper()} {op.path}")
def test_operation_permissions(callers, coordinator, operation, caller):
    kind = "sales" if "/sales-logs" in operation.path else "lettings"
    log = create_log(coordinator, kind).log
    path = operation.path.replace("{log_id}", str(log.pk)).replace("{collection_id}", f"{kind}-2026")
    response = callers[caller].call(operation.method, path, operation.body(log), **operation.headers(log))
    status = response.status_code
    outcome = {401: UNAUTHORISED, 403: FORBIDDEN, 404: HIDE}.get(status, ALLOW if status < 400 else f"error {status}")
    expected = operation.expect[caller]
    assert outcome == expected, f"{operation.method} {path} as {caller}: {status} {response.content[:300]!r}"
    if caller == "stranger" and operation.method == "get" and path.endswith("-logs"):
        assert log.pk not in [item["id"] for item in response.json()["items"]]
