from django.apps import AppConfig


class OpendataConfig(AppConfig):
    """Open data: releases of a collection year's statistics with disclosure control, and area factsheets."""

    name = "collect.opendata"
    label = "opendata"
