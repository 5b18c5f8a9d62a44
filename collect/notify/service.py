"""Send email: render it now, deliver it from the task queue once the current transaction has committed.

Delivery uses Django's email API, so settings.EMAIL_BACKEND decides where mail goes: a folder of .eml files by
default, the console, SMTP or GOV.UK Notify (collect.notify.backends), and an in-memory outbox in tests.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django_tasks import task

from collect.notify.emails import EMAIL_KINDS


def render_email(kind: str, context: dict[str, Any]) -> tuple[str, str]:
    """The subject and plain-text body of an email of this kind."""
    from django.template import engines

    email_kind = EMAIL_KINDS[kind]
    full_context = {
        "service_name": settings.SERVICE_NAME,
        "service_url": settings.SERVICE_URL,
        "feedback_email": settings.SERVICE_FEEDBACK_EMAIL,
        **context,
    }
    subject = engines["jinja2"].from_string(email_kind.subject).render(full_context).strip()
    body = render_to_string(email_kind.body_template, full_context).strip() + "\n"
    return subject, body


def send_email(kind: str, to: str, context: dict[str, Any]) -> None:
    """Queue an email of this kind to one address; it is delivered after the transaction commits."""
    subject, body = render_email(kind, context)
    transaction.on_commit(lambda: deliver_email.enqueue(kind=kind, to=to, subject=subject, body=body))


@task()
def deliver_email(*, kind: str, to: str, subject: str, body: str) -> None:
    """Hand one email to the configured email backend."""
    message = EmailMessage(subject=subject, body=body, to=[to], headers={"X-Collect-Email-Kind": kind})
    message.send(fail_silently=False)
