from django.urls import path

from collect.accounts import user_management, views

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
