"""Filling in a log's pages in the browser with the keyboard alone: focus a control, then type, Space or Enter."""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from typing import Any

from playwright.sync_api import Page

from collect.rulebook import Question, QuestionKind
from collect.standards.registry import evaluator
from tests.browser.conftest import check_page

Detour = Callable[[Page, str], None]


def press(page: Page, selector: str, key: str = "Enter") -> None:
    """Give a control the focus and press a key on it."""
    page.locator(selector).first.focus()
    page.keyboard.press(key)


def follow(page: Page, selector: str) -> None:
    """Give a link or button the focus, press Enter, and wait for the page it leads to."""
    page.locator(selector).first.focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")


def type_into(page: Page, selector: str, text: str) -> None:
    """Replace what a text box holds by typing."""
    page.locator(selector).focus()
    page.keyboard.press("Control+A")
    page.keyboard.press("Delete")
    if text:
        page.keyboard.type(text)


def choose_in_select(page: Page, name: str, value: str) -> None:
    """Move a select's choice with the arrow keys until it holds the value."""
    select = page.locator(f'select[name="{name}"]')
    values = select.locator("option").evaluate_all("options => options.map(o => o.value)")
    select.focus()
    for _ in range(len(values)):
        current = select.input_value()
        if current == value:
            return
        page.keyboard.press("ArrowDown" if values.index(value) > values.index(current) else "ArrowUp")
    assert select.input_value() == value, f"{name} could not be set to {value}"


def answer(page: Page, question: Question, answers: dict[str, Any]) -> None:
    """Give one question its answer by keyboard (questions not on the page, such as hidden reveals, are skipped)."""
    name = question.id
    if question.kind is QuestionKind.CHECKBOX:
        for key in question.answer_ids:
            box = page.locator(f'input[name="{name}"][value="{key}"]')
            if box.count() and box.is_checked() != (answers.get(key) == 1):
                press(page, f'input[name="{name}"][value="{key}"]', "Space")
        return
    value = answers.get(name)
    if question.revealed_by and answers.get(question.revealed_by[0]) not in question.revealed_by[1]:
        return  # not revealed: its answer (if any) is derived, not typed
    if question.kind is QuestionKind.INTERRUPTION:
        value = 0 if value is None else value
    if value is None:
        return
    if question.kind in (QuestionKind.RADIO, QuestionKind.INTERRUPTION):
        radio = f'input[name="{name}"][value="{value}"]'
        if page.locator(radio).count() and not page.locator(radio).is_checked():
            press(page, radio, "Space")
    elif question.kind is QuestionKind.SELECT:
        choose_in_select(page, name, str(value))
    elif question.kind is QuestionKind.DATE:
        assert isinstance(value, datetime.date)
        for part, number in (("day", value.day), ("month", value.month), ("year", value.year)):
            type_into(page, f"#{name}-{part}", str(number))
    elif page.locator(f"#{name}").count():
        type_into(page, f"#{name}", "1" if value is True else str(value))


def save_and_continue(page: Page) -> None:
    """Press "Save and continue" and wait for the next page."""
    before = page.url
    follow(page, 'button:has-text("Save and continue")')
    problem = page.locator(".govuk-error-summary")
    if problem.count():
        raise AssertionError(f"{before}: {problem.inner_text()}")


def answer_page(page: Page, page_id: str, answers: dict[str, Any], collection: str = "lettings-2026") -> None:
    """Answer every question of the page in the browser and save it."""
    declared = evaluator(collection).page(page_id)
    if any(q.kind is QuestionKind.ADDRESS for q in declared.questions):
        follow(page, 'button:has-text("Enter the address manually")')
        return
    for question in declared.questions:
        answer(page, question, answers)
    save_and_continue(page)


def complete(
    page: Page,
    log_id: int,
    answers: dict[str, Any],
    detour: Detour | None = None,
    collection: str = "lettings-2026",
) -> list[str]:
    """From the log's task list, follow "Skip to next incomplete section" and each page's next page to the end.

    `detour(page, page_id)` runs on each page before it is answered: to meet an error or an interruption and fix it.
    Returns the pages answered; checks each kind of page (form, interruption, check answers) with axe once.
    """
    kind = collection.split("-", maxsplit=1)[0]
    seen: list[str] = []
    checked: set[str] = set()
    for _ in range(300):
        path = re.sub(r"^https?://[^/]+", "", page.url)
        where = "log" if path == f"/{kind}-logs/{log_id}" else "check" if "check-answers" in path else "form"
        if where == "log":
            if not page.get_by_role("link", name="Skip to next incomplete section").count():
                return seen
            follow(page, 'a:has-text("Skip to next incomplete section")')
            continue
        if where == "check":
            if "check" not in checked:
                checked.add("check")
                check_page(page)
            follow(page, 'a:has-text("Save and return to log")')
            continue
        page_id = path.rsplit("/", 1)[1].split("?")[0].replace("-", "_")
        declared = evaluator(collection).page(page_id)
        page_kind = "interruption" if declared.confirms else declared.questions[0].kind.value
        if page_kind not in checked:
            checked.add(page_kind)
            check_page(page)
        if detour:
            detour(page, page_id)
            path_now = re.sub(r"^https?://[^/]+", "", page.url)
            if path_now != path:
                continue
        seen.append(page_id)
        answer_page(page, page_id, answers, collection)
    raise AssertionError("the log was not finished")
