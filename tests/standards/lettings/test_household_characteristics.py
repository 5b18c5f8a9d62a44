"""Household characteristics of the 2026/27 lettings log (lettings-2026.md §2.4, §3.4, §4, §5.2, §5.3, §5.5)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from collect.rulebook import QuestionKind, Status
from collect.rulebook.declaration import OptionKind
from collect.standards.answers import format_pounds
from collect.standards.countries import COUNTRIES
from collect.standards.lettings.y2026 import LETTINGS_2026
from collect.standards.lettings.y2026 import household_characteristics as hc
from collect.standards.lettings.y2026.common import (
    INCOME_RANGES,
    IncomeRange,
    applicable_income_range,
    people_with_details,
    weekly_net_income,
)
from collect.standards.lettings.y2026.triggers import no_household_member_likely_to_be_pregnant
from collect.standards.registry import evaluator
from tests.standards.lettings.support import (
    SETUP_GN,
    SETUP_SH,
    CheckCase,
    DerivationCase,
    PageCase,
    evaluate,
    make_context,
)

# A lead tenant living alone: a woman of 30 working full-time.
LEAD: dict[str, Any] = {
    **SETUP_GN,
    "hhmemb": 1,
    "age1_known": 0,
    "age1": 30,
    "sexrab1": "F",
    "gender_same_as_sex1": 1,
    "ethnic_group": 0,
    "ethnic": 1,
    "nationality_all_group": 826,
    "ecstat1": 1,
}


def person(n: int, age: int | None = 30, **answers: Any) -> dict[str, Any]:
    """The answers about person n, with details known."""
    found: dict[str, Any] = {
        f"details_known_{n}": 0,
        f"age{n}_known": 0 if age is not None else 1,
        f"sexrab{n}": "F",
        f"gender_same_as_sex{n}": 1,
    }
    if age is not None:
        found[f"age{n}"] = age
    found.update({f"{key}{n}": value for key, value in answers.items()})
    return found


def household(members: int, **extra: Any) -> dict[str, Any]:
    """The lead tenant and people 2 to members (adults of 30 whose details are known, not working)."""
    answers: dict[str, Any] = {**LEAD, "hhmemb": members}
    for n in range(2, min(members, 8) + 1):
        answers.update(person(n, ecstat=6, relat="X"))
    answers.update(extra)
    return answers


def income(earnings: Any, frequency: int = 1) -> dict[str, Any]:
    return {"net_income_known": 0, "incfreq": frequency, "earnings": earnings}


def soft_max_income(answers: dict[str, Any]) -> dict[str, Any]:
    """Answers with a weekly income just at the soft maximum of the household's range (NI "higher")."""
    expected = applicable_income_range(answers)
    assert expected is not None
    return {**answers, **income(expected.soft_max)}


def all_male(members: int, **extra: Any) -> dict[str, Any]:
    answers = household(members, sexrab1="M", preg_occ=1, **extra)
    for n in range(2, members + 1):
        answers[f"sexrab{n}"] = "M"
    return answers


# Case tables gathered by test_coverage.py

CHECK_CASES: dict[str, list[CheckCase]] = {
    "H5": [
        CheckCase(household(2, ecstat2=9), triggers=True, note="aged 30, child under 16"),
        CheckCase(household(2, age2=16, ecstat2=9), triggers=True, note="quirk #14 fixed: 16 is not under 16"),
        CheckCase(household(2, age2=15), triggers=False, note="under 16: derived child"),
        CheckCase(household(2, ecstat2=1), triggers=False),
    ],
    "F2": [
        CheckCase({**LEAD, "benefits": 1}, triggers=True, note="lead tenant works full-time"),
        CheckCase(household(2, ecstat1=6, relat2="P", ecstat2=2, benefits=1), triggers=True, note="partner works"),
        CheckCase(household(2, ecstat1=6, relat2="X", ecstat2=2, benefits=1), triggers=False, note="not a partner"),
        CheckCase({**LEAD, "benefits": 2}, triggers=False),
    ],
    "F3": [
        CheckCase({**LEAD, **income(1231)}, triggers=True),
        CheckCase({**LEAD, **income(1230)}, triggers=False),
        CheckCase({**LEAD, **income(70_000, 3)}, triggers=True, note="£1,346 a week"),
    ],
    "F4": [
        CheckCase({**LEAD, **income(89)}, triggers=True),
        CheckCase({**LEAD, **income(90)}, triggers=False),
        CheckCase({**LEAD, "ecstat1": None, **income(5)}, triggers=False, note="no working situation"),
    ],
    "PREG": [
        CheckCase(all_male(2), triggers=True, note="everybody male"),
        CheckCase({**LEAD, "preg_occ": 1, "age1": 56}, triggers=True, note="the only woman is 56"),
        CheckCase({**LEAD, "preg_occ": 1}, triggers=False, note="a woman of 30"),
        CheckCase({**all_male(2), "preg_occ": 2}, triggers=False, note="nobody pregnant"),
        CheckCase({**all_male(2), "pregnancy_value_check": 0}, triggers=False, note="confirmed"),
    ],
    "NI": [
        CheckCase({**LEAD, **income(730)}, triggers=True, note="higher"),
        CheckCase({**LEAD, **income(143)}, triggers=True, note="lower"),
        CheckCase({**LEAD, **income(500)}, triggers=False),
        CheckCase({**LEAD, **income(730), "net_income_value_check": 0}, triggers=False, note="confirmed"),
    ],
    "RET_U": [
        CheckCase({**LEAD, "age1": 65, "ecstat1": 5}, triggers=True),
        CheckCase(household(3, age3=50, ecstat3=5), triggers=True, note="person 3"),
        CheckCase({**LEAD, "age1": 66, "ecstat1": 5}, triggers=False),
        CheckCase({**LEAD, "age1": 50, "ecstat1": 5, "retirement_value_check": 0}, triggers=False, note="confirmed"),
    ],
    "RET_O": [
        CheckCase({**LEAD, "age1": 67, "ecstat1": 1}, triggers=True),
        CheckCase(household(2, age2=80, ecstat2=6), triggers=True, note="person 2"),
        CheckCase({**LEAD, "age1": 66, "ecstat1": 1}, triggers=False),
        CheckCase({**LEAD, "age1": 80, "ecstat1": 10}, triggers=False, note="prefers not to say"),
        CheckCase({**LEAD, "age1": 80, "ecstat1": 5}, triggers=False, note="retired"),
    ],
    "WI": [
        CheckCase({**LEAD, "ecstat1": 8, "illness": 2}, triggers=True),
        CheckCase(household(2, ecstat2=8, illness=2), triggers=True, note="person 2"),
        CheckCase({**LEAD, "ecstat1": 8, "illness": 1}, triggers=False),
        CheckCase(household(2, hhmemb=1, ecstat2=8, illness=2), triggers=False, note="person 2 is not counted"),
    ],
}

DERIVATION_CASES: dict[str, list[DerivationCase]] = {
    "ethnic": [
        DerivationCase({**LEAD, "ethnic_group": 17, "ethnic": None}, expected={"ethnic": 17}),
        DerivationCase({**LEAD, "ethnic_group": 17, "ethnic": 1}, expected={"ethnic": 17}),
        DerivationCase(LEAD, expected={"ethnic": 1}),
    ],
    "nationality_all": [
        DerivationCase(LEAD, expected={"nationality_all": 826}),
        DerivationCase({**LEAD, "nationality_all_group": 0}, expected={"nationality_all": 0}),
        DerivationCase(
            {**LEAD, "nationality_all_group": 12, "nationality_all": 250}, expected={"nationality_all": 250}
        ),
        DerivationCase(
            {**LEAD, "nationality_all_group": 12, "nationality_all": 826},
            expected={"nationality_all": None},
            note="a UK nationality from the group is cleared when the group becomes Other",
        ),
    ],
    "gender_description": [
        DerivationCase(
            {**LEAD, "gender_same_as_sex1": 1, "gender_description1": "Non-binary"},
            expected={"gender_description1": None},
        ),
        DerivationCase(
            {**LEAD, "gender_same_as_sex1": 2, "gender_description1": "Non-binary"},
            expected={"gender_description1": "Non-binary"},
        ),
        DerivationCase(
            household(2, gender_same_as_sex2=3, gender_description2="Woman"), expected={"gender_description2": None}
        ),
    ],
    "infer_at_most_one_relationship": [
        DerivationCase(
            household(3, relat2="P", relat3=None), expected={"relat2": "P", "relat3": "X"}, note="missing → No"
        ),
        DerivationCase(
            household(3, relat2="P", relat3="P"), expected={"relat2": "P", "relat3": "X"}, note="second partner → No"
        ),
        DerivationCase(
            {**household(3, relat2="P"), "details_known_3": 1, "relat3": None},
            expected={"relat3": None},
            note="not asked of a person whose details are not known",
        ),
    ],
    "child_answers_for_age_changes": [
        DerivationCase(
            household(2, ecstat2=9),
            expected={"ecstat2": 9},
            note="a new log: the child answer is kept (and H5 reports it)",
        ),
    ],
    "children_under_16": [
        DerivationCase(household(2, age2=15, ecstat2=None, relat2=None), expected={"ecstat2": 9, "relat2": "X"}),
        DerivationCase(household(2, age2=4, ecstat2=1, relat2="P"), expected={"ecstat2": 9, "relat2": "X"}),
        DerivationCase(household(2, age2=16), expected={"ecstat2": 6, "relat2": "X"}),
    ],
    "totchild": [
        DerivationCase(household(3, age2=1, age3=15), expected={"totchild": 2}),
        DerivationCase(LEAD, expected={"totchild": 0}),
    ],
    "totelder": [
        DerivationCase(household(3, age1=60, age2=59, age3=90), expected={"totelder": 2}),
    ],
    "totadult": [
        DerivationCase(household(3, age2=17, age3=18), expected={"totadult": 3}),
        DerivationCase(household(3, age1=60, age2=17, relat2="R", age3=60), expected={"totadult": 0}),
    ],
    "refused": [
        DerivationCase(LEAD, expected={"refused": 0}),
        DerivationCase({**LEAD, "ecstat1": 10}, expected={"refused": 1}),
        DerivationCase({**household(2), "details_known_2": 1}, expected={"refused": 1}),
        DerivationCase(household(2, sexrab2="R"), expected={"refused": 1}),
        DerivationCase(household(2, relat2="R"), expected={"refused": 1}),
        DerivationCase({**LEAD, "age1_known": 1, "age1": None}, expected={"refused": 1}),
    ],
    "hhtype": [
        DerivationCase({**LEAD, "age1": 70}, expected={"hhtype": 1}),
        DerivationCase(household(2, age1=70), expected={"hhtype": 2}),
        DerivationCase(LEAD, expected={"hhtype": 3}),
        DerivationCase(household(2), expected={"hhtype": 4}),
        DerivationCase(household(2, age2=5), expected={"hhtype": 5}),
        DerivationCase(household(3, age3=5), expected={"hhtype": 6}),
        DerivationCase(household(3, age1=70, age3=5), expected={"hhtype": 2}, note="as coded: children not counted"),
        DerivationCase(household(2, age1=70, age2=5), expected={"hhtype": 9}),
        DerivationCase({**LEAD, "age1_known": 1, "age1": None}, expected={"hhtype": 9}),
    ],
}


def _person_page_cases(n: int) -> dict[str, list[PageCase]]:
    """A case where each of person n's pages is shown, and one where it is not."""
    base = household(n)
    known, unknown = base, {**base, f"details_known_{n}": 1}
    child = {**base, f"age{n}": 10}
    ni = soft_max_income(base)
    pregnant = all_male(n)
    retired_young = {**base, f"age{n}": 50, f"ecstat{n}": 5}
    working_old = {**base, f"age{n}": 70, f"ecstat{n}": 1}
    ill = {**base, f"ecstat{n}": 8, "illness": 2}
    return {
        f"person_{n}_known": [PageCase(base, shown=True), PageCase({**base, "hhmemb": n - 1}, shown=False)],
        f"person_{n}_age": [PageCase(known, shown=True), PageCase(unknown, shown=False)],
        f"age_{n}_net_income_value_check": [
            PageCase(ni, shown=True),
            PageCase({**ni, f"details_known_{n}": 1}, shown=False),
            PageCase(base, shown=False),
        ],
        f"person_{n}_lead_partner": [
            PageCase(known, shown=True),
            PageCase({**base, f"age{n}_known": 1, f"age{n}": None}, shown=True),
            PageCase(child, shown=False),
        ],
        f"no_household_member_likely_to_be_pregnant_person_age_{n}_check": [
            PageCase(pregnant, shown=True),
            PageCase({**pregnant, "preg_occ": 2}, shown=False),
        ],
        f"age_{n}_under_retirement_value_check": [
            PageCase(retired_young, shown=True),
            PageCase(base, shown=False),
        ],
        f"age_{n}_over_retirement_value_check": [PageCase(working_old, shown=True), PageCase(base, shown=False)],
        f"person_{n}_sex_registered_at_birth": [PageCase(known, shown=True), PageCase(unknown, shown=False)],
        f"person_{n}_gender_same_as_sex": [PageCase(known, shown=True), PageCase(unknown, shown=False)],
        f"no_household_member_likely_to_be_pregnant_person_{n}_check": [
            PageCase(pregnant, shown=True),
            PageCase({**pregnant, "preg_occ": 2}, shown=False),
        ],
        f"gender_{n}_over_retirement_value_check": [PageCase(working_old, shown=True), PageCase(base, shown=False)],
        f"person_{n}_working_situation": [PageCase(known, shown=True), PageCase(child, shown=False)],
        f"working_situation_{n}_under_retirement_value_check": [
            PageCase(retired_young, shown=True),
            PageCase(base, shown=False),
        ],
        f"working_situation_{n}_over_retirement_value_check": [
            PageCase(working_old, shown=True),
            PageCase(base, shown=False),
        ],
        f"working_situation_{n}_long_term_illness_check": [
            PageCase(ill, shown=True),
            PageCase({**ill, "illness": 1}, shown=False),
        ],
        f"working_situation_{n}_net_income_value_check": [PageCase(ni, shown=True), PageCase(base, shown=False)],
    }


NOT_DECLARED = {**LEAD, "declaration": 0}
PREGNANT_MEN = all_male(1)
RETIRED_YOUNG = {**LEAD, "age1": 50, "ecstat1": 5}
WORKING_OLD = {**LEAD, "age1": 70}
HIGH_INCOME = {**LEAD, **income(800)}
PAGE_CASES: dict[str, list[PageCase]] = {
    **{
        page_id: [PageCase(LEAD, shown=True), PageCase(NOT_DECLARED, shown=False)]
        for page_id in (
            "household_members",
            "lead_tenant_age",
            "lead_tenant_sex_registered_at_birth",
            "lead_tenant_gender_same_as_sex",
            "lead_tenant_ethnic_group",
            "lead_tenant_nationality",
            "lead_tenant_working_situation",
        )
    },
    **{
        page_id: [PageCase(PREGNANT_MEN, shown=True), PageCase(LEAD, shown=False)]
        for page_id in (
            "no_household_member_likely_to_be_pregnant_hhmemb_check",
            "no_household_member_likely_to_be_pregnant_lead_age_check",
            "no_household_member_likely_to_be_pregnant_lead_check",
        )
    },
    **{
        page_id: [PageCase(HIGH_INCOME, shown=True), PageCase(LEAD, shown=False)]
        for page_id in ("hhmemb_net_income_value_check", "working_situation_lead_tenant_net_income_value_check")
    },
    **{
        page_id: [PageCase(RETIRED_YOUNG, shown=True), PageCase(LEAD, shown=False)]
        for page_id in (
            "age_lead_tenant_under_retirement_value_check",
            "working_situation_lead_tenant_under_retirement_value_check",
        )
    },
    **{
        page_id: [PageCase(WORKING_OLD, shown=True), PageCase(LEAD, shown=False)]
        for page_id in (
            "age_lead_tenant_over_retirement_value_check",
            "gender_lead_tenant_over_retirement_value_check",
            "working_situation_lead_tenant_over_retirement_value_check",
        )
    },
    "working_situation_lead_tenant_long_term_illness_check": [
        PageCase({**LEAD, "ecstat1": 8, "illness": 2}, shown=True),
        PageCase({**LEAD, "ecstat1": 8, "illness": 1}, shown=False),
    ],
    **{
        f"lead_tenant_ethnic_background_{name}": [
            PageCase({**LEAD, "ethnic_group": group, "ethnic": None}, shown=True),
            PageCase({**LEAD, "ethnic_group": 17 if group == 0 else 0}, shown=False),
        ]
        for name, group in (("arab", 4), ("asian", 2), ("black", 3), ("mixed", 1), ("white", 0))
    },
    **{page_id: cases for n in range(2, 9) for page_id, cases in _person_page_cases(n).items()},
}


# The declaration matches the spec


LEAD_PAGE_IDS = [
    "household_members",
    "no_household_member_likely_to_be_pregnant_hhmemb_check",
    "hhmemb_net_income_value_check",
    "lead_tenant_age",
    "no_household_member_likely_to_be_pregnant_lead_age_check",
    "age_lead_tenant_under_retirement_value_check",
    "age_lead_tenant_over_retirement_value_check",
    "lead_tenant_sex_registered_at_birth",
    "lead_tenant_gender_same_as_sex",
    "no_household_member_likely_to_be_pregnant_lead_check",
    "gender_lead_tenant_over_retirement_value_check",
    "lead_tenant_ethnic_group",
    "lead_tenant_ethnic_background_arab",
    "lead_tenant_ethnic_background_asian",
    "lead_tenant_ethnic_background_black",
    "lead_tenant_ethnic_background_mixed",
    "lead_tenant_ethnic_background_white",
    "lead_tenant_nationality",
    "lead_tenant_working_situation",
    "working_situation_lead_tenant_under_retirement_value_check",
    "working_situation_lead_tenant_over_retirement_value_check",
    "working_situation_lead_tenant_long_term_illness_check",
    "working_situation_lead_tenant_net_income_value_check",
]
PERSON_PAGE_IDS = [
    "person_N_known",
    "person_N_age",
    "age_N_net_income_value_check",
    "person_N_lead_partner",
    "no_household_member_likely_to_be_pregnant_person_age_N_check",
    "age_N_under_retirement_value_check",
    "age_N_over_retirement_value_check",
    "person_N_sex_registered_at_birth",
    "person_N_gender_same_as_sex",
    "no_household_member_likely_to_be_pregnant_person_N_check",
    "gender_N_over_retirement_value_check",
    "person_N_working_situation",
    "working_situation_N_under_retirement_value_check",
    "working_situation_N_over_retirement_value_check",
    "working_situation_N_long_term_illness_check",
    "working_situation_N_net_income_value_check",
]


def test_pages_are_the_spec_pages_in_order():
    expected = LEAD_PAGE_IDS + [p.replace("_N_", f"_{n}_") for n in range(2, 9) for p in PERSON_PAGE_IDS]
    assert [p.id for p in hc.PAGES] == expected
    assert len(hc.PAGES) == 23 + 7 * 16


def test_every_page_of_the_subsection_has_its_cases():
    assert {p.id for p in hc.PAGES} <= set(PAGE_CASES)


def test_interruption_pages_confirm_their_checks():
    confirms = {p.id: p.confirms for p in hc.PAGES if p.confirms}
    assert len(confirms) == 11 + 7 * 10
    checks = {c.id: c for c in hc.CHECKS}
    for page in hc.PAGES:
        if page.confirms:
            (question,) = page.questions
            assert question.kind is QuestionKind.INTERRUPTION
            assert question.id == checks[page.confirms].confirm_field
            assert [o.code for o in question.options] == [0, 1]


def test_questions_numbers_labels_and_options():
    questions = LETTINGS_2026.questions()
    assert {n: questions[n].number for n in ("hhmemb", "age1", "sexrab1", "ethnic", "nationality_all", "ecstat1")} == {
        "hhmemb": 29,
        "age1": 30,
        "sexrab1": 31,
        "ethnic": 34,
        "nationality_all": 35,
        "ecstat1": 36,
    }
    assert [questions[f"{q}2"].number for q in ("age", "relat", "sexrab", "gender_same_as_sex", "ecstat")] == [
        37,
        38,
        39,
        40,
        41,
    ]
    assert [questions[f"{q}8"].number for q in ("age", "relat", "sexrab", "gender_same_as_sex", "ecstat")] == [
        67,
        68,
        69,
        70,
        71,
    ]
    assert questions["age5"].label == "Person 5’s age"
    assert questions["relat3"].label == "Person 3 lead tenant’s partner"
    assert (questions["hhmemb"].minimum, questions["hhmemb"].maximum) == (1, 15)
    assert (questions["age1"].minimum, questions["age2"].minimum, questions["age2"].maximum) == (16, 1, 120)
    ecstat2 = questions["ecstat2"]
    assert [o.code for o in ecstat2.options] == [1, 2, 7, 3, 4, 6, 8, 5, 9, 0, 10]
    assert [o.code for o in questions["ecstat1"].options] == [1, 2, 7, 3, 4, 6, 8, 5, 0, 10]
    assert ecstat2.options[-1].kind is OptionKind.PREFERS_NOT_TO_SAY
    assert ecstat2.options[-1].divider_before
    assert [o.code for o in questions["relat4"].options] == ["P", "X", "R"]
    assert [o.code for o in questions["sexrab1"].options] == ["F", "M", "R"]
    assert questions["sexrab1"].options[-1].label == "Lead tenant prefers not to say"
    assert questions["sexrab6"].options[-1].label == "Person prefers not to say"
    assert questions["age3_known"].options[1].kind is OptionKind.DONT_KNOW
    assert questions["details_known_2"].text == "Do you know details for person 2?"
    headers = {p.id: p.header for p in hc.PAGES if p.header}
    assert headers["person_2_known"] == "You’ve given us the details for 1 person in the household"
    assert headers["person_8_known"] == "You’ve given us the details for 7 people in the household"


def test_nationality_lists_every_country_but_offers_the_uk_only_in_the_group():
    nationality = LETTINGS_2026.questions()["nationality_all"]
    assert len(nationality.options) == len(COUNTRIES) == 202
    assert nationality.options[0].label == "Afghanistan"
    assert nationality.offered_options is not None
    offered = nationality.offered_options({}, None)
    assert 826 not in offered
    assert offered == nationality.codes - {826}


@pytest.mark.parametrize(
    ("answers", "offered"),
    [
        ({}, True),
        ({"age2_known": 1}, True),
        ({"age2_known": 0, "age2": 15}, True),
        ({"age2_known": 0, "age2": 16}, False),
        ({"age2_known": 0, "age2": 40}, False),
    ],
)
def test_child_under_16_is_offered_only_when_the_age_may_be_under_16(answers, offered):
    ecstat2 = LETTINGS_2026.questions()["ecstat2"]
    assert ecstat2.offered_options is not None
    assert (9 in ecstat2.offered_options(answers, None)) is offered


def test_the_partner_question_is_skipped_once_there_is_a_partner():
    page = next(p for p in hc.PAGES if p.id == "person_3_lead_partner")
    skip = page.skip_when.compile()
    assert skip({"relat2": "P"}, None)
    assert not skip({"relat2": "X"}, None)


# Answers, completion and clearing


def test_a_complete_household_completes_the_subsection():
    outcome = evaluate(household(3, ecstat1=1, relat2="P"))
    assert outcome.subsections["household_characteristics"] is Status.COMPLETED
    assert outcome.errors == []
    assert outcome.warnings == []


def test_supported_housing_household_completes_too():
    outcome = evaluate({**household(2), **SETUP_SH})
    assert outcome.subsections["household_characteristics"] is Status.COMPLETED


def test_unknown_ages_count_as_answered_and_show_not_known():
    outcome = evaluate(household(2, age1_known=1, age1=None, age2_known=1, age2=None))
    assert outcome.subsections["household_characteristics"] is Status.COMPLETED
    missing = evaluate(household(2, age2=None))
    assert missing.missing["household_characteristics"] == ["age2"]


def test_a_child_needs_no_partner_or_working_situation_answer():
    outcome = evaluate(household(2, age2=7, ecstat2=None, relat2=None))
    assert outcome.subsections["household_characteristics"] is Status.COMPLETED
    assert (outcome.answers["ecstat2"], outcome.answers["relat2"]) == (9, "X")


def test_gender_description_is_needed_only_when_gender_differs_from_sex():
    missing = evaluate({**LEAD, "gender_same_as_sex1": 2})
    assert missing.missing["household_characteristics"] == ["gender_description1"]
    given = evaluate({**LEAD, "gender_same_as_sex1": 2, "gender_description1": "Non-binary"})
    assert given.subsections["household_characteristics"] is Status.COMPLETED


def test_the_nationality_is_needed_only_for_other():
    missing = evaluate({**LEAD, "nationality_all_group": 12})
    assert missing.missing["household_characteristics"] == ["nationality_all"]
    done = evaluate({**LEAD, "nationality_all_group": 12, "nationality_all": 250})
    assert done.subsections["household_characteristics"] is Status.COMPLETED


def test_lowering_hhmemb_clears_the_people_beyond_it():
    outcome = evaluate(household(3, hhmemb=2))
    assert not any(key.endswith("3") for key in outcome.answers if key.startswith(("age", "sexrab", "details")))
    assert outcome.cleared["details_known_3"] == 0
    assert outcome.cleared["age3"] == 30


def test_people_whose_details_are_not_known_have_no_answers():
    answers = {**household(2), "details_known_2": 1}
    outcome = evaluate(answers)
    assert "age2" not in outcome.answers
    assert "relat2" not in outcome.answers
    assert outcome.subsections["household_characteristics"] is Status.COMPLETED
    assert outcome.answers["refused"] == 1


def test_an_ethnic_background_of_another_group_is_cleared():
    outcome = evaluate({**LEAD, "ethnic_group": 2})
    assert outcome.cleared == {"ethnic": 1}
    assert outcome.missing["household_characteristics"] == ["ethnic"]


def test_age_of_the_lead_tenant_must_be_16_or_over():
    outcome = evaluate({**LEAD, "age1": 15})
    assert [(e.field, e.message) for e in outcome.errors] == [("age1", "Lead tenant’s age must be between 16 and 120.")]


# Change-driven rules (§4.2): compared with the log's previous answers


def _evaluate_change(answers: dict[str, Any], previous: dict[str, Any]):
    return evaluator("lettings-2026").evaluate(answers, make_context(), previous)


def test_a_child_growing_up_is_asked_their_working_situation_and_partner_status():
    before = household(2, age2=10, ecstat2=9, relat2="X")
    outcome = _evaluate_change({**before, "age2": 30}, before)
    assert "ecstat2" not in outcome.answers
    assert "relat2" not in outcome.answers
    assert set(outcome.missing["household_characteristics"]) == {"relat2", "ecstat2"}


def test_an_adult_age_change_keeps_a_no_partner_answer_but_not_child_status():
    before = household(2, age2=50, relat2="X", ecstat2=9)
    outcome = _evaluate_change({**before, "age2": 55}, before)
    assert outcome.answers["relat2"] == "X"
    assert "ecstat2" not in outcome.answers


def test_a_child_age_change_within_childhood_keeps_the_derived_answers():
    before = household(2, age2=10, ecstat2=9, relat2="X")
    outcome = _evaluate_change({**before, "age2": 11}, before)
    assert (outcome.answers["ecstat2"], outcome.answers["relat2"]) == (9, "X")


def test_an_unchanged_age_keeps_child_status_and_h5_reports_it():
    before = household(2, ecstat2=9)
    outcome = _evaluate_change(before, before)
    assert outcome.answers["ecstat2"] == 9
    assert {e.check_id for e in outcome.errors} == {"H5"}


def test_a_partner_chosen_later_makes_the_others_not_partners_but_an_old_partner_does_not():
    before = household(4, relat2=None, relat3=None, relat4=None)
    chosen = _evaluate_change({**before, "relat3": "P"}, before)
    assert [chosen.answers.get(f"relat{n}") for n in (2, 3, 4)] == ["X", "P", "X"]
    old = household(3, relat2="P", relat3=None)
    again = _evaluate_change(old, old)
    assert again.answers.get("relat3") is None


# Messages


def _messages(outcome, check_id: str) -> dict[str, str]:
    return {i.field: i.message for i in outcome.errors + outcome.warnings if i.check_id == check_id}


def test_h5_messages_name_the_person():
    messages = _messages(evaluate(household(3, age3=40, ecstat3=9)), "H5")
    assert messages["ecstat3"] == "Answer cannot be ‘child under 16’ as you told us person 3 is 16 or older."
    assert messages["age3"] == "Answer cannot be 16 or over as person 3’s working situation is ‘child under 16’."
    assert set(messages) == {"ecstat3", "age3"}


def test_f2_messages():
    partner = _messages(evaluate(household(3, ecstat1=6, relat3="P", ecstat3=1, benefits=1)), "F2")
    assert partner["relat3"] == (
        "Tenant 3 cannot be the partner of tenant 1 if ‘all’ household income is from Universal Credit, state "
        "pensions or benefits and tenant 3 works full-time or part-time."
    )
    assert partner["ecstat3"].startswith("Answer cannot be ‘full-time’ or ‘part-time’")
    assert set(partner) == {"benefits", "ecstat3", "relat3"}
    lead = _messages(evaluate({**household(2), "benefits": 1}), "F2")
    assert lead["benefits"].startswith("Answer cannot be ‘all’ for income")
    assert set(lead) == {"benefits", "ecstat1"}


def test_f3_and_f4_messages_give_the_limits_and_income():
    high = _messages(evaluate({**household(2, age2=10), **income(10_000, 2)}), "F3")
    assert high["earnings"] == (
        "The household’s income cannot be greater than £1,980.00 per week given the household’s working situation."
    )
    assert high["hhmemb"] == (
        "The household’s income of £10,000.00 monthly is too high for this number of tenants. Change either the "
        "household income or number of tenants."
    )
    assert high["ecstat2"].endswith("is too high given the household’s working situation.")
    assert high["age2"].endswith(
        "is too high for the number of adults. Change either the household income or the age of the tenants."
    )
    low = _messages(evaluate({**LEAD, **income(1040, 3)}), "F4")
    assert low["earnings"] == (
        "The household’s income cannot be less than £90.00 per week given the household’s working situation."
    )
    assert (
        low["ecstat1"]
        == "The household’s income of £1,040.00 yearly is too low given the household’s working situation."
    )


# Only the persons a check is about get its message (the other persons' fields are left out)


def _flagged(answers: dict[str, Any], check_id: str) -> set[str]:
    return set(_messages(evaluate(answers), check_id))


def test_h5_flags_only_the_child_aged_16_or_over():
    assert _flagged(household(5, age3=40, ecstat3=9), "H5") == {"ecstat3", "age3"}


def test_ret_u_flags_only_the_young_retired_person():
    assert _flagged(household(5, age3=50, ecstat3=5), "RET_U") == {"ecstat3", "age3"}


def test_ret_o_flags_only_the_old_person_not_retired():
    answers = household(5, age3=80, ecstat3=6, age4=80, ecstat4=5, age5=80, ecstat5=10)
    messages = _messages(evaluate(answers), "RET_O")
    assert set(messages) == {"ecstat3", "age3"}
    assert (
        messages["age3"]
        == "You told us this person is over 66 and not retired. Are you sure this person isn’t retired?"
    )


def test_f2_flags_only_the_working_partner_and_benefits():
    answers = household(5, ecstat1=6, relat3="P", ecstat3=2, ecstat4=1, benefits=1)  # person 4 works, not a partner
    messages = _messages(evaluate(answers), "F2")
    assert set(messages) == {"benefits", "ecstat3", "relat3"}
    assert messages["relat3"].startswith("Tenant 3 cannot be the partner of tenant 1")


def test_f3_flags_the_counted_working_situations_and_only_the_childs_age():
    answers = {**household(3, age3=10), **income(20_000, 2)}
    assert _flagged(answers, "F3") == {"earnings", "hhmemb", "ecstat1", "ecstat2", "ecstat3", "age3"}


def test_f3_and_f4_leave_out_people_beyond_the_household():
    high = {**household(3, hhmemb=2, age3=10), **income(20_000, 2)}  # person 3 is not counted
    assert _flagged(high, "F3") == {"earnings", "hhmemb", "ecstat1", "ecstat2"}
    low = {**household(3, ecstat1=1, ecstat2=1, ecstat3=1), **income(50)}
    assert _flagged(low, "F4") == {"earnings", "hhmemb", "ecstat1", "ecstat2", "ecstat3"}


def test_soft_messages():
    ni = _messages(evaluate({**LEAD, **income(800)}), "NI")
    assert ni["earnings"] == (
        "You told us that the household’s income is £800.00 weekly. This is higher than we would expect for the "
        "household’s working situation."
    )
    assert set(ni) == set(hc.NI_AFFECTS)
    retired = _messages(evaluate(household(3, age3=50, ecstat3=5)), "RET_U")
    assert retired["age3"] == (
        "You told us this person is aged 50 years and retired. The minimum expected retirement age in England is 66."
    )
    assert retired["ecstat3"] == retired["age3"]
    assert set(retired) == {"ecstat3", "age3"}
    assert _messages(evaluate(all_male(1)), "PREG")["preg_occ"].startswith(
        "You told us somebody in the household is pregnant. Your answers for the age, sex and gender"
    )


def test_a_confirmation_covers_every_page_of_its_check():
    answers = {**household(2, age2=50, ecstat2=5), "age1": 60, "ecstat1": 5}
    outcome = evaluate(answers)
    assert {"age_lead_tenant_under_retirement_value_check", "age_2_under_retirement_value_check"} <= set(
        outcome.routed_pages
    )
    assert outcome.subsections["household_characteristics"] is Status.IN_PROGRESS
    assert "retirement_value_check" in outcome.missing["household_characteristics"]
    confirmed = evaluate({**answers, "retirement_value_check": 0})
    assert confirmed.warnings == []
    assert confirmed.subsections["household_characteristics"] is Status.COMPLETED


def test_a_confirmation_is_cleared_when_its_check_no_longer_holds():
    outcome = evaluate({**LEAD, "retirement_value_check": 0})
    assert outcome.cleared == {"retirement_value_check": 0}


# Read-time helpers (§4.3, §5.5)


@pytest.mark.parametrize(
    ("answers", "weekly"),
    [
        ({"earnings": 500, "incfreq": 1}, Decimal(500)),
        ({"earnings": 1000, "incfreq": 2}, Decimal(231)),
        ({"earnings": 26, "incfreq": 3}, Decimal(1)),
        ({"earnings": 78, "incfreq": 3}, Decimal(2)),
        ({"earnings": 500}, None),
        ({"earnings": "500", "incfreq": 1}, None),
        ({"incfreq": 1}, None),
    ],
)
def test_weekly_net_income(answers, weekly):
    assert weekly_net_income(answers) == weekly


def test_income_range_sums_everybody_with_details():
    assert applicable_income_range({"ecstat1": 1, "hhmemb": 1}) == INCOME_RANGES[1]
    three = {"ecstat1": 1, "hhmemb": 3, "ecstat2": 2, "age3": 10}
    assert applicable_income_range(three) == INCOME_RANGES[1] + INCOME_RANGES[2] + INCOME_RANGES[9]
    adult_unknown = {"ecstat1": 1, "hhmemb": 2}
    assert applicable_income_range(adult_unknown) == INCOME_RANGES[1] + INCOME_RANGES[10]
    many = {"ecstat1": 1, "hhmemb": 12}
    assert applicable_income_range(many) == IncomeRange(143 + 7 * 47, 730 + 7 * 730, 90 + 7 * 10, 1230 + 7 * 2000)
    assert applicable_income_range({"hhmemb": 1}) is None
    assert applicable_income_range({"ecstat1": 1}) is None


def test_people_with_details():
    assert people_with_details({}) == 8
    assert people_with_details({"hhmemb": 3}) == 3
    assert people_with_details({"hhmemb": 15}) == 8
    assert people_with_details({"hhmemb": "x"}) == 8


def test_pounds():
    assert format_pounds(1234.5) == "£1,234.50"
    assert format_pounds(Decimal("-5")) == "-£5.00"
    assert format_pounds(0) == "£0.00"


@pytest.mark.parametrize(
    ("changes", "likely"),
    [
        ({}, False),
        ({"age1": 12}, True),
        ({"age1": 13}, False),
        ({"age1": 55}, False),
        ({"age1": 56}, True),
        ({"sexrab1": "M", "gender_same_as_sex1": 1}, True),
        ({"sexrab1": "M", "gender_same_as_sex1": 2, "age1": 30}, False),
        ({"sexrab1": "M", "gender_same_as_sex1": 3, "age1": 70}, True),
        ({"sexrab1": "R", "age1": 70}, True),
        ({"age1": 70, "age1_known": 1}, False),
        ({"age1": 70, "gender_same_as_sex1": None}, False),
        ({"age1": 70, "hhmemb": 9}, False),
        ({"age1": 70, "preg_occ": 2}, False),
    ],
)
def test_pregnancy_trigger(changes, likely):
    answers = {**LEAD, "preg_occ": 1, **changes}
    assert no_household_member_likely_to_be_pregnant(answers) is likely


def test_pregnancy_trigger_needs_every_persons_details():
    men = all_male(3)
    assert no_household_member_likely_to_be_pregnant(men)
    assert not no_household_member_likely_to_be_pregnant({**men, "details_known_3": 1})
    assert not no_household_member_likely_to_be_pregnant({**men, "hhmemb": None})
    older_woman = {**men, "sexrab3": "F", "age3": 60}
    assert no_household_member_likely_to_be_pregnant(older_woman)
    assert not no_household_member_likely_to_be_pregnant({**older_woman, "age2_known": 1})


# Robustness: any answers evaluate without error, and evaluating the outcome again changes nothing

KEYS = st.sampled_from(
    [
        "hhmemb",
        "age1",
        "age1_known",
        "ecstat1",
        "sexrab1",
        "gender_same_as_sex1",
        "gender_description1",
        "ethnic_group",
        "ethnic",
        "nationality_all_group",
        "nationality_all",
        "preg_occ",
        "illness",
        "benefits",
        "earnings",
        "incfreq",
        "retirement_value_check",
        *(f"{name}{n}" for n in (2, 3) for name in ("age", "age_known", "relat", "ecstat", "sexrab")),
        "details_known_2",
        "details_known_3",
        "age2_known",
        "age3_known",
        "gender_same_as_sex2",
    ]
)
VALUES = st.one_of(
    st.none(),
    st.integers(-2, 130),
    st.sampled_from(["", "P", "X", "R", "M", "F", "x", "12", True, False, 826, 250]),
    st.decimals(min_value=-10, max_value=5000, places=2, allow_nan=False),
)


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(KEYS, VALUES, max_size=20), st.booleans())
def test_random_answers_never_raise_and_are_stable(answers, with_household):
    start = {**(household(3) if with_household else SETUP_GN), **answers}
    outcome = evaluate(start)
    again = evaluate(outcome.answers)
    assert again.answers == outcome.answers
    assert again.errors == outcome.errors
    assert again.warnings == outcome.warnings
    assert again.cleared == {}
