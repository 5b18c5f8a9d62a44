"""Collection resources (platform.md §8.3): files for each collection year and kind of log.

Support uploads them; the bulk upload template and specification generated from the year's declaration are listed
automatically.

Shown years: the current collection year, the previous one while its logs can still be changed, and the next one
once support releases its resources. Downloads of shown years need no sign-in.
"""

from __future__ import annotations

import datetime
import uuid
from dataclasses import dataclass

from django.core.files.storage import default_storage
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.urls import reverse

from collect.accounts.models import User
from collect.audit import trail
from collect.collection.models import CollectionResource, CollectionYear, LogKindChoice
from collect.standards import calendar
from collect.standards.registry import COLLECTIONS, collection

FOLDER = "collection-resources"


@dataclass(frozen=True)
class ResourceLink:
    """One resource as the page lists it."""

    name: str
    href: str
    file_type: str
    size: int | None
    resource: CollectionResource | None = None


@dataclass(frozen=True)
class YearResources:
    """The resources of one collection year and kind of log."""

    start_year: int
    label: str
    kind: str
    links: list[ResourceLink]


def shown_years(today: datetime.date) -> list[int]:
    """The years whose resources everyone sees, newest first."""
    current = calendar.collection_start_year(today)
    years = {d.start_year for d in calendar.open_for_editing(today)} | {current}
    if CollectionYear.objects.filter(start_year=current + 1, resources_released=True).exists():
        years.add(current + 1)
    return sorted(years, reverse=True)


def editable_years(today: datetime.date) -> list[int]:
    """The years support can upload resources for: the shown ones and the next one."""
    current = calendar.collection_start_year(today)
    return sorted({*shown_years(today), current + 1}, reverse=True)


def generated(kind: str, start_year: int) -> list[ResourceLink]:
    """The bulk upload template and its specification, when the year's declaration has a template."""
    collection_id = f"{kind}-{start_year}"
    if collection_id not in COLLECTIONS or collection(collection_id).bulk_template is None:
        return []
    args = (start_year, kind)
    words = "Lettings" if kind == LogKindChoice.LETTINGS else "Sales"
    return [
        ResourceLink(
            f"{words} bulk upload template",
            reverse("collection:generated-template", args=args),
            "Excel spreadsheet",
            None,
        ),
        ResourceLink(
            f"{words} bulk upload specification",
            reverse("collection:generated-specification", args=args),
            "Excel spreadsheet",
            None,
        ),
    ]


FILE_TYPES = {".pdf": "PDF", ".xlsx": "Excel spreadsheet", ".xls": "Excel spreadsheet", ".docx": "Word document"}


def file_type(name: str) -> str:
    """A file's type in words, from its name."""
    return next((words for ext, words in FILE_TYPES.items() if name.lower().endswith(ext)), "File")


def _file_url(resource: CollectionResource) -> str:
    return reverse("collection:resource-file", args=(resource.pk,))


def resources_for(years: list[int]) -> list[YearResources]:
    """Each year's resources (uploaded, then generated), per kind of log."""
    uploaded = list(CollectionResource.objects.filter(start_year__in=years))
    found = []
    for year in years:
        for kind in LogKindChoice:
            links = [
                ResourceLink(r.display_name, _file_url(r), file_type(r.original_name), r.size, r)
                for r in uploaded
                if r.start_year == year and r.kind == kind
            ]  # fmt: skip
            found.append(YearResources(year, calendar.dates_for(year).label, kind, links + generated(kind, year)))
    return found


def upload(actor: User, start_year: int, values: dict[str, str], file: UploadedFile) -> CollectionResource:
    """Store an uploaded resource (a mandatory paper form replaces the year's earlier one)."""
    name = str(file.name or "resource")
    stored = default_storage.save(f"{FOLDER}/{uuid.uuid4()}/{name}", file)
    with transaction.atomic():
        replaced = []
        if values["resource_type"] == "paper_form":
            replaced = list(
                CollectionResource.objects.filter(
                    start_year=start_year, kind=values["kind"], resource_type="paper_form"
                )
            )
        resource = CollectionResource.objects.create(
            start_year=start_year,
            kind=values["kind"],
            resource_type=values["resource_type"],
            display_name=values["display_name"],
            file_name=stored,
            original_name=name[:200],
            content_type=str(file.content_type or "application/octet-stream")[:100],
            size=file.size or 0,
            uploaded_by=actor,
        )
        trail.record(actor, "uploaded", resource, note=f"{resource.display_name} ({name})")
        for old in replaced:
            remove(actor, old)
    return resource


def remove(actor: User, resource: CollectionResource) -> None:
    """Delete a resource and its file."""
    with transaction.atomic():
        trail.record(actor, "deleted", resource, note=resource.display_name)
        name = resource.file_name
        resource.delete()
        transaction.on_commit(lambda: default_storage.delete(name))
