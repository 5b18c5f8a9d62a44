from __future__ import annotations

from collect.rulebook.conditions import F, Pred, all_of, always, any_of, never


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
