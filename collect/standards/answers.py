"""Reading answers defensively, writing them in messages, and question shapes every kind of log uses.

Rules built on these never raise on odd answers: a value of the wrong type reads as missing.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping, MutableMapping
from dataclasses import replace
from decimal import Decimal
from typing import Any

from collect.rulebook import Derivation, Option, Question, QuestionKind

CONFIRM = (Option(0, "Yes"), Option(1, "No"))


def in_sentence(label: str) -> str:
    """A question's label inside a sentence: its first letter in lower case."""
    return label[:1].lower() + label[1:]


def unanswered_message(label: str) -> str:
    """The message for a required answer that is missing (web form and bulk upload alike)."""
    return f"You must answer {in_sentence(label)}"


def money(value: Any) -> Decimal | None:
    """A money answer as a Decimal, or None."""
    if type(value) is Decimal:  # the common cases, without going through text (same value, same exponent)
        return value
    if type(value) is int:
        return Decimal(value)
    if value is None or isinstance(value, bool):
        return None
    try:
        return Decimal(str(value))
    except ArithmeticError:
        return None


def answer_number(value: Any) -> Decimal | None:
    """A numeric answer (int, Decimal or float; never text or a boolean) as a finite Decimal, or None."""
    if type(value) is int:  # the common case: always finite
        return Decimal(value)
    if isinstance(value, bool) or not isinstance(value, (int, Decimal, float)):
        return None
    number = Decimal(str(value)) if isinstance(value, float) else Decimal(value)
    return number if number.is_finite() else None


def as_code(value: Any) -> int | None:
    """An answer as an integer code (booleans and other types are not codes), or None."""
    if type(value) is int:  # the common case
        return value
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def as_date(value: Any) -> datetime.date | None:
    """A date answer as a `datetime.date` (a datetime gives its date), or None."""
    if type(value) is datetime.date:  # the common case
        return value
    if isinstance(value, datetime.datetime):
        return value.date()
    return value if isinstance(value, datetime.date) else None


def as_text(value: Any) -> str | None:
    """A text answer with something in it, or None."""
    return value if isinstance(value, str) and value.strip() else None


def changed_since(name: str, answers: Mapping[str, Any], previous: Mapping[str, Any] | None) -> bool:
    """Whether an answer differs from the log's previous version; never for a new log (`previous` None).

    Rules of the standard that clear answers left stale by a change ("X changed") use this: a new log's answers
    arrive together, so nothing in them is stale.
    """
    return previous is not None and previous.get(name) != answers.get(name)


def govuk_date(day: datetime.date) -> str:
    """A date as GOV.UK writes it: 1 April 2026."""
    return f"{day.day} {day:%B %Y}"


def ordinal_date(day: datetime.date) -> str:
    """A date with an ordinal day, as the start date messages write it: 1st April 2026."""
    suffix = "th" if 11 <= day.day % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(day.day % 10, "th")
    return f"{day.day}{suffix} {day:%B %Y}"


def pounds(value: Any) -> str:
    """Money as the national service shows it in messages: £1,234.50."""
    amount = money(value)
    return f"£{amount:,.2f}" if amount is not None and amount.is_finite() else f"£{value}"


def format_pounds(value: Any) -> str:
    """An amount as the national service shows money: £1,234.50 (two decimal places, comma thousands)."""
    amount = answer_number(value)
    if amount is None:
        return f"£{value}"
    shown = f"£{abs(amount):,.2f}"
    return f"-{shown}" if amount < 0 else shown


def interruption(question_id: str, text: str = "Are you sure this is correct?", hint: str = "") -> Question:
    """The confirmation question of a soft check's interruption screen: 0 yes (confirmed), 1 no (go back)."""
    return Question(question_id, QuestionKind.INTERRUPTION, text, hint=hint, options=CONFIRM)


def confirmation(question_id: str, text: str, label: str) -> Question:
    """A soft check's confirmation question with its check-answers label."""
    return replace(interruption(question_id, text), check_answers_label=label)


def checkbox_zeros(question: Question) -> Derivation:
    """§4.2 "for each checkbox question: if any option == 1, set every nil option to 0", for one question."""
    keys = question.answer_ids

    def apply(answers: MutableMapping[str, Any], context: Any, previous: Mapping[str, Any] | None) -> None:
        if 1 in map(answers.get, keys):
            for key in keys:
                if answers.get(key) is None:
                    answers[key] = 0

    return Derivation(
        f"{question.id}_zeros",
        f"When any option of {question.id} is ticked, its options left blank are recorded as 0 (not ticked)",
        keys,
        keys,
        apply,
    )
