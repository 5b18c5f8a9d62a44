from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from collect.accounts.models import User
from collect.audit.models import Channel
from collect.demo import answers as varied
from collect.demo.data import load_demo_data
from collect.demo.generation import NoTeamsError, delete_generated, generate_logs, generated, teams
from collect.logs.models import Log, LogStatus
from collect.logs.writing import save_answers
from collect.refdata.models import LocalAuthority
from collect.standards.postcodes import local_authority_code


@pytest.fixture
def demo(db):
    """The demo organisations and users, and the local authorities of the generated addresses."""
    load_demo_data()
    for postcode in varied.POSTCODES:
        code = local_authority_code(postcode)
        LocalAuthority.objects.get_or_create(code=code, defaults={"name": code, "start_year": 2021})


def _snapshot(collection="lettings-2026"):
    return list(
        generated(collection)
        .order_by("pk")
        .values_list("answers", "derived", "status", "error_count", "duplicate_key", "owning_organisation_id")
    )


def test_teams_are_the_signed_stock_owners_with_their_managing_agents_and_users(demo):
    found = {(t.owner.name, t.manager.name): {u.email for u in t.users} for t in teams()}
    assert found == {
        ("Demo City Council", "Demo City Council"): {"coordinator@council.example.com", "provider@council.example.com"},
        ("Demo City Council", "Demo Property Management Ltd"): {
            "coordinator@agent.example.com",
            "provider@agent.example.com",
        },
    }


def test_generated_logs_are_stored_as_the_write_path_stores_them(demo):
    assert generate_logs(80, batch_size=30) == 80
    logs = list(generated("lettings-2026").order_by("pk"))
    assert len(logs) == 80
    statuses = {log.status for log in logs}
    assert {LogStatus.COMPLETED, LogStatus.IN_PROGRESS} <= statuses
    assert all(log.created_via == Channel.SYSTEM and log.version == 1 for log in logs)
    for log in logs[:40]:
        stored = (log.answers, log.derived, log.status, log.error_count, log.duplicate_key, log.tenancycode)
        # Saving the log again with no change through the one write path changes nothing it stores.
        save_answers(log, {}, User.objects.get(pk=log.assigned_to_id))
        log.refresh_from_db()
        assert (log.answers, log.derived, log.status, log.error_count, log.duplicate_key, log.tenancycode) == stored
    complete = [log for log in logs if log.status == LogStatus.COMPLETED]
    assert all(log.duplicate_key and log.startdate and log.postcode_full for log in complete)
    assert all(log.assigned_to.organisation_id == log.managing_organisation_id for log in logs)


def test_the_count_is_a_total_and_the_same_seed_gives_the_same_logs_whatever_the_batches(demo):
    generate_logs(30, batch_size=7)
    first = _snapshot()
    assert generate_logs(30) == 0
    assert _snapshot() == first
    assert generate_logs(45, batch_size=100) == 15
    assert _snapshot()[:30] == first
    everything = _snapshot()
    delete_generated("lettings-2026")
    generate_logs(45, batch_size=45)
    assert _snapshot() == everything
    delete_generated("lettings-2026")
    generate_logs(45, seed=2)
    assert _snapshot() != everything


def test_some_logs_are_duplicates_of_each_other(demo):
    generate_logs(300, complete_share=1)
    keys = list(generated("lettings-2026").values_list("duplicate_key", flat=True))
    assert all(keys)
    assert len(set(keys)) < len(keys)


def test_only_generated_logs_are_replaced(demo, client):
    from tests.conftest import verified_login

    provider = User.objects.get(email="provider@council.example.com")
    verified_login(client, provider)
    client.post("/lettings-logs/create")
    call_command("generate_logs", count=20, jobs=1, stdout=io.StringIO())
    assert Log.objects.count() == 21
    call_command("generate_logs", count=5, replace=True, jobs=1, stdout=io.StringIO())
    assert generated("lettings-2026").count() == 5
    assert Log.objects.exclude(created_via=Channel.SYSTEM).count() == 1


def test_the_command_says_what_it_made(demo, capsys):
    call_command("generate_logs", count=12, jobs=1)
    output = capsys.readouterr().out
    assert "Added 12 logs" in output
    assert "lettings-2026 now has 12 generated logs" in output


def test_without_demo_data_the_command_says_to_load_it(db):
    with pytest.raises(CommandError, match="load_demo_data"):
        call_command("generate_logs", count=5)
    with pytest.raises(NoTeamsError):
        generate_logs(5)


def test_generated_logs_are_refused_in_production(demo, settings):
    settings.ENVIRONMENT = "production"
    with pytest.raises(CommandError):
        call_command("generate_logs", count=5)


def test_worker_processes_make_the_same_logs(demo):
    generate_logs(40, batch_size=7)
    alone = _snapshot()
    delete_generated("lettings-2026")
    generate_logs(40, batch_size=7, jobs=2)
    assert _snapshot() == alone
