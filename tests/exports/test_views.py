"""Asking for a log download, the emailed link, the file, expiry, and who may use the link."""

from __future__ import annotations

import csv
import datetime
import io

import polars as pl
import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from collect.exports.models import Download, DownloadStatus
from tests.conftest import verified_login
from tests.standards.test_downloads import published


@pytest.fixture(autouse=True)
def _mail_and_storage(settings, tmp_path):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": str(tmp_path)}},
    }


def ask(client, user, data, django_capture_on_commit_callbacks, query="years=2026"):
    verified_login(client, user)
    assert client.get(reverse("journeys:list") + "?" + query).status_code == 200
    page = client.get(reverse("exports:lettings-download"))
    assert page.status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("exports:lettings-download"), data)
    assert response.status_code == 302
    return Download.objects.get(), page


def test_a_coordinator_gets_labels_with_the_non_support_columns_by_email(
    client, lettings_logs, coordinator, django_capture_on_commit_callbacks
):
    download, page = ask(
        client, coordinator, {"file_format": "csv", "variant": "codes"}, django_capture_on_commit_callbacks
    )
    assert "You have chosen 3 logs" in page.content.decode()
    assert "codes" not in page.content.decode().lower().split("check your filters")[1].split("file format")[0]
    assert download.status == DownloadStatus.READY
    assert download.codes is False  # codes are for support only
    assert download.rows == 3
    assert download.expires_at - download.finished_at == datetime.timedelta(hours=48)
    [email] = mail.outbox
    assert email.to == [coordinator.email]
    assert str(download.uuid) in email.body
    ready = client.get(reverse("exports:download", args=[download.uuid]))
    assert "Your download is ready" in ready.content.decode()
    response = client.get(reverse("exports:download-file", args=[download.uuid]))
    content = b"".join(response.streaming_content).decode()
    rows = list(csv.reader(io.StringIO(content.removeprefix("\ufeff"))))
    definitions, names = published("lettings-2026", support=False)
    assert rows[0] == definitions
    assert rows[1] == names
    assert len(rows) == 5
    data = [dict(zip(names, row, strict=True)) for row in rows[2:]]
    assert {row["tenancycode"] for row in data} == {"'=HYPERLINK(1)", "T2", "T3"}  # formula-safe
    assert data[0]["needstype"] == "General needs"
    download.refresh_from_db()
    assert download.fetch_count == 1


def test_support_gets_codes_and_parquet(client, lettings_logs, support, django_capture_on_commit_callbacks):
    download, _page = ask(
        client, support, {"file_format": "parquet", "variant": "codes"}, django_capture_on_commit_callbacks
    )
    assert download.codes is True
    assert download.support_columns is True
    response = client.get(reverse("exports:download-file", args=[download.uuid]))
    frame = pl.read_parquet(io.BytesIO(b"".join(response.streaming_content)))
    _definitions, names = published("lettings-2026", support=True)
    assert frame.columns == names
    assert frame.height == 3
    assert set(frame["needstype"].drop_nulls()) == {"1"}


def test_filters_apply_and_a_year_must_be_chosen(
    client, lettings_logs, coordinator, django_capture_on_commit_callbacks
):
    verified_login(client, coordinator)
    client.get(reverse("journeys:list") + "?clear=1")
    page = client.get(reverse("exports:lettings-download"))
    assert "Which collection year do you want to download?" in page.content.decode()
    chosen = client.get(reverse("exports:lettings-download") + "?choose=1&years=2026")
    assert chosen.status_code == 302
    download, _page = ask(
        client, coordinator, {"file_format": "csv"}, django_capture_on_commit_callbacks, query="years=2026&q=T2"
    )
    assert download.rows == 1


def test_the_link_is_for_the_organisation_and_support_and_expires(
    client, lettings_logs, coordinator, provider, stranger, support, django_capture_on_commit_callbacks
):
    download, _page = ask(client, coordinator, {"file_format": "csv"}, django_capture_on_commit_callbacks)
    url = reverse("exports:download", args=[download.uuid])
    for person, status in ((provider, 200), (support, 200), (stranger, 404)):
        verified_login(client, person)
        assert client.get(url).status_code == status
    Download.objects.filter(pk=download.pk).update(expires_at=timezone.now() - datetime.timedelta(seconds=1))
    verified_login(client, coordinator)
    expired = client.get(url)
    assert expired.status_code == 410
    assert "This download link has expired" in expired.content.decode()
    assert client.get(reverse("exports:download-file", args=[download.uuid])).status_code == 302


def test_support_runs_the_export_on_demand(client, lettings_logs, support, django_capture_on_commit_callbacks):
    verified_login(client, support)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("exports:runs"), {"full": "1"})
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "core_2026_2027_apr_mar_f0001_inc0001.zip" in page


def test_support_finds_the_statistics_export_in_the_navigation(client, support, coordinator):
    verified_login(client, support)
    link = f'href="{reverse("exports:runs")}"'
    assert link in client.get(reverse("web:home")).content.decode()
    page = client.get(reverse("exports:runs")).content.decode()
    before, after = page.split(link, 1)
    assert "govuk-service-navigation__item--active" in before.rsplit("<li", 1)[1]
    assert after.startswith(' aria-current="true"')
    client.force_login(coordinator)
    assert link not in client.get(reverse("web:home")).content.decode()
