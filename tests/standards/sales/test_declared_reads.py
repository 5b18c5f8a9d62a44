"""Every predicate, remembered helper and derivation of the 2026/27 sales declaration declares what it touches."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from collect.standards.sales.y2026 import SALES_2026
from tests.standards.declared_reads import all_predicates, assert_declared
from tests.standards.sales.support import make_context
from tests.standards.sales.test_examples import EXAMPLES, QUESTION_IDS, VALUES

PREDICATES = all_predicates(SALES_2026)
CONTEXT = make_context()
AUDITED: set[str] = set()


def test_there_are_predicates_to_check():
    assert len(PREDICATES) > 20


@pytest.mark.parametrize("route", sorted(EXAMPLES))
def test_the_complete_examples_touch_only_declared_answers(route):
    assert_declared(SALES_2026, PREDICATES, dict(EXAMPLES[route]), CONTEXT, AUDITED)
    assert "sale_range_for" in AUDITED


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.dictionaries(st.sampled_from(QUESTION_IDS), VALUES, max_size=40),
    st.sampled_from(sorted(EXAMPLES)),
    st.booleans(),
)
def test_random_answers_touch_only_declared_answers(changes, route, start_complete):
    base = EXAMPLES[route] if start_complete else {}
    assert_declared(SALES_2026, PREDICATES, {**base, **changes}, CONTEXT, AUDITED)
