"""A log whose collection year is past its edit deadline is read-only: the review page, and no page saves."""

from __future__ import annotations

import datetime

import pytest

from collect.logs.models import Log
from collect.logs.writing import ClosedLogError, save_answers
from tests.conftest import verified_login

AFTER_DEADLINE = datetime.date(2027, 8, 1)


@pytest.fixture
def log(client, provider, signed_organisation):
    verified_login(client, provider)
    client.post("/lettings-logs/create")
    log = Log.objects.get()
    client.post(f"/lettings-logs/{log.pk}/needs-type", {"needstype": "1"})
    return log


@pytest.fixture
def closed(monkeypatch):
    monkeypatch.setattr("collect.logs.policy.timezone.localdate", lambda: AFTER_DEADLINE)


def test_the_review_page_shows_every_answer_without_change_links(client, log):
    body = client.get(f"/lettings-logs/{log.pk}/review").content.decode()
    assert "General needs" in body
    assert "Go to the log to make changes" in body
    assert "?referrer=check_answers" not in body
    assert body.count('govuk-summary-card__title"') == 7  # one card per subsection


def test_after_the_edit_deadline_the_log_page_is_the_review(client, log, closed):
    body = client.get(f"/lettings-logs/{log.pk}").content.decode()
    assert "it can no longer be changed" in body
    assert "General needs" in body
    assert "Skip to next incomplete section" not in body


def test_after_the_edit_deadline_form_pages_save_nothing(client, log, closed):
    response = client.post(f"/lettings-logs/{log.pk}/needs-type", {"needstype": "2"})
    assert response["Location"] == f"/lettings-logs/{log.pk}"
    log.refresh_from_db()
    assert log.answers["needstype"] == 1


def test_after_the_edit_deadline_the_write_path_refuses_changes(log, provider, closed):
    with pytest.raises(ClosedLogError):
        save_answers(log, {"needstype": 2}, provider)
    log.refresh_from_db()
    assert log.answers["needstype"] == 1
