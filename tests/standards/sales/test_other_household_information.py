"""Other household information of the 2026/27 sales declaration (sales-2026.md §1.5, §2.6, §4.3 WHEELCHAIR)."""

from __future__ import annotations

from collect.rulebook import Status
from collect.rulebook.declaration import OptionKind
from collect.standards.sales.y2026 import SALES_2026
from collect.standards.sales.y2026.other_household_information import PAGES
from tests.standards.sales.support import (
    SETUP_DISCOUNTED,
    SETUP_SHARED,
    SETUP_STAIRCASING,
    CheckCase,
    PageCase,
    evaluate,
    evaluate_change,
)

ANSWERS = {"hhregres": 7, "armedforcesspouse": 5, "disabled": 2, "wheel": 2}
SHARED = {**SETUP_SHARED, **ANSWERS}
SERVED = {**SHARED, "hhregres": 1, "hhregresstill": 6}
WHEELCHAIR_NOT_DISABLED = {**SHARED, "wheel": 1}

PAGE_CASES = {
    "buyer_still_serving": [
        PageCase(SERVED, shown=True),
        PageCase(SHARED, shown=False),
        PageCase({**SHARED, "hhregres": 3}, shown=False),
    ],
    "disability_wheelchair_check": [
        PageCase(WHEELCHAIR_NOT_DISABLED, shown=True),
        PageCase({**WHEELCHAIR_NOT_DISABLED, "disabled": 1}, shown=False),
        PageCase({**WHEELCHAIR_NOT_DISABLED, "disabled": 3}, shown=False),
    ],
    "wheelchair_check": [
        PageCase({**SETUP_DISCOUNTED, **ANSWERS, "wheel": 1}, shown=True),
        PageCase(SHARED, shown=False),
        PageCase({**SETUP_STAIRCASING, **ANSWERS, "wheel": 1}, shown=False),  # not asked when staircasing
    ],
}

CHECK_CASES = {
    "WHEELCHAIR": [
        CheckCase(WHEELCHAIR_NOT_DISABLED, triggers=True),
        CheckCase({**WHEELCHAIR_NOT_DISABLED, "disabled": 1}, triggers=False),
        CheckCase({**SHARED, "wheel": 3}, triggers=False),
        CheckCase({**WHEELCHAIR_NOT_DISABLED, "wheel_value_check": 0}, triggers=False, note="confirmed"),
    ],
}


def test_pages_are_in_the_standards_order():
    assert [p.id for p in PAGES] == [
        "armed_forces",
        "buyer_still_serving",
        "armed_forces_spouse",
        "household_disability",
        "disability_wheelchair_check",
        "household_wheelchair",
        "wheelchair_check",
    ]


def test_the_subsection_is_completed_with_its_answers():
    assert evaluate(SHARED).subsections["other_household_information"] is Status.COMPLETED
    assert evaluate(SERVED).subsections["other_household_information"] is Status.COMPLETED
    outcome = evaluate({**SHARED, "hhregres": 1})
    assert outcome.missing["other_household_information"] == ["hhregresstill"]


def test_staircasing_neither_asks_nor_lists_the_subsection():
    outcome = evaluate({**SETUP_STAIRCASING, **ANSWERS})
    assert outcome.subsections.get("other_household_information", Status.CANNOT_START) is Status.CANNOT_START
    assert "hhregres" not in outcome.answers


def test_still_serving_is_cleared_when_no_buyer_served():
    stored = evaluate(SERVED).answers
    outcome = evaluate_change({**stored, "hhregres": 7}, stored)
    assert "hhregresstill" not in outcome.answers


def test_the_wheelchair_confirmation_is_asked_until_confirmed():
    outcome = evaluate(WHEELCHAIR_NOT_DISABLED)
    assert {(i.field, i.message) for i in outcome.warnings} == {
        ("disabled", "You told us that someone in the household uses a wheelchair."),
        ("wheel", "You told us that someone in the household uses a wheelchair."),
    }
    assert outcome.missing["other_household_information"] == ["wheel_value_check"]
    confirmed = evaluate({**WHEELCHAIR_NOT_DISABLED, "wheel_value_check": 0})
    assert confirmed.warnings == []
    assert confirmed.subsections["other_household_information"] is Status.COMPLETED


def test_dont_know_and_prefers_not_to_say_options_are_marked():
    questions = SALES_2026.questions()
    special = {
        name: {(o.code, o.kind) for o in questions[name].options if o.kind is not OptionKind.ANSWER}
        for name in ("hhregres", "hhregresstill", "armedforcesspouse", "disabled", "wheel")
    }
    assert special == {
        "hhregres": {(3, OptionKind.PREFERS_NOT_TO_SAY), (8, OptionKind.DONT_KNOW)},
        "hhregresstill": {(9, OptionKind.DONT_KNOW)},
        "armedforcesspouse": {(6, OptionKind.PREFERS_NOT_TO_SAY), (7, OptionKind.DONT_KNOW)},
        "disabled": {(3, OptionKind.DONT_KNOW)},
        "wheel": {(3, OptionKind.DONT_KNOW)},
    }
