"""The user actions: what each changes, the audit event it writes and the emails it sends."""

from __future__ import annotations

import re

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from collect.accounts import actions
from collect.accounts.actions import LogReassignment
from collect.accounts.models import Role, User
from collect.accounts.tokens import Purpose, check_token
from collect.audit.models import AuditEvent
from collect.audit.trail import history


def last_event(user: User) -> AuditEvent:
    event = history(user).first()
    assert event is not None
    return event


def link_in(message) -> str:
    match = re.search(r"https?://\S+", message.body)
    assert match, message.body
    return match.group(0)


@pytest.mark.django_db(transaction=True)
def test_invite_user_creates_an_invited_user_records_it_and_emails_them(coordinator, mailoutbox):
    user = actions.invite_user(
        coordinator,
        name="Nia New",
        email=" Nia@Example.com ",
        organisation=coordinator.organisation,
        role=Role.DATA_PROVIDER,
        is_dpo=True,
    )
    assert user.email == "nia@example.com"
    assert user.status == "Invited"
    assert user.invited_at is not None
    event = last_event(user)
    assert event.action == "Invited"
    assert event.actor == coordinator
    assert event.changes["email"]["to"] == "nia@example.com"
    assert event.changes["role"]["to"] == "Data provider"
    assert event.changes["is_dpo"] == {"label": "Data protection officer", "from": None, "to": "Yes"}
    assert [m.to for m in mailoutbox] == [["nia@example.com"]]
    assert "Cat Coord has invited you" in mailoutbox[0].body


def test_invite_user_refuses_another_organisation_and_roles_out_of_reach(coordinator, provider, other_organisation):
    with pytest.raises(PermissionDenied):
        actions.invite_user(
            coordinator, name="X", email="x@example.com", organisation=other_organisation, role=Role.DATA_PROVIDER
        )
    with pytest.raises(PermissionDenied):
        actions.invite_user(
            provider, name="X", email="x@example.com", organisation=provider.organisation, role=Role.DATA_PROVIDER
        )
    with pytest.raises(ValidationError) as refused:
        actions.invite_user(
            coordinator, name="X", email="x@example.com", organisation=coordinator.organisation, role=Role.SUPPORT
        )
    assert refused.value.message_dict == {"role": ["Select a role from the list"]}
    assert not User.objects.filter(email="x@example.com").exists()


def test_support_role_is_only_given_in_the_department(support, organisation, department):
    with pytest.raises(ValidationError) as refused:
        actions.invite_user(support, name="X", email="x@example.com", organisation=organisation, role=Role.SUPPORT)
    assert refused.value.message_dict == {"role": [actions.SUPPORT_ONLY_IN_DEPARTMENT]}
    assert not User.objects.filter(email="x@example.com").exists()
    made = actions.invite_user(support, name="Y", email="y@example.com", organisation=department, role=Role.SUPPORT)
    assert made.is_support


def test_update_user_records_each_changed_field_with_old_and_new_values(coordinator, provider):
    update = actions.update_user(
        coordinator,
        provider,
        {"name": "Pat Renamed", "phone": "01632 960 001", "role": Role.DATA_COORDINATOR, "is_dpo": False},
    )
    provider.refresh_from_db()
    assert (provider.name, provider.phone, provider.role) == ("Pat Renamed", "01632 960 001", Role.DATA_COORDINATOR)
    assert update.changes == {
        "name": {"label": "Name", "from": "Pat Provider", "to": "Pat Renamed"},
        "phone": {"label": "Phone number", "from": "", "to": "01632 960 001"},
        "role": {"label": "Role", "from": "Data provider", "to": "Data coordinator"},
    }
    event = last_event(provider)
    assert event.action == "Changed details"
    assert event.changes == update.changes
    assert event.actor_name == "Cat Coord"


def test_update_user_without_changes_records_nothing(coordinator, provider):
    update = actions.update_user(coordinator, provider, {"name": provider.name, "is_dpo": False})
    assert update.changes == {}
    assert not history(provider).exists()


def test_update_user_refuses_the_support_role_outside_the_department(support, provider):
    with pytest.raises(ValidationError) as refused:
        actions.update_user(support, provider, {"role": Role.SUPPORT})
    assert refused.value.message_dict == {"role": [actions.SUPPORT_ONLY_IN_DEPARTMENT]}
    provider.refresh_from_db()
    assert provider.role == Role.DATA_PROVIDER


def test_update_user_gives_the_support_role_in_the_department(support, make_user, department):
    colleague = make_user(Role.DATA_COORDINATOR, department)
    actions.update_user(support, colleague, {"role": Role.SUPPORT})
    colleague.refresh_from_db()
    assert colleague.is_support


def test_update_user_refuses_an_address_another_user_has(coordinator, provider):
    with pytest.raises(ValidationError) as refused:
        actions.update_user(coordinator, provider, {"email": coordinator.email.upper()})
    assert refused.value.message_dict == {"email": [actions.EMAIL_TAKEN]}


def test_update_user_refuses_fields_it_does_not_know(support, provider):
    with pytest.raises(PermissionDenied):
        actions.update_user(support, provider, {"organisation": support.organisation})
    with pytest.raises(PermissionDenied):
        actions.update_user(support, provider, {"is_active": False})


@pytest.mark.django_db(transaction=True)
def test_changing_the_address_of_someone_with_a_password_waits_for_confirmation(coordinator, provider, mailoutbox):
    update = actions.update_user(coordinator, provider, {"email": "Pat.New@Example.com"})
    provider.refresh_from_db()
    assert update.pending_email == "pat.new@example.com"
    assert provider.email == "provider@riverside.example"  # they keep signing in with it until confirmed
    assert provider.pending_email == "pat.new@example.com"
    assert last_event(provider).changes == {
        "pending_email": {
            "label": "New email address, waiting for confirmation",
            "from": "",
            "to": "pat.new@example.com",
        }
    }
    notice, confirmation = mailoutbox
    assert notice.to == ["provider@riverside.example"]
    assert "Cat Coord has asked to change the email address" in notice.body
    assert "pat.new@example.com" in notice.body
    assert confirmation.to == ["pat.new@example.com"]
    token = link_in(confirmation).rsplit("/", 1)[1]
    assert check_token(token, Purpose.EMAIL_CHANGE).user == provider

    actions.confirm_email_change(provider)
    provider.refresh_from_db()
    assert (provider.email, provider.pending_email) == ("pat.new@example.com", "")
    event = last_event(provider)
    assert event.action == "Confirmed new email address"
    assert event.actor == provider
    assert event.changes["email"] == {
        "label": "Email address",
        "from": "provider@riverside.example",
        "to": "pat.new@example.com",
    }
    assert check_token(token, Purpose.EMAIL_CHANGE).problem is not None  # the link works once


@pytest.mark.django_db(transaction=True)
def test_entering_the_current_address_again_cancels_a_waiting_change(coordinator, provider, mailoutbox):
    actions.update_user(coordinator, provider, {"email": "pat.new@example.com"})
    token = link_in(mailoutbox[1]).rsplit("/", 1)[1]
    actions.update_user(coordinator, provider, {"email": "pat.new@example.com"})  # no change: still waiting
    assert len(mailoutbox) == 2
    actions.update_user(coordinator, provider, {"email": provider.email})
    provider.refresh_from_db()
    assert provider.pending_email == ""
    assert check_token(token, Purpose.EMAIL_CHANGE).user is None
    with pytest.raises(ValidationError):
        actions.confirm_email_change(provider)


@pytest.mark.django_db(transaction=True)
def test_changing_the_address_of_an_invited_user_changes_it_and_invites_the_new_one(coordinator, make_user, mailoutbox):
    invited = make_user(organisation=coordinator.organisation, password=None, email="typo@exmaple.com")
    actions.resend_invitation(coordinator, invited)
    old_token = link_in(mailoutbox[0]).rsplit("/", 1)[1]
    update = actions.update_user(coordinator, invited, {"email": "right@example.com"})
    invited.refresh_from_db()
    assert invited.email == "right@example.com"
    assert update.invitation_sent
    assert mailoutbox[-1].to == ["right@example.com"]
    assert mailoutbox[-1].subject.startswith("You have been invited")
    assert check_token(old_token, Purpose.INVITATION).user is None


def test_confirming_an_address_someone_took_meanwhile_is_refused(coordinator, provider, make_user):
    actions.update_user(coordinator, provider, {"email": "wanted@example.com"})
    make_user(email="wanted@example.com")
    with pytest.raises(ValidationError):
        actions.confirm_email_change(provider)
    provider.refresh_from_db()
    assert provider.email == "provider@riverside.example"


@pytest.mark.django_db(transaction=True)
def test_deactivate_and_reactivate_a_user_with_a_password(coordinator, provider, mailoutbox):
    actions.deactivate_user(coordinator, provider)
    provider.refresh_from_db()
    assert provider.status == "Deactivated"
    assert last_event(provider).changes == {"is_active": {"label": "Active", "from": "Yes", "to": "No"}}
    assert mailoutbox == []

    actions.reactivate_user(coordinator, provider)
    provider.refresh_from_db()
    assert provider.status == "Active"
    event = last_event(provider)
    assert (event.action, event.changes["is_active"]["to"]) == ("Reactivated", "Yes")
    assert [m.to for m in mailoutbox] == [[provider.email]]
    assert mailoutbox[0].subject.endswith("has been reactivated")
    assert "/account/sign-in" in mailoutbox[0].body


@pytest.mark.django_db(transaction=True)
def test_reactivating_someone_who_never_set_a_password_invites_them_again(coordinator, make_user, mailoutbox):
    invited = make_user(organisation=coordinator.organisation, password=None, is_active=False)
    actions.reactivate_user(coordinator, invited)
    assert mailoutbox[0].subject.startswith("You have been invited")
    assert check_token(link_in(mailoutbox[0]).rsplit("/", 1)[1], Purpose.INVITATION).user == invited


def test_nobody_deactivates_themselves_and_providers_deactivate_nobody(coordinator, support, provider, make_user):
    with pytest.raises(PermissionDenied):
        actions.deactivate_user(coordinator, coordinator)
    with pytest.raises(PermissionDenied):
        actions.deactivate_user(support, support)
    with pytest.raises(PermissionDenied):
        actions.deactivate_user(provider, make_user(organisation=provider.organisation))


def test_coordinators_only_deactivate_their_own_organisations_users(coordinator, stranger, support):
    with pytest.raises(PermissionDenied):
        actions.deactivate_user(coordinator, stranger)
    actions.deactivate_user(support, stranger)
    with pytest.raises(PermissionDenied):  # already deactivated
        actions.deactivate_user(support, stranger)


@pytest.mark.django_db(transaction=True)
def test_resend_invitation_records_it_and_sends_a_new_link(coordinator, make_user, mailoutbox):
    invited = make_user(organisation=coordinator.organisation, password=None)
    actions.resend_invitation(coordinator, invited)
    invited.refresh_from_db()
    event = last_event(invited)
    assert event.action == "Invitation sent again"
    assert event.changes["invited_at"]["from"] is None
    assert event.changes["invited_at"]["to"]
    assert check_token(link_in(mailoutbox[0]).rsplit("/", 1)[1], Purpose.INVITATION).user == invited


def test_resend_invitation_is_only_for_users_without_a_password(coordinator, provider):
    with pytest.raises(PermissionDenied):
        actions.resend_invitation(coordinator, provider)


@pytest.mark.django_db(transaction=True)
def test_move_user_records_the_move_and_the_choice_for_their_logs(support, coordinator, other_organisation, mailoutbox):
    actions.move_user_to_organisation(support, coordinator, other_organisation, LogReassignment.UNASSIGN)
    coordinator.refresh_from_db()
    assert coordinator.organisation == other_organisation
    event = last_event(coordinator)
    assert event.action == "Moved to another organisation"
    assert event.changes["organisation"] == {
        "label": "Organisation",
        "from": "Riverside Homes",
        "to": "Hilltop Council",
    }
    assert event.changes["log_reassignment"]["to"] == LogReassignment.UNASSIGN.label
    assert mailoutbox[0].to == [coordinator.email]
    assert "moved from Riverside Homes to Hilltop Council" in mailoutbox[0].body
    assert "stay with Riverside Homes" in mailoutbox[0].body


def test_move_user_clears_the_responsibilities_of_the_old_organisation(support, make_user, organisation, stranger):
    dpo = make_user(Role.DATA_COORDINATOR, organisation, is_dpo=True, is_key_contact=True)
    actions.move_user_to_organisation(support, dpo, stranger.organisation, LogReassignment.REASSIGN_ALL)
    dpo.refresh_from_db()
    assert (dpo.is_dpo, dpo.is_key_contact) == (False, False)
    assert last_event(dpo).changes["is_dpo"] == {"label": "Data protection officer", "from": "Yes", "to": "No"}


def test_move_user_is_for_support_only_and_keeps_support_in_the_department(
    support, coordinator, provider, other_organisation, make_organisation
):
    with pytest.raises(PermissionDenied):
        actions.move_user_to_organisation(coordinator, provider, other_organisation, LogReassignment.UNASSIGN)
    with pytest.raises(ValidationError) as refused:
        actions.move_user_to_organisation(support, support, other_organisation, LogReassignment.UNASSIGN)
    assert "organisation" in refused.value.message_dict
    with pytest.raises(ValidationError):
        actions.move_user_to_organisation(support, provider, provider.organisation, LogReassignment.UNASSIGN)
    closed = make_organisation("Closed", active=False)
    with pytest.raises(ValidationError):
        actions.move_user_to_organisation(support, provider, closed, LogReassignment.UNASSIGN)
    other_department = make_organisation("Department annexe", is_department=True)
    actions.move_user_to_organisation(support, support, other_department, LogReassignment.UNASSIGN)
