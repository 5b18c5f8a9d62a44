"""The lettings log web journey: create, task list, one page per URL, check your answers (platform.md §4)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from collect.accounts.models import User
from collect.accounts.policy import can_create_logs, require, signed_in_user
from collect.addresses import lookup as addresses
from collect.journeys import address_search, check_errors
from collect.journeys.deletion import log_page_actions
from collect.journeys.fields import page_fields, read_page
from collect.journeys.form import (
    STATUS_TAG_BY_VALUE,
    STATUS_TAGS,
    after_save,
    answer_labels,
    asks_address,
    back_link,
    back_to_check_errors,
    check_answers_url,
    check_errors_url,
    choices_for,
    enters_address,
    first_page,
    log_for_request,
    outcome_of,
    page_errors,
    page_url,
    shown_answer,
    subsection_by_id,
    subsection_of,
)
from collect.journeys.kinds import log_url
from collect.logs import policy
from collect.logs.context import log_context
from collect.logs.models import Log, LogKind
from collect.logs.writing import StaleLogError, create_log, engine, save_answers
from collect.rulebook import Outcome, Page, QuestionKind, Status
from collect.rulebook.declaration import Subsection
from collect.standards import calendar
from collect.standards.answers import govuk_date, in_sentence


@require_POST
def log_create(request: HttpRequest, kind: str) -> HttpResponse:
    """Create a log of this kind with the defaults of the person's role, then show its task list."""
    user = signed_in_user(request)
    require(can_create_logs(user))
    result = create_log(user, LogKind(kind))
    return redirect(log_url(result.log, "log"))


@require_GET
def log_detail(request: HttpRequest, pk: int, kind: str) -> HttpResponse:
    """The task list of a log: its sections, each subsection's status, and the next one to do."""
    user, log = log_for_request(request, pk, kind)
    if not policy.is_editable(log):
        return _review(request, log, user)
    _, outcome = outcome_of(log, user)
    sections = []
    next_incomplete = None
    for section in engine(log).collection.sections:
        items = []
        for subsection in section.subsections:
            if subsection.id not in outcome.subsections:  # not listed for this log (sales-2026.md §1)
                continue
            status = outcome.subsections[subsection.id]
            href = None
            if status is Status.COMPLETED:
                href = check_answers_url(log, subsection)
            elif status is not Status.CANNOT_START:
                first = first_page(subsection, outcome)
                href = page_url(log, first) if first else check_answers_url(log, subsection)
                next_incomplete = next_incomplete or href
            items.append({"label": subsection.label, "href": href, "tag": STATUS_TAGS[status], "id": subsection.id})
        sections.append({"label": section.label, "items": items})
    done = sum(1 for s in outcome.subsections.values() if s is Status.COMPLETED)
    deadline = calendar.dates_for(policy.collection_year(log)).edit_end
    return render(
        request,
        "journeys/log.html",
        {
            "title": f"Log {log.pk}",
            "nav_section": log.kind,
            "log": log,
            "sections": sections,
            "completed_count": done,
            "subsection_count": len(outcome.subsections),
            "next_incomplete": next_incomplete,
            "deadline": govuk_date(deadline),
            "errors": outcome.errors,
            **log_page_actions(user, log),
        },
    )


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
            errors[question.id] = f"Choose one of the options shown for {in_sentence(question.label)}"
    return errors


@require_http_methods(["GET", "POST"])
def log_page(request: HttpRequest, pk: int, page_id: str, kind: str) -> HttpResponse:  # noqa: PLR0911 - one redirect per case
    """One page of the log's form: GET shows it, POST checks and saves it, then goes to the next page."""
    user, log = log_for_request(request, pk, kind)
    page_id = page_id.replace("-", "_")
    subsection = subsection_of(log, page_id)
    page = engine(log).page(page_id)
    if not policy.is_editable(log):
        return redirect(log_url(log, "log"))
    answers, outcome = outcome_of(log, user)
    if page_id not in outcome.routed_pages:
        return redirect(log_url(log, "log"))
    referrer = request.GET.get("referrer", "")
    errors: dict[str, str] = {}
    related: list[str] = []
    sent = None
    if asks_address(page):
        return address_search.address_page(request, log, user, page, subsection, answers)
    if request.method == "POST" and request.POST.get("search_address") and enters_address(page):
        save_answers(log, {"manual_address_entry_selected": False}, user)
        search = next((p.id for p in subsection.pages if asks_address(p)), page.id)
        return redirect(page_url(log, search, **({"referrer": referrer} if referrer else {})))
    context = log_context(log.kind, answers, user, is_new_log=False)
    page_choices = choices_for(user, page, answers, log.kind)
    stale = False
    if request.method == "POST":
        changes, sent = read_page(page, request.POST)
        # A save based on an older version of the log would overwrite a change the person has not seen.
        seen_version = _posted_version(request)
        stale = seen_version is not None and seen_version != log.version
        # An option the page did not offer (a changed form, or one out of date) is refused before anything else.
        errors = {} if stale else _not_offered(page, changes, page_choices, answers, context)
        if not errors and not stale:
            errors, involved = page_errors(log, page, subsection, answers, changes, user)
            related = [r.question.id for r in check_errors.related_questions(log, outcome, involved)]
            # Worth a page of its own only when the broken checks name answers asked on other pages.
            if not set(related) - {q.id for q in page.questions}:
                related = []
            if related and request.POST.get("check_errors"):
                return redirect(check_errors_url(log, page_id, related))
        if not errors and not stale:
            try:
                result = save_answers(log, changes, user, expected_version=seen_version)
            except StaleLogError:
                stale = True
                log.refresh_from_db()
        if not errors and not stale:
            if referrer == "check_errors":
                return redirect(back_to_check_errors(log, request))  # a change made from check errors goes back
            return redirect(after_save(log, page, subsection, result.outcome, referrer, changes))
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
            "stale": stale,
            "warnings": warnings,
            "search_address": enters_address(page) and addresses.configured() is not None,
            "related": related,
            "back": back_link(log, subsection, referrer, request),
        },
    )


def _posted_version(request: HttpRequest) -> int | None:
    """The version of the log the page was shown with (None when the form did not say)."""
    found = request.POST.get("log_version", "")
    return int(found) if found.isdecimal() else None


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
        for question in page.questions:
            if question.id in seen or (not on_route and question.id in asked):
                continue
            shown = shown_answer(question, outcome.answers, answer_labels(user, question, outcome.answers, log.kind))
            if not shown and (question.id not in missing or not on_route):
                continue
            seen.add(question.id)
            rows.append(
                {
                    "label": question.label,
                    "value": shown,
                    "href": page_url(log, page.id, referrer="check_answers") if editable and on_route else None,
                    "missing": not shown,
                    "inferred": not on_route,
                    "id": question.id,
                }
            )
    return rows


@require_GET
def check_answers(request: HttpRequest, pk: int, subsection_id: str, kind: str) -> HttpResponse:
    """Check your answers for one subsection: every question asked, with change links and answer links."""
    user, log = log_for_request(request, pk, kind)
    subsection = subsection_by_id(log, subsection_id.replace("-", "_"))
    _, outcome = outcome_of(log, user)
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
def review(request: HttpRequest, pk: int, kind: str) -> HttpResponse:
    """The whole log read-only, one summary card per subsection: what a closed collection year's log shows."""
    user, log = log_for_request(request, pk, kind)
    return _review(request, log, user)


def _review(request: HttpRequest, log: Log, user: User) -> HttpResponse:
    _, outcome = outcome_of(log, user)
    sections = [
        {
            "label": section.label,
            "subsections": [
                {
                    "label": subsection.label,
                    "id": subsection.id.replace("_", "-"),
                    "tag": STATUS_TAGS[outcome.subsections[subsection.id]],
                    "rows": _answer_rows(log, user, outcome, subsection, editable=False),
                }
                for subsection in section.subsections
                if subsection.id in outcome.subsections  # listed for this log (sales-2026.md §1)
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
            "nav_section": log.kind,
            "log": log,
            "sections": sections,
            "editable": editable,
            "status": STATUS_TAG_BY_VALUE.get(log.status),
        },
    )
