"""Conditions over a log's answers: composable, describable, and compiled once to plain Python closures.

`F("needstype") == 2` is a Condition. Conditions combine with `&`, `|` and `~`, describe themselves for the
generated documentation (`str(condition)`), list the answers they read (`fields`), and compile to a function of
(answers, context) that runs fast in bulk.

Comparison semantics follow the national form engine (lettings-2026.md §0): a comparison with a missing answer is
false, except `!=`, which is true when the answer is missing ("renewal != 1" holds for an unanswered renewal).
"""

from __future__ import annotations

import contextlib
import operator
import threading
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

Answers = Mapping[str, Any]
Test = Callable[[Answers, Any], bool]


class Condition:
    """A yes/no question about a log's answers (and its context)."""

    fields: frozenset[str] = frozenset()

    def compile(self) -> Test:
        """A fast function of (answers, context) giving the condition's value."""
        raise NotImplementedError

    def __and__(self, other: Condition) -> Condition:
        return All((self, other))

    def __or__(self, other: Condition) -> Condition:
        return AnyOf((self, other))

    def __invert__(self) -> Condition:
        return Not(self)


@dataclass(frozen=True)
class _Always(Condition):
    value: bool

    def compile(self) -> Test:
        result = self.value
        return lambda answers, context: result

    def __str__(self) -> str:
        return "always" if self.value else "never"


always: Condition = _Always(value=True)
never: Condition = _Always(value=False)

_COMPARISONS: dict[str, Callable[[Any, Any], bool]] = {
    "==": operator.eq,
    "<": operator.lt,
    "<=": operator.le,
    ">": operator.gt,
    ">=": operator.ge,
}


def _show(value: Any) -> str:
    return repr(value) if isinstance(value, str) else str(value)


@dataclass(frozen=True, eq=False)
class Compare(Condition):
    """An answer compared with a constant."""

    name: str
    op: str
    value: Any
    fields: frozenset[str] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "fields", frozenset({self.name}))

    def compile(self) -> Test:
        name, value = self.name, self.value
        if self.op == "!=":
            return lambda answers, context: answers.get(name) != value
        compare = _COMPARISONS[self.op]

        def test(answers: Answers, context: Any) -> bool:
            given = answers.get(name)
            if given is None:
                return False
            try:
                return compare(given, value)
            except TypeError:  # an answer of the wrong type (text where a number belongs) matches nothing
                return False

        return test

    def __str__(self) -> str:
        return f"{self.name} {self.op} {_show(self.value)}"


@dataclass(frozen=True, eq=False)
class IsIn(Condition):
    """An answer is one of some values."""

    name: str
    values: frozenset[Any]
    fields: frozenset[str] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "fields", frozenset({self.name}))

    def compile(self) -> Test:
        name, values = self.name, self.values
        return lambda answers, context: answers.get(name) in values

    def __str__(self) -> str:
        shown = ", ".join(sorted(_show(v) for v in self.values))
        return f"{self.name} is one of {{{shown}}}"


@dataclass(frozen=True, eq=False)
class Missing(Condition):
    """An answer is blank (None)."""

    name: str
    fields: frozenset[str] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "fields", frozenset({self.name}))

    def compile(self) -> Test:
        name = self.name
        return lambda answers, context: answers.get(name) is None

    def __str__(self) -> str:
        return f"{self.name} is not answered"


@dataclass(frozen=True, eq=False)
class All(Condition):
    """Every part holds."""

    parts: tuple[Condition, ...]
    fields: frozenset[str] = field(init=False)

    def __post_init__(self) -> None:
        flat: list[Condition] = []
        for part in self.parts:
            flat.extend(part.parts if isinstance(part, All) else (part,))
        object.__setattr__(self, "parts", tuple(flat))
        object.__setattr__(self, "fields", frozenset().union(*(p.fields for p in flat)))

    def compile(self) -> Test:
        tests = tuple(p.compile() for p in self.parts)
        if len(tests) == 2:
            first, second = tests
            return lambda answers, context: first(answers, context) and second(answers, context)
        return lambda answers, context: all(t(answers, context) for t in tests)

    def __str__(self) -> str:
        return " and ".join(f"({p})" if isinstance(p, AnyOf) else str(p) for p in self.parts)


@dataclass(frozen=True, eq=False)
class AnyOf(Condition):
    """At least one part holds."""

    parts: tuple[Condition, ...]
    fields: frozenset[str] = field(init=False)

    def __post_init__(self) -> None:
        flat: list[Condition] = []
        for part in self.parts:
            flat.extend(part.parts if isinstance(part, AnyOf) else (part,))
        object.__setattr__(self, "parts", tuple(flat))
        object.__setattr__(self, "fields", frozenset().union(*(p.fields for p in flat)))

    def compile(self) -> Test:
        tests = tuple(p.compile() for p in self.parts)
        return lambda answers, context: any(t(answers, context) for t in tests)

    def __str__(self) -> str:
        return " or ".join(f"({p})" if isinstance(p, All) else str(p) for p in self.parts)


@dataclass(frozen=True, eq=False)
class Not(Condition):
    """The part does not hold."""

    part: Condition
    fields: frozenset[str] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "fields", self.part.fields)

    def compile(self) -> Test:
        test = self.part.compile()
        return lambda answers, context: not test(answers, context)

    def __str__(self) -> str:
        return f"not ({self.part})"


_memo = threading.local()


@contextlib.contextmanager
def answers_unchanged() -> Iterator[None]:
    """While the answers stay the same, each predicate is worked out once however many pages or checks use it.

    The evaluator opens this around each pass over the pages and checks; predicates are pure functions of the
    answers and context, so within one pass their results can be reused.
    """
    previous = getattr(_memo, "results", None)
    _memo.results = {}
    try:
        yield
    finally:
        _memo.results = previous


@dataclass(frozen=True, eq=False)
class Pred(Condition):
    """A named rule too rich for comparisons, written as a function of (answers, context)."""

    description: str
    test: Test
    reads: Iterable[str] = ()
    fields: frozenset[str] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "fields", frozenset(self.reads))

    def compile(self) -> Test:
        test, key = self.test, id(self)

        def memoised(answers: Answers, context: Any) -> bool:
            results: dict[int, bool] | None = getattr(_memo, "results", None)
            if results is None:
                return test(answers, context)
            if key not in results:
                results[key] = test(answers, context)
            return results[key]

        return memoised

    def __str__(self) -> str:
        return self.description


class F:
    """An answer by id, to build conditions: F("needstype") == 2, F("tenancy").one_of(4, 6)."""

    __slots__ = ("name",)

    def __init__(self, name: str) -> None:
        self.name = name

    def __eq__(self, value: object) -> Condition:  # type: ignore[override]
        return Missing(self.name) if value is None else Compare(self.name, "==", value)

    def __ne__(self, value: object) -> Condition:  # type: ignore[override]
        return Not(Missing(self.name)) if value is None else Compare(self.name, "!=", value)

    def __lt__(self, value: Any) -> Condition:
        return Compare(self.name, "<", value)

    def __le__(self, value: Any) -> Condition:
        return Compare(self.name, "<=", value)

    def __gt__(self, value: Any) -> Condition:
        return Compare(self.name, ">", value)

    def __ge__(self, value: Any) -> Condition:
        return Compare(self.name, ">=", value)

    def __hash__(self) -> int:
        return hash(self.name)

    def one_of(self, *values: Any) -> Condition:
        """The answer is one of these values."""
        return IsIn(self.name, frozenset(values))

    def not_one_of(self, *values: Any) -> Condition:
        """The answer is missing or none of these values."""
        return Not(IsIn(self.name, frozenset(values)))

    def is_true(self) -> Condition:
        """The answer is the boolean True (engine flags such as a subsection being done)."""
        return Compare(self.name, "==", True)

    def answered(self) -> Condition:
        """The answer is given."""
        return Not(Missing(self.name))

    def missing(self) -> Condition:
        """The answer is blank."""
        return Missing(self.name)


def all_of(conditions: Collection[Condition]) -> Condition:
    """Every condition holds (always, for none)."""
    return always if not conditions else All(tuple(conditions)) if len(conditions) > 1 else next(iter(conditions))


def any_of(conditions: Collection[Condition]) -> Condition:
    """At least one condition holds (never, for none)."""
    return never if not conditions else AnyOf(tuple(conditions)) if len(conditions) > 1 else next(iter(conditions))
