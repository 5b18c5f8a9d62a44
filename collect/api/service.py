"""What the API's endpoints do with logs, through the one write path (collect.logs.writing) and the logs' policy.

Each call acts as `collect.api.tokens.actor_for(token)`: a data coordinator of the token's organisation, so its scope,
its choices and the rules it meets are the web form's. Changes are saved with channel "api"; a change whose answers
the rulebook refuses (a hard error on an answer sent) saves nothing and is reported, as the web form shows a page
again with its errors. Missing answers are not errors: a partial log is saved as in progress.
"""

from __future__ import annotations

import base64
import binascii
import datetime
import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone

from collect.accounts.policy import can_create_logs
from collect.api.answers import check_offered, check_values
from collect.api.models import ApiActor, ApiToken, IdempotencyRecord
from collect.api.problems import ApiProblemError, answer_error, forbidden, not_found, request_error
from collect.audit.models import Channel
from collect.logs import policy
from collect.logs.codec import to_json
from collect.logs.models import Log, LogQuerySet
from collect.logs.writing import (
    ClosedLogError,
    StaleLogError,
    collection_for_new_log,
    create_log,
    delete_logs,
    evaluate_answers,
    save_answers,
    stored_answers,
)
from collect.rulebook import Outcome

IDEMPOTENCY_KEEP = datetime.timedelta(hours=24)
PAGE_SIZE = 100


def outcome_json(outcome: Outcome) -> dict[str, Any]:
    """The rulebook's outcome as the command-line checker prints it (`Outcome.as_dict`), values as stored."""
    found = outcome.as_dict()
    found["derived"] = to_json(found["derived"])
    found["cleared"] = to_json(found["cleared"])
    return found


def etag(log: Log) -> str:
    """The log's entity tag: its version."""
    return f'"{log.version}"'


def log_json(log: Log, outcome: Outcome) -> dict[str, Any]:
    """A log as the API gives it."""
    return {
        "id": log.pk,
        "kind": log.kind,
        "collection": log.collection,
        "status": log.status,
        "version": log.version,
        "created_via": log.created_via,
        "created_at": log.created_at.isoformat(),
        "updated_at": log.updated_at.isoformat(),
        "answers": dict(log.answers),
        "outcome": outcome_json(outcome),
    }


def summary_json(log: Log) -> dict[str, Any]:
    """A log in a list."""
    return {
        "id": log.pk,
        "kind": log.kind,
        "collection": log.collection,
        "status": log.status,
        "version": log.version,
        "error_count": log.error_count,
        "created_at": log.created_at.isoformat(),
        "updated_at": log.updated_at.isoformat(),
    }


def require_write(token: ApiToken) -> None:
    """Refuse a change made with a read-only token."""
    if not token.can_write:
        raise forbidden("This token can only read logs. Ask your data coordinator for a read and write token.")


def find_log(actor: ApiActor, kind: str, pk: int) -> Log:
    """A visible log of this kind in the token's organisation's scope (else 404)."""
    log = policy.logs_in_scope(actor, kind).visible().filter(pk=pk).first()
    if log is None:
        raise not_found()
    return log


def log_outcome(log: Log, actor: ApiActor) -> Outcome:
    """What the rulebook says about a log's stored answers now."""
    answers = stored_answers(log)
    return evaluate_answers(log, answers, actor, previous=answers)


# Checking what was sent


def _prepared(
    collection_id: str, kind: str, actor: ApiActor, sent: Mapping[str, Any], stored: Mapping[str, Any]
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    changes, errors = check_values(collection_id, sent)
    changes, offered_errors = check_offered(kind, actor, changes, stored)
    return changes, errors + offered_errors


def _blocking(outcome: Outcome, sent: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The rulebook's errors on the answers sent: these stop the change (errors elsewhere are reported, not)."""
    return [answer_error(i.field, i.check_id, i.message) for i in outcome.errors if i.field in sent]


def invalid_answers(errors: list[dict[str, Any]], outcome: Outcome | None = None) -> ApiProblemError:
    """422: answers that cannot be saved, each with its field, path and check."""
    extra = {"outcome": outcome_json(outcome)} if outcome is not None else {}
    detail = "Nothing was saved. Correct the answers listed in errors and send them again."
    return ApiProblemError(422, "The answers cannot be saved", detail, "invalid-answers", errors, extra=extra)


class _RefusedError(Exception):
    """Rolls back a change the rulebook refused."""

    def __init__(self, problem: ApiProblemError) -> None:
        super().__init__(problem.detail)
        self.problem = problem


# Validate only


def validate_new(kind: str, actor: ApiActor, sent: Mapping[str, Any]) -> dict[str, Any]:
    """The outcome of a new log with these answers, saving nothing; errors of the request are listed too."""
    log = Log(kind=kind, collection=collection_for_new_log(kind), created_via=Channel.API)
    return _validate(log, kind, actor, sent, {})


def validate_change(log: Log, actor: ApiActor, sent: Mapping[str, Any]) -> dict[str, Any]:
    """The outcome of these changes to a log, saving nothing."""
    return _validate(log, log.kind, actor, sent, stored_answers(log))


def _validate(log: Log, kind: str, actor: ApiActor, sent: Mapping[str, Any], stored: dict[str, Any]) -> dict[str, Any]:
    changes, errors = _prepared(log.collection, kind, actor, sent, stored)
    candidate = {k: v for k, v in {**stored, **changes}.items() if v is not None}
    outcome = evaluate_answers(log, candidate, actor, previous=stored or None)
    found = outcome_json(outcome)
    found["errors"] = errors + found["errors"]
    if errors and found["status"] == "completed":
        found["status"] = "in_progress"
    return {"collection": log.collection, "valid": not errors and not _blocking(outcome, changes), **found}


# Create, update, delete


@dataclass(frozen=True)
class Saved:
    """A saved log and what the response says."""

    log: Log
    body: dict[str, Any]


def create(kind: str, token: ApiToken, actor: ApiActor, sent: Mapping[str, Any]) -> Saved:
    """Create a log with these answers (all or nothing)."""
    require_write(token)
    if not can_create_logs(actor):
        raise forbidden(
            "Your organisation cannot create logs yet: its data protection officer must accept the data sharing "
            "agreement, and an organisation without stock needs a stock owner that has."
        )
    collection_id = collection_for_new_log(kind)
    changes, errors = _prepared(collection_id, kind, actor, sent, {})
    if errors:
        raise invalid_answers(errors)
    if actor.pk is not None and token.created_by.organisation_id != token.organisation_id:
        changes.setdefault("assigned_to_id", None)  # the token's maker is not one of the organisation's users
    try:
        with transaction.atomic():
            result = create_log(actor, kind, channel=Channel.API, answers=changes)
            log, outcome = result.log, result.outcome
            blocking = _blocking(outcome, changes)
            if blocking:
                raise _RefusedError(invalid_answers(blocking, outcome))
    except _RefusedError as refused:
        raise refused.problem from None
    return Saved(log, log_json(log, outcome))


def update(log: Log, actor: ApiActor, token: ApiToken, sent: Mapping[str, Any], if_match: str | None) -> Saved:
    """Change a log's answers (None clears one), refusing a change based on an older version (412)."""
    require_write(token)
    version = expected_version(if_match, log)
    changes, errors = _prepared(log.collection, log.kind, actor, sent, stored_answers(log))
    if errors:
        raise invalid_answers(errors)
    try:
        with transaction.atomic():
            result = save_answers(log, changes, actor, channel=Channel.API, expected_version=version)
            blocking = _blocking(result.outcome, changes)
            if blocking:
                raise _RefusedError(invalid_answers(blocking, result.outcome))
    except _RefusedError as refused:
        log.refresh_from_db()
        raise refused.problem from None
    except StaleLogError:
        raise stale(log) from None
    except ClosedLogError:
        raise closed() from None
    return Saved(result.log, log_json(result.log, result.outcome))


def delete(log: Log, actor: ApiActor, token: ApiToken, if_match: str | None) -> None:
    """Delete a log (a soft delete, as the web form's), refusing one changed since the version in If-Match."""
    require_write(token)
    if not policy.is_editable(log):
        raise closed()
    if not policy.can_delete(actor, log):
        raise forbidden("This log cannot be deleted.")
    if if_match is not None:
        with transaction.atomic():
            locked = Log.objects.select_for_update().get(pk=log.pk)
            if locked.version != expected_version(if_match, log, required=True):
                raise stale(locked)
            delete_logs([locked], actor, channel=Channel.API)
    else:
        delete_logs([log], actor, channel=Channel.API)


def expected_version(if_match: str | None, log: Log, *, required: bool = True) -> int | None:
    """The version an If-Match header names (`"3"`); a change without one is refused (428)."""
    if if_match is None:
        if not required:
            return None
        raise ApiProblemError(
            428,
            "If-Match is needed",
            f"Send the log's ETag in an If-Match header (now {etag(log)}), so a change made since you read it is not "
            "overwritten.",
            "if-match-needed",
            [request_error("/headers/If-Match", "Send the ETag of the log as you last read it.")],
        )
    value = if_match.strip().removeprefix("W/").strip('"')
    if value == "*":
        return log.version
    if not value.isdigit() or len(value) > 12:
        raise stale(log)
    return int(value)


def stale(log: Log) -> ApiProblemError:
    """412: the log has changed since the version the client read."""
    return ApiProblemError(
        412,
        "The log has changed",
        f"The log has changed since you read it (it is now at {etag(log)}). Read it again and send your change "
        "with its new ETag.",
        "stale",
        [request_error("/headers/If-Match", "The ETag does not match the log's current version.")],
    )


def closed() -> ApiProblemError:
    """409: the log's collection year is closed for changes."""
    return ApiProblemError(
        409, "The log cannot be changed", "The log's collection year is past its deadline for changes.", "closed"
    )


# Idempotency keys


def request_hash(kind: str, sent: Mapping[str, Any]) -> str:
    """A fingerprint of a create: the kind of log and its answers."""
    text = json.dumps({"kind": kind, "answers": sent}, sort_keys=True, default=str)
    return hashlib.sha256(text.encode()).hexdigest()


def replay(token: ApiToken, key: str, fingerprint: str) -> IdempotencyRecord | None:
    """The stored response for this key, or None; the key with another request is refused (422)."""
    IdempotencyRecord.objects.filter(token=token, created_at__lt=timezone.now() - IDEMPOTENCY_KEEP).delete()
    record = IdempotencyRecord.objects.filter(token=token, key=key).first()
    if record is not None and record.request_hash != fingerprint:
        raise ApiProblemError(
            422,
            "Idempotency key already used",
            "This Idempotency-Key was used with a different request. Use a new key for a new log.",
            "idempotency-key-reused",
            [request_error("/headers/Idempotency-Key", "Used before with a different request body.")],
        )
    return record


def create_once(kind: str, token: ApiToken, actor: ApiActor, sent: Mapping[str, Any], key: str) -> IdempotencyRecord:
    """Create a log for an idempotency key once: a repeat (even at the same moment) gets the first response."""
    require_write(token)
    if not key or len(key) > 200 or not (key.isascii() and key.isprintable()):
        raise ApiProblemError(
            422,
            "Idempotency key not usable",
            "An Idempotency-Key has 1 to 200 printable ASCII characters.",
            "invalid-request",
            [request_error("/headers/Idempotency-Key", "Use 1 to 200 characters, such as a UUID.")],
        )
    fingerprint = request_hash(kind, sent)
    found = replay(token, key, fingerprint)
    if found is not None:
        return found
    try:
        with transaction.atomic():
            saved = create(kind, token, actor, sent)
            return IdempotencyRecord.objects.create(
                token=token,
                key=key,
                request_hash=fingerprint,
                status=201,
                body=saved.body,
                etag=etag(saved.log),
                location=f"/api/v1/{kind}-logs/{saved.log.pk}",
            )
    except IntegrityError:
        found = replay(token, key, fingerprint)  # another request with the key won the race
        if found is None:
            raise
        return found


# Lists


def encode_cursor(pk: int) -> str:
    """An opaque cursor after a log."""
    return base64.urlsafe_b64encode(f"after:{pk}".encode()).decode().rstrip("=")


def decode_cursor(cursor: str) -> int:
    """The log id a cursor is after (422 for a cursor this API did not give)."""
    try:
        text = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        label, _, number = text.partition(":")
        if label == "after" and number.isdigit() and len(number) < 19:
            return int(number)
    except (binascii.Error, UnicodeDecodeError, ValueError):
        pass
    raise ApiProblemError(
        422,
        "Cursor not recognised",
        "Use the next_cursor of the previous page, unchanged.",
        "invalid-request",
        [request_error("/query/cursor", "Not a cursor this API gave.")],
    )


def list_logs(  # noqa: PLR0917 - the list's filters
    actor: ApiActor,
    kind: str,
    collection: str | None,
    status: str | None,
    updated_since: datetime.datetime | None,
    cursor: str | None,
    limit: int,
) -> dict[str, Any]:
    """A page of the organisation's logs, oldest first, with the cursor of the next page."""
    logs: LogQuerySet = policy.logs_in_scope(actor, kind).visible()
    if collection:
        logs = logs.filter(collection=collection)
    if status:
        logs = logs.filter(status=status)
    if updated_since is not None:
        if timezone.is_naive(updated_since):
            updated_since = timezone.make_aware(updated_since, datetime.UTC)
        logs = logs.filter(updated_at__gte=updated_since)
    if cursor:
        logs = logs.filter(pk__gt=decode_cursor(cursor))
    page = list(logs.order_by("pk")[: limit + 1])
    more = len(page) > limit
    page = page[:limit]
    return {
        "items": [summary_json(log) for log in page],
        "next_cursor": encode_cursor(page[-1].pk) if more and page else None,
    }
