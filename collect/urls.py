"""The service's URLs. Every page needs a signed-in user unless collect.web.public lists it."""

from django.urls import include, path

from collect.api.api import api as supplier_api
from collect.web import views

urlpatterns = [
    path("", include("collect.web.urls")),
    path("", include("collect.accounts.urls")),
    path("", include("collect.organisations.urls")),
    path("", include("collect.schemes.urls")),
    path("", include("collect.bulkupload.urls")),
    path("", include("collect.journeys.urls")),
    path("", include("collect.exports.urls")),
    path("", include("collect.opendata.urls")),
    path("", include("collect.collection.urls")),
    # The supplier API: its pages (tokens, docs), then its calls (token authentication, not sign-in).
    path("", include("collect.api.urls")),
    path("api/v1/", supplier_api.urls),
    # Only answers in debug mode (collect.notify.views).
    path("dev/emails/", include("collect.notify.urls")),
]

handler400 = views.error_400
handler403 = views.error_403
handler404 = views.error_404
handler500 = views.error_500
