"""Every predicate and derivation of the 2026/27 lettings declaration declares exactly what it touches.

The evaluator keeps a predicate's result until an answer it declares in `reads` changes, and skips routing again
when no derivation changed an answer that routing reads, so an undeclared read would give a stale outcome. These
tests run each predicate and derivation over the complete examples and random answers with answers that record
every key used, and fail on any read or write that is not declared.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from collect.rulebook.conditions import Pred, PredicateResults, predicates
from collect.standards.lettings.y2026 import LETTINGS_2026, examples
from tests.standards.lettings.support import make_context, supported_context
from tests.standards.lettings.test_examples import QUESTION_IDS, VALUES

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


def _all_predicates() -> list[Pred]:
    found: dict[int, Pred] = {}
    for condition in LETTINGS_2026.conditions():
        for predicate in predicates(condition):
            found.setdefault(id(predicate), predicate)
    return list(found.values())


PREDICATES = _all_predicates()
CONTEXTS = {"gn": make_context(), "sh": supported_context()}
EXAMPLES = {"gn": examples.GENERAL_NEEDS, "sh": examples.SUPPORTED_HOUSING}


def _audit(helper: Any, function: Any, args: tuple[Any, ...]) -> Any:
    """Work out a remembered helper over answers that record what it reads, and check it declares them."""
    recording = Recording(dict(args[0]))
    value = function(recording, *args[1:])
    undeclared = recording.read - helper.reads
    assert not undeclared, f"helper {function.__name__} reads {sorted(undeclared)} without declaring them"
    AUDITED.add(function.__name__)
    return value


AUDITED: set[str] = set()


def _assert_declared(answers: dict[str, Any], kind: str) -> None:
    context = CONTEXTS[kind]
    for predicate in PREDICATES:
        recording = Recording(answers)
        predicate.test(recording, context)
        undeclared = recording.read - predicate.fields
        assert not undeclared, f"{predicate.description!r} reads {sorted(undeclared)} without declaring them"
        # Again in a pass, where remembered helpers (kept until an answer they read changes) are audited.
        results = PredicateResults()
        results.audit = _audit
        with results.unchanged():
            predicate.test(Recording(answers), context)
    for derivation in LETTINGS_2026.derivations:
        recording = Recording(answers)
        derivation.apply(recording, context, None)
        unread = recording.read - set(derivation.reads) - set(derivation.sets)
        unset = recording.written - set(derivation.sets)
        assert not unread, f"derivation {derivation.id} reads {sorted(unread)} without declaring them"
        assert not unset, f"derivation {derivation.id} sets {sorted(unset)} without declaring them"


def test_there_are_predicates_to_check():
    assert len(PREDICATES) > 20


@pytest.mark.parametrize("kind", ["gn", "sh"])
def test_the_complete_examples_touch_only_declared_answers(kind):
    _assert_declared(dict(EXAMPLES[kind]), kind)
    assert {"rent_range_for", "applicable_income_range", "_charge_limits"} <= AUDITED


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.dictionaries(st.sampled_from(QUESTION_IDS), VALUES, max_size=40),
    st.sampled_from(["gn", "sh"]),
    st.booleans(),
)
def test_random_answers_touch_only_declared_answers(changes, kind, start_complete):
    base = EXAMPLES[kind] if start_complete else {}
    _assert_declared({**base, **changes}, kind)


def test_a_recording_catches_an_undeclared_read():
    sneaky = Pred("reads more than it says", lambda a, c: a.get("other") == 1, reads=("declared",))
    recording = Recording({"declared": 1})
    sneaky.test(recording, None)
    assert recording.read - sneaky.fields == {"other"}
