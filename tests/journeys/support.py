"""Filling in a log's pages through the web form, as a person would, from a complete example's answers."""

from __future__ import annotations

import datetime
import re
from typing import Any

from collect.rulebook import Page, QuestionKind
from collect.standards.registry import evaluator

ERROR_ITEM = re.compile(r'<a href="#[^"]*">([^<]*)</a>')


def form_data(page: Page, answers: dict[str, Any]) -> dict[str, Any]:
    """The form a person sends for a page to give these answers (interruptions confirmed)."""
    data: dict[str, Any] = {}
    for question in page.questions:
        if question.kind is QuestionKind.ADDRESS and answers.get("manual_address_entry_selected"):
            data["manual_address"] = "1"
        elif question.kind is QuestionKind.INTERRUPTION:
            data[question.id] = "0"
        elif question.kind is QuestionKind.CHECKBOX:
            data[question.id] = [key for key in question.answer_ids if answers.get(key) == 1]
        elif question.kind is QuestionKind.DATE:
            value = answers.get(question.id)
            if isinstance(value, datetime.date):
                data.update({f"{question.id}-day": value.day, f"{question.id}-month": value.month})
                data[f"{question.id}-year"] = value.year
        elif answers.get(question.id) is not None:
            value = answers[question.id]
            data[question.id] = "1" if value is True else str(value)
    return data


def fill_in(client: Any, log_id: int, answers: dict[str, Any], collection: str = "lettings-2026") -> list[str]:
    """Follow "next incomplete section" and each page's next page, sending the answers; return the pages seen."""
    engine = evaluator(collection)
    seen: list[str] = []
    url = f"/lettings-logs/{log_id}"
    for _ in range(400):
        response = client.get(url)
        assert response.status_code == 200, url
        if url == f"/lettings-logs/{log_id}":
            body = response.content.decode()
            if "Skip to next incomplete section" not in body:
                return seen
            url = re.search(r'href="([^"]+)">Skip to next incomplete section', body).group(1)  # type: ignore[union-attr]
            continue
        if url.endswith("/check-answers"):
            url = f"/lettings-logs/{log_id}"
            continue
        page_id = url.rsplit("/", 1)[1].split("?")[0].replace("-", "_")
        seen.append(page_id)
        response = client.post(url, form_data(engine.page(page_id), answers))
        assert response.status_code == 302, (page_id, ERROR_ITEM.findall(response.content.decode()))
        url = response["Location"]
    raise AssertionError("the form did not finish")
