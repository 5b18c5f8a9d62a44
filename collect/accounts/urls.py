from django.urls import path

from collect.accounts import two_factor_views, views

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
    # Two-factor authentication (collect.accounts.two_factor_views)
    path("account/security-code", two_factor_views.security_code, name="security-code"),
    path("account/security-code/new", two_factor_views.new_security_code, name="security-code-new"),
    path("account/security-code/too-many", two_factor_views.too_many_wrong_codes, name="security-code-too-many"),
    path("account/two-factor/email", two_factor_views.turn_on_email_codes, name="two-factor-email"),
    path("account/two-factor/app", two_factor_views.authenticator_app, name="authenticator-app"),
    path("account/two-factor/app/remove", two_factor_views.remove_authenticator_app, name="authenticator-app-remove"),
    path("account/two-factor/turn-off", two_factor_views.turn_off, name="two-factor-turn-off"),
    path("users", views.users, name="users"),
    path("users/invite", views.invite_user, name="invite-user"),
    path("users/<int:pk>", views.user_detail, name="user"),
]
