from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from collect.rulebook import Question, QuestionKind, Status, compile_collection
from collect.rulebook.evaluate import _numeric_issues
from tests.rulebook.toy import COMPLETE, TOY

ENGINE = compile_collection(TOY)


def test_a_complete_log_is_completed_with_derived_values():
    outcome = ENGINE.evaluate(COMPLETE)
    assert outcome.status is Status.COMPLETED
    assert outcome.errors == []
    assert outcome.warnings == []
    assert outcome.answers["code"] == "ABC"
    assert outcome.derived == {"code": "ABC", "totelder": 0}
    assert "setup_done" not in outcome.answers
    assert outcome.facts == {"setup_done": True}


def test_nothing_answered_is_not_started_and_later_subsections_cannot_start():
    outcome = ENGINE.evaluate({})
    assert outcome.status is Status.NOT_STARTED
    assert outcome.subsections == {
        "setup": Status.NOT_STARTED,
        "household": Status.CANNOT_START,
        "finances": Status.CANNOT_START,
    }
    assert outcome.routed_pages == ["needs_type", "code"]


def test_pages_route_on_answers():
    assert "scheme" in ENGINE.evaluate({"needstype": 2}).routed_pages
    assert "scheme" not in ENGINE.evaluate({"needstype": 1}).routed_pages
    assert "needs" not in ENGINE.evaluate({**COMPLETE, "hhmemb": 1, "needs_ramp": None}).routed_pages


def test_answers_off_route_are_cleared_and_reported():
    outcome = ENGINE.evaluate({**COMPLETE, "needstype": 1, "scheme": "S1", "hhmemb": 1})
    assert "scheme" not in outcome.answers
    assert outcome.cleared == {"scheme": "S1", "needs_ramp": 1}


def test_radio_answers_outside_the_options_are_cleared():
    outcome = ENGINE.evaluate({**COMPLETE, "needstype": 7})
    assert outcome.cleared["needstype"] == 7
    assert outcome.subsections["setup"] is Status.IN_PROGRESS
    assert outcome.missing["setup"] == ["needstype"]


def test_conditional_reveal_and_not_known():
    not_known = {**COMPLETE, "age1_known": 1}
    del not_known["age1"]
    assert ENGINE.evaluate(not_known).status is Status.COMPLETED
    missing_age = {**COMPLETE}
    del missing_age["age1"]
    outcome = ENGINE.evaluate(missing_age)
    assert outcome.missing == {"household": ["age1"]}


def test_optional_questions_are_not_required():
    without_code = {k: v for k, v in COMPLETE.items() if k != "code"}
    assert ENGINE.evaluate(without_code).status is Status.COMPLETED
    assert ENGINE.evaluate({"hhmemb": 1}).subsections["setup"] is Status.NOT_STARTED


def test_checkbox_needs_one_ticked_option():
    outcome = ENGINE.evaluate({**COMPLETE, "needs_ramp": 0, "needs_lift": 0})
    assert outcome.missing == {"household": ["needs"]}


def test_numeric_checks_give_format_range_and_step_messages():
    outcome = ENGINE.evaluate({**COMPLETE, "hhmemb": "two", "age1": Decimal("12.5"), "rent": "10.555"})
    messages = {(i.check_id, i.message) for i in outcome.errors}
    assert ("numeric.format.hhmemb", "Household members must be a number.") in messages
    assert ("numeric.range.age1", "Lead tenant's age must be between 16 and 120.") in messages
    assert ("numeric.step.age1", "Lead tenant's age must be a whole number.") in messages
    assert ("numeric.step.rent", "Rent must be given to the nearest hundredth.") in messages
    assert outcome.status is Status.IN_PROGRESS


def test_hard_checks_flag_each_field_with_its_message():
    outcome = ENGINE.evaluate({**COMPLETE, "hhmemb": 1, "needs_lift": 1})
    assert outcome.answers.get("needs_lift") is None  # off route when hhmemb == 1: cleared, so no error
    outcome = ENGINE.evaluate({**COMPLETE, "needs_lift": 1, "hhmemb": 2})
    assert outcome.errors == []


def test_soft_checks_warn_until_confirmed_and_block_completion_until_answered():
    high = {**COMPLETE, "rent": 900}
    outcome = ENGINE.evaluate(high)
    assert [(w.check_id, w.field, w.confirm_field) for w in outcome.warnings] == [("rent_high", "rent", "rent_check")]
    assert outcome.status is Status.IN_PROGRESS
    confirmed = ENGINE.evaluate({**high, "rent_check": 0})
    assert confirmed.warnings == []
    assert confirmed.status is Status.COMPLETED
    # The confirmation is cleared once the rent is back in range.
    assert ENGINE.evaluate({**COMPLETE, "rent_check": 0}).cleared == {"rent_check": 0}


def test_context_reaches_checks_and_messages():
    outcome = ENGINE.evaluate({**COMPLETE, "rent": 300}, {"limit": 250})
    assert [(e.check_id, e.message) for e in outcome.errors] == [("context_rule", "Rent must be at most 250.")]
    assert outcome.status is Status.IN_PROGRESS


def test_batch_evaluation_matches_single():
    logs = [(COMPLETE, None), ({**COMPLETE, "rent": 900}, None), ({}, None)]
    batch = ENGINE.evaluate_many(logs)
    assert [o.as_dict() for o in batch] == [ENGINE.evaluate(a, c).as_dict() for a, c in logs]


VALUES = st.one_of(
    st.none(),
    st.integers(-5, 1000),
    st.sampled_from(["", "x", "S1", "2", "1.5"]),
    st.decimals(min_value=-10, max_value=1000, places=2, allow_nan=False),
)
KEYS = st.sampled_from(
    [
        "needstype",
        "scheme",
        "code",
        "hhmemb",
        "age1_known",
        "age1",
        "needs_ramp",
        "needs_lift",
        "rent",
        "rent_check",
        "unknown",
        "totelder",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(KEYS, VALUES, max_size=12))
def test_random_answers_never_raise_and_outcomes_are_idempotent(answers):
    outcome = ENGINE.evaluate(answers)
    again = ENGINE.evaluate(outcome.answers)
    assert again.answers == outcome.answers
    assert again.status == outcome.status
    assert again.errors == outcome.errors
    assert again.warnings == outcome.warnings
    assert again.cleared == {}


def test_the_engine_does_not_import_django():
    import ast
    from pathlib import Path

    import collect.rulebook

    for path in Path(collect.rulebook.__file__).parent.rglob("*.py"):
        tree = ast.parse(path.read_text())
        for node in ast.walk(tree):
            names = (
                [a.name for a in node.names]
                if isinstance(node, ast.Import)
                else ([node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            )
            assert not any(n == "django" or n.startswith("django.") for n in names), f"{path} imports {names}"


def test_dates_are_read_from_iso_or_day_month_year():
    import datetime

    from collect.rulebook import CollectionYear, Page, Question, QuestionKind, Section, Subsection

    when = Question("when", QuestionKind.DATE, "When?", "Start date")
    dated = compile_collection(
        CollectionYear("d", "d", 2026, "d", (Section("s", "S", (Subsection("s", "S", (Page("p", (when,)),)),)),))
    )
    assert dated.evaluate({"when": "2026-10-05"}).answers["when"] == datetime.date(2026, 10, 5)
    assert dated.evaluate({"when": "5/10/2026"}).answers["when"] == datetime.date(2026, 10, 5)
    bad = dated.evaluate({"when": "31/2/2026"})
    assert [(e.check_id, e.message) for e in bad.errors] == [
        ("date.format.when", "Enter a date in the correct format, for example 31/1/2024.")
    ]
    assert bad.answers["when"] == "31/2/2026"  # kept, so nothing typed is lost


def test_a_message_function_can_leave_a_field_out():
    from collect.rulebook import Check, CollectionYear, F, Page, Question, QuestionKind, Section, Severity, Subsection

    q = Question("a", QuestionKind.NUMERIC, "A")
    check = Check("C", Severity.HARD, F("a") > 1, {"a": "Too big.", "b": lambda a, c: "" if a["a"] < 5 else "B too."})
    engine = compile_collection(
        CollectionYear(
            "x", "x", 2026, "x", (Section("s", "S", (Subsection("s", "S", (Page("p", (q,)),)),)),), checks=(check,)
        )
    )
    assert [e.field for e in engine.evaluate({"a": 2}).errors] == ["a"]
    assert [e.field for e in engine.evaluate({"a": 9}).errors] == ["a", "b"]


def test_not_a_number_is_unreadable_not_a_crash():
    for value in (Decimal("NaN"), Decimal("Infinity"), float("nan")):
        outcome = ENGINE.evaluate({**COMPLETE, "hhmemb": value, "age1": value})
        assert {e.check_id for e in outcome.errors} >= {"numeric.format.hhmemb", "numeric.format.age1"}


def _weekly_engine():
    """A collection where a derivation changes what a routing predicate and a remembered helper read."""
    from collect.rulebook import (
        Check,
        CollectionYear,
        Derivation,
        Page,
        Pred,
        Question,
        QuestionKind,
        Section,
        Severity,
        Subsection,
    )
    from collect.rulebook.conditions import remembered

    calls = []

    @remembered(reads=("weekly",))
    def weekly_of(answers):
        calls.append(answers.get("weekly"))
        return answers.get("weekly") or 0

    def derive(answers, context, previous):
        answers["weekly"] = answers["amount"] * 2 if answers.get("amount") is not None else None

    big = Pred("the weekly amount is over 10", lambda a, c: weekly_of(a) > 10, reads=("weekly",))
    pages = (
        Page("amount", (Question("amount", QuestionKind.NUMERIC, "Amount"),)),
        Page("confirm", (Question("sure", QuestionKind.RADIO, "Sure?", options=()),), shown_when=big),
    )
    check = Check("W", Severity.HARD, big, {"amount": lambda a, c: f"Weekly {weekly_of(a)} is too much."})
    collection = CollectionYear(
        "w",
        "w",
        2026,
        "W",
        (Section("s", "S", (Subsection("s", "S", pages),)),),
        derivations=(Derivation("weekly", "Weekly", ("weekly",), ("amount",), derive),),
        checks=(check,),
    )
    return compile_collection(collection), calls


def test_a_derivation_that_changes_what_a_remembered_helper_reads_makes_it_work_again():
    engine, calls = _weekly_engine()
    outcome = engine.evaluate({"amount": 6})
    # Routing first sees no weekly amount (0); after the derivation, weekly is 12: worked out again, routed again.
    assert calls == [None, 12]
    assert "confirm" in outcome.routed_pages
    assert [e.message for e in outcome.errors] == ["Weekly 12 is too much."]
    calls.clear()
    outcome = engine.evaluate({"amount": 5, "weekly": 10})
    assert calls == [10]  # the derivation gives weekly 10 again: nothing changed, nothing worked out again
    assert outcome.errors == []
    assert "confirm" not in outcome.routed_pages


def test_reads_outside_the_index_are_those_of_remembered_helpers_and_loose_predicates():
    from collect.rulebook.conditions import Pred, PredicateIndex, PredicateResults, remembered

    @remembered(reads=("a", "b"))
    def helper(answers):
        return answers.get("a")

    loose = Pred("c is 1", lambda a, c: a.get("c") == 1, reads=("c",))
    indexed = Pred("d is 1", lambda a, c: a.get("d") == 1, reads=("d",))
    results = PredicateResults(PredicateIndex([indexed]))
    with results.unchanged():
        helper({"a": 1})
        loose.compile()({"c": 1}, None)
        indexed.compile()({"d": 1}, None)
    assert results.reads_outside_index() == {"a", "b", "c"}


def test_a_number_too_long_to_divide_exactly_gives_messages_not_an_exception():
    from decimal import Decimal

    from collect.rulebook import Question, QuestionKind
    from collect.rulebook.evaluate import _numeric_issues

    rent = Question("rent", QuestionKind.NUMERIC, "Rent", minimum=0, maximum=1000, step=Decimal("0.01"))
    issues = _numeric_issues(rent, Decimal("1E+29"))
    assert [issue.check_id for issue in issues] == ["numeric.range.rent"]
    assert [i.check_id for i in _numeric_issues(rent, Decimal("1.5E+27") + Decimal("0.001"))] == ["numeric.range.rent"]
    assert [i.check_id for i in _numeric_issues(rent, Decimal("12.345"))] == ["numeric.step.rent"]


@pytest.mark.parametrize(
    ("step", "value", "wording"),
    [
        (Decimal("0.01"), Decimal("1.005"), "must be given to the nearest hundredth."),
        (Decimal("0.1"), Decimal("1.05"), "must be given to the nearest tenth."),
        (1, Decimal("1.5"), "must be a whole number."),
        (10, 1005, "must be given to the nearest ten."),
        (5, 7, "must be a multiple of 5."),
    ],
)
def test_step_messages_name_the_step(step, value, wording):
    question = Question("savings", QuestionKind.NUMERIC, "Savings", minimum=0, step=step)
    assert [i.message for i in _numeric_issues(question, value)] == [f"Savings {wording}"]
