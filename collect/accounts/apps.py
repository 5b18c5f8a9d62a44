from django.apps import AppConfig


class AccountsConfig(AppConfig):
    """Users, roles, sign-in, invitations and password resets."""

    name = "collect.accounts"
    label = "accounts"
