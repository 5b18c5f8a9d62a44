"""Benchmark: evaluate 10,000 realistic complete 2026/27 lettings logs, then sales logs, with the rulebook, on one core.

    .venv/bin/python bench/rulebook.py [--logs 10000] [--seed 1] [--kind lettings|sales|both]

Prints, for each kind, logs per second, latency percentiles per log and peak memory. The goal (issue 4) is at least
5,000 logs per second. The lettings logs vary the complete general needs and supported housing examples of the
declaration (ages, household size, rent, income, local authority, dates); the sales logs vary the complete examples
of the three routes (shared ownership, staircasing, discounted ownership: ages, incomes, prices, deposits, local
authority and bedrooms against the published sale ranges, dates, joint purchases), so routing, derivations and
checks all do real work.
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
from collect.standards.sales.context import SalesContext
from collect.standards.sales.y2026 import examples as sales_examples

LAS = ("E08000035", "E09000033", "E06000001", "E07000223", "E08000025")


REFDATA = Path(__file__).resolve().parents[2] / "shared" / "refdata"
TODAY = datetime.date(2026, 11, 21)


def make_logs(count: int, seed: int) -> list[tuple[dict[str, Any], Any]]:
    """Complete lettings logs with realistic variety, each with its context."""
    rng = random.Random(seed)
    refdata = FileReferenceData(REFDATA)
    today = TODAY
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
        logs.append((_confirmed("lettings-2026", answers, context), context))
    return logs


def make_sales_logs(count: int, seed: int) -> list[tuple[dict[str, Any], Any]]:
    """Complete sales logs of the three routes with realistic variety, each with its context."""
    rng = random.Random(seed)
    owner = OrganisationFacts(1, "Owner", 2)
    context = SalesContext(
        today=TODAY,
        refdata=FileReferenceData(REFDATA),
        owning_organisation=owner,
        managing_organisation=owner,
        assigned_user_organisation_ids=frozenset({1}),
    )
    routes = (sales_examples.SHARED_OWNERSHIP, sales_examples.STAIRCASING, sales_examples.DISCOUNTED_OWNERSHIP)
    logs = []
    for n in range(count):
        answers = dict(routes[n % 3])
        answers["saledate"] = datetime.date(2026, 4, 1) + datetime.timedelta(days=rng.randrange(0, 230))
        answers["age1"] = rng.randrange(18, 80)
        answers["la"] = rng.choice(LAS)
        answers["beds"] = rng.randrange(1, 5)
        if answers.get("income1") is not None:
            answers["income1"] = rng.randrange(15_000, 79_000)
            answers["savings"] = rng.randrange(0, 5_000) * 10
        if answers.get("staircase") == 2:  # an initial share: a price in whole thousands, funded by the share
            value = rng.randrange(100, 400) * 1_000
            mortgage = value * answers["equity"] / 100 * rng.choice((0, 50, 80)) / 100
            answers["value"] = value
            answers["mortgageused"] = 1 if mortgage else 2
            answers["mortgage"] = int(mortgage) if mortgage else None
            answers["deposit"] = int(value * answers["equity"] / 100 - mortgage)
        logs.append((_confirmed("sales-2026", answers, context), context))
    return logs


def _confirmed(collection: str, answers: dict[str, Any], context: Any) -> dict[str, Any]:
    """Answers with their soft checks confirmed, as a provider confirms them (bulk upload's confirmation step)."""
    outcome = evaluator(collection).evaluate(answers, context)
    return {**answers, **{w.confirm_field: 0 for w in outcome.warnings if w.confirm_field}}


def measure(collection: str, logs: list[tuple[dict[str, Any], Any]]) -> None:
    """Evaluate the logs one by one and in a batch, and print the figures."""
    engine = evaluator(collection)
    print(f"{collection}")
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
    print(f"  logs evaluated:      {len(logs):,} ({', '.join(f'{k}: {v:,}' for k, v in sorted(statuses.items()))})")
    print(f"  one by one:          {len(logs) / elapsed:,.0f} logs per second")
    print(f"  evaluate_many:       {len(logs) / batch_elapsed:,.0f} logs per second")
    print(
        f"  latency per log:     p50 {quantiles[49] * 1e6:,.0f} µs, p95 {quantiles[94] * 1e6:,.0f} µs, "
        f"p99 {quantiles[98] * 1e6:,.0f} µs"
    )
    print(
        f"  peak memory:         {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:,.1f} MB resident; "
        f"{traced_peak / 1e6:,.1f} MB allocated while evaluating 2,000 logs"
    )


def main() -> None:
    """Run the benchmark and print its figures."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--logs", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--kind", choices=("lettings", "sales", "both"), default="both")
    options = parser.parse_args()
    if options.kind in ("lettings", "both"):
        measure("lettings-2026", make_logs(options.logs, options.seed))
    if options.kind in ("sales", "both"):
        measure("sales-2026", make_sales_logs(options.logs, options.seed))


if __name__ == "__main__":
    main()
