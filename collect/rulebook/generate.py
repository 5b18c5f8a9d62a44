"""Generated Python for the evaluator's passes: routing, subsection statuses and which checks fire.

Each pass over a log is one generated function with every condition of the declaration written inline, so a log
costs no interpreted walk over pages and questions. A `Pred` used by many pages or checks is held in a local
variable of the generated function and worked out once per call, and across calls through `m`, the log's
`PredicateResults.results` (each generated function lists the predicates it uses in `predicates`, for the
`PredicateIndex` that forgets them).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal
from typing import Any

from collect.rulebook.conditions import (
    _HELPERS,
    LOCAL_PREDICATES,
    Condition,
    Pred,
    always,
    local_names,
    local_predicates,
    never,
)
from collect.rulebook.declaration import Check, Question, QuestionKind, Subsection

Results = dict[Pred, bool]
Router = Callable[[dict[str, Any], Any, list[bool], Results], None]
StatusFunction = Callable[[Mapping[str, Any], Any, list[bool], Results], tuple[dict[str, Any], dict[str, list[str]]]]
CheckFinder = Callable[[Mapping[str, Any], Any, Results], list[int]]
NumericFinder = Callable[[Mapping[str, Any], list[bool]], list[int]]


# An answer read in a generated function: g('answer_id')
_READ = re.compile(r"\bg\('([A-Za-z0-9_]+)'\)")


class _Source:
    """The lines of one generated function, and the names its expressions use."""

    def __init__(self, signature: str) -> None:
        self.bound: dict[str, Any] = {**_HELPERS, LOCAL_PREDICATES: {}}
        self.lines = [f"def generated({signature}):", "    g = a.get", ""]
        self.written: set[str] = set()  # answers the function sets, read afresh each time

    def expression(self, condition: Condition) -> str:
        """The condition as an expression reading answers through `g`."""
        return f"({condition.source(self.bound).replace('a.get(', 'g(')})"

    def constant(self, value: Any) -> str:
        """A name bound to a value."""
        name = f"_c{len(self.bound)}"
        self.bound[name] = value
        return name

    def add(self, indent: int, line: str) -> None:
        """Add a line of the body."""
        self.lines.append("    " * indent + line)

    def build(self) -> Any:
        """The generated function, with the predicates it uses in its `predicates` attribute.

        An answer read more than once (and not set by the function) is read once, at the start, into a local.
        """
        body = "\n".join(self.lines[3:])
        reads = Counter(_READ.findall(body))
        hoisted = (name for name, count in reads.items() if count > 1 and name not in self.written)
        names = {name: f"_a{n}" for n, name in enumerate(hoisted)}
        body = _READ.sub(lambda found: names.get(found[1], found[0]), body)
        start = [f"    {local} = g({name!r})" for name, local in names.items()]
        self.lines = [*self.lines[:2], f"    {local_names(self.bound)}", *start, body]
        exec("\n".join(self.lines), self.bound)  # noqa: S102 - source generated from the declaration's conditions
        function = self.bound["generated"]
        function.predicates = local_predicates(self.bound)
        return function


def _pages_with_index(subsections: Sequence[Subsection]) -> list[tuple[Subsection, list[tuple[int, Any]]]]:
    index = 0
    found = []
    for subsection in subsections:
        pages = []
        for page in subsection.pages:
            pages.append((index, page))
            index += 1
        found.append((subsection, pages))
    return found


def _not_known(source: _Source, question: Question) -> str | None:
    return None if question.not_known_when is never else source.expression(question.not_known_when)


def _applies(source: _Source, question: Question, page_index: int, not_known: str) -> str:
    """Whether a question counts: "not known" or always, else its page shown, revealed and not derived."""
    if question.always_applicable:
        return "True"
    parts = [f"r[{page_index}]"]
    if question.revealed_by is not None:
        parent, values = question.revealed_by
        parts.append(f"(g({parent!r}) in {source.constant(values)})")
    if question.derived_when is not never:
        parts.append(f"(not {source.expression(question.derived_when)})")
    shown = " and ".join(parts)
    return f"({not_known} or ({shown}))" if not_known != "False" else f"({shown})"


def _answered(question: Question, not_known: str) -> str:
    if question.kind is QuestionKind.CHECKBOX:
        return "(" + " or ".join(f"g({key!r}) == 1" for key in question.answer_ids) + ")"
    answered = f"(g({question.id!r}) is not None)"
    return f"({answered} or {not_known})" if not_known != "False" else answered


def _optional(source: _Source, question: Question) -> str:
    return "False" if question.optional_when is never else source.expression(question.optional_when)


def router(subsections: Sequence[Subsection]) -> Router:
    """route(answers, context, routed, m): sets routed[i] for each page shown, and each subsection's "done" flag.

    `routed` starts all False; `m` keeps predicate results (`PredicateResults.results`).
    """
    source = _Source("a, c, r, m")
    for subsection, pages in _pages_with_index(subsections):
        source.add(1, f"if {source.expression(subsection.enabled_when)}:")
        for index, page in pages:
            if page.shown_when is always:
                source.add(2, f"r[{index}] = True")
            else:
                source.add(2, f"if {source.expression(page.shown_when)}:")
                source.add(3, f"r[{index}] = True")
        source.add(2, "pass")
        if subsection.done_flag:
            # Done when every applicable question (but those excluded) is answered or optional.
            source.add(1, "_d = True")
            for index, page in pages:
                for question in page.questions:
                    if question.id in subsection.done_excluding:
                        continue
                    not_known = _not_known(source, question) or "False"
                    applies = _applies(source, question, index, not_known)
                    answered, optional = _answered(question, not_known), _optional(source, question)
                    source.add(1, f"if _d and {applies} and not {answered} and not {optional}:")
                    source.add(2, "_d = False")
            source.add(1, f"a[{subsection.done_flag!r}] = _d")
            source.written.add(subsection.done_flag)
    router_function: Router = source.build()
    return router_function


def status_function(subsections: Sequence[Subsection], labels: Sequence[Any]) -> StatusFunction:
    """statuses(answers, context, routed, m): each subsection's status and its questions still to answer.

    `labels` are the statuses to give: cannot start yet, not started, in progress, completed; `m` keeps predicate
    results (`PredicateResults.results`).
    """
    source = _Source("a, c, r, m")
    cannot_start, not_started, in_progress, completed = (source.constant(label) for label in labels)
    source.add(1, "S = {}")
    source.add(1, "M = {}")
    for subsection, pages in _pages_with_index(subsections):
        source.add(1, f"if {source.expression(subsection.enabled_when)}:")
        source.add(2, "applicable = answered = False")
        source.add(2, "gaps = []")
        counts: dict[str, int] = {}
        for _, page in pages:
            for question in page.questions:
                counts[question.id] = counts.get(question.id, 0) + 1
        repeated = {question_id: f"_s{n}" for n, question_id in enumerate(q for q, k in counts.items() if k > 1)}
        for seen in repeated.values():
            source.add(2, f"{seen} = False")
        for index, page in pages:
            for question in page.questions:
                not_known = "False"
                found = _not_known(source, question)
                if found is not None:
                    source.add(2, f"_nk = {found}")
                    not_known = "_nk"
                applies = _applies(source, question, index, not_known)
                flag = repeated.get(question.id)
                source.add(2, f"if not {flag} and {applies}:" if flag else f"if {applies}:")
                if flag:
                    source.add(3, f"{flag} = True")
                source.add(3, "applicable = True")
                source.add(3, f"if {_answered(question, not_known)}:")
                source.add(4, "answered = True")
                source.add(3, f"elif not {_optional(source, question)}:")
                source.add(4, f"gaps.append({question.id!r})")
        source.add(2, f"S[{subsection.id!r}] = {not_started} if applicable and not answered else ")
        source.lines[-1] += f"{in_progress} if gaps else {completed}"
        source.add(2, "if gaps:")
        source.add(3, f"M[{subsection.id!r}] = gaps")
        source.add(1, "else:")
        source.add(2, f"S[{subsection.id!r}] = {cannot_start}")
        if subsection.listed_when is not always:  # left out of the task list, and of the log's status
            source.add(1, f"if not {source.expression(subsection.listed_when)}:")
            source.add(2, f"del S[{subsection.id!r}]")
            source.add(2, f"M.pop({subsection.id!r}, None)")
    source.add(1, "return S, M")
    function: StatusFunction = source.build()
    return function


def check_finder(checks: Sequence[Check]) -> CheckFinder:
    """fired(answers, context, m): the indexes of the checks whose conditions hold, in order.

    `m` keeps predicate results (`PredicateResults.results`).
    """
    source = _Source("a, c, m")
    source.add(1, "found = []")
    for index, check in enumerate(checks):
        source.add(1, f"if {source.expression(check.when)}:")
        source.add(2, f"found.append({index})")
    source.add(1, "return found")
    finder: CheckFinder = source.build()
    return finder


def numeric_finder(questions: Sequence[tuple[Question, Sequence[int]]]) -> NumericFinder:
    """to_check(answers, routed): the indexes of the numeric questions (each with the pages asking it) to check.

    A question is to check when it is answered on a shown page and its answer is not plainly a number within its
    limits (a whole number, or a finite Decimal, between its minimum and maximum and a multiple of its step); the
    evaluator works out the messages of those alone.
    """
    source = _Source("a, r")
    source.bound["_Decimal"] = Decimal
    source.add(1, "found = []")
    for index, (question, pages) in enumerate(questions):
        limits = []
        if question.minimum is not None:
            limits.append(f"{source.constant(question.minimum)} <= v")
        if question.maximum is not None:
            limits.append(f"v <= {source.constant(question.maximum)}")
        step = question.step
        on_step = [] if step is None else [f"v % {source.constant(Decimal(step))} == 0"]
        whole_on_step = [] if step is None or Decimal(1) % Decimal(step) == 0 else on_step
        whole = " and ".join(["type(v) is int", *limits, *whole_on_step])
        decimal = " and ".join(["type(v) is _Decimal", "v.is_finite()", *limits, *on_step])
        shown = " or ".join(f"r[{page}]" for page in pages)
        source.add(1, f"v = g({question.id!r})")
        source.add(1, f"if v is not None and ({shown}) and not (({whole}) or ({decimal})):")
        source.add(2, f"found.append({index})")
    source.add(1, "return found")
    finder: NumericFinder = source.build()
    return finder


def router_reads(subsections: Sequence[Subsection]) -> frozenset[str]:
    """Every answer the router reads: its conditions, and each question of a subsection with a "done" flag."""
    found: set[str] = set()
    for subsection in subsections:
        found |= subsection.enabled_when.fields
        for page in subsection.pages:
            found |= page.shown_when.fields
            if not subsection.done_flag:
                continue
            found.add(subsection.done_flag)
            for question in page.questions:
                found.update(question.answer_ids)
                if question.revealed_by is not None:
                    found.add(question.revealed_by[0])
                for condition in (question.optional_when, question.derived_when, question.not_known_when):
                    found |= condition.fields
    return frozenset(found)
