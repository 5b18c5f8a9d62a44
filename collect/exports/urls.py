from django.urls import path

from collect.exports import views

app_name = "exports"

urlpatterns = [
    path("lettings-logs/download", views.logs_download, {"kind": "lettings"}, name="lettings-download"),
    path("sales-logs/download", views.logs_download, {"kind": "sales"}, name="sales-download"),
    path("downloads/<uuid:pk>", views.download_page, name="download"),
    path("downloads/<uuid:pk>/file", views.download_file, name="download-file"),
    path("statistics-export", views.export_runs, name="runs"),
]
