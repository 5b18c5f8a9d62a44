"""Inserting many rows at once: ids in order, defaults and auto dates applied, JSON text stored as it is."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest

from collect.audit.models import AuditEvent, Channel
from collect.logs.codec import JSONText, to_json_text
from collect.logs.inserting import insert_rows, insert_values
from collect.logs.models import Log, LogStatus

pytestmark = pytest.mark.django_db


def test_values_are_inserted_in_order_with_their_ids_and_defaults(provider):
    rows = [
        {"kind": "lettings", "collection": "lettings-2026", "tenancycode": f"T{n}", "created_by_id": provider.pk}
        for n in range(1200)  # more than one statement's worth on every database
    ]
    ids = insert_values(Log, rows)
    assert len(ids) == 1200
    assert len(set(ids)) == 1200
    found = dict(Log.objects.filter(pk__in=ids).values_list("pk", "tenancycode"))
    assert [found[pk] for pk in ids] == [f"T{n}" for n in range(1200)]
    log = Log.objects.get(pk=ids[0])
    assert log.status == LogStatus.NOT_STARTED
    assert log.answers == {}
    assert log.version == 0
    assert log.created_at is not None
    assert log.updated_at == log.created_at
    assert log.created_by == provider


def test_json_is_stored_the_same_whether_given_as_values_or_as_text():
    answers = {"startdate": datetime.date(2026, 5, 1), "brent": Decimal("125.50"), "beds": 2, "note": 'a "quoted" é'}
    as_values, as_text = insert_values(
        Log,
        [
            {
                "kind": "lettings",
                "collection": "lettings-2026",
                "answers": {**answers, "startdate": "2026-05-01", "brent": 125.5},
            },
            {"kind": "lettings", "collection": "lettings-2026", "answers": to_json_text(answers)},
        ],
    )
    first, second = Log.objects.get(pk=as_values), Log.objects.get(pk=as_text)
    assert (
        first.answers
        == second.answers
        == {
            "startdate": "2026-05-01",
            "brent": Decimal("125.5"),
            "beds": 2,
            "note": 'a "quoted" é',
        }
    )
    assert Log.objects.filter(answers__beds=2).count() == 2


def test_objects_get_their_primary_keys(provider):
    events = [
        AuditEvent(actor=provider, actor_name=provider.name, channel=Channel.BULK_UPLOAD, action="create", target_id=n)
        for n in range(3)
    ]
    saved = insert_rows(events)
    assert all(e.pk is not None and not e._state.adding for e in saved)
    stored = dict(AuditEvent.objects.filter(pk__in=[e.pk for e in saved]).values_list("pk", "target_id"))
    assert [stored[e.pk] for e in saved] == [0, 1, 2]
    assert insert_rows([]) == []
    assert insert_values(Log, []) == []


def test_json_text_is_text():
    assert isinstance(to_json_text({"a": 1}), str)
    assert JSONText('{"a": 1}') == '{"a": 1}'
