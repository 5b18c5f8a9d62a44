"""Evaluate logs against a collection year: routing, clearing, derivations, checks and status.

`compile_collection` does the set-up work once (compiling every condition to a closure and indexing questions by
answer id); `Evaluator.evaluate` then runs per log with no further set-up, and `evaluate_many` runs a batch.
"""

from __future__ import annotations

import datetime
import enum
import itertools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from collect.rulebook import generate
from collect.rulebook.conditions import PredicateIndex, PredicateResults, never
from collect.rulebook.declaration import (
    CollectionYear,
    Derivation,
    Page,
    Question,
    QuestionKind,
    Severity,
    Stage,
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


# The answers that may need reading, and the type an answer of each kind already has when it needs no reading.
_NORMALISED = frozenset(
    {QuestionKind.NUMERIC, QuestionKind.DATE, QuestionKind.CHECKBOX, QuestionKind.RADIO, QuestionKind.SELECT}
    | {QuestionKind.INTERRUPTION}
)
_READY: dict[QuestionKind, type] = {
    QuestionKind.NUMERIC: int,
    QuestionKind.DATE: datetime.date,
    QuestionKind.CHECKBOX: bool,  # a tick box is always read again (1, "1", "yes" ... are 1; anything else 0)
    QuestionKind.RADIO: int,
    QuestionKind.SELECT: int,
    QuestionKind.INTERRUPTION: int,
}
_CODED = frozenset({QuestionKind.RADIO, QuestionKind.SELECT, QuestionKind.INTERRUPTION})
_UNSET: Any = object()


def _numeric_issues(question: Question, value: Any) -> list[Issue]:
    """The format, range and step errors of a numeric question's answer."""
    number = value if type(value) is int else _as_number(value)
    label = question.label
    if number is None:
        return [Issue(f"numeric.format.{question.id}", question.id, f"{label} must be a number.", Severity.HARD)]
    issues = []
    low, high = question.minimum, question.maximum
    if (low is not None and number < low) or (high is not None and number > high):
        if low is not None and high is not None:
            text = f"{label} must be between {_format_bound(question, low)} and {_format_bound(question, high)}."
        elif low is not None:
            text = f"{label} must be at least {_format_bound(question, low)}."
        else:
            text = f"{label} must be at most {_format_bound(question, high)}."  # type: ignore[arg-type]
        issues.append(Issue(f"numeric.range.{question.id}", question.id, text, Severity.HARD))
    step = question.step
    if step is not None and not (type(number) is int and step == 1) and _off_step(number, step):
        text = f"{label} must be a whole number." if step == 1 else f"{label} must be given to the nearest hundredth."
        issues.append(Issue(f"numeric.step.{question.id}", question.id, text, Severity.HARD))
    return issues


def _off_step(number: Decimal | int, step: Decimal | int) -> bool:
    """Whether a number is not a multiple of the step (numbers too long to divide exactly are compared whole)."""
    try:
        return number % Decimal(step) != 0
    except InvalidOperation:
        quotient = Decimal(number) / Decimal(step)
        return quotient != quotient.to_integral_value()


@dataclass(frozen=True)
class _NumericQuestion:
    """A numeric question's limits, with the pages that ask it."""

    question: Question
    pages: tuple[int, ...]


class Evaluator:
    """A collection year compiled for fast evaluation. Build it once with `compile_collection`."""

    def __init__(self, collection: CollectionYear) -> None:
        self.collection = collection
        subsections = collection.subsections
        pages = [(page, s_index) for s_index, s in enumerate(subsections) for page in s.pages]
        self._page_list = tuple(page for page, _ in pages)
        self._page_ids = tuple(page.id for page in self._page_list)
        ranges, first = [], 0
        for subsection in subsections:
            ranges.append((subsection, first, first + len(subsection.pages)))
            first += len(subsection.pages)
        self._subsection_ranges = tuple(ranges)
        # answer id -> the pages (and questions) that ask for it
        asked: dict[str, list[tuple[int, Question]]] = {}
        for index, (page, _) in enumerate(pages):
            for question in page.questions:
                for answer_id in question.answer_ids:
                    asked.setdefault(answer_id, []).append((index, question))
        self._asked = {k: tuple(v) for k, v in asked.items()}
        # For clearing answers that no longer apply: answer id -> (kept off route, the pages asking it with the codes
        # it must be one of there, the tests of when it is derived)
        self._keeping = {
            k: (
                any(q.keep_when_off_route for _, q in v),
                tuple(
                    (index, q.codes if q.kind in (QuestionKind.RADIO, QuestionKind.INTERRUPTION) else None)
                    for index, q in v
                ),
                tuple(q.derived_when.compile() for _, q in v if q.derived_when is not never),
            )
            for k, v in asked.items()
        }
        # answer id -> (page, codes) when the answer is kept only by that one page being shown (most answers)
        self._kept_when_shown = {
            k: pages[0]
            for k, (off_route, pages, derived) in self._keeping.items()
            if len(pages) == 1 and not off_route and not derived
        }
        # answer id -> (kind, codes), for answers that may need reading as numbers, dates or codes
        self._readable = {k: (v[0][1].kind, v[0][1].codes) for k, v in asked.items() if v[0][1].kind in _NORMALISED}
        # answer id -> the type its answer has when it needs no reading (text, for codes that are all text)
        self._ready = {
            k: str if kind in _CODED and codes and all(type(c) is str for c in codes) else _READY[kind]
            for k, (kind, codes) in self._readable.items()
        }
        # Numeric answers by their limits and wording: an answer asked with other limits or another label on another
        # route (sales leasehold charges have no maximum, service charges do) is checked by the page that asks it.
        numeric: dict[tuple[Any, ...], list[tuple[int, Question]]] = {}
        for answer_id, found in asked.items():
            for index, question in found:
                if question.kind is QuestionKind.NUMERIC:
                    key = (answer_id, question.minimum, question.maximum, question.step, question.label)
                    numeric.setdefault((*key, question.prefix, question.suffix), []).append((index, question))
        self._numeric = tuple(
            _NumericQuestion(found[0][1], tuple(index for index, _ in found)) for found in numeric.values()
        )
        self._numeric_to_check = generate.numeric_finder([(n.question, n.pages) for n in self._numeric])
        self._input: tuple[Derivation, ...] = tuple(d for d in collection.derivations if d.stage is Stage.INPUT)
        self._derive: tuple[Derivation, ...] = tuple(d for d in collection.derivations if d.stage is Stage.DERIVE)
        self._derive_functions = tuple(d.apply for d in self._derive)
        self._input_sets = frozenset(key for d in self._input for key in d.sets)
        self._derive_sets = tuple(dict.fromkeys(key for d in self._derive for key in d.sets))
        self._derived_keys = tuple(dict.fromkeys((*self._input_sets, *self._derive_sets)))
        self._checks = tuple((c, tuple(c.messages.items())) for c in collection.checks)
        self._flags = frozenset(s.done_flag for s in subsections if s.done_flag)
        self._router = generate.router(subsections)
        self._router_reads = generate.router_reads(subsections)
        self._statuses = generate.status_function(
            subsections, (Status.CANNOT_START, Status.NOT_STARTED, Status.IN_PROGRESS, Status.COMPLETED)
        )
        self._fired = generate.check_finder(collection.checks)
        self._predicates = PredicateIndex(
            (*self._router.predicates, *self._statuses.predicates, *self._fired.predicates)  # type: ignore[attr-defined]
        )
        # The derived answers whose changes matter to predicates (those in the index) or to routing
        self._watched = frozenset(self._predicates.by_answer) | self._router_reads
        self._derive_set = frozenset(self._derive_sets)
        self._derive_watched = tuple(key for key in self._derive_sets if key in self._watched)
        self._derived_key_set = frozenset(self._derived_keys)
        self._derived_rank = {key: n for n, key in enumerate(self._derived_keys)}

    # Reading answers as the declaration's types

    def _normalise(self, work: dict[str, Any], unreadable: dict[str, Any]) -> None:
        """Numbers as numbers, codes as the options' codes.

        A number that cannot be read is set aside in `unreadable`, so no rule sees it; it is put back afterwards
        with an error (if its page is shown), so nothing typed is lost and evaluating again gives the same outcome.
        """
        readable, ready = self._readable, self._ready.get
        to_read = [
            (answer_id, value)
            for answer_id, value in work.items()
            if (wanted := ready(answer_id)) is not None and type(value) is not wanted
        ]
        for answer_id, value in to_read:
            kind, codes = readable[answer_id]
            if kind is QuestionKind.NUMERIC:
                if type(value) is Decimal and value.is_finite():
                    continue  # already a number
                number = _as_number(value)
                if number is None:
                    unreadable[answer_id] = work.pop(answer_id)
                elif not isinstance(value, (int, Decimal)) or isinstance(value, bool):
                    work[answer_id] = int(number) if number == number.to_integral_value() else number
            elif kind is QuestionKind.DATE:
                if isinstance(value, datetime.date):
                    continue
                day = _as_date(value)
                if day is None:
                    unreadable[answer_id] = work.pop(answer_id)
                else:
                    work[answer_id] = day
            elif kind is QuestionKind.CHECKBOX:
                work[answer_id] = 1 if value in (1, True, "1", "true", "yes") else 0
            elif value not in codes and isinstance(value, str):
                stripped = value.strip()
                if stripped.lstrip("-").isdecimal() and stripped.isascii() and int(stripped) in codes:
                    work[answer_id] = int(stripped)

    # Routing and clearing answers that no longer apply (lettings-2026.md §0)

    def _route(self, answers: dict[str, Any], context: Any, predicates: PredicateResults) -> list[bool]:
        """Which pages are shown, subsection by subsection (setting any "done" flags on the way)."""
        routed = [False] * len(self._page_ids)
        with predicates.unchanged():
            self._router(answers, context, routed, predicates.results)
        return routed

    def _clear(self, answers: dict[str, Any], context: Any, routed: list[bool], cleared: dict[str, Any]) -> list[str]:
        """Remove the answers to questions on no shown page (or not one of its options); return their ids."""
        keeping, simply = self._keeping, self._kept_when_shown.get
        gone = []
        # Most answers are kept by being on one shown page: only the others are looked at in full.
        others = [
            (answer_id, value)
            for answer_id, value in answers.items()
            if (way := simply(answer_id)) is None or not (routed[way[0]] and (way[1] is None or value in way[1]))
        ]
        for answer_id, value in others:
            found = keeping.get(answer_id)
            if found is None:
                continue  # derived variables and other keys are not questions
            kept_off_route, pages, derived_when = found
            if kept_off_route:
                continue
            for index, codes in pages:
                if routed[index] and (codes is None or value in codes):
                    break
            else:
                for derived in derived_when:
                    if derived(answers, context):
                        break
                else:
                    gone.append(answer_id)
        for answer_id in gone:
            cleared[answer_id] = answers.pop(answer_id)
        return gone

    # Checks

    def _numeric_issues(self, answers: Mapping[str, Any], routed: list[bool]) -> list[Issue]:
        issues: list[Issue] = []
        numeric = self._numeric
        for index in self._numeric_to_check(answers, routed):
            question = numeric[index].question
            issues.extend(_numeric_issues(question, answers[question.id]))
        return issues

    def _check_issues(
        self, answers: Mapping[str, Any], context: Any, predicates: PredicateResults
    ) -> tuple[list[Issue], list[Issue]]:
        errors: list[Issue] = []
        warnings: list[Issue] = []
        checks = self._checks
        for index in self._fired(answers, context, predicates.results):
            check, messages = checks[index]
            soft = check.severity is Severity.SOFT
            if soft and check.confirm_field and answers.get(check.confirm_field) == 0:
                continue
            target = warnings if soft else errors
            for field_id, message in messages:
                text = message if isinstance(message, str) else message(answers, context)
                if text:  # a message function returns "" when its field is not involved this time
                    target.append(Issue(check.id, field_id, text, check.severity, check.confirm_field))
        return errors, warnings

    # The whole evaluation

    def evaluate(
        self, answers: Mapping[str, Any], context: Any = None, previous: Mapping[str, Any] | None = None
    ) -> Outcome:
        """Evaluate one log's answers. `previous` holds its answers before this change, for change-driven rules."""
        work = {k: v for k, v in answers.items() if v is not None and (type(v) is not str or v)}
        set_aside: dict[str, Any] = {}
        self._normalise(work, set_aside)
        given = dict(work)
        cleared: dict[str, Any] = {}
        for derivation in self._input:
            derivation.apply(work, context, previous)
        predicates = PredicateResults(self._predicates)
        routed = self._route_and_derive(work, context, previous, predicates, cleared)
        unreadable = self._put_back(work, given, set_aside, routed, cleared)
        predicates.forget(set_aside)
        numeric_errors = self._numeric_issues(work, routed)
        with predicates.unchanged():  # checks and statuses see the facts (such as "setup done") with the answers
            errors, warnings = self._check_issues(work, context, predicates)
            statuses, missing = self._statuses(work, context, routed, predicates.results)
        facts = {flag: work.pop(flag) for flag in self._flags if flag in work}
        errors = unreadable + numeric_errors + errors
        values = statuses.values()
        if not errors and all(s is Status.COMPLETED for s in values):
            status = Status.COMPLETED
        elif all(s is Status.NOT_STARTED or s is Status.CANNOT_START for s in values):
            status = Status.NOT_STARTED
        else:
            status = Status.IN_PROGRESS
        present = sorted(self._derived_key_set.intersection(work), key=self._derived_rank.__getitem__)
        derived = {key: work[key] for key in present if key not in given or given[key] != work[key]}
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

    def _route_and_derive(
        self,
        work: dict[str, Any],
        context: Any,
        previous: Mapping[str, Any] | None,
        predicates: PredicateResults,
        cleared: dict[str, Any],
    ) -> list[bool]:
        """Route, clear and derive; give the pages shown.

        Clears what is on no shown page, again and again while answers are cleared because others were (the standard
        clears twice; a chain can be longer, and evaluating an outcome again must change nothing), derives, then
        routes again only if a derivation or the last clearing changed an answer that routing reads.
        """
        changed: set[str] = set()
        for _ in range(len(work) + 1):  # each pass that goes on clears at least one answer
            routed = self._route(work, context, predicates)
            gone = self._clear(work, context, routed, cleared)
            predicates.forget(gone)
            changed = set(gone)
            if not gone:
                break  # nothing cleared: another pass would route the same pages
        before = dict(work)
        for apply in self._derive_functions:
            apply(work, context, previous)
        derived_keys = self._derived_key_set
        for key in [key for key, value in work.items() if value is None and key in derived_keys]:
            del work[key]  # a derived value cleared
        # Only the derived answers that routing or something remembered reads need comparing.
        outside = predicates.reads_outside_index()
        watched = [*self._derive_watched, *(k for k in outside if k in self._derive_set and k not in self._watched)]
        get, get_before = work.get, before.get
        for key in watched:
            new, old = get(key, _UNSET), get_before(key, _UNSET)
            if new is not old and (type(new) is not type(old) or new != old):
                changed.add(key)
        predicates.forget(changed)
        if not self._router_reads.isdisjoint(changed):
            routed = self._route(work, context, predicates)
        return routed

    def _put_back(
        self,
        work: dict[str, Any],
        given: dict[str, Any],
        set_aside: dict[str, Any],
        routed: list[bool],
        cleared: dict[str, Any],
    ) -> list[Issue]:
        """Put back the unreadable answers whose pages are shown, each with an error; clear the others."""
        unreadable: list[Issue] = []
        for answer_id, raw in set_aside.items():
            asked = self._asked[answer_id]
            if any(routed[index] for index, _ in asked):
                work[answer_id] = raw
                given[answer_id] = raw
                unreadable.append(_unreadable_issue(asked[0][1]))
            else:
                cleared[answer_id] = raw
        unreadable.sort(key=lambda issue: issue.field)
        return unreadable

    def read_answers(self, answers: Mapping[str, Any]) -> dict[str, Any]:
        """Answers read as the declaration's types (numbers, dates, codes); blanks dropped, unreadable ones kept."""
        work = {k: v for k, v in answers.items() if v is not None and (type(v) is not str or v)}
        set_aside: dict[str, Any] = {}
        self._normalise(work, set_aside)
        return {**work, **set_aside}

    def derived_values(self, answers: Mapping[str, Any]) -> dict[str, Any]:
        """The values among these answers that derivations set (derived variables and derived answers)."""
        return {key: answers[key] for key in self._derived_keys if key in answers}

    def answer_ids(self) -> frozenset[str]:
        """The answer ids of every question (the rest of an outcome's answers are derived variables)."""
        return frozenset(self._asked)

    def evaluate_many(self, logs: Iterable[tuple[Mapping[str, Any], Any]]) -> list[Outcome]:
        """Evaluate a batch of (answers, context) pairs with the one compiled collection (bulk upload)."""
        evaluate = self.evaluate
        return [evaluate(answers, context) for answers, context in logs]

    # Reading the declaration

    def page(self, page_id: str) -> Page:
        """A page by id."""
        for page in self._page_list:
            if page.id == page_id:
                return page
        raise KeyError(page_id)

    def pages_of(self, subsection_id: str) -> tuple[Page, ...]:
        """The pages of a subsection, in order."""
        for subsection, _, _ in self._subsection_ranges:
            if subsection.id == subsection_id:
                return subsection.pages
        raise KeyError(subsection_id)


def compile_collection(collection: CollectionYear) -> Evaluator:
    """Compile a collection year once, for evaluating many logs."""
    return Evaluator(collection)
