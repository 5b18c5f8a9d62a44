from django.apps import AppConfig


class JourneysConfig(AppConfig):
    """The web form for logs: task list, question pages, check your answers, lists."""

    name = "collect.journeys"
    label = "journeys"
