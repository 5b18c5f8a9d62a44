from __future__ import annotations

import os
import time
from argparse import ArgumentParser
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db.models import Count

from collect.demo.generation import NoTeamsError, delete_generated, generate_logs, generated
from collect.logs.models import Log
from collect.standards.registry import COLLECTIONS


class Command(BaseCommand):
    help = (
        "Fill the database with realistic generated lettings logs across the demo organisations and users (complete "
        "and in progress, judged by the rulebook). --count is the total wanted: running it again adds only the "
        "missing logs; --replace deletes the generated logs of the collection year first."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--count", type=int, default=1000, help="how many generated logs the year should have")
        parser.add_argument("--collection", default="lettings-2026", choices=sorted(COLLECTIONS))
        parser.add_argument("--replace", action="store_true", help="delete the year's generated logs first")
        parser.add_argument("--seed", type=int, default=1, help="the same seed gives the same logs")
        parser.add_argument(
            "--complete-share", type=float, default=0.7, help="share of logs filled in to the end (default 0.7)"
        )
        parser.add_argument(
            "--jobs",
            type=int,
            default=min(os.cpu_count() or 1, 4),
            help="processes evaluating logs (default: cores, at most 4)",
        )
        parser.add_argument("--batch-size", type=int, default=2000, help="logs evaluated and inserted at a time")

    def handle(self, *args: Any, **options: Any) -> None:
        if settings.ENVIRONMENT == "production":
            raise CommandError("Generated logs are not made in production.")
        if (
            options["count"] < 0
            or options["batch_size"] < 1
            or options["jobs"] < 1
            or not 0 <= options["complete_share"] <= 1
        ):
            raise CommandError(
                "--count must be 0 or more, --batch-size and --jobs 1 or more, --complete-share from 0 to 1."
            )
        collection_id = options["collection"]
        if options["replace"]:
            self.stdout.write(f"Deleted {delete_generated(collection_id):,} generated logs.")
        started = time.perf_counter()

        def progress(done: int) -> None:
            if options["verbosity"] >= 1:
                self.stdout.write(f"  {done:,} generated logs", ending="\r")
                self.stdout.flush()

        try:
            added = generate_logs(
                options["count"],
                collection_id,
                seed=options["seed"],
                complete_share=options["complete_share"],
                batch_size=options["batch_size"],
                jobs=options["jobs"],
                progress=progress,
            )
        except NoTeamsError as error:
            raise CommandError(str(error)) from error
        elapsed = time.perf_counter() - started
        if options["verbosity"] >= 1:
            self.stdout.write("")
        rate = f" ({added / elapsed:,.0f} per second)" if added and elapsed else ""
        by_status = ", ".join(
            f"{status}: {n:,}"
            for status, n in sorted(
                generated(collection_id).values_list("status").annotate(n=Count("pk")).values_list("status", "n")
            )
        )
        self.stdout.write(
            f"Added {added:,} logs in {elapsed:,.1f} s{rate}. {collection_id} now has "
            f"{generated(collection_id).count():,} generated logs ({by_status}); {Log.objects.count():,} logs in all."
        )
