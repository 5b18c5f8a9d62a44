from django.urls import path

from collect.organisations import merge_views, views

app_name = "organisations"
urlpatterns = [
    path("organisations", views.organisation_list, name="list"),
    path("organisations/new", views.organisation_create, name="create"),
    path("organisations/<int:pk>", views.organisation_detail, name="detail"),
    path("organisations/<int:pk>/edit", views.organisation_edit, name="edit"),
    path("organisations/<int:pk>/name", views.name_change, name="name-change"),
    path("organisations/<int:pk>/name/<int:change_pk>/cancel", views.name_change_cancel, name="name-change-cancel"),
    path("organisations/<int:pk>/status", views.organisation_status, name="status"),
    path("organisations/<int:pk>/stock-owners", views.relationships, {"kind": "stock-owners"}, name="stock-owners"),
    path(
        "organisations/<int:pk>/stock-owners/add",
        views.relationship_add,
        {"kind": "stock-owners"},
        name="stock-owner-add",
    ),
    path(
        "organisations/<int:pk>/stock-owners/<int:link_pk>/remove",
        views.relationship_remove,
        {"kind": "stock-owners"},
        name="stock-owner-remove",
    ),
    path(
        "organisations/<int:pk>/managing-agents",
        views.relationships,
        {"kind": "managing-agents"},
        name="managing-agents",
    ),
    path(
        "organisations/<int:pk>/managing-agents/add",
        views.relationship_add,
        {"kind": "managing-agents"},
        name="managing-agent-add",
    ),
    path(
        "organisations/<int:pk>/managing-agents/<int:link_pk>/remove",
        views.relationship_remove,
        {"kind": "managing-agents"},
        name="managing-agent-remove",
    ),
    path(
        "organisations/<int:pk>/data-sharing-agreement",
        views.data_sharing_agreement,
        name="data-sharing-agreement",
    ),
    path("organisation", views.my_organisation, name="mine"),
    path("merges", merge_views.merge_list, name="merges"),
    path("merges/new", merge_views.merge_start, name="merge-start"),
    path("merges/<int:pk>", merge_views.merge_detail, name="merge"),
    path("merges/<int:pk>/absorbing-organisation", merge_views.merge_absorbing, name="merge-absorbing"),
    path("merges/<int:pk>/merging-organisations", merge_views.merge_merging, name="merge-merging"),
    path("merges/<int:pk>/date", merge_views.merge_date, name="merge-date"),
    path("merges/<int:pk>/start", merge_views.merge_run, name="merge-run"),
]
