"""The job with the real engine and files generated from the declaration: outcomes, XLSX and re-runs."""

from __future__ import annotations

import pytest

from collect.bulkupload import engine, files, tasks
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
