"""Many new rows of one model inserted at once, faster than `bulk_create` for wide rows such as logs.

`bulk_create` prepares every value of every row through several layers of the query compiler; a bulk upload of
100,000 logs with thirty columns spends most of its saving time there. `insert_values` works out once per column how
its values are sent to the database, then inserts the rows in batches of one statement each, and gives the ids the
database returned. A JSON column takes a `collect.logs.codec.JSONText` as the JSON it already is. Defaults,
`auto_now` and `auto_now_add` are applied as `save()` would; signals are not sent (as with `bulk_create`).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from typing import Any, TypeVar

from django.db import connections, models, router
from django.utils import timezone

from collect.logs.codec import JSONText

Model = TypeVar("Model", bound=models.Model)
Convert = Callable[[Any], Any]
# Rows inserted by one statement at most (the database's own limit on parameters may make it fewer).
ROWS_PER_STATEMENT = 500


def _json_encoder(base: type[json.JSONEncoder] | None) -> type[json.JSONEncoder]:
    """The column's encoder, passing JSON text through as it is."""

    class Encoder(base or json.JSONEncoder):  # type: ignore[misc]
        def encode(self, o: Any) -> str:
            return str(o) if type(o) is JSONText else super().encode(o)

    return Encoder


def _converter(field: models.Field[Any, Any], connection: Any) -> Convert:
    """How a value of this column is sent to the database."""
    ops = connection.ops
    if isinstance(field, models.JSONField):
        encoder = _json_encoder(field.encoder)
        return lambda value: None if value is None else ops.adapt_json_value(value, encoder)
    if isinstance(field, models.DateTimeField):
        return ops.adapt_datetimefield_value
    if isinstance(field, models.DateField):
        return ops.adapt_datefield_value
    if isinstance(field, (models.ForeignKey, models.IntegerField, models.CharField, models.TextField)):
        return lambda value: value
    if isinstance(field, models.BooleanField):
        return lambda value: value
    return lambda value: field.get_db_prep_save(value, connection)


def insert_values(model: type[models.Model], rows: Sequence[Mapping[str, Any]]) -> list[int]:
    """Insert rows of a model given as {attribute name: value} (others take their defaults); give their ids."""
    if not rows:
        return []
    meta = model._meta
    connection = connections[router.db_for_write(model)]
    fields = [f for f in meta.concrete_fields if not f.primary_key]
    now = timezone.now()
    fixed: dict[str, Any] = {}
    for field in fields:
        if isinstance(field, models.DateField) and (field.auto_now or field.auto_now_add):
            fixed[field.attname] = now
    columns = [
        (field.attname, _converter(field, connection), fixed.get(field.attname, field.get_default()))
        for field in fields
    ]
    names = ", ".join(connection.ops.quote_name(f.column or f.attname) for f in fields)
    row_sql = "(" + ", ".join(["%s"] * len(fields)) + ")"
    table, pk = connection.ops.quote_name(meta.db_table), meta.pk
    assert pk is not None
    returning = connection.ops.quote_name(pk.column or pk.attname)
    batch = max(1, min(connection.ops.bulk_batch_size(fields, rows), ROWS_PER_STATEMENT))
    ids: list[int] = []
    with connection.cursor() as cursor:
        for start in range(0, len(rows), batch):
            chunk = rows[start : start + batch]
            params: list[Any] = []
            for row in chunk:
                get = row.get
                params.extend(
                    convert(fixed[attname] if attname in fixed else get(attname, default))
                    for attname, convert, default in columns
                )
            values = ", ".join([row_sql] * len(chunk))
            # Only quoted names of the model's own table and columns are put in the text; every value is a parameter.
            sql = f"INSERT INTO {table} ({names}) VALUES {values} RETURNING {returning}"  # noqa: S608
            cursor.execute(sql, params)
            ids += [found[0] for found in cursor.fetchall()]
    return ids


def insert_rows(objects: Sequence[Model]) -> list[Model]:
    """Insert new (unsaved) objects of one model, setting their primary keys; returns them."""
    if not objects:
        return list(objects)
    model = type(objects[0])
    meta = model._meta
    fields = [f for f in meta.concrete_fields if not f.primary_key]
    ids = insert_values(model, [{f.attname: getattr(obj, f.attname) for f in fields} for obj in objects])
    connection = router.db_for_write(model)
    assert meta.pk is not None
    for obj, pk_value in zip(objects, ids, strict=True):
        setattr(obj, meta.pk.attname, pk_value)
        obj._state.adding = False
        obj._state.db = connection
    return list(objects)
