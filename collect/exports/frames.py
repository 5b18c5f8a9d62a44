"""Logs as tables: the columns a collection year declares (collect.rulebook.downloads), a batch of logs at a time.

Every log download (CSV, Parquet) and the statistics export read logs through `log_frames`: the logs are read with a
server-side cursor in batches, each batch's answers are decoded from their JSON text by polars (not one Python object
per log), and each declared column becomes one vectorised expression, precomputed once from the declaration (option
labels, code lists, local authority names). Memory stays flat however many logs there are: one batch at a time.
"""

from __future__ import annotations

import io
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

import polars as pl
from django.db.models import Max, QuerySet, TextField
from django.db.models.functions import Cast

from collect.accounts.models import User
from collect.audit.models import AuditEvent
from collect.logs.models import Log
from collect.organisations.models import Organisation
from collect.refdata.models import LocalAuthority
from collect.rulebook import CollectionYear, QuestionKind
from collect.rulebook.downloads import (
    Answer,
    AuthorityName,
    Column,
    DatePart,
    NotCollected,
    PostcodePart,
    Recoded,
    Record,
    answer_keys,
)
from collect.schemes.models import Location, Scheme

BATCH = 20_000
TIME_ZONE = "Europe/London"
# The log's own columns read with its answers, in this order.
LOG_FIELDS = (
    "pk",
    "status",
    "duplicate_key",
    "created_at",
    "updated_at",
    "deleted_at",
    "created_via",
    "bulk_upload_id",
    "owning_organisation_id",
    "managing_organisation_id",
    "assigned_to_id",
    "created_by_id",
    "scheme_id",
    "location_id",
)


class Variant(StrEnum):
    """How values are written: answers' labels (people), or codes (support, analysts, the statistics export)."""

    LABELS = "labels"
    CODES = "codes"
    EXPORT = "export"  # codes, with booleans as true/false as the statistics system reads them


@dataclass(frozen=True)
class Plan:
    """What the columns of a collection year need, worked out once per download: labels, names, lookups."""

    year: CollectionYear
    columns: tuple[Column, ...]
    variant: Variant
    option_labels: dict[str, dict[str, str]] = field(default_factory=dict)
    authorities: dict[str, str] = field(default_factory=dict)
    users: dict[int, tuple[str, bool]] = field(default_factory=dict)
    organisations: dict[int, tuple[str, int, str]] = field(default_factory=dict)

    @property
    def answer_keys(self) -> list[str]:
        """The answers the columns read."""
        return sorted(answer_keys(self.columns))

    @property
    def records(self) -> set[str]:
        """The record facts the columns read."""
        return {c.value.key for c in self.columns if isinstance(c.value, Record)}


def plan(year: CollectionYear, columns: tuple[Column, ...], variant: Variant) -> Plan:
    """The precomputed lookups for writing these columns of this collection year."""
    labels: dict[str, dict[str, str]] = {}
    for question in year.questions().values():
        if question.kind is QuestionKind.CHECKBOX:
            for option in question.options:
                labels[str(option.code)] = {"1": "Yes", "0": "No"}
        elif question.options:
            labels[question.id] = {_text(o.code): o.label for o in question.options}
    authorities = dict(LocalAuthority.objects.values_list("code", "name"))
    users = {pk: (email, is_dpo) for pk, email, is_dpo in User.objects.values_list("pk", "email", "is_dpo")}
    organisations = {
        pk: (name, provider_type, registration)
        for pk, name, provider_type, registration in Organisation.objects.values_list(
            "pk", "name", "provider_type", "housing_registration_no"
        )
    }
    return Plan(year, columns, variant, labels, authorities, users, organisations)


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _rows(logs: QuerySet[Log], size: int) -> Iterator[list[tuple[Any, ...]]]:
    """The logs' own columns and answers' JSON text, a batch at a time, in id order (a server-side cursor)."""
    found = logs.order_by("pk").annotate(answers_text=Cast("answers", output_field=TextField()))
    batch: list[tuple[Any, ...]] = []
    for row in found.values_list(*LOG_FIELDS, "answers_text").iterator(chunk_size=size):
        batch.append(row)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def log_frames(logs: QuerySet[Log], the_plan: Plan, *, size: int = BATCH) -> Iterator[pl.DataFrame]:
    """The declared columns of these logs, as string columns named as declared, one batch at a time."""
    keys = the_plan.answer_keys
    schema = dict.fromkeys(keys, pl.String)
    expressions = [_expression(column, the_plan).alias(column.name) for column in the_plan.columns]
    for batch in _rows(logs, size):
        values = list(zip(*batch, strict=True))
        base = _record_frame(values, the_plan)
        answers = _answers(values[len(LOG_FIELDS)], schema) if keys else pl.DataFrame()
        answers = answers.rename({key: f"a.{key}" for key in keys})
        yield pl.concat([base, answers], how="horizontal").select(expressions)


def _answers(texts: tuple[str, ...], schema: dict[str, Any]) -> pl.DataFrame:
    """The answers of a batch as text columns: read as newline-delimited JSON (polars' fast parallel reader)."""
    lines = "\n".join(texts).encode()
    return pl.read_ndjson(io.BytesIO(lines), schema=schema)


def _timestamps(values: tuple[Any, ...]) -> pl.Series:
    series = pl.Series(values, dtype=pl.Datetime("us", "UTC"))
    return series.dt.convert_time_zone(TIME_ZONE).dt.to_string("%Y-%m-%dT%H:%M:%S%:z")


def _lookup(ids: pl.Series, mapping: Mapping[Any, Any]) -> pl.Series:
    if not mapping:
        return pl.Series([None] * len(ids), dtype=pl.String)
    return ids.replace_strict(mapping, default=None, return_dtype=pl.String)


def _record_frame(values: list[tuple[Any, ...]], the_plan: Plan) -> pl.DataFrame:
    """The record facts the columns read, as string columns named "r.<fact>"."""
    column = dict(zip(LOG_FIELDS, values, strict=False))
    ids = pl.Series(column["pk"], dtype=pl.Int64)
    facts: dict[str, Any] = {}
    wanted = the_plan.records

    def ints(name: str) -> pl.Series:
        return pl.Series(column[name], dtype=pl.Int64)

    users, organisations = the_plan.users, the_plan.organisations
    simple = {
        "id": lambda: ids.cast(pl.String),
        "status": lambda: pl.Series(column["status"], dtype=pl.String),
        "duplicate_set_id": lambda: pl.Series(column["duplicate_key"], dtype=pl.String).replace("", None),
        "created_at": lambda: _timestamps(column["created_at"]),
        "updated_at": lambda: _timestamps(column["updated_at"]),
        "deleted_at": lambda: _timestamps(column["deleted_at"]),
        "creation_method": lambda: pl.Series(column["created_via"], dtype=pl.String),
        "collection_start_year": lambda: pl.Series([str(the_plan.year.start_year)] * len(ids), dtype=pl.String),
        "bulk_upload_id": lambda: ints("bulk_upload_id").cast(pl.String),
        "created_by_id": lambda: ints("created_by_id").cast(pl.String),
        "assigned_to_id": lambda: ints("assigned_to_id").cast(pl.String),
        "created_by": lambda: _lookup(ints("created_by_id"), {k: v[0] for k, v in users.items()}),
        "assigned_to": lambda: _lookup(ints("assigned_to_id"), {k: v[0] for k, v in users.items()}),
        "is_dpo": lambda: _lookup(ints("assigned_to_id"), {k: _text(v[1]) for k, v in users.items()}),
        "owning_organisation_id": lambda: ints("owning_organisation_id").cast(pl.String),
        "managing_organisation_id": lambda: ints("managing_organisation_id").cast(pl.String),
        "owning_organisation_name": lambda: _lookup(
            ints("owning_organisation_id"), {k: v[0] for k, v in organisations.items()}
        ),
        "managing_organisation_name": lambda: _lookup(
            ints("managing_organisation_id"), {k: v[0] for k, v in organisations.items()}
        ),
        "owning_organisation_provider_type": lambda: _lookup(
            ints("owning_organisation_id"), {k: str(v[1]) for k, v in organisations.items()}
        ),
        "owning_organisation_housing_registration_no": lambda: _lookup(
            ints("owning_organisation_id"), {k: v[2] for k, v in organisations.items() if v[2]}
        ),
        "managing_organisation_housing_registration_no": lambda: _lookup(
            ints("managing_organisation_id"), {k: v[2] for k, v in organisations.items() if v[2]}
        ),
    }
    for name in wanted & simple.keys():
        facts[f"r.{name}"] = simple[name]()
    if wanted & {"updated_by", "updated_by_id"}:
        updaters = _last_updaters(column["pk"])
        by = ids.replace_strict(updaters, default=None, return_dtype=pl.Int64)
        facts["r.updated_by_id"] = by.cast(pl.String)
        facts["r.updated_by"] = _lookup(by, {k: v[0] for k, v in users.items()})
    scheme_facts = {name for name in wanted if name.startswith(("scheme_", "location_"))}
    if scheme_facts:
        facts.update(_scheme_facts(column, scheme_facts, the_plan))
    return pl.DataFrame(facts, height=len(ids))


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


def _scheme_facts(column: Mapping[str, tuple[Any, ...]], wanted: set[str], the_plan: Plan) -> dict[str, pl.Series]:
    """The scheme and location facts of a batch (lettings supported housing), as labels or codes."""
    codes = the_plan.variant is not Variant.LABELS
    scheme_ids = {i for i in column["scheme_id"] if i}
    location_ids = {i for i in column["location_id"] if i}
    schemes = {s.pk: s for s in Scheme.objects.filter(pk__in=scheme_ids).select_related("owning_organisation")}
    locations = {loc.pk: loc for loc in Location.objects.filter(pk__in=location_ids)}

    def shown(item: Any, name: str) -> Any:
        value = getattr(item, name)
        if codes or value in (None, ""):
            return value
        return getattr(item, f"get_{name}_display")()

    def scheme_value(scheme: Scheme, fact: str) -> Any:
        if fact == "scheme_code":
            return scheme.code
        if fact == "scheme_service_name":
            return scheme.service_name
        if fact == "scheme_owning_organisation_name":
            return scheme.owning_organisation.name
        if fact == "scheme_created_at":
            return scheme.created_at.date().isoformat()
        if fact == "scheme_confidential":
            return shown(scheme, "sensitive")
        return shown(scheme, fact.removeprefix("scheme_"))

    def location_value(location: Location, fact: str) -> Any:
        if fact == "location_code":
            return location.code
        if fact == "location_local_authority":
            code = location.local_authority_code
            return code if codes else the_plan.authorities.get(code, code)
        if fact == "location_startdate":
            return location.startdate.isoformat() if location.startdate else None
        if fact in ("location_postcode", "location_name", "location_units"):
            return getattr(location, fact.removeprefix("location_"))
        return shown(location, fact.removeprefix("location_"))

    found: dict[str, pl.Series] = {}
    for fact in wanted:
        if fact.startswith("scheme_"):
            by_id = {pk: scheme_value(s, fact) for pk, s in schemes.items()}
            values = [by_id.get(pk) for pk in column["scheme_id"]]
        else:
            by_loc = {pk: location_value(loc, fact) for pk, loc in locations.items()}
            values = [by_loc.get(pk) for pk in column["location_id"]]
        found[f"r.{fact}"] = pl.Series([None if v in (None, "") else str(v) for v in values], dtype=pl.String)
    return found


def _mapped(expression: pl.Expr, mapping: Mapping[Any, Any], *, keep: bool) -> pl.Expr:
    """Values through a mapping of their text; others kept (`keep`) or emptied."""
    table = {_text(k): _text(v) for k, v in mapping.items()}
    if not table:
        return expression
    return expression.replace_strict(table, default=expression if keep else None, return_dtype=pl.String)


def _booleans(expression: pl.Expr, variant: Variant) -> pl.Expr:
    if variant is Variant.LABELS:
        return expression.replace({"true": "Yes", "false": "No"})
    return expression


def _expression(column: Column, the_plan: Plan) -> pl.Expr:  # noqa: PLR0911 - one return per kind of value
    """One declared column as a polars expression over the batch's "a.<answer>" and "r.<fact>" columns."""
    value, variant = column.value, the_plan.variant
    labels = variant is Variant.LABELS
    if isinstance(value, Answer):
        answer = pl.col(f"a.{value.key}")
        if labels and value.labels and value.key in the_plan.option_labels:
            return _mapped(answer, the_plan.option_labels[value.key], keep=True)
        return _booleans(answer, variant)
    if isinstance(value, Recoded):
        answer = pl.col(f"a.{value.key}")
        if labels:
            return _mapped(answer, the_plan.option_labels.get(value.key, {}), keep=True)
        return _mapped(answer, value.codes, keep=False)
    if isinstance(value, AuthorityName):
        return _mapped(pl.col(f"a.{value.key}"), the_plan.authorities, keep=False)
    if isinstance(value, Record):
        fact = pl.col(f"r.{value.key}")
        shown = value.labels if labels else value.codes
        return _booleans(_mapped(fact, shown, keep=True), variant)
    if isinstance(value, DatePart):
        day = pl.col(f"a.{value.key}").str.slice(0, 10).str.to_date("%Y-%m-%d", strict=False)
        part = {"day": day.dt.day(), "month": day.dt.month(), "year": day.dt.year()}[value.part]
        return part.cast(pl.String)
    if isinstance(value, PostcodePart):
        return pl.col(f"a.{value.key}").str.split(" ").list.get(value.part - 1, null_on_oob=True)
    assert isinstance(value, NotCollected)
    return pl.lit(None, dtype=pl.String)
