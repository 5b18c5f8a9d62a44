"""Check errors: when a hard check involves answers on several pages, see them together, change or clear them.

A page whose answers break a check that also names answers on other pages offers "See all related answers". That
page lists those questions with their saved answers, each with a change link, and (outside the setup section) a
"Clear" link that asks for confirmation before the answer is cleared through the one write path (platform.md §4.3).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from collect.accounts.models import User
from collect.journeys import form
from collect.journeys.kinds import log_url
from collect.logs import policy
from collect.logs.models import Log
from collect.logs.writing import engine, save_answers
from collect.rulebook import Outcome, Page, Question
from collect.standards.answers import in_sentence

SETUP = "setup"  # the setup section's answers decide the rest of the log: they are changed, never cleared here


@dataclass(frozen=True)
class Related:
    """A question named by a check, where it is asked, and whether it may be cleared from the check errors page."""

    question: Question
    page: Page
    subsection_id: str

    @property
    def clearable(self) -> bool:
        return self.subsection_id != SETUP


def related_questions(log: Log, outcome: Outcome, fields: set[str]) -> list[Related]:
    """The questions on routed pages that ask for these answers, in the order of the form."""
    routed = set(outcome.routed_pages)
    found: list[Related] = []
    seen: set[str] = set()
    for subsection in engine(log).collection.subsections:
        for page in subsection.pages:
            if page.id not in routed or page.confirms:
                continue
            for question in page.questions:
                if question.id not in seen and fields & set(question.answer_ids):
                    seen.add(question.id)
                    found.append(Related(question, page, subsection.id))
    return found


def _request_state(request: HttpRequest, log: Log, user: User) -> tuple[Outcome, str, list[Related]]:
    """What the check errors pages are about: the log's outcome, the original page and the questions shown."""
    if not policy.is_editable(log):
        raise Http404("This log can no longer be changed")
    params = request.GET if request.method == "GET" else request.POST
    original = params.get("page", "").replace("-", "_")
    try:
        engine(log).page(original)
    except KeyError:
        raise Http404("No such page") from None
    _, outcome = form.outcome_of(log, user)
    wanted = set(params.get("questions", "").split())
    related = [r for r in related_questions(log, outcome, wanted) if r.question.id in wanted]
    if not related:
        raise Http404("No such questions")
    return outcome, original, related


@require_GET
def check_errors(request: HttpRequest, pk: int, kind: str) -> HttpResponse:
    """The answers a check involves, with change links and clear links, and a way back to the original page."""
    user, log = form.log_for_request(request, pk, kind)
    outcome, original, related = _request_state(request, log, user)
    ids = [r.question.id for r in related]
    back_query = {"referrer": "check_errors", "original_page": original, "questions": " ".join(ids)}
    rows = []
    for item in related:
        labels = form.answer_labels(user, item.question, outcome.answers, log.kind)
        shown = form.shown_answer(item.question, outcome.answers, labels)
        clear = None
        if shown and item.clearable:
            clear = _confirm_clear_url(log, original, ids, [item.question.id])
        rows.append(
            {
                "label": item.question.label,
                "value": shown,
                "change": log_url(log, "page", item.page.id.replace("_", "-")) + "?" + urlencode(back_query),
                "clear_url": clear,
            }
        )
    clearable = [r.question.id for r in related if r.clearable and _answered(r.question, outcome.answers)]
    clear_all = None
    if len(clearable) > 1:
        clear_all = _confirm_clear_url(log, original, ids, clearable)
    return render(
        request,
        "journeys/check_errors.html",
        {
            "title": "Make sure these answers are correct",
            "log": log,
            "rows": rows,
            "clear_all": clear_all,
            "continue_url": form.page_url(log, original),
        },
    )


def _confirm_clear_url(log: Log, original: str, question_ids: list[str], to_clear: list[str]) -> str:
    query = urlencode({"page": original, "questions": " ".join(question_ids), "clear": " ".join(to_clear)})
    return log_url(log, "confirm-clear-answer") + "?" + query


def _answered(question: Question, answers: dict[str, Any]) -> bool:
    return any(answers.get(key) is not None for key in question.answer_ids)


@require_http_methods(["GET", "POST"])
def confirm_clear_answer(request: HttpRequest, pk: int, kind: str) -> HttpResponse:
    """Ask before clearing one answer (or all that may be cleared), then clear them and go back to check errors."""
    user, log = form.log_for_request(request, pk, kind)
    _, original, related = _request_state(request, log, user)
    params = request.GET if request.method == "GET" else request.POST
    chosen = set(params.get("clear", "").split())
    to_clear = [r for r in related if r.question.id in chosen and r.clearable]
    if not to_clear:
        raise Http404("Nothing to clear")
    ids = [r.question.id for r in related]
    if request.method == "POST":
        # Clearing a question clears every answer of its page, as the page is answered as a whole.
        changes: dict[str, Any] = {
            key: None for item in to_clear for question in item.page.questions for key in question.answer_ids
        }
        save_answers(log, changes, user)
        labels = [item.question.label for item in to_clear]
        messages.success(request, "You have cleared " + _in_words([in_sentence(label) for label in labels]))
        return redirect(form.check_errors_url(log, original, ids))
    return render(
        request,
        "journeys/confirm_clear.html",
        {
            "title": (
                f"Are you sure you want to clear {in_sentence(to_clear[0].question.label)}?"
                if len(to_clear) == 1
                else "Are you sure you want to clear all these answers?"
            ),
            "log": log,
            "labels": [item.question.label for item in to_clear],
            "hidden": {"page": original, "questions": " ".join(ids), "clear": " ".join(sorted(chosen))},
            "back": form.check_errors_url(log, original, ids),
        },
    )


def _in_words(items: list[str]) -> str:
    """'a', 'a and b', 'a, b and c'."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]
