from django.apps import AppConfig


class SchemesConfig(AppConfig):
    """Supported housing schemes and their locations: set-up journeys, statuses, lists and downloads."""

    name = "collect.schemes"
    label = "schemes"
