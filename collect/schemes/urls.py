from django.urls import path

from collect.schemes import views

app_name = "schemes"
SCHEME = "schemes/<int:pk>"
LOCATION = "schemes/<int:scheme_pk>/locations/<int:pk>"
urlpatterns = [
    path("schemes", views.scheme_list, name="list"),
    path("schemes/download/<str:kind>", views.download, name="download"),
    path("schemes/new", views.scheme_new, name="new"),
    path("schemes/duplicates/<int:organisation_pk>", views.scheme_duplicates, name="duplicates"),
    path(SCHEME, views.scheme_detail, name="detail"),
    path(f"{SCHEME}/details", views.scheme_details, name="details"),
    path(f"{SCHEME}/primary-client-group", views.scheme_primary_client_group, name="primary-client-group"),
    path(f"{SCHEME}/other-client-group", views.scheme_other_client_group, name="other-client-group"),
    path(f"{SCHEME}/secondary-client-group", views.scheme_secondary_client_group, name="secondary-client-group"),
    path(f"{SCHEME}/support", views.scheme_support, name="support"),
    path(f"{SCHEME}/check-answers", views.scheme_check_answers, name="check-answers"),
    path(f"{SCHEME}/deactivate", views.scheme_deactivate, name="deactivate"),
    path(f"{SCHEME}/deactivate/confirm", views.scheme_deactivate_confirm, name="deactivate-confirm"),
    path(f"{SCHEME}/reactivate", views.scheme_reactivate, name="reactivate"),
    path(f"{SCHEME}/reactivate/confirm", views.scheme_reactivate_confirm, name="reactivate-confirm"),
    path("schemes/<int:scheme_pk>/locations/new", views.location_new, name="location-new"),
    path(LOCATION, views.location_detail, name="location"),
    path(f"{LOCATION}/postcode", views.location_postcode, name="location-postcode"),
    path(f"{LOCATION}/local-authority", views.location_local_authority, name="location-local-authority"),
    path(f"{LOCATION}/name", views.location_name, name="location-name"),
    path(f"{LOCATION}/units", views.location_units, name="location-units"),
    path(f"{LOCATION}/type-of-unit", views.location_type_of_unit, name="location-type-of-unit"),
    path(f"{LOCATION}/mobility-standards", views.location_mobility_standards, name="location-mobility-standards"),
    path(f"{LOCATION}/availability", views.location_availability, name="location-availability"),
    path(f"{LOCATION}/check-answers", views.location_check_answers, name="location-check-answers"),
    path(f"{LOCATION}/deactivate", views.location_deactivate, name="location-deactivate"),
    path(f"{LOCATION}/deactivate/confirm", views.location_deactivate_confirm, name="location-deactivate-confirm"),
    path(f"{LOCATION}/reactivate", views.location_reactivate, name="location-reactivate"),
    path(f"{LOCATION}/reactivate/confirm", views.location_reactivate_confirm, name="location-reactivate-confirm"),
]
