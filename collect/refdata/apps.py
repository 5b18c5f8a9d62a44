from django.apps import AppConfig


class RefdataConfig(AppConfig):
    """Official reference data (local authorities, rent ranges, sale ranges) and its import commands."""

    name = "collect.refdata"
    label = "refdata"
