from django.apps import AppConfig


class DemoConfig(AppConfig):
    """Demo organisations and users for a development machine (manage.py load_demo_data)."""

    name = "collect.demo"
    label = "demo"
