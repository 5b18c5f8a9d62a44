from django.urls import path

from collect.opendata import views

app_name = "opendata"

urlpatterns = [
    path("statistics", views.statistics, name="statistics"),
    path("statistics/releases/manage", views.manage, name="manage"),
    path("statistics/releases/<int:year>/latest", views.latest, name="latest"),
    path("statistics/releases/<int:year>/<int:version>/", views.release, name="release"),
    path("statistics/releases/<int:year>/<int:version>/<str:name>", views.release_file, name="file"),
    path("statistics/factsheets/<int:year>/<int:version>/<str:area>.pdf", views.factsheet_pdf, name="factsheet-pdf"),
    path("statistics/factsheets/<int:year>/<int:version>/<str:area>", views.factsheet, name="factsheet"),
]
