from __future__ import annotations

from collect.rulebook import generate
from collect.rulebook.conditions import (
    F,
    Pred,
    PredicateIndex,
    PredicateResults,
    all_of,
    always,
    any_of,
    never,
    once_per_pass,
    remembered,
)
from collect.rulebook.declaration import Check, Severity


def check(condition, answers):
    return condition.compile()(answers, None)


def test_comparisons_with_missing_answers_are_false_except_not_equal():
    assert check(F("a") == 1, {"a": 1})
    assert not check(F("a") == 1, {})
    assert not check(F("a") > 1, {})
    assert not check(F("a") < 1, {})
    assert check(F("a") != 1, {})
    assert check(F("a") != 1, {"a": 2})
    assert not check(F("a") != 1, {"a": 1})


def test_none_means_missing():
    assert check(F("a") == None, {})  # noqa: E711
    assert not check(F("a") == None, {"a": 0})  # noqa: E711
    assert check(F("a") != None, {"a": 0})  # noqa: E711
    assert check(F("a").missing(), {"a": None})
    assert check(F("a").answered(), {"a": 0})


def test_membership_and_combinations():
    condition = F("tenancy").one_of(4, 6) & ((F("needstype") == 1) | ~(F("renewal") == 1))
    assert check(condition, {"tenancy": 4, "needstype": 1})
    assert check(condition, {"tenancy": 6, "needstype": 2})
    assert not check(condition, {"tenancy": 6, "needstype": 2, "renewal": 1})
    assert not check(condition, {"tenancy": 5})
    assert check(F("x").not_one_of(1, 2), {})
    assert condition.fields == {"tenancy", "needstype", "renewal"}


def test_descriptions_read_as_rules():
    assert str(F("needstype") == 2) == "needstype == 2"
    assert str(F("tenancy").one_of(6, 4)) == "tenancy is one of {4, 6}"
    assert str((F("a") == 1) & ((F("b") == "P") | F("c").missing())) == "a == 1 and (b == 'P' or c is not answered)"


def test_predicates_and_helpers():
    over = Pred("age over the context limit", lambda a, c: a.get("age", 0) > c, reads=("age",))
    assert over.compile()({"age": 70}, 66)
    assert over.fields == {"age"}
    assert check(all_of([]), {}) is True
    assert check(any_of([]), {}) is False
    assert check(always, {})
    assert not check(never, {})
    assert check(all_of([F("a") == 1]), {"a": 1})


def _counting(description, reads, test):
    calls = []

    def counted(answers, context):
        calls.append(1)
        return test(answers, context)

    return Pred(description, counted, reads=reads), calls


def test_a_predicate_result_is_kept_across_passes_until_an_answer_it_reads_changes():
    adult, calls = _counting("adult", ("age",), lambda a, c: a.get("age", 0) >= 18)
    tenant, other_calls = _counting("tenant", ("relat",), lambda a, c: a.get("relat") == "T")
    finder = generate.check_finder(
        [Check("adult", Severity.HARD, adult, {"age": "x"}), Check("tenant", Severity.HARD, tenant, {"relat": "y"})]
    )
    assert set(finder.predicates) == {adult, tenant}
    results = PredicateResults(PredicateIndex(finder.predicates))
    answers = {"age": 20, "relat": "T"}
    assert finder(answers, None, results.results) == [0, 1]
    assert finder(answers, None, results.results) == [0, 1]
    assert (len(calls), len(other_calls)) == (1, 1)  # the second pass reuses both results
    answers["age"] = 10
    results.forget({"age"})
    assert finder(answers, None, results.results) == [1]
    assert (len(calls), len(other_calls)) == (2, 1)  # only the predicate reading age is worked out again


def test_a_compiled_predicate_outside_the_index_is_kept_and_forgotten_too():
    adult, calls = _counting("adult", ("age",), lambda a, c: a.get("age", 0) >= 18)
    test = (adult & (F("x") == 1)).compile()
    results = PredicateResults(PredicateIndex(()))
    answers = {"age": 20, "x": 1}
    with results.unchanged():
        assert test(answers, None)
    with results.unchanged():
        assert test(answers, None)
    assert len(calls) == 1
    answers["age"] = 10
    results.forget({"other"})
    results.forget({"age"})
    with results.unchanged():
        assert not test(answers, None)
    assert len(calls) == 2
    assert not test({"age": 20, "x": 2}, None)  # outside a pass it simply runs
    assert len(calls) == 3


def test_a_remembered_helper_is_kept_across_passes_until_an_answer_it_reads_changes():
    calls = []

    @remembered(reads=("earnings", "hhmemb"))
    def per_person(answers, context, rounding):
        calls.append(rounding)
        return round(answers["earnings"] / answers["hhmemb"], rounding)

    assert per_person.reads == {"earnings", "hhmemb"}
    answers = {"earnings": 100, "hhmemb": 3}
    results = PredicateResults()
    for _ in range(2):
        with results.unchanged():
            assert per_person(answers, None, 1) == 33.3
            assert per_person(answers, None, 1) == 33.3
            assert per_person(answers, None, 2) == 33.33  # other arguments: worked out for themselves
    assert calls == [1, 2]
    results.forget({"age1"})
    with results.unchanged():
        per_person(answers, None, 1)
    assert calls == [1, 2]
    answers["hhmemb"] = 4
    results.forget({"hhmemb"})
    with results.unchanged():
        assert per_person(answers, None, 1) == 25
    assert calls == [1, 2, 1]
    assert per_person(answers, None, 1) == 25  # outside a pass it simply runs
    assert calls == [1, 2, 1, 1]


def test_an_audit_works_out_remembered_helpers():
    @remembered(reads=("a",))
    def helper(answers):
        return answers.get("a", 0) + answers.get("b", 0)

    seen = []

    def audit(found, function, args):
        seen.append((found, args))
        return function(*args)

    results = PredicateResults()
    results.audit = audit
    with results.unchanged():
        assert helper({"a": 1, "b": 2}) == 3
        assert helper({"a": 1, "b": 2}) == 3
    assert seen == [(helper, ({"a": 1, "b": 2},))]


def test_a_once_per_pass_helper_runs_once_per_pass():
    calls = []

    @once_per_pass
    def doubled(answers):
        calls.append(1)
        return answers["a"] * 2

    answers = {"a": 2}
    results = PredicateResults()
    for _ in range(2):
        with results.unchanged():
            assert doubled(answers) == doubled(answers) == 4
    assert len(calls) == 2
