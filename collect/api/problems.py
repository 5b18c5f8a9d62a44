"""Errors as `application/problem+json` (RFC 9457): a type, a title, the status, a detail, and each error's field.

Every error response of the API is a problem. Errors about answers list each one with its JSON path in the request
(`/answers/beds`), the answer id (`field`), the id of the check that found it (`check`: a rulebook check id, or one
of the API's own: `api.unknown_answer`, `api.type`, `api.code`, `api.not_offered`, `api.request`) and a message.
"""

from __future__ import annotations

import json
from typing import Any

from django.http import HttpResponse

PROBLEM_CONTENT_TYPE = "application/problem+json"
DOCS = "/api/v1/docs"


class ApiProblemError(Exception):
    """An error that ends an API call with a problem response."""

    def __init__(  # noqa: PLR0917 - a problem has these parts
        self,
        status: int,
        title: str,
        detail: str,
        kind: str = "",
        errors: list[dict[str, Any]] | None = None,
        headers: dict[str, str] | None = None,
        extra: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(detail)
        self.status = status
        self.title = title
        self.detail = detail
        self.kind = kind
        self.errors = errors or []
        self.headers = headers or {}
        self.extra = extra or {}

    def body(self) -> dict[str, Any]:
        """The problem document."""
        return {
            "type": f"{DOCS}#problem-{self.kind}" if self.kind else "about:blank",
            "title": self.title,
            "status": self.status,
            "detail": self.detail,
            "errors": self.errors,
            **self.extra,
        }

    def response(self) -> HttpResponse:
        """The HTTP response carrying the problem."""
        response = HttpResponse(
            json.dumps(self.body()), status=self.status, content_type=f"{PROBLEM_CONTENT_TYPE}; charset=utf-8"
        )
        for name, value in self.headers.items():
            response[name] = value
        return response


def answer_error(field: str, check: str, message: str, prefix: str = "/answers") -> dict[str, Any]:
    """One error about an answer of the request."""
    return {"field": field, "path": f"{prefix}/{field}", "check": check, "message": message}


def request_error(path: str, message: str, check: str = "api.request") -> dict[str, Any]:
    """One error about another part of the request (a header, a query parameter, the body's shape)."""
    field = path.rsplit("/", 1)[-1] or None
    return {"field": field, "path": path, "check": check, "message": message}


def unauthorised(
    detail: str = "Send a working API token in the header: Authorization: Bearer <token>.",
) -> ApiProblemError:
    """401: no token, or one that does not work."""
    return ApiProblemError(
        401, "Not signed in", detail, "unauthorised", headers={"WWW-Authenticate": 'Bearer realm="api"'}
    )


def forbidden(detail: str) -> ApiProblemError:
    """403: the token may not do this."""
    return ApiProblemError(403, "Not allowed", detail, "forbidden")


def not_found(detail: str = "There is no such log in your organisation's logs.") -> ApiProblemError:
    """404: nothing here for this token (another organisation's log is not found either)."""
    return ApiProblemError(404, "Not found", detail, "not-found")
