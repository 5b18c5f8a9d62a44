from django.urls import URLPattern, path

from collect.journeys import check_errors, deletion, duplicate_review, history, lists, views
from collect.journeys.kinds import PAGES, LogPages

app_name = "journeys"


def _patterns(pages: LogPages) -> list[URLPattern]:
    """The pages of one kind of log, such as /lettings-logs/12/household-characteristics/check-answers."""
    base, kind, name = f"{pages.name}-logs", {"kind": pages.kind}, pages.url_prefix
    log = f"{base}/<int:pk>"
    return [
        path(base, lists.log_list, kind, name=f"{name}list"),
        path(f"{base}/create", views.log_create, kind, name=f"{name}create"),
        path(f"{base}/delete", deletion.delete_selected, kind, name=f"{name}delete-logs"),
        path(f"{base}/duplicates", duplicate_review.duplicate_sets, kind, name=f"{name}duplicates"),
        path(log, views.log_detail, kind, name=f"{name}log"),
        path(f"{log}/review", views.review, kind, name=f"{name}review"),
        path(f"{log}/check-errors", check_errors.check_errors, kind, name=f"{name}check-errors"),
        path(
            f"{log}/confirm-clear-answer", check_errors.confirm_clear_answer, kind, name=f"{name}confirm-clear-answer"
        ),
        path(f"{log}/delete", deletion.delete_log, kind, name=f"{name}delete"),
        path(f"{log}/history", history.log_history, kind, name=f"{name}history"),
        path(f"{log}/duplicate-logs", duplicate_review.duplicate_review, kind, name=f"{name}duplicate-review"),
        path(f"{log}/duplicate-logs/keep", duplicate_review.keep_log, kind, name=f"{name}duplicate-keep"),
        path(f"{log}/<slug:subsection_id>/check-answers", views.check_answers, kind, name=f"{name}check-answers"),
        path(f"{log}/<slug:page_id>", views.log_page, kind, name=f"{name}page"),
    ]


urlpatterns = [pattern for pages in PAGES.values() for pattern in _patterns(pages)]
