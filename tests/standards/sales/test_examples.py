"""The complete example logs of each route, and random answers thrown at the whole 2026/27 sales declaration."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from collect.rulebook import Status
from collect.standards.sales.y2026 import SALES_2026, examples
from tests.standards.sales.support import evaluate

EXAMPLES = {
    "shared": examples.SHARED_OWNERSHIP,
    "staircasing": examples.STAIRCASING,
    "discounted": examples.DISCOUNTED_OWNERSHIP,
}
# The subsections each route completes (sales-2026.md §1: the others are not in its task list).
LISTED = {
    "shared": "shared_ownership_initial_purchase",
    "staircasing": "shared_ownership_staircasing_transaction",
    "discounted": "discounted_ownership_scheme",
}


@pytest.mark.parametrize("route", sorted(EXAMPLES))
def test_a_complete_log_of_each_route_is_completed_with_no_errors_or_warnings(route):
    outcome = evaluate(EXAMPLES[route])
    assert outcome.errors == []
    assert outcome.warnings == []
    assert outcome.missing == {}
    assert outcome.cleared == {}
    assert outcome.status is Status.COMPLETED
    assert LISTED[route] in outcome.subsections
    assert set(LISTED.values()) - {LISTED[route]} & set(outcome.subsections) == set()


def test_a_staircasing_transaction_lists_neither_household_situation_nor_finances():
    listed = evaluate(examples.STAIRCASING).subsections
    assert "household_situation" not in listed
    assert "other_household_information" not in listed
    assert "income_benefits_and_savings" not in listed
    assert listed["household_characteristics"] is Status.COMPLETED


def test_derived_values_of_the_examples():
    shared = evaluate(examples.SHARED_OWNERSHIP).answers
    assert shared["hhmemb"] == examples.SHARED_OWNERSHIP["hholdcount"]
    assert shared["pcode1"] == "LS1"
    discounted = evaluate(examples.DISCOUNTED_OWNERSHIP).answers
    assert discounted["ppostcode_full"] == discounted["postcode_full"]  # copied from the property (§3.2 row 7)


@pytest.mark.parametrize("route", sorted(EXAMPLES))
def test_complete_logs_are_idempotent(route):
    first = evaluate(EXAMPLES[route])
    again = evaluate(first.answers)
    assert again.answers == first.answers
    assert again.status is first.status


QUESTION_IDS = sorted({key for q in SALES_2026.questions().values() for key in q.answer_ids})
VALUES = st.one_of(
    st.none(),
    st.integers(-3, 130),
    st.sampled_from(["", "x", "P", "X", "R", "M", "F", "E08000035", "E09000033", "LS1 1AA", "SW1A1AA", "12.5"]),
    st.decimals(min_value=-10, max_value=1_000_000, places=2, allow_nan=False, allow_infinity=False),
    st.dates(min_value=datetime.date(1975, 1, 1), max_value=datetime.date(2030, 12, 31)),
    st.booleans(),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.dictionaries(st.sampled_from(QUESTION_IDS), VALUES, max_size=40),
    st.sampled_from(sorted(EXAMPLES)),
    st.booleans(),
)
def test_random_answers_never_raise_and_outcomes_are_idempotent(changes, route, start_complete):
    base = EXAMPLES[route] if start_complete else {}
    outcome = evaluate({**base, **changes})
    again = evaluate(outcome.answers)
    assert again.answers == outcome.answers
    assert again.status is outcome.status
    assert [e.check_id for e in again.errors] == [e.check_id for e in outcome.errors]
    assert again.cleared == {}


def test_money_answers_may_be_strings_as_forms_and_files_send_them():
    outcome = evaluate({**examples.SHARED_OWNERSHIP, "value": "200000", "mrent": "500.00"})
    assert outcome.answers["value"] == Decimal(200000)
    assert outcome.status is Status.COMPLETED
