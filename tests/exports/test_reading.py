"""Reading logs for data out: fields and answers as text, in id order and batches, on SQLite and PostgreSQL alike."""

from __future__ import annotations

import datetime

import polars as pl
import pytest
from django.db import connection

from collect.audit.models import AuditEvent
from collect.exports import reading
from collect.logs.models import Log

TRICKY = 'a "quoted" back\\slash, tab\t new\nline, é, <&>, ", }'


@pytest.fixture
def logs(organisation, coordinator):
    def make(answers):
        return Log.objects.create(
            kind="lettings",
            collection="lettings-2026",
            owning_organisation=organisation,
            assigned_to=coordinator,
            created_by=coordinator,
            answers=answers,
        )

    return [
        make({"tenancycode": TRICKY, "brent": 100.0, "wrent": 12.5, "beds": 3, "is_la_inferred": True}),
        make({}),
        make({"tenancycode": "T3", "brent": 0.1, "la": "E08000035"}),
    ]


def read(logs, keys, size=2, **options):
    queryset = Log.objects.filter(pk__in=[log.pk for log in logs])
    return list(reading.batches(queryset, keys, size, **options))


def test_fields_and_answers_as_text_in_id_order_a_batch_at_a_time(logs, organisation):
    batches = read(logs, ["tenancycode", "brent", "wrent", "beds", "is_la_inferred", "la", "never"])
    assert [b.height for b in batches] == [2, 1]
    frame = pl.concat(batches)
    assert frame["r.pk"].to_list() == [log.pk for log in logs]
    assert frame["r.owning_organisation_id"].to_list() == [organisation.pk] * 3
    assert frame["r.status"].to_list() == [log.status for log in logs]
    first = frame.row(0, named=True)
    assert first["a.tenancycode"] == TRICKY
    assert (first["a.brent"], first["a.wrent"], first["a.beds"], first["a.is_la_inferred"]) == (
        "100",
        "12.5",
        "3",
        "true",
    )
    assert frame.row(1, named=True)["a.tenancycode"] is None  # a log without answers
    assert frame["a.brent"].to_list() == ["100", None, "0.1"]
    assert frame["a.never"].to_list() == [None, None, None]
    created = frame["r.created_at"][0]
    assert created == logs[0].created_at.astimezone(datetime.UTC)
    assert frame["r.deleted_at"].to_list() == [None, None, None]


def test_who_changed_each_log_last_is_read_when_asked_for(logs, coordinator, make_user):
    other = make_user()
    for actor in (coordinator, other):
        AuditEvent.objects.create(actor=actor, action="updated", target_type="log", target_id=logs[0].pk)
    AuditEvent.objects.create(actor=coordinator, action="updated", target_type="log", target_id=logs[2].pk)
    frame = pl.concat(read(logs, ["beds"], updated_by=True))
    assert frame["r.updated_by_id"].to_list() == [other.pk, None, coordinator.pk]
    assert pl.concat(read(logs, ["beds"]))["r.updated_by_id"].to_list() == [None, None, None]


def test_the_querysets_own_filters_apply(logs):
    queryset = Log.objects.filter(pk__in=[log.pk for log in logs]).filter(answers__tenancycode="T3")
    (frame,) = reading.batches(queryset, ["tenancycode"], 10)
    assert frame["r.pk"].to_list() == [logs[2].pk]
    assert list(reading.batches(Log.objects.none(), ["tenancycode"], 10)) == []


def test_stopping_early_leaves_the_connection_usable(logs):
    batches = reading.batches(Log.objects.filter(pk__in=[log.pk for log in logs]), ["beds"], 1)
    assert next(batches).height == 1
    batches.close()  # type: ignore[attr-defined]
    assert Log.objects.filter(pk=logs[0].pk).exists()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the COPY statement is PostgreSQL's")
def test_postgresql_binds_parameters_as_literals(logs):
    queryset = Log.objects.filter(pk__in=[log.pk for log in logs]).filter(tenancycode="x'); DROP TABLE logs_log; --")
    statement = reading._copy_sql(queryset, updated_by=False)
    assert "'x''); DROP TABLE logs_log; --'" in statement
    assert list(reading.batches(queryset, ["beds"], 10)) == []
    assert Log.objects.count() == 3
