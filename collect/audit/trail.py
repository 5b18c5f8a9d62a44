"""Record changes in the audit trail and read a record's history.

Each function that changes a kind of record (collect.*.actions) takes a snapshot before and after and calls
`record`, inside the same transaction as the change, so the history and the data can never disagree.
"""

from __future__ import annotations

import datetime
import decimal
import enum
from collections.abc import Iterable
from typing import Any

from django.db import models
from django.db.models import QuerySet

from collect.audit.models import AuditEvent, Channel


def _plain(value: Any) -> Any:
    """A JSON-friendly version of a field value."""
    if isinstance(value, models.Model):
        return str(value)
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return str(value)
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, (list, tuple, set, frozenset)):
        return [_plain(v) for v in value]
    return value


def snapshot(obj: models.Model, fields: Iterable[str]) -> dict[str, Any]:
    """The values of some fields of a record, shown as people see them (choices by their label)."""
    values: dict[str, Any] = {}
    for name in fields:
        display = getattr(obj, f"get_{name}_display", None)
        values[name] = _plain(display() if callable(display) else getattr(obj, name))
    return values


def changes_between(before: dict[str, Any], after: dict[str, Any], labels: dict[str, str] | None = None) -> dict:
    """The fields whose values differ, each with its label, old and new value."""
    labels = labels or {}
    return {
        name: {"label": labels.get(name, name.replace("_", " ").capitalize()), "from": before.get(name), "to": value}
        for name, value in after.items()
        if before.get(name) != value
    }


def field_labels(model: type[models.Model]) -> dict[str, str]:
    """Each concrete field's verbose name, capitalised, for the history table."""
    return {f.name: str(f.verbose_name).capitalize() for f in model._meta.get_fields() if hasattr(f, "verbose_name")}


def record(
    actor: Any,
    action: str,
    target: models.Model,
    *,
    changes: dict[str, Any] | None = None,
    channel: Channel = Channel.WEB,
    note: str = "",
    target_type: str | None = None,
) -> AuditEvent:
    """Write one audit event about a record."""
    actor_user = actor if getattr(actor, "is_authenticated", False) else None
    return AuditEvent.objects.create(
        actor=actor_user,
        actor_name=str(getattr(actor_user, "name", "") or "") if actor_user else "System",
        channel=channel,
        action=action,
        target_type=target_type or target._meta.model_name or "",
        target_id=target.pk,
        target_repr=str(target)[:300],
        changes=changes or {},
        note=note[:500],
    )


def history(target: models.Model, target_type: str | None = None) -> QuerySet[AuditEvent]:
    """Every audit event about a record, newest first."""
    return AuditEvent.objects.filter(
        target_type=target_type or target._meta.model_name or "", target_id=target.pk
    ).select_related("actor")
