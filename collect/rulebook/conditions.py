"""Conditions over a log's answers: composable, describable, and compiled once to plain Python closures.

`F("needstype") == 2` is a Condition. Conditions combine with `&`, `|` and `~`, describe themselves for the
generated documentation (`str(condition)`), list the answers they read (`fields`), and compile to a function of
(answers, context) that runs fast in bulk.

Comparison semantics follow the national form engine (lettings-2026.md §0): a comparison with a missing answer is
false, except `!=`, which is true when the answer is missing ("renewal != 1" holds for an unanswered renewal).
"""

from __future__ import annotations

import datetime
import decimal
import functools
import operator
import threading
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, TypeVar

Answers = Mapping[str, Any]
Test = Callable[[Answers, Any], bool]


class Condition:
    """A yes/no question about a log's answers (and its context)."""

    fields: frozenset[str] = frozenset()

    def source(self, bound: dict[str, Any]) -> str:
        """A Python expression for the condition over `a` (the answers) and `c` (the context).

        Values the expression needs (constants, predicate functions) are added to `bound` under unique names.
        """
        raise NotImplementedError

    def compile(self) -> Test:
        """A fast function of (answers, context): the whole condition as one generated expression."""
        bound: dict[str, Any] = dict(_HELPERS)
        expression = self.source(bound)
        test: Test = eval(f"lambda a, c: bool({expression})", bound)  # noqa: S307 - built from the declaration
        return test

    def __and__(self, other: Condition) -> Condition:
        return All((self, other))

    def __or__(self, other: Condition) -> Condition:
        return AnyOf((self, other))

    def __invert__(self) -> Condition:
        return Not(self)


@dataclass(frozen=True)
class _Always(Condition):
    value: bool

    def source(self, bound: dict[str, Any]) -> str:
        return "True" if self.value else "False"

    def __str__(self) -> str:
        return "always" if self.value else "never"


always: Condition = _Always(value=True)
never: Condition = _Always(value=False)


def _ordered(op: str, given: Any, value: Any) -> bool:
    """An ordering comparison where a missing answer, or one of another type, is simply false."""
    if given is None:
        return False
    try:
        return bool(_COMPARISONS[op](given, value))
    except (TypeError, ArithmeticError):  # another type, or a NaN Decimal
        return False


def _bind(bound: dict[str, Any], value: Any) -> str:
    """A name in `bound` for a value, for generated expressions (small plain constants are written inline)."""
    if value is None or isinstance(value, bool) or (type(value) in (int, str) and len(repr(value)) < 40):
        return repr(value)
    name = f"_k{len(bound)}"
    bound[name] = value
    return name


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

    def source(self, bound: dict[str, Any]) -> str:
        get = f"a.get({self.name!r})"
        constant = _bind(bound, self.value)
        if self.op in ("==", "!="):
            return f"({get} {self.op} {constant})"
        if isinstance(self.value, (int, float, decimal.Decimal)) and not isinstance(self.value, bool):
            # `_v == _v` is false for NaN, which compares with nothing
            return f"(type(_v := {get}) in _NUMBERS and _v == _v and _v {self.op} {constant})"
        if isinstance(self.value, datetime.date) and not isinstance(self.value, datetime.datetime):
            return f"(type(_v := {get}) is _date and _v {self.op} {constant})"
        return f"_ordered({self.op!r}, {get}, {constant})"

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

    def source(self, bound: dict[str, Any]) -> str:
        return f"(a.get({self.name!r}) in {_bind(bound, self.values)})"

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

    def source(self, bound: dict[str, Any]) -> str:
        return f"(a.get({self.name!r}) is None)"

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

    def source(self, bound: dict[str, Any]) -> str:
        return "(" + " and ".join(p.source(bound) for p in self.parts) + ")"

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

    def source(self, bound: dict[str, Any]) -> str:
        return "(" + " or ".join(p.source(bound) for p in self.parts) + ")"

    def __str__(self) -> str:
        return " or ".join(f"({p})" if isinstance(p, All) else str(p) for p in self.parts)


@dataclass(frozen=True, eq=False)
class Not(Condition):
    """The part does not hold."""

    part: Condition
    fields: frozenset[str] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "fields", self.part.fields)

    def source(self, bound: dict[str, Any]) -> str:
        return f"(not {self.part.source(bound)})"

    def __str__(self) -> str:
        return f"not ({self.part})"


_memo = threading.local()
_UNSET: Any = object()


class PredicateResults:
    """The results of `Pred`s and `remembered` helpers over one log's answers, each kept until a read answer changes.

    The evaluator opens `unchanged()` around each pass over the pages and checks. Within a pass every predicate is
    worked out at most once however many pages or checks use it; between passes the evaluator calls `forget` with
    the answers that clearing and derivations changed, and only the predicates and helpers that read one of them are
    worked out again. This relies on each predicate and helper declaring every answer it reads, which a test of each
    declaration checks.

    The `PredicateIndex` lists, for each answer, the predicates that read it, so forgetting costs only
    the answers that changed; a predicate outside the index is noted when remembered and checked by its reads.
    """

    __slots__ = ("_by_answer", "_indexed", "_loose", "audit", "helpers", "results")

    def __init__(self, index: PredicateIndex | None = None) -> None:
        self.results: dict[Pred, bool] = {}
        # (helper, ids of its other arguments) -> (result, the arguments kept alive, the answers it reads)
        self.helpers: dict[tuple[Any, ...], tuple[Any, tuple[Any, ...], frozenset[str]]] = {}
        self._by_answer = index.by_answer if index is not None else {}
        self._indexed = index.predicates if index is not None else frozenset()
        self._loose: set[Pred] = set()
        # For tests: called as audit(helper, function, args) to work out a `remembered` helper's result.
        self.audit: Callable[[Any, Callable[..., Any], tuple[Any, ...]], Any] | None = None

    def remember(self, predicate: Pred, value: bool) -> None:
        """Keep a predicate's result until an answer it reads changes."""
        self.results[predicate] = value
        if predicate not in self._indexed:
            self._loose.add(predicate)

    def forget(self, changed: Collection[str]) -> None:
        """Forget the results of the predicates and helpers that read any of these answers."""
        if not changed:
            return
        results = self.results
        if results:
            by_answer = self._by_answer
            for name in changed:
                for predicate in by_answer.get(name, ()):
                    results.pop(predicate, None)
            if self._loose:
                stale = [p for p in self._loose if not p.fields.isdisjoint(changed)]
                for predicate in stale:
                    results.pop(predicate, None)
                    self._loose.discard(predicate)
        helpers = self.helpers
        if helpers:
            for key in [key for key, (_, _, reads) in helpers.items() if not reads.isdisjoint(changed)]:
                del helpers[key]

    def reads_outside_index(self) -> set[str]:
        """The answers read by the remembered helpers and by the predicates outside the index remembered now."""
        found: set[str] = set()
        for _, _, reads in self.helpers.values():
            found |= reads
        for predicate in self._loose:
            found |= predicate.fields
        return found

    def unchanged(self) -> _Pass:
        """A pass over answers that do not change until it ends (helpers marked `once_per_pass` run once too)."""
        return _Pass(self)


class _Pass:
    """The context of `PredicateResults.unchanged` (a plain class: it is entered several times per log)."""

    __slots__ = ("previous", "results")

    def __init__(self, results: PredicateResults) -> None:
        self.results = results
        self.previous: tuple[Any, Any] = (None, None)

    def __enter__(self) -> None:
        self.previous = getattr(_memo, "results", None), getattr(_memo, "predicates", None)
        _memo.results, _memo.predicates = {}, self.results

    def __exit__(self, *exception: object) -> None:
        _memo.results, _memo.predicates = self.previous


class PredicateIndex:
    """The predicates of some conditions, by the answers they read (worked out once, for `PredicateResults`)."""

    __slots__ = ("by_answer", "predicates")

    def __init__(self, found: Iterable[Pred]) -> None:
        self.predicates = frozenset(found)
        by_answer: dict[str, list[Pred]] = {}
        for predicate in self.predicates:
            for name in predicate.fields:
                by_answer.setdefault(name, []).append(predicate)
        self.by_answer: dict[str, tuple[Pred, ...]] = {k: tuple(v) for k, v in by_answer.items()}


_F = TypeVar("_F", bound=Callable[..., Any])


def once_per_pass(function: _F) -> _F:
    """A pure helper of the answers (and context, ...) worked out once per pass, like a `Pred`'s result.

    Inside `PredicateResults.unchanged()` the result for the same argument objects is reused; outside it
    (derivations, which change the answers) the helper simply runs. Results are keyed by the identity of the
    arguments and keep them alive for the pass, so an identity is never reused for another object while its result
    is remembered.
    """

    @functools.wraps(function)
    def remembered(*args: Any, **keywords: Any) -> Any:
        results: dict[Any, Any] | None = getattr(_memo, "results", None)
        if results is None or keywords:
            return function(*args, **keywords)
        key = (remembered, *map(id, args))
        found = results.get(key)
        if found is None:
            found = results[key] = (function(*args), args)
        return found[0]

    return remembered  # type: ignore[return-value]


def remembered(*, reads: Iterable[str]) -> Callable[[_F], _F]:
    """A pure helper of a log's answers, `helper(answers, *others)`, whose result is kept like a `Pred`'s.

    Inside `PredicateResults.unchanged()` the result for the same other arguments (context, ... compared by identity)
    is reused in this pass and later ones, until `forget` is told that one of the answers in `reads` changed. The
    answers must be the log's answers of that `PredicateResults` (never a changed copy), and `reads` every answer
    the helper reads, which a test of each declaration checks (with `PredicateResults.audit`). Outside a pass
    (derivations, which change the answers) the helper simply runs.
    """
    declared = frozenset(reads)

    def decorate(function: _F) -> _F:
        @functools.wraps(function)
        def helper(answers: Any, *others: Any) -> Any:
            results: PredicateResults | None = getattr(_memo, "predicates", None)
            if results is None:
                return function(answers, *others)
            key = (helper, *map(id, others))
            found = results.helpers.get(key)
            if found is None:
                audit = results.audit
                value = function(answers, *others) if audit is None else audit(helper, function, (answers, *others))
                found = results.helpers[key] = (value, others, declared)
            return found[0]

        helper.reads = declared  # type: ignore[attr-defined]
        return helper  # type: ignore[return-value]

    return decorate


@dataclass(frozen=True, eq=False)
class Pred(Condition):
    """A named rule too rich for comparisons, written as a function of (answers, context)."""

    description: str
    test: Test
    reads: Iterable[str] = ()
    fields: frozenset[str] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "fields", frozenset(self.reads))

    def source(self, bound: dict[str, Any]) -> str:
        locals_: dict[Pred, str] | None = bound.get(LOCAL_PREDICATES)
        if locals_ is None:
            return f"{_bind(bound, self.compile())}(a, c)"
        # In a generated function: each predicate in a local variable, worked out on first use (see `local_names`),
        # from `m`, the function's `PredicateResults.results`, or else by its test (and then kept in `m`).
        name = locals_.get(self)
        if name is None:
            name = locals_[self] = f"_p{len(locals_)}"
            bound[f"_q{name}"] = self
            bound[f"_t{name}"] = self.test
        found = f"(m[_q{name}] if _q{name} in m else m.setdefault(_q{name}, _bool(_t{name}(a, c))))"
        return f"({name} if {name} is not _U else ({name} := {found}))"

    def compile(self) -> Test:
        test = self.test

        def memoised(answers: Answers, context: Any) -> bool:
            results: PredicateResults | None = getattr(_memo, "predicates", None)
            if results is None:
                return bool(test(answers, context))
            found = results.results.get(self)
            if found is None:
                found = bool(test(answers, context))
                results.remember(self, found)
            return found

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


def predicates(condition: Condition) -> Iterator[Pred]:
    """The `Pred`s a condition is built from."""
    if isinstance(condition, Pred):
        yield condition
    elif isinstance(condition, (All, AnyOf)):
        for part in condition.parts:
            yield from predicates(part)
    elif isinstance(condition, Not):
        yield from predicates(condition.part)


def all_of(conditions: Collection[Condition]) -> Condition:
    """Every condition holds (always, for none)."""
    return always if not conditions else All(tuple(conditions)) if len(conditions) > 1 else next(iter(conditions))


def any_of(conditions: Collection[Condition]) -> Condition:
    """At least one condition holds (never, for none)."""
    return never if not conditions else AnyOf(tuple(conditions)) if len(conditions) > 1 else next(iter(conditions))


# In `bound`, this key asks `Pred.source` for local variables (a generated function of many conditions).
LOCAL_PREDICATES = "__local_predicates__"


def local_names(bound: dict[str, Any]) -> str:
    """The line that starts a generated function whose conditions were sourced with `LOCAL_PREDICATES` in `bound`.

    Each predicate the function uses gets a local variable, unset until first used, so a predicate used by many
    pages or checks is looked up or worked out once per call of the generated function. The function takes `m`, the
    `PredicateResults.results` of the log, where results are kept across calls.
    """
    names = list(bound.get(LOCAL_PREDICATES, {}).values())
    return " = ".join([*names, "_U"]) if names else "pass"


def local_predicates(bound: dict[str, Any]) -> tuple[Pred, ...]:
    """The predicates a generated function sourced with `LOCAL_PREDICATES` in `bound` uses."""
    return tuple(bound.get(LOCAL_PREDICATES, {}))


_HELPERS: dict[str, Any] = {
    "_ordered": _ordered,
    "_NUMBERS": (int, float, decimal.Decimal),
    "_date": datetime.date,
    "_U": _UNSET,
    "_bool": bool,
}
