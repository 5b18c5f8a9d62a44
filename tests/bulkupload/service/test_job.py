"""The background job: each outcome, its logs and email; re-runs and failures never leave duplicate or partial logs."""

from __future__ import annotations

import pytest
from django.core import mail

from collect.audit.models import AuditEvent
from collect.bulkupload import engine, tasks
from collect.bulkupload.models import BulkUpload, BulkUploadError, UploadChoice, UploadStatus
from collect.logs import writing
from collect.logs.models import Log, LogStatus
from collect.logs.writing import create_log, save_answers
from tests.bulkupload.service.conftest import complete, make_upload
from tests.bulkupload.service.fakes import file_of

pytestmark = pytest.mark.django_db


def _run(upload, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        tasks.run(upload.pk)
    upload.refresh_from_db()
    return upload


def _emails():
    return [m.extra_headers["X-Collect-Email-Kind"] for m in mail.outbox]


MISSING = [[20, "T", "not_answered", "You must answer this.", False]]
SETUP = [[1, "B", "setup", "You must answer owning organisation.", True]]
BLOCKING = [[3, "D", "setup", "User with the specified email could not be found.", True]]


@pytest.mark.parametrize(
    ("changes", "errors", "status", "email", "pending", "visible"),
    [
        ({}, [], UploadStatus.SUCCESS, "bulk_upload_success", 0, 2),
        ({"beds": None}, MISSING, UploadStatus.CREATED_WITH_ERRORS, "bulk_upload_how_to_fix", 2, 0),
        ({"ecstat1": 5}, [], UploadStatus.WARNINGS_ONLY, "bulk_upload_check_warnings", 2, 0),
        ({}, SETUP, UploadStatus.SETUP_ERRORS, "bulk_upload_setup_errors", 0, 0),
    ],
)
def test_each_outcome_creates_its_logs_and_sends_its_email(
    provider, signed, django_capture_on_commit_callbacks, changes, errors, status, email, pending, visible
):
    rows = [{"answers": complete(signed, provider, tenancycode=f"T{n}", **changes), "errors": errors} for n in range(2)]
    upload = _run(make_upload(provider, signed, file_of(*rows)), django_capture_on_commit_callbacks)
    assert upload.status == status
    assert Log.objects.filter(bulk_upload=upload, status=LogStatus.PENDING).count() == pending
    assert Log.objects.filter(bulk_upload=upload).visible().count() == visible
    assert _emails() == [email]
    assert upload.finished_at is not None


def test_a_successful_upload_has_complete_visible_logs_with_audit_events(
    provider, signed, django_capture_on_commit_callbacks
):
    upload = _run(
        make_upload(provider, signed, file_of({"answers": complete(signed, provider)})),
        django_capture_on_commit_callbacks,
    )
    log = Log.objects.get(bulk_upload=upload)
    assert (log.status, log.status_cache, log.created_via) == (LogStatus.COMPLETED, "", "bulk_upload")
    assert log.owning_organisation_id == signed.pk
    assert log.duplicate_key
    actions = set(AuditEvent.objects.filter(target_type="log", target_id=log.pk).values_list("action", "channel"))
    assert actions == {("create", "bulk_upload"), ("release", "bulk_upload")}
    assert "successfully uploaded 1 logs" in mail.outbox[0].subject


def test_a_rejected_file_keeps_its_messages_and_creates_nothing(provider, signed, django_capture_on_commit_callbacks):
    upload = _run(
        make_upload(provider, signed, file_of(reject=["Wrong template."])), django_capture_on_commit_callbacks
    )
    assert upload.status == UploadStatus.REJECTED
    assert upload.file_errors == ["Wrong template."]
    assert not Log.objects.filter(bulk_upload=upload).exists()
    assert "Wrong template." in mail.outbox[0].body


def test_rows_naming_unusable_users_block_the_upload(provider, signed, django_capture_on_commit_callbacks):
    rows = [{"answers": complete(signed, provider), "errors": [[3, "D", "other", "User must be related.", True]]}]
    upload = _run(make_upload(provider, signed, file_of(*rows)), django_capture_on_commit_callbacks)
    assert upload.status == UploadStatus.BLOCKED
    assert _emails() == ["bulk_upload_blocked"]
    assert not Log.objects.filter(bulk_upload=upload).exists()


def test_rows_duplicating_existing_logs_in_scope_block_the_upload(provider, signed, django_capture_on_commit_callbacks):
    save_answers(create_log(provider).log, complete(signed, provider), provider)
    upload = _run(
        make_upload(provider, signed, file_of({"answers": complete(signed, provider)})),
        django_capture_on_commit_callbacks,
    )
    assert upload.status == UploadStatus.DUPLICATES
    assert _emails() == ["bulk_upload_duplicates"]
    assert BulkUploadError.objects.filter(upload=upload, message="This is a duplicate log.").exists()


def test_running_twice_creates_the_logs_and_errors_once(provider, signed, django_capture_on_commit_callbacks):
    rows = [
        {"answers": complete(signed, provider, beds=None, tenancycode=f"T{n}"), "errors": MISSING} for n in range(3)
    ]
    upload = make_upload(provider, signed, file_of(*rows))
    _run(upload, django_capture_on_commit_callbacks)
    _run(upload, django_capture_on_commit_callbacks)
    assert Log.objects.filter(bulk_upload=upload).count() == 3
    assert BulkUploadError.objects.filter(upload=upload).count() == 3
    assert upload.logs_created == 3


def test_running_again_after_the_logs_were_released_changes_nothing(
    provider, signed, django_capture_on_commit_callbacks
):
    upload = make_upload(provider, signed, file_of({"answers": complete(signed, provider)}))
    _run(upload, django_capture_on_commit_callbacks)
    _run(upload, django_capture_on_commit_callbacks)
    assert Log.objects.filter(bulk_upload=upload).count() == 1
    assert len(mail.outbox) == 1


@pytest.mark.parametrize("where", ["check", "errors", "logs", "audit"])
def test_a_failure_part_way_leaves_nothing_half_written(
    provider, signed, django_capture_on_commit_callbacks, monkeypatch, where
):
    rows = [
        {"answers": complete(signed, provider, beds=None, tenancycode=f"T{n}"), "errors": MISSING} for n in range(3)
    ]
    upload = make_upload(provider, signed, file_of(*rows))
    _run(upload, django_capture_on_commit_callbacks)  # an earlier complete run: its logs must go too

    def boom(*args, **kwargs):
        if where != "audit" or args[1] == "create":
            raise RuntimeError("killed")

    target = {
        "check": (engine, "check_file"),
        "errors": (tasks, "error_rows"),
        "logs": (writing, "write_pending_logs"),
        "audit": (writing, "_events"),
    }[where]
    monkeypatch.setattr(*target, boom)
    mail.outbox.clear()
    upload = _run(upload, django_capture_on_commit_callbacks)
    assert upload.status == UploadStatus.PROCESSING_ERROR
    assert not Log.objects.filter(bulk_upload=upload).exists()
    assert not BulkUploadError.objects.filter(upload=upload).exists()
    assert _emails() == ["bulk_upload_failed"]
    monkeypatch.undo()
    fake = __import__("tests.bulkupload.service.fakes", fromlist=["check_file"])
    monkeypatch.setattr(engine, "check_file", fake.check_file)
    upload = _run(upload, django_capture_on_commit_callbacks)
    assert upload.status == UploadStatus.CREATED_WITH_ERRORS
    assert Log.objects.filter(bulk_upload=upload).count() == 3


def test_progress_is_written_as_rows_are_checked(provider, signed, django_capture_on_commit_callbacks, monkeypatch):
    monkeypatch.setattr(tasks, "PROGRESS_EVERY", 2)
    written = []
    fake_check = engine.check_file

    def watching(*args, progress, **kwargs):
        def spy(done, total):
            progress(done, total)
            written.append(BulkUpload.objects.values_list("rows_checked", "total_rows").get())

        return fake_check(*args, progress=spy, **kwargs)

    monkeypatch.setattr(engine, "check_file", watching)
    rows = [{"answers": complete(signed, provider, tenancycode=f"T{n}")} for n in range(5)]
    upload = _run(make_upload(provider, signed, file_of(*rows)), django_capture_on_commit_callbacks)
    assert written == [(0, 0), (2, 5), (2, 5), (4, 5), (5, 5)]
    assert (upload.rows_checked, upload.total_rows) == (5, 5)


def test_a_corrected_file_replaces_the_pending_logs_of_the_upload_it_corrects(
    provider, signed, django_capture_on_commit_callbacks
):
    rows = [{"answers": complete(signed, provider, beds=None), "errors": MISSING}]
    first = _run(make_upload(provider, signed, file_of(*rows)), django_capture_on_commit_callbacks)
    first.choice = UploadChoice.UPLOAD_AGAIN
    first.save()
    assert Log.objects.filter(bulk_upload=first).count() == 1
    second = _run(
        make_upload(provider, signed, file_of({"answers": complete(signed, provider)}), replaces=first),
        django_capture_on_commit_callbacks,
    )
    first.refresh_from_db()
    assert second.status == UploadStatus.SUCCESS
    assert first.choice == UploadChoice.REPLACED
    assert not Log.objects.filter(bulk_upload=first).exists()
    assert AuditEvent.objects.filter(action="discard", channel="bulk_upload").count() == 1
