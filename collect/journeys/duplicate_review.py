"""Duplicate logs (platform.md §4.4): the sets in the person's scope, a set side by side, and keeping one log.

Two logs are duplicates when the duplicate-check answers declared by their collection year match
(collect.logs.duplicates). The review page shows those answers for every log of the set, as check your answers shows
them, with links to change them; keeping one log deletes the others through the one write path. The national service
has no way to mark logs as "not duplicates" (the spec has none either): logs that are not duplicates differ in one of
these answers, so the person changes that answer, and the logs leave the set.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from collect.accounts.models import User
from collect.accounts.policy import require, signed_in_user
from collect.journeys.form import STATUS_TAG_BY_VALUE, answer_labels, shown_answer
from collect.journeys.kinds import PAGES, LogPages
from collect.logs import duplicates, policy
from collect.logs.models import Log
from collect.logs.writing import delete_logs, engine, evaluate_answers, stored_answers
from collect.rulebook import Question
from collect.rulebook.declaration import OptionKind
from collect.web.pagination import govuk_pagination

SETS_PER_PAGE = 20


def _the_set(user: User, pages: LogPages, pk: int) -> tuple[Log, list[Log]]:
    """A log in scope and its duplicates in scope (oldest first); 403 for a provider when none of them is theirs."""
    log = policy.log_for(user, pages.kind, pk)
    others = list(
        duplicates.duplicates_of(log, policy.logs_in_scope(user, pages.kind))
        .select_related("assigned_to", "created_by")
        .order_by("created_at", "pk")
    )
    if others:
        require(policy.can_review_duplicates(user, [log, *others]))
    return log, others


def _logs_text(logs: list[Log]) -> str:
    """Such as "log 3", "logs 3 and 4" or "logs 3, 4 and 5"."""
    names = [str(log.pk) for log in logs]
    if len(names) == 1:
        return f"log {names[0]}"
    return f"logs {', '.join(names[:-1])} and {names[-1]}"


@require_GET
def duplicate_sets(request: HttpRequest, kind: str) -> HttpResponse:
    """The sets of duplicate logs this person reviews, oldest first, each linking to its review."""
    user = signed_in_user(request)
    pages = PAGES[kind]
    page = Paginator(policy.duplicate_sets_for(user, pages.kind), SETS_PER_PAGE).get_page(request.GET.get("page"))
    members: dict[str, list[Log]] = defaultdict(list)
    found = policy.logs_in_scope(user, pages.kind).visible().filter(duplicate_key__in=list(page.object_list))
    for log in found.order_by("created_at", "pk"):
        members[log.duplicate_key].append(log)
    sets = [members[key] for key in page.object_list if len(members[key]) > 1]
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "title": "Duplicate logs",
        "nav_section": pages.name,
        "pages": pages,
        "page": page,
        "sets": sets,
        "pagination": govuk_pagination(page, query),
        "columns": [(column, pages.label(column)) for column in pages.search_columns],
        "date_question": pages.date_question,
        "date_label": pages.label(pages.date_question),
    }
    return render(request, "journeys/duplicate_sets.html", context)


def _answer_rows(user: User, pages: LogPages, logs: list[Log]) -> list[dict[str, Any]]:
    """One row per duplicate-check question: its label and each log's answer, with a link to change it."""
    declared = engine(logs[0]).collection
    questions = declared.questions()
    groups: dict[str, list[Question]] = {}
    for field in declared.duplicate_fields:
        if field in questions:
            groups.setdefault(questions[field].label, []).append(questions[field])
    asked = {q.id for group in groups.values() for q in group}
    pages_of: dict[str, list[str]] = defaultdict(list)
    for declared_page in declared.pages:
        for question in declared_page.questions:
            if question.id in asked:
                pages_of[question.id].append(declared_page.id)
    shown = [_log_answers(user, pages, log, groups, pages_of) for log in logs]
    rows = []
    for label in groups:
        cells = [values[label] for values in shown]
        if any(cell["text"] for cell in cells):
            rows.append({"label": label, "cells": cells})
    return rows


def _log_answers(
    user: User, pages: LogPages, log: Log, groups: dict[str, list[Question]], pages_of: dict[str, list[str]]
) -> dict[str, dict[str, Any]]:
    """A log's answer to each group of questions, as check your answers shows it, and where to change it."""
    answers = stored_answers(log)
    outcome = evaluate_answers(log, answers, user, previous=answers)
    routed = set(outcome.routed_pages)
    editable = policy.is_editable(log)
    values = {}
    for label, group in groups.items():
        parts = []
        for question in group:
            labels = answer_labels(user, question, outcome.answers, pages.kind)
            if text := shown_answer(question, outcome.answers, labels):
                parts.append((question, text))
        if len(parts) > 1:  # "Yes" (the age is known) beside the age says nothing more
            parts = [(q, t) for q, t in parts if not _introduces(q, outcome.answers)] or parts
        page_id = next((p for q in group for p in pages_of[q.id] if p in routed), None)
        href = None
        if editable and page_id:
            href = reverse(pages.url_name("page"), args=(log.pk, page_id.replace("_", "-")))
        values[label] = {"text": ", ".join(t for _, t in parts), "href": href}
    return values


def _introduces(question: Question, answers: dict[str, Any]) -> bool:
    """Whether the answer is a choice that only says another answer on the page is given ("Yes")."""
    value = answers.get(question.id)
    return any(option.code == value and option.kind is OptionKind.ANSWER for option in question.options)


@require_GET
def duplicate_review(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    """A log and its duplicates side by side, with a choice of which one to keep."""
    user = signed_in_user(request)
    pages = PAGES[kind]
    log, others = _the_set(user, pages, pk)
    if not others:
        messages.success(request, f"Log {log.pk} has no duplicates")
        return redirect(pages.url_name("log"), log.pk)
    logs = [log, *others]
    keepable = {
        candidate.pk: all(policy.can_delete(user, other) for other in logs if other.pk != candidate.pk)
        for candidate in logs
    }
    context = {
        "title": f"Log {log.pk} has {'a duplicate' if len(others) == 1 else f'{len(others)} duplicates'}",
        "nav_section": pages.name,
        "pages": pages,
        "log": log,
        "logs": logs,
        "answer_rows": _answer_rows(user, pages, logs),
        "keepable": keepable,
        "tags": STATUS_TAG_BY_VALUE,
    }
    return render(request, "journeys/duplicate_review.html", context)


@require_http_methods(["GET", "POST"])
def keep_log(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    """Ask whether to keep this log and delete its duplicates, then do so."""
    user = signed_in_user(request)
    pages = PAGES[kind]
    log, others = _the_set(user, pages, pk)
    if request.method == "POST":
        # Only the logs the person confirmed, and only if they are still duplicates of this one.
        confirmed = set(request.POST.getlist("log"))
        others = [other for other in others if str(other.pk) in confirmed]
    if not others:
        return redirect(pages.url_name("log"), log.pk)
    require(all(policy.can_delete(user, other) for other in others))
    if request.method == "POST":
        deleted = delete_logs(others, user)
        verb = "has" if len(deleted) == 1 else "have"
        messages.success(request, f"Log {log.pk} is no longer a duplicate: {_logs_text(deleted)} {verb} been deleted")
        return redirect(pages.url_name("log"), log.pk)
    context = {
        "title": f"Are you sure you want to keep log {log.pk} and delete {_logs_text(others)}?",
        "nav_section": pages.name,
        "pages": pages,
        "log": log,
        "others": others,
    }
    return render(request, "journeys/keep_log.html", context)
