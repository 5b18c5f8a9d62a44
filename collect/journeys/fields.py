"""A page of the declaration as form fields: what the template draws, and reading what the person sent.

Every question kind of the rulebook (collect.rulebook.declaration.QuestionKind) has one way to be drawn and read.
Answers are read as text where the rulebook reads them (numbers, dates), so what was typed is never lost and the
rulebook's own messages say what is wrong with it.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.http import QueryDict

from collect.rulebook import Page, Question, QuestionKind
from collect.rulebook.declaration import OptionKind

ChoiceProvider = Callable[[Any, Mapping[str, Any]], list[tuple[int, str]]]


@dataclass
class Field:
    """One question as the page template draws it."""

    question: Question
    value: Any
    options: list[dict[str, Any]] = field(default_factory=list)
    error: str = ""
    revealed: list[Field] = field(default_factory=list)
    date_parts: dict[str, str] = field(default_factory=dict)

    @property
    def id(self) -> str:
        """The answer id, which is also the input's name and id."""
        return self.question.id

    @property
    def kind(self) -> str:
        """The question's kind."""
        return self.question.kind.value


def _shown(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    return str(value)


def _options(
    question: Question, answers: Mapping[str, Any], context: Any, choices: list[tuple[int, str]] | None
) -> list[dict[str, Any]]:
    if choices is not None:
        return [{"value": str(value), "text": text} for value, text in choices]
    offered = question.offered_options(answers, context) if question.offered_options else None
    found: list[dict[str, Any]] = []
    for option in question.options:
        if offered is not None and option.code not in offered:
            continue
        found.append(
            {
                "value": str(option.code),
                "text": option.label,
                "hint": option.hint,
                "divider": option.divider_before or (option.kind is not OptionKind.ANSWER and not found),
            }
        )
    return found


def page_fields(  # noqa: PLR0917 - the page, its answers and context, and what to show on it
    page: Page,
    answers: Mapping[str, Any],
    context: Any,
    errors: Mapping[str, str],
    choices: Mapping[str, list[tuple[int, str]]],
    sent: Mapping[str, Any] | None = None,
) -> list[Field]:
    """The fields of a page, with current (or just sent) values, options and errors; reveals nested in parents."""
    values = sent if sent is not None else answers
    top: list[Field] = []
    by_id: dict[str, Field] = {}
    for question in page.questions:
        if question.kind is QuestionKind.CHECKBOX:
            value: Any = [key for key in question.answer_ids if _shown(values.get(key)) == "1"]
        else:
            value = _shown(values.get(question.id))
        described = Field(question, value, _options(question, answers, context, choices.get(question.id)))
        described.error = errors.get(question.id, "")
        if question.kind is QuestionKind.DATE:
            described.date_parts = _date_parts(values, question.id)
        by_id[question.id] = described
        parent = question.revealed_by[0] if question.revealed_by else None
        if parent in by_id:
            by_id[parent].revealed.append(described)
        else:
            top.append(described)
    return top


def _date_parts(values: Mapping[str, Any], name: str) -> dict[str, str]:
    if f"{name}-day" in values:
        return {part: str(values.get(f"{name}-{part}", "")) for part in ("day", "month", "year")}
    value = values.get(name)
    if isinstance(value, str):
        try:
            value = datetime.date.fromisoformat(value)
        except ValueError:
            return {"day": "", "month": "", "year": ""}
    if isinstance(value, datetime.date):
        return {"day": str(value.day), "month": str(value.month), "year": str(value.year)}
    return {"day": "", "month": "", "year": ""}


def _code(text: str, question: Question) -> Any:
    for option in question.options:
        if str(option.code) == text:
            return option.code
    return int(text) if text.lstrip("-").isdigit() else text


def read_page(page: Page, data: QueryDict) -> tuple[dict[str, Any], dict[str, Any]]:
    """The answers a page's form sent (None for a blank), and the raw values to show again if it is refused."""
    changes: dict[str, Any] = {}
    sent: dict[str, Any] = {}
    for question in page.questions:
        name = question.id
        if question.kind is QuestionKind.CHECKBOX:
            ticked = set(data.getlist(name))
            for key in question.answer_ids:
                changes[key] = 1 if key in ticked else None
                sent[key] = changes[key]
        elif question.kind is QuestionKind.DATE:
            parts = [data.get(f"{name}-{part}", "").strip() for part in ("day", "month", "year")]
            for part, text in zip(("day", "month", "year"), parts, strict=True):
                sent[f"{name}-{part}"] = text
            changes[name] = "/".join(parts) if any(parts) else None
        else:
            text = data.get(name, "").strip()
            sent[name] = text
            if not text:
                changes[name] = None
            elif question.kind in (QuestionKind.RADIO, QuestionKind.SELECT, QuestionKind.INTERRUPTION):
                changes[name] = _code(text, question)
            else:
                changes[name] = text
    for question in page.questions:  # an answer hidden by its parent's new answer no longer applies
        if question.revealed_by and question.kind is not QuestionKind.CHECKBOX:
            parent, values = question.revealed_by
            if parent in changes and changes[parent] not in values:
                changes[question.id] = None
    return changes, sent
