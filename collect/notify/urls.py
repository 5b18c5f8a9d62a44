from django.urls import path

from collect.notify import views

app_name = "notify"
urlpatterns = [
    path("", views.sent_emails, name="sent-emails"),
    path("<str:name>", views.sent_email, name="sent-email"),
]
