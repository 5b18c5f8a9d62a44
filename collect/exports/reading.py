"""Logs read for data out, a batch at a time: each log's own fields and the answers a column set needs, as text.

A batch is a polars frame with a column "r.<field>" per field of `LOG_FIELDS` (ids as integers, times as UTC
datetimes, the rest as text) and a column "a.<id>" per answer asked for (text as JSON writes it: `100`, `12.5`,
`true`), in id order. Memory stays flat however many logs there are: one batch at a time.

On PostgreSQL the logs come through one `COPY (SELECT ...) TO STDOUT` of the queryset's own query (so scope, search
and filters are the ORM's): the database writes each log's fields as JSON and its answers' JSON text, joined into one
line of JSON per log (`_joined`), a thread reads the lines while the previous batch is being written, and polars
decodes a batch of lines at once. Elsewhere
(SQLite) a server-side cursor reads the same fields and polars decodes the answers' JSON.
"""

from __future__ import annotations

import contextlib
import io
import queue
import threading
from collections.abc import Iterator
from typing import Any

import polars as pl
from django.db import connections
from django.db.models import Max, QuerySet, TextField
from django.db.models.expressions import RawSQL
from django.db.models.functions import Cast

from collect.audit.models import AuditEvent
from collect.logs.models import Log

# A log's own fields read with its answers (the ORM's names) and their types in a batch.
LOG_FIELDS: dict[str, Any] = {
    "pk": pl.Int64,
    "status": pl.String,
    "duplicate_key": pl.String,
    "created_at": pl.Datetime("us", "UTC"),
    "updated_at": pl.Datetime("us", "UTC"),
    "deleted_at": pl.Datetime("us", "UTC"),
    "created_via": pl.String,
    "bulk_upload_id": pl.Int64,
    "owning_organisation_id": pl.Int64,
    "managing_organisation_id": pl.Int64,
    "assigned_to_id": pl.Int64,
    "created_by_id": pl.Int64,
    "scheme_id": pl.Int64,
    "location_id": pl.Int64,
    "updated_by_id": pl.Int64,  # the user of the log's latest audit event (read only when asked for)
}
_TIMES = tuple(name for name, kind in LOG_FIELDS.items() if isinstance(kind, pl.Datetime))
_TIME_FORMAT = "%Y-%m-%dT%H:%M:%S%.f%:z"


def batches(logs: QuerySet[Log], keys: list[str], size: int, *, updated_by: bool = False) -> Iterator[pl.DataFrame]:
    """These logs in id order, `size` at a time (see the module's docstring); `updated_by`: who changed each last."""
    if logs.query.is_empty():
        return iter(())
    if connections[logs.db].vendor == "postgresql":
        return _copied(logs, keys, size, updated_by=updated_by)
    return _fetched(logs, keys, size, updated_by=updated_by)


def _empty_fields(height: int) -> dict[str, pl.Series]:
    return {f"r.{name}": pl.Series([None] * height, dtype=kind) for name, kind in LOG_FIELDS.items()}


# PostgreSQL --------------------------------------------------------------------------------------------------------


def _fields_sql(table: str, updated_by: bool) -> str:
    """A log's own fields as one JSON object, named "r.<field>" (SQL over the log's table)."""
    fields = []
    for name in LOG_FIELDS:
        if name == "updated_by_id":
            continue
        column = Log._meta.pk.column if name == "pk" else Log._meta.get_field(name).column  # type: ignore[union-attr]
        fields.append(f"'r.{name}', {table}.\"{column}\"")
    if updated_by:
        fields.append(
            f"'r.updated_by_id', (SELECT e.actor_id FROM {AuditEvent._meta.db_table} e WHERE e.target_type = 'log' "  # noqa: S608
            f'AND e.target_id = {table}."id" ORDER BY e.id DESC LIMIT 1)'
        )
    return f"json_build_object({', '.join(fields)})"


def _copy_sql(logs: QuerySet[Log], updated_by: bool) -> str:
    """The COPY statement of the queryset's query, every parameter bound as a literal by psycopg.

    Each row is the log's fields as a JSON object, a tab, and its answers as they are stored (JSON text); the lines
    are joined into one JSON object each by `_joined`.
    """
    from psycopg import ClientCursor

    connection = connections[logs.db]
    table = connection.ops.quote_name(Log._meta.db_table)
    fields = RawSQL(_fields_sql(table, updated_by), ())  # noqa: S611 - names only
    lines = logs.order_by("pk").annotate(data_out_fields=fields)
    sql, params = lines.values_list("data_out_fields", "answers").query.sql_with_params()
    connection.ensure_connection()
    with ClientCursor(connection.connection) as cursor:
        query = cursor.mogrify(sql, params)
    return f"COPY ({query}) TO STDOUT"


def _joined(rows: bytes) -> bytes:
    """COPY's rows of fields, tab, answers as lines of JSON, one object each.

    COPY's text format doubles every backslash (JSON text holds no tab, newline or other control character, so nothing
    else is escaped); the fields' closing brace, the tab and the answers' opening brace become a comma. A log without
    answers would end ", }": its comma is taken out.
    """
    if b"\\" in rows:
        rows = rows.replace(b"\\\\", b"\\")
    rows = rows.replace(b"}\t{", b", ")
    if b", }\n" in rows:
        rows = rows.replace(b", }\n", b"}\n")
    return rows


_DONE = object()


def _copied(logs: QuerySet[Log], keys: list[str], size: int, *, updated_by: bool) -> Iterator[pl.DataFrame]:
    statement = _copy_sql(logs, updated_by)
    raw = connections[logs.db].connection
    found: queue.Queue[Any] = queue.Queue(maxsize=1)
    stop = threading.Event()

    def read() -> None:
        try:
            with raw.cursor() as cursor, cursor.copy(statement) as copy:
                lines: list[Any] = []
                for line in copy:
                    if stop.is_set():  # the batches are no longer wanted: read to the end, so the connection is free
                        continue
                    lines.append(line)
                    if len(lines) == size:
                        found.put(b"".join(lines))
                        lines = []
                if lines and not stop.is_set():
                    found.put(b"".join(lines))
            found.put(_DONE)
        except BaseException as error:  # handed to the reading generator, which raises it
            found.put(error)

    decoded = _Decoder(keys)
    reader = threading.Thread(target=read, name="data-out-copy", daemon=True)
    reader.start()
    try:
        while (item := found.get()) is not _DONE:
            if isinstance(item, BaseException):
                raise item
            yield decoded(item)
    finally:
        stop.set()
        while reader.is_alive():  # let the reader finish the COPY
            with contextlib.suppress(queue.Empty):
                found.get(timeout=0.1)
        reader.join()


class _Decoder:
    """Batches of lines of JSON as frames (see the module's docstring); every answer read as text.

    (Reading the answers as typed values, worked out from the first batch, and writing them as text after was no
    faster: polars reads a member as text the way JSON writes it, `100` and `12.5`.)
    """

    def __init__(self, keys: list[str]) -> None:
        self.schema: dict[str, Any] = {
            f"r.{name}": pl.String if isinstance(kind, pl.Datetime) else kind for name, kind in LOG_FIELDS.items()
        }
        self.schema.update(dict.fromkeys(keys, pl.String))
        self.renamed = {key: f"a.{key}" for key in keys}

    def __call__(self, rows: bytes) -> pl.DataFrame:
        frame = pl.read_ndjson(io.BytesIO(_joined(rows)), schema=self.schema)
        times = (pl.col(f"r.{name}").str.to_datetime(_TIME_FORMAT, time_zone="UTC", time_unit="us") for name in _TIMES)
        return frame.with_columns(times).rename(self.renamed)


# Other databases ---------------------------------------------------------------------------------------------------


def _fetched(logs: QuerySet[Log], keys: list[str], size: int, *, updated_by: bool) -> Iterator[pl.DataFrame]:
    names = [name for name in LOG_FIELDS if name != "updated_by_id"]
    found = logs.order_by("pk").annotate(answers_text=Cast("answers", output_field=TextField()))
    schema = dict.fromkeys(keys, pl.String)
    batch: list[tuple[Any, ...]] = []
    for row in found.values_list(*names, "answers_text").iterator(chunk_size=size):
        batch.append(row)
        if len(batch) == size:
            yield _frame(batch, names, schema, updated_by)
            batch = []
    if batch:
        yield _frame(batch, names, schema, updated_by)


def _frame(batch: list[tuple[Any, ...]], names: list[str], schema: dict[str, Any], updated_by: bool) -> pl.DataFrame:
    values = list(zip(*batch, strict=True))
    fields = _empty_fields(len(batch))
    for name, column in zip(names, values, strict=False):
        fields[f"r.{name}"] = pl.Series(column, dtype=LOG_FIELDS[name])
    if updated_by:
        updaters = _last_updaters(values[0])
        fields["r.updated_by_id"] = pl.Series([updaters.get(pk) for pk in values[0]], dtype=pl.Int64)
    answers = pl.read_ndjson(io.BytesIO("\n".join(values[-1]).encode()), schema=schema) if schema else pl.DataFrame()
    answers = answers.rename({key: f"a.{key}" for key in schema})
    return pl.concat([pl.DataFrame(fields), answers], how="horizontal")


def _last_updaters(ids: tuple[int, ...]) -> dict[int, int]:
    """The user of the latest audit event of each of these logs (who last changed it)."""
    latest = (
        AuditEvent.objects.filter(target_type="log", target_id__in=ids)
        .values("target_id")
        .annotate(last=Max("pk"))
        .values_list("last", flat=True)
    )
    found = AuditEvent.objects.filter(pk__in=list(latest), actor__isnull=False)
    return dict(found.values_list("target_id", "actor_id"))
