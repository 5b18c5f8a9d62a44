from django.apps import AppConfig


class ExportsConfig(AppConfig):
    """Data out: log, scheme and location downloads by email link, Parquet, and the nightly statistics export."""

    name = "collect.exports"
    label = "exports"
