from django.urls import path

from collect.journeys import views

app_name = "journeys"
LOG = "lettings-logs/<int:pk>"
urlpatterns = [
    path("lettings-logs", views.log_list, name="list"),
    path("lettings-logs/create", views.log_create, name="create"),
    path(LOG, views.log_detail, name="log"),
    path(f"{LOG}/review", views.review, name="review"),
    path(f"{LOG}/<slug:subsection_id>/check-answers", views.check_answers, name="check-answers"),
    path(f"{LOG}/<slug:page_id>", views.log_page, name="page"),
]
