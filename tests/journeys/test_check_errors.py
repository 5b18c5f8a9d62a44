"""Check errors: a hard check that involves answers on several pages, seen together, changed or cleared."""

from __future__ import annotations

import datetime

import pytest

from collect.logs.writing import create_log, save_answers
from collect.standards.lettings.y2026 import examples
from tests.conftest import verified_login

VOID_PAGE = "void-date"


@pytest.fixture
def log(client, provider, signed_organisation):
    verified_login(client, provider)
    log = create_log(provider).log
    answers = {
        **examples.GENERAL_NEEDS,
        "owning_organisation_id": signed_organisation.pk,
        "managing_organisation_id": signed_organisation.pk,
        "assigned_to_id": provider.pk,
        "majorrepairs": 1,
        "mrcdate": datetime.date(2026, 9, 10),
    }
    save_answers(log, answers, provider)
    return log


def _void_after_repairs(client, log, **extra):
    data = {"voiddate-day": "20", "voiddate-month": "9", "voiddate-year": "2026", **extra}
    return client.post(f"/lettings-logs/{log.pk}/{VOID_PAGE}", data)


def test_an_error_involving_another_page_offers_to_see_all_related_answers(client, log):
    body = _void_after_repairs(client, log).content.decode()
    assert "Void date must be before the major repairs date if provided." in body
    assert "See all related answers" in body


def test_an_error_on_this_page_only_offers_no_related_answers(client, log):
    response = client.post(
        f"/lettings-logs/{log.pk}/{VOID_PAGE}", {"voiddate-day": "40", "voiddate-month": "9", "voiddate-year": "2026"}
    )
    assert "See all related answers" not in response.content.decode()


def test_related_answers_are_listed_with_change_and_clear_links(client, log):
    response = _void_after_repairs(client, log, check_errors="1")
    assert response.status_code == 302
    assert response["Location"].startswith(f"/lettings-logs/{log.pk}/check-errors?page=void_date")
    body = client.get(response["Location"]).content.decode()
    assert "Make sure these answers are correct" in body
    assert "1 September 2026" in body  # the saved void date
    assert "10 September 2026" in body  # the saved major repairs date
    assert "referrer=check_errors" in body
    assert body.count(f'href="/lettings-logs/{log.pk}/confirm-clear-answer?') == 3  # each answer, and all
    log.refresh_from_db()
    assert log.answers["voiddate"] == "2026-09-01"  # nothing saved on the way


def test_clearing_an_answer_asks_first_then_clears_its_page(client, log):
    location = _void_after_repairs(client, log, check_errors="1")["Location"]
    query = location.split("?", 1)[1]
    confirm = f"/lettings-logs/{log.pk}/confirm-clear-answer?{query}&clear=mrcdate"
    page = client.get(confirm).content.decode()
    assert "Are you sure you want to clear" in page
    log.refresh_from_db()
    assert log.answers["mrcdate"] == "2026-09-10"
    response = client.post(
        f"/lettings-logs/{log.pk}/confirm-clear-answer",
        {"page": "void_date", "questions": "voiddate mrcdate", "clear": "mrcdate"},
    )
    assert response.status_code == 302
    log.refresh_from_db()
    assert "mrcdate" not in log.answers
    assert "majorrepairs" not in log.answers
    after = client.get(response["Location"]).content.decode()
    assert "You have cleared" in after
    # Now the void date that clashed is accepted.
    assert _void_after_repairs(client, log).status_code == 302


def test_a_change_made_from_check_errors_returns_there(client, log):
    query = "referrer=check_errors&original_page=void_date&questions=voiddate+mrcdate"
    url = f"/lettings-logs/{log.pk}/{VOID_PAGE}?{query}"
    response = client.post(url, {"voiddate-day": "2", "voiddate-month": "9", "voiddate-year": "2026"})
    assert response["Location"].startswith(f"/lettings-logs/{log.pk}/check-errors?page=void_date")


def test_setup_answers_cannot_be_cleared(client, log):
    response = client.post(
        f"/lettings-logs/{log.pk}/confirm-clear-answer",
        {"page": "tenancy_start_date", "questions": "startdate", "clear": "startdate"},
    )
    assert response.status_code == 404
    log.refresh_from_db()
    assert log.answers["startdate"] == "2026-10-05"


def test_unknown_questions_are_not_found(client, log):
    assert client.get(f"/lettings-logs/{log.pk}/check-errors?page=void_date&questions=nonsense").status_code == 404
    assert client.get(f"/lettings-logs/{log.pk}/check-errors?page=nonsense&questions=voiddate").status_code == 404
