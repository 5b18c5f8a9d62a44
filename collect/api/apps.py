from django.apps import AppConfig


class ApiConfig(AppConfig):
    """The supplier API: tokens, idempotency records, the JSON endpoints and their OpenAPI document."""

    name = "collect.api"
    label = "api"
