"""Who may delete logs and review duplicate sets (platform.md §1.3), and which logs' years are open."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from collect.accounts.models import Role
from collect.logs import policy
from collect.logs.models import Log, LogKind
from collect.logs.writing import create_log, delete_logs, save_answers
from collect.organisations.actions import accept_data_sharing_agreement
from collect.standards.lettings.y2026 import examples


@pytest.fixture(autouse=True)
def signed(organisation, coordinator):
    coordinator.is_dpo = True
    coordinator.save()
    accept_data_sharing_agreement(coordinator, organisation)


def _log(creator, assigned, organisation, **changes):
    log = create_log(creator).log
    answers = {
        **examples.GENERAL_NEEDS,
        "owning_organisation_id": organisation.pk,
        "managing_organisation_id": organisation.pk,
        "assigned_to_id": assigned.pk,
        **changes,
    }
    save_answers(log, answers, creator)
    log.refresh_from_db()
    return log


@pytest.mark.parametrize(
    ("who", "assigned_to_them", "allowed"),
    [
        ("provider", True, True),
        ("provider", False, False),
        ("coordinator", False, True),
        ("support", False, True),
    ],
)
def test_who_may_delete_a_log(request, organisation, coordinator, who, assigned_to_them, allowed):
    person = request.getfixturevalue(who)
    log = _log(coordinator, person if assigned_to_them else coordinator, organisation)
    assert policy.can_delete(person, log) is allowed


def test_nobody_deletes_a_log_of_a_year_closed_for_changes(support, coordinator, organisation):
    log = _log(coordinator, coordinator, organisation)
    assert policy.can_delete(support, log)
    log.startdate = datetime.date(2024, 6, 1)  # 2024/25: changes ended on 1 August 2025
    assert not policy.can_delete(support, log)
    assert not policy.can_delete(coordinator, log)


def test_a_deleted_log_cannot_be_deleted_again(coordinator, organisation):
    log = _log(coordinator, coordinator, organisation)
    delete_logs([log], coordinator)
    log.refresh_from_db()
    assert not policy.can_delete(coordinator, log)


def test_in_editable_years_keeps_open_years_and_logs_without_a_date(coordinator, organisation):
    open_log = _log(coordinator, coordinator, organisation)
    undated = create_log(coordinator).log
    closed = _log(coordinator, coordinator, organisation, tenancycode="OLD")
    Log.objects.filter(pk=closed.pk).update(startdate=datetime.date(2024, 6, 1))
    found = set(policy.in_editable_years(Log.objects.all(), datetime.date(2026, 11, 21)))
    assert found == {open_log, undated}


def test_a_provider_reviews_only_sets_holding_a_log_assigned_to_them(
    provider, coordinator, support, organisation, make_user
):
    colleague = make_user(Role.DATA_PROVIDER, organisation)
    theirs = [
        _log(coordinator, provider, organisation, tenancycode="A"),
        _log(coordinator, colleague, organisation, tenancycode="A"),
    ]
    others = [_log(coordinator, colleague, organisation, tenancycode="B") for _ in range(2)]
    assert policy.duplicate_sets_for(provider, "lettings") == [theirs[0].duplicate_key]
    assert policy.duplicate_sets_for(coordinator, "lettings") == [theirs[0].duplicate_key, others[0].duplicate_key]
    assert len(policy.duplicate_sets_for(support, "lettings")) == 2
    assert policy.can_review_duplicates(provider, theirs)
    assert not policy.can_review_duplicates(provider, others)
    assert policy.can_review_duplicates(coordinator, others)


def test_duplicate_sets_stay_within_the_scope(stranger, coordinator, organisation):
    for _ in range(2):
        _log(coordinator, coordinator, organisation)
    assert policy.duplicate_sets_for(stranger, "lettings") == []


def test_a_sales_log_belongs_to_its_sale_dates_collection_year(coordinator, monkeypatch):
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: datetime.date(2026, 11, 21))
    sale = create_log(coordinator, LogKind.SALES).log
    assert sale.kind == LogKind.SALES
    assert policy.collection_year(sale) == 2026  # no sale date yet: its declaration's year
    Log.objects.filter(pk=sale.pk).update(saledate=datetime.date(2025, 3, 1))
    sale.refresh_from_db()
    assert policy.collection_year(sale) == 2024
    assert not policy.is_editable(sale)  # 2024/25 closed for changes on 1 August 2025: read-only
    assert set(policy.in_editable_years(Log.objects.filter(pk=sale.pk), datetime.date(2026, 11, 21))) == set()
    Log.objects.filter(pk=sale.pk).update(saledate=datetime.date(2026, 10, 5))
    sale.refresh_from_db()
    assert policy.is_editable(sale)
