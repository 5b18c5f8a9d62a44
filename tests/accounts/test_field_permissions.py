"""Field-level permissions on users: each kind of person, each field (platform.md §1.3; not its gap G3).

The edit page only has the fields the person may change, so a smuggled field is ignored there; the action
refuses it (PermissionDenied), so no other page can change it either.
"""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from collect.accounts import actions
from collect.accounts.models import Role, User
from collect.accounts.policy import editable_user_fields
from tests.conftest import verified_login

FIELDS = ("name", "email", "phone", "role", "is_dpo", "is_key_contact")
PERSONAL = {"name", "email", "phone"}
EVERYTHING = set(FIELDS)
NEW_VALUES = {
    "name": "Changed Name",
    "email": "changed@example.com",
    "phone": "01632 960 001",
    "role": Role.DATA_COORDINATOR,
    "is_dpo": True,
    "is_key_contact": True,
}


@pytest.fixture
def people(provider, coordinator, support, stranger, make_user, organisation, department):
    return {
        "provider": provider,
        "coordinator": coordinator,
        "support": support,
        "stranger": stranger,
        "colleague": make_user(Role.DATA_PROVIDER, organisation, name="Col League"),
        "deactivated colleague": make_user(Role.DATA_PROVIDER, organisation, is_active=False),
        "invited colleague": make_user(Role.DATA_PROVIDER, organisation, password=None),
        "department coordinator": make_user(Role.DATA_COORDINATOR, department),
        "department support": make_user(Role.SUPPORT, department, name="Other Support"),
    }


# (who acts, on whom, the fields they may change)
MATRIX = [
    ("provider", "provider", PERSONAL),
    ("provider", "colleague", set()),
    ("provider", "coordinator", set()),
    ("provider", "stranger", set()),
    ("coordinator", "coordinator", EVERYTHING),
    ("coordinator", "colleague", EVERYTHING),
    ("coordinator", "invited colleague", EVERYTHING),
    ("coordinator", "provider", EVERYTHING),
    ("coordinator", "deactivated colleague", set()),
    ("coordinator", "stranger", set()),
    ("stranger", "colleague", set()),
    ("department coordinator", "department support", PERSONAL),
    ("support", "support", EVERYTHING),
    ("support", "colleague", EVERYTHING),
    ("support", "deactivated colleague", EVERYTHING),
    ("support", "stranger", EVERYTHING),
]


@pytest.mark.parametrize(("actor", "target", "allowed"), MATRIX)
def test_editable_fields(people, actor, target, allowed):
    assert editable_user_fields(people[actor], people[target]) == allowed


@pytest.mark.parametrize("field", FIELDS)
@pytest.mark.parametrize(("actor", "target", "allowed"), MATRIX)
def test_update_user_changes_only_allowed_fields(people, actor, target, allowed, field):
    acting, changed = people[actor], people[target]
    value = NEW_VALUES[field]
    if field == "role" and changed.role == value:
        value = Role.DATA_PROVIDER
    if field == "role" and changed.is_support:
        value = Role.DATA_COORDINATOR
    before = User.objects.values().get(pk=changed.pk)
    if field in allowed:
        update = actions.update_user(acting, changed, {field: value})
        assert field in update.changes or (field == "email" and "pending_email" in update.changes)
    else:
        with pytest.raises(PermissionDenied):
            actions.update_user(acting, changed, {field: value})
        assert User.objects.values().get(pk=changed.pk) == before


def test_coordinator_cannot_give_the_support_role(coordinator, provider):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        actions.update_user(coordinator, provider, {"role": Role.SUPPORT})


def test_edit_page_shows_only_the_fields_the_person_may_change(client, provider, coordinator):
    client.force_login(provider)
    own = client.get(reverse("accounts:edit-user", args=[provider.pk])).content.decode()
    assert 'name="name"' in own
    assert 'name="email"' in own
    assert 'name="phone"' in own
    assert 'name="role"' not in own
    assert 'name="is_dpo"' not in own
    client.force_login(coordinator)
    theirs = client.get(reverse("accounts:edit-user", args=[provider.pk])).content.decode()
    assert 'name="role"' in theirs
    assert 'value="99"' not in theirs  # coordinators are not offered the support role
    assert 'name="is_dpo"' in theirs
    assert 'name="is_key_contact"' in theirs


def test_smuggled_fields_are_ignored_on_the_edit_page(client, provider):
    client.force_login(provider)
    response = client.post(
        reverse("accounts:edit-user", args=[provider.pk]),
        {
            "name": "Pat Renamed",
            "email": provider.email,
            "phone": "",
            "role": Role.SUPPORT,
            "is_dpo": "on",
            "is_key_contact": "on",
            "organisation": "1",
            "is_active": "",
        },
    )
    assert response.status_code == 302
    provider.refresh_from_db()
    assert provider.name == "Pat Renamed"
    assert (provider.role, provider.is_dpo, provider.is_key_contact, provider.is_active) == (
        Role.DATA_PROVIDER,
        False,
        False,
        True,
    )


def test_a_role_not_offered_gets_a_field_error(client, coordinator, provider):
    client.force_login(coordinator)
    response = client.post(
        reverse("accounts:edit-user", args=[provider.pk]),
        {"name": provider.name, "email": provider.email, "role": Role.SUPPORT},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert 'href="#role"' in html
    assert "Select a role from the list" in html
    provider.refresh_from_db()
    assert provider.role == Role.DATA_PROVIDER


def test_support_role_outside_the_department_gets_a_field_error(client, support, provider):
    verified_login(client, support)
    response = client.post(
        reverse("accounts:edit-user", args=[provider.pk]),
        {"name": provider.name, "email": provider.email, "role": Role.SUPPORT},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert 'href="#role"' in html
    assert "only users of the department can have the support role" in html
    provider.refresh_from_db()
    assert provider.role == Role.DATA_PROVIDER


def test_support_role_outside_the_department_is_refused_when_inviting(client, support, organisation):
    verified_login(client, support)
    response = client.post(
        reverse("accounts:invite-user"),
        {"name": "New", "email": "new@example.com", "organisation": organisation.pk, "role": Role.SUPPORT},
    )
    assert response.status_code == 200
    assert "only users of the department can have the support role" in response.content.decode()
    assert not User.objects.filter(email="new@example.com").exists()


def test_the_account_page_form_only_changes_name_and_phone(client, coordinator):
    client.force_login(coordinator)
    response = client.post(
        reverse("accounts:edit-account"),
        {"name": "Cat Renamed", "phone": "+44 808 157 0192", "role": Role.DATA_PROVIDER, "email": "x@example.com"},
    )
    assert response.url == reverse("accounts:account")
    coordinator.refresh_from_db()
    assert (coordinator.name, coordinator.phone) == ("Cat Renamed", "+44 808 157 0192")
    assert (coordinator.role, coordinator.email, coordinator.pending_email) == (
        Role.DATA_COORDINATOR,
        "coordinator@riverside.example",
        "",
    )
