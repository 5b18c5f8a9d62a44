"""Checking that a declaration's predicates, remembered helpers and derivations touch only what they declare.

The evaluator keeps a predicate's result until an answer it declares in `reads` changes, and skips routing again
when no derivation changed an answer that routing reads, so an undeclared read would give a stale outcome. Each
declaration's test runs its predicates and derivations over complete examples and random answers with answers that
record every key used (`assert_declared`).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from collect.rulebook import CollectionYear
from collect.rulebook.conditions import Pred, PredicateResults, predicates

EVERYTHING = "*every answer*"


class Recording(dict[str, Any]):
    """Answers that note each key read or written (reading them all, by iterating, is noted as EVERYTHING)."""

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        self.read: set[str] = set()
        self.written: set[str] = set()

    def get(self, key: str, default: Any = None) -> Any:
        self.read.add(key)
        return super().get(key, default)

    def __getitem__(self, key: str) -> Any:
        self.read.add(key)
        return super().__getitem__(key)

    def __contains__(self, key: object) -> bool:
        self.read.add(str(key))
        return super().__contains__(key)

    def __iter__(self) -> Iterator[str]:
        self.read.add(EVERYTHING)
        return super().__iter__()

    def keys(self) -> Any:
        self.read.add(EVERYTHING)
        return super().keys()

    def items(self) -> Any:
        self.read.add(EVERYTHING)
        return super().items()

    def values(self) -> Any:
        self.read.add(EVERYTHING)
        return super().values()

    def __setitem__(self, key: str, value: Any) -> None:
        self.written.add(key)
        super().__setitem__(key, value)

    def __delitem__(self, key: str) -> None:
        self.written.add(key)
        super().__delitem__(key)

    def pop(self, key: str, *default: Any) -> Any:
        self.written.add(key)
        return super().pop(key, *default)

    def setdefault(self, key: str, default: Any = None) -> Any:
        self.read.add(key)
        self.written.add(key)
        return super().setdefault(key, default)

    def update(self, *args: Any, **kwargs: Any) -> None:
        self.written.update(dict(*args, **kwargs))
        super().update(*args, **kwargs)


def all_predicates(collection: CollectionYear) -> list[Pred]:
    """Every predicate of a collection year's conditions, once each."""
    found: dict[int, Pred] = {}
    for condition in collection.conditions():
        for predicate in predicates(condition):
            found.setdefault(id(predicate), predicate)
    return list(found.values())


def assert_declared(
    collection: CollectionYear, found: list[Pred], answers: dict[str, Any], context: Any, audited: set[str]
) -> None:
    """Fail on any predicate, remembered helper or derivation touching an answer it does not declare.

    `audited` collects the names of the remembered helpers worked out (a test can require some of them).
    """

    def audit(helper: Any, function: Any, args: tuple[Any, ...]) -> Any:
        recording = Recording(dict(args[0]))
        value = function(recording, *args[1:])
        undeclared = recording.read - helper.reads
        assert not undeclared, f"helper {function.__name__} reads {sorted(undeclared)} without declaring them"
        audited.add(function.__name__)
        return value

    for predicate in found:
        recording = Recording(answers)
        predicate.test(recording, context)
        undeclared = recording.read - predicate.fields
        assert not undeclared, f"{predicate.description!r} reads {sorted(undeclared)} without declaring them"
        # Again in a pass, where remembered helpers (kept until an answer they read changes) are audited.
        results = PredicateResults()
        results.audit = audit
        with results.unchanged():
            predicate.test(Recording(answers), context)
    for derivation in collection.derivations:
        recording = Recording(answers)
        derivation.apply(recording, context, None)
        unread = recording.read - set(derivation.reads) - set(derivation.sets)
        unset = recording.written - set(derivation.sets)
        assert not unread, f"derivation {derivation.id} reads {sorted(unread)} without declaring them"
        assert not unset, f"derivation {derivation.id} sets {sorted(unset)} without declaring them"
