"""Household characteristics of the 2026/27 sales log (sales-2026.md §1.3, §2.3, §2.4, §3.2, §4.2 H3, H4, §4.3)."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from collect.rulebook import Status
from collect.rulebook.declaration import OptionKind
from collect.standards.people import CHILD_UNDER_16
from collect.standards.sales.y2026 import SALES_2026
from collect.standards.sales.y2026 import household_characteristics as hc
from collect.standards.sales.y2026.common import PERSONS
from tests.standards.sales.support import (
    JOINT,
    SETUP_DISCOUNTED,
    SETUP_SHARED,
    SETUP_STAIRCASING,
    CheckCase,
    DerivationCase,
    PageCase,
    evaluate,
    evaluate_change,
    make_context,
)

# Buyer 1 buying alone: a woman of 30 working full-time who will live in the property.
BUYER_1: dict[str, Any] = {
    "age1_known": 0,
    "age1": 30,
    "sexrab1": "F",
    "gender_same_as_sex1": 1,
    "ethnic_group": 0,
    "ethnic": 1,
    "nationality_all_group": 826,
    "ecstat1": 1,
    "buy1livein": 1,
}
ALONE: dict[str, Any] = {**SETUP_SHARED, **BUYER_1, "hholdcount": 1}
BUYER_2: dict[str, Any] = {
    "relat2": "P",
    "age2_known": 0,
    "age2": 32,
    "sexrab2": "M",
    "gender_same_as_sex2": 1,
    "ethnic_group2": 0,
    "ethnicbuy2": 1,
    "nationality_all_buyer2_group": 826,
    "ecstat2": 1,
    "buy2livein": 1,
}
BUYERS: dict[str, Any] = {**SETUP_SHARED, **JOINT, **BUYER_1, **BUYER_2, "hholdcount": 2}


def person(n: int, age: int | None = 30, **answers: Any) -> dict[str, Any]:
    """The answers about person n (2 to 6), with details known; a working situation unless a child."""
    found: dict[str, Any] = {
        f"details_known_{n}": 1,
        f"relat{n}": "X",
        f"age{n}_known": 0 if age is not None else 1,
        f"sexrab{n}": "F",
        f"gender_same_as_sex{n}": 1,
    }
    if age is not None:
        found[f"age{n}"] = age
    if age is None or age > 15:
        found[f"ecstat{n}"] = 1
    found.update(answers)
    return found


def household(people: int, base: dict[str, Any] | None = None, **people_answers: dict[str, Any]) -> dict[str, Any]:
    """Buyer 1 alone (or `base`) with persons 2 to `people`; `p3={...}` changes person 3's answers."""
    answers = {**(base or ALONE), "hholdcount": people}
    first = 3 if answers.get("jointpur") == 1 else 2
    for n in range(first, people + 1):
        answers.update(person(n))
        answers.update(people_answers.get(f"p{n}", {}))
    return answers


def pages(answers: dict[str, Any], **context: Any) -> list[str]:
    return evaluate(answers, make_context(**context)).routed_pages


# Case tables

CHECK_CASES: dict[str, list[CheckCase]] = {
    "RETIRED": [
        CheckCase({**ALONE, "age1": 60, "ecstat1": 5}, triggers=True, note="buyer 1"),
        CheckCase(household(3, p3={"age3": 50, "ecstat3": 5}), triggers=True, note="person 3"),
        CheckCase({**BUYERS, "age2": 55, "ecstat2": 5}, triggers=True, note="buyer 2"),
        CheckCase({**ALONE, "age1": 60, "ecstat1": 5, "retirement_value_check": 0}, triggers=False, note="confirmed"),
        CheckCase({**ALONE, "age1": 66, "ecstat1": 5}, triggers=False, note="66 is the retirement age"),
    ],
    "NOT_RETIRED": [
        CheckCase({**ALONE, "age1": 67, "ecstat1": 1}, triggers=True),
        CheckCase(household(2, p2={"age2": 80, "ecstat2": 6}), triggers=True, note="person 2"),
        CheckCase({**ALONE, "age1": 67, "ecstat1": 10}, triggers=False, note="prefers not to say"),
        CheckCase({**ALONE, "age1": 66, "ecstat1": 1}, triggers=False),
    ],
    "OPSO_AGE": [
        CheckCase({**ALONE, "type": 24, "age1": 63}, triggers=True, note="quirk §7 #7: under 64"),
        CheckCase({**ALONE, "type": 24, "age1_known": 1, "age1": None}, triggers=True, note="age not known"),
        CheckCase({**BUYERS, "type": 24, "age1": 50, "age2": 60}, triggers=True, note="both buyers under 64"),
        CheckCase({**ALONE, "type": 24, "age1": 64}, triggers=False),
        CheckCase({**BUYERS, "type": 24, "age1": 50, "age2": 70}, triggers=False, note="one buyer old enough"),
        CheckCase({**ALONE, "type": 30, "age1": 30}, triggers=False, note="not OPSO"),
    ],
    "PARTNER_UNDER_16": [
        CheckCase(household(2, p2={"age2": 15, "relat2": "P"}), triggers=True),
        CheckCase(household(4, p4={"age4": 12, "relat4": "P"}), triggers=True),
        CheckCase(household(2, p2={"age2": 16, "relat2": "P"}), triggers=False),
        CheckCase(household(2, p2={"age2": 10, "relat2": "X"}), triggers=False),
    ],
    "MULTIPLE_PARTNERS": [
        CheckCase(household(3, p2={"relat2": "P"}, p3={"relat3": "P"}), triggers=True),
        CheckCase(household(3, BUYERS, p3={"relat3": "P"}), triggers=True, note="buyer 2 and person 3"),
        CheckCase(household(3, p2={"relat2": "P"}, p3={"relat3": "X"}), triggers=False),
        CheckCase(
            household(3, p2={"relat2": "P"}, p3={"relat3": "P"}) | {"multiple_partners_value_check": 0},
            triggers=False,
            note="confirmed",
        ),
    ],
    "BUYER1_LIVEIN": [
        CheckCase({**ALONE, "buy1livein": 2}, triggers=True),
        CheckCase({**SETUP_DISCOUNTED, **BUYER_1, "hholdcount": 1, "buy1livein": 2}, triggers=True),
        CheckCase(ALONE, triggers=False),
    ],
    "BUYER2_LIVEIN": [
        CheckCase({**BUYERS, "buy2livein": 2}, triggers=True),
        CheckCase(BUYERS, triggers=False),
        CheckCase(household(2, p2={"buy2livein": 2}), triggers=False, note="not a joint purchase: not asked"),
    ],
    "H3": [
        CheckCase(household(3, p3={"age3": 17, "ecstat3": CHILD_UNDER_16}), triggers=True),
        CheckCase(household(2, p2={"age2": 40, "ecstat2": CHILD_UNDER_16}), triggers=True),
        CheckCase(household(3, p3={"age3": 16, "ecstat3": CHILD_UNDER_16}), triggers=False, note="as nationally"),
        CheckCase(household(3, p3={"age3": 17, "ecstat3": 7}), triggers=False),
    ],
    "H4_BUYER_1": [
        CheckCase({**ALONE, "ecstat1": CHILD_UNDER_16}, triggers=True),
        CheckCase(ALONE, triggers=False),
    ],
    "H4_BUYER_2": [
        CheckCase({**BUYERS, "ecstat2": CHILD_UNDER_16}, triggers=True),
        CheckCase(BUYERS, triggers=False),
        CheckCase(household(2, p2={"age2": 10}), triggers=False, note="person 2, a child"),
    ],
}

DERIVATION_CASES: dict[str, list[DerivationCase]] = {
    "ethnic": [
        DerivationCase({**ALONE, "ethnic_group": 17, "ethnic": None}, expected={"ethnic": 17}),
        DerivationCase({**ALONE, "ethnic_group": 0, "ethnic": 2}, expected={"ethnic": 2}),
    ],
    "nationality_all": [
        DerivationCase({**ALONE, "nationality_all_group": 826}, expected={"nationality_all": 826}),
        DerivationCase({**ALONE, "nationality_all_group": 0}, expected={"nationality_all": 0}),
        DerivationCase(
            {**ALONE, "nationality_all_group": 12, "nationality_all": 826},
            expected={"nationality_all": None},
            note="a United Kingdom derived before is not a country chosen",
        ),
        DerivationCase(
            {**ALONE, "nationality_all_group": 12, "nationality_all": 250}, expected={"nationality_all": 250}
        ),
    ],
    "nationality_all_buyer2": [
        DerivationCase({**BUYERS, "nationality_all_buyer2_group": 0}, expected={"nationality_all_buyer2": 0}),
        DerivationCase(
            {**BUYERS, "nationality_all_buyer2_group": 12, "nationality_all_buyer2": 372},
            expected={"nationality_all_buyer2": 372},
        ),
    ],
    "gender_description": [
        DerivationCase(
            {**ALONE, "gender_same_as_sex1": 2, "gender_description1": "Non-binary"},
            expected={"gender_description1": "Non-binary"},
        ),
        DerivationCase(
            {**ALONE, "gender_same_as_sex1": 3, "gender_description1": "Non-binary"},
            expected={"gender_description1": None},
        ),
    ],
    "child_working_situations": [
        DerivationCase(household(3, p3={"age3": 9, "ecstat3": None}), expected={"ecstat3": CHILD_UNDER_16}),
        DerivationCase(
            household(2, BUYERS | {"age2": 17}), expected={"ecstat2": 1}, note="buyer 2 is never made a child"
        ),
    ],
    "totals": [
        DerivationCase(
            household(4, p2={"age2": 17}, p3={"age3": 8}, p4={"age4": 70}),
            expected={"totchild": 2, "totadult": 2},
            note="buyer 1 (30) and person 4 (70) are adults; 17 and 8 are children",
        ),
        DerivationCase({**ALONE, "age1": 17}, expected={"totchild": 0, "totadult": 1}),
    ],
    "hhmemb": [
        DerivationCase({**ALONE, "hholdcount": 4}, expected={"hhmemb": 4}, note="2026: the total, buyers included"),
        DerivationCase({**ALONE, "hholdcount": None}, expected={"hhmemb": None}),
    ],
    "hhtype": [
        DerivationCase({**ALONE, "age1": 70}, expected={"hhtype": 1}),
        DerivationCase({**BUYERS, "age1": 70, "age2": 65}, expected={"hhtype": 2}),
        DerivationCase(ALONE, expected={"hhtype": 3}),
        DerivationCase(BUYERS, expected={"hhtype": 4}),
        DerivationCase(household(2, p2={"age2": 5}), expected={"hhtype": 5}),
        DerivationCase(household(3, BUYERS, p3={"age3": 5}), expected={"hhtype": 6}),
        DerivationCase(household(2, p2={"age2": 70}), expected={"hhtype": 9}, note="an elder and an adult"),
        DerivationCase({**ALONE, "age1_known": 1, "age1": None}, expected={"hhtype": 9}),
    ],
}


def _shown_hidden(shown: dict[str, Any], hidden: dict[str, Any]) -> list[PageCase]:
    return [PageCase(shown, shown=True), PageCase(hidden, shown=False)]


NOT_SEEN = {k: v for k, v in SETUP_SHARED.items() if k != "privacynotice"}
ETHNIC_GROUP_OF = {"black": 3, "asian": 2, "arab": 4, "mixed": 1, "white": 0}

PAGE_CASES: dict[str, list[PageCase]] = {
    "buyer_1_age": _shown_hidden(ALONE, NOT_SEEN),
    "buyer_1_sex_registered_at_birth": _shown_hidden(ALONE, NOT_SEEN),
    "buyer_1_gender_same_as_sex": _shown_hidden(ALONE, NOT_SEEN),
    "buyer_1_ethnic_group": _shown_hidden(ALONE, {**SETUP_STAIRCASING, **BUYER_1}),
    "buyer_1_nationality": _shown_hidden(ALONE, {**SETUP_STAIRCASING, **BUYER_1}),
    "buyer_1_working_situation": _shown_hidden(ALONE, {**SETUP_STAIRCASING, **BUYER_1}),
    "buyer_1_live_in_property": _shown_hidden(ALONE, {**SETUP_STAIRCASING, **BUYER_1}),
    "working_situation_buyer_1_income_value_check": _shown_hidden(
        {**ALONE, "income1": 5_000}, {**ALONE, "income1": 30_000}
    ),
    "buyer_1_live_in_property_value_check": _shown_hidden({**ALONE, "buy1livein": 2}, ALONE),
    "age_1_old_persons_shared_ownership_joint_purchase_value_check": _shown_hidden(
        {**BUYERS, "type": 24, "age1": 50, "age2": 50}, {**ALONE, "type": 24, "age1": 50}
    ),
    "age_1_old_persons_shared_ownership_value_check": _shown_hidden(
        {**ALONE, "type": 24, "age1": 50}, {**BUYERS, "type": 24, "age1": 50, "age2": 50}
    ),
    "age_2_old_persons_shared_ownership_joint_purchase_value_check": _shown_hidden(
        {**BUYERS, "type": 24, "age1": 50, "age2": 50}, {**BUYERS, "type": 24, "age1": 70, "age2": 50}
    ),
    "age_2_old_persons_shared_ownership_value_check": _shown_hidden(
        {**ALONE, "type": 24, "age1": 50}, {**ALONE, "type": 24, "age1": 70}
    ),
    "buyer_2_relationship_to_buyer_1": _shown_hidden(BUYERS, ALONE),
    "buyer_2_age": _shown_hidden(BUYERS, ALONE),
    "buyer_2_sex_registered_at_birth": _shown_hidden(BUYERS, ALONE),
    "buyer_2_gender_same_as_sex": _shown_hidden(BUYERS, ALONE),
    "buyer_2_ethnic_group": _shown_hidden(BUYERS, {**SETUP_STAIRCASING, **JOINT, **BUYER_1, **BUYER_2}),
    "buyer_2_nationality": _shown_hidden(BUYERS, ALONE),
    "buyer_2_working_situation": _shown_hidden(BUYERS, ALONE),
    "buyer_2_live_in_property": _shown_hidden(BUYERS, ALONE),
    "working_situation_buyer_2_income_value_check": _shown_hidden(
        {**BUYERS, "income2": 200_000}, {**BUYERS, "income2": 30_000}
    ),
    "buyer_2_live_in_property_value_check": _shown_hidden({**BUYERS, "buy2livein": 2}, BUYERS),
    "number_of_others_in_property": _shown_hidden(ALONE, BUYERS),
    "number_of_others_in_property_joint_purchase": _shown_hidden(BUYERS, ALONE),
}
for _name, _group in ETHNIC_GROUP_OF.items():
    PAGE_CASES[f"buyer_1_ethnic_background_{_name}"] = _shown_hidden(
        {**ALONE, "ethnic_group": _group}, {**ALONE, "ethnic_group": 17}
    )
    PAGE_CASES[f"buyer_2_ethnic_background_{_name}"] = _shown_hidden(
        {**BUYERS, "ethnic_group2": _group}, {**BUYERS, "ethnic_group2": 17}
    )
# Retirement pages of buyers 1 and 2: (page, person, base answers)
for _page, _n, _base in (
    ("age_1", 1, ALONE),
    ("working_situation_1", 1, ALONE),
    ("age_2_buyer", 2, BUYERS),
):
    PAGE_CASES[f"{_page}_retirement_value_check"] = _shown_hidden(
        {**_base, f"age{_n}": 60, f"ecstat{_n}": 5}, {**_base, f"age{_n}": 70, f"ecstat{_n}": 5}
    )
    PAGE_CASES[f"{_page}_not_retired_value_check"] = _shown_hidden(
        {**_base, f"age{_n}": 70, f"ecstat{_n}": 1}, {**_base, f"age{_n}": 70, f"ecstat{_n}": 5}
    )
PAGE_CASES["working_situation_2_retirement_value_check_joint_purchase"] = _shown_hidden(
    {**BUYERS, "age2": 60, "ecstat2": 5}, {**BUYERS, "age2": 60, "ecstat2": 1}
)
PAGE_CASES["working_situation_2_not_retired_value_check_joint_purchase"] = _shown_hidden(
    {**BUYERS, "age2": 70, "ecstat2": 1}, {**BUYERS, "age2": 60, "ecstat2": 1}
)
for _n in PERSONS:
    _with = household(_n)
    _known = PageCase(_with, shown=True)
    _unknown = PageCase(household(_n, **{f"p{_n}": {f"details_known_{_n}": 2}}), shown=False)
    PAGE_CASES[f"person_{_n}_known"] = [
        _known,
        PageCase(household(_n - 1), shown=False),
        *([PageCase(household(_n, BUYERS), shown=False)] if _n == 2 else []),
        *([PageCase(household(_n, BUYERS), shown=True)] if _n > 2 else []),
    ]
    for _page in ("relationship_to_buyer_1", "age", "sex_registered_at_birth", "gender_same_as_sex"):
        PAGE_CASES[f"person_{_n}_{_page}"] = [_known, _unknown]
    PAGE_CASES[f"person_{_n}_working_situation"] = [
        _known,
        _unknown,
        PageCase(household(_n, **{f"p{_n}": {f"age{_n}": 12}}), shown=False),
        PageCase(household(_n, **{f"p{_n}": {f"age{_n}_known": 1, f"age{_n}": None}}), shown=True),
    ]
    _young_partner = household(_n, **{f"p{_n}": {f"age{_n}": 12, f"relat{_n}": "P"}})
    for _page in (f"relationship_{_n}_partner_under_16_value_check", f"age_{_n}_partner_under_16_value_check"):
        PAGE_CASES[_page] = [PageCase(_young_partner, shown=True), PageCase(_with, shown=False)]
    _two_partners = household(max(_n, 3), p2={"relat2": "P"}, p3={"relat3": "P"})
    PAGE_CASES[f"relationship_{_n}_multiple_partners_value_check"] = [
        PageCase(_two_partners, shown=True),
        PageCase(household(max(_n, 3), p2={"relat2": "P"}), shown=False),
    ]
    _retired_young = household(_n, **{f"p{_n}": {f"age{_n}": 60, f"ecstat{_n}": 5}})
    _working_old = household(_n, **{f"p{_n}": {f"age{_n}": 70, f"ecstat{_n}": 1}})
    for _prefix in (f"age_{_n}", f"working_situation_{_n}"):
        PAGE_CASES[f"{_prefix}_retirement_value_check"] = [
            PageCase(_retired_young, shown=True),
            PageCase(_working_old, shown=False),
        ]
        PAGE_CASES[f"{_prefix}_not_retired_value_check"] = [
            PageCase(_working_old, shown=True),
            PageCase(_retired_young, shown=False),
        ]
# Quirk §7 #17 fixed: in a joint purchase buyer 2's confirmations are asked on the buyer 2 pages only.
for _page in ("age_2_retirement_value_check", "working_situation_2_retirement_value_check"):
    PAGE_CASES[_page].append(PageCase({**BUYERS, "age2": 60, "ecstat2": 5}, shown=False))
for _page in ("age_2_not_retired_value_check", "working_situation_2_not_retired_value_check"):
    PAGE_CASES[_page].append(PageCase({**BUYERS, "age2": 70, "ecstat2": 1}, shown=False))
PAGE_CASES["relationship_2_multiple_partners_value_check"].append(
    PageCase(household(3, BUYERS, p3={"relat3": "P"}), shown=False)
)
PAGE_CASES["relationship_3_multiple_partners_value_check"].append(
    PageCase(household(3, BUYERS, p3={"relat3": "P"}), shown=True)
)


# The declaration


SUBSECTION_PAGES = [p.id for p in hc.PAGES]
PERSON_PAGE_ORDER = (
    "person_{n}_known",
    "person_{n}_relationship_to_buyer_1",
    "relationship_{n}_partner_under_16_value_check",
    "relationship_{n}_multiple_partners_value_check",
    "person_{n}_age",
    "age_{n}_retirement_value_check",
    "age_{n}_not_retired_value_check",
    "age_{n}_partner_under_16_value_check",
    "person_{n}_sex_registered_at_birth",
    "person_{n}_gender_same_as_sex",
    "person_{n}_working_situation",
    "working_situation_{n}_retirement_value_check",
    "working_situation_{n}_not_retired_value_check",
)


def test_pages_are_the_spec_pages_in_order():
    assert len(SUBSECTION_PAGES) == 43 + 13 * 5
    assert SUBSECTION_PAGES[:3] == ["buyer_1_age", "age_1_retirement_value_check", "age_1_not_retired_value_check"]
    assert SUBSECTION_PAGES[41:43] == ["number_of_others_in_property", "number_of_others_in_property_joint_purchase"]
    persons = [page.format(n=n) for n in PERSONS for page in PERSON_PAGE_ORDER]
    assert SUBSECTION_PAGES[43:] == persons


def test_every_page_with_a_condition_has_its_cases():
    conditional = {p.id for p in hc.PAGES}
    assert conditional <= set(PAGE_CASES)


def test_interruption_pages_confirm_their_checks():
    checks = {c.id: c for c in SALES_2026.checks}
    for page in hc.PAGES:
        if page.confirms is not None:
            assert page.questions[0].id == checks[page.confirms].confirm_field, page.id


def test_questions_numbers_labels_and_options():
    questions = {q.id: q for p in hc.PAGES for q in p.questions}
    assert questions["age1"].minimum == 16
    assert questions["age1"].maximum == 110
    assert questions["hholdcount"].text == "In total, how many people live in the property?"
    assert (questions["hholdcount"].minimum, questions["hholdcount"].maximum) == (1, 15)
    assert questions["relat3"].number == 44
    assert questions["ecstat6"].number == 63
    assert questions["sexrab1"].text == "What was buyer 1's sex at birth?"
    assert questions["gender_same_as_sex4"].label == "Person 4's gender identity same as sex registered at birth"
    assert [o.code for o in questions["age1_known"].options] == [0, 1, 2]
    assert questions["age1_known"].options[2].kind is OptionKind.PREFERS_NOT_TO_SAY
    assert questions["ecstat1"].options[-1].kind is OptionKind.PREFERS_NOT_TO_SAY
    ethnic_texts = {q.text for p in hc.PAGES for q in p.questions if q.id == "ethnicbuy2"}
    assert "Which of the following best describes buyer 2’s Arab background?" in ethnic_texts


def test_the_same_age_has_the_buyers_limits_for_buyer_2_and_a_persons_for_person_2():
    child = household(2, p2={"age2": 10})
    assert not [e for e in evaluate(child).errors if e.field == "age2"]
    outcome = evaluate({**BUYERS, "age2": 10})
    assert [e.message for e in outcome.errors if e.field == "age2"] == ["Buyer 2’s age must be between 16 and 110."]


def test_child_under_16_is_never_offered_to_buyers_and_to_persons_only_while_young():
    questions = {(p.id, q.id): q for p in hc.PAGES for q in p.questions}
    buyer = questions[("buyer_2_working_situation", "ecstat2")]
    assert buyer.offered_options is not None
    assert CHILD_UNDER_16 in buyer.codes
    assert CHILD_UNDER_16 not in buyer.offered_options({}, None)
    offered = questions[("person_3_working_situation", "ecstat3")].offered_options
    assert offered is not None
    assert CHILD_UNDER_16 in offered({"age3_known": 1}, None)
    assert CHILD_UNDER_16 in offered({}, None)
    assert CHILD_UNDER_16 not in offered({"age3_known": 0, "age3": 16}, None)


def test_a_complete_household_completes_the_subsection():
    for answers in (ALONE, BUYERS, household(4), household(4, BUYERS), household(3, p3={"age3": 4})):
        outcome = evaluate(answers)
        assert outcome.subsections["household_characteristics"] is Status.COMPLETED, outcome.missing
        assert not outcome.errors


def test_staircasing_asks_only_the_buyers_age_sex_and_gender():
    outcome = evaluate({**SETUP_STAIRCASING, **JOINT, **BUYER_1, **BUYER_2, "hholdcount": 2})
    asked = [p for p in outcome.routed_pages if p in SUBSECTION_PAGES]
    assert asked == [
        "buyer_1_age",
        "buyer_1_sex_registered_at_birth",
        "buyer_1_gender_same_as_sex",
        "buyer_2_relationship_to_buyer_1",
        "buyer_2_age",
        "buyer_2_sex_registered_at_birth",
        "buyer_2_gender_same_as_sex",
    ]
    assert outcome.subsections["household_characteristics"] is Status.COMPLETED
    assert "ethnic_group" in outcome.cleared
    assert "hholdcount" in outcome.cleared


def test_unknown_and_refused_ages_count_as_answered():
    for known in (1, 2):
        outcome = evaluate({**ALONE, "age1_known": known, "age1": None})
        assert outcome.subsections["household_characteristics"] is Status.COMPLETED


def test_people_beyond_the_household_are_cleared():
    outcome = evaluate({**household(4), "hholdcount": 2})
    assert "details_known_3" in outcome.cleared
    assert "age4" in outcome.cleared
    assert outcome.answers["age2"] == 30


def test_a_child_growing_up_is_asked_their_working_situation_again():
    before = evaluate(household(3, p3={"age3": 10})).answers
    assert before["ecstat3"] == CHILD_UNDER_16
    outcome = evaluate_change({**before, "age3": 20}, before)
    assert "ecstat3" not in outcome.answers
    assert outcome.subsections["household_characteristics"] is Status.IN_PROGRESS


def test_an_unchanged_age_keeps_child_status_and_h3_reports_it():
    answers = household(3, p3={"age3": 20, "ecstat3": CHILD_UNDER_16})
    outcome = evaluate_change(answers, answers)
    assert outcome.answers["ecstat3"] == CHILD_UNDER_16
    assert {e.check_id for e in outcome.errors} == {"H3"}


def test_h3_messages_name_the_person():
    outcome = evaluate(household(3, p3={"age3": 17, "ecstat3": CHILD_UNDER_16}))
    assert {(e.field, e.message) for e in outcome.errors} == {
        ("ecstat3", "Answer cannot be ‘child under 16’ as you told us the person 3 is older than 16."),
        ("age3", "Answer cannot be over 16 as person’s 3 working situation is ‘child under 16‘."),
    }


def test_h4_messages():
    outcome = evaluate({**BUYERS, "ecstat1": CHILD_UNDER_16, "ecstat2": CHILD_UNDER_16})
    # As nationally, H3 (persons 2 to 6) also reports buyer 2's age and working situation.
    assert {(e.field, e.message) for e in outcome.errors if e.check_id.startswith("H4")} == {
        ("ecstat1", "Buyer 1 cannot have a working situation of child under 16."),
        ("ecstat2", "Buyer 2 cannot have a working situation of child under 16."),
    }


def test_gender_description_is_needed_only_when_gender_differs():
    outcome = evaluate({**ALONE, "gender_same_as_sex1": 2})
    assert outcome.subsections["household_characteristics"] is Status.IN_PROGRESS
    outcome = evaluate({**ALONE, "gender_same_as_sex1": 2, "gender_description1": "Woman"})
    assert outcome.subsections["household_characteristics"] is Status.COMPLETED


def test_buyer_2_ethnic_refusal_is_not_copied_but_needs_no_background():
    outcome = evaluate({**BUYERS, "ethnic_group2": 17, "ethnicbuy2": None})
    assert "ethnicbuy2" not in outcome.answers
    assert outcome.subsections["household_characteristics"] is Status.COMPLETED


def test_soft_check_messages_on_the_person_involved():
    outcome = evaluate(household(3, p3={"age3": 50, "ecstat3": 5}))
    assert {(w.field, w.message) for w in outcome.warnings} == {
        (
            field,
            "You told us this person is aged 50 years and retired. The minimum expected retirement age in "
            "England is 66.",
        )
        for field in ("age3", "ecstat3")
    }


def test_a_confirmation_is_cleared_when_its_check_no_longer_holds():
    confirmed = {**ALONE, "age1": 60, "ecstat1": 5, "retirement_value_check": 0}
    assert evaluate(confirmed).answers["retirement_value_check"] == 0
    outcome = evaluate({**confirmed, "ecstat1": 1})
    assert "retirement_value_check" in outcome.cleared


KEYS = st.sampled_from(
    [
        "jointpur",
        "hholdcount",
        "age1",
        "age2",
        "age3",
        "ecstat2",
        "ecstat3",
        "relat2",
        "relat3",
        "details_known_2",
        "details_known_3",
        "age3_known",
        "ethnic_group",
        "nationality_all_group",
        "gender_same_as_sex2",
        "type",
    ]
)
VALUES = st.one_of(st.none(), st.integers(-2, 120), st.sampled_from(["P", "X", "R", "", "x"]))


@settings(max_examples=150, deadline=None)
@given(st.dictionaries(KEYS, VALUES, max_size=10))
def test_random_answers_never_raise_and_are_stable(changes):
    outcome = evaluate({**household(3), **changes})
    again = evaluate(outcome.answers)
    assert again.answers == outcome.answers


@pytest.mark.parametrize("n", PERSONS)
def test_persons_pages_follow_the_household_size(n):
    shown = pages(household(n))
    assert f"person_{n}_known" in shown
    assert f"person_{n + 1}_known" not in shown
