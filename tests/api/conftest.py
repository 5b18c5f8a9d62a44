"""Fixtures of the API tests: Leeds, an organisation that may create logs, its tokens, and a JSON client."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.core.cache import caches
from django.test import Client

from collect.api import tokens
from collect.api.models import Scope
from collect.logs.codec import to_json
from collect.organisations.actions import accept_data_sharing_agreement


@pytest.fixture(autouse=True)
def leeds(db):
    from collect.refdata.models import LocalAuthority

    return LocalAuthority.objects.create(code="E08000035", name="Leeds", start_year=2021)


@pytest.fixture(autouse=True)
def _fresh_rate_counts():
    caches["default"].clear()


@pytest.fixture
def signed_organisation(organisation, coordinator):
    coordinator.is_dpo = True
    coordinator.save()
    accept_data_sharing_agreement(coordinator, organisation)
    return organisation


class ApiClient:
    """Calls the API with a token, sending and reading JSON."""

    def __init__(self, token: str | None) -> None:
        self.client = Client()
        self.token = token

    def headers(self, extra: dict[str, str]) -> dict[str, str]:
        found = {"Authorization": f"Bearer {self.token}"} if self.token else {}
        return {**found, **extra}

    def call(self, method: str, path: str, body: Any = None, **headers: str) -> Any:
        data = json.dumps(body) if body is not None else None
        sender = getattr(self.client, method)
        if method == "get":
            return sender(path, data=body, headers=self.headers(headers))
        return sender(path, data=data, content_type="application/json", headers=self.headers(headers))

    def get(self, path: str, params: dict[str, Any] | None = None, **headers: str) -> Any:
        return self.call("get", path, params, **headers)

    def post(self, path: str, body: Any = None, **headers: str) -> Any:
        return self.call("post", path, body, **headers)

    def patch(self, path: str, body: Any = None, **headers: str) -> Any:
        return self.call("patch", path, body, **headers)

    def delete(self, path: str, **headers: str) -> Any:
        return self.call("delete", path, None, **headers)


@pytest.fixture
def make_token(coordinator):
    def make(organisation=None, scope=Scope.READ_WRITE, creator=None, name="Housing system"):
        return tokens.create_token(creator or coordinator, organisation or coordinator.organisation, name, scope)

    return make


@pytest.fixture
def token(signed_organisation, make_token) -> str:
    return make_token()[1]


@pytest.fixture
def api(token) -> ApiClient:
    return ApiClient(token)


def example_answers(example: dict[str, Any], organisation, user) -> dict[str, Any]:
    """An example log of the declaration, as JSON, for this organisation and its user."""
    found = dict(example)
    found.update(owning_organisation_id=organisation.pk, managing_organisation_id=organisation.pk)
    found["assigned_to_id"] = user.pk
    return to_json(found)
