from django.urls import path

from collect.accounts import views

app_name = "accounts"
urlpatterns = [
    path("account/sign-in", views.sign_in, name="sign-in"),
    path("account/sign-out", views.sign_out, name="sign-out"),
    path("account/password/forgotten", views.password_forgotten, name="password-forgotten"),
    path("account/password/check-your-email", views.password_reset_sent, name="password-reset-sent"),
    path("account/password/reset/<str:token>", views.password_reset_link, name="password-reset-link"),
    path("account/password/new", views.password_reset, name="password-reset"),
    path("account/invitation/<str:token>", views.invitation_link, name="invitation-link"),
    path("account/create-password", views.invitation, name="invitation"),
    path("account", views.account, name="account"),
    path("users", views.users, name="users"),
    path("users/invite", views.invite_user, name="invite-user"),
    path("users/<int:pk>", views.user_detail, name="user"),
]
