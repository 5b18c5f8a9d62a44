"""Shared fixtures: users of every role, and a test client that checks every HTML page it receives."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.conf import settings
from django.core.cache import caches
from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY

from collect.accounts import two_factor
from collect.accounts.models import Role, User
from collect.organisations.models import Organisation, OrganisationRelationship, ProviderType
from tests.support.html import assert_good_page

PASSWORD = "correct-horse-battery-staple"


class CheckingClient(Client):
    """A test client that fails the test when an HTML page breaks the page rules (tests/support/html.py)."""

    def request(self, **request: Any) -> Any:
        response = super().request(**request)
        content_type = response.get("Content-Type", "")
        streaming = getattr(response, "streaming", False)
        is_page = content_type.startswith("text/html") and not streaming and b"<html" in response.content
        if is_page and not settings.DEBUG:
            assert_good_page(response.content.decode(), f"{request.get('REQUEST_METHOD')} {request.get('PATH_INFO')}")
        return response


@pytest.fixture
def client() -> CheckingClient:
    return CheckingClient()


def verified_login(client: Client, user: User) -> None:
    """Sign a user in as if they had entered their password and, if they need one, their security code."""
    client.force_login(user)
    if two_factor.is_required(user):
        device = two_factor.app_device(user) or two_factor.email_device(user)
        assert device is not None
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()


DATABASE_FIXTURES = ("db", "transactional_db", "django_db_reset_sequences", "live_server")


@pytest.fixture(autouse=True)
def _fresh_calendar(request: pytest.FixtureRequest) -> Any:
    """Each test reads the collection calendar from its own database (collect.collection.calendar keeps it a while);
    a test without a database reads the standard's dates, as the command-line checker does."""
    from collect.collection import calendar as service_calendar
    from collect.standards import calendar

    uses_database = request.node.get_closest_marker("django_db") or any(
        name in request.fixturenames for name in DATABASE_FIXTURES
    )
    service_calendar.forget()
    if not uses_database:
        calendar.use_source(None)
    yield
    service_calendar.install()
    service_calendar.forget()


@pytest.fixture(autouse=True)
def _test_settings(settings: Any, tmp_path: Any) -> None:
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    settings.EMAIL_FILE_PATH = tmp_path / "emails"
    storage = settings.STORAGES["default"]
    files = {**storage, "OPTIONS": {**storage.get("OPTIONS", {}), "location": str(tmp_path / "files")}}
    settings.STORAGES = {**settings.STORAGES, "default": files}
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # fast; Argon2 is tested itself
    caches["default"].clear()  # rate limits count in the cache: each test starts with none


@pytest.fixture
def make_organisation(db: None) -> Callable[..., Organisation]:
    counter = iter(range(1, 10_000))

    def make(name: str | None = None, **fields: Any) -> Organisation:
        fields.setdefault("provider_type", ProviderType.PRIVATE_REGISTERED_PROVIDER)
        return Organisation.objects.create(name=name or f"Organisation {next(counter)}", **fields)

    return make


@pytest.fixture
def make_user(db: None, make_organisation: Callable[..., Organisation]) -> Callable[..., User]:
    counter = iter(range(1, 10_000))

    def make(
        role: Role = Role.DATA_PROVIDER,
        organisation: Organisation | None = None,
        password: str | None = PASSWORD,
        **fields: Any,
    ) -> User:
        n = next(counter)
        fields.setdefault("email", f"user{n}@example.com")
        fields.setdefault("name", f"User {n}")
        return User.objects.create_user(
            password=password, role=role, organisation=organisation or make_organisation(), **fields
        )

    return make


@pytest.fixture
def organisation(make_organisation: Callable[..., Organisation]) -> Organisation:
    return make_organisation("Riverside Homes", provider_type=ProviderType.PRIVATE_REGISTERED_PROVIDER)


@pytest.fixture
def other_organisation(make_organisation: Callable[..., Organisation]) -> Organisation:
    return make_organisation("Hilltop Council", provider_type=ProviderType.LOCAL_AUTHORITY)


@pytest.fixture
def department(make_organisation: Callable[..., Organisation]) -> Organisation:
    return make_organisation(
        "The Department", provider_type=ProviderType.LOCAL_AUTHORITY, holds_own_stock=False, is_department=True
    )


@pytest.fixture
def provider(make_user: Callable[..., User], organisation: Organisation) -> User:
    return make_user(Role.DATA_PROVIDER, organisation, email="provider@riverside.example", name="Pat Provider")


@pytest.fixture
def coordinator(make_user: Callable[..., User], organisation: Organisation) -> User:
    return make_user(Role.DATA_COORDINATOR, organisation, email="coordinator@riverside.example", name="Cat Coord")


@pytest.fixture
def support(make_user: Callable[..., User], department: Organisation) -> User:
    return make_user(Role.SUPPORT, department, email="support@department.example", name="Sam Support")


@pytest.fixture
def stranger(make_user: Callable[..., User], other_organisation: Organisation) -> User:
    """A user of another organisation."""
    return make_user(Role.DATA_COORDINATOR, other_organisation, email="someone@hilltop.example", name="Sid Stranger")


@pytest.fixture
def related(organisation: Organisation, other_organisation: Organisation) -> OrganisationRelationship:
    return OrganisationRelationship.objects.create(stock_owner=other_organisation, managing_agent=organisation)
