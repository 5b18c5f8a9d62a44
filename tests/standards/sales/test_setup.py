"""The setup subsection of the 2026/27 sales declaration (sales-2026.md §1.1, §2.1, §4.2 S1–S6, §6.3)."""

from __future__ import annotations

import datetime
from dataclasses import replace

from collect.rulebook import Status
from collect.standards.facts import OrganisationFacts, UserFacts
from collect.standards.sales.y2026 import SALES_2026
from collect.standards.sales.y2026.setup import PAGES
from tests.standards.sales.support import (
    JOINT,
    OWNER,
    SALE,
    SETUP_DISCOUNTED,
    SETUP_SHARED,
    SETUP_STAIRCASING,
    TODAY,
    CheckCase,
    PageCase,
    evaluate,
    make_context,
)

D = datetime.date
SUPPORT = UserFacts(20, is_support=True)
PROVIDER = UserFacts(11, organisation=OWNER)
AGENT = OrganisationFacts(3, "Helping Hands", provider_type=2, holds_own_stock=False)
MERGED = replace(OWNER, merge_date=D(2026, 9, 1), absorbing_organisation_name="Big Homes")
ABSORBING = replace(OWNER, has_absorbed_organisations=True, available_from=D(2026, 11, 1))
NO_AGREEMENT = replace(OWNER, accepted_data_sharing_agreement=False)
SETUP_JOINT = {**SETUP_SHARED, **JOINT}
NO_ROUTE = {k: v for k, v in SETUP_SHARED.items() if k not in ("ownershipsch", "type", "staircase", "jointpur")}
IN_CROSSOVER = D(2026, 5, 1)  # 2025/26 is open for new logs until 12 July 2026 and for changes until 1 September
AFTER_NEW_LOGS = D(2026, 8, 1)

PAGE_CASES = {
    "owning_organisation": [
        PageCase(SETUP_SHARED, shown=True, context={"user": SUPPORT}),
        PageCase(SETUP_SHARED, shown=True, context={"user": replace(PROVIDER, stock_owner_count=1)}),
        PageCase(SETUP_SHARED, shown=True, context={"user": UserFacts(12, organisation=AGENT, stock_owner_count=2)}),
        PageCase(SETUP_SHARED, shown=False),  # holds stock, no stock owners: the service sets the user's organisation
        PageCase(SETUP_SHARED, shown=False, context={"user": UserFacts(12, organisation=AGENT, stock_owner_count=1)}),
        PageCase(SETUP_SHARED, shown=False, context={"user": None}),
    ],
    "managing_organisation": [
        PageCase(SETUP_SHARED, shown=True, context={"user": replace(PROVIDER, managing_agent_count=1)}),
        PageCase(
            SETUP_SHARED, shown=True, context={"user": UserFacts(12, organisation=AGENT), "owning_organisation": AGENT}
        ),
        PageCase(SETUP_SHARED, shown=True, context={"user": replace(SUPPORT, managing_agent_count=2)}),
        PageCase(SETUP_SHARED, shown=False),
        PageCase(SETUP_SHARED, shown=False, context={"user": UserFacts(12, organisation=AGENT)}),
        PageCase(SETUP_SHARED, shown=False, context={"user": SUPPORT, "owning_organisation": None}),
        PageCase(SETUP_SHARED, shown=False, context={"user": None}),
    ],
    "assigned_to": [
        PageCase(SETUP_SHARED, shown=True),
        PageCase(SETUP_SHARED, shown=True, context={"user": SUPPORT}),
        PageCase(SETUP_SHARED, shown=False, context={"user": PROVIDER}),
    ],
    "shared_ownership_type": [PageCase(SETUP_SHARED, shown=True), PageCase(SETUP_DISCOUNTED, shown=False)],
    "staircasing": [PageCase(SETUP_STAIRCASING, shown=True), PageCase(SETUP_DISCOUNTED, shown=False)],
    "discounted_ownership_type": [PageCase(SETUP_DISCOUNTED, shown=True), PageCase(SETUP_SHARED, shown=False)],
    "joint_purchase": [PageCase(SETUP_DISCOUNTED, shown=True), PageCase(NO_ROUTE, shown=False)],
    "number_joint_buyers": [PageCase(SETUP_JOINT, shown=True), PageCase(SETUP_SHARED, shown=False)],
    "buyer_interview_joint_purchase": [PageCase(SETUP_JOINT, shown=True), PageCase(SETUP_SHARED, shown=False)],
    "buyer_interview": [
        PageCase(SETUP_SHARED, shown=True),
        PageCase(NO_ROUTE, shown=True),  # joint purchase not yet known
        PageCase(SETUP_JOINT, shown=False),
    ],
    "privacy_notice_joint_purchase": [PageCase(SETUP_JOINT, shown=True), PageCase(SETUP_SHARED, shown=False)],
    "privacy_notice": [PageCase(SETUP_SHARED, shown=True), PageCase(SETUP_JOINT, shown=False)],
}

WITHOUT_NOTICE = {k: v for k, v in SETUP_SHARED.items() if k != "privacynotice"}

CHECK_CASES = {
    "S1": [
        CheckCase({**SETUP_SHARED, "saledate": D(2026, 3, 31)}, triggers=True),
        CheckCase({**SETUP_SHARED, "saledate": D(2026, 4, 1)}, triggers=False),
        CheckCase({**SETUP_SHARED, "saledate": D(2027, 4, 1)}, triggers=True, context={"today": D(2027, 3, 25)}),
        CheckCase({**SETUP_SHARED, "saledate": D(2025, 4, 1)}, triggers=False, context={"today": IN_CROSSOVER}),
        CheckCase({**SETUP_SHARED, "saledate": D(2025, 3, 31)}, triggers=True, context={"today": IN_CROSSOVER}),
        CheckCase({**SETUP_SHARED, "saledate": D(2025, 6, 1)}, triggers=True, context={"today": AFTER_NEW_LOGS}),
        CheckCase(
            {**SETUP_SHARED, "saledate": D(2025, 6, 1)},
            triggers=False,
            context={"today": AFTER_NEW_LOGS, "is_new_log": False},
            note="an existing log can still be changed during the edit crossover",
        ),
        CheckCase({**SETUP_SHARED, "saledate": D(2025, 6, 1)}, triggers=True, context={"today": D(2026, 9, 2)}),
    ],
    "S2": [
        CheckCase({**SETUP_SHARED, "saledate": TODAY + datetime.timedelta(days=15)}, triggers=True),
        CheckCase({**SETUP_SHARED, "saledate": TODAY + datetime.timedelta(days=14)}, triggers=False),
    ],
    "S3": [
        CheckCase(SETUP_SHARED, triggers=True, context={"owning_organisation": MERGED}),
        CheckCase(SETUP_SHARED, triggers=True, context={"owning_organisation": replace(MERGED, merge_date=SALE)}),
        CheckCase(SETUP_SHARED, triggers=False, context={"owning_organisation": replace(MERGED, merge_date=TODAY)}),
        CheckCase(SETUP_SHARED, triggers=False, context={"managing_organisation": MERGED}, note="owner only"),
    ],
    "S4": [
        CheckCase(SETUP_SHARED, triggers=True, context={"owning_organisation": ABSORBING}),
        CheckCase(
            SETUP_SHARED, triggers=False, context={"owning_organisation": replace(ABSORBING, available_from=SALE)}
        ),
        CheckCase(SETUP_SHARED, triggers=False, context={"owning_organisation": replace(OWNER, available_from=TODAY)}),
    ],
    "S5": [
        CheckCase(SETUP_SHARED, triggers=True, context={"owning_organisation": MERGED}),
        CheckCase(SETUP_SHARED, triggers=True, context={"owning_organisation": ABSORBING}),
        CheckCase(SETUP_SHARED, triggers=False),
        CheckCase(
            {k: v for k, v in SETUP_SHARED.items() if k != "saledate"},
            triggers=False,
            context={"owning_organisation": MERGED},
            note="no sale date yet",
        ),
    ],
    "S6": [
        CheckCase(SETUP_SHARED, triggers=True, context={"owning_organisation": NO_AGREEMENT}),
        CheckCase(SETUP_SHARED, triggers=False, context={"managing_organisation": NO_AGREEMENT}),
        CheckCase(SETUP_SHARED, triggers=False),
    ],
    "PRIVACY_NOTICE": [
        CheckCase(WITHOUT_NOTICE, triggers=True),
        CheckCase({**WITHOUT_NOTICE, **JOINT}, triggers=True),
        CheckCase(SETUP_SHARED, triggers=False),
        CheckCase({k: v for k, v in WITHOUT_NOTICE.items() if k != "noint"}, triggers=False, note="not reached"),
    ],
}


def messages(outcome, check_id):
    return {i.field: i.message for i in outcome.errors + outcome.warnings if i.check_id == check_id}


def test_pages_are_in_the_standards_order():
    assert [p.id for p in PAGES] == [
        "owning_organisation",
        "managing_organisation",
        "completion_date",
        "assigned_to",
        "purchaser_code",
        "ownership_scheme",
        "shared_ownership_type",
        "staircasing",
        "discounted_ownership_type",
        "joint_purchase",
        "number_joint_buyers",
        "buyer_interview_joint_purchase",
        "buyer_interview",
        "privacy_notice_joint_purchase",
        "privacy_notice",
    ]


def test_organisation_questions_are_worded_for_sales():
    questions = SALES_2026.questions()
    assert (questions["owning_organisation_id"].text, questions["owning_organisation_id"].label) == (
        "Which organisation owns this log?",
        "Owning organisation",
    )
    assert (questions["managing_organisation_id"].text, questions["managing_organisation_id"].label) == (
        "Which organisation is reporting this sale?",
        "Reported by",
    )
    assert (questions["assigned_to_id"].text, questions["assigned_to_id"].label) == (
        "Which user are you creating this log for?",
        "Log owner",
    )
    assert [questions[q].number for q in ("owning_organisation_id", "managing_organisation_id", "saledate")] == [
        1,
        2,
        3,
    ]


def test_setup_is_done_with_every_route_answer_but_the_purchaser_code():
    for setup in (SETUP_SHARED, SETUP_STAIRCASING, SETUP_DISCOUNTED, SETUP_JOINT):
        outcome = evaluate({k: v for k, v in setup.items() if k != "purchid"})
        assert outcome.facts == {"setup_done": True}
        assert outcome.subsections["setup"] is Status.COMPLETED
        assert outcome.subsections["property_information"] is not Status.CANNOT_START
    for needed in ("owning_organisation_id", "managing_organisation_id", "assigned_to_id", "privacynotice", "noint"):
        outcome = evaluate({k: v for k, v in SETUP_SHARED.items() if k != needed})
        assert outcome.facts == {"setup_done": False}, needed
        assert outcome.subsections["property_information"] is Status.CANNOT_START
        assert needed in outcome.missing["setup"]
    outcome = evaluate({k: v for k, v in SETUP_JOINT.items() if k != "jointmore"})
    assert outcome.missing["setup"] == ["jointmore"]


def test_organisation_selects_are_kept_when_their_pages_are_hidden():
    outcome = evaluate(SETUP_SHARED, make_context(user=None))
    assert outcome.answers["owning_organisation_id"] == 1
    assert outcome.answers["managing_organisation_id"] == 1
    assert outcome.answers["assigned_to_id"] == 10
    assert outcome.subsections["setup"] is Status.COMPLETED


def test_privacy_notice_must_be_ticked_with_the_standards_message():
    outcome = evaluate(WITHOUT_NOTICE)
    assert messages(outcome, "PRIVACY_NOTICE") == {
        "privacynotice": "You must show or give the buyer access to the MHCLG privacy notice before you can submit "
        "this log."
    }
    outcome = evaluate({**WITHOUT_NOTICE, **JOINT, "privacynotice": 0})
    assert messages(outcome, "PRIVACY_NOTICE") == {
        "privacynotice": "You must show or give the buyers access to the MHCLG privacy notice before you can submit "
        "this log."
    }
    assert outcome.facts == {"setup_done": False}


def test_sale_date_window_messages():
    outcome = evaluate({**SETUP_SHARED, "saledate": D(2026, 3, 31)})
    assert messages(outcome, "S1") == {
        "saledate": "Enter a date within the 2026 to 2027 collection year, which is between 1st April 2026 and "
        "31st March 2027."
    }
    outcome = evaluate({**SETUP_SHARED, "saledate": D(2025, 3, 31)}, make_context(today=IN_CROSSOVER))
    assert messages(outcome, "S1") == {
        "saledate": "Enter a date within the 2025 to 2026 or 2026 to 2027 collection years, which is between "
        "1st April 2025 and 31st March 2027."
    }
    outcome = evaluate({**SETUP_SHARED, "saledate": TODAY + datetime.timedelta(days=20)})
    assert messages(outcome, "S2") == {
        "saledate": "Sale completion date must not be later than 14 days from today’s date."
    }


def test_owning_organisation_messages_name_the_organisation_and_dates():
    outcome = evaluate(SETUP_SHARED, make_context(owning_organisation=MERGED))
    assert messages(outcome, "S3") == {
        "saledate": "Enter a date when the owning organisation was active. Riverside Homes became inactive on "
        "1 September 2026 and was replaced by Big Homes."
    }
    assert messages(outcome, "S5") == {
        "owning_organisation_id": "The owning organisation must be active on the sale completion date. Riverside "
        "Homes became inactive on 1 September 2026 and was replaced by Big Homes."
    }
    outcome = evaluate(SETUP_SHARED, make_context(owning_organisation=ABSORBING))
    assert messages(outcome, "S4") == {
        "saledate": "Enter a date when the owning organisation was active. Riverside Homes became active on "
        "1 November 2026."
    }
    assert messages(outcome, "S5") == {
        "owning_organisation_id": "The owning organisation must be active on the sale completion date. Riverside "
        "Homes became active on 1 November 2026."
    }
    outcome = evaluate(SETUP_SHARED, make_context(owning_organisation=NO_AGREEMENT))
    assert messages(outcome, "S6") == {
        "owning_organisation_id": "The organisation must accept the Data Sharing Agreement before it can be "
        "selected as the owning organisation."
    }


def test_organisation_checks_need_the_owning_organisation_answered():
    outcome = evaluate(
        {k: v for k, v in SETUP_SHARED.items() if k != "owning_organisation_id"},
        make_context(owning_organisation=MERGED),
    )
    assert not {i.check_id for i in outcome.errors} & {"S3", "S5", "S6"}


def test_a_complete_setup_has_no_errors():
    for setup in (SETUP_SHARED, SETUP_STAIRCASING, SETUP_DISCOUNTED, SETUP_JOINT):
        assert evaluate(setup).errors == []
