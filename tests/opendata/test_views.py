"""The public statistics pages (no sign-in) and support's page that publishes a release."""

from __future__ import annotations

import json
from typing import Any

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.urls import reverse

from collect.accounts.models import Role
from collect.opendata.models import Release, ReleaseFile, ReleaseStatus
from collect.opendata.releases import file_path, method_text
from tests.conftest import verified_login

SHEET = {
    "code": "E09000001",
    "name": "City of London",
    "sections": [
        {
            "collection": "lettings-2026",
            "kind": "lettings",
            "figures": [
                {
                    "id": "lettings-count",
                    "label": "Number of lettings",
                    "table": "t",
                    "area": 120,
                    "england": 9000,
                    "unit": "",
                    "previous": 100,
                },
                {
                    "id": "rent",
                    "label": "Median weekly rent",
                    "table": "t",
                    "area": None,
                    "england": 110.5,
                    "unit": "£ per week",
                    "previous": None,
                },
            ],
            "charts": [
                {
                    "id": "chart-t",
                    "table": "t",
                    "title": "Lettings by rent type",
                    "caption": "Lettings by rent type: City of London compared with England",
                    "rows": [
                        {"label": "Social rent", "count": 80, "share": 66.7, "england_share": 60.0},
                        {"label": "Affordable rent", "count": None, "share": None, "england_share": 40.0},
                    ],
                }
            ],
        }
    ],
}


def make_published_release(version: int | None = None) -> Release:
    """A published release with the files the pages read (no build: the build is tested in test_releases)."""
    version = version or (Release.objects.filter(year=2026).count() + 1)
    release = Release.objects.create(
        year=2026,
        version=version,
        notes="First release.\\nSecond line.",
        threshold=5,
        method=method_text(5),
        status=ReleaseStatus.READY,
        log_counts={"lettings-2026": 120},
    )
    contents = {
        "factsheets.json": json.dumps({"areas": {"E09000001": SHEET}}).encode(),
        "method.md": method_text(5).encode(),
        "factsheet-E09000001.pdf": b"%PDF-1.7 sample",
        "lettings-rent-type.csv": b"area_code,count\\nE09000001,80\\n",
    }
    formats = {
        "factsheets.json": "json",
        "method.md": "md",
        "factsheet-E09000001.pdf": "pdf",
        "lettings-rent-type.csv": "csv",
    }
    for name, data in contents.items():
        if default_storage.exists(file_path(release, name)):
            default_storage.delete(file_path(release, name))
        path = default_storage.save(file_path(release, name), ContentFile(data, name=name))
        ReleaseFile.objects.create(
            release=release,
            table=name.split(".")[0],
            file_format=formats[name],
            name=name,
            path=path,
            sha256="0" * 64,
            size=len(data),
        )
    return release


def test_public_pages_need_no_sign_in(client: Any, db: None, storage: Any) -> None:
    release = make_published_release()
    page = client.get(reverse("opendata:statistics"))
    assert page.status_code == 200
    assert b"2026 to 2027, version 1" in page.content
    page = client.get(reverse("opendata:release", args=[2026, 1]))
    assert page.status_code == 200
    assert b"City of London" in page.content
    assert b"lettings-rent-type.csv" in page.content
    assert b"Primary suppression" in page.content
    latest = client.get(reverse("opendata:latest", args=[2026]))
    assert latest.status_code == 302
    assert latest.url == reverse("opendata:release", args=[2026, release.version])
    csv = client.get(reverse("opendata:file", args=[2026, 1, "lettings-rent-type.csv"]))
    assert csv["Content-Type"].startswith("text/csv")
    assert csv.content.startswith(b"area_code")
    pdf = client.get(reverse("opendata:factsheet-pdf", args=[2026, 1, "E09000001"]))
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")


def test_factsheet_page_shows_figures_chart_and_table(client: Any, db: None, storage: Any) -> None:
    make_published_release()
    page = client.get(reverse("opendata:factsheet", args=[2026, 1, "E09000001"]))
    text = page.content.decode()
    assert page.status_code == 200
    assert "<svg" in text
    assert 'role="img"' in text
    assert "Lettings by rent type: City of London compared with England" in text
    assert "120" in text
    assert "9,000" in text
    assert "£110.50" in text
    assert "[c]" in text
    assert "66.7%" in text


def test_unpublished_releases_and_unknown_areas_are_not_found(client: Any, db: None, storage: Any) -> None:
    make_published_release()
    Release.objects.create(year=2026, version=9, status=ReleaseStatus.QUEUED)
    assert client.get(reverse("opendata:release", args=[2026, 9])).status_code == 404
    assert client.get(reverse("opendata:factsheet", args=[2026, 1, "E09999999"])).status_code == 404
    assert client.get(reverse("opendata:file", args=[2026, 1, "nothing.csv"])).status_code == 404
    assert client.get(reverse("opendata:latest", args=[2030])).status_code == 404


def test_support_publishes_a_release(
    client: Any, make_user: Any, make_organisation: Any, storage: Any, django_capture_on_commit_callbacks: Any
) -> None:
    support = make_user(Role.SUPPORT, make_organisation("Department", is_department=True))
    verified_login(client, support)
    bad = client.post(reverse("opendata:manage"), {"year": "2026", "notes": "", "threshold": "1"})
    assert bad.status_code == 200
    assert "Enter release notes" in bad.content.decode()
    assert "must be 2 or more" in bad.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        done = client.post(reverse("opendata:manage"), {"year": "2026", "notes": "New data.", "threshold": "5"})
    assert done.status_code == 302
    release = Release.objects.get()
    assert release.status == ReleaseStatus.READY
    assert release.created_by == support
    assert release.notes == "New data."
