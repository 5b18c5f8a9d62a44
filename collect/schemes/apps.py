from django.apps import AppConfig


class SchemesConfig(AppConfig):
    """Supported housing schemes and their locations: set-up journeys, statuses, lists and downloads."""

    name = "collect.schemes"
    label = "schemes"

    def ready(self) -> None:
        """Schemes move when organisations merge."""
        from collect.organisations.merging import register_merge_step
        from collect.schemes.merging import MERGE_STEP

        register_merge_step(MERGE_STEP)
