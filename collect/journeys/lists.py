"""The logs list of a kind (platform.md §4.6): search, filters remembered per person, pagination, selection.

The search and filters are a GET form, so the list works without JavaScript and its pages can be bookmarked.
They are remembered in the person's session, one set per kind of log, as the national service does: coming back
to the list (from the navigation, a log or the home page) shows it as it was left, until "Clear search and
filters" or signing out. The session rather than the user's record, because filters are the working state of one
sitting, and a fresh sign-in (maybe on a shared computer) should start from the whole list.
"""

from __future__ import annotations

from typing import Any

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET

from collect.accounts.models import User
from collect.accounts.policy import can_create_logs, signed_in_user
from collect.bulkupload.models import BulkUpload
from collect.bulkupload.views import can_upload
from collect.journeys.form import STATUS_TAG_BY_VALUE
from collect.journeys.kinds import PAGES, LogPages
from collect.journeys.list_filters import LogFilterForm
from collect.logs import policy
from collect.logs.models import LogQuerySet, LogStatus
from collect.web.pagination import govuk_pagination

PAGE_SIZE = 20
# Query parameters that are not filters: the page number, clearing, and the error of an empty selection.
NOT_FILTERS = ("page", "clear", "error")


def _session_key(pages: LogPages) -> str:
    return f"collect_log_filters_{pages.kind}"


def remembered_query(request: HttpRequest, pages: LogPages) -> QueryDict:
    """The search and filters of the list: those sent, else those remembered from the last visit."""
    sent = request.GET.copy()
    for name in NOT_FILTERS:
        sent.pop(name, None)
    if sent:
        return sent
    return QueryDict(request.session.get(_session_key(pages), ""), mutable=True)


@require_GET
def log_list(request: HttpRequest, kind: str) -> HttpResponse:
    """The logs of a kind in the person's scope, newest first, with search, filters and deletion of a selection."""
    user = signed_in_user(request)
    pages = PAGES[kind]
    if "clear" in request.GET:
        request.session.pop(_session_key(pages), None)
        return redirect(pages.url_name("list"))
    query = remembered_query(request, pages)
    form = LogFilterForm(user, pages, query)
    if not form.errors and request.session.get(_session_key(pages), "") != query.urlencode():
        request.session[_session_key(pages)] = query.urlencode()
    in_scope = policy.logs_in_scope(user, pages.kind).visible()
    found = form.apply(in_scope).select_related("owning_organisation", "managing_organisation", "assigned_to")
    page = Paginator(found, PAGE_SIZE).get_page(request.GET.get("page"))
    deletable = {log.pk for log in page.object_list if policy.can_delete(user, log)}
    filters = [(name, value) for name, values in query.lists() if name != "q" for value in values]
    context = {
        "title": pages.plural,
        "nav_section": pages.name,
        "pages": pages,
        "form": form,
        "type_field": pages.type_question,
        "type_label": pages.type_question_declared.label,
        "type_labels": {o.code: o.label for o in pages.type_question_declared.options},
        "card_columns": [(column, pages.label(column)) for column in pages.search_columns],
        "date_label": pages.label(pages.date_question),
        "page": page,
        "pagination": govuk_pagination(page, query),
        "filters": filters,
        "deletable": deletable,
        "selection_error": request.GET.get("error") == "select",
        "duplicate_set_count": len(policy.duplicate_sets_for(user, pages.kind)),
        "can_create": can_create_logs(user),
        "shows_organisations": user.is_support or "owned_by" in form.fields,
        "tags": STATUS_TAG_BY_VALUE,
    }
    context["bulk_upload"] = bulk_upload_banner(user, pages, form, in_scope)
    context["can_bulk_upload"] = can_upload(user)
    return render(request, "journeys/list.html", context)


def bulk_upload_banner(
    user: User, pages: LogPages, form: LogFilterForm, in_scope: LogQuerySet
) -> dict[str, Any] | None:
    """The counts of the "fix the errors from this bulk upload" banner, when the list shows one upload's logs."""
    wanted = form.cleaned_data.get("bulk_upload") if not form.errors.get("bulk_upload") else None
    if wanted is None:
        return None
    upload = BulkUpload.objects.filter(uuid=wanted, kind=pages.kind).first()
    if upload is None or not (user.is_support or upload.organisation_id == user.organisation_id):
        return None
    logs = in_scope.filter(bulk_upload=upload)
    return {
        "upload": upload,
        "logs": logs.count(),
        "with_errors": logs.exclude(status=LogStatus.COMPLETED).count(),
        "errors": upload.not_answered_errors + upload.other_errors,
    }
