from django.apps import AppConfig


class WebConfig(AppConfig):
    """Pages and plumbing shared by every part of the service: layout, static pages, errors."""

    name = "collect.web"
    label = "web"
