from django.urls import path

from collect.organisations import views

app_name = "organisations"
urlpatterns = [
    path("organisations", views.organisation_list, name="list"),
    path("organisations/<int:pk>", views.organisation_detail, name="detail"),
    path("organisation", views.my_organisation, name="mine"),
]
