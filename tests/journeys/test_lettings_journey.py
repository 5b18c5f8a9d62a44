"""The lettings web journey end to end: create a log, fill in every page, check answers, errors and interruptions."""

from __future__ import annotations

from collect.logs.models import Log, LogStatus
from collect.standards.lettings.y2026 import examples
from tests.conftest import verified_login
from tests.journeys.support import fill_in


def _example(organisation, user):
    return {
        **examples.GENERAL_NEEDS,
        "owning_organisation_id": organisation.pk,
        "managing_organisation_id": organisation.pk,
        "assigned_to_id": user.pk,
    }


def test_a_provider_creates_a_log_with_their_organisation_and_themselves(client, provider, signed_organisation):
    verified_login(client, provider)
    response = client.post("/lettings-logs/create")
    log = Log.objects.get()
    assert response["Location"] == f"/lettings-logs/{log.pk}"
    assert log.owning_organisation == signed_organisation
    assert log.managing_organisation == signed_organisation
    assert log.assigned_to == provider
    assert log.created_by == provider


def test_without_a_data_sharing_agreement_no_log_can_be_created(client, provider, organisation):
    verified_login(client, provider)
    assert client.post("/lettings-logs/create").status_code in (401, 403)
    assert not Log.objects.exists()
    assert b"Create a new lettings log" not in client.get("/lettings-logs").content


def test_a_general_needs_log_is_filled_in_page_by_page_to_completed(client, provider, signed_organisation):
    verified_login(client, provider)
    client.post("/lettings-logs/create")
    log = Log.objects.get()
    seen = fill_in(client, log.pk, _example(signed_organisation, provider))
    log.refresh_from_db()
    assert log.status == LogStatus.COMPLETED, seen
    assert "needs_type" in seen
    assert log.tenancycode == "T123"
    assert log.derived["lettype"] == 1
    page = client.get(f"/lettings-logs/{log.pk}").content.decode()
    assert "You have completed 7 of 7 subsections" in page


def test_a_required_question_left_blank_is_named_and_nothing_is_saved(client, provider, signed_organisation):
    verified_login(client, provider)
    client.post("/lettings-logs/create")
    log = Log.objects.get()
    response = client.post(f"/lettings-logs/{log.pk}/needs-type", {})
    assert response.status_code == 200
    body = response.content.decode()
    assert "There is a problem" in body
    assert "You must answer needs type" in body
    assert 'href="#needstype"' in body
    log.refresh_from_db()
    assert "needstype" not in log.answers


def test_an_answer_the_rulebook_refuses_is_shown_again_with_its_message(client, provider, signed_organisation):
    verified_login(client, provider)
    client.post("/lettings-logs/create")
    log = Log.objects.get()
    response = client.post(
        f"/lettings-logs/{log.pk}/tenancy-start-date",
        {"startdate-day": "31", "startdate-month": "2", "startdate-year": "2026"},
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "Enter a date in the correct format" in body
    assert 'value="31"' in body
    log.refresh_from_db()
    assert "startdate" not in log.answers


def test_each_save_is_audited_with_what_changed(client, provider, signed_organisation):
    from collect.audit.models import AuditEvent

    verified_login(client, provider)
    client.post("/lettings-logs/create")
    log = Log.objects.get()
    client.post(f"/lettings-logs/{log.pk}/needs-type", {"needstype": "1"})
    event = AuditEvent.objects.filter(target_type="log", target_id=log.pk, action="update").get()
    assert event.actor == provider
    assert event.channel == "web"
    assert event.changes["needstype"] == {"label": "Needs type", "from": None, "to": 1}


def test_check_answers_lists_answers_with_change_links(client, provider, signed_organisation):
    verified_login(client, provider)
    client.post("/lettings-logs/create")
    log = Log.objects.get()
    client.post(f"/lettings-logs/{log.pk}/needs-type", {"needstype": "1"})
    body = client.get(f"/lettings-logs/{log.pk}/setup/check-answers").content.decode()
    assert "General needs" in body
    assert f"/lettings-logs/{log.pk}/needs-type?referrer=check_answers" in body


def test_a_log_outside_the_scope_is_not_found(client, stranger, provider, signed_organisation):
    verified_login(client, provider)
    client.post("/lettings-logs/create")
    log = Log.objects.get()
    client.logout()
    verified_login(client, stranger)
    assert client.get(f"/lettings-logs/{log.pk}").status_code == 404
    assert client.get(f"/lettings-logs/{log.pk}/needs-type").status_code == 404


def test_an_option_the_page_did_not_offer_is_refused(client, provider, signed_organisation, other_organisation):
    verified_login(client, provider)
    client.post("/lettings-logs/create")
    log = Log.objects.get()
    response = client.post(f"/lettings-logs/{log.pk}/needs-type", {"needstype": "7"})
    assert response.status_code == 200
    assert "Choose one of the options shown for needs type" in response.content.decode()
    log.refresh_from_db()
    assert "needstype" not in log.answers


def test_an_organisation_the_person_may_not_choose_is_refused(
    client, coordinator, signed_organisation, other_organisation
):
    from collect.organisations.models import OrganisationRelationship

    # With a stock owner, the coordinator's organisation is asked which organisation owns the property.
    owner = type(signed_organisation).objects.create(name="Owner Homes", provider_type=2)
    OrganisationRelationship.objects.create(stock_owner=owner, managing_agent=signed_organisation)
    verified_login(client, coordinator)
    client.post("/lettings-logs/create")
    log = Log.objects.get()
    page = client.get(f"/lettings-logs/{log.pk}/stock-owner").content.decode()
    assert "Owner Homes" in page
    assert "Hilltop Council" not in page
    response = client.post(f"/lettings-logs/{log.pk}/stock-owner", {"owning_organisation_id": other_organisation.pk})
    assert response.status_code == 200
    assert "Choose one of the options shown" in response.content.decode()
    log.refresh_from_db()
    assert log.owning_organisation == signed_organisation


def test_a_save_based_on_a_page_opened_before_someone_else_saved_is_refused_and_nothing_is_lost(
    client, provider, signed_organisation
):
    from collect.logs.writing import save_answers

    verified_login(client, provider)
    client.post("/lettings-logs/create")
    log = Log.objects.get()
    shown_version = log.version  # two people open the tenant code page
    save_answers(log, {"tenancycode": "FIRST"}, provider)  # the first saves
    response = client.post(
        f"/lettings-logs/{log.pk}/tenant-code", {"tenancycode": "SECOND", "log_version": str(shown_version)}
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "Someone else has changed this log" in body
    assert 'value="SECOND"' in body  # what the second person typed is still on the page
    assert f'name="log_version" value="{log.version}"' in body  # saving again now is based on what they see
    log.refresh_from_db()
    assert log.tenancycode == "FIRST"  # the first change is not overwritten
    again = client.post(f"/lettings-logs/{log.pk}/tenant-code", {"tenancycode": "SECOND", "log_version": log.version})
    assert again.status_code == 302
    log.refresh_from_db()
    assert log.tenancycode == "SECOND"
