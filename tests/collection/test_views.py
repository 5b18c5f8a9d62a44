"""Nil returns, digests, data quality, notification banners, resources and a log's history, through their pages."""

from __future__ import annotations

import datetime

from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from collect.collection import digest
from collect.collection.models import CollectionResource, DigestPreference, NilReturn, Notification
from collect.logs.writing import create_log, save_answers
from tests.conftest import verified_login

D = datetime.date


def test_a_coordinator_declares_and_withdraws_a_nil_return(client, coordinator, organisation):
    verified_login(client, coordinator)
    response = client.post(reverse("collection:nil-returns"), {"kind": "sales", "quarter": "2026-2"})
    assert response.status_code == 302
    declared = NilReturn.objects.get()
    assert (declared.organisation, declared.start_year, declared.quarter, declared.kind) == (
        organisation,
        2026,
        2,
        "sales",
    )
    client.post(reverse("collection:nil-return-withdraw", args=[declared.pk]))
    assert not NilReturn.objects.exists()


def test_a_nil_return_is_refused_when_the_quarter_has_logs(client, coordinator, organisation, add_logs):
    add_logs(organisation, D(2026, 8, 1), count=2)
    verified_login(client, coordinator)
    response = client.post(reverse("collection:nil-returns"), {"kind": "lettings", "quarter": "2026-2"})
    assert "Your organisation has 2 lettings logs in this quarter" in response.content.decode()
    assert not NilReturn.objects.exists()
    response = client.post(reverse("collection:nil-returns"), {"quarter": "2027-1"})
    text = response.content.decode()
    assert "Select lettings or sales" in text
    assert "Select a quarter from the list" in text


def test_digest_choice_and_sending_once_a_day(
    client, provider, organisation, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    verified_login(client, provider)
    client.post(reverse("collection:digest"), {"frequency": "daily"})
    assert DigestPreference.objects.get(user=provider).frequency == "daily"
    log = create_log(provider).log
    save_answers(log, {"startdate": D(2026, 11, 20)}, provider)
    monday = D(2026, 11, 23)
    with django_capture_on_commit_callbacks(execute=True):
        assert digest.send_digests(monday) == 1
        assert digest.send_digests(monday) == 0  # never twice on one day
    assert mail.outbox[0].subject == f"Your logs on {settings.SERVICE_NAME}"
    assert "- with errors to fix: 1" in mail.outbox[0].body or "- with errors to fix: 0" in mail.outbox[0].body
    assert "/account/email-about-your-logs" in mail.outbox[0].body


def test_a_weekly_digest_waits_for_monday(provider):
    preference = DigestPreference.objects.create(user=provider, frequency="weekly")
    assert not digest.is_due(preference, D(2026, 11, 21))  # a Saturday
    assert digest.is_due(preference, D(2026, 11, 23))


def test_data_quality_counts_checks_and_confirmed_warnings(client, support, provider, organisation, add_logs):
    add_logs(organisation, D(2026, 6, 1), count=2, checks={"errors": ["a_check"], "warnings": [], "confirmed": []})
    add_logs(organisation, D(2026, 6, 1), count=1, checks={"errors": [], "warnings": [], "confirmed": ["b_check"]})
    verified_login(client, support)
    text = client.get(reverse("collection:data-quality"), {"year": 2026, "kind": "lettings"}).content.decode()
    assert "a_check" in text
    assert "b_check" in text
    assert "Riverside Homes" in text


def test_the_write_path_records_the_checks_of_a_log(provider):
    log = create_log(provider).log
    save_answers(log, {"startdate": D(2020, 1, 1)}, provider)  # outside the open years: an error
    log.refresh_from_db()
    assert log.checks["errors"]
    assert log.checks["confirmed"] == []


def test_support_publishes_a_banner_people_see_and_dismiss(client, support, provider):
    verified_login(client, support)
    client.post(
        reverse("collection:notification-new"),
        {"title": "Quarter 3 closes soon", "link_text": "Read more", "page_content": "First.\n\nSecond.",
         "show_on_unauthenticated_pages": "1"},
    )  # fmt: skip
    notice = Notification.objects.get()
    verified_login(client, provider)
    home = client.get(reverse("web:home")).content.decode()
    assert "Quarter 3 closes soon" in home
    client.post(reverse("collection:notification-dismiss", args=[notice.pk]), {"next": "/home"})
    assert "Quarter 3 closes soon" not in client.get(reverse("web:home")).content.decode()
    client.logout()
    assert "Quarter 3 closes soon" in client.get(reverse("web:start")).content.decode()
    page = client.get(reverse("collection:notification", args=[notice.pk])).content.decode()
    assert '<p class="govuk-body">Second.</p>' in page


def test_an_ended_banner_is_not_shown(client, support, provider):
    notice = Notification.objects.create(title="Old news", show_on_unauthenticated_pages=True)
    verified_login(client, support)
    client.post(reverse("collection:notification-end", args=[notice.pk]))
    assert "Old news" not in client.get(reverse("web:start")).content.decode()


def test_resources_list_uploads_and_the_generated_templates(client, support):
    verified_login(client, support)
    upload = SimpleUploadedFile("form.pdf", b"%PDF-1.4 form", content_type="application/pdf")
    data = {"kind": "lettings", "resource_type": "paper_form", "display_name": "Lettings paper form", "file": upload}
    assert client.post(reverse("collection:resource-manage", args=[2026]), data).status_code == 302
    client.logout()
    text = client.get(reverse("collection:resources")).content.decode()
    assert "Lettings paper form" in text
    assert reverse("collection:generated-template", args=[2026, "lettings"]) in text
    assert reverse("collection:generated-specification", args=[2026, "sales"]) in text
    resource = CollectionResource.objects.get()
    response = client.get(reverse("collection:resource-file", args=[resource.pk]))
    assert b"".join(response.streaming_content) == b"%PDF-1.4 form"
    template = client.get(reverse("collection:generated-template", args=[2026, "lettings"]))
    assert template.content[:2] == b"PK"


def test_a_file_that_is_not_a_document_is_refused(client, support):
    verified_login(client, support)
    upload = SimpleUploadedFile("run.pdf", b"#!/bin/sh", content_type="application/pdf")
    data = {"kind": "lettings", "resource_type": "additional", "display_name": "Script", "file": upload}
    text = client.post(reverse("collection:resource-manage", args=[2026]), data).content.decode()
    assert "The file must be a PDF, an Excel spreadsheet or a Word document" in text


def test_a_logs_history_shows_who_changed_what_and_how(client, provider, coordinator):
    log = create_log(provider).log
    save_answers(log, {"startdate": D(2026, 11, 2), "needstype": 1}, provider)
    verified_login(client, coordinator)
    text = client.get(reverse("journeys:history", args=[log.pk])).content.decode()
    assert "Created the log" in text
    assert "Changed answers" in text
    assert provider.name in text
    assert "2 November 2026" in text
    assert "General needs" in text
