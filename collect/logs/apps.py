from django.apps import AppConfig


class LogsConfig(AppConfig):
    """Lettings and sales logs: the log model, its context for the rulebook, and the one write path."""

    name = "collect.logs"
    label = "logs"
