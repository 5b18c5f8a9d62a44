from django.urls import path

from collect.accounts import two_factor_views, user_management, views

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
    path("account/details", user_management.edit_account, name="edit-account"),
    path("account/confirm-email/<str:token>", user_management.confirm_email_link, name="confirm-email-link"),
    path("account/confirm-email", user_management.confirm_email, name="confirm-email"),
    path("users", user_management.users, name="users"),
    path("users/download", user_management.users_csv, name="users-csv"),
    path("users/invite", user_management.invite_user, name="invite-user"),
    path("users/<int:pk>", user_management.user_detail, name="user"),
    path("users/<int:pk>/edit", user_management.edit_user, name="edit-user"),
    path("users/<int:pk>/deactivate", user_management.deactivate_user, name="deactivate-user"),
    path("users/<int:pk>/reactivate", user_management.reactivate_user, name="reactivate-user"),
    path("users/<int:pk>/resend-invitation", user_management.resend_invitation, name="resend-invitation"),
    path("users/<int:pk>/move", user_management.move_user, name="move-user"),
]
