from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from collect.rulebook import Question, QuestionKind, generate
from collect.rulebook.evaluate import _numeric_issues

QUESTIONS = (
    Question("whole", QuestionKind.NUMERIC, "Whole", minimum=1, maximum=15, step=1),
    Question("money", QuestionKind.NUMERIC, "Money", minimum=0, maximum=Decimal("999.99"), step=Decimal("0.01")),
    Question("fives", QuestionKind.NUMERIC, "Fives", minimum=-10, step=5),
    Question("open", QuestionKind.NUMERIC, "Open"),
)
TO_CHECK = generate.numeric_finder([(question, (n,)) for n, question in enumerate(QUESTIONS)])
VALUES = st.one_of(
    st.integers(-30, 2000),
    st.decimals(-30, 2000, places=3),
    st.decimals(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.floats(allow_nan=True),
    st.text(max_size=4),
)


@given(st.lists(VALUES, min_size=len(QUESTIONS), max_size=len(QUESTIONS)), st.lists(st.booleans(), min_size=4))
def test_the_numeric_finder_never_passes_over_an_answer_with_an_issue(values, routed):
    answers = {question.id: value for question, value in zip(QUESTIONS, values, strict=True)}
    found = TO_CHECK(answers, routed)
    for index, question in enumerate(QUESTIONS):
        try:
            issues = _numeric_issues(question, answers[question.id])
        except ArithmeticError:  # a Decimal too large to divide by the step: left to the full check, as before
            issues = [None]
        if routed[index] and issues:
            assert index in found


def test_the_numeric_finder_passes_over_plain_answers_and_pages_not_shown():
    answers = {"whole": 3, "money": Decimal("12.50"), "fives": 15, "open": Decimal("-1.234")}
    assert TO_CHECK(answers, [True] * 4) == []
    assert TO_CHECK({"whole": 16, "money": Decimal("1.005"), "fives": 3, "open": "x"}, [True] * 4) == [0, 1, 2, 3]
    assert TO_CHECK({"whole": 16, "money": 5000}, [False, True, True, True]) == [1]
    assert TO_CHECK({"whole": True, "money": Decimal("NaN")}, [True] * 4) == [0, 1]


def test_an_answer_read_more_than_once_is_read_once_but_a_flag_the_router_sets_is_read_after_it_is_set():
    from collect.rulebook import F, Page, Subsection
    from collect.rulebook.conditions import PredicateResults

    name = Question("name", QuestionKind.TEXT, "Name")
    age = Question("age", QuestionKind.NUMERIC, "Age")
    first = Subsection("first", "First", (Page("name", (name,)),), done_flag="first_done")
    done = F("first_done").is_true()
    second = Subsection(
        "second",
        "Second",
        (Page("age", (age,), shown_when=done & (F("name") != "x")), Page("adult", (age,), shown_when=F("age") >= 18)),
        enabled_when=done & (F("name") != "y"),
    )
    route = generate.router([first, second])
    answers = {"name": "Ann", "age": 20}
    routed = [False] * 3
    route(answers, None, routed, PredicateResults().results)
    assert answers["first_done"] is True
    assert routed == [True, True, True]
    routed = [False] * 3
    route({"age": 20}, None, routed, {})  # no name: the first subsection is not done, the second not enabled
    assert routed == [True, False, False]
