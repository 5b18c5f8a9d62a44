from __future__ import annotations

from email import message_from_bytes
from pathlib import Path
from unittest import mock

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.mail import EmailMessage, get_connection
from django.urls import reverse

from collect.notify.emails import EMAIL_KINDS
from collect.notify.service import deliver_email, render_email, send_email
from tests.conftest import verified_login

SAMPLE_CONTEXT = {
    "name": "Ann & Bo",
    "link": "https://example.com/x",
    "organisation": "Org",
    "role": "Data provider",
    "invited_by": "Bo",
    "merged": "Small Homes",
    "absorbing": "Big Homes",
    "merge_date": "1 October 2026",
    "old_email": "ann@old.example",
    "new_email": "ann@new.example",
    "changed_by": "Cy",
    "from_organisation": "Org",
    "to_organisation": "Other Org",
    "log_reassignment": "unassign",
}


@pytest.mark.parametrize("kind", sorted(EMAIL_KINDS))
def test_every_email_kind_renders(kind):
    subject, body = render_email(kind, SAMPLE_CONTEXT)
    assert subject
    assert len(body) > 40
    assert "&amp;" not in body + subject  # plain text is not HTML-escaped
    assert "{{" not in body


@pytest.mark.parametrize("kind", ["invitation", "password_reset"])
def test_link_emails_carry_their_link(kind):
    assert "https://example.com/x" in render_email(kind, SAMPLE_CONTEXT)[1]


@pytest.mark.django_db(transaction=True)
def test_send_email_is_delivered_after_commit(mailoutbox):
    send_email("password_reset", "ann@example.com", {"name": "Ann & Bo", "link": "https://example.com/r"})
    assert len(mailoutbox) == 1
    assert "Ann & Bo" in mailoutbox[0].body
    assert mailoutbox[0].extra_headers["X-Collect-Email-Kind"] == "password_reset"


@pytest.mark.django_db
def test_send_email_waits_for_the_transaction(mailoutbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        send_email("password_reset", "ann@example.com", {"name": "Ann", "link": "https://example.com/r"})
    assert mailoutbox == []
    assert len(callbacks) == 1


def test_file_backend_writes_one_eml_per_message(tmp_path, settings):
    settings.EMAIL_FILE_PATH = tmp_path
    connection = get_connection("collect.notify.backends.FileEmailBackend")
    sent = connection.send_messages(
        [
            EmailMessage("Hello", "Body one", to=["a@example.com"]),
            EmailMessage("Again", "Body two", to=["b@example.com"]),
        ]
    )
    assert sent == 2
    files = sorted(Path(tmp_path).glob("*.eml"))
    assert len(files) == 2
    parsed = message_from_bytes(files[0].read_bytes())
    assert parsed["To"] in {"a@example.com", "b@example.com"}


def test_notify_backend_needs_its_settings(settings):
    settings.NOTIFY_API_KEY = ""
    with pytest.raises(ImproperlyConfigured):
        get_connection("collect.notify.backends.NotifyEmailBackend")


def test_notify_backend_sends_subject_and_body_as_personalisation(settings):
    settings.NOTIFY_API_KEY = "test_key-" + "0" * 36 + "-" + "0" * 36
    settings.NOTIFY_TEMPLATE_ID = "11111111-1111-1111-1111-111111111111"
    with mock.patch("notifications_python_client.notifications.NotificationsAPIClient.send_email_notification") as send:
        connection = get_connection("collect.notify.backends.NotifyEmailBackend")
        assert connection.send_messages([EmailMessage("Subject", "Body", to=["a@example.com"])]) == 1
    send.assert_called_once_with(
        email_address="a@example.com",
        template_id="11111111-1111-1111-1111-111111111111",
        personalisation={"subject": "Subject", "body": "Body"},
    )


def test_smtp_backend_is_selectable():
    import os
    import subprocess
    import sys

    code = "import django; from django.conf import settings; django.setup(); print(settings.EMAIL_BACKEND)"
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "collect.settings", "COLLECT_EMAIL_BACKEND": "smtp"}
    output = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert output.stdout.strip() == "django.core.mail.backends.smtp.EmailBackend"


def test_deliver_task_uses_the_configured_backend(settings, tmp_path):
    settings.EMAIL_BACKEND = "collect.notify.backends.FileEmailBackend"
    settings.EMAIL_FILE_PATH = tmp_path
    deliver_email.call(kind="password_reset", to="a@example.com", subject="S", body="B")
    assert len(list(tmp_path.glob("*.eml"))) == 1


def test_sent_emails_page_lists_messages_in_debug(client, db, settings, tmp_path):
    settings.DEBUG = True
    settings.EMAIL_FILE_PATH = tmp_path
    get_connection("collect.notify.backends.FileEmailBackend").send_messages(
        [EmailMessage("Reset your password", "Go to https://example.com/reset/abc", to=["a@example.com"])]
    )
    listing = client.get(reverse("notify:sent-emails"))
    assert listing.status_code == 200
    assert "Reset your password" in listing.content.decode()
    name = next(tmp_path.glob("*.eml")).stem
    detail = client.get(reverse("notify:sent-email", args=[name])).content.decode()
    assert 'href="https://example.com/reset/abc"' in detail
    assert client.get(reverse("notify:sent-email", args=["nothing-here"])).status_code == 404


def test_sent_emails_page_is_hidden_outside_debug(client, support, settings):
    settings.DEBUG = False
    verified_login(client, support)
    assert client.get(reverse("notify:sent-emails")).status_code == 404
