"""Checking a bulk file: each row read with its collection year's template and evaluated with its rulebook.

For each row: its cells are typed (a number cell that is not a number is reported, not read as 0), the template's
readers turn them into answers, the rulebook evaluates the answers as it does every log's, and each error, missing
answer and soft warning is reported on the cells its answer came from. The template's cell checks add what only a
file can get wrong. Invalid answers of questions outside set-up are then cleared (and the log evaluated again), as
the logs will be saved without them. Rows that are the same in the duplicate check fields are reported as
duplicates within the file.
"""

from __future__ import annotations

import datetime
import functools
import hashlib
import multiprocessing
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from collect.bulkupload.layout import DataRow, Layout, locate
from collect.bulkupload.reading import RejectedFileError, open_table
from collect.bulkupload.report import CellError, Report, RowResult
from collect.rulebook import Evaluator, Issue, Outcome, QuestionKind
from collect.rulebook.template import BulkTemplate, Category, CellCheck, CellType, TemplateField
from collect.standards.answers import in_sentence, unanswered_message
from collect.standards.registry import collection as declaration
from collect.standards.registry import evaluator as compiled_evaluator

ContextFor = Callable[[Mapping[str, Any]], Any]
Progress = Callable[[int, int], None]
SETUP_SUBSECTION = "setup"
DUPLICATE_IN_FILE = "This is a duplicate of a log in your file."
DUPLICATE_OF_EXISTING = "This is a duplicate log."
CLEARING_PASSES = 2
PROGRESS_EVERY = 250
_THOUSANDS = re.compile(r"^\d{1,3}(,\d{3})+(\.\d+)?$")


@dataclass(frozen=True)
class Rules:
    """A collection year's template and rules, indexed once for checking many rows."""

    collection_id: str
    kind: str
    start_year: int
    template: BulkTemplate
    evaluator: Evaluator
    setup_answers: frozenset[str]
    pages_of_answer: dict[str, frozenset[str]]
    codes_of_answer: dict[str, frozenset[Any]]
    answers_of_field: dict[int, tuple[str, ...]]
    labels: dict[str, tuple[str, ...]]  # question id -> its answer ids, with its label first
    check_fields: dict[str, tuple[str, ...]]

    def cells(self, answer_id: str) -> tuple[int, ...]:
        """The fields an answer's errors may be reported on (in any row)."""
        return self.template.cells_of_answer.get(answer_id, ())

    def category(self, answer_id: str) -> Category:
        """Set-up answers' errors stop the whole upload; others do not."""
        return Category.SETUP if answer_id in self.setup_answers else Category.OTHER


@functools.cache
def rules_for(collection_id: str) -> Rules:
    """The indexed rules of a collection year that has a bulk template."""
    declared = declaration(collection_id)
    template = declared.bulk_template
    if template is None:
        raise KeyError(f"{collection_id} has no bulk upload template")
    setup = next((s for s in declared.subsections if s.id == SETUP_SUBSECTION), None)
    setup_answers = frozenset(a for p in (setup.pages if setup else ()) for q in p.questions for a in q.answer_ids)
    pages: dict[str, set[str]] = {}
    codes: dict[str, frozenset[Any]] = {}
    labels: dict[str, tuple[str, ...]] = {}
    for page in declared.pages:
        for question in page.questions:
            for answer_id in question.answer_ids:
                pages.setdefault(answer_id, set()).add(page.id)
            if question.kind in (QuestionKind.RADIO, QuestionKind.SELECT) and question.options:
                codes.setdefault(question.id, question.codes)
            labels.setdefault(question.id, (question.label, *question.answer_ids))
    answers_of_field: dict[int, list[str]] = {}
    for reader in template.readers:
        for number in reader.fields:
            answers_of_field.setdefault(number, []).extend(reader.sets)
    return Rules(
        collection_id=collection_id,
        kind=declared.kind,
        start_year=declared.start_year,
        template=template,
        evaluator=compiled_evaluator(collection_id),
        setup_answers=setup_answers,
        pages_of_answer={k: frozenset(v) for k, v in pages.items()},
        codes_of_answer=codes,
        answers_of_field={k: tuple(dict.fromkeys(v)) for k, v in answers_of_field.items()},
        labels=labels,
        check_fields={c.id: c.fields for c in declared.checks},
    )


# Typing cells


def _integer(text: str) -> int | None:
    """A whole number: digits with an optional sign, leading zeros allowed ("08"), or "3.0" as spreadsheets write."""
    body = text[1:] if text[:1] in "+-" else text
    head, dot, tail = body.partition(".")
    if not head.isdecimal() or not head.isascii() or (dot and tail.strip("0")):
        return None
    number = int(head)
    return -number if text.startswith("-") else number


def _decimal(text: str) -> Decimal | None:
    """A number: digits with an optional point, a leading £ and thousands commas ("1,250.50") allowed."""
    text = text.removeprefix("£").strip()
    if "," in text:
        if not _THOUSANDS.match(text):
            return None
        text = text.replace(",", "")
    try:
        number = Decimal(text)
    except InvalidOperation:
        return None
    return number if number.is_finite() else None


_TEXT, _UPPER_TEXT, _INTEGER, _DECIMAL = range(4)
# Whole numbers already read from their text (most integer cells hold a few short codes).
_integers: dict[str, int | None] = {}
_INTEGERS_KEPT = 10_000


# The kind of each field's cell, by the identity of the fields mapping (kept with it, so the identity stays its).
_kinds_of: dict[int, tuple[Mapping[int, TemplateField], dict[int, int]]] = {}


def _cell_kinds(fields: Mapping[int, TemplateField]) -> dict[int, int]:
    found = _kinds_of.get(id(fields))
    if found is None or found[0] is not fields:
        kinds = {CellType.INTEGER: _INTEGER, CellType.DECIMAL: _DECIMAL}
        made = {n: kinds.get(f.cell_type, _UPPER_TEXT if f.upper else _TEXT) for n, f in fields.items()}
        found = _kinds_of[id(fields)] = (fields, made)
    return found[1]


def type_cells(raw: Mapping[int, str], fields: Mapping[int, TemplateField]) -> tuple[dict[int, Any], list[int]]:
    """A row's cells typed as its template declares, and the number cells that are not numbers."""
    kinds = _cell_kinds(fields)
    integers = _integers
    cells: dict[int, Any] = {}
    invalid: list[int] = []
    for number, text in raw.items():
        kind = kinds.get(number)
        if kind is None:
            continue
        if kind == _TEXT:
            cells[number] = text
            continue
        if kind == _UPPER_TEXT:
            cells[number] = text.upper()
            continue
        if kind == _INTEGER:
            if text in integers:
                value: int | Decimal | None = integers[text]
            else:
                value = _integer(text)
                if len(integers) < _INTEGERS_KEPT:
                    integers[text] = value
        else:
            value = _decimal(text)
        if value is None:
            invalid.append(number)
        cells[number] = value
    return cells, invalid


# Checking a row


class _RowErrors:
    """The errors of one row, at most one message per cell from the rules (cell checks may add more)."""

    def __init__(self, row: int, layout: Layout, template: BulkTemplate, ignored: frozenset[int] = frozenset()) -> None:
        self.row, self.layout, self.fields, self.ignored = row, layout, template.by_number, ignored
        self.found: list[CellError] = []
        self.taken: set[int] = set()

    def add(self, number: int, message: str, category: Category, check: str, *, blocks: bool = False) -> None:
        if number in self.ignored:
            return
        field = self.fields.get(number)
        question = field.question if field else ""
        column = self.layout.column_letter(number) if field else ""
        self.found.append(CellError(self.row, number, column, question, message, category, check, blocks))
        self.taken.add(number)

    def add_free(self, numbers: Iterable[int], message: str, category: Category, check: str) -> None:
        """Add to the cells that have no error yet (a row-level error when none of them is in the template)."""
        numbers = tuple(numbers) or (0,)
        for number in numbers:
            if number not in self.taken:
                self.add(number, message, category, check)

    def replace(self, number: int, message: str, category: Category, check: str) -> None:
        self.found = [e for e in self.found if e.field != number]
        self.add(number, message, category, check)


@dataclass
class RowChecker:
    """Checks rows of one file: the rules, who is uploading (lookups) and how to build each row's context."""

    rules: Rules
    layout: Layout
    lookups: Any
    context_for: ContextFor
    cell_checks: tuple[CellCheck, ...]
    # Cells not checked at all (offline, the cells naming organisations, users and schemes).
    ignored: frozenset[int] = frozenset()
    # The fields of each answer in the row being checked (set by `check`).
    cells_now: dict[str, tuple[int, ...]] = field(default_factory=dict)

    def check(self, data: DataRow) -> RowResult:
        """The result of one data row."""
        rules, template = self.rules, self.rules.template
        cells, invalid = type_cells(data.cells, template.by_number)
        self.cells_now = template.cells_in_row(cells)
        answers = template.read(cells, self.lookups)
        outcome = rules.evaluator.evaluate(answers, self.context_for(answers))
        errors = _RowErrors(data.number, self.layout, template, self.ignored)
        for cell_check in self.cell_checks:
            for number, message in cell_check.check(cells, self.lookups).items():
                errors.add(number, message, cell_check.category, cell_check.id, blocks=cell_check.blocks)
        self._rule_errors(answers, outcome, errors)
        self._missing(outcome, errors)
        for issue in outcome.warnings:
            errors.add_free(self._cells_of(issue), issue.message, Category.SOFT, issue.check_id)
        self._invalid_cells(invalid, outcome, errors)
        rules_fields = template.file_rules
        result = RowResult(
            row=data.number,
            record_code=data.cells.get(rules_fields.record_code_field, ""),
            record_reference=data.cells.get(rules_fields.record_reference_field or 0, ""),
            answers=outcome.answers,
            derived={},
            status=str(outcome.status),
            hard_errors=len(outcome.errors),
            errors=errors.found,
        )
        hard = [e for e in errors.found if e.category is Category.OTHER]
        if hard:
            self._clear(result, answers, hard)
        result.derived = rules.evaluator.derived_values(result.answers)
        return result

    def _cells(self, answer_id: str) -> tuple[int, ...]:
        """The fields an answer's errors are reported on in the row being checked."""
        return self.cells_now.get(answer_id, ())

    def _cells_of(self, issue: Issue) -> tuple[int, ...]:
        found = self._cells(issue.field)
        if not found:
            fields = self.rules.check_fields.get(issue.check_id, ())
            found = tuple(sorted({n for a in fields for n in self._cells(a)}))
        return found

    def _rule_errors(self, answers: Mapping[str, Any], outcome: Outcome, errors: _RowErrors) -> None:
        rules = self.rules
        for answer_id, value in outcome.cleared.items():
            codes = rules.codes_of_answer.get(answer_id)
            if codes is None or answer_id not in answers or value in codes:
                continue
            if rules.pages_of_answer.get(answer_id, frozenset()).isdisjoint(outcome.routed_pages):
                continue
            category = rules.category(answer_id)
            for number in self._cells(answer_id):
                field = rules.template.by_number[number]
                message = f"Enter a valid value for {in_sentence(field.question)}"
                errors.add(number, message, category, f"option.{answer_id}", blocks=category is Category.SETUP)
        for issue in outcome.errors:
            errors.add_free(self._cells_of(issue), issue.message, rules.category(issue.field), issue.check_id)

    def _missing(self, outcome: Outcome, errors: _RowErrors) -> None:
        rules = self.rules
        for question_ids in outcome.missing.values():
            for question_id in question_ids:
                label, *answer_ids = rules.labels.get(question_id, (question_id, question_id))
                numbers = sorted({n for a in answer_ids for n in self._cells(a)})
                if not numbers:
                    continue  # not in the template: answered in the service
                category = Category.SETUP if question_id in rules.setup_answers else Category.NOT_ANSWERED
                for number in numbers:
                    if number not in errors.taken:
                        errors.add(number, unanswered_message(label), category, f"missing.{question_id}")

    def _invalid_cells(self, invalid: list[int], outcome: Outcome, errors: _RowErrors) -> None:
        rules = self.rules
        routed = set(outcome.routed_pages)
        for number in invalid:
            answer_ids = rules.answers_of_field.get(number, ())
            asked = [a for a in answer_ids if not rules.pages_of_answer.get(a, frozenset()).isdisjoint(routed)]
            if answer_ids and not asked:
                continue  # the question is not asked for this log: the cell is ignored
            category = Category.SETUP if any(a in rules.setup_answers for a in answer_ids) else Category.OTHER
            question = rules.template.by_number[number].question
            errors.replace(number, f"Enter a valid value for {in_sentence(question)}", category, "cell.type")

    def _clear(self, result: RowResult, given: Mapping[str, Any], hard: list[CellError]) -> None:
        """Clear the answers behind non-set-up errors and evaluate again (as the logs will be saved)."""
        rules = self.rules
        answers = dict(given)
        fields = {e.field for e in hard}
        for _ in range(CLEARING_PASSES):
            gone = {a for n in fields for a in rules.answers_of_field.get(n, ()) if a not in rules.setup_answers}
            for answer_id in sorted(gone & answers.keys()):
                result.cleared[answer_id] = (answers.pop(answer_id), self._cells(answer_id))
            outcome = rules.evaluator.evaluate(answers, self.context_for(answers))
            result.answers, result.status, result.hard_errors = (
                outcome.answers,
                str(outcome.status),
                len(outcome.errors),
            )
            fields = {n for issue in outcome.errors for n in self._cells_of(issue)}
            if not outcome.errors or not fields:
                break
        result.still_invalid = result.hard_errors > 0


def _duplicate_key(data: DataRow, fields: tuple[int, ...]) -> bytes | None:
    values = [data.cells.get(n, "").casefold() for n in fields]
    if not any(values):
        return None
    return hashlib.blake2b("\x1f".join(values).encode(), digest_size=16).digest()


def _mark_duplicates_in_file(report: Report, keys: dict[bytes, list[int]], rules: Rules, layout: Layout) -> None:
    fields = rules.template.file_rules.duplicate_fields
    for indexes in keys.values():
        if len(indexes) < 2:
            continue
        for index in indexes:
            row = report.rows[index]
            errors = _RowErrors(row.row, layout, rules.template)
            for number in fields:
                errors.add(number, DUPLICATE_IN_FILE, Category.SETUP, "bulk.duplicate_in_file")
            row.errors.extend(errors.found)


def mark_existing_duplicates(report: Report, collection_id: str, row_indexes: Iterable[int], layout: Layout) -> None:
    """Mark rows (indexes into report.rows) that duplicate logs already in the service (platform.md §4.4)."""
    rules = rules_for(collection_id)
    fields = sorted({n for a in declaration(collection_id).duplicate_fields for n in rules.cells(a)})
    for index in row_indexes:
        row = report.rows[index]
        errors = _RowErrors(row.row, layout, rules.template)
        for number in fields:
            errors.add(number, DUPLICATE_OF_EXISTING, Category.OTHER, "bulk.duplicate_of_existing")
        row.errors.extend(errors.found)
        row.duplicate_of_existing = True


def default_context(collection_id: str, today: datetime.date | None = None, refdata: Any = None) -> ContextFor:
    """A context that knows only today's date and any reference data given (the offline checker's)."""
    from collect.standards.lettings.context import LettingsContext
    from collect.standards.sales.context import SalesContext

    day = today or datetime.date.today()
    kind = declaration(collection_id).kind
    context: Any
    if kind == "lettings":
        context = LettingsContext(today=day, refdata=refdata) if refdata else LettingsContext(today=day)
    else:
        context = SalesContext(today=day, refdata=refdata) if refdata else SalesContext(today=day)
    return lambda answers: context


# Checking rows in several processes

# Rows sent to a checking process at a time, and the fewest rows worth starting processes for.
ROWS_PER_TASK = 200
FEWEST_ROWS_FOR_PROCESSES = 1000
Store = Callable[[list[RowResult]], None]
# The checker and what stores each batch of results, set before the processes are forked: they inherit them.
_inherited: dict[str, tuple[RowChecker, Store | None]] = {}


def _check_rows(rows: list[DataRow]) -> list[tuple[RowResult, bytes | None]]:
    """Check some rows with the inherited checker; each result with the row's duplicate key."""
    return _check_rows_with(*_inherited["checker"], rows)


def _in_tasks(rows: Iterable[DataRow]) -> Iterator[list[DataRow]]:
    batch: list[DataRow] = []
    for row in rows:
        batch.append(row)
        if len(batch) == ROWS_PER_TASK:
            yield batch
            batch = []
    if batch:
        yield batch


def _checked(
    checker: RowChecker,
    rows: Iterable[DataRow],
    processes: int,
    hooks: ProcessHooks,
) -> Iterator[tuple[RowResult, bytes | None]]:
    """Each row's result and duplicate key, in the file's order; checked in `processes` forked processes when >1.

    The processes are forked, so they inherit the rules, the checker and its look-ups (see ProcessHooks).
    """
    if processes <= 1:
        for batch in _in_tasks(rows):
            yield from _check_rows_with(checker, hooks.store, batch)
        return
    _inherited["checker"] = (checker, hooks.store)
    try:
        if hooks.before_fork is not None:
            hooks.before_fork()
        pool = multiprocessing.get_context("fork").Pool(processes, initializer=hooks.process_start)
        try:
            for results in pool.imap(_check_rows, _in_tasks(rows)):
                yield from results
        except BaseException:
            pool.terminate()
            pool.join()
            raise
        pool.close()  # the processes end as they would on their own (running their finalisers)
        pool.join()
    finally:
        _inherited.clear()


def _check_rows_with(
    checker: RowChecker, store: Store | None, rows: list[DataRow]
) -> list[tuple[RowResult, bytes | None]]:
    fields = checker.rules.template.file_rules.duplicate_fields
    found = [(checker.check(row), _duplicate_key(row, fields)) for row in rows]
    if store is not None:
        store([result for result, _ in found])
    return found


@dataclass(frozen=True)
class ProcessHooks:
    """What the service does where rows are checked: how processes start, and what it keeps of each batch.

    `before_fork` closes what must not be shared with forked processes (the database connections: each process
    opens its own); `process_start` runs first in each process; `store` is given each batch of checked rows in the
    process that checked them (the service writes their logs there and keeps only what the report needs).
    """

    before_fork: Callable[[], None] | None = None
    process_start: Callable[[], None] | None = None
    store: Store | None = None


def check_file(
    data: bytes,
    filename: str,
    collection_id: str,
    *,
    lookups: Any = None,
    context_for: ContextFor | None = None,
    progress: Progress | None = None,
    processes: int = 1,
    hooks: ProcessHooks | None = None,
    on_rows: Callable[[list[RowResult]], None] | None = None,
) -> Report:
    """Check a whole file. Without `lookups` (the offline checker), checks that need the database are skipped.

    With `processes` above 1, the rows of a file of at least FEWEST_ROWS_FOR_PROCESSES rows are checked in that many
    forked processes (see `_checked` and ProcessHooks); the report is the same either way. `on_rows` is given each
    batch of checked rows, in the file's order, as soon as they are checked.
    """
    rules = rules_for(collection_id)
    report = Report(collection_id=collection_id, kind=rules.kind, filename=filename)
    try:
        layout = locate(open_table(data, filename), rules.template, rules.start_year)
    except RejectedFileError as rejected:
        report.file_errors, report.rejection_reason = rejected.messages, rejected.reason
        return report
    report.layout = layout
    report.total_rows = layout.total_rows
    cell_checks = tuple(c for c in rules.template.checks if lookups is not None or not c.needs_lookups)
    report.skipped = [c.id for c in rules.template.checks if c not in cell_checks]
    ignored = frozenset(n for c in rules.template.checks if c not in cell_checks for n in c.fields)
    checker = RowChecker(rules, layout, lookups, context_for or default_context(collection_id), cell_checks, ignored)
    keys: dict[bytes, list[int]] = {}
    if layout.total_rows < FEWEST_ROWS_FOR_PROCESSES or multiprocessing.parent_process() is not None:
        processes = 1
    batch: list[RowResult] = []
    for index, (result, key) in enumerate(_checked(checker, layout.data_rows(), processes, hooks or ProcessHooks())):
        report.rows.append(result)
        if key is not None:
            keys.setdefault(key, []).append(index)
        if on_rows is not None:
            batch.append(result)
            if len(batch) == ROWS_PER_TASK:
                on_rows(batch)
                batch = []
        if progress is not None and (index + 1) % PROGRESS_EVERY == 0:
            progress(index + 1, layout.total_rows)
    if on_rows is not None and batch:
        on_rows(batch)
    _mark_duplicates_in_file(report, keys, rules, layout)
    if progress is not None:
        progress(len(report.rows), layout.total_rows)
    return report
