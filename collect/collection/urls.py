from django.urls import path

from collect.collection import admin_views, page_views, views

app_name = "collection"
urlpatterns = [
    path("collection/completeness", views.completeness_view, name="completeness"),
    path("collection/completeness.csv", views.completeness_csv, name="completeness-csv"),
    path("collection/no-logs-this-quarter", views.nil_return_list, name="nil-returns"),
    path("collection/no-logs-this-quarter/<int:pk>/withdraw", views.nil_return_withdraw, name="nil-return-withdraw"),
    path("account/email-about-your-logs", views.digest_settings, name="digest"),
    path("collection/calendar", admin_views.calendar_list, name="calendar"),
    path("collection/calendar/<int:year>", admin_views.calendar_year, name="calendar-year"),
    path("collection/reminders", admin_views.reminder_rounds, name="reminders"),
    path("collection/reminders/<int:pk>", admin_views.reminder_round, name="reminder-round"),
    path("collection/data-quality", admin_views.data_quality, name="data-quality"),
    path("notifications", page_views.notification_list, name="notifications"),
    path("notifications/new", page_views.notification_form, name="notification-new"),
    path("notifications/<int:pk>", page_views.notification_page, name="notification"),
    path("notifications/<int:pk>/edit", page_views.notification_form, name="notification-edit"),
    path("notifications/<int:pk>/end", page_views.notification_end, name="notification-end"),
    path("notifications/<int:pk>/dismiss", page_views.notification_dismiss, name="notification-dismiss"),
    path("collection-resources", page_views.resource_list, name="resources"),
    path("collection-resources/<int:year>/manage", page_views.resource_manage, name="resource-manage"),
    path("collection-resources/file/<int:pk>", page_views.resource_file, name="resource-file"),
    path("collection-resources/file/<int:pk>/delete", page_views.resource_delete, name="resource-delete"),
    path(
        "collection-resources/<int:year>/<slug:kind>/bulk-upload-template.xlsx",
        page_views.generated_template,
        name="generated-template",
    ),
    path(
        "collection-resources/<int:year>/<slug:kind>/bulk-upload-specification.xlsx",
        page_views.generated_specification,
        name="generated-specification",
    ),
]
