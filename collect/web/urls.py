from django.urls import path

from collect.web import views

app_name = "web"
urlpatterns = [
    path("", views.start, name="start"),
    path("home", views.home, name="home"),
    path("accessibility-statement", views.accessibility_statement, name="accessibility-statement"),
    path("privacy-notice", views.privacy_notice, name="privacy-notice"),
    path("cookies", views.cookies, name="cookies"),
    path("health", views.health, name="health"),
]
