from django.apps import AppConfig


class NotifyConfig(AppConfig):
    """The one notification service every part of the service sends email through."""

    name = "collect.notify"
    label = "notify"
