"""The supplier API, version 1 (django-ninja): logs of both kinds, validation, JSON Schemas, the OpenAPI document.

Every call but the documents' needs `Authorization: Bearer <token>` (collect.api.tokens); each error is a problem
(collect.api.problems). The docs page (collect.api.views.docs) renders the OpenAPI document this module serves.
"""

# No `from __future__ import annotations`: django-ninja reads the endpoints' annotations, some of them local types.
import datetime
import enum
from typing import Annotated, Any

from django.http import Http404, HttpRequest, HttpResponse
from ninja import Header, NinjaAPI, Path, Query, Router, Status
from ninja.errors import AuthenticationError, HttpError, ValidationError
from ninja.security import HttpBearer

from collect.api import service
from collect.api.json_schema import answers_schema, collections_of
from collect.api.models import ApiToken
from collect.api.payloads import (
    AnswersIn,
    CollectionsOut,
    LogOut,
    LogPageOut,
    ProblemOut,
    ValidationOut,
)
from collect.api.problems import PROBLEM_CONTENT_TYPE, ApiProblemError, request_error, unauthorised
from collect.api.ratelimit import retry_after
from collect.api.tokens import actor_for, find_token
from collect.logs.models import VISIBLE_STATUSES
from collect.standards.registry import COLLECTIONS, collection

KINDS = ("lettings", "sales")


class TokenAuth(HttpBearer):
    """A bearer token of an organisation, counted against its rate limit."""

    def authenticate(self, request: HttpRequest, token: str) -> ApiToken | None:
        found = find_token(token.strip())
        if found is None:
            return None
        wait = retry_after(found.pk)
        if wait is not None:
            raise ApiProblemError(
                429,
                "Too many requests",
                f"This token has made too many calls. Wait {wait} seconds before the next.",
                "rate-limited",
                headers={"Retry-After": str(wait)},
            )
        return found


class SupplierApi(NinjaAPI):
    """NinjaAPI whose OpenAPI document gives error responses as application/problem+json."""

    def get_openapi_schema(self, *args: Any, **kwargs: Any) -> Any:
        schema = super().get_openapi_schema(*args, **kwargs)
        for operations in schema.get("paths", {}).values():
            for operation in operations.values():
                for status, response in operation.get("responses", {}).items():
                    content = response.get("content", {})
                    if int(status) >= 400 and "application/json" in content:
                        response["content"] = {PROBLEM_CONTENT_TYPE: content["application/json"]}
        return schema


api = SupplierApi(
    title="CORE data collection API",
    version="1",
    description=(
        "Submit social housing lettings and sales logs from your own systems, with the same rules as the web "
        "form. See the documentation page at /api/v1/docs."
    ),
    urls_namespace="api-v1",
    auth=TokenAuth(),
    docs_url=None,
    openapi_url="/openapi.json",
)


@api.exception_handler(ApiProblemError)
def _problem(request: HttpRequest, exc: ApiProblemError) -> HttpResponse:
    return exc.response()


@api.exception_handler(AuthenticationError)
def _unauthorised(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
    return unauthorised().response()


@api.exception_handler(ValidationError)
def _invalid_request(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    errors = []
    for error in exc.errors:
        where = [str(part) for part in error.get("loc", ())]
        if where and where[0] == "body" and len(where) > 1:
            where = ["body", *where[2:]]  # the body's parameter name is not part of the request
        errors.append(request_error("/" + "/".join(where), str(error.get("msg", "Not valid"))))
    detail = "The request is not as the OpenAPI document describes: see errors."
    return ApiProblemError(422, "The request cannot be read", detail, "invalid-request", errors).response()


@api.exception_handler(Http404)
def _not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
    return ApiProblemError(404, "Not found", "There is nothing at this address.", "not-found").response()


@api.exception_handler(HttpError)
def _http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    if exc.status_code == 400:
        detail = f'{exc}: send a JSON object, such as {{"answers": {{}}}}.'
        return ApiProblemError(400, "The request cannot be read", detail, "invalid-request").response()
    return ApiProblemError(exc.status_code, "Request refused", str(exc)).response()


ERRORS: dict[int, Any] = {401: ProblemOut, 422: ProblemOut, 429: ProblemOut}
READ_ERRORS: dict[int, Any] = {**ERRORS, 404: ProblemOut}
WRITE_ERRORS: dict[int, Any] = {**READ_ERRORS, 403: ProblemOut, 409: ProblemOut}
BODY_ERRORS: dict[int, Any] = {**WRITE_ERRORS, 400: ProblemOut}  # 400: a body that is not JSON


# A log id: a positive number that fits the database's ids (anything else is a 422 problem, not a 404 page).
LogId = Annotated[int, Path(ge=1, le=2**63 - 1, description="The log's id")]


def _status_enum() -> type[enum.StrEnum]:
    return enum.StrEnum("LogStatusFilter", {str(s): str(s) for s in VISIBLE_STATUSES})  # type: ignore[return-value]


def log_router(kind: str) -> Router:
    """The endpoints of one kind of log (lettings or sales): the same for both."""
    router = Router(tags=[f"{kind.capitalize()} logs"])
    collections = enum.StrEnum(  # type: ignore[misc]
        f"{kind.capitalize()}Collection", {c: c for c in collections_of(kind)}
    )
    statuses = _status_enum()

    @router.get(
        "",
        response={200: LogPageOut, **ERRORS},
        url_name=f"{kind}-list",
        operation_id=f"list_{kind}_logs",
        summary=f"List {kind} logs",
    )
    def list_logs(  # noqa: PLR0917 - the list's filters
        request: HttpRequest,
        collection: collections | None = None,
        status: statuses | None = None,  # type: ignore[valid-type]
        updated_since: datetime.datetime | None = None,
        cursor: str | None = None,
        limit: int = Query(service.PAGE_SIZE, ge=1, le=service.PAGE_SIZE),
    ) -> Any:
        """Your organisation's logs, oldest first, filtered by collection year, status and time of the last change.

        Each page has up to `limit` logs and `next_cursor`, sent as `cursor` for the next page.
        """
        actor = actor_for(request.auth)  # type: ignore[attr-defined]
        found = service.list_logs(
            actor,
            kind,
            str(collection) if collection else None,
            str(status) if status else None,
            updated_since,
            cursor,
            limit,
        )
        return Status(200, found)

    @router.post(
        "",
        response={201: LogOut, **BODY_ERRORS},
        url_name=f"{kind}-create",
        operation_id=f"create_{kind}_log",
        summary=f"Create a {kind} log",
    )
    def create_log(
        request: HttpRequest,
        response: HttpResponse,
        payload: AnswersIn,
        idempotency_key: str | None = Header(None, alias="Idempotency-Key"),
    ) -> Any:
        """Create a log with some or all of its answers, in the collection year open today.

        Nothing is saved when an answer sent breaks a rule (422, each error with its check id). Send an
        `Idempotency-Key` (such as a UUID) to create the log once however often the request is repeated.
        """
        token: ApiToken = request.auth  # type: ignore[attr-defined]
        actor = actor_for(token)
        if idempotency_key is not None:
            record = service.create_once(kind, token, actor, payload.answers, idempotency_key)
            response["ETag"], response["Location"] = record.etag, record.location
            return Status(record.status, record.body)
        saved = service.create(kind, token, actor, payload.answers)
        response["ETag"], response["Location"] = service.etag(saved.log), f"/api/v1/{kind}-logs/{saved.log.pk}"
        return Status(201, saved.body)

    @router.post(
        "/validate",
        response={200: ValidationOut, **BODY_ERRORS},
        url_name=f"{kind}-validate",
        operation_id=f"validate_new_{kind}_log",
        summary=f"Check the answers of a new {kind} log without saving",
    )
    def validate_new(request: HttpRequest, payload: AnswersIn) -> Any:
        """The rulebook's outcome for a new log with these answers: errors, warnings, status, derived values."""
        actor = actor_for(request.auth)  # type: ignore[attr-defined]
        return Status(200, service.validate_new(kind, actor, payload.answers))

    @router.get(
        "/{log_id}",
        response={200: LogOut, **READ_ERRORS},
        url_name=f"{kind}-detail",
        operation_id=f"get_{kind}_log",
        summary=f"Read a {kind} log",
    )
    def read_log(request: HttpRequest, response: HttpResponse, log_id: LogId) -> Any:
        """A log with its answers and the rulebook's outcome; the ETag header holds its version."""
        actor = actor_for(request.auth)  # type: ignore[attr-defined]
        log = service.find_log(actor, kind, log_id)
        response["ETag"] = service.etag(log)
        return Status(200, service.log_json(log, service.log_outcome(log, actor)))

    @router.patch(
        "/{log_id}",
        response={200: LogOut, **BODY_ERRORS, 412: ProblemOut, 428: ProblemOut},
        url_name=f"{kind}-update",
        operation_id=f"update_{kind}_log",
        summary=f"Change a {kind} log's answers",
    )
    def update_log(
        request: HttpRequest,
        response: HttpResponse,
        log_id: LogId,
        payload: AnswersIn,
        if_match: str | None = Header(None, alias="If-Match"),
    ) -> Any:
        """Change some answers (null clears one). Send the ETag you read in If-Match: a stale one gets 412.

        Confirm a soft warning by sending 0 to its `confirm_field`.
        """
        token: ApiToken = request.auth  # type: ignore[attr-defined]
        actor = actor_for(token)
        log = service.find_log(actor, kind, log_id)
        saved = service.update(log, actor, token, payload.answers, if_match)
        response["ETag"] = service.etag(saved.log)
        return Status(200, saved.body)

    @router.delete(
        "/{log_id}",
        response={204: None, **WRITE_ERRORS, 412: ProblemOut},
        url_name=f"{kind}-delete",
        operation_id=f"delete_{kind}_log",
        summary=f"Delete a {kind} log",
    )
    def delete_log(
        request: HttpRequest,
        log_id: LogId,
        if_match: str | None = Header(None, alias="If-Match"),
    ) -> Any:
        """Delete a log (it leaves every list); with If-Match, only if it has not changed since."""
        token: ApiToken = request.auth  # type: ignore[attr-defined]
        actor = actor_for(token)
        service.delete(service.find_log(actor, kind, log_id), actor, token, if_match)
        return Status(204, None)

    @router.post(
        "/{log_id}/validate",
        response={200: ValidationOut, **BODY_ERRORS},
        url_name=f"{kind}-validate-change",
        operation_id=f"validate_{kind}_log_change",
        summary=f"Check changes to a {kind} log without saving",
    )
    def validate_change(request: HttpRequest, log_id: LogId, payload: AnswersIn) -> Any:
        """The rulebook's outcome for a log with these changes, saving nothing."""
        actor = actor_for(request.auth)  # type: ignore[attr-defined]
        return Status(200, service.validate_change(service.find_log(actor, kind, log_id), actor, payload.answers))

    return router


schemas = Router(tags=["Schemas"], auth=None)


@schemas.get(
    "", response={200: CollectionsOut}, url_name="schemas", operation_id="list_schemas", summary="List schemas"
)
def list_schemas(request: HttpRequest) -> Any:
    """The collection years the API knows, each with the address of its answers' JSON Schema."""
    found = [collection(c) for c in sorted(COLLECTIONS)]
    listed = [
        {
            "id": c.id,
            "kind": c.kind,
            "label": c.label,
            "start_year": c.start_year,
            "schema_url": f"/api/v1/schemas/{c.id}",
        }
        for c in found
    ]
    return Status(200, {"collections": listed})


@schemas.get(
    "/{collection_id}",
    response={200: dict[str, Any], 404: ProblemOut},
    url_name="schema",
    operation_id="get_schema",
    summary="The JSON Schema of a collection year's answers",
)
def get_schema(request: HttpRequest, collection_id: str) -> Any:
    """Generated from the collection year's declaration: every answer id with its type, codes and limits."""
    if collection_id not in COLLECTIONS:
        raise ApiProblemError(
            404, "Not found", f"No collection year {collection_id!r}: see /api/v1/schemas.", "not-found"
        )
    return Status(200, answers_schema(collection_id))


for _kind in KINDS:
    api.add_router(f"/{_kind}-logs", log_router(_kind))
api.add_router("/schemas", schemas)
