"""Logs as tables: the columns a collection year declares (collect.rulebook.downloads), a batch of logs at a time.

Every log download (CSV, Parquet) and the statistics export read logs through `log_frames`: the logs are read in
batches by collect.exports.reading (no Python object per log), the record facts are looked up per batch in small
tables read once (users, organisations, the logs' schemes and locations), and each declared column becomes one
vectorised expression, precomputed once from the declaration (option labels, code lists, local authority names).
Memory stays flat however many logs there are: one batch at a time.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

import polars as pl
from django.db.models import QuerySet

from collect.accounts.models import User
from collect.exports import reading
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

BATCH = 2_500  # logs read at a time: polars' JSON reader needs ~10 times a batch's text; peak memory ~215 MB
TIME_ZONE = "Europe/London"


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
    dates: frozenset[str] = frozenset()  # the answers that are dates

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
    dates = frozenset(q.id for q in year.questions().values() if q.kind is QuestionKind.DATE)
    return Plan(year, columns, variant, labels, authorities, users, organisations, dates)


# Record facts that hold only ids, codes, numbers, dates or names from reference data: never typed in by anyone.
_CODED_FACTS = frozenset(
    {
        "id",
        "status",
        "duplicate_set_id",
        "created_at",
        "updated_at",
        "deleted_at",
        "created_by_id",
        "assigned_to_id",
        "updated_by_id",
        "is_dpo",
        "creation_method",
        "collection_start_year",
        "bulk_upload_id",
        "owning_organisation_id",
        "managing_organisation_id",
        "owning_organisation_provider_type",
        "scheme_created_at",
        "scheme_confidential",
        "scheme_type",
        "scheme_registered_under_care_act",
        "scheme_primary_client_group",
        "scheme_has_other_client_group",
        "scheme_secondary_client_group",
        "scheme_support_type",
        "scheme_intended_stay",
        "location_units",
        "location_type_of_unit",
        "location_mobility_type",
        "location_local_authority",
        "location_startdate",
    }
)
_CODED_KINDS = frozenset(
    {
        QuestionKind.RADIO,
        QuestionKind.CHECKBOX,
        QuestionKind.SELECT,
        QuestionKind.NUMERIC,
        QuestionKind.DATE,
        QuestionKind.POSTCODE,
        QuestionKind.ADDRESS,
        QuestionKind.INTERRUPTION,
    }
)


def free_text_columns(the_plan: Plan) -> set[str]:
    """The columns whose values someone may have typed (so a spreadsheet could read one as a formula).

    Every other column holds codes, numbers, dates, declared labels or reference data: an answer to a question that
    offers options or checks its answer's form, a checkbox option, a local authority's name, a coded record fact.
    An answer the collection year does not ask as a question (a derived variable) counts as free text.
    """
    questions = the_plan.year.questions()
    found = set()
    for column in the_plan.columns:
        value = column.value
        if isinstance(value, Answer | Recoded):
            question = questions.get(value.key)
            coded = value.key in the_plan.option_labels or (question is not None and question.kind in _CODED_KINDS)
            if not coded:
                found.add(column.name)
        elif isinstance(value, Record) and value.key not in _CODED_FACTS:
            found.add(column.name)
    return found


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def log_frames(logs: QuerySet[Log], the_plan: Plan, *, size: int = BATCH) -> Iterator[pl.DataFrame]:
    """The declared columns of these logs, as string columns named as declared, one batch at a time."""
    keys = the_plan.answer_keys
    expressions = [_expression(column, the_plan).alias(column.name) for column in the_plan.columns]
    wanted = the_plan.records
    schemes = _scheme_lookups(logs, {n for n in wanted if n.startswith(("scheme_", "location_"))}, the_plan)
    updated_by = bool(wanted & {"updated_by", "updated_by_id"})
    for batch in reading.batches(logs, keys, size, updated_by=updated_by):
        facts = _record_facts(batch, the_plan, schemes)
        yield batch.with_columns(**facts).select(expressions)


def _timestamps(values: pl.Series) -> pl.Series:
    return values.dt.convert_time_zone(TIME_ZONE).dt.to_string("%Y-%m-%dT%H:%M:%S%:z")


def _lookup(ids: pl.Series, mapping: Mapping[Any, Any]) -> pl.Series:
    if not mapping:
        return pl.Series([None] * len(ids), dtype=pl.String)
    return ids.replace_strict(mapping, default=None, return_dtype=pl.String)


def _record_facts(batch: pl.DataFrame, the_plan: Plan, schemes: Mapping[str, dict[int, str]]) -> dict[str, pl.Series]:
    """The record facts the columns read, as string columns named "r.<fact>"."""
    wanted = the_plan.records
    users, organisations = the_plan.users, the_plan.organisations

    def ids(name: str) -> pl.Series:
        return batch.get_column(f"r.{name}")

    def text(name: str) -> pl.Series:
        return ids(name).cast(pl.String)

    simple = {
        "id": lambda: text("pk"),
        "status": lambda: ids("status"),
        "duplicate_set_id": lambda: ids("duplicate_key").replace("", None),
        "created_at": lambda: _timestamps(ids("created_at")),
        "updated_at": lambda: _timestamps(ids("updated_at")),
        "deleted_at": lambda: _timestamps(ids("deleted_at")),
        "creation_method": lambda: ids("created_via"),
        "collection_start_year": lambda: pl.repeat(str(the_plan.year.start_year), batch.height, eager=True),
        "bulk_upload_id": lambda: text("bulk_upload_id"),
        "created_by_id": lambda: text("created_by_id"),
        "assigned_to_id": lambda: text("assigned_to_id"),
        "updated_by_id": lambda: text("updated_by_id"),
        "created_by": lambda: _lookup(ids("created_by_id"), {k: v[0] for k, v in users.items()}),
        "assigned_to": lambda: _lookup(ids("assigned_to_id"), {k: v[0] for k, v in users.items()}),
        "updated_by": lambda: _lookup(ids("updated_by_id"), {k: v[0] for k, v in users.items()}),
        "is_dpo": lambda: _lookup(ids("assigned_to_id"), {k: _text(v[1]) for k, v in users.items()}),
        "owning_organisation_id": lambda: text("owning_organisation_id"),
        "managing_organisation_id": lambda: text("managing_organisation_id"),
        "owning_organisation_name": lambda: _lookup(
            ids("owning_organisation_id"), {k: v[0] for k, v in organisations.items()}
        ),
        "managing_organisation_name": lambda: _lookup(
            ids("managing_organisation_id"), {k: v[0] for k, v in organisations.items()}
        ),
        "owning_organisation_provider_type": lambda: _lookup(
            ids("owning_organisation_id"), {k: str(v[1]) for k, v in organisations.items()}
        ),
        "owning_organisation_housing_registration_no": lambda: _lookup(
            ids("owning_organisation_id"), {k: v[2] for k, v in organisations.items() if v[2]}
        ),
        "managing_organisation_housing_registration_no": lambda: _lookup(
            ids("managing_organisation_id"), {k: v[2] for k, v in organisations.items() if v[2]}
        ),
    }
    facts = {f"r.{name}": simple[name]() for name in wanted & simple.keys()}
    for fact, by_id in schemes.items():
        facts[f"r.{fact}"] = _lookup(ids("scheme_id" if fact.startswith("scheme_") else "location_id"), by_id)
    return facts


def _scheme_lookups(logs: QuerySet[Log], wanted: set[str], the_plan: Plan) -> dict[str, dict[int, str]]:
    """Each scheme and location fact the columns read, by the id of the logs' schemes and locations, as text."""
    if not wanted:
        return {}
    codes = the_plan.variant is not Variant.LABELS
    schemes = Scheme.objects.filter(pk__in=logs.order_by().values("scheme_id")).select_related("owning_organisation")
    locations = Location.objects.filter(pk__in=logs.order_by().values("location_id"))

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

    found: dict[str, dict[int, str]] = {fact: {} for fact in wanted}
    scheme_facts = [fact for fact in wanted if fact.startswith("scheme_")]
    location_facts = [fact for fact in wanted if not fact.startswith("scheme_")]
    for scheme in schemes.iterator() if scheme_facts else ():
        for fact in scheme_facts:
            value = scheme_value(scheme, fact)
            if value not in (None, ""):
                found[fact][scheme.pk] = str(value)
    for location in locations.iterator() if location_facts else ():
        for fact in location_facts:
            value = location_value(location, fact)
            if value not in (None, ""):
                found[fact][location.pk] = str(value)
    return found


def export_date(answer: pl.Expr) -> pl.Expr:
    """A date answer as the statistics export writes dates: midnight, London time, with its offset.

    Such as 2026-04-03T00:00:00+01:00 (summer time) or 2026-01-05T00:00:00+00:00.
    """
    day = answer.str.slice(0, 10).str.to_date("%Y-%m-%d", strict=False)
    midnight = day.cast(pl.Datetime("us")).dt.replace_time_zone(TIME_ZONE, ambiguous="earliest", non_existent="null")
    return midnight.dt.to_string("%Y-%m-%dT%H:%M:%S%:z")


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
        if variant is Variant.EXPORT and value.key in the_plan.dates:
            return export_date(answer)
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
