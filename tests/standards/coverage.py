"""Gathering a declaration's case tables and checking that they cover it (used by each declaration's test_coverage).

Case tables live in each subsection's test module of a package (`CHECK_CASES`, `DERIVATION_CASES`, `PAGE_CASES`,
keyed by check, derivation or page id). A check needs a case that triggers it and one that passes; a derivation at
least one case; a page with a display condition a case where it is shown and one where it is not.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass
from types import ModuleType
from typing import Any

from collect.rulebook import CollectionYear, Outcome, always


@dataclass(frozen=True)
class Tables:
    """Every case of a package's test modules, by check, derivation and page id."""

    checks: dict[str, list[Any]]
    derivations: dict[str, list[Any]]
    pages: dict[str, list[Any]]

    def check_cases(self) -> list[tuple[str, Any]]:
        return [(k, c) for k, cases in self.checks.items() for c in cases]

    def derivation_cases(self) -> list[tuple[str, Any]]:
        return [(k, c) for k, cases in self.derivations.items() for c in cases]

    def page_cases(self) -> list[tuple[str, Any]]:
        return [(k, c) for k, cases in self.pages.items() for c in cases]


def gather(package: ModuleType) -> Tables:
    """The case tables of every test module of a package."""
    found: dict[str, dict[str, list[Any]]] = {"CHECK_CASES": {}, "DERIVATION_CASES": {}, "PAGE_CASES": {}}
    for module_info in pkgutil.iter_modules(package.__path__):
        if not module_info.name.startswith("test_"):
            continue
        module = importlib.import_module(f"{package.__name__}.{module_info.name}")
        for name, tables in found.items():
            for key, cases in getattr(module, name, {}).items():
                tables.setdefault(key, []).extend(cases)
    return Tables(found["CHECK_CASES"], found["DERIVATION_CASES"], found["PAGE_CASES"])


def assert_covered(collection: CollectionYear, tables: Tables) -> None:
    """Fail unless every check, derivation and page condition has its cases, and every case names a real one."""
    checks = [
        c.id for c in collection.checks if {case.triggers for case in tables.checks.get(c.id, [])} != {True, False}
    ]
    assert not checks, f"checks without a triggering and a passing case: {checks}"
    derivations = [d.id for d in collection.derivations if not tables.derivations.get(d.id)]
    assert not derivations, f"derivations without a case: {derivations}"
    pages = [
        p.id
        for p in collection.pages
        if p.shown_when is not always and {case.shown for case in tables.pages.get(p.id, [])} != {True, False}
    ]
    assert not pages, f"pages whose display condition lacks a shown and a hidden case: {pages}"
    assert set(tables.checks) <= {c.id for c in collection.checks}
    assert set(tables.derivations) <= {d.id for d in collection.derivations}
    assert set(tables.pages) <= {p.id for p in collection.pages}
    for kind, ids in (
        ("check", [c.id for c in collection.checks]),
        ("page", [p.id for p in collection.pages]),
        ("derivation", [d.id for d in collection.derivations]),
    ):
        repeated = sorted({i for i in ids if ids.count(i) > 1})
        assert not repeated, f"{kind} ids declared twice: {repeated}"


Evaluate = Callable[[dict[str, Any], Any], Outcome]


def assert_check_case(evaluate: Evaluate, context: Any, check_id: str, case: Any) -> None:
    """The check fires for the case's answers exactly when the case says it does."""
    outcome = evaluate(case.answers, context)
    fired = {i.check_id for i in outcome.errors + outcome.warnings}
    assert (check_id in fired) == case.triggers, f"{check_id} {case.note}: {outcome.errors + outcome.warnings}"


def assert_derivation_case(evaluate: Evaluate, context: Any, derivation_id: str, case: Any) -> None:
    """The log has the case's expected values after evaluation."""
    outcome = evaluate(case.answers, context)
    got = {k: outcome.answers.get(k) for k in case.expected}
    assert got == case.expected, f"{derivation_id} {case.note}"


def assert_page_case(evaluate: Evaluate, context: Any, page_id: str, case: Any) -> None:
    """The page is shown exactly when the case says it is."""
    outcome = evaluate(case.answers, context)
    assert (page_id in outcome.routed_pages) == case.shown
