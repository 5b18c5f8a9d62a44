"""The shapes of the API's requests and responses (their OpenAPI schemas come from these)."""

from __future__ import annotations

import datetime
from typing import Any

from ninja import Field, Schema


class AnswersIn(Schema):
    """Answers to save: answer ids as keys, codes as values (dates as YYYY-MM-DD); null clears an answer."""

    answers: dict[str, Any] = Field(
        default_factory=dict,
        description="Answer ids and codes, as the collection year's JSON Schema (/api/v1/schemas/{collection}) says.",
    )


class IssueOut(Schema):
    check: str = Field(description="The id of the check of the collection year that found it")
    field: str = Field(description="The answer id it is about")
    message: str
    confirm_field: str | None = Field(
        None, description="A soft warning's confirmation answer: send 0 to it to confirm the answers are right"
    )


class OutcomeOut(Schema):
    status: str = Field(description="not_started, in_progress or completed")
    subsections: dict[str, str]
    errors: list[IssueOut]
    warnings: list[IssueOut]
    derived: dict[str, Any] = Field(description="Values the rules derived from the answers")
    cleared: dict[str, Any] = Field(description="Answers cleared because they no longer apply")
    missing: dict[str, list[str]] = Field(description="Unanswered questions, by subsection")


class ValidationOut(OutcomeOut):
    collection: str
    valid: bool = Field(description="Whether these answers could be saved (no error on an answer sent)")


class LogOut(Schema):
    id: int
    kind: str
    collection: str
    status: str
    version: int = Field(description="One more at every change; the ETag header carries it")
    created_via: str
    created_at: datetime.datetime
    updated_at: datetime.datetime
    answers: dict[str, Any]
    outcome: OutcomeOut


class LogSummaryOut(Schema):
    id: int
    kind: str
    collection: str
    status: str
    version: int
    error_count: int
    created_at: datetime.datetime
    updated_at: datetime.datetime


class LogPageOut(Schema):
    items: list[LogSummaryOut]
    next_cursor: str | None = Field(description="Send it as cursor for the next page; null on the last page")


class ProblemErrorOut(Schema):
    field: str | None
    path: str = Field(description="Where in the request: /answers/<answer id>, /headers/<name>, /query/<name>...")
    check: str = Field(description="The check that found it: a rulebook check id, or api.* for the API's own")
    message: str


class ProblemOut(Schema):
    """An error (RFC 9457 problem details)."""

    type: str
    title: str
    status: int
    detail: str
    errors: list[ProblemErrorOut]
    outcome: OutcomeOut | None = None


class CollectionOut(Schema):
    id: str
    kind: str
    label: str
    start_year: int
    schema_url: str


class CollectionsOut(Schema):
    collections: list[CollectionOut]
