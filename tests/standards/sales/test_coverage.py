"""Every check, derivation and page of the 2026/27 sales declaration has cases, and every case holds.

Case tables live in each subsection's test module (`CHECK_CASES`, `DERIVATION_CASES`, `PAGE_CASES`) and are gathered
here. A check needs a case that triggers it and one that passes; a derivation at least one case; a page with a
display condition a case where it is shown and one where it is not.
"""

from __future__ import annotations

import importlib
import pkgutil
from typing import Any

import pytest

import tests.standards.sales as package
from collect.rulebook import always
from collect.standards.sales.y2026 import SALES_2026
from tests.standards.sales.support import CheckCase, DerivationCase, PageCase, evaluate, make_context


def _tables(name: str) -> dict[str, list[Any]]:
    found: dict[str, list[Any]] = {}
    for module_info in pkgutil.iter_modules(package.__path__):
        if not module_info.name.startswith("test_"):
            continue
        module = importlib.import_module(f"{package.__name__}.{module_info.name}")
        for key, cases in getattr(module, name, {}).items():
            found.setdefault(key, []).extend(cases)
    return found


CHECK_CASES: dict[str, list[CheckCase]] = _tables("CHECK_CASES")
DERIVATION_CASES: dict[str, list[DerivationCase]] = _tables("DERIVATION_CASES")
PAGE_CASES: dict[str, list[PageCase]] = _tables("PAGE_CASES")


def test_every_check_triggers_and_passes_in_some_case():
    missing = [
        c.id for c in SALES_2026.checks if {case.triggers for case in CHECK_CASES.get(c.id, [])} != {True, False}
    ]
    assert not missing, f"checks without a triggering and a passing case: {missing}"


def test_every_derivation_has_a_case():
    missing = [d.id for d in SALES_2026.derivations if not DERIVATION_CASES.get(d.id)]
    assert not missing, f"derivations without a case: {missing}"


def test_every_page_condition_is_shown_and_hidden_in_some_case():
    missing = [
        p.id
        for p in SALES_2026.pages
        if p.shown_when is not always and {case.shown for case in PAGE_CASES.get(p.id, [])} != {True, False}
    ]
    assert not missing, f"pages whose display condition lacks a shown and a hidden case: {missing}"


def test_case_tables_name_real_checks_derivations_and_pages():
    assert set(CHECK_CASES) <= {c.id for c in SALES_2026.checks}
    assert set(DERIVATION_CASES) <= {d.id for d in SALES_2026.derivations}
    assert set(PAGE_CASES) <= {p.id for p in SALES_2026.pages}


@pytest.mark.parametrize(
    ("check_id", "case"), [(k, c) for k, cases in CHECK_CASES.items() for c in cases], ids=lambda v: str(v)[:40]
)
def test_check_case(check_id, case):
    outcome = evaluate(case.answers, make_context(**case.context))
    fired = {i.check_id for i in outcome.errors + outcome.warnings}
    assert (check_id in fired) == case.triggers, f"{check_id} {case.note}: {outcome.errors + outcome.warnings}"


@pytest.mark.parametrize(
    ("derivation_id", "case"),
    [(k, c) for k, cases in DERIVATION_CASES.items() for c in cases],
    ids=lambda v: str(v)[:40],
)
def test_derivation_case(derivation_id, case):
    outcome = evaluate(case.answers, make_context(**case.context))
    got = {k: outcome.answers.get(k) for k in case.expected}
    assert got == case.expected, f"{derivation_id} {case.note}"


@pytest.mark.parametrize(
    ("page_id", "case"), [(k, c) for k, cases in PAGE_CASES.items() for c in cases], ids=lambda v: str(v)[:40]
)
def test_page_case(page_id, case):
    outcome = evaluate(case.answers, make_context(**case.context))
    assert (page_id in outcome.routed_pages) == case.shown


def test_ids_are_unique():
    for kind, ids in (
        ("check", [c.id for c in SALES_2026.checks]),
        ("page", [p.id for p in SALES_2026.pages]),
        ("derivation", [d.id for d in SALES_2026.derivations]),
    ):
        repeated = sorted({i for i in ids if ids.count(i) > 1})
        assert not repeated, f"{kind} ids declared twice: {repeated}"
