"""Benchmark: evaluate 10,000 realistic complete 2026/27 lettings logs with the rulebook, on one core.

    .venv/bin/python bench/rulebook_lettings.py [--logs 10000] [--seed 1]

Prints logs per second, latency percentiles per log and peak memory. The goal (issue 4) is at least 5,000 logs
per second. The logs vary the complete general needs and supported housing examples of the declaration (ages,
household size, rent, income, local authority, dates), so routing, derivations and checks all do real work.
"""

from __future__ import annotations

import argparse
import datetime
import random
import resource
import statistics
import sys
import time
import tracemalloc
from decimal import Decimal
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from collect.standards.facts import OrganisationFacts
from collect.standards.lettings.context import LettingsContext, LocationFacts, SchemeFacts
from collect.standards.lettings.y2026 import examples
from collect.standards.refdata_files import FileReferenceData
from collect.standards.registry import evaluator

LAS = ("E08000035", "E09000033", "E06000001", "E07000223", "E08000025")


def make_logs(count: int, seed: int) -> list[tuple[dict[str, Any], LettingsContext]]:
    """Complete logs with realistic variety, each with its context."""
    rng = random.Random(seed)
    refdata = FileReferenceData(Path(__file__).resolve().parents[2] / "shared" / "refdata")
    today = datetime.date(2026, 11, 21)
    logs = []
    for n in range(count):
        provider_type = rng.choice((1, 2))
        owner = OrganisationFacts(1, "Owner", provider_type, rent_periods=frozenset(range(1, 12)))
        supported = n % 5 == 0
        answers = dict(examples.SUPPORTED_HOUSING if supported else examples.GENERAL_NEEDS)
        answers["startdate"] = datetime.date(2026, 4, 1) + datetime.timedelta(days=rng.randrange(0, 230))
        answers["voiddate"] = answers["startdate"] - datetime.timedelta(days=rng.randrange(7, 300))
        answers["age1"] = rng.randrange(18, 65)
        answers["age2"] = rng.randrange(18, 65)
        answers["brent"] = Decimal(rng.randrange(7000, 16000)) / 100
        answers["earnings"] = rng.randrange(300, 900)
        if provider_type == 1:  # a council's referral sources are coded differently (lettings-2026.md §3.6)
            answers["referral_register"] = 3
            answers.pop("referral_noms", None)
        if not supported:
            answers["la"] = rng.choice(LAS)
            answers["beds"] = rng.randrange(1, 5)
        context = LettingsContext(
            today=today,
            refdata=refdata,
            owning_organisation=owner,
            managing_organisation=owner,
            assigned_user_organisation_ids=frozenset({1}),
            scheme=SchemeFacts(5, "Scheme", True, True) if supported else None,
            location=LocationFacts(7, "LS1 1AA", "E08000035", "N", 1, 10, True) if supported else None,
        )
        logs.append((_confirmed(answers, context), context))
    return logs


def _confirmed(answers: dict[str, Any], context: LettingsContext) -> dict[str, Any]:
    """Answers with their soft checks confirmed, as a provider confirms them (bulk upload's confirmation step)."""
    outcome = evaluator("lettings-2026").evaluate(answers, context)
    return {**answers, **{w.confirm_field: 0 for w in outcome.warnings if w.confirm_field}}


def main() -> None:
    """Run the benchmark and print its figures."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--logs", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    options = parser.parse_args()
    engine = evaluator("lettings-2026")
    logs = make_logs(options.logs, options.seed)
    for answers, context in logs[:200]:  # warm up
        engine.evaluate(answers, context)
    latencies = []
    statuses: dict[str, int] = {}
    started = time.perf_counter()
    for answers, context in logs:
        t0 = time.perf_counter()
        outcome = engine.evaluate(answers, context)
        latencies.append(time.perf_counter() - t0)
        statuses[outcome.status] = statuses.get(outcome.status, 0) + 1
    elapsed = time.perf_counter() - started
    batch_started = time.perf_counter()
    engine.evaluate_many(logs)
    batch_elapsed = time.perf_counter() - batch_started
    tracemalloc.start()
    engine.evaluate_many(logs[:2000])
    _, traced_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    quantiles = statistics.quantiles(latencies, n=100)
    print(f"logs evaluated:        {len(logs):,} ({', '.join(f'{k}: {v:,}' for k, v in sorted(statuses.items()))})")
    print(f"one by one:            {len(logs) / elapsed:,.0f} logs per second")
    print(f"evaluate_many:         {len(logs) / batch_elapsed:,.0f} logs per second")
    print(
        f"latency per log:       p50 {quantiles[49] * 1e6:,.0f} µs, p95 {quantiles[94] * 1e6:,.0f} µs, "
        f"p99 {quantiles[98] * 1e6:,.0f} µs"
    )
    print(
        f"peak memory:           {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:,.1f} MB resident; "
        f"{traced_peak / 1e6:,.1f} MB allocated while evaluating 2,000 logs"
    )


if __name__ == "__main__":
    main()
