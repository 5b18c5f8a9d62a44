"""The statistics export: incremental logic, manifests, part splitting and re-runs."""

from __future__ import annotations

import datetime
import zipfile
from unittest import mock

import pytest
from django.core.files.storage import default_storage
from django.utils import timezone

from collect.exports import statistics
from collect.exports.models import ExportRun, ExportRunStatus
from collect.logs.models import Log
from collect.logs.writing import delete_logs, save_answers


@pytest.fixture(autouse=True)
def _storage(settings, tmp_path):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "files")},
        },
    }


def lettings_target():
    return next(t for t in statistics.targets(timezone.localdate()) if t.collection == "lettings")


def export(full=False):
    return statistics.export_target(lettings_target(), full=full, started_at=timezone.now())


def read(name):
    with default_storage.open(name, "rb") as stored:
        return stored.read().decode()


def forms_in(run):
    with default_storage.open(run.zip_name, "rb") as stored, zipfile.ZipFile(stored) as archive:
        names = sorted(archive.namelist())
        parts = {name: archive.read(name).decode() for name in names}
    return names, parts


def test_a_first_run_sends_every_log_with_a_manifest_and_numbered_parts(lettings_logs):
    run = export()
    assert (run.base_number, run.increment_number, run.full) == (1, 1, True)
    assert run.status == ExportRunStatus.SUCCEEDED
    assert run.records == 3
    assert run.zip_name == "exports/core_2026_2027_apr_mar_f0001_inc0001.zip"
    names, parts = forms_in(run)
    assert names == ["core_2026_2027_apr_mar_f0001_inc0001_pt001.xml", "manifest.xml"]
    assert "<count-of-records>3</count-of-records>" in parts["manifest.xml"]
    xml = parts[names[0]]
    assert xml.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<forms>\n  <form>\n')
    assert xml.count("<form>") == 3
    assert "<tenancycode>=HYPERLINK(1)</tenancycode>" in xml
    assert f"<formid>{lettings_logs[0].pk}</formid>" in xml
    assert "<irproduct/>" in xml
    assert "<la>E08000035</la>" in xml


def test_parts_hold_at_most_ten_thousand_records(lettings_logs, monkeypatch):
    monkeypatch.setattr(statistics, "PART_SIZE", 2)
    names, parts = forms_in(export())
    assert names[:2] == [
        "core_2026_2027_apr_mar_f0001_inc0001_pt001.xml",
        "core_2026_2027_apr_mar_f0001_inc0001_pt002.xml",
    ]
    assert [parts[n].count("<form>") for n in names[:2]] == [2, 1]
    assert "<count-of-records>3</count-of-records>" in parts["manifest.xml"]


def test_the_part_size_is_ten_thousand():
    assert statistics.PART_SIZE == 10_000


def test_an_incremental_run_sends_what_changed_since_the_last_successful_run_including_deleted(
    lettings_logs, coordinator
):
    first = export()
    changed, deleted, unchanged = lettings_logs
    later = first.started_at + datetime.timedelta(minutes=1)
    with mock.patch("django.utils.timezone.now", return_value=later):
        save_answers(changed, {"tenancycode": "NEW"}, coordinator)
        delete_logs([deleted], coordinator)
    second = statistics.export_target(lettings_target(), full=False, started_at=later + datetime.timedelta(minutes=1))
    assert (second.base_number, second.increment_number, second.full) == (1, 2, False)
    assert second.since == first.started_at
    assert second.records == 2
    _names, parts = forms_in(second)
    xml = parts["core_2026_2027_apr_mar_f0001_inc0002_pt001.xml"]
    assert "<tenancycode>NEW</tenancycode>" in xml
    assert f"<formid>{deleted.pk}</formid>" in xml
    assert "<status>4</status>" in xml  # deleted
    assert f"<formid>{unchanged.pk}</formid>" not in xml


def test_nothing_changed_records_an_empty_run_without_a_file(lettings_logs):
    first = export()
    again = statistics.export_target(
        lettings_target(), full=False, started_at=first.started_at + datetime.timedelta(minutes=5)
    )
    assert again.records == 0
    assert again.zip_name == ""
    assert again.status == ExportRunStatus.SUCCEEDED


def test_a_full_run_starts_a_new_base_number_and_leaves_deleted_logs_out(lettings_logs, coordinator):
    export()
    delete_logs([lettings_logs[0]], coordinator)
    full = export(full=True)
    assert (full.base_number, full.increment_number, full.full) == (2, 1, True)
    assert full.records == 2


def test_a_failed_run_is_run_again_with_the_same_numbers_and_no_gap(lettings_logs, monkeypatch):
    first = export()
    boom = mock.Mock(side_effect=RuntimeError("killed"))
    monkeypatch.setattr(statistics, "xml_forms", boom)
    Log.objects.filter(pk=lettings_logs[0].pk).update(updated_at=first.started_at + datetime.timedelta(minutes=1))
    with pytest.raises(RuntimeError):
        statistics.export_target(
            lettings_target(), full=False, started_at=first.started_at + datetime.timedelta(minutes=2)
        )
    failed = ExportRun.objects.get(status=ExportRunStatus.FAILED)
    assert failed.increment_number == 2
    assert not default_storage.exists("exports/core_2026_2027_apr_mar_f0001_inc0002.zip")
    monkeypatch.undo()
    rerun = statistics.export_target(
        lettings_target(), full=False, started_at=first.started_at + datetime.timedelta(minutes=3)
    )
    assert (rerun.base_number, rerun.increment_number) == (1, 2)
    assert rerun.since == first.started_at  # the last SUCCESSFUL run's start: nothing missed
    assert rerun.records == 1


def test_the_master_manifest_lists_each_zip_once_even_after_a_failed_run(lettings_logs, monkeypatch):
    runs = statistics.run_export()
    names = {run.zip_name for run in runs if run.zip_name}
    assert "exports/core_2026_2027_apr_mar_f0001_inc0001.zip" in names
    day = timezone.localdate()
    manifest = f"exports/Manifest_{day:%Y_%m_%d}_0001.csv"
    text = read(manifest)
    assert text.splitlines()[0] == "zip-name,date-time zipped folder generated,zip-file-uri"
    assert "core_2026_2027_apr_mar_f0001_inc0001.zip," in text
    assert all(run.manifest_name == manifest for run in ExportRun.objects.exclude(zip_name=""))
    # A zip stored by a run whose manifest was never written is listed by the next manifest, once.
    lost = ExportRun.objects.filter(collection="lettings").get()
    ExportRun.objects.filter(pk=lost.pk).update(manifest_name="")
    statistics.run_export()
    second = read(f"exports/Manifest_{day:%Y_%m_%d}_0002.csv")
    assert second.count("core_2026_2027_apr_mar_f0001_inc0001.zip,") == 1


def test_users_and_organisations_are_exported(lettings_logs, organisation, coordinator):
    runs = {run.collection: run for run in statistics.run_export()}
    _names, parts = forms_in(runs["users"])
    xml = next(text for name, text in parts.items() if name.endswith("pt001.xml"))
    assert f"<email>{coordinator.email}</email>" in xml
    assert "<role>data_coordinator</role>" in xml
    _names, parts = forms_in(runs["organisations"])
    xml = next(text for name, text in parts.items() if name.endswith("pt001.xml"))
    assert f"<name>{organisation.name}</name>" in xml
    assert "<holds_own_stock>true</holds_own_stock>" in xml


def test_the_nightly_export_is_scheduled_once(settings, db):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    night = statistics.next_night(timezone.now())
    assert night > timezone.now()
    assert timezone.localtime(night).time() == statistics.NIGHTLY_AT
    assert statistics.schedule_nightly() is True
    assert statistics.schedule_nightly() is False  # already waiting
