from __future__ import annotations

from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from collect.refdata.importers import MissingRefdataError, RefdataError, import_refdata, read_refdata

HINT = (
    "Point COLLECT_REFDATA_DIR (or --dir) at the folder that holds the published reference data files "
    "(local_authorities.csv, rent_ranges_YYYY.csv, ...); see ../shared/refdata/README.md."
)


class Command(BaseCommand):
    help = (
        "Import the local authority register, local authority links, rent ranges and sale ranges from the published "
        "CSV files. Every file is checked first; a bad file changes nothing. Safe to run again."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument(
            "--dir",
            type=Path,
            help="the folder of the files (default: settings.COLLECT_REFDATA_DIR, set by env COLLECT_REFDATA_DIR)",
        )
        parser.add_argument("--check", action="store_true", help="only read and check the files; write nothing")

    def handle(self, *args: Any, **options: Any) -> None:
        folder = Path(options["dir"] or settings.COLLECT_REFDATA_DIR).expanduser().resolve()
        try:
            if options["check"]:
                data = read_refdata(folder)
                self.stdout.write(
                    f"{len(data.files)} files in {folder} are valid: local authorities: {len(data.local_authorities)}"
                    f", links: {len(data.links)}, rent ranges: {len(data.rent_ranges)}"
                    f", sale ranges: {len(data.sale_ranges)}"
                )
                return
            result = import_refdata(folder)
        except MissingRefdataError as error:
            raise CommandError(f"{error} {HINT}") from error
        except RefdataError as error:
            raise CommandError(f"{error} (nothing was imported)") from error

        self.stdout.write(result.summary)
        if result.unchanged:
            self.stdout.write(f"All {len(result.files)} files are unchanged since the last import.")
        else:
            counts = {
                status: sum(f.status == status for f in result.files) for status in ("new", "changed", "unchanged")
            }
            self.stdout.write(
                f"Read {len(result.files)} files from {folder}: {counts['new']} new, {counts['changed']} changed, "
                f"{counts['unchanged']} unchanged since the last import."
            )
        if options["verbosity"] >= 2:
            for f in result.files:
                self.stdout.write(f"  {f.name}: {f.rows} rows, {f.status}")
