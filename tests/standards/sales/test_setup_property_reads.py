"""The predicates and derivations of the sales setup, property and other household modules declare what they touch.

The evaluator keeps a predicate's result until an answer it declares in `reads` changes, so an undeclared read would
give a stale outcome. Each predicate and derivation of these modules runs over random answers that record every key
used (the lettings declared-reads test's `Recording`), and evaluating an outcome again changes nothing.
"""

from __future__ import annotations

import datetime
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from collect.rulebook.conditions import Condition, predicates
from collect.standards.sales.y2026 import other_household_information, property_information, setup
from tests.standards.lettings.test_declared_reads import Recording
from tests.standards.sales.support import JOINT, SETUP_SHARED, evaluate, evaluate_change, make_context

MODULES = (setup, property_information, other_household_information)


def _conditions() -> list[Condition]:
    found: list[Condition] = []
    for module in MODULES:
        for page in module.SUBSECTION.pages:
            found.append(page.shown_when)
            found.extend(q.not_known_when for q in page.questions)
            found.extend(q.derived_when for q in page.questions)
        found.extend(check.when for check in module.CHECKS)
    return found


PREDICATES = list({id(p): p for c in _conditions() for p in predicates(c)}.values())
DERIVATIONS = [d for module in MODULES for d in module.DERIVATIONS]
KEYS = sorted(
    {key for module in MODULES for page in module.SUBSECTION.pages for q in page.questions for key in q.answer_ids}
    | {"pcodenk", "is_la_inferred", "manual_address_entry_selected", "uprn_known", "uprn_confirmed", "uprn_selection"}
)
VALUES = st.one_of(
    st.none(),
    st.integers(-3, 130),
    st.sampled_from(["", "x", "E08000035", "E08000016", "W06000015", "LS1 1AA", "sw1a1aa", "CF10 1AA", "10010457355"]),
    st.dates(min_value=datetime.date(2024, 1, 1), max_value=datetime.date(2028, 12, 31)),
    st.booleans(),
)
ANSWERS = st.dictionaries(st.sampled_from(KEYS), VALUES, max_size=20)


def test_there_are_predicates_and_derivations_to_check():
    assert len(PREDICATES) >= 10
    assert len(DERIVATIONS) == 6


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ANSWERS, st.booleans())
def test_random_answers_touch_only_declared_answers(changes, joint):
    answers: dict[str, Any] = {**SETUP_SHARED, **(JOINT if joint else {}), **changes}
    context = make_context()
    for predicate in PREDICATES:
        recording = Recording(answers)
        predicate.test(recording, context)
        undeclared = recording.read - predicate.fields
        assert not undeclared, f"{predicate.description!r} reads {sorted(undeclared)} without declaring them"
    for derivation in DERIVATIONS:
        recording = Recording(answers)
        derivation.apply(recording, context, None)
        unread = recording.read - set(derivation.reads) - set(derivation.sets)
        unset = recording.written - set(derivation.sets)
        assert not unread, f"derivation {derivation.id} reads {sorted(unread)} without declaring them"
        assert not unset, f"derivation {derivation.id} sets {sorted(unset)} without declaring them"


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ANSWERS)
def test_evaluating_an_outcome_again_changes_nothing(changes):
    first = evaluate({**SETUP_SHARED, **changes})
    again = evaluate_change(first.answers, first.answers)
    assert again.answers == first.answers
    assert again.routed_pages == first.routed_pages
