from django.apps import AppConfig


class AuditConfig(AppConfig):
    """Who changed what, when and through which channel, for every record people manage."""

    name = "collect.audit"
    label = "audit"
