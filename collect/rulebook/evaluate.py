"""Evaluate logs against a collection year: routing, clearing, derivations, checks and status.

`compile_collection` does the set-up work once (compiling every condition to a closure and indexing questions by
answer id); `Evaluator.evaluate` then runs per log with no further set-up, and `evaluate_many` runs a batch.
"""

from __future__ import annotations

import datetime
import enum
import functools
import itertools
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from collect.rulebook.conditions import _HELPERS as _CONDITION_HELPERS
from collect.rulebook.conditions import Test, answers_unchanged, never
from collect.rulebook.declaration import (
    Check,
    CollectionYear,
    Derivation,
    Message,
    Page,
    Question,
    QuestionKind,
    Severity,
    Stage,
    Subsection,
)


class Status(enum.StrEnum):
    """The status of a subsection or of a whole log (lettings-2026.md §7.1)."""

    CANNOT_START = "cannot_start_yet"
    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    COMPLETED = "completed"


@dataclass(frozen=True)
class Issue:
    """One message about one field: a hard error or a soft warning."""

    check_id: str
    field: str
    message: str
    severity: Severity
    confirm_field: str | None = None

    def as_dict(self) -> dict[str, Any]:
        """A JSON-friendly version."""
        found: dict[str, Any] = {"check": self.check_id, "field": self.field, "message": self.message}
        if self.confirm_field:
            found["confirm_field"] = self.confirm_field
        return found


@dataclass
class Outcome:
    """What the rulebook says about a log's answers."""

    answers: dict[str, Any]
    derived: dict[str, Any]
    cleared: dict[str, Any]
    routed_pages: list[str]
    errors: list[Issue]
    warnings: list[Issue]
    subsections: dict[str, Status]
    missing: dict[str, list[str]]
    status: Status
    facts: dict[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        """A JSON-friendly version, as the command-line checker prints it."""
        return {
            "status": str(self.status),
            "subsections": {k: str(v) for k, v in self.subsections.items()},
            "errors": [i.as_dict() for i in self.errors],
            "warnings": [i.as_dict() for i in self.warnings],
            "derived": self.derived,
            "cleared": self.cleared,
            "missing": self.missing,
        }


@dataclass(frozen=True)
class _Slot:
    """A question as it appears on one page, compiled (None for a rule the question does not have)."""

    question: Question
    page_index: int
    revealed: Test | None
    optional: Test
    derived: Test
    not_known: Test
    has_not_known: bool = False
    has_derived: bool = False
    has_optional: bool = False
    # Read on every evaluation, so looked up once: the question's id, and its answer keys when it is a checkbox.
    question_id: str = ""
    checkbox_ids: tuple[str, ...] | None = None


@dataclass(frozen=True)
class _CompiledPage:
    page: Page
    subsection_index: int
    shown: Test
    slots: tuple[_Slot, ...]
    # Some question on it counts even when the page is not shown ("Not known" answers, organisation selects).
    has_off_route_slots: bool = False


@dataclass(frozen=True)
class _CompiledSubsection:
    subsection: Subsection
    enabled: Test
    first_page: int
    last_page: int  # exclusive


@dataclass(frozen=True)
class _CompiledCheck:
    check: Check
    when: Test
    messages: tuple[tuple[str, Message], ...]


def _revealed_test(question: Question) -> Test | None:
    if question.revealed_by is None:
        return None
    parent, values = question.revealed_by
    return lambda answers, context: answers.get(parent) in values


def _format_bound(question: Question, value: Decimal | int) -> str:
    shown = f"{value:,}" if isinstance(value, int) or value == value.to_integral_value() else f"{value:,.2f}"
    return f"{question.prefix}{shown}{question.suffix}"


def _as_number(value: Any) -> Decimal | None:
    """A number from an answer: int, Decimal, float, or digits with an optional decimal point (commas allowed)."""
    if isinstance(value, (int, Decimal, float)) and not isinstance(value, bool):
        number = Decimal(str(value)) if isinstance(value, float) else Decimal(value)
        return number if number.is_finite() else None  # NaN and infinity are not amounts
    text = value.strip().replace(",", "") if isinstance(value, str) else ""
    if not text or text.count(".") > 1 or not text.isascii() or not all(c.isdigit() or c == "." for c in text):
        return None
    try:
        return Decimal(text)
    except InvalidOperation:
        return None


def _as_date(value: Any) -> datetime.date | None:
    """A date from an answer: a date, "YYYY-MM-DD" or "D/M/YYYY"."""
    if isinstance(value, datetime.datetime):
        return value.date()
    if not isinstance(value, str):
        return None
    text = value.strip()
    try:
        if "/" in text:
            day, month, year = (int(p) for p in text.split("/"))
            return datetime.date(year, month, day) if year >= 1000 else None
        return datetime.date.fromisoformat(text)
    except ValueError:
        return None


def _unreadable_issue(question: Question) -> Issue:
    """The error for an answer that is not a number or not a date."""
    if question.kind is QuestionKind.DATE:
        return Issue(
            f"date.format.{question.id}",
            question.id,
            "Enter a date in the correct format, for example 31/1/2024.",
            Severity.HARD,
        )
    return Issue(f"numeric.format.{question.id}", question.id, f"{question.label} must be a number.", Severity.HARD)


def _inline(expression: str) -> str:
    """A generated condition reading answers through the local `g` (a.get) and giving a bool."""
    return f"bool({expression.replace('a.get(', 'g(')})"


_CODED = frozenset({QuestionKind.RADIO, QuestionKind.SELECT, QuestionKind.INTERRUPTION})


class Evaluator:
    """A collection year compiled for fast evaluation. Build it once with `compile_collection`."""

    def __init__(self, collection: CollectionYear) -> None:
        self.collection = collection
        pages: list[_CompiledPage] = []
        subsections: list[_CompiledSubsection] = []
        for s_index, subsection in enumerate(collection.subsections):
            first = len(pages)
            for page in subsection.pages:
                slots = tuple(
                    _Slot(
                        question=q,
                        page_index=len(pages),
                        revealed=_revealed_test(q),
                        optional=q.optional_when.compile(),
                        derived=q.derived_when.compile(),
                        not_known=q.not_known_when.compile(),
                        has_not_known=q.not_known_when is not never,
                        has_derived=q.derived_when is not never,
                        has_optional=q.optional_when is not never,
                        question_id=q.id,
                        checkbox_ids=q.answer_ids if q.kind is QuestionKind.CHECKBOX else None,
                    )
                    for q in page.questions
                )
                off_route = any(s.has_not_known or s.question.always_applicable for s in slots)
                pages.append(_CompiledPage(page, s_index, page.shown_when.compile(), slots, off_route))
            subsections.append(_CompiledSubsection(subsection, subsection.enabled_when.compile(), first, len(pages)))
        self._pages = tuple(pages)
        self._subsections = tuple(subsections)
        # answer id -> every slot that asks for it
        by_answer: dict[str, list[_Slot]] = {}
        for compiled_page in pages:
            for slot in compiled_page.slots:
                for answer_id in slot.question.answer_ids:
                    by_answer.setdefault(answer_id, []).append(slot)
        self._slots_by_answer = {k: tuple(v) for k, v in by_answer.items()}
        self._kind_by_answer = {k: (v[0].question.kind, v[0].question.codes) for k, v in by_answer.items()}
        # answer id -> for each slot: (kept off route, derived test or None, page index, codes it must be one of)
        self._keeping_by_answer = {
            k: tuple(
                (
                    slot.question.keep_when_off_route,
                    slot.derived if slot.has_derived else None,
                    slot.page_index,
                    slot.question.codes
                    if slot.question.kind in (QuestionKind.RADIO, QuestionKind.INTERRUPTION)
                    else None,
                )
                for slot in v
            )
            for k, v in by_answer.items()
        }
        self._input: tuple[Derivation, ...] = tuple(d for d in collection.derivations if d.stage is Stage.INPUT)
        self._derive: tuple[Derivation, ...] = tuple(d for d in collection.derivations if d.stage is Stage.DERIVE)
        self._checks = tuple(_CompiledCheck(c, c.when.compile(), tuple(c.messages.items())) for c in collection.checks)
        self._numeric_slots = tuple(
            slot for cp in pages for slot in cp.slots if slot.question.kind is QuestionKind.NUMERIC
        )
        self._flags = frozenset(s.done_flag for s in collection.subsections if s.done_flag)
        self._router = self._build_router()
        self._page_ids = tuple(p.page.id for p in pages)

    # Reading answers as the declaration's types

    def _normalise(self, work: dict[str, Any], unreadable: dict[str, Any]) -> None:
        """Numbers as numbers, codes as the options' codes.

        A number that cannot be read is set aside in `unreadable`, so no rule sees it; it is put back afterwards
        with an error (if its page is shown), so nothing typed is lost and evaluating again gives the same outcome.
        """
        kinds = self._kind_by_answer
        for answer_id, value in list(work.items()):
            found = kinds.get(answer_id)
            if found is None:
                continue
            kind, codes = found
            if kind is QuestionKind.NUMERIC:
                if type(value) is int or (type(value) is Decimal and value.is_finite()):
                    continue  # already a number (the common case): nothing to read
                number = _as_number(value)
                if number is None:
                    unreadable[answer_id] = work.pop(answer_id)
                elif not isinstance(value, (int, Decimal)) or isinstance(value, bool):
                    work[answer_id] = int(number) if number == number.to_integral_value() else number
            elif kind is QuestionKind.DATE and not isinstance(value, datetime.date):
                day = _as_date(value)
                if day is None:
                    unreadable[answer_id] = work.pop(answer_id)
                else:
                    work[answer_id] = day
            elif kind is QuestionKind.CHECKBOX:
                work[answer_id] = 1 if value in (1, True, "1", "true", "yes") else 0
            elif kind in _CODED and value not in codes and isinstance(value, str):
                stripped = value.strip()
                if stripped.lstrip("-").isdecimal() and stripped.isascii() and int(stripped) in codes:
                    work[answer_id] = int(stripped)

    # Routing

    def _build_router(self) -> Callable[[dict[str, Any], Any, list[bool]], None]:
        """One generated function that routes every page: each condition inline, no call per page."""
        bound: dict[str, Any] = dict(_CONDITION_HELPERS)
        lines = ["def route(a, c, r):", "    g = a.get"]
        for s_index, compiled in enumerate(self._subsections):
            subsection = compiled.subsection
            lines.append(f"    if {_inline(subsection.enabled_when.source(bound))}:")
            for index in range(compiled.first_page, compiled.last_page):
                shown = self._pages[index].page.shown_when
                lines.append(f"        r[{index}] = {_inline(shown.source(bound))}")
            lines.append("        pass")
            if subsection.done_flag:
                bound[f"_done{s_index}"] = functools.partial(self._subsection_done, compiled)
                lines.append(f"    a[{subsection.done_flag!r}] = _done{s_index}(a, c, r)")
        exec("\n".join(lines), bound)  # noqa: S102 - source generated from the declaration's conditions
        router: Callable[[dict[str, Any], Any, list[bool]], None] = bound["route"]
        return router

    def _route(self, answers: dict[str, Any], context: Any) -> list[bool]:
        """Which pages are shown, subsection by subsection (setting any "done" flags on the way)."""
        routed = [False] * len(self._pages)
        self._router(answers, context, routed)
        return routed

    @staticmethod
    def _applicable(slot: _Slot, answers: Mapping[str, Any], context: Any, routed: list[bool]) -> bool:
        if slot.has_not_known and slot.not_known(answers, context):
            return True
        if slot.question.always_applicable:
            return True
        if not routed[slot.page_index]:
            return False
        if slot.revealed is not None and not slot.revealed(answers, context):
            return False
        return not (slot.has_derived and slot.derived(answers, context))

    @staticmethod
    def _completed(slot: _Slot, answers: Mapping[str, Any], context: Any) -> bool:
        keys = slot.checkbox_ids
        if keys is not None:
            return any(answers.get(key) == 1 for key in keys)
        return answers.get(slot.question_id) is not None or (slot.has_not_known and slot.not_known(answers, context))

    def _subsection_done(
        self, compiled: _CompiledSubsection, answers: Mapping[str, Any], context: Any, routed: list[bool]
    ) -> bool:
        excluding = compiled.subsection.done_excluding
        applicable, completed = self._applicable, self._completed
        for index in range(compiled.first_page, compiled.last_page):
            page = self._pages[index]
            if not routed[index] and not page.has_off_route_slots:
                continue  # no question on it can apply
            for slot in page.slots:
                if slot.question_id in excluding or not applicable(slot, answers, context, routed):
                    continue
                if not (slot.has_optional and slot.optional(answers, context)) and not completed(
                    slot, answers, context
                ):
                    return False
        return True

    # Clearing answers that no longer apply (lettings-2026.md §0)

    def _clear(self, answers: dict[str, Any], context: Any, routed: list[bool], cleared: dict[str, Any]) -> None:
        keeping = self._keeping_by_answer
        for answer_id, value in list(answers.items()):
            ways = keeping.get(answer_id)
            if ways is None:
                continue  # derived variables and other keys are not questions
            keep = False
            for off_route, derived, page_index, codes in ways:
                if off_route or (derived is not None and derived(answers, context)):
                    keep = True
                    break
                if not routed[page_index]:
                    continue
                if codes is not None and value not in codes:
                    continue
                keep = True
                break
            if not keep:
                cleared[answer_id] = value
                del answers[answer_id]

    # Checks

    def _numeric_issues(self, answers: Mapping[str, Any], routed: list[bool]) -> list[Issue]:
        issues: list[Issue] = []
        seen: set[str] = set()
        for slot in self._numeric_slots:
            question = slot.question
            if question.id in seen or not routed[slot.page_index] or answers.get(question.id) is None:
                continue
            seen.add(question.id)
            number = _as_number(answers[question.id])
            label = question.label
            if number is None:
                issues.append(
                    Issue(f"numeric.format.{question.id}", question.id, f"{label} must be a number.", Severity.HARD)
                )
                continue
            low, high = question.minimum, question.maximum
            if (low is not None and number < low) or (high is not None and number > high):
                if low is not None and high is not None:
                    text = (
                        f"{label} must be between {_format_bound(question, low)} and {_format_bound(question, high)}."
                    )
                elif low is not None:
                    text = f"{label} must be at least {_format_bound(question, low)}."
                else:
                    text = f"{label} must be at most {_format_bound(question, high)}."  # type: ignore[arg-type]
                issues.append(Issue(f"numeric.range.{question.id}", question.id, text, Severity.HARD))
            step = question.step
            if step is not None and number % Decimal(step) != 0:
                text = (
                    f"{label} must be a whole number."
                    if step == 1
                    else f"{label} must be given to the nearest hundredth."
                )
                issues.append(Issue(f"numeric.step.{question.id}", question.id, text, Severity.HARD))
        return issues

    def _check_issues(self, answers: Mapping[str, Any], context: Any) -> tuple[list[Issue], list[Issue]]:
        errors: list[Issue] = []
        warnings: list[Issue] = []
        for compiled in self._checks:
            if not compiled.when(answers, context):
                continue
            check = compiled.check
            soft = check.severity is Severity.SOFT
            if soft and check.confirm_field and answers.get(check.confirm_field) == 0:
                continue
            target = warnings if soft else errors
            for field_id, message in compiled.messages:
                text = message if isinstance(message, str) else message(answers, context)
                if text:  # a message function returns "" when its field is not involved this time
                    target.append(Issue(check.id, field_id, text, check.severity, check.confirm_field))
        return errors, warnings

    # Status

    def _statuses(
        self, answers: Mapping[str, Any], context: Any, routed: list[bool]
    ) -> tuple[dict[str, Status], dict[str, list[str]]]:
        statuses: dict[str, Status] = {}
        missing: dict[str, list[str]] = {}
        for compiled in self._subsections:
            subsection = compiled.subsection
            if not compiled.enabled(answers, context):
                statuses[subsection.id] = Status.CANNOT_START
                continue
            statuses[subsection.id], gaps = self._subsection_status(compiled, answers, context, routed)
            if gaps:
                missing[subsection.id] = gaps
        return statuses, missing

    def _subsection_status(
        self, compiled: _CompiledSubsection, answers: Mapping[str, Any], context: Any, routed: list[bool]
    ) -> tuple[Status, list[str]]:
        """The status of an enabled subsection, with the questions still to answer."""
        seen: set[str] = set()
        any_answered = False
        applicable = False
        gaps: list[str] = []
        get = answers.get
        for index in range(compiled.first_page, compiled.last_page):
            page = self._pages[index]
            shown = routed[index]
            if not shown and not page.has_off_route_slots:
                continue
            for slot in page.slots:
                question_id = slot.question_id
                if question_id in seen:
                    continue
                # Whether the question applies (as `_applicable`, inline: this loop runs for every question).
                not_known = slot.has_not_known and slot.not_known(answers, context)
                counts_anyway = not_known or slot.question.always_applicable
                if not counts_anyway and (
                    not shown
                    or (slot.revealed is not None and not slot.revealed(answers, context))
                    or (slot.has_derived and slot.derived(answers, context))
                ):
                    continue
                seen.add(question_id)
                applicable = True
                # Whether it is answered (as `_completed`).
                keys = slot.checkbox_ids
                if keys is not None:
                    done = any(get(key) == 1 for key in keys)
                else:
                    done = get(question_id) is not None or bool(not_known)
                any_answered = any_answered or done
                if not done and not (slot.has_optional and slot.optional(answers, context)):
                    gaps.append(question_id)
        if applicable and not any_answered:
            return Status.NOT_STARTED, gaps
        return (Status.IN_PROGRESS if gaps else Status.COMPLETED), gaps

    # The whole evaluation

    def evaluate(
        self, answers: Mapping[str, Any], context: Any = None, previous: Mapping[str, Any] | None = None
    ) -> Outcome:
        """Evaluate one log's answers. `previous` holds its answers before this change, for change-driven rules."""
        work = {k: v for k, v in answers.items() if v is not None and v != ""}
        set_aside: dict[str, Any] = {}
        self._normalise(work, set_aside)
        unreadable: list[Issue] = []
        given = dict(work)
        cleared: dict[str, Any] = {}
        for derivation in self._input:
            derivation.apply(work, context, previous)
        for _ in range(2):  # twice, to catch answers cleared because another was cleared
            with answers_unchanged():
                routed = self._route(work, context)
            before = len(cleared)
            self._clear(work, context, routed, cleared)
            if len(cleared) == before:
                break  # nothing cleared: a second pass would route the same pages
        for derivation in self._derive:
            derivation.apply(work, context, previous)
        for key in [k for k, v in work.items() if v is None]:
            del work[key]
        with answers_unchanged():
            routed = self._route(work, context)
        for answer_id, raw in set_aside.items():
            slots = self._slots_by_answer[answer_id]
            if any(routed[slot.page_index] for slot in slots):
                work[answer_id] = raw
                given[answer_id] = raw
                unreadable.append(_unreadable_issue(slots[0].question))
            else:
                cleared[answer_id] = raw
        unreadable.sort(key=lambda issue: issue.field)
        facts = {flag: work.pop(flag) for flag in self._flags if flag in work}
        numeric_errors = self._numeric_issues(work, routed)
        with_facts = {**work, **facts}
        with answers_unchanged():
            errors, warnings = self._check_issues(with_facts, context)
            statuses, missing = self._statuses(with_facts, context, routed)
        errors = unreadable + numeric_errors + errors
        values = list(statuses.values())
        if values and all(s is Status.COMPLETED for s in values) and not errors:
            status = Status.COMPLETED
        elif all(s in (Status.NOT_STARTED, Status.CANNOT_START) for s in values):
            status = Status.NOT_STARTED
        else:
            status = Status.IN_PROGRESS
        derived = {k: v for k, v in work.items() if k not in given or given[k] != v}
        cleared = {k: v for k, v in cleared.items() if k not in work}
        return Outcome(
            answers=work,
            derived=derived,
            cleared=cleared,
            routed_pages=list(itertools.compress(self._page_ids, routed)),
            errors=errors,
            warnings=warnings,
            subsections=statuses,
            missing=missing,
            status=status,
            facts=facts,
        )

    def evaluate_many(self, logs: Iterable[tuple[Mapping[str, Any], Any]]) -> list[Outcome]:
        """Evaluate a batch of (answers, context) pairs with the one compiled collection (bulk upload)."""
        evaluate = self.evaluate
        return [evaluate(answers, context) for answers, context in logs]

    # Reading the declaration

    def page(self, page_id: str) -> Page:
        """A page by id."""
        for compiled in self._pages:
            if compiled.page.id == page_id:
                return compiled.page
        raise KeyError(page_id)

    def pages_of(self, subsection_id: str) -> tuple[Page, ...]:
        """The pages of a subsection, in order."""
        for compiled in self._subsections:
            if compiled.subsection.id == subsection_id:
                return tuple(p.page for p in self._pages[compiled.first_page : compiled.last_page])
        raise KeyError(subsection_id)


def compile_collection(collection: CollectionYear) -> Evaluator:
    """Compile a collection year once, for evaluating many logs."""
    return Evaluator(collection)
