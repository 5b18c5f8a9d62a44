"""The answers the open data tables need, of a collection year's completed logs, as one polars frame of text columns.

Only the few answers the tables read are taken from each log. On PostgreSQL they come through one
`COPY (SELECT ...) TO STDOUT` of the queryset's own query, each log's answers read once with `jsonb_to_record` (so
its JSON is decompressed once, not once per answer), and polars reads the CSV. Elsewhere (SQLite) the database's JSON
functions pick the answers out and a server-side cursor reads them a batch at a time.

The data-out reader (collect.exports.frames) reads every answer of every log for downloads; a release needs a handful
of answers of a million logs, so it asks the database for only those.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

import polars as pl
from django.db import connections
from django.db.models import QuerySet
from django.db.models.fields.json import KT

from collect.logs.models import Log, LogStatus

BATCH = 50_000


def completed_logs(collection_id: str) -> QuerySet[Log]:
    """The completed logs of a collection year (deleted and pending logs are not completed)."""
    return Log.objects.filter(collection=collection_id, status=LogStatus.COMPLETED)


def answers_frame(logs: QuerySet[Log], keys: Sequence[str]) -> pl.DataFrame:
    """These logs' answers `keys` as text columns named by answer id (missing answers are null)."""
    schema = dict.fromkeys(keys, pl.String)
    if connections[logs.db].vendor == "postgresql":
        return _copied(logs, keys, schema)
    names = {key: f"opendata_{n}" for n, key in enumerate(keys)}
    found = logs.order_by().annotate(**{names[k]: KT(f"answers__{k}") for k in keys})
    parts: list[pl.DataFrame] = []
    batch: list[tuple[Any, ...]] = []
    for row in found.values_list(*names.values()).iterator(chunk_size=BATCH):
        batch.append(row)
        if len(batch) == BATCH:
            parts.append(pl.DataFrame(batch, schema=schema, orient="row"))
            batch = []
    parts.append(pl.DataFrame(batch, schema=schema, orient="row"))
    return pl.concat(parts)


def _copied(logs: QuerySet[Log], keys: Sequence[str], schema: dict[str, Any]) -> pl.DataFrame:
    from psycopg import ClientCursor

    connection = connections[logs.db]
    sql, params = logs.order_by().values_list("answers").query.sql_with_params()
    connection.ensure_connection()
    with ClientCursor(connection.connection) as cursor:
        query = cursor.mogrify(sql, params)
    columns = ", ".join(f"{connection.ops.quote_name(key)} text" for key in keys)
    selected = ", ".join(f"r.{connection.ops.quote_name(key)}" for key in keys)
    statement = (
        f"COPY (SELECT {selected} FROM ({query}) AS q(answers), "  # noqa: S608 - answer ids of a declaration
        f"jsonb_to_record(q.answers) AS r({columns})) TO STDOUT (FORMAT csv)"
    )
    buffer = io.BytesIO()
    with connection.connection.cursor() as cursor, cursor.copy(statement) as copy:
        for chunk in copy:
            buffer.write(chunk)
    buffer.seek(0)
    if not buffer.getbuffer().nbytes:
        return pl.DataFrame(schema=schema)
    return pl.read_csv(buffer, has_header=False, new_columns=list(keys), schema=schema)
