"""A log's history: who changed which answers, when and through which channel (from the audit trail)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from collect.audit import trail
from collect.journeys.form import log_for_request
from collect.journeys.kinds import log_url
from collect.logs.writing import engine
from collect.rulebook.declaration import Question
from collect.standards.answers import govuk_date
from collect.web.pagination import govuk_pagination

PER_PAGE = 50
ACTIONS = {
    "create": "Created the log",
    "update": "Changed answers",
    "delete": "Deleted the log",
    "release": "Created from a bulk upload",
    "confirm warnings": "Confirmed warnings",
}


@dataclass(frozen=True)
class Change:
    """One answer's change as people read it."""

    label: str
    before: str
    after: str


def shown_value(question: Question | None, value: Any) -> str:
    """A stored answer as people read it: an option's label, a date, or the value itself; blank as "Not answered"."""
    if value is None or value == "":
        return "Not answered"
    if question is not None:
        for option in question.options:
            if option.code == value or str(option.code) == str(value):
                return option.label
    if isinstance(value, str) and len(value) == 10 and value[4] == "-" and value[7] == "-":
        try:
            return govuk_date(datetime.date.fromisoformat(value))
        except ValueError:
            return value
    if isinstance(value, bool):
        return "Yes" if value else "No"
    return str(value)


def changes_of(changes: dict[str, Any], questions: dict[str, Question]) -> list[Change]:
    """An audit event's changes, each with its question's label and values as people read them."""
    found = []
    for name, change in changes.items():
        question = questions.get(name)
        found.append(Change(str(change.get("label") or name), shown_value(question, change.get("from")),
                            shown_value(question, change.get("to"))))  # fmt: skip
    return found


@require_GET
def log_history(request: HttpRequest, pk: int, kind: str) -> HttpResponse:
    """The log's history, newest first: each change with who made it, when and through which channel."""
    _, log = log_for_request(request, pk, kind)
    questions = engine(log).collection.questions()
    page = Paginator(trail.history(log, "log"), PER_PAGE).get_page(request.GET.get("page"))
    events = [
        (event, ACTIONS.get(event.action, event.action.capitalize()), changes_of(event.changes, questions))
        for event in page.object_list
    ]
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "title": f"History of log {log.pk}",
        "nav_section": log.kind,
        "log": log,
        "events": events,
        "pagination": govuk_pagination(page, query),
        "back": log_url(log, "log"),
    }
    return render(request, "journeys/history.html", context)
