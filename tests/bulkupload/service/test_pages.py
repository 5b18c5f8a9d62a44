"""The bulk upload pages: each renders, errors are named, downloads are well-formed and safe, the choices work."""

from __future__ import annotations

import csv
import io

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from collect.audit.models import AuditEvent
from collect.bulkupload import downloads, engine, links, tasks
from collect.bulkupload.models import BulkUpload, BulkUploadError, UploadChoice, UploadStatus
from collect.logs.models import Log, LogStatus
from tests.bulkupload.service.conftest import complete, make_upload
from tests.bulkupload.service.fakes import file_of
from tests.conftest import verified_login

pytestmark = pytest.mark.django_db

MISSING = [[20, "T", "not_answered", "You must answer this.", False]]
INJECTED = [[14, "O", "other", '=HYPERLINK("http://evil")', False]]


@pytest.fixture
def signed_in(client, provider, signed):
    verified_login(client, provider)
    return client


def _processed(upload, capture):
    with capture(execute=True):
        tasks.run(upload.pk)
    upload.refresh_from_db()
    return upload


def test_start_goes_to_preparing_the_file_of_the_open_year(signed_in):
    response = signed_in.get("/lettings-logs/bulk-upload-logs/start")
    assert response.status_code == 302
    assert response.url == "/lettings-logs/bulk-upload-logs/2026/prepare-your-file"
    page = signed_in.get(response.url).content.decode()
    assert "8 header rows" in page
    assert "/lettings-logs/bulk-upload-logs/2026/template.xlsx" in page


@pytest.mark.parametrize("kind", ["lettings", "sales"])
@pytest.mark.parametrize("document", ["template", "specification"])
def test_the_template_and_specification_are_generated_workbooks(signed_in, kind, document):
    response = signed_in.get(f"/{kind}-logs/bulk-upload-logs/2026/{document}.xlsx")
    assert response["Content-Disposition"] == f'attachment; filename="{kind}-2026-bulk-upload-{document}.xlsx"'
    assert openpyxl.load_workbook(io.BytesIO(response.content)).active.max_row >= 1


def test_a_closed_or_undeclared_year_is_not_found(signed_in):
    assert signed_in.get("/lettings-logs/bulk-upload-logs/2019/prepare-your-file").status_code == 404


def test_people_whose_organisation_has_not_accepted_the_agreement_cannot_upload(client, stranger):
    verified_login(client, stranger)
    assert client.get("/sales-logs/bulk-upload-logs/start").status_code == 403


@pytest.mark.parametrize(
    ("file", "message"),
    [
        (None, "Select a CSV or XLSX file to upload"),
        (SimpleUploadedFile("logs.pdf", b"%PDF"), "The selected file must be a CSV or XLSX file"),
        (SimpleUploadedFile("logs.csv", b""), "The selected file is empty"),
        (SimpleUploadedFile("logs.csv", b"x" * 2000), "The selected file must be 0MB or smaller"),
    ],
)
def test_upload_errors_are_named(signed_in, monkeypatch, file, message):
    monkeypatch.setattr(engine, "MAX_BYTES", 1000)
    response = signed_in.post("/lettings-logs/bulk-upload-logs/2026/upload-your-file", {"file": file} if file else {})
    assert response.status_code == 200
    page = response.content.decode()
    assert message in page
    assert 'href="#file"' in page
    assert not BulkUpload.objects.exists()


def test_support_must_choose_the_organisation(client, support, signed):
    verified_login(client, support)
    response = client.post(
        "/lettings-logs/bulk-upload-logs/2026/upload-your-file", {"file": SimpleUploadedFile("a.csv", b"x")}
    )
    assert "Select the organisation whose logs you are uploading" in response.content.decode()


def test_an_uploaded_file_is_checked_and_its_outcome_shown(
    signed_in, provider, signed, django_capture_on_commit_callbacks
):
    data = file_of({"answers": complete(signed, provider)})
    with django_capture_on_commit_callbacks(execute=True):
        response = signed_in.post(
            "/lettings-logs/bulk-upload-logs/2026/upload-your-file", {"file": SimpleUploadedFile("mine.csv", data)}
        )
    upload = BulkUpload.objects.get()
    assert response.url == links.upload_url(upload, "status")
    assert (upload.filename, upload.organisation, upload.uploaded_by) == ("mine.csv", signed, provider)
    upload.refresh_from_db()
    assert upload.status == UploadStatus.SUCCESS
    assert signed_in.get(response.url).url == links.logs_url(upload)


def test_the_checking_page_shows_progress_and_refreshes_itself(signed_in, provider, signed):
    upload = make_upload(provider, signed, b"x", status=UploadStatus.PROCESSING, rows_checked=500, total_rows=1200)
    response = signed_in.get(links.upload_url(upload, "status"))
    assert "500 of 1,200 rows checked" in response.content.decode()
    assert response["Refresh"] == "2"
    stopped = signed_in.get(links.upload_url(upload, "status"), {"updates": "off"})
    assert "Refresh" not in stopped
    assert "500 of 1,200 rows checked" in stopped.content.decode()


def test_a_rejected_file_shows_its_messages(signed_in, provider, signed, django_capture_on_commit_callbacks):
    upload = _processed(
        make_upload(provider, signed, file_of(reject=["Use the 2026 template."])), django_capture_on_commit_callbacks
    )
    page = signed_in.get(links.upload_url(upload, "status")).content.decode()
    assert "Use the 2026 template." in page


def test_summary_and_report_show_the_errors_by_column_and_row(
    signed_in, provider, signed, django_capture_on_commit_callbacks
):
    errors = [[1, "B", "setup", "You must answer owning organisation.", True]]
    rows = [{"answers": complete(signed, provider, tenancycode=f"T{n}"), "errors": errors} for n in range(3)]
    upload = _processed(make_upload(provider, signed, file_of(*rows)), django_capture_on_commit_callbacks)
    assert signed_in.get(links.upload_url(upload, "status")).url == links.upload_url(upload, "summary")
    summary = signed_in.get(links.upload_url(upload, "summary")).content.decode()
    assert "You must answer owning organisation." in summary
    report = signed_in.get(links.upload_url(upload, "report")).content.decode()
    assert "Row 10, tenant code T1" in report
    assert "B11" in report


def test_the_errors_csv_is_well_formed_and_safe(signed_in, provider, signed, django_capture_on_commit_callbacks):
    rows = [{"answers": complete(signed, provider, tenancycode="=T1"), "errors": INJECTED}]
    upload = _processed(make_upload(provider, signed, file_of(*rows)), django_capture_on_commit_callbacks)
    response = signed_in.get(links.upload_url(upload, "errors-csv"))
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    lines = list(csv.reader(io.StringIO(text)))
    assert lines[0][:3] == ["Row", "Cell", "Tenant code"]
    assert lines[1][1:3] == ["O9", "'=T1"]
    assert lines[1][6] == '\'=HYPERLINK("http://evil")'


def test_the_marked_file_has_each_error_on_its_cell_and_no_formulas(provider, signed):
    data = b"Field number,1,2\r\nrow 9,=SUM(A1),-3\r\nrow 10,@x,42\r\n"
    upload = make_upload(provider, signed, data)
    BulkUploadError.objects.create(
        upload=upload, row=2, cell="B2", column="B", field=1, question="Q", message="Bad", category="other"
    )
    BulkUploadError.objects.create(
        upload=upload, row=3, cell="C3", column="C", field=2, question="Q", message="=Odd", category="soft_validation"
    )
    book = openpyxl.load_workbook(io.BytesIO(downloads.marked_file(upload, data)))
    sheet = book.active
    assert sheet["B2"].value == "'=SUM(A1)"
    assert sheet["B2"].comment.text.startswith("Bad")
    assert sheet["B2"].fill.start_color.rgb == "FFF4C7C3"
    assert sheet["C2"].value == "'-3"
    assert sheet["B3"].value == "'@x"
    assert sheet["C3"].value == 42
    assert sheet["C3"].comment.text.startswith("'=Odd")
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)


def test_the_marked_file_and_original_download(signed_in, provider, signed):
    upload = make_upload(provider, signed, b"Field number,1\r\n")
    marked = signed_in.get(links.upload_url(upload, "marked-file"))
    assert marked["Content-Type"].startswith("application/vnd.openxmlformats")
    openpyxl.load_workbook(io.BytesIO(marked.content))
    original = signed_in.get(links.upload_url(upload, "original-file"))
    assert original.content == b"Field number,1\r\n"
    assert 'filename="logs.csv"' in original["Content-Disposition"]


def test_fixing_in_the_service_releases_the_logs_and_lists_them(
    signed_in, provider, signed, django_capture_on_commit_callbacks
):
    rows = [
        {
            "answers": complete(signed, provider, beds=None, tenancycode="T1"),
            "errors": MISSING,
            "cleared": {"beds": 99},
        },
        {"answers": complete(signed, provider, tenancycode="T2")},
    ]
    upload = _processed(make_upload(provider, signed, file_of(*rows)), django_capture_on_commit_callbacks)
    assert upload.status == UploadStatus.CREATED_WITH_ERRORS
    assert signed_in.get(links.upload_url(upload, "status")).url == links.upload_url(upload, "fix-choice")
    choice = signed_in.get(links.upload_url(upload, "fix-choice")).content.decode()
    assert "How would you like to fix the errors?" in choice
    response = signed_in.post(links.upload_url(upload, "fix-choice"), {"choice": "fix_in_service"})
    assert response.url == links.upload_url(upload, "deletion-report")
    report = signed_in.get(response.url).content.decode()
    assert "These answers will be cleared" in report
    assert "99" in report
    response = signed_in.post(links.upload_url(upload, "deletion-report"))
    assert response.url == links.logs_url(upload)
    assert set(Log.objects.filter(bulk_upload=upload).values_list("status", flat=True)) == {"in_progress", "completed"}
    listing = signed_in.get(response.url).content.decode()
    assert "You have uploaded 2 logs. There are errors in 1 logs, and 1 errors in total." in listing
    upload.refresh_from_db()
    assert upload.choice == UploadChoice.FIX_IN_SERVICE
    assert signed_in.get(links.upload_url(upload, "fix-choice")).url == links.logs_url(upload)


def test_choosing_to_upload_again_leads_to_the_upload_page_for_a_corrected_file(
    signed_in, provider, signed, django_capture_on_commit_callbacks
):
    rows = [{"answers": complete(signed, provider, beds=None), "errors": MISSING}]
    upload = _processed(make_upload(provider, signed, file_of(*rows)), django_capture_on_commit_callbacks)
    response = signed_in.post(links.upload_url(upload, "fix-choice"), {"choice": "upload_again"})
    assert response.url.endswith(f"upload-your-file?replaces={upload.uuid}")
    page = signed_in.get(response.url).content.decode()
    assert f'name="replaces" value="{upload.uuid}"' in page
    with django_capture_on_commit_callbacks(execute=True):
        signed_in.post(
            response.url,
            {
                "file": SimpleUploadedFile("fixed.csv", file_of({"answers": complete(signed, provider)})),
                "replaces": str(upload.uuid),
            },
        )
    corrected = BulkUpload.objects.get(filename="fixed.csv")
    assert corrected.replaces == upload
    assert corrected.status == UploadStatus.SUCCESS
    assert not Log.objects.filter(bulk_upload=upload).exists()


def test_confirming_the_warnings_releases_complete_logs(
    signed_in, provider, signed, django_capture_on_commit_callbacks
):
    rows = [{"answers": complete(signed, provider, ecstat1=5)}]
    upload = _processed(make_upload(provider, signed, file_of(*rows)), django_capture_on_commit_callbacks)
    assert upload.status == UploadStatus.WARNINGS_ONLY
    page = signed_in.get(links.upload_url(upload, "confirm-warnings")).content.decode()
    assert "Are these fields correct?" in page
    unanswered = signed_in.post(links.upload_url(upload, "confirm-warnings"), {}).content.decode()
    assert "Select whether these answers are correct" in unanswered
    with django_capture_on_commit_callbacks() as jobs:
        response = signed_in.post(links.upload_url(upload, "confirm-warnings"), {"correct": "yes"})
    assert response.url == links.upload_url(upload, "status")
    creating = signed_in.get(response.url)  # the job has not run yet
    assert "We’re creating your logs" in creating.content.decode()
    assert creating["Refresh"]
    for job in jobs:
        job()
    log = Log.objects.get(bulk_upload=upload)
    assert log.status == LogStatus.COMPLETED
    assert log.answers["retirement_value_check"] == 0
    done = signed_in.get(links.upload_url(upload, "status"))
    assert done.url == links.logs_url(upload)
    event = AuditEvent.objects.get(target_id=log.pk, action="confirm warnings")
    assert event.channel == "bulk_upload"
    assert "retirement_value_check" in event.changes


def test_saying_the_warnings_are_wrong_leads_to_the_fix_choice(
    signed_in, provider, signed, django_capture_on_commit_callbacks
):
    upload = _processed(
        make_upload(provider, signed, file_of({"answers": complete(signed, provider, ecstat1=5)})),
        django_capture_on_commit_callbacks,
    )
    response = signed_in.post(links.upload_url(upload, "confirm-warnings"), {"correct": "no"})
    assert response.url == links.upload_url(upload, "fix-choice")


def test_an_upload_of_another_organisation_is_not_found(client, stranger, provider, signed):
    upload = make_upload(provider, signed, b"x")
    verified_login(client, stranger)
    for page in ("status", "report", "summary", "errors-csv", "original-file", "fix-choice"):
        assert client.get(links.upload_url(upload, page)).status_code == 404


def test_support_sees_recent_uploads_with_filters(
    client, support, provider, signed, django_capture_on_commit_callbacks
):
    _processed(
        make_upload(provider, signed, file_of({"answers": complete(signed, provider)}), filename="north.csv"),
        django_capture_on_commit_callbacks,
    )
    make_upload(provider, signed, b"x", filename="south.csv", kind="sales")
    verified_login(client, support)
    page = client.get("/bulk-uploads").content.decode()
    assert "north.csv" in page
    assert "south.csv" in page
    assert "Logs uploaded" in page
    filtered = client.get("/bulk-uploads", {"kind": "lettings", "q": "nor"}).content.decode()
    assert "north.csv" in filtered
    assert "south.csv" not in filtered
    assert client.get("/bulk-uploads", {"status": "bogus"}).status_code == 200


def test_confirming_warnings_twice_changes_nothing_the_second_time(
    provider, signed, django_capture_on_commit_callbacks
):
    from collect.bulkupload.lookups import FileContexts
    from collect.logs import writing

    rows = [{"answers": complete(signed, provider, ecstat1=5, tenancycode=f"T{n}")} for n in range(3)]
    upload = _processed(make_upload(provider, signed, file_of(*rows)), django_capture_on_commit_callbacks)
    contexts = FileContexts(upload.kind, provider)
    assert writing.confirm_pending_warnings(upload, provider, contexts.context_for) == 3
    assert writing.confirm_pending_warnings(upload, provider, contexts.context_for) == 0
    logs = Log.objects.filter(bulk_upload=upload)
    assert {(log.status, log.status_cache, log.version) for log in logs} == {(LogStatus.PENDING, "completed", 1)}
    assert AuditEvent.objects.filter(action="confirm warnings").count() == 3
