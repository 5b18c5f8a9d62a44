"""The complete example logs, and random answers thrown at the whole 2026/27 lettings declaration."""

from __future__ import annotations

import datetime
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from collect.rulebook import Status
from collect.standards.lettings.y2026 import LETTINGS_2026, examples
from tests.standards.lettings.support import evaluate, make_context, supported_context


def test_a_complete_general_needs_log_is_completed_with_no_errors():
    outcome = evaluate(examples.GENERAL_NEEDS)
    assert outcome.errors == []
    assert outcome.warnings == []
    assert outcome.missing == {}
    assert outcome.status is Status.COMPLETED
    assert outcome.answers["lettype"] == 1  # social rent, general needs, housing association
    assert outcome.answers["hhtype"] == 4  # two adults


def test_a_complete_supported_housing_log_is_completed_with_no_errors():
    outcome = evaluate(examples.SUPPORTED_HOUSING, supported_context())
    assert outcome.errors == []
    assert outcome.warnings == []
    assert outcome.status is Status.COMPLETED
    assert outcome.answers["lettype"] == 2
    assert outcome.answers["wchair"] == 2  # from the location's mobility type


def test_complete_logs_are_idempotent():
    for log, context in ((examples.GENERAL_NEEDS, make_context()), (examples.SUPPORTED_HOUSING, supported_context())):
        first = evaluate(log, context)
        again = evaluate(first.answers, context)
        assert again.answers == first.answers
        assert again.status is first.status


QUESTION_IDS = sorted({key for q in LETTINGS_2026.questions().values() for key in q.answer_ids})
VALUES = st.one_of(
    st.none(),
    st.integers(-3, 130),
    st.sampled_from(["", "x", "P", "X", "R", "M", "F", "E08000035", "LS1 1AA", "SW1A1AA", "12.5", "ABC 123"]),
    st.decimals(min_value=-10, max_value=100000, places=2, allow_nan=False, allow_infinity=False),
    st.dates(min_value=datetime.date(2000, 1, 1), max_value=datetime.date(2030, 12, 31)),
    st.booleans(),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.dictionaries(st.sampled_from(QUESTION_IDS), VALUES, max_size=40),
    st.sampled_from(["gn", "sh"]),
    st.booleans(),
)
def test_random_answers_never_raise_and_outcomes_are_idempotent(changes, kind, start_complete):
    base = (examples.GENERAL_NEEDS if kind == "gn" else examples.SUPPORTED_HOUSING) if start_complete else {}
    context = make_context() if kind == "gn" else supported_context()
    answers = {**base, **changes}
    outcome = evaluate(answers, context)
    again = evaluate(outcome.answers, context)
    assert again.answers == outcome.answers
    assert again.status is outcome.status
    assert [e.check_id for e in again.errors] == [e.check_id for e in outcome.errors]
    assert again.cleared == {}


def test_money_answers_may_be_strings_as_forms_and_files_send_them():
    outcome = evaluate({**examples.GENERAL_NEEDS, "brent": "100.00", "earnings": "500"})
    assert outcome.answers["brent"] == Decimal("100.00")
    assert outcome.status is Status.COMPLETED
