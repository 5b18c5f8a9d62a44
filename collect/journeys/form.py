"""What the web form's views share: the log and its outcome, page URLs, where a save leads, answers as shown.

`views` (task list, pages, check your answers), `check_errors` and `address_search` all build on these.
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any
from urllib.parse import urlencode

from django.http import Http404, HttpRequest

from collect.accounts.models import User
from collect.accounts.policy import signed_in_user
from collect.journeys import choices as choice_providers
from collect.journeys.kinds import log_url
from collect.logs import policy
from collect.logs.models import Log
from collect.logs.writing import engine, evaluate_answers, stored_answers
from collect.rulebook import Outcome, Page, Question, QuestionKind, Status
from collect.rulebook.declaration import Subsection
from collect.standards.answers import govuk_date, unanswered_message

STATUS_TAGS = {
    Status.CANNOT_START: ("Cannot start yet", "govuk-tag--grey"),
    Status.NOT_STARTED: ("Not started", "govuk-tag--grey"),
    Status.IN_PROGRESS: ("In progress", "govuk-tag--light-blue"),
    Status.COMPLETED: ("Completed", ""),
}
# The same tags by the status as a log stores it.
STATUS_TAG_BY_VALUE = {str(status): tag for status, tag in STATUS_TAGS.items()}


def log_for_request(request: HttpRequest, pk: int, kind: str) -> tuple[User, Log]:
    """The signed-in person and the log of this kind of theirs with this id (404 outside their scope)."""
    user = signed_in_user(request)
    return user, policy.log_for(user, kind, pk)


def outcome_of(log: Log, user: User) -> tuple[dict[str, Any], Outcome]:
    """The log's stored answers and what the rulebook says of them now."""
    answers = stored_answers(log)
    return answers, evaluate_answers(log, answers, user, previous=answers)


def subsection_of(log: Log, page_id: str) -> Subsection:
    """The subsection a page belongs to (404 for no such page)."""
    for subsection in engine(log).collection.subsections:
        if any(page.id == page_id for page in subsection.pages):
            return subsection
    raise Http404("No such page")


def subsection_by_id(log: Log, subsection_id: str) -> Subsection:
    """A subsection of the log's collection year by id (404 for none)."""
    for subsection in engine(log).collection.subsections:
        if subsection.id == subsection_id:
            return subsection
    raise Http404("No such section")


def choices_for(user: User, page: Page, answers: dict[str, Any], kind: str) -> dict[str, list[tuple[int, str]]]:
    """The options the service offers this person for the page's questions (organisations, users, ...)."""
    providers = choice_providers.providers_for(kind)
    return {q.id: providers[q.id](user, answers) for q in page.questions if q.id in providers}


def first_page(subsection: Subsection, outcome: Outcome) -> str | None:
    """The subsection's first page that is shown."""
    routed = set(outcome.routed_pages)
    return next((p.id for p in subsection.pages if p.id in routed), None)


def next_page(subsection: Subsection, outcome: Outcome, after: str) -> str | None:
    """The shown page after this one in the subsection."""
    routed = set(outcome.routed_pages)
    ids = [p.id for p in subsection.pages]
    for page_id in ids[ids.index(after) + 1 :]:
        if page_id in routed:
            return page_id
    return None


def page_url(log: Log, page_id: str, **query: str) -> str:
    """A page's address (ids use hyphens in URLs)."""
    url = log_url(log, "page", page_id.replace("_", "-"))
    return url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def check_answers_url(log: Log, subsection: Subsection) -> str:
    """The subsection's check your answers address."""
    return log_url(log, "check-answers", subsection.id.replace("_", "-"))


def page_errors(  # noqa: PLR0917 - the log, the page and what was sent to it
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


def _required_errors(page: Page, outcome: Outcome, subsection: Subsection) -> dict[str, str]:
    missing = set(outcome.missing.get(subsection.id, []))
    return {q.id: unanswered_message(q.label or q.id) for q in page.questions if q.id in missing}


def back_link(log: Log, subsection: Subsection, referrer: str, request: HttpRequest) -> str:
    """Where a page's back link goes: check errors, check your answers, or the task list."""
    if referrer == "check_errors":
        return back_to_check_errors(log, request)
    return check_answers_url(log, subsection) if referrer else log_url(log, "log")


def back_to_check_errors(log: Log, request: HttpRequest) -> str:
    """The check errors page the person came from."""
    original = request.GET.get("original_page", "")
    return check_errors_url(log, original, request.GET.get("questions", "").split())


def asks_address(page: Page) -> bool:
    """Whether the page searches for an address (collect.journeys.address_search draws it)."""
    return any(q.kind is QuestionKind.ADDRESS for q in page.questions)


def enters_address(page: Page) -> bool:
    """Whether the page is where the address is entered by hand (it offers to search instead)."""
    return any(q.id == "address_line1" for q in page.questions)


def after_save(  # noqa: PLR0917 - where to go depends on all of these
    log: Log, page: Page, subsection: Subsection, outcome: Outcome, referrer: str, changes: dict[str, Any]
) -> str:
    """Where a saved page leads.

    An interruption answered "no" goes back to the page before it; a change made from check your answers goes to
    the next page still needing an answer, else back there; otherwise the next shown page, or check your answers.
    """
    if page.confirms and changes.get(page.questions[0].id) == 1:
        # "No": back to the page before the interruption, to change the answer.
        shown = [p.id for p in subsection.pages if p.id in set(outcome.routed_pages)]
        earlier = shown[: shown.index(page.id)] if page.id in shown else []
        return page_url(log, earlier[-1], referrer=referrer) if earlier else check_answers_url(log, subsection)
    following = next_page(subsection, outcome, page.id)
    if referrer:
        still_missing = set(outcome.missing.get(subsection.id, []))
        routed = set(outcome.routed_pages)
        for candidate in subsection.pages[[p.id for p in subsection.pages].index(page.id) + 1 :]:
            if candidate.id in routed and (
                candidate.confirms or any(q.id in still_missing for q in candidate.questions)
            ):
                return page_url(log, candidate.id, referrer=referrer)
        return check_answers_url(log, subsection)
    return page_url(log, following) if following else check_answers_url(log, subsection)


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


def check_errors_url(log: Log, original_page: str, question_ids: list[str]) -> str:
    """The check errors page for these questions, coming from (and returning to) the original page."""
    query = urlencode({"page": original_page, "questions": " ".join(question_ids)})
    return log_url(log, "check-errors") + "?" + query


def answer_labels(user: User, question: Question, answers: dict[str, Any], kind: str) -> dict[Any, str] | None:
    """The labels of an answered question whose options the service offers (None for the declaration's own)."""
    providers = choice_providers.providers_for(kind)
    if question.id not in providers or answers.get(question.id) is None:
        return None
    return dict(providers[question.id](user, answers))
