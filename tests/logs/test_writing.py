"""The one write path: outcome stored, typed columns, audit, stale writes refused, duplicates found."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest

from collect.audit.models import AuditEvent
from collect.logs import duplicates
from collect.logs.codec import to_json
from collect.logs.models import Log, LogStatus
from collect.logs.writing import (
    StaleLogError,
    collection_for_new_log,
    create_log,
    delete_logs,
    save_answers,
    stored_answers,
)
from collect.organisations.actions import accept_data_sharing_agreement
from collect.refdata.models import LocalAuthority
from collect.standards.lettings.y2026 import examples


@pytest.fixture(autouse=True)
def leeds(db):
    return LocalAuthority.objects.create(code="E08000035", name="Leeds", start_year=2021)


@pytest.fixture(autouse=True)
def signed(organisation, coordinator):
    coordinator.is_dpo = True
    coordinator.save()
    accept_data_sharing_agreement(coordinator, organisation)


def _complete(organisation, user):
    return {
        **examples.GENERAL_NEEDS,
        "owning_organisation_id": organisation.pk,
        "managing_organisation_id": organisation.pk,
        "assigned_to_id": user.pk,
    }


def test_a_new_log_takes_the_collection_open_for_new_logs():
    assert collection_for_new_log("lettings", datetime.date(2026, 11, 21)) == "lettings-2026"


def test_a_complete_log_saved_once_is_completed_with_typed_columns_and_derived_values(provider, organisation):
    log = create_log(provider).log
    result = save_answers(log, _complete(organisation, provider), provider)
    log.refresh_from_db()
    assert result.outcome.errors == []
    assert log.status == LogStatus.COMPLETED
    assert log.startdate == datetime.date(2026, 10, 5)
    assert (log.tenancycode, log.propcode, log.postcode_full, log.needstype) == ("T123", "P456", "LS1 1AA", 1)
    assert log.derived["lettype"] == 1
    assert stored_answers(log)["brent"] == examples.GENERAL_NEEDS["brent"]
    assert log.version == 2  # created, then saved


def test_amounts_come_back_exactly_and_dates_as_dates(provider, organisation):
    log = create_log(provider).log
    save_answers(log, {**_complete(organisation, provider), "brent": Decimal("123.45")}, provider)
    log = Log.objects.get(pk=log.pk)
    assert log.answers["brent"] == Decimal("123.45")
    assert stored_answers(log)["startdate"] == datetime.date(2026, 10, 5)
    assert to_json({"x": Decimal("0.1") / 3})["x"] == str(Decimal("0.1") / 3)  # not exact as a float: kept as text


def test_a_later_save_audits_only_what_changed_when_amounts_are_not_round(provider, organisation):
    log = create_log(provider).log
    save_answers(log, {**_complete(organisation, provider), "brent": Decimal("123.45")}, provider)
    log = Log.objects.get(pk=log.pk)  # amounts read back from the database as Decimals
    result = save_answers(log, {"tenancycode": "T999"}, provider)
    assert set(result.changes) == {"tenancycode"}
    event = AuditEvent.objects.filter(target_type="log", target_id=log.pk).latest("pk")
    assert set(event.changes) == {"tenancycode"}


def test_every_save_is_audited_with_the_channel(provider, organisation):
    log = create_log(provider).log
    save_answers(log, {"needstype": 1}, provider)
    actions = list(AuditEvent.objects.filter(target_type="log", target_id=log.pk).values_list("action", "channel"))
    assert ("create", "web") in actions
    assert ("update", "web") in actions


def test_a_save_based_on_an_older_version_is_refused_and_changes_nothing(provider, organisation):
    log = create_log(provider).log
    seen = log.version
    save_answers(log, {"needstype": 1}, provider, expected_version=seen)
    with pytest.raises(StaleLogError):
        save_answers(log, {"needstype": 2}, provider, expected_version=seen)
    log.refresh_from_db()
    assert log.answers["needstype"] == 1


def test_a_bad_answer_is_kept_with_its_error_and_never_loses_what_was_saved(provider, organisation):
    log = create_log(provider).log
    save_answers(log, {"needstype": 1, "startdate": datetime.date(2026, 10, 5)}, provider)
    result = save_answers(log, {"brent": "lots"}, provider)
    log.refresh_from_db()
    assert log.answers["needstype"] == 1
    assert log.answers["startdate"] == "2026-10-05"
    assert log.status == LogStatus.IN_PROGRESS
    assert result.outcome.status != "completed"


def test_two_logs_with_the_same_duplicate_answers_share_a_key(provider, organisation):
    first = create_log(provider).log
    second = create_log(provider).log
    save_answers(first, _complete(organisation, provider), provider)
    save_answers(second, _complete(organisation, provider), provider)
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.duplicate_key
    assert first.duplicate_key == second.duplicate_key
    in_scope = Log.objects.all()
    assert list(duplicates.duplicates_of(first, in_scope)) == [second]
    assert duplicates.duplicate_sets(in_scope) == [first.duplicate_key]
    save_answers(second, {"tenancycode": "OTHER"}, provider)
    second.refresh_from_db()
    assert second.duplicate_key != first.duplicate_key
    assert duplicates.duplicate_sets(in_scope) == []


def test_an_incomplete_log_has_no_duplicate_key(provider, organisation):
    log = create_log(provider).log
    save_answers(log, {"tenancycode": "T1"}, provider)
    log.refresh_from_db()
    assert log.duplicate_key == ""


def test_deleting_logs_hides_them_clears_their_duplicate_key_and_audits_each(provider, organisation):
    first = create_log(provider).log
    second = create_log(provider).log
    for log in (first, second):
        save_answers(log, _complete(organisation, provider), provider)
    in_scope = Log.objects.all()
    assert duplicates.duplicate_sets(in_scope)
    deleted = delete_logs([first], provider)
    assert [log.pk for log in deleted] == [first.pk]
    first.refresh_from_db()
    assert first.status == LogStatus.DELETED
    assert first.deleted_at is not None
    assert first.duplicate_key == ""
    assert duplicates.duplicate_sets(in_scope) == []  # a set of one is no set
    assert list(Log.objects.visible()) == [second]
    event = AuditEvent.objects.get(target_type="log", target_id=first.pk, action="delete")
    assert event.actor == provider
    assert event.changes["status"] == {"label": "Status", "from": "completed", "to": "deleted"}
    assert delete_logs([first], provider) == []  # deleting again changes nothing
    assert AuditEvent.objects.filter(action="delete").count() == 1
