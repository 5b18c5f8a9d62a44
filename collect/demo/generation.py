"""Many realistic lettings logs for demos and benchmarks, inserted in batches (`manage.py generate_logs`).

Each log belongs to a team: an organisation that holds stock and has accepted the data sharing agreement, managed by
itself or by one of its managing agents that has accepted it too, and assigned to one of the managing organisation's
users. Its answers come from collect.demo.answers (a complete letting, or the first pages of one); the rulebook
evaluates them with the team's context from the database, and its outcome is stored exactly as the write path stores
it (`writing.store_outcome`, `duplicates.duplicate_key`). Generated logs are created via the "system" channel, so they
can be counted and replaced; they have no audit events, as nobody changed them.

Log number n is made from its own random generator (seed, n), so the same seed gives the same logs whatever the batch
size, and asking for more logs later adds the next numbers. Memory stays flat: one batch is held at a time.
"""

from __future__ import annotations

import collections
import dataclasses
import datetime
import multiprocessing
import random
from collections.abc import Callable, Generator, Iterator
from dataclasses import dataclass
from multiprocessing.pool import AsyncResult
from typing import Any

from django.db import connection, connections, reset_queries, transaction
from django.utils import timezone

from collect.accounts.models import Role, User
from collect.audit.models import Channel
from collect.demo import answers as varied
from collect.logs import duplicates
from collect.logs.context import lettings_context
from collect.logs.models import Log, LogKind, LogQuerySet
from collect.logs.refdata import DatabaseReferenceData
from collect.logs.writing import store_outcome
from collect.organisations.models import Organisation
from collect.standards.lettings.context import LettingsContext
from collect.standards.registry import collection as declaration
from collect.standards.registry import evaluator

DUPLICATE_SHARE = 0.02  # logs entered twice: a copy of one of the 50 logs before them
JUST_CREATED_SHARE = 0.1  # of the logs not complete: created, nothing answered yet


class NoTeamsError(Exception):
    """No organisation can have logs: none holds stock, has accepted the data sharing agreement and has users."""


@dataclass(frozen=True)
class Team:
    """Who a log belongs to: its owning and managing organisations, and the users it may be assigned to."""

    owner: Organisation
    manager: Organisation
    users: tuple[User, ...]


def teams() -> list[Team]:
    """Every owning and managing pair that may have logs, with the managing organisation's active users."""
    signed = Organisation.objects.filter(active=True, data_sharing_agreement__isnull=False)
    users: dict[int, list[User]] = {}
    for user in User.objects.filter(is_active=True, organisation__in=signed).exclude(role=Role.SUPPORT).order_by("pk"):
        users.setdefault(user.organisation_id, []).append(user)
    found = []
    for owner in signed.filter(holds_own_stock=True).order_by("pk"):
        agents = signed.filter(stock_owner_links__stock_owner=owner).order_by("pk")
        for manager in (owner, *agents):
            if users.get(manager.pk):
                found.append(Team(owner, manager, tuple(users[manager.pk])))
    return found


def generated(collection_id: str) -> LogQuerySet:
    """The generated logs of a collection year."""
    return Log.objects.filter(kind=LogKind.LETTINGS, collection=collection_id, created_via=Channel.SYSTEM)


def delete_generated(collection_id: str) -> int:
    """Delete the generated logs of a collection year; how many there were."""
    deleted, _ = generated(collection_id).delete()
    return deleted


@dataclass(frozen=True)
class _Plan:
    team: Team
    user: User
    answers: dict[str, Any]


class _Planner:
    """The answers of log number n, from its own random generator."""

    def __init__(self, collection_id: str, found: list[Team], seed: int, complete_share: float) -> None:
        self.engine = evaluator(collection_id)
        self.teams = found
        self.seed = seed
        self.complete_share = complete_share
        self.pages = varied.page_count(self.engine)
        start_year = declaration(collection_id).start_year
        self.first_day = datetime.date(start_year, 4, 1)
        year_end = datetime.date(start_year + 1, 3, 31)
        self.last_day = max(self.first_day, min(timezone.localdate(), year_end))

    def _rng(self, number: int) -> random.Random:
        return random.Random(self.seed * 1_000_000_007 + number)  # noqa: S311 - made-up data, not secrets

    def _complete(self, number: int, rng: random.Random) -> _Plan:
        if number > 0 and rng.random() < DUPLICATE_SHARE:
            earlier = number - rng.randrange(1, min(number, 50) + 1)
            return self._complete(earlier, self._rng(earlier))
        team = self.teams[rng.randrange(len(self.teams))]
        user = team.users[rng.randrange(len(team.users))]
        answers = varied.complete_answers(
            rng,
            number=number,
            owner_id=team.owner.pk,
            manager_id=team.manager.pk,
            assigned_id=user.pk,
            owner_provider_type=team.owner.provider_type,
            first_day=self.first_day,
            last_day=self.last_day,
        )
        return _Plan(team, user, answers)

    def plan(self, number: int) -> _Plan:
        """Log number n: complete, or the first pages of a complete log (none for a log just created)."""
        rng = self._rng(number)
        plan = self._complete(number, rng)
        if rng.random() < self.complete_share:
            return plan
        pages_done = 0 if rng.random() < JUST_CREATED_SHARE else rng.randrange(1, self.pages)
        return dataclasses.replace(plan, answers=varied.partly_answered(self.engine, plan.answers, pages_done))


class _Contexts:
    """One rulebook context per team and user, with one reference data cache for the whole run."""

    def __init__(self) -> None:
        self.refdata = DatabaseReferenceData()
        self.found: dict[tuple[int, int, int], LettingsContext] = {}

    def of(self, plan: _Plan) -> LettingsContext:
        key = (plan.team.owner.pk, plan.team.manager.pk, plan.user.pk)
        if key not in self.found:
            ids = dict(zip(varied.SETUP_DEFAULTS, key, strict=True))
            context = lettings_context(ids, plan.user, is_new_log=False)
            self.found[key] = dataclasses.replace(context, refdata=self.refdata)
        return self.found[key]


def _batches(start: int, stop: int, size: int) -> Iterator[range]:
    for first in range(start, stop, size):
        yield range(first, min(first + size, stop))


@dataclass(frozen=True)
class _Maker:
    """Makes the unsaved logs of a batch of numbers: plans them, evaluates them, stores the outcomes on them."""

    collection_id: str
    planner: _Planner
    contexts: _Contexts
    confirmed: dict[str, Any]

    def __call__(self, numbers: range) -> list[Log]:
        plans = [self.planner.plan(n) for n in numbers]
        pairs = [({**self.confirmed, **plan.answers}, self.contexts.of(plan)) for plan in plans]
        logs = []
        for plan, outcome in zip(plans, self.planner.engine.evaluate_many(pairs), strict=True):
            log = Log(
                kind=LogKind.LETTINGS,
                collection=self.collection_id,
                created_by=plan.user,
                created_via=Channel.SYSTEM,
                version=1,
            )
            store_outcome(log, outcome)
            log.duplicate_key = duplicates.duplicate_key(log, outcome.answers)
            logs.append(log)
        return logs


_maker: _Maker | None = None  # what forked worker processes make logs with


def _make_in_worker(numbers: range) -> list[Log]:
    assert _maker is not None
    return _maker(numbers)


def _made_in_workers(batches: Iterator[range], jobs: int) -> Iterator[list[Log]]:
    """The batches' logs in order, made by forked workers, with at most two batches per worker waiting at a time."""
    with multiprocessing.get_context("fork").Pool(jobs) as pool:
        waiting: collections.deque[AsyncResult[list[Log]]] = collections.deque()
        for numbers in batches:
            waiting.append(pool.apply_async(_make_in_worker, (numbers,)))
            if len(waiting) >= 2 * jobs:
                yield waiting.popleft().get()
        while waiting:
            yield waiting.popleft().get()


def generate_logs(
    count: int,
    collection_id: str = "lettings-2026",
    *,
    seed: int = 1,
    complete_share: float = 0.7,
    batch_size: int = 2000,
    jobs: int = 1,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Make the collection year's generated logs number `count` (adding the missing ones); how many were added.

    With `jobs` above 1, that many forked processes evaluate batches while this one inserts them (each process opens
    its own database connection). `progress` is called with the number of generated logs after each batch.
    """
    global _maker  # noqa: PLW0603 - handed to the forked workers
    found = teams()
    if not found:
        raise NoTeamsError(
            "No organisation holds stock, has accepted the data sharing agreement and has active users: "
            "load the demo data first (manage.py load_demo_data)."
        )
    planner = _Planner(collection_id, found, seed, complete_share)
    contexts = _Contexts()
    for team in found:  # every context, and the postcodes' local authorities, found once before any fork
        for user in team.users:
            contexts.of(_Plan(team, user, {}))
    for postcode in varied.POSTCODES:
        contexts.refdata.local_authority_for_postcode(postcode)
    # Soft checks are confirmed on their pages as a person goes.
    maker = _Maker(collection_id, planner, contexts, varied.confirmations(planner.engine))
    existing = generated(collection_id).count()
    batches = _batches(existing, count, batch_size)
    if jobs > 1:
        _maker = maker
        contexts.refdata.preload()  # the workers look nothing up in the database
        if not connection.in_atomic_block:  # (inside a transaction, as in tests, the connection must stay open)
            connections.close_all()  # no worker shares this process's connection
    made = _made_in_workers(batches, jobs) if jobs > 1 else map(maker, batches)
    try:
        done = existing
        for logs in made:
            with transaction.atomic():
                Log.objects.bulk_create(logs, batch_size=500)
            reset_queries()  # with DEBUG on, Django would keep every insert's SQL
            done += len(logs)
            if progress:
                progress(done)
    finally:
        if isinstance(made, Generator):
            made.close()  # stops the workers
        _maker = None
    return max(count - existing, 0)
