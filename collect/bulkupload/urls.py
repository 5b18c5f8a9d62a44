from django.urls import URLPattern, path

from collect.bulkupload import support, views
from collect.journeys.kinds import PAGES

app_name = "bulkupload"


def _patterns(kind: str, name: str) -> list[URLPattern]:
    """The bulk upload pages of one kind of log, such as /lettings-logs/bulk-upload-logs/start."""
    base, args = f"{name}-logs/bulk-upload-logs", {"kind": kind}
    year = f"{base}/<int:year>"
    upload = f"{base}/<uuid:upload_id>"
    return [
        path(f"{base}/start", views.start, args, name=f"{kind}-start"),
        path(f"{year}/prepare-your-file", views.prepare, args, name=f"{kind}-prepare"),
        path(f"{year}/template.xlsx", views.template_download, args, name=f"{kind}-template"),
        path(f"{year}/specification.xlsx", views.specification_download, args, name=f"{kind}-specification"),
        path(f"{year}/upload-your-file", views.upload_file, args, name=f"{kind}-upload"),
        path(upload, views.upload_status, args, name=f"{kind}-status"),
        path(f"{upload}/summary", views.summary, args, name=f"{kind}-summary"),
        path(f"{upload}/report", views.report, args, name=f"{kind}-report"),
        path(f"{upload}/errors.csv", views.errors_csv, args, name=f"{kind}-errors-csv"),
        path(f"{upload}/errors-marked.xlsx", views.marked_file, args, name=f"{kind}-marked-file"),
        path(f"{upload}/original-file", views.original_file, args, name=f"{kind}-original-file"),
        path(f"{upload}/fix-choice", views.fix_choice, args, name=f"{kind}-fix-choice"),
        path(f"{upload}/deletion-report", views.deletion_report, args, name=f"{kind}-deletion-report"),
        path(f"{upload}/confirm-warnings", views.confirm_warnings, args, name=f"{kind}-confirm-warnings"),
    ]


urlpatterns = [
    *(pattern for kind, pages in PAGES.items() for pattern in _patterns(str(kind), pages.name)),
    path("bulk-uploads", support.upload_list, name="support-list"),
]
