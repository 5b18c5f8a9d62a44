from django.urls import path

from collect.journeys import check_errors, deletion, duplicate_review, lists, views
from collect.logs.models import LogKind

app_name = "journeys"
LOG = "lettings-logs/<int:pk>"
LETTINGS = {"kind": LogKind.LETTINGS}
urlpatterns = [
    path("lettings-logs", lists.log_list, LETTINGS, name="list"),
    path("lettings-logs/create", views.log_create, name="create"),
    path("lettings-logs/delete", deletion.delete_selected, LETTINGS, name="delete-logs"),
    path("lettings-logs/duplicates", duplicate_review.duplicate_sets, LETTINGS, name="duplicates"),
    path(LOG, views.log_detail, name="log"),
    path(f"{LOG}/review", views.review, name="review"),
    path(f"{LOG}/check-errors", check_errors.check_errors, name="check-errors"),
    path(f"{LOG}/confirm-clear-answer", check_errors.confirm_clear_answer, name="confirm-clear-answer"),
    path(f"{LOG}/delete", deletion.delete_log, LETTINGS, name="delete"),
    path(f"{LOG}/duplicate-logs", duplicate_review.duplicate_review, LETTINGS, name="duplicate-review"),
    path(f"{LOG}/duplicate-logs/keep", duplicate_review.keep_log, LETTINGS, name="duplicate-keep"),
    path(f"{LOG}/<slug:subsection_id>/check-answers", views.check_answers, name="check-answers"),
    path(f"{LOG}/<slug:page_id>", views.log_page, name="page"),
]
