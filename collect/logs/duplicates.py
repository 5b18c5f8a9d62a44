"""Duplicate logs (platform.md §4.4): logs whose duplicate-check answers, declared by their collection year, match.

Each log stores a key made from those answers when it meets the declaration's `duplicate_when` (else blank), so
finding a log's duplicates is one indexed query. A duplicate set is the visible logs sharing a key, seen within the
scope of the person looking (a set nobody in scope shares is no set for them).
"""

from __future__ import annotations

import functools
import hashlib
import json
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from django.db.models import Count, Min, QuerySet

from collect.logs.models import Log, LogQuerySet
from collect.rulebook.conditions import Test
from collect.standards.registry import collection as declaration


@functools.cache
def _rule(collection_id: str) -> tuple[tuple[str, ...], Test]:
    declared = declaration(collection_id)
    return declared.duplicate_fields, declared.duplicate_when.compile()


def duplicate_key(log: Log, answers: Mapping[str, Any]) -> str:
    """The log's duplicate key from its answers and derived values, or "" when it cannot be a duplicate yet."""
    fields, candidate = _rule(log.collection)
    if not fields or not candidate(answers, None):
        return ""
    values = [log.kind, *(_comparable(answers.get(name)) for name in fields)]
    return hashlib.sha256(json.dumps(values, default=str).encode()).hexdigest()


def _comparable(value: Any) -> Any:
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")  # 100.0 and 100.00 are the same amount
    return value.strip().casefold() if isinstance(value, str) else value


def update_set(log: Log, answers: Mapping[str, Any]) -> None:
    """Store the log's duplicate key (called by the write path with the answers it has just saved)."""
    key = duplicate_key(log, answers)
    if key != log.duplicate_key:
        Log.objects.filter(pk=log.pk).update(duplicate_key=key)
        log.duplicate_key = key


def duplicates_of(log: Log, in_scope: LogQuerySet) -> QuerySet[Log]:
    """The other visible logs in scope that duplicate this one."""
    if not log.duplicate_key:
        return Log.objects.none()
    return in_scope.visible().filter(duplicate_key=log.duplicate_key).exclude(pk=log.pk)


def duplicate_sets(in_scope: LogQuerySet) -> list[str]:
    """The keys of the duplicate sets among the visible logs in scope, the set with the oldest log first."""
    return list(
        in_scope.visible()
        .exclude(duplicate_key="")
        .values("duplicate_key")
        .annotate(size=Count("pk"), first=Min("pk"))
        .filter(size__gt=1)
        .order_by("first")
        .values_list("duplicate_key", flat=True)
    )
