"""Every check, derivation and page of the 2026/27 lettings declaration has cases, and every case holds.

Case tables live in each subsection's test module (`CHECK_CASES`, `DERIVATION_CASES`, `PAGE_CASES`); see
tests/standards/coverage.py for what covering the declaration means.
"""

from __future__ import annotations

import pytest

import tests.standards.lettings as package
from collect.standards.lettings.y2026 import LETTINGS_2026
from tests.standards.coverage import (
    assert_check_case,
    assert_covered,
    assert_derivation_case,
    assert_page_case,
    gather,
)
from tests.standards.lettings.support import evaluate, make_context

TABLES = gather(package)


def _label(value: object) -> str:
    return str(value)[:40]


def test_every_check_derivation_and_page_condition_has_its_cases():
    assert_covered(LETTINGS_2026, TABLES)


@pytest.mark.parametrize(("check_id", "case"), TABLES.check_cases(), ids=_label)
def test_check_case(check_id, case):
    assert_check_case(evaluate, make_context(**case.context), check_id, case)


@pytest.mark.parametrize(("derivation_id", "case"), TABLES.derivation_cases(), ids=_label)
def test_derivation_case(derivation_id, case):
    assert_derivation_case(evaluate, make_context(**case.context), derivation_id, case)


@pytest.mark.parametrize(("page_id", "case"), TABLES.page_cases(), ids=_label)
def test_page_case(page_id, case):
    assert_page_case(evaluate, make_context(**case.context), page_id, case)
