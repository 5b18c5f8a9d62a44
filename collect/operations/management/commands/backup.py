from __future__ import annotations

from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand

from collect.operations.backups import backup


class Command(BaseCommand):
    help = "Back up the database and the stored files into one archive (a .tar.gz file)."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument(
            "archive", type=Path, help="the archive to write, such as backups/collect-2026-11-21.tar.gz"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        manifest = backup(options["archive"])
        logs = manifest["tables"].get("logs_log", 0)
        self.stdout.write(f"Backed up {logs:,} logs and {len(manifest['tables'])} tables to {options['archive']}")
