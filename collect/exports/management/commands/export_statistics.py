"""Run the statistics export now (incremental, or --full), or --schedule the nightly one."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from collect.exports import statistics


class Command(BaseCommand):
    help = "Run the statistics export (platform.md §7.2) now, or queue the nightly export with --schedule."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--full", action="store_true", help="send every record and start a new base number")
        parser.add_argument("--schedule", action="store_true", help="queue the nightly export if none is waiting")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["schedule"]:
            queued = statistics.schedule_nightly()
            self.stdout.write("Nightly export queued." if queued else "The nightly export is already queued.")
            return
        for run in statistics.run_export(full=options["full"]):
            name = run.zip_name or "no changes"
            self.stdout.write(f"{run.collection} {run.year}: {run.records} records, {name}")
