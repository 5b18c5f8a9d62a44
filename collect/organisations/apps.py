from django.apps import AppConfig


class OrganisationsConfig(AppConfig):
    """Organisations (local authorities and private registered providers) and their relationships."""

    name = "collect.organisations"
    label = "organisations"
