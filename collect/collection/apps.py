from django.apps import AppConfig


class CollectionConfig(AppConfig):
    """Running the collection: the calendar, completeness, reminders, digests, data quality, banners, resources."""

    name = "collect.collection"
    label = "collection"

    def ready(self) -> None:
        from collect.collection import calendar

        calendar.install()
