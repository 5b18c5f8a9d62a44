"""The parts of a collection year's declaration: plain, frozen data.

A collection year (`CollectionYear`) holds sections → subsections → pages → questions, the derivations that fill
derived variables, and the hard and soft checks. Conditions are `collect.rulebook.conditions.Condition` objects,
so they can be described in the generated documentation and compiled once for fast evaluation.
"""

from __future__ import annotations

import enum
import functools
from collections.abc import Callable, Iterator, Mapping, MutableMapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from collect.rulebook.conditions import Condition, always, never
from collect.rulebook.downloads import Downloads
from collect.rulebook.tables import Tables
from collect.rulebook.template import BulkTemplate

Message = str | Callable[[Mapping[str, Any], Any], str]


class QuestionKind(enum.StrEnum):
    """How a question is asked and what its answer holds."""

    RADIO = "radio"
    CHECKBOX = "checkbox"  # one answer per option: the option's code is the answer id, its value 1 or 0
    SELECT = "select"
    NUMERIC = "numeric"
    TEXT = "text"
    DATE = "date"
    POSTCODE = "postcode"
    ADDRESS = "address"  # an address search; the answer is a UPRN
    INTERRUPTION = "interruption"  # a soft check's confirmation: 0 = yes, confirmed; 1 = no, go back


class OptionKind(enum.StrEnum):
    """Ordinary answers, and the special ones the standard codes separately."""

    ANSWER = "answer"
    DONT_KNOW = "dont_know"
    PREFERS_NOT_TO_SAY = "prefers_not_to_say"


@dataclass(frozen=True)
class Option:
    """One option of a radio, select or checkbox question."""

    code: Any
    label: str
    hint: str = ""
    kind: OptionKind = OptionKind.ANSWER
    divider_before: bool = False


@dataclass(frozen=True)
class Question:
    """One question. Its id is the answer's key (a checkbox's answers are keyed by its options' codes)."""

    id: str
    kind: QuestionKind
    text: str
    check_answers_label: str = ""
    hint: str = ""
    number: int | None = None
    options: tuple[Option, ...] = ()
    minimum: Decimal | int | None = None
    maximum: Decimal | int | None = None
    step: Decimal | int | None = None
    prefix: str = ""
    suffix: str = ""
    width: int | None = None
    # Never required when this holds (lettings-2026.md §7.2).
    optional_when: Condition = never
    # Filled by a derivation when this holds: not asked for, never cleared for being off-route.
    derived_when: Condition = never
    # Shown only when the parent question on the same page has one of these values (a conditional reveal).
    revealed_by: tuple[str, frozenset[Any]] | None = None
    # Counts as answered, shown as "Not known", when this holds (e.g. age1 when age1_known == 1).
    not_known_when: Condition = never
    # Keep the answer even when its page is not routed (lettings-2026.md §0 exemptions).
    keep_when_off_route: bool = False
    # The options offered to this log, when they depend on the context (e.g. rent periods of the managing org).
    offered_options: Callable[[Mapping[str, Any], Any], frozenset[Any]] | None = None
    # Needed even when its page is not shown because the answer is filled in for the person (organisation selects).
    always_applicable: bool = False

    @property
    def label(self) -> str:
        """The label in check-your-answers and messages."""
        return self.check_answers_label or self.text

    @property
    def answer_ids(self) -> tuple[str, ...]:
        """The answer keys this question fills."""
        if self.kind is QuestionKind.CHECKBOX:
            return tuple(str(o.code) for o in self.options)
        return (self.id,)

    @functools.cached_property
    def codes(self) -> frozenset[Any]:
        """The codes of its options."""
        return frozenset(o.code for o in self.options)


@dataclass(frozen=True)
class Page:
    """One page of the form: its id becomes its URL."""

    id: str
    questions: tuple[Question, ...]
    shown_when: Condition = always
    header: str = ""
    # Skipped when walking the form (still routed): lettings relatN once a partner is known.
    skip_when: Condition = never
    # For an interruption page, the id of the soft check it confirms.
    confirms: str | None = None


@dataclass(frozen=True)
class Subsection:
    """A task-list item: a group of pages, with a check-your-answers page.

    With `done_flag`, the engine records in that answer whether the subsection's questions, other than
    `done_excluding`, are all answered, so later subsections can depend on it (lettings "setup done", §7.3).
    """

    id: str
    label: str
    pages: tuple[Page, ...]
    enabled_when: Condition = always
    # Listed in the task list (and counted in the log's status) only when this holds (sales-2026.md §1).
    listed_when: Condition = always
    done_flag: str | None = None
    done_excluding: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Section:
    """A task-list heading."""

    id: str
    label: str
    subsections: tuple[Subsection, ...]


class Stage(enum.StrEnum):
    """When a derivation runs: before routing and clearing (cleaning input), or after (deriving variables)."""

    INPUT = "input"
    DERIVE = "derive"


@dataclass(frozen=True)
class Derivation:
    """Fills or clears derived variables. `apply(answers, context, previous)` changes `answers` in place.

    `previous` holds the log's answers before this change (or is None for a new log), for the rules of the standard
    that depend on what changed.
    """

    id: str
    description: str
    sets: tuple[str, ...]
    reads: tuple[str, ...]
    apply: Callable[[MutableMapping[str, Any], Any, Mapping[str, Any] | None], None]
    stage: Stage = Stage.DERIVE


class Severity(enum.StrEnum):
    """A hard check stops the log being completed; a soft one asks for confirmation."""

    HARD = "error"
    SOFT = "warning"


@dataclass(frozen=True)
class Check:
    """A rule of the standard: when `when` holds, each field in `messages` gets its message.

    A message may be a function of (answers, context); it returns "" when its field is not involved this time.

    A soft check is confirmed by answering 0 ("yes, this is correct") to its `confirm_field`.
    """

    id: str
    severity: Severity
    when: Condition
    messages: Mapping[str, Message]
    description: str = ""
    confirm_field: str | None = None
    # Fields that the check is about but which carry no message of their own (soft checks' affected questions).
    affects: tuple[str, ...] = ()
    # Checks that bulk upload does not report (the standard's "skip_bu" errors).
    web_only: bool = False
    decision: str = ""

    @property
    def fields(self) -> tuple[str, ...]:
        """Every field the check concerns."""
        return tuple(dict.fromkeys((*self.messages, *self.affects)))


@dataclass(frozen=True)
class CollectionYear:
    """Everything the standard says about one kind of log in one collection year."""

    id: str
    kind: str
    start_year: int
    label: str
    sections: tuple[Section, ...]
    derivations: tuple[Derivation, ...] = ()
    checks: tuple[Check, ...] = ()
    # Decisions about the standard's quirks, and other notes for the generated documentation.
    notes: Mapping[str, str] = field(default_factory=dict)
    # Two logs of the same kind are duplicates when these answers are all the same and both meet `duplicate_when`.
    duplicate_fields: tuple[str, ...] = ()
    duplicate_when: Condition = never
    # The bulk upload template of this collection year, its column mapping and its checks of cells.
    bulk_template: BulkTemplate | None = None
    # The CSV download's column sets and the statistics export's fields (collect.rulebook.downloads).
    downloads: Downloads | None = None
    # The open data tables and factsheet figures (collect.rulebook.tables).
    tables: Tables | None = None

    @property
    def subsections(self) -> tuple[Subsection, ...]:
        """Every subsection, in order."""
        return tuple(s for section in self.sections for s in section.subsections)

    @property
    def pages(self) -> tuple[Page, ...]:
        """Every page, in order."""
        return tuple(p for s in self.subsections for p in s.pages)

    def questions(self) -> dict[str, Question]:
        """Every question by id (the first declaration of an id that appears on several pages)."""
        found: dict[str, Question] = {}
        for page in self.pages:
            for question in page.questions:
                found.setdefault(question.id, question)
        return found

    def conditions(self) -> Iterator[Condition]:
        """Every condition of the declaration: subsections, pages, questions and checks."""
        for subsection in self.subsections:
            yield subsection.enabled_when
            yield subsection.listed_when
            for page in subsection.pages:
                yield page.shown_when
                yield page.skip_when
                for question in page.questions:
                    yield from (question.optional_when, question.derived_when, question.not_known_when)
        for check in self.checks:
            yield check.when
