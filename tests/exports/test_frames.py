"""Logs as the declared columns, in labels and codes."""

from __future__ import annotations

from collect.exports.frames import Variant, log_frames, plan
from collect.logs.models import Log
from collect.standards.registry import collection


def frame_of(logs, *, support: bool, variant: Variant):
    year = collection("lettings-2026")
    assert year.downloads is not None
    the_plan = plan(year, year.downloads.columns(support=support), variant)
    frames = list(log_frames(Log.objects.filter(pk__in=[log.pk for log in logs]), the_plan, size=2))
    assert len(frames) == 2  # batches of 2
    import polars as pl

    return pl.concat(frames)


def test_labels_and_codes(lettings_logs, organisation, coordinator):
    labels = frame_of(lettings_logs, support=False, variant=Variant.LABELS)
    first = labels.row(0, named=True)
    assert first["id"] == str(lettings_logs[0].pk)
    assert first["status"] == lettings_logs[0].get_status_display()
    assert first["tenancycode"] == "=HYPERLINK(1)"
    assert first["needstype"] == "General needs"
    assert first["la_label"] == "Leeds"
    assert first["owning_organisation_name"] == organisation.name
    assert first["assigned_to"] == coordinator.email
    assert first["startdate"] == "2026-10-05"
    assert first["creation_method"] == "single log"
    codes = frame_of(lettings_logs, support=True, variant=Variant.CODES)
    row = codes.row(0, named=True)
    assert row["needstype"] == "1"
    assert row["la"] == "E08000035"
    assert row["renttype_detail"] == "1"
    assert row["status"] == {"completed": "2", "in_progress": "1"}[lettings_logs[0].status]
    assert row["created_by"] == coordinator.email
    assert row["updated_by"] == coordinator.email
    assert row["brent"] == "100"  # numbers as their shortest text


def test_the_statistics_export_writes_dates_at_london_midnight_with_the_offset():
    import polars as pl

    from collect.exports.frames import export_date

    days = pl.DataFrame({"d": ["2026-04-03", "2026-01-05", None, "not a date"]})
    assert days.select(export_date(pl.col("d")))["d"].to_list() == [
        "2026-04-03T00:00:00+01:00",
        "2026-01-05T00:00:00+00:00",
        None,
        None,
    ]


def test_export_variant_dates(lettings_logs):
    year = collection("lettings-2026")
    assert year.downloads is not None
    the_plan = plan(year, year.downloads.export_fields, Variant.EXPORT)
    (frame,) = log_frames(Log.objects.filter(pk=lettings_logs[0].pk), the_plan)
    assert frame["startdate"].to_list() == ["2026-10-05T00:00:00+01:00"]
