"""The job with the real engine and files generated from the declaration: outcomes, XLSX and re-runs."""

from __future__ import annotations

import pytest
from django.db import connection, transaction

from collect.bulkupload import checking, engine, files, tasks
from collect.bulkupload.engine import check_file as real_check_file
from collect.bulkupload.engine import mark_existing_duplicates as real_mark_existing_duplicates
from collect.bulkupload.models import BulkUploadError, UploadStatus
from collect.logs.models import Log, LogStatus
from collect.standards.registry import collection
from tests.bulkupload.service.conftest import complete, make_upload

pytestmark = pytest.mark.django_db
LETTINGS = "lettings-2026"


@pytest.fixture(autouse=True)
def real_engine(fake_engine, monkeypatch):
    monkeypatch.setattr(engine, "check_file", real_check_file)
    monkeypatch.setattr(engine, "mark_existing_duplicates", real_mark_existing_duplicates)


def _file(rows, *, xlsx=False):
    table = list(files.table_rows(LETTINGS, rows))
    return files.to_xlsx(table) if xlsx else files.to_csv(table, bom=True)


def _cells(organisation, user, **changes):
    return files.cells_for(LETTINGS, complete(organisation, user, **changes), {3: user.email})


def _run(upload, capture):
    with capture(execute=True):
        tasks.run(upload.pk)
    upload.refresh_from_db()
    return upload


@pytest.mark.parametrize("xlsx", [False, True])
def test_a_valid_file_creates_complete_logs(provider, signed, django_capture_on_commit_callbacks, xlsx):
    rows = [_cells(signed, provider, tenancycode=f"T{n}") for n in range(3)]
    name = "logs.xlsx" if xlsx else "logs.csv"
    upload = _run(
        make_upload(provider, signed, _file(rows, xlsx=xlsx), filename=name), django_capture_on_commit_callbacks
    )
    assert list(BulkUploadError.objects.filter(upload=upload).values_list("cell", "message")) == []
    assert upload.status == UploadStatus.SUCCESS
    assert (upload.total_rows, upload.rows_checked, upload.logs_created) == (3, 3, 3)
    logs = Log.objects.filter(bulk_upload=upload)
    assert set(logs.values_list("status", flat=True)) == {LogStatus.COMPLETED}
    assert sorted(logs.values_list("tenancycode", flat=True)) == ["T0", "T1", "T2"]
    assert all(log.duplicate_key for log in logs)


def test_a_second_upload_of_the_same_file_duplicates_the_logs_now_in_scope(
    provider, signed, django_capture_on_commit_callbacks
):
    data = _file([_cells(signed, provider)])
    _run(make_upload(provider, signed, data), django_capture_on_commit_callbacks)
    again = _run(make_upload(provider, signed, data), django_capture_on_commit_callbacks)
    assert again.status == UploadStatus.DUPLICATES
    assert BulkUploadError.objects.filter(upload=again, message="This is a duplicate log.").exists()


def test_an_unknown_assigned_user_blocks_the_upload(provider, signed, django_capture_on_commit_callbacks):
    cells = _cells(signed, provider)
    cells[3] = "nobody@example.com"
    upload = _run(make_upload(provider, signed, _file([cells])), django_capture_on_commit_callbacks)
    assert upload.status in (UploadStatus.SETUP_ERRORS, UploadStatus.BLOCKED)
    errors = BulkUploadError.objects.filter(upload=upload)
    assert "User with the specified email could not be found." in set(errors.values_list("message", flat=True))
    assert not Log.objects.filter(bulk_upload=upload).exists()


def test_a_sales_file_is_rejected_as_the_wrong_template(provider, signed, django_capture_on_commit_callbacks):
    upload = _run(make_upload(provider, signed, b"not,a,template\r\n1,2,3\r\n"), django_capture_on_commit_callbacks)
    assert upload.status == UploadStatus.REJECTED
    assert upload.file_errors


def test_missing_answers_create_pending_logs_once_however_often_the_job_runs(
    provider, signed, django_capture_on_commit_callbacks
):
    cells = _cells(signed, provider)
    (bedrooms,) = collection(LETTINGS).bulk_template.cells_of_answer["beds"]
    cells.pop(bedrooms)
    upload = make_upload(provider, signed, _file([cells, _cells(signed, provider, tenancycode="T9")]))
    for _ in range(2):
        upload = _run(upload, django_capture_on_commit_callbacks)
    assert upload.status == UploadStatus.CREATED_WITH_ERRORS, list(
        BulkUploadError.objects.values_list("cell", "message")
    )
    assert Log.objects.filter(bulk_upload=upload, status=LogStatus.PENDING).count() == 2
    assert BulkUploadError.objects.filter(upload=upload, category="not_answered").exists()


def test_a_blocked_file_keeps_no_logs_written_before_the_row_that_blocks_it(
    provider, signed, django_capture_on_commit_callbacks, monkeypatch
):
    monkeypatch.setattr(checking, "ROWS_PER_TASK", 2)  # logs are written two rows at a time
    blocking = _cells(signed, provider, tenancycode="T4")
    blocking[3] = "nobody@example.com"
    rows = [*(_cells(signed, provider, tenancycode=f"T{n}") for n in range(4)), blocking]
    upload = _run(make_upload(provider, signed, _file(rows)), django_capture_on_commit_callbacks)
    assert upload.status in (UploadStatus.SETUP_ERRORS, UploadStatus.BLOCKED)
    assert upload.logs_created == 0
    assert not Log.objects.filter(bulk_upload=upload).exists()


def test_processes_are_not_used_where_they_could_not_see_the_data(settings):
    settings.COLLECT_BULK_PROCESSES = 4
    assert tasks.checking_processes() == 1  # the tests' SQLite database is in memory; on PostgreSQL, in a transaction
    with transaction.atomic():
        assert tasks.checking_processes() == 1
    settings.COLLECT_BULK_PROCESSES = 1
    assert tasks.checking_processes() == 1


@pytest.mark.django_db(transaction=True)
def test_rows_checked_in_processes_give_the_same_logs(
    provider, signed, django_capture_on_commit_callbacks, monkeypatch, settings
):
    if connection.vendor == "sqlite":
        pytest.skip("the tests' SQLite database is in memory: processes could not see it (PostgreSQL runs this)")
    monkeypatch.setattr(checking, "FEWEST_ROWS_FOR_PROCESSES", 3)
    monkeypatch.setattr(checking, "ROWS_PER_TASK", 2)
    rows = [_cells(signed, provider, tenancycode=f"T{n}") for n in range(5)]
    rows[2] = _cells(signed, provider, tenancycode="T2", beds=None)
    results = {}
    for processes in (1, 2):
        settings.COLLECT_BULK_PROCESSES = processes
        assert tasks.checking_processes() == processes
        upload = _run(make_upload(provider, signed, _file(rows)), django_capture_on_commit_callbacks)
        assert upload.status == UploadStatus.CREATED_WITH_ERRORS
        logs = Log.objects.filter(bulk_upload=upload).order_by("tenancycode")  # processes insert side by side
        errors = BulkUploadError.objects.filter(upload=upload).order_by("row", "cell")
        results[processes] = (
            [(log.tenancycode, log.status_cache, log.answers, log.derived, log.duplicate_key) for log in logs],
            list(errors.values_list("row", "cell", "message")),
        )
        Log.objects.filter(bulk_upload=upload).delete()
    assert results[1] == results[2]
    assert len(results[2][0]) == 5
