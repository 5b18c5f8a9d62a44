"""Send today's reminder rounds and digests now, or --schedule the daily job."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from collect.collection import calendar, tasks


class Command(BaseCommand):
    help = "Send the reminder rounds and digests due today, or queue the daily job with --schedule."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--schedule", action="store_true", help="queue the daily job if none is waiting")

    def handle(self, *args: Any, **options: Any) -> None:
        calendar.seed_defaults()
        if options["schedule"]:
            tasks.schedule_refresh()
            queued = tasks.schedule_daily()
            self.stdout.write(
                "Daily collection job queued." if queued else "The daily collection job is already queued."
            )
            return
        done = tasks.run_today()
        self.stdout.write(f"Reminders sent to {done['reminders']} organisations, {done['digests']} digests sent.")
