"""The setup subsection of the 2026/27 lettings declaration (lettings-2026.md §2.1, §3.1, §4, §5.2 S1–S15)."""

from __future__ import annotations

import datetime
from dataclasses import replace

from collect.rulebook import Status
from collect.standards.facts import OrganisationFacts, UserFacts
from collect.standards.lettings.y2026 import LETTINGS_2026
from collect.standards.lettings.y2026.setup import PAGES
from tests.standards.lettings.support import (
    LOCATION_FACTS,
    OWNER_LA,
    OWNER_PRP,
    SCHEME_FACTS,
    SETUP_GN,
    SETUP_SH,
    START,
    SUPPORTED_FACTS,
    TODAY,
    CheckCase,
    DerivationCase,
    PageCase,
    evaluate,
    evaluate_change,
    make_context,
)

D = datetime.date
SUPPORT = UserFacts(20, is_support=True)
PROVIDER = UserFacts(11, organisation=OWNER_PRP)
AGENT = OrganisationFacts(3, "Helping Hands", provider_type=2, holds_own_stock=False)
MERGED = replace(OWNER_PRP, merge_date=D(2026, 9, 1), absorbing_organisation_name="Big Homes")
NO_AGREEMENT = replace(OWNER_PRP, accepted_data_sharing_agreement=False)
ABSORBING = replace(OWNER_PRP, has_absorbed_organisations=True, available_from=D(2026, 11, 1))


def supported(**scheme: object) -> dict[str, object]:
    """Context overrides for a supported housing log whose scheme has the given facts."""
    return {**SUPPORTED_FACTS, "scheme": replace(SCHEME_FACTS, **scheme)}  # type: ignore[arg-type]


def located(**location: object) -> dict[str, object]:
    """Context overrides for a supported housing log whose location has the given facts."""
    return {**SUPPORTED_FACTS, "location": replace(LOCATION_FACTS, **location)}  # type: ignore[arg-type]


PAGE_CASES = {
    "stock_owner": [
        PageCase(SETUP_GN, shown=True, context={"user": SUPPORT}),
        PageCase(SETUP_GN, shown=True, context={"user": replace(PROVIDER, stock_owner_count=1)}),
        PageCase(SETUP_GN, shown=True, context={"user": UserFacts(12, organisation=AGENT, stock_owner_count=2)}),
        PageCase(SETUP_GN, shown=False),  # holds stock, no stock owners: the service sets the user's organisation
        PageCase(SETUP_GN, shown=False, context={"user": UserFacts(12, organisation=AGENT, stock_owner_count=1)}),
        PageCase(SETUP_GN, shown=False, context={"user": None}),
    ],
    "managing_organisation": [
        PageCase(SETUP_GN, shown=True, context={"user": replace(PROVIDER, managing_agent_count=1)}),
        PageCase(
            SETUP_GN, shown=True, context={"user": UserFacts(12, organisation=AGENT), "owning_organisation": AGENT}
        ),
        PageCase(SETUP_GN, shown=True, context={"user": replace(SUPPORT, managing_agent_count=2)}),
        PageCase(SETUP_GN, shown=False),
        PageCase(SETUP_GN, shown=False, context={"user": UserFacts(12, organisation=AGENT)}),
        PageCase(SETUP_GN, shown=False, context={"user": SUPPORT, "owning_organisation": None}),
        PageCase(SETUP_GN, shown=False, context={"user": None}),
    ],
    "assigned_to": [
        PageCase(SETUP_GN, shown=True),
        PageCase(SETUP_GN, shown=True, context={"user": SUPPORT}),
        PageCase(SETUP_GN, shown=False, context={"user": PROVIDER}),
    ],
    "scheme": [PageCase(SETUP_SH, shown=True), PageCase(SETUP_GN, shown=False)],
    "location": [
        PageCase(SETUP_SH, shown=True, context=supported(active_locations_on_start=2)),
        PageCase(SETUP_SH, shown=True, context=supported(active_locations_on_start=19)),
        PageCase(SETUP_SH, shown=False, context=supported(active_locations_on_start=1)),
        PageCase(SETUP_SH, shown=False, context=supported(active_locations_on_start=20)),
        PageCase(SETUP_GN, shown=False, context=supported(active_locations_on_start=5)),
    ],
    "location_search": [
        PageCase(SETUP_SH, shown=True, context=supported(active_locations_on_start=20)),
        PageCase(SETUP_SH, shown=False, context=supported(active_locations_on_start=19)),
        PageCase(SETUP_SH, shown=False),  # no scheme facts
    ],
}

IN_CROSSOVER = D(2026, 5, 1)  # 2025/26 is open for new logs until 12 July 2026 and for changes until 1 September
AFTER_NEW_LOGS = D(2026, 8, 1)

CHECK_CASES = {
    "S1": [
        CheckCase({**SETUP_GN, "startdate": D(2026, 3, 31)}, triggers=True),
        CheckCase({**SETUP_GN, "startdate": D(2026, 4, 1)}, triggers=False),
        CheckCase({**SETUP_GN, "startdate": D(2027, 4, 1)}, triggers=True, context={"today": D(2027, 3, 25)}),
        CheckCase({**SETUP_GN, "startdate": D(2025, 4, 1)}, triggers=False, context={"today": IN_CROSSOVER}),
        CheckCase({**SETUP_GN, "startdate": D(2025, 3, 31)}, triggers=True, context={"today": IN_CROSSOVER}),
        CheckCase({**SETUP_GN, "startdate": D(2025, 6, 1)}, triggers=True, context={"today": AFTER_NEW_LOGS}),
        CheckCase(
            {**SETUP_GN, "startdate": D(2025, 6, 1)},
            triggers=False,
            context={"today": AFTER_NEW_LOGS, "is_new_log": False},
            note="an existing log can still be changed during the edit crossover",
        ),
        CheckCase({**SETUP_GN, "startdate": D(2025, 6, 1)}, triggers=True, context={"today": D(2026, 9, 2)}),
    ],
    "S2": [
        CheckCase({**SETUP_GN, "startdate": TODAY + datetime.timedelta(days=15)}, triggers=True),
        CheckCase({**SETUP_GN, "startdate": TODAY + datetime.timedelta(days=14)}, triggers=False),
    ],
    "S3": [
        CheckCase(SETUP_GN, triggers=True, context={"assigned_user_organisation_ids": frozenset({99})}),
        CheckCase(SETUP_GN, triggers=False),
        CheckCase({**SETUP_GN, "managing_organisation_id": 99}, triggers=False),
        CheckCase(SETUP_GN, triggers=False, context={"assigned_user_organisation_ids": frozenset()}),
    ],
    "S4": [
        CheckCase(SETUP_GN, triggers=True, context={"owning_organisation": MERGED}),
        CheckCase(SETUP_GN, triggers=True, context={"owning_organisation": replace(MERGED, merge_date=START)}),
        CheckCase(SETUP_GN, triggers=False, context={"owning_organisation": replace(MERGED, merge_date=TODAY)}),
    ],
    "S5": [
        CheckCase(SETUP_GN, triggers=True, context={"owning_organisation": ABSORBING}),
        CheckCase(SETUP_GN, triggers=False, context={"owning_organisation": replace(ABSORBING, available_from=START)}),
        CheckCase(SETUP_GN, triggers=False, context={"owning_organisation": replace(OWNER_PRP, available_from=TODAY)}),
    ],
    "S6": [
        CheckCase(SETUP_GN, triggers=True, context={"managing_organisation": MERGED}),
        CheckCase(SETUP_GN, triggers=True, context={"managing_organisation": ABSORBING}),
        CheckCase(SETUP_GN, triggers=False),
    ],
    "S7": [
        CheckCase(SETUP_GN, triggers=True, context={"owning_organisation": MERGED, "managing_organisation": MERGED}),
        CheckCase(SETUP_GN, triggers=True, context={"managing_organisation": replace(ABSORBING, id=2)}),
        CheckCase(SETUP_GN, triggers=False),
    ],
    "S8": [
        CheckCase({**SETUP_GN, "rent_type": 5}, triggers=True),
        CheckCase({**SETUP_GN, "rent_type": 5, "irproduct_other": "Shared living"}, triggers=False),
    ],
    "S9": [
        CheckCase(SETUP_SH, triggers=True, context=supported(confirmed=False)),
        CheckCase(SETUP_SH, triggers=False, context=SUPPORTED_FACTS),
    ],
    "S10": [
        CheckCase(SETUP_SH, triggers=True, context=supported(has_confirmed_locations=False)),
        CheckCase(SETUP_SH, triggers=False, context=SUPPORTED_FACTS),
    ],
    "S11": [
        CheckCase(SETUP_SH, triggers=True, context=supported(status_on_start="deactivated", status_date=D(2026, 7, 1))),
        CheckCase(SETUP_SH, triggers=True, context=supported(status_on_start="reactivating_soon")),
        CheckCase(SETUP_SH, triggers=False, context=supported(status_on_start="deactivating_soon")),
    ],
    "S12": [
        CheckCase(SETUP_SH, triggers=True, context=supported(active_locations_on_start=0)),
        CheckCase(SETUP_SH, triggers=False, context=SUPPORTED_FACTS),
    ],
    "S13": [
        CheckCase(SETUP_SH, triggers=True, context=located(status_on_start="deactivated")),
        CheckCase(SETUP_SH, triggers=True, context=located(status_on_start="activating_soon")),
        CheckCase(SETUP_SH, triggers=False, context=located(status_on_start="active")),
    ],
    "S14": [
        CheckCase(SETUP_SH, triggers=True, context=located(confirmed=False)),
        CheckCase(SETUP_SH, triggers=False, context=SUPPORTED_FACTS),
    ],
    "S15": [
        CheckCase(SETUP_GN, triggers=True, context={"owning_organisation": NO_AGREEMENT}),
        CheckCase(
            SETUP_GN,
            triggers=True,
            context={"managing_organisation": NO_AGREEMENT},
        ),
        CheckCase(SETUP_GN, triggers=False),
    ],
}

DERIVATION_CASES = {
    "scheme_change_location": [
        DerivationCase(SETUP_SH, expected={"location_id": 7}, note="a new log keeps its location"),
    ],
    "needstype_change": [
        DerivationCase({**SETUP_GN, "location_id": 7}, expected={"location_id": 7}, note="nothing changed"),
    ],
    "renttype": [
        DerivationCase({**SETUP_GN, "rent_type": rent_type}, expected={"renttype": renttype})
        for rent_type, renttype in ((0, 1), (1, 2), (2, 2), (3, 3), (4, 3), (6, 4))
    ],
    "lettype": [
        DerivationCase(SETUP_GN, expected={"lettype": 1}),
        DerivationCase(SETUP_GN, expected={"lettype": 3}, context={"owning_organisation": OWNER_LA}),
        DerivationCase({**SETUP_SH, "rent_type": 1}, expected={"lettype": 6}),
        DerivationCase(
            {**SETUP_SH, "rent_type": 4}, expected={"lettype": 12}, context={"owning_organisation": OWNER_LA}
        ),
        DerivationCase({**SETUP_GN, "rent_type": 6}, expected={"lettype": 13}),
        DerivationCase(SETUP_GN, expected={"lettype": None}, context={"owning_organisation": None}),
    ],
    "lar": [
        DerivationCase({**SETUP_GN, "rent_type": 2}, expected={"lar": 1}),
        DerivationCase({**SETUP_GN, "rent_type": 1}, expected={"lar": 2}),
        DerivationCase(SETUP_GN, expected={"lar": None}),
    ],
    "irproduct": [
        DerivationCase({**SETUP_GN, "rent_type": 3}, expected={"irproduct": 1}),
        DerivationCase({**SETUP_GN, "rent_type": 4}, expected={"irproduct": 2}),
        DerivationCase({**SETUP_GN, "rent_type": 5, "irproduct_other": "Shared living"}, expected={"irproduct": 3}),
        DerivationCase(SETUP_GN, expected={"irproduct": None}),
    ],
}


def messages(outcome, check_id):
    return {i.field: i.message for i in outcome.errors + outcome.warnings if i.check_id == check_id}


def test_pages_are_in_the_standards_order():
    assert [p.id for p in PAGES] == [
        "stock_owner",
        "managing_organisation",
        "assigned_to",
        "needs_type",
        "scheme",
        "location",
        "location_search",
        "renewal",
        "tenancy_start_date",
        "rent_type",
        "tenant_code",
        "property_reference",
        "declaration",
    ]


def test_setup_done_needs_the_organisations_and_declaration_but_not_scheme_or_codes():
    outcome = evaluate({k: v for k, v in SETUP_SH.items() if k not in ("tenancycode", "propcode", "scheme_id")})
    assert outcome.facts == {"setup_done": True}
    assert outcome.missing["setup"] == ["scheme_id"]
    for needed in ("owning_organisation_id", "managing_organisation_id", "assigned_to_id", "declaration"):
        outcome = evaluate({k: v for k, v in SETUP_GN.items() if k != needed})
        assert outcome.facts == {"setup_done": False}, needed
        assert outcome.subsections["property_information"] is Status.CANNOT_START
        assert needed in outcome.missing["setup"]


def test_organisation_selects_are_kept_when_their_pages_are_hidden():
    outcome = evaluate(SETUP_GN, make_context(user=None))
    assert outcome.answers["owning_organisation_id"] == 1
    assert outcome.answers["assigned_to_id"] == 10
    assert outcome.subsections["setup"] is Status.COMPLETED


def test_other_intermediate_product_name_is_revealed_by_rent_type_5():
    outcome = evaluate({**SETUP_GN, "rent_type": 5})
    assert outcome.missing["setup"] == ["irproduct_other"]
    assert messages(outcome, "S8") == {"irproduct_other": "Enter name of other intermediate rent product."}


def test_start_date_window_messages():
    outcome = evaluate({**SETUP_GN, "startdate": D(2026, 3, 31)})
    assert messages(outcome, "S1") == {
        "startdate": "Enter a date within the 2026 to 2027 collection year, which is between 1st April 2026 and "
        "31st March 2027."
    }
    outcome = evaluate({**SETUP_GN, "startdate": D(2025, 3, 31)}, make_context(today=IN_CROSSOVER))
    assert messages(outcome, "S1") == {
        "startdate": "Enter a date within the 2025 to 2026 or 2026 to 2027 collection years, which is between "
        "1st April 2025 and 31st March 2027."
    }


def test_organisation_messages_name_the_organisations_and_dates():
    outcome = evaluate(SETUP_GN, make_context(owning_organisation=MERGED))
    assert messages(outcome, "S4") == {
        "owning_organisation_id": "The owning organisation must be active on the tenancy start date. Riverside Homes "
        "became inactive on 1 September 2026 and was replaced by Big Homes."
    }
    assert messages(outcome, "S7") == {
        "startdate": "Enter a date when the owning and managing organisation was active. Riverside Homes became "
        "inactive on 1 September 2026 and was replaced by Big Homes."
    }
    outcome = evaluate(SETUP_GN, make_context(managing_organisation=replace(ABSORBING, id=2, name="New Homes")))
    assert messages(outcome, "S6") == {
        "managing_organisation_id": "The managing organisation must be active on the tenancy start date. New Homes "
        "became active on 1 November 2026."
    }
    assert messages(outcome, "S7") == {
        "startdate": "Enter a date when the managing organisation was active. New Homes became active on "
        "1 November 2026."
    }


def test_merged_organisations_start_date_variants():
    other = replace(MERGED, id=2, name="Hilltop", absorbing_organisation_name="Other Homes")
    outcome = evaluate(SETUP_GN, make_context(owning_organisation=MERGED, managing_organisation=other))
    assert messages(outcome, "S7")["startdate"].startswith(
        "Enter a date when the owning and managing organisations were active. Riverside Homes became inactive on "
        "1 September 2026 and was replaced by Big Homes. Hilltop became inactive"
    )
    same_merge = replace(MERGED, id=2, name="Hilltop")
    outcome = evaluate(SETUP_GN, make_context(owning_organisation=MERGED, managing_organisation=same_merge))
    assert messages(outcome, "S7") == {
        "startdate": "Enter a date when the owning and managing organisations were active. Riverside Homes and "
        "Hilltop became inactive on 1 September 2026 and were replaced by Big Homes."
    }
    both_new = replace(ABSORBING, id=2, name="Hilltop", available_from=D(2026, 12, 1))
    outcome = evaluate(SETUP_GN, make_context(owning_organisation=ABSORBING, managing_organisation=both_new))
    assert messages(outcome, "S7") == {
        "startdate": "Enter a date when the owning and managing organisations were active. Riverside Homes became "
        "active on 1 November 2026, and Hilltop became active on 1 December 2026."
    }


def test_scheme_and_location_messages():
    outcome = evaluate(SETUP_SH, make_context(**supported(status_on_start="reactivating_soon", status_date=TODAY)))
    assert messages(outcome, "S11") == {
        "startdate": "The scheme Riverside Court is not available until 21 November 2026. Enter a tenancy start date "
        "after 21 November 2026.",
        "scheme_id": "The scheme Riverside Court is not available until 21 November 2026. Select another scheme or "
        "edit the tenancy start date.",
    }
    outcome = evaluate(SETUP_SH, make_context(**located(status_on_start="deactivated")))
    assert messages(outcome, "S13") == {
        "startdate": "The location LS1 1AA is inactive on this date. Enter another date or choose another location.",
        "location_id": "This location is not active on the tenancy start date. Choose another location or edit the "
        "tenancy start date.",
        "scheme_id": "This location is not active on the tenancy start date. Choose another location or edit the "
        "tenancy start date.",
    }
    outcome = evaluate(SETUP_SH, make_context(**located(status_on_start="activating_soon", available_from=TODAY)))
    assert messages(outcome, "S13")["location_id"] == (
        "The location LS1 1AA is not available until 21 November 2026. Select another location or edit the tenancy "
        "start date."
    )


def test_data_sharing_agreement_message_names_the_organisation_lacking_it():
    agent = replace(AGENT, accepted_data_sharing_agreement=False)
    outcome = evaluate({**SETUP_GN, "managing_organisation_id": 3}, make_context(managing_organisation=agent))
    assert set(messages(outcome, "S15").values()) == {
        "The organisation must accept the Data Sharing Agreement before it can be selected as the managing "
        "organisation."
    }


def test_a_scheme_change_clears_the_location_unless_it_changed_too():
    previous = {**SETUP_SH}
    changed = evaluate_change({**SETUP_SH, "scheme_id": 6}, previous)
    assert "location_id" not in changed.answers
    both = evaluate_change({**SETUP_SH, "scheme_id": 6, "location_id": 8}, previous)
    assert both.answers["location_id"] == 8
    same = evaluate_change(SETUP_SH, previous)
    assert same.answers["location_id"] == 7


def test_leaving_supported_housing_clears_the_location_and_wheelchair_answer():
    previous = {**SETUP_SH, "wchair": 2}
    outcome = evaluate_change({**SETUP_GN, "location_id": 7, "wchair": 2}, previous)
    assert "location_id" not in outcome.answers
    assert "wchair" not in outcome.answers


def test_declaration_is_one_checkbox():
    question = LETTINGS_2026.questions()["declaration"]
    assert question.answer_ids == ("declaration",)
    assert evaluate({**SETUP_GN, "declaration": "1"}).answers["declaration"] == 1
