"""The household needs subsection of the 2026/27 lettings declaration (lettings-2026.md §2.5, §3.5, §4.2, §5.2)."""

from __future__ import annotations

import pytest

from collect.rulebook import QuestionKind, Status
from collect.standards.lettings.y2026 import LETTINGS_2026, household_needs
from collect.standards.registry import evaluator
from tests.standards.lettings.support import SETUP_GN, CheckCase, DerivationCase, PageCase, evaluate

BASE = {**SETUP_GN}
# Answers (of household characteristics) that make PREG and WI hold (§5.3): one man of 30, pregnant household;
# somebody unable to work through illness, nobody with a condition.
PREGNANT_MAN = {"hhmemb": 1, "age1_known": 0, "age1": 30, "sexrab1": "M", "gender_same_as_sex1": 1, "preg_occ": 1}
ILL_NOT_ILL = {"hhmemb": 1, "age1_known": 0, "age1": 30, "ecstat1": 8, "illness": 2}

CHECK_CASES = {
    "H13": [
        CheckCase({**BASE, "housingneeds": 1, "housingneeds_type": 3, "housingneeds_other": 0}, triggers=True),
        CheckCase({**BASE, "housingneeds": 1, "housingneeds_type": 3, "housingneeds_other": 2}, triggers=True),
        CheckCase({**BASE, "housingneeds": 1, "housingneeds_type": 3, "housingneeds_other": 1}, triggers=False),
        CheckCase({**BASE, "housingneeds": 1, "housingneeds_type": 0, "housingneeds_other": 0}, triggers=False),
    ],
}

DERIVATION_CASES = {
    "housingneeds_flags": [
        DerivationCase(
            {**BASE, "housingneeds": 1, "housingneeds_type": 0, "housingneeds_other": 1},
            expected={
                "housingneeds_a": 1,
                "housingneeds_b": 0,
                "housingneeds_c": 0,
                "housingneeds_f": 1,
                "housingneeds_g": 0,
                "housingneeds_h": 0,
            },
        ),
        DerivationCase(
            {**BASE, "housingneeds": 1, "housingneeds_type": 2, "housingneeds_other": 0},
            expected={"housingneeds_b": 0, "housingneeds_c": 1, "housingneeds_f": 0},
        ),
        DerivationCase(
            {**BASE, "housingneeds": 2, "housingneeds_type": 1},
            expected={
                "housingneeds_a": 0,
                "housingneeds_b": 0,
                "housingneeds_c": 0,
                "housingneeds_f": 0,
                "housingneeds_g": 1,
                "housingneeds_h": 0,
            },
            note="the type is cleared with its page, and no flags but g",
        ),
        DerivationCase({**BASE, "housingneeds": 3}, expected={"housingneeds_g": 0, "housingneeds_h": 1}),
        DerivationCase({**BASE, "housingneeds_a": 1}, expected={"housingneeds_a": None}, note="no answer, no flags"),
    ],
    "condition_effects_zeros": [
        DerivationCase(
            {**BASE, "illness": 1, "illness_type_1": 1, "illness_type_7": 1},
            expected={
                "illness_type_1": 1,
                "illness_type_7": 1,
                **{f"illness_type_{n}": 0 for n in (2, 3, 4, 5, 6, 8, 9, 10)},
            },
        ),
        DerivationCase({**BASE, "illness": 1}, expected={"illness_type_1": None}, note="nothing ticked"),
    ],
}

PAGE_CASES = {
    "armed_forces_serving": [
        PageCase({**BASE, "armedforces": 1}, shown=True),
        PageCase({**BASE, "armedforces": 4}, shown=False),
        PageCase(BASE, shown=False),
    ],
    "armed_forces_injured": [
        PageCase({**BASE, "armedforces": 1}, shown=True),
        PageCase({**BASE, "armedforces": 4}, shown=True),
        PageCase({**BASE, "armedforces": 5}, shown=False),
        PageCase({**BASE, "armedforces": 2}, shown=False),
    ],
    # Shown when PREG holds; the trigger is household characteristics' (a stub until that subsection is merged).
    "no_household_member_likely_to_be_pregnant_check": [
        PageCase({**BASE, **PREGNANT_MAN}, shown=True),
        PageCase({**BASE, **PREGNANT_MAN, "preg_occ": 2}, shown=False),
    ],
    "type_of_access_needs": [
        PageCase({**BASE, "housingneeds": 1}, shown=True),
        PageCase({**BASE, "housingneeds": 2}, shown=False),
        PageCase({**BASE, "housingneeds": 3}, shown=False),
    ],
    # Shown when WI holds; the trigger is household characteristics' (a stub until that subsection is merged).
    "working_situation_long_term_illness_check": [
        PageCase({**BASE, **ILL_NOT_ILL}, shown=True),
        PageCase({**BASE, **ILL_NOT_ILL, "illness": 1}, shown=False),
    ],
    "health_condition_effects": [
        PageCase({**BASE, "illness": 1}, shown=True),
        PageCase({**BASE, "illness": 2}, shown=False),
        PageCase({**BASE, "illness": 3}, shown=False),
    ],
}


def test_pages_are_declared_in_the_order_of_the_standard():
    assert [p.id for p in evaluator("lettings-2026").pages_of("household_needs")] == [
        "armed_forces",
        "armed_forces_serving",
        "armed_forces_injured",
        "pregnant",
        "no_household_member_likely_to_be_pregnant_check",
        "access_needs_exist",
        "type_of_access_needs",
        "health_conditions",
        "working_situation_long_term_illness_check",
        "health_condition_effects",
    ]


def test_questions_numbers_and_codes():
    questions = {q.id: q for p in household_needs.PAGES for q in p.questions}
    numbers = {k: q.number for k, q in questions.items() if q.kind is not QuestionKind.INTERRUPTION}
    assert numbers == {
        "armedforces": 72,
        "leftreg": 73,
        "reservist": 74,
        "preg_occ": 75,
        "housingneeds": 76,
        "housingneeds_type": 77,
        "housingneeds_other": 78,
        "illness": 79,
        "condition_effects": 80,
    }
    assert [o.code for o in questions["armedforces"].options] == [1, 4, 5, 2, 3, 6]
    assert [o.code for o in questions["housingneeds_type"].options] == [0, 1, 2, 3]
    order = (4, 5, 2, 6, 7, 3, 9, 8, 1, 10)
    assert questions["condition_effects"].answer_ids == tuple(f"illness_type_{n}" for n in order)
    assert all(q.label for q in questions.values())


def test_interruption_pages_confirm_the_soft_checks_of_household_characteristics():
    pages = {p.id: p for p in household_needs.PAGES}
    assert pages["no_household_member_likely_to_be_pregnant_check"].confirms == "PREG"
    assert pages["no_household_member_likely_to_be_pregnant_check"].questions[0].id == "pregnancy_value_check"
    assert pages["working_situation_long_term_illness_check"].confirms == "WI"
    assert pages["working_situation_long_term_illness_check"].questions[0].id == "working_situation_illness_check"


@pytest.mark.parametrize(
    ("answers", "gone"),
    [
        ({"armedforces": 2, "reservist": 1}, "reservist"),
        ({"armedforces": 3, "reservist": 2}, "reservist"),
        ({"armedforces": 4, "leftreg": 6}, "leftreg"),
        ({"armedforces": 2, "leftreg": 4}, "leftreg"),
        ({"illness": 2, "illness_type_1": 1}, "illness_type_1"),
        ({"illness": 3, "illness_type_4": 1}, "illness_type_4"),
    ],
)
def test_h4_and_h6_cannot_fire_because_their_answers_are_cleared_first(answers, gone):
    outcome = evaluate({**BASE, **answers})
    assert gone in outcome.cleared
    assert gone not in outcome.answers
    assert not outcome.errors


def test_a_complete_subsection():
    answers = {
        **BASE,
        "armedforces": 1,
        "leftreg": 6,
        "reservist": 2,
        "preg_occ": 2,
        "housingneeds": 1,
        "housingneeds_type": 1,
        "housingneeds_other": 0,
        "illness": 1,
        "illness_type_3": 1,
    }
    outcome = evaluate(answers)
    assert outcome.subsections["household_needs"] is Status.COMPLETED
    assert outcome.answers["housingneeds_b"] == 1
    assert outcome.answers["illness_type_1"] == 0


def test_an_unanswered_access_need_type_keeps_the_subsection_in_progress():
    outcome = evaluate({**BASE, "armedforces": 2, "preg_occ": 2, "housingneeds": 1, "illness": 2})
    assert outcome.subsections["household_needs"] is Status.IN_PROGRESS
    assert outcome.missing["household_needs"] == ["housingneeds_type", "housingneeds_other"]


def test_condition_effects_need_one_ticked_option():
    outcome = evaluate({**BASE, "armedforces": 2, "preg_occ": 2, "housingneeds": 2, "illness": 1, "illness_type_2": 0})
    assert outcome.missing["household_needs"] == ["condition_effects"]


def test_the_subsection_is_in_the_household_section():
    section = next(s for s in LETTINGS_2026.sections if s.id == "household")
    assert household_needs.SUBSECTION in section.subsections
