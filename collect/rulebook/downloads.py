"""What a collection year's logs look like outside the service: the CSV download's columns and the XML export's fields.

Each column set is declared by the collection year, in order, with each column's name, its definition (the first
row of the CSV) and where its value comes from (`Value`). The service's exporters read only these declarations, so
a new collection year with new or renamed columns needs no new exporter code.

Where a value comes from:
- `Answer`: an answer (or derived variable); the labels variant shows its option's label, the codes variant its code.
  `labels=False` keeps the code in both (the national service's `la` and `prevloc`).
- `AuthorityName`: the name of the local authority whose code is an answer (`la_label`).
- `Record`: a fact of the log's record the service keeps outside the answers (`RECORD_FACTS`), optionally shown
  through declared codes or labels (the status as the statistics export's number).
- `DatePart`, `PostcodePart`: part of a date or postcode answer (sales `day`, `pcode1`).
- `Recoded`: an answer shown through another code list (lettings `renttype_detail`); labels as `Answer`.
- `NotCollected`: a column of the national file that this service does not hold (always empty), with the reason.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

# The facts of a log's record, besides its answers, that the service supplies to a `Record` value.
RECORD_FACTS = frozenset(
    {
        "id",
        "status",
        "duplicate_set_id",
        "created_at",
        "updated_at",
        "deleted_at",
        "created_by",
        "created_by_id",
        "assigned_to",
        "assigned_to_id",
        "is_dpo",
        "updated_by",
        "updated_by_id",
        "creation_method",
        "collection_start_year",
        "bulk_upload_id",
        "owning_organisation_id",
        "owning_organisation_name",
        "owning_organisation_provider_type",
        "owning_organisation_housing_registration_no",
        "managing_organisation_id",
        "managing_organisation_name",
        "managing_organisation_housing_registration_no",
        "scheme_code",
        "scheme_service_name",
        "scheme_confidential",
        "scheme_type",
        "scheme_registered_under_care_act",
        "scheme_owning_organisation_name",
        "scheme_primary_client_group",
        "scheme_has_other_client_group",
        "scheme_secondary_client_group",
        "scheme_support_type",
        "scheme_intended_stay",
        "scheme_created_at",
        "location_code",
        "location_postcode",
        "location_name",
        "location_units",
        "location_type_of_unit",
        "location_mobility_type",
        "location_local_authority",
        "location_startdate",
    }
)


@dataclass(frozen=True)
class Answer:
    """An answer or derived variable, by id."""

    key: str
    labels: bool = True


@dataclass(frozen=True)
class AuthorityName:
    """The name of the local authority whose ONS code is the answer `key`."""

    key: str


@dataclass(frozen=True)
class Record:
    """A fact of the log's record (one of RECORD_FACTS), shown through `codes` or `labels` when they are given."""

    key: str
    codes: Mapping[Any, Any] = field(default_factory=dict)
    labels: Mapping[Any, str] = field(default_factory=dict)


@dataclass(frozen=True)
class DatePart:
    """The day, month or year of a date answer, as a number."""

    key: str
    part: Literal["day", "month", "year"]


@dataclass(frozen=True)
class PostcodePart:
    """The outward (1) or inward (2) part of a postcode answer."""

    key: str
    part: Literal[1, 2]


@dataclass(frozen=True)
class Recoded:
    """An answer shown in the codes variant through another code list; the labels variant shows its label."""

    key: str
    codes: Mapping[Any, Any]


@dataclass(frozen=True)
class NotCollected:
    """A column this service does not hold: always empty."""

    reason: str


Value = Answer | AuthorityName | Record | DatePart | PostcodePart | Recoded | NotCollected


@dataclass(frozen=True)
class Column:
    """One column of a download (or field of the export): its name, definition and where its value comes from."""

    name: str
    definition: str
    value: Value


@dataclass(frozen=True)
class Downloads:
    """A collection year's data out: the CSV column sets and the statistics export's fields."""

    # Every column, in order, for the support role (codes variant allowed) and for everyone else.
    support: tuple[Column, ...]
    non_support: tuple[Column, ...]
    # The statistics export's fields (platform.md §7.2), in order; values are always codes.
    export_fields: tuple[Column, ...] = ()
    # The statistics export's collection name and file prefix, such as "core" or "core_sales".
    export_prefix: str = "core"

    def columns(self, *, support: bool) -> tuple[Column, ...]:
        """The column set of a download for support or for everyone else."""
        return self.support if support else self.non_support


def table(text: str, values: Mapping[str, Value] | None = None, *, key: Any = None) -> tuple[Column, ...]:
    """Columns from lines of `name | definition`; a name's value is `values[name]`, else the answer `key(name)`.

    `key` turns a column name into an answer id (default: the name itself).
    """
    found = values or {}
    columns = []
    for line in text.strip().splitlines():
        name, _, definition = (part.strip() for part in line.partition("|"))
        columns.append(Column(name, definition, found.get(name) or Answer(key(name) if key else name)))
    return tuple(columns)


def answer_keys(columns: tuple[Column, ...]) -> set[str]:
    """The answer ids a column set reads."""
    keys: set[str] = set()
    for column in columns:
        value = column.value
        if isinstance(value, Answer | AuthorityName | DatePart | PostcodePart | Recoded):
            keys.add(value.key)
    return keys
