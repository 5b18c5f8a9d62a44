"""A page listing the emails the file backend has written, shown only in debug mode."""

from __future__ import annotations

import email
import email.policy
from dataclasses import dataclass
from email.message import EmailMessage
from pathlib import Path

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render


@dataclass(frozen=True)
class SentEmail:
    """One email as written by collect.notify.backends.FileEmailBackend."""

    name: str
    to: str
    subject: str
    sent_at: str
    body: str


def _read(path: Path) -> SentEmail:
    message = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
    assert isinstance(message, EmailMessage)
    body_part = message.get_body(preferencelist=("plain",))
    body = body_part.get_content() if body_part is not None else ""
    return SentEmail(
        name=path.stem,
        to=str(message["To"] or ""),
        subject=str(message["Subject"] or ""),
        sent_at=str(message["Date"] or ""),
        body=str(body),
    )


def _mail_folder() -> Path:
    if not settings.DEBUG:
        raise Http404
    return Path(settings.EMAIL_FILE_PATH)


def sent_emails(request: HttpRequest) -> HttpResponse:
    """Newest first, the emails written to the mail folder."""
    folder = _mail_folder()
    paths = sorted(folder.glob("*.eml"), reverse=True)[:200] if folder.exists() else []
    return render(request, "notify/sent_emails.html", {"emails": [_read(p) for p in paths]})


def sent_email(request: HttpRequest, name: str) -> HttpResponse:
    """One email in full, with its links."""
    folder = _mail_folder()
    path = folder / f"{name}.eml"
    if "/" in name or not path.is_file():
        raise Http404
    return render(request, "notify/sent_email.html", {"email": _read(path)})
