from django.urls import path

from collect.api import views

app_name = "api"
urlpatterns = [
    path("organisations/<int:pk>/api-tokens", views.token_list, name="tokens"),
    path("organisations/<int:pk>/api-tokens/new", views.token_create, name="token-create"),
    path("organisations/<int:pk>/api-tokens/<int:token_pk>/revoke", views.token_revoke, name="token-revoke"),
    path("api/v1/docs", views.docs, name="docs"),
]
