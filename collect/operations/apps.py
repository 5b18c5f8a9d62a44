from django.apps import AppConfig


class OperationsConfig(AppConfig):
    name = "collect.operations"
    label = "operations"
    verbose_name = "Running the service: backups"
