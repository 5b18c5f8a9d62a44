"""The lettings log web journey: create, task list, one page per URL, check your answers (platform.md §4)."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from collect.accounts.models import User
from collect.accounts.policy import can_create_logs, require, signed_in_user
from collect.addresses import lookup as addresses
from collect.journeys import address_search, check_errors
from collect.journeys import choices as choice_providers
from collect.journeys.deletion import log_page_actions
from collect.journeys.fields import page_fields, read_page
from collect.logs import policy
from collect.logs.context import lettings_context
from collect.logs.models import Log, LogKind
from collect.logs.writing import create_log, engine, evaluate_answers, save_answers, stored_answers
from collect.rulebook import Outcome, Page, Question, QuestionKind, Status
from collect.rulebook.declaration import Subsection
from collect.standards import calendar
from collect.standards.lettings.y2026.common import govuk_date

NAV = "lettings"
STATUS_TAGS = {
    Status.CANNOT_START: ("Cannot start yet", "govuk-tag--grey"),
    Status.NOT_STARTED: ("Not started", "govuk-tag--grey"),
    Status.IN_PROGRESS: ("In progress", "govuk-tag--light-blue"),
    Status.COMPLETED: ("Completed", ""),
}


def _log(request: HttpRequest, pk: int) -> tuple[User, Log]:
    user = signed_in_user(request)
    return user, policy.log_for(user, LogKind.LETTINGS, pk)


def _outcome(log: Log, user: User) -> tuple[dict[str, Any], Outcome]:
    answers = stored_answers(log)
    return answers, evaluate_answers(log, answers, user, previous=answers)


def _subsection_of(log: Log, page_id: str) -> Subsection:
    for subsection in engine(log).collection.subsections:
        if any(page.id == page_id for page in subsection.pages):
            return subsection
    raise Http404("No such page")


def _subsection(log: Log, subsection_id: str) -> Subsection:
    for subsection in engine(log).collection.subsections:
        if subsection.id == subsection_id:
            return subsection
    raise Http404("No such section")


def _choices(user: User, page: Page, answers: dict[str, Any]) -> dict[str, list[tuple[int, str]]]:
    return {
        q.id: choice_providers.PROVIDERS[q.id](user, answers)
        for q in page.questions
        if q.id in choice_providers.PROVIDERS
    }


def _first_page(subsection: Subsection, outcome: Outcome) -> str | None:
    routed = set(outcome.routed_pages)
    return next((p.id for p in subsection.pages if p.id in routed), None)


def _next_page(subsection: Subsection, outcome: Outcome, after: str) -> str | None:
    routed = set(outcome.routed_pages)
    ids = [p.id for p in subsection.pages]
    for page_id in ids[ids.index(after) + 1 :]:
        if page_id in routed:
            return page_id
    return None


def _page_url(log: Log, page_id: str, **query: str) -> str:
    url = reverse("journeys:page", args=(log.pk, page_id.replace("_", "-")))
    return url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def _check_answers_url(log: Log, subsection: Subsection) -> str:
    return reverse("journeys:check-answers", args=(log.pk, subsection.id.replace("_", "-")))


@require_POST
def log_create(request: HttpRequest) -> HttpResponse:
    """Create a lettings log with the defaults of the person's role, then show its task list."""
    user = signed_in_user(request)
    require(can_create_logs(user))
    result = create_log(user, LogKind.LETTINGS)
    return redirect("journeys:log", result.log.pk)


@require_GET
def log_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """The task list of a log: its sections, each subsection's status, and the next one to do."""
    user, log = _log(request, pk)
    if not policy.is_editable(log):
        return _review(request, log, user)
    _, outcome = _outcome(log, user)
    sections = []
    next_incomplete = None
    for section in engine(log).collection.sections:
        items = []
        for subsection in section.subsections:
            status = outcome.subsections.get(subsection.id, Status.CANNOT_START)
            href = None
            if status is Status.COMPLETED:
                href = _check_answers_url(log, subsection)
            elif status is not Status.CANNOT_START:
                first = _first_page(subsection, outcome)
                href = _page_url(log, first) if first else _check_answers_url(log, subsection)
                next_incomplete = next_incomplete or href
            items.append({"label": subsection.label, "href": href, "tag": STATUS_TAGS[status], "id": subsection.id})
        sections.append({"label": section.label, "items": items})
    done = sum(1 for s in outcome.subsections.values() if s is Status.COMPLETED)
    editable = policy.is_editable(log)
    deadline = calendar.dates_for(policy.collection_year(log)).edit_end
    return render(
        request,
        "journeys/log.html",
        {
            "title": f"Log {log.pk}",
            "nav_section": NAV,
            "log": log,
            "sections": sections,
            "completed_count": done,
            "subsection_count": len(outcome.subsections),
            "next_incomplete": next_incomplete if editable else None,
            "editable": editable,
            "deadline": govuk_date(deadline),
            "errors": outcome.errors,
            **log_page_actions(user, log),
        },
    )


def _in_sentence(label: str) -> str:
    """A question's label inside a sentence: its first letter in lower case."""
    return label[:1].lower() + label[1:]


def _page_errors(  # noqa: PLR0917 - the log, the page and what was sent to it
    log: Log, page: Page, subsection: Subsection, answers: dict[str, Any], changes: dict[str, Any], user: User
) -> tuple[dict[str, str], set[str]]:
    """The errors of a page's answers, and every answer the broken checks involve (on this page or others).

    Errors are required answers missing and the rulebook's errors on the page's fields.
    """
    candidate = {k: v for k, v in {**answers, **changes}.items() if v is not None}
    checked = evaluate_answers(log, candidate, user, previous=answers)
    answer_ids = {key for q in page.questions for key in q.answer_ids}
    errors = _required_errors(page, checked, subsection) if not page.confirms else {}
    broken = set()
    for issue in checked.errors:
        if issue.field in answer_ids:
            broken.add(issue.check_id)
            errors.setdefault(issue.field, issue.message)
    if page.confirms and changes.get(page.questions[0].id) is None:
        errors[page.questions[0].id] = "Select yes if this is correct, or no to change your answers"
    involved = {issue.field for issue in checked.errors if issue.check_id in broken}
    return errors, involved


def _not_offered(
    page: Page, changes: dict[str, Any], page_choices: dict[str, list[tuple[int, str]]], answers: Any, context: Any
) -> dict[str, str]:
    """An error for each answer that is not one of the options the page offers this person for this log."""
    errors = {}
    for question in page.questions:
        value = changes.get(question.id)
        if value is None or question.kind not in (QuestionKind.RADIO, QuestionKind.SELECT, QuestionKind.INTERRUPTION):
            continue
        if question.id in page_choices:
            offered = {code for code, _ in page_choices[question.id]}
        elif question.offered_options is not None:
            offered = set(question.offered_options(answers, context))
        else:
            offered = set(question.codes)
        if value not in offered:
            errors[question.id] = f"Choose one of the options shown for {_in_sentence(question.label)}"
    return errors


def _required_errors(page: Page, outcome: Outcome, subsection: Subsection) -> dict[str, str]:
    missing = set(outcome.missing.get(subsection.id, []))
    return {q.id: f"You must answer {_in_sentence(q.label or q.id)}" for q in page.questions if q.id in missing}


@require_http_methods(["GET", "POST"])
def log_page(request: HttpRequest, pk: int, page_id: str) -> HttpResponse:  # noqa: PLR0911 - one redirect per case
    """One page of the log's form: GET shows it, POST checks and saves it, then goes to the next page."""
    user, log = _log(request, pk)
    page_id = page_id.replace("-", "_")
    subsection = _subsection_of(log, page_id)
    page = engine(log).page(page_id)
    if not policy.is_editable(log):
        return redirect("journeys:log", log.pk)
    answers, outcome = _outcome(log, user)
    if page_id not in outcome.routed_pages:
        return redirect("journeys:log", log.pk)
    referrer = request.GET.get("referrer", "")
    errors: dict[str, str] = {}
    related: list[str] = []
    sent = None
    if _asks_address(page):
        return address_search.address_page(request, log, user, page, subsection, answers)
    if request.method == "POST" and request.POST.get("search_address") and _enters_address(page):
        save_answers(log, {"manual_address_entry_selected": False}, user)
        search = next((p.id for p in subsection.pages if _asks_address(p)), page.id)
        return redirect(_page_url(log, search, **({"referrer": referrer} if referrer else {})))
    context = lettings_context(answers, user, is_new_log=False)
    page_choices = _choices(user, page, answers)
    if request.method == "POST":
        changes, sent = read_page(page, request.POST)
        # An option the page did not offer (a changed form, or one out of date) is refused before anything else.
        errors = _not_offered(page, changes, page_choices, answers, context)
        if not errors:
            errors, involved = _page_errors(log, page, subsection, answers, changes, user)
            related = [r.question.id for r in check_errors.related_questions(log, outcome, involved)]
            # Worth a page of its own only when the broken checks name answers asked on other pages.
            if not set(related) - {q.id for q in page.questions}:
                related = []
            if related and request.POST.get("check_errors"):
                return redirect(check_errors.check_errors_url(log, page_id, related))
        if not errors:
            result = save_answers(log, changes, user)
            if referrer == "check_errors":
                return redirect(_back_to_check_errors(log, request))  # a change made from check errors goes back
            return redirect(_after_save(log, page, subsection, result.outcome, referrer, changes))
    fields = page_fields(page, answers, context, errors, page_choices, sent)
    warnings = [w for w in outcome.warnings if page.confirms and w.check_id == page.confirms]
    return render(
        request,
        "journeys/page.html",
        {
            "title": page.questions[0].text if len(page.questions) == 1 else (page.header or page.questions[0].text),
            "log": log,
            "page": page,
            "subsection": subsection,
            "fields": fields,
            "errors": errors,
            "warnings": warnings,
            "search_address": _enters_address(page) and addresses.configured() is not None,
            "related": related,
            "back": _back(log, subsection, referrer, request),
        },
    )


def _back(log: Log, subsection: Subsection, referrer: str, request: HttpRequest) -> str:
    if referrer == "check_errors":
        return _back_to_check_errors(log, request)
    return _check_answers_url(log, subsection) if referrer else reverse("journeys:log", args=(log.pk,))


def _back_to_check_errors(log: Log, request: HttpRequest) -> str:
    original = request.GET.get("original_page", "")
    return check_errors.check_errors_url(log, original, request.GET.get("questions", "").split())


def _asks_address(page: Page) -> bool:
    """Whether the page searches for an address (collect.journeys.address_search draws it)."""
    return any(q.kind is QuestionKind.ADDRESS for q in page.questions)


def _enters_address(page: Page) -> bool:
    """Whether the page is where the address is entered by hand (it offers to search instead)."""
    return any(q.id == "address_line1" for q in page.questions)


def _after_save(  # noqa: PLR0917 - where to go depends on all of these
    log: Log, page: Page, subsection: Subsection, outcome: Outcome, referrer: str, changes: dict[str, Any]
) -> str:
    if page.confirms and changes.get(page.questions[0].id) == 1:
        # "No": back to the page before the interruption, to change the answer.
        shown = [p.id for p in subsection.pages if p.id in set(outcome.routed_pages)]
        earlier = shown[: shown.index(page.id)] if page.id in shown else []
        return _page_url(log, earlier[-1], referrer=referrer) if earlier else _check_answers_url(log, subsection)
    following = _next_page(subsection, outcome, page.id)
    if referrer:
        still_missing = set(outcome.missing.get(subsection.id, []))
        routed = set(outcome.routed_pages)
        for candidate in subsection.pages[[p.id for p in subsection.pages].index(page.id) + 1 :]:
            if candidate.id in routed and (
                candidate.confirms or any(q.id in still_missing for q in candidate.questions)
            ):
                return _page_url(log, candidate.id, referrer=referrer)
        return _check_answers_url(log, subsection)
    return _page_url(log, following) if following else _check_answers_url(log, subsection)


def shown_answer(  # noqa: PLR0911 - one way of showing each kind of answer
    question: Question, answers: dict[str, Any], choice_labels: dict[Any, str] | None = None
) -> str:
    """An answer as people read it on check your answers."""
    if question.kind is QuestionKind.CHECKBOX:
        labels = {str(o.code): o.label for o in question.options}
        return ", ".join(labels[key] for key in question.answer_ids if answers.get(key) == 1)
    value = answers.get(question.id)
    if value is None:
        return ""
    if choice_labels is not None:
        return choice_labels.get(value, str(value))
    for option in question.options:
        if option.code == value:
            return option.label
    if isinstance(value, datetime.date):
        return govuk_date(value)
    if isinstance(value, (int, Decimal)) and question.kind is QuestionKind.NUMERIC:
        in_pence = question.step is not None and Decimal(question.step) < 1
        return (
            f"{question.prefix}{value:,.2f}{question.suffix}"
            if in_pence
            else f"{question.prefix}{value}{question.suffix}"
        )
    return str(value)


def _answer_rows(
    log: Log, user: User, outcome: Outcome, subsection: Subsection, *, editable: bool
) -> list[dict[str, Any]]:
    """The rows of check your answers for one subsection: each question asked, its answer and its change link.

    Answers the person was not asked for (derived from other answers, or the local authority found from the
    postcode) are shown too, marked as filled in for them, with no change link: they change with the answers they
    come from.
    """
    routed = set(outcome.routed_pages)
    missing = set(outcome.missing.get(subsection.id, []))
    asked = {q.id for page in subsection.pages if page.id in routed for q in page.questions}
    rows = []
    seen: set[str] = set()
    for page in subsection.pages:
        if page.confirms:
            continue
        on_route = page.id in routed
        page_choices = _choices(user, page, outcome.answers)
        for question in page.questions:
            if question.id in seen or (not on_route and question.id in asked):
                continue
            value_labels = dict(page_choices[question.id]) if question.id in page_choices else None
            shown = shown_answer(question, outcome.answers, value_labels)
            if not shown and (question.id not in missing or not on_route):
                continue
            seen.add(question.id)
            rows.append(
                {
                    "label": question.label,
                    "value": shown,
                    "href": _page_url(log, page.id, referrer="check_answers") if editable and on_route else None,
                    "missing": not shown,
                    "inferred": not on_route,
                    "id": question.id,
                }
            )
    return rows


@require_GET
def check_answers(request: HttpRequest, pk: int, subsection_id: str) -> HttpResponse:
    """Check your answers for one subsection: every question asked, with change links and answer links."""
    user, log = _log(request, pk)
    subsection = _subsection(log, subsection_id.replace("-", "_"))
    _, outcome = _outcome(log, user)
    editable = policy.is_editable(log)
    rows = _answer_rows(log, user, outcome, subsection, editable=editable)
    answered = sum(1 for row in rows if not row["missing"])
    return render(
        request,
        "journeys/check_answers.html",
        {
            "title": f"{subsection.label}: check your answers",
            "log": log,
            "subsection": subsection,
            "rows": rows,
            "answered": answered,
            "total": len(rows),
            "editable": editable,
        },
    )


@require_GET
def review(request: HttpRequest, pk: int) -> HttpResponse:
    """The whole log read-only, one summary card per subsection: what a closed collection year's log shows."""
    user, log = _log(request, pk)
    return _review(request, log, user)


def _review(request: HttpRequest, log: Log, user: User) -> HttpResponse:
    _, outcome = _outcome(log, user)
    sections = [
        {
            "label": section.label,
            "subsections": [
                {
                    "label": subsection.label,
                    "id": subsection.id.replace("_", "-"),
                    "tag": STATUS_TAGS[outcome.subsections.get(subsection.id, Status.CANNOT_START)],
                    "rows": _answer_rows(log, user, outcome, subsection, editable=False),
                }
                for subsection in section.subsections
            ],
        }
        for section in engine(log).collection.sections
    ]
    editable = policy.is_editable(log)
    return render(
        request,
        "journeys/review.html",
        {
            "title": f"Log {log.pk}",
            "nav_section": NAV,
            "log": log,
            "sections": sections,
            "editable": editable,
            "status": {str(k): v for k, v in STATUS_TAGS.items()}.get(log.status),
        },
    )
