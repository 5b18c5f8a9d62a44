"""Pages of notification banners (support manages them) and collection resources (support uploads them)."""

from __future__ import annotations

from django.contrib import messages
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from collect.accounts.policy import signed_in_user, support_required
from collect.bulkupload import engine
from collect.collection import notifications, resources
from collect.collection.forms import NotificationForm, ResourceForm
from collect.collection.models import CollectionResource, LogKindChoice, Notification
from collect.standards import calendar
from collect.standards.registry import COLLECTIONS, collection

NAV = {"nav_section": "collection"}
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@require_GET
@support_required
def notification_list(request: HttpRequest) -> HttpResponse:
    """Every notification, active ones marked."""
    found = [(n, n.is_active()) for n in Notification.objects.all()[:200]]
    return render(request, "collection/notifications.html", {"title": "Notifications", "found": found, **NAV})


@require_http_methods(["GET", "POST"])
@support_required
def notification_form(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    """Publish a new notification, or change one."""
    actor = signed_in_user(request)
    existing = get_object_or_404(Notification, pk=pk) if pk is not None else None
    initial = (
        {
            "title": existing.title,
            "link_text": existing.link_text,
            "page_content": existing.page_content,
            "show_on_unauthenticated_pages": int(existing.show_on_unauthenticated_pages),
        }
        if existing
        else {"show_on_unauthenticated_pages": 0}
    )
    form = NotificationForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        if existing is None:
            notifications.create(actor, form.cleaned_data)
            messages.success(request, "The notification is now shown")
        else:
            notifications.update(actor, existing, form.cleaned_data)
            messages.success(request, "The notification has been changed")
        return redirect("collection:notifications")
    title = "Change a notification" if existing else "Create a notification"
    return render(
        request, "collection/notification_form.html", {"title": title, "form": form, "existing": existing, **NAV}
    )


@require_POST
@support_required
def notification_end(request: HttpRequest, pk: int) -> HttpResponse:
    """Stop showing a notification now."""
    notifications.end(signed_in_user(request), get_object_or_404(Notification, pk=pk))
    messages.success(request, "The notification is no longer shown")
    return redirect("collection:notifications")


@require_GET
def notification_page(request: HttpRequest, pk: int) -> HttpResponse:
    """A notification's page of more information: public while it is shown to people who are not signed in."""
    found = get_object_or_404(Notification, pk=pk)
    user = request.user
    visible = found.is_active() and (found.show_on_unauthenticated_pages or user.is_authenticated)
    if not (visible or getattr(user, "is_support", False)) or not found.page_content:
        raise Http404("No such notification")
    context = {"title": found.title, "notification": found, "paragraphs": notifications.paragraphs(found.page_content)}
    return render(request, "collection/notification_page.html", context)


@require_POST
def notification_dismiss(request: HttpRequest, pk: int) -> HttpResponse:
    """Dismiss a banner: the next unread one shows instead."""
    notifications.dismiss(signed_in_user(request), get_object_or_404(Notification, pk=pk))
    back = request.POST.get("next", "")
    return redirect(back if back.startswith("/") and not back.startswith("//") else "web:home")


@require_GET
def resource_list(request: HttpRequest) -> HttpResponse:
    """The collection resources of the shown years (public); support also sees the years it can upload to."""
    today = timezone.localdate()
    is_support = getattr(request.user, "is_support", False)
    years = resources.shown_years(today)
    context = {
        "title": "Collection resources",
        "found": resources.resources_for(years),
        "is_support": is_support,
        "editable": [(y, calendar.dates_for(y).label) for y in resources.editable_years(today)] if is_support else [],
        "kind_labels": dict(LogKindChoice.choices),
    }
    return render(request, "collection/resources.html", context)


@require_http_methods(["GET", "POST"])
@support_required
def resource_manage(request: HttpRequest, year: int) -> HttpResponse:
    """Upload resources for a year, release the next year's, or delete them."""
    actor = signed_in_user(request)
    if year not in resources.editable_years(timezone.localdate()):
        raise Http404("Resources of this year cannot be changed")
    form = ResourceForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        values = {k: v for k, v in form.cleaned_data.items() if k != "file"}
        resources.upload(actor, year, values, form.cleaned_data["file"])
        messages.success(request, f"{form.cleaned_data['display_name']} has been uploaded")
        return redirect("collection:resource-manage", year=year)
    context = {
        "title": f"Resources for {calendar.dates_for(year).label}",
        "form": form,
        "year": year,
        "found": resources.resources_for([year]),
        "kind_labels": dict(LogKindChoice.choices),
        **NAV,
    }
    return render(request, "collection/resource_manage.html", context)


@require_POST
@support_required
def resource_delete(request: HttpRequest, pk: int) -> HttpResponse:
    """Delete an uploaded resource."""
    found = get_object_or_404(CollectionResource, pk=pk)
    resources.remove(signed_in_user(request), found)
    messages.success(request, f"{found.display_name} has been deleted")
    return redirect("collection:resource-manage", year=found.start_year)


@require_GET
def resource_file(request: HttpRequest, pk: int) -> FileResponse:
    """An uploaded resource's file: public for the shown years, support for any."""
    found = get_object_or_404(CollectionResource, pk=pk)
    if found.start_year not in resources.shown_years(timezone.localdate()) and not getattr(
        request.user, "is_support", False
    ):
        raise Http404("No such resource")
    return FileResponse(
        default_storage.open(found.file_name, "rb"),
        as_attachment=True,
        filename=found.original_name,
        content_type=found.content_type,
    )


def _generated(kind: str, year: int) -> str:
    collection_id = f"{kind}-{year}"
    if kind not in LogKindChoice.values or collection_id not in COLLECTIONS:
        raise Http404("No such collection year")
    if collection(collection_id).bulk_template is None:
        raise Http404("This collection year has no bulk upload template")
    return collection_id


def _xlsx(content: bytes, name: str) -> HttpResponse:
    response = HttpResponse(content, content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@require_GET
def generated_template(request: HttpRequest, year: int, kind: str) -> HttpResponse:
    """The bulk upload template generated from the year's declaration (public)."""
    collection_id = _generated(kind, year)
    return _xlsx(engine.template_xlsx(collection_id), f"{collection_id}-bulk-upload-template.xlsx")


@require_GET
def generated_specification(request: HttpRequest, year: int, kind: str) -> HttpResponse:
    """The bulk upload template's specification generated from the year's declaration (public)."""
    collection_id = _generated(kind, year)
    return _xlsx(engine.specification_xlsx(collection_id), f"{collection_id}-bulk-upload-specification.xlsx")
