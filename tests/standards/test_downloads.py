"""The download column sets and export fields of every collection year, against the published column lists."""

from __future__ import annotations

import csv

import pytest
from django.conf import settings

from collect.rulebook.downloads import RECORD_FACTS, Answer, NotCollected, Record, answer_keys
from collect.standards.registry import COLLECTIONS, collection

PUBLISHED = [
    (collection_id, support)
    for collection_id in COLLECTIONS
    for support in (True, False)
    if collection(collection_id).downloads is not None
]


def published(collection_id: str, *, support: bool) -> tuple[list[str], list[str]]:
    """The published definitions row and column names of a collection year's download."""
    year = collection(collection_id)
    name = f"csv_download_{year.kind}_{year.start_year}_columns_{'support' if support else 'non_support'}.csv"
    with (settings.COLLECT_REFDATA_DIR / name).open(encoding="utf-8-sig", newline="") as file:
        definitions, names = list(csv.reader(file))
    return definitions, names


@pytest.mark.parametrize(("collection_id", "support"), PUBLISHED)
def test_the_columns_are_the_published_names_in_the_published_order(collection_id: str, support: bool):
    downloads = collection(collection_id).downloads
    assert downloads is not None
    definitions, names = published(collection_id, support=support)
    columns = downloads.columns(support=support)
    assert [c.name for c in columns] == names
    assert [c.definition for c in columns] == definitions


@pytest.mark.parametrize("collection_id", sorted(COLLECTIONS))
def test_every_column_reads_something_the_declaration_or_the_record_holds(collection_id: str):
    year = collection(collection_id)
    assert year.downloads is not None
    held = {a for q in year.questions().values() for a in q.answer_ids}
    held |= {key for derivation in year.derivations for key in derivation.sets}
    held |= {check.confirm_field for check in year.checks if check.confirm_field}
    for columns in (year.downloads.support, year.downloads.non_support, year.downloads.export_fields):
        assert answer_keys(columns) <= held, sorted(answer_keys(columns) - held)
        records = {c.value.key for c in columns if isinstance(c.value, Record)}
        assert records <= RECORD_FACTS, sorted(records - RECORD_FACTS)


@pytest.mark.parametrize("collection_id", sorted(COLLECTIONS))
def test_the_non_support_set_leaves_out_what_only_support_sees(collection_id: str):
    downloads = collection(collection_id).downloads
    assert downloads is not None
    non_support = {c.name.lower() for c in downloads.non_support}
    # Who created a log is support-only in both kinds (platform.md §7.1).
    assert "created_by" not in non_support
    assert any(c.value == Record("created_by") for c in downloads.support)


def test_columns_not_held_say_why():
    for collection_id in COLLECTIONS:
        downloads = collection(collection_id).downloads
        assert downloads is not None
        for column in (*downloads.support, *downloads.non_support):
            if isinstance(column.value, NotCollected):
                assert column.value.reason.endswith("."), column.name
            elif isinstance(column.value, Answer):
                assert column.value.key
