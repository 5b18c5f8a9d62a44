"""Every predicate and derivation of the 2026/27 lettings declaration declares exactly what it touches.

The evaluator keeps a predicate's result until an answer it declares in `reads` changes, and skips routing again
when no derivation changed an answer that routing reads, so an undeclared read would give a stale outcome. These
tests run each predicate and derivation over the complete examples and random answers with answers that record
every key used, and fail on any read or write that is not declared.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from collect.rulebook.conditions import Pred
from collect.standards.lettings.y2026 import LETTINGS_2026, examples
from tests.standards.declared_reads import Recording, all_predicates, assert_declared
from tests.standards.lettings.support import make_context, supported_context
from tests.standards.lettings.test_examples import QUESTION_IDS, VALUES

PREDICATES = all_predicates(LETTINGS_2026)
CONTEXTS = {"gn": make_context(), "sh": supported_context()}
EXAMPLES = {"gn": examples.GENERAL_NEEDS, "sh": examples.SUPPORTED_HOUSING}
AUDITED: set[str] = set()


def _assert_declared(answers: dict[str, Any], kind: str) -> None:
    assert_declared(LETTINGS_2026, PREDICATES, answers, CONTEXTS[kind], AUDITED)


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
