"""Deleting logs (platform.md §4.5): one from its page, or a selection from the list, each after a confirmation.

Who may delete which log is `collect.logs.policy.can_delete`; the deletion itself is `collect.logs.writing.delete_logs`
(soft: the log leaves every list and duplicate set and answers 404, and the audit trail records it). A log outside
the person's scope is not found (404); one in scope they may not delete is refused (403).
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from collect.accounts.models import User
from collect.accounts.policy import require, signed_in_user
from collect.journeys.kinds import PAGES
from collect.logs import duplicates, policy
from collect.logs.models import Log
from collect.logs.writing import delete_logs

# More logs than this in one selection is not a selection made on the list (20 a page).
MAX_SELECTION = 500


def log_page_actions(user: User, log: Log) -> dict[str, Any]:
    """The deletion and duplicate links of a log's page, for this person."""
    pages = PAGES[log.kind]
    others = list(duplicates.duplicates_of(log, policy.logs_in_scope(user, log.kind)))
    reviewable = bool(others) and policy.can_review_duplicates(user, [log, *others])
    return {
        "delete_url": pages.url("delete", log.pk) if policy.can_delete(user, log) else None,
        "duplicate_count": len(others) if reviewable else 0,
        "duplicates_url": pages.url("duplicate-review", log.pk) if reviewable else None,
    }


@require_http_methods(["GET", "POST"])
def delete_log(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    """Ask whether to delete one log, then delete it and go back to the list."""
    user = signed_in_user(request)
    pages = PAGES[kind]
    log = policy.log_for(user, pages.kind, pk)
    require(policy.can_delete(user, log))
    if request.method == "POST":
        delete_logs([log], user)
        messages.success(request, f"Log {log.pk} has been deleted")
        return redirect(pages.url_name("list"))
    context = {"title": "Are you sure you want to delete this log?", "log": log, "pages": pages}
    return render(request, "journeys/delete_log.html", {**context, "nav_section": pages.name})


def _selection(user: User, kind: str, data: QueryDict) -> list[Log]:
    """The selected logs: 404 if one is not a visible log in scope, 403 if one may not be deleted by this person."""
    sent = data.getlist("log")
    if len(sent) > MAX_SELECTION or not all(value.isdigit() for value in sent):
        raise Http404("No such log")
    ids = {int(value) for value in sent}
    logs = list(
        policy.logs_in_scope(user, kind)
        .visible()
        .filter(pk__in=ids)
        .select_related("assigned_to")
        .order_by("-created_at", "-pk")
    )
    if len(logs) != len(ids):
        raise Http404("No such log")
    require(all(policy.can_delete(user, log) for log in logs))
    return logs


@require_http_methods(["GET", "POST"])
def delete_selected(request: HttpRequest, kind: str) -> HttpResponse:
    """Ask whether to delete the logs selected on the list, then delete them and go back to the list."""
    user = signed_in_user(request)
    pages = PAGES[kind]
    logs = _selection(user, pages.kind, request.POST if request.method == "POST" else request.GET)
    if not logs:
        return redirect(pages.url("list") + "?error=select#results")
    if request.method == "POST":
        deleted = delete_logs(logs, user)
        count = len(deleted)
        messages.success(request, f"{count} {'log has' if count == 1 else 'logs have'} been deleted")
        return redirect(pages.url_name("list"))
    count = len(logs)
    context = {
        "title": f"Are you sure you want to delete {'this log' if count == 1 else f'these {count} logs'}?",
        "logs": logs,
        "pages": pages,
        "nav_section": pages.name,
        "columns": [(column, pages.label(column)) for column in pages.search_columns],
    }
    return render(request, "journeys/delete_logs.html", context)
