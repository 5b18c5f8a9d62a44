"""The tenancy information subsection of the 2026/27 lettings declaration (lettings-2026.md §2.3, §3.3, §5)."""

from __future__ import annotations

import pytest

from collect.rulebook import Status
from collect.standards.lettings.y2026.tenancy_information import INTRODUCTORY_OR_STARTER, PAGES
from tests.standards.lettings.support import SETUP_GN, SETUP_SH, CheckCase, PageCase, evaluate

NOT_STARTER = {**SETUP_GN, "joint": 2, "startertenancy": 2}
STARTER = {**SETUP_GN, "joint": 2, "startertenancy": 1}
FIXED = {**NOT_STARTER, "tenancy": 4}
SH_FIXED = {**SETUP_SH, "joint": 2, "startertenancy": 2, "tenancy": 6}
INTERMEDIATE = {**FIXED, "rent_type": 3}
PERIODIC = {**NOT_STARTER, "tenancy": 8}

PAGE_CASES = {
    "tenancy_type": [PageCase(NOT_STARTER, shown=True), PageCase(SETUP_GN, shown=True), PageCase(STARTER, shown=False)],
    "starter_tenancy_type": [PageCase(STARTER, shown=True), PageCase(NOT_STARTER, shown=False)],
    "tenancyother_value_check": [
        PageCase({**NOT_STARTER, "tenancy": 3, "tenancyother": "Introductory"}, shown=True),
        PageCase({**NOT_STARTER, "tenancy": 3, "tenancyother": "Shared ownership"}, shown=False),
    ],
    "tenancy_length": [PageCase(SH_FIXED, shown=True), PageCase(FIXED, shown=False)],
    "tenancy_length_affordable_rent": [
        PageCase(FIXED, shown=True),
        PageCase({**FIXED, "rent_type": 2}, shown=True),
        PageCase(INTERMEDIATE, shown=False),
        PageCase(SH_FIXED, shown=False),
    ],
    "tenancy_length_intermediate_rent": [
        PageCase(INTERMEDIATE, shown=True),
        PageCase({**FIXED, "rent_type": 6}, shown=True),
        PageCase(FIXED, shown=False),
        PageCase(PERIODIC, shown=False),
    ],
    "tenancy_length_periodic": [PageCase(PERIODIC, shown=True), PageCase(FIXED, shown=False)],
}

CHECK_CASES = {
    "T1": [
        CheckCase({**SH_FIXED, "tenancylength": 0}, triggers=True),
        CheckCase({**SH_FIXED, "tenancylength": 100}, triggers=True),
        CheckCase({**SH_FIXED, "tenancylength": 1}, triggers=False),
        CheckCase({**SH_FIXED, "tenancylength": 99}, triggers=False),
    ],
    "T2": [
        CheckCase({**FIXED, "tenancylength": 1}, triggers=True),
        CheckCase({**FIXED, "tenancylength": 2}, triggers=False),
        CheckCase({**INTERMEDIATE, "tenancylength": 1}, triggers=False),
    ],
    "T3": [
        CheckCase({**INTERMEDIATE, "tenancylength": 0}, triggers=True),
        CheckCase({**INTERMEDIATE, "tenancylength": 1}, triggers=False),
    ],
    "T4": [
        CheckCase({**PERIODIC, "tenancylength": 100}, triggers=True),
        CheckCase({**PERIODIC, "tenancylength": 0}, triggers=True),
        CheckCase({**PERIODIC, "tenancylength": 10}, triggers=False),
        CheckCase(PERIODIC, triggers=False),
    ],
    "T6": [
        CheckCase({**NOT_STARTER, "tenancy": 3}, triggers=True),
        CheckCase({**NOT_STARTER, "tenancy": 2, "tenancyother": "Something"}, triggers=True),
        CheckCase({**NOT_STARTER, "tenancy": 3, "tenancyother": "Something"}, triggers=False),
        CheckCase({**NOT_STARTER, "tenancy": 2}, triggers=False),
    ],
    "T7": [
        CheckCase({**NOT_STARTER, "joint": 1, "hhmemb": 1}, triggers=True),
        CheckCase({**NOT_STARTER, "joint": 1, "hhmemb": 2}, triggers=False),
        CheckCase({**NOT_STARTER, "joint": 3, "hhmemb": 1}, triggers=False),
    ],
    "TOTH": [
        CheckCase({**NOT_STARTER, "tenancy": 3, "tenancyother": "Starter tenancy"}, triggers=True),
        CheckCase({**STARTER, "tenancy": 3, "tenancyother": "an INTRO period"}, triggers=True),
        CheckCase({**NOT_STARTER, "tenancy": 3, "tenancyother": "nonstarter"}, triggers=False, note="quirk #18 fixed"),
        CheckCase(
            {**NOT_STARTER, "tenancy": 3, "tenancyother": "Starter", "tenancyother_value_check": 0}, triggers=False
        ),
    ],
}


def issues(outcome, check_id):
    return {i.field: i.message for i in outcome.errors + outcome.warnings if i.check_id == check_id}


def test_pages_are_in_the_standards_order():
    assert [p.id for p in PAGES] == [
        "joint",
        "starter_tenancy",
        "tenancy_type",
        "starter_tenancy_type",
        "tenancyother_value_check",
        "tenancy_length",
        "tenancy_length_affordable_rent",
        "tenancy_length_intermediate_rent",
        "tenancy_length_periodic",
    ]


@pytest.mark.parametrize(
    ("text", "matches"),
    [
        ("Starter", True),
        ("introductory tenancy", True),
        ("Intro.", True),
        ("after the intro-period", True),
        ("starters", False),
        ("introduction", False),
        ("nonstarter", False),  # the national service's regex matches this (§8 #18)
        ("starter1", False),  # and this
        ("Assured", False),
    ],
)
def test_toth_matches_whole_words(text, matches):
    assert bool(INTRODUCTORY_OR_STARTER.search(text)) is matches


def test_length_is_optional_for_a_periodic_tenancy_and_required_for_a_fixed_term():
    assert evaluate(PERIODIC).subsections["tenancy_information"] is Status.COMPLETED
    outcome = evaluate(FIXED)
    assert outcome.missing["tenancy_information"] == ["tenancylength"]
    assert evaluate({**FIXED, "tenancylength": 5}).subsections["tenancy_information"] is Status.COMPLETED


def test_a_length_for_another_tenancy_type_is_cleared():
    outcome = evaluate({**NOT_STARTER, "tenancy": 2, "tenancylength": 5})
    assert outcome.cleared == {"tenancylength": 5}
    assert outcome.errors == []


def test_length_messages():
    fixed = "Enter a tenancy length between 2 and 99 years for a tenancy of this type."
    assert issues(evaluate({**FIXED, "tenancylength": 1}), "T2") == dict.fromkeys(
        ("needstype", "rent_type", "tenancylength", "tenancy"), fixed
    )
    periodic = "Enter a tenancy length between 1 and 99 years (or don't specify the length) for a tenancy of this type."
    found = issues(evaluate({**PERIODIC, "tenancylength": 0}), "T4")
    assert found == dict.fromkeys(("tenancylength", "tenancy"), periodic)


def test_other_tenancy_messages():
    assert issues(evaluate({**NOT_STARTER, "tenancy": 3}), "T6") == {
        "tenancy": "If tenancy type is other then other tenancy type must be provided.",
        "tenancyother": "If tenancy type is other then other tenancy type must be provided.",
    }
    assert issues(evaluate({**NOT_STARTER, "tenancy": 2, "tenancyother": "x"}), "T6")["tenancyother"] == (
        "other tenancy type must not be provided if tenancy type was not other."
    )


def test_toth_asks_for_confirmation_with_the_answer_in_the_message():
    answers = {**NOT_STARTER, "tenancy": 3, "tenancyother": "Starter"}
    outcome = evaluate(answers)
    assert issues(outcome, "TOTH")["tenancyother"].startswith(
        "You told us that the type of tenancy was Starter. We already know whether the tenancy is introductory"
    )
    assert outcome.subsections["tenancy_information"] is Status.IN_PROGRESS
    confirmed = evaluate({**answers, "tenancyother_value_check": 0})
    assert confirmed.subsections["tenancy_information"] is Status.COMPLETED
    assert evaluate({**answers, "tenancyother": "Licence", "tenancyother_value_check": 0}).cleared == {
        "tenancyother_value_check": 0
    }


def test_joint_tenancy_with_one_person():
    assert issues(evaluate({**NOT_STARTER, "joint": 1, "hhmemb": 1}), "T7") == {
        "joint": "This cannot be a joint tenancy as you've told us there’s only one person in the household.",
        "hhmemb": "There must be more than one person in the household as you've told us this is a joint tenancy.",
    }
