from __future__ import annotations

from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from collect.operations.backups import RestoreError, restore


class Command(BaseCommand):
    help = "Restore an archive written by `backup` into an empty database, with its stored files, and check it."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("archive", type=Path, help="an archive written by `manage.py backup`")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            manifest = restore(options["archive"])
        except RestoreError as error:
            raise CommandError(str(error)) from error
        logs = manifest["tables"].get("logs_log", 0)
        self.stdout.write(f"Restored {logs:,} logs and every table's rows from {options['archive']}")
