from django.urls import path

from collect.journeys import check_errors, views

app_name = "journeys"
LOG = "lettings-logs/<int:pk>"
urlpatterns = [
    path("lettings-logs", views.log_list, name="list"),
    path("lettings-logs/create", views.log_create, name="create"),
    path(LOG, views.log_detail, name="log"),
    path(f"{LOG}/review", views.review, name="review"),
    path(f"{LOG}/check-errors", check_errors.check_errors, name="check-errors"),
    path(f"{LOG}/confirm-clear-answer", check_errors.confirm_clear_answer, name="confirm-clear-answer"),
    path(f"{LOG}/<slug:subsection_id>/check-answers", views.check_answers, name="check-answers"),
    path(f"{LOG}/<slug:page_id>", views.log_page, name="page"),
]
