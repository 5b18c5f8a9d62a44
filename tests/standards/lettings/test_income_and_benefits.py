from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from collect.rulebook import Status
from collect.rulebook.declaration import OptionKind
from collect.standards.codes import ALL_RENT_PERIOD_CODES
from collect.standards.facts import OrganisationFacts
from collect.standards.lettings.y2026 import LETTINGS_2026, income_and_benefits
from collect.standards.lettings.y2026.common import lettype_for, rent_range_for
from tests.standards.lettings.support import (
    OWNER_LA,
    SETUP_GN,
    SETUP_SH,
    CheckCase,
    DerivationCase,
    PageCase,
    evaluate,
    make_context,
    supported_context,
)

_SUPPORTED = supported_context()
# Context overrides for a supported housing letting (scheme and location in Leeds).
SH: dict[str, Any] = {"scheme": _SUPPORTED.scheme, "location": _SUPPORTED.location}
LA_OWNER: dict[str, Any] = {"owning_organisation": OWNER_LA, "managing_organisation": OWNER_LA}
SH_LA: dict[str, Any] = {**SH, **LA_OWNER}
FEW_PERIODS = OrganisationFacts(3, "Small Homes", provider_type=2, rent_periods=frozenset({1, 2}))

# A general needs letting in Leeds with 2 bedrooms: its rent range (support.FakeReferenceData) is soft 80-150,
# hard 40-500 a week.
LEEDS_GN: dict[str, Any] = {**SETUP_GN, "la": "E08000035", "beds": 2}
INCOME = {"net_income_known": 0, "incfreq": 1, "earnings": 300}


def rent(period: int = 1, **charges: Any) -> dict[str, Any]:
    """General needs answers with a rent period and some charges."""
    return {**SETUP_GN, "period": period, **charges}


def sh_rent(period: int = 1, **charges: Any) -> dict[str, Any]:
    """Supported housing answers (paying charges) with a rent period and some charges."""
    return {**SETUP_SH, "household_charge": 0, "period": period, **charges}


def shortfall(**answers: Any) -> dict[str, Any]:
    """A household on housing benefit paying £100 a week with an outstanding amount."""
    return {**rent(brent=100), "hb": 1, "hbrentshortfall": 1, "tshortfall_known": 0, **answers}


def _negative_cases(field_id: str) -> list[CheckCase]:
    if field_id == "earnings":
        return [
            CheckCase({**SETUP_GN, **INCOME, "earnings": -5}, triggers=True),
            CheckCase({**SETUP_GN, **INCOME, "earnings": 5}, triggers=False),
        ]
    return [
        CheckCase(rent(**{field_id: -5}), triggers=True),
        CheckCase(rent(**{field_id: 15}), triggers=False),
    ]


CHECK_CASES: dict[str, list[CheckCase]] = {
    "F5": [
        CheckCase({**SETUP_GN, "net_income_known": 0, "earnings": 300}, triggers=True, note="no frequency"),
        CheckCase({**SETUP_GN, "net_income_known": 0, "incfreq": 2}, triggers=True, note="no amount"),
        CheckCase({**SETUP_GN, **INCOME}, triggers=False),
        CheckCase({**SETUP_GN, "net_income_known": 1}, triggers=False),
    ],
    **{f"F6.{f}": _negative_cases(f) for f in ("earnings", "brent", "scharge", "pscharge", "supcharg")},
    "F8": [
        CheckCase(shortfall(tshortfall=150), triggers=True),
        CheckCase(shortfall(tshortfall=50), triggers=False),
        CheckCase(shortfall(tshortfall=100), triggers=False, note="equal to the total charge"),
    ],
    "F9": [
        CheckCase(shortfall(tshortfall=0), triggers=True),
        CheckCase(shortfall(tshortfall=Decimal("0.01")), triggers=False),
        CheckCase(shortfall(tshortfall_known=1), triggers=False),
    ],
    "F10": [
        CheckCase(rent(brent=5), triggers=True),
        CheckCase(rent(4, brent=40), triggers=True, note="£40 a month is £9.23 a week"),
        CheckCase(rent(brent=0), triggers=True),
        CheckCase(rent(brent=10), triggers=False),
        CheckCase(rent(4, brent=44), triggers=False, note="£44 a month is £10.15 a week"),
    ],
    "F12.scharge": [
        CheckCase(rent(scharge=801), triggers=True),
        CheckCase(rent(scharge=501), triggers=True, context=LA_OWNER),
        CheckCase(rent(2, scharge=1601), triggers=True, note="every 2 weeks"),
        CheckCase(rent(scharge=800), triggers=False),
        CheckCase(rent(2, scharge=1600), triggers=False),
        CheckCase(sh_rent(scharge=500), triggers=False, context=SH_LA),
    ],
    "F12.pscharge": [
        CheckCase(rent(pscharge=701), triggers=True),
        CheckCase(sh_rent(pscharge=201), triggers=True, context=SH_LA),
        CheckCase(rent(pscharge=700), triggers=False),
        CheckCase(rent(pscharge=200), triggers=False, context=LA_OWNER),
    ],
    "F12.supcharg": [
        CheckCase(rent(supcharg=801), triggers=True),
        CheckCase(rent(supcharg=201), triggers=True, context=LA_OWNER),
        CheckCase(rent(supcharg=800), triggers=False),
        CheckCase(sh_rent(supcharg=200), triggers=False, context=SH_LA),
    ],
    "F13": [
        CheckCase({**LEEDS_GN, "period": 1, "brent": 30}, triggers=True),
        CheckCase({**LEEDS_GN, "period": 4, "brent": 160}, triggers=True, note="£160 a month is £36.92 a week"),
        CheckCase(sh_rent(brent=20), triggers=True, context=SH, note="location's local authority, 0 bedrooms"),
        CheckCase({**LEEDS_GN, "period": 1, "brent": 40}, triggers=False, note="at the hard minimum"),
        CheckCase({**LEEDS_GN, "beds": 5, "period": 1, "brent": 100}, triggers=False),
        CheckCase({**LEEDS_GN, "la": "E09000033", "period": 1, "brent": 30}, triggers=False, note="no range"),
        CheckCase({**LEEDS_GN, "rent_type": 6, "period": 1, "brent": 30}, triggers=False, note="no range for 13-16"),
    ],
    "F14": [
        CheckCase({**LEEDS_GN, "period": 1, "brent": 600}, triggers=True),
        CheckCase({**LEEDS_GN, "period": 4, "brent": 2200}, triggers=True, note="£2,200 a month is £507.69 a week"),
        CheckCase(sh_rent(brent=701), triggers=True, context=SH),
        CheckCase({**LEEDS_GN, "period": 1, "brent": 500}, triggers=False, note="at the hard maximum"),
        CheckCase({**LEEDS_GN, "period": 1, "brent": 600}, triggers=False, context=LA_OWNER, note="no LA range"),
    ],
    "F15": [
        CheckCase(rent(4, brent=400), triggers=True, context={"managing_organisation": FEW_PERIODS}),
        CheckCase(rent(2, brent=400), triggers=False, context={"managing_organisation": FEW_PERIODS}),
        CheckCase(rent(4, brent=400), triggers=False),
    ],
    "F16": [
        CheckCase({**SETUP_GN, "hb": 1, "benefits": 3}, triggers=True),
        CheckCase({**SETUP_GN, "hb": 6, "benefits": 3}, triggers=True),
        CheckCase({**SETUP_GN, "hb": 9, "benefits": 3}, triggers=False),
        CheckCase({**SETUP_GN, "hb": 1, "benefits": 2}, triggers=False),
    ],
    "SCH": [
        CheckCase(rent(scharge=36), triggers=True),
        CheckCase(rent(scharge=26), triggers=True, context=LA_OWNER),
        CheckCase(sh_rent(scharge=201), triggers=True, context=SH),
        CheckCase(sh_rent(scharge=101), triggers=True, context=SH_LA),
        CheckCase(rent(scharge=35), triggers=False),
        CheckCase(rent(scharge=801), triggers=False, note="over the limit: F12 instead"),
        CheckCase(sh_rent(scharge=200), triggers=False, context=SH),
        CheckCase(rent(scharge=36, scharge_value_check=0), triggers=False, note="confirmed"),
    ],
    "PSCH": [
        CheckCase(rent(pscharge=36), triggers=True),
        CheckCase(sh_rent(pscharge=76), triggers=True, context=SH_LA),
        CheckCase(sh_rent(pscharge=101), triggers=True, context=SH),
        CheckCase(sh_rent(pscharge=100), triggers=False, context=SH),
        CheckCase(rent(pscharge=25), triggers=False, context=LA_OWNER),
        CheckCase(rent(pscharge=36, pscharge_value_check=0), triggers=False, note="confirmed"),
    ],
    "SUP": [
        CheckCase(rent(supcharg=26), triggers=True, context=LA_OWNER),
        CheckCase(sh_rent(supcharg=86), triggers=True, context=SH),
        CheckCase(sh_rent(supcharg=85), triggers=False, context=SH),
        CheckCase(sh_rent(supcharg=75), triggers=False, context=SH_LA),
        CheckCase(rent(supcharg=36, supcharg_value_check=0), triggers=False, note="confirmed"),
    ],
}

DERIVATION_CASES: dict[str, list[DerivationCase]] = {
    "earnings_whole_pounds": [
        DerivationCase({**SETUP_GN, **INCOME, "earnings": Decimal("250.50")}, {"earnings": 251}),
        DerivationCase({**SETUP_GN, **INCOME, "earnings": "99.49"}, {"earnings": 99}),
        DerivationCase({**SETUP_GN, **INCOME, "earnings": 300}, {"earnings": 300}),
    ],
    "incref": [
        DerivationCase({**SETUP_GN, "net_income_known": 0}, {"incref": 0}),
        DerivationCase({**SETUP_GN, "net_income_known": 1}, {"incref": 2}),
        DerivationCase({**SETUP_GN, "net_income_known": 2}, {"incref": 1}),
        DerivationCase({**SETUP_GN, "incref": 2}, {"incref": None}, note="cleared without net_income_known"),
    ],
    "tcharge": [
        DerivationCase(
            rent(brent=Decimal("100.50"), supcharg=10),
            {"scharge": 0, "pscharge": 0, "supcharg": 10, "tcharge": Decimal("110.50")},
        ),
        DerivationCase(rent(scharge=5), {"brent": 0, "tcharge": 5}),
        DerivationCase(rent(tcharge=99), {"tcharge": None}, note="a read-only output, never given"),
        DerivationCase(
            {**SETUP_SH, "household_charge": 1, "period": 1, "brent": 100, "tcharge": 100},
            {"brent": None, "tcharge": None},
            context=SH,
            note="no charges when the household pays none",
        ),
    ],
    "weekly_charges": [
        DerivationCase(
            rent(4, brent=100, scharge=10),
            {
                "wrent": Decimal("23.08"),
                "wscharge": Decimal("2.31"),
                "wpschrge": 0,
                "wsupchrg": 0,
                "wtcharge": Decimal("25.38"),
            },
        ),
        DerivationCase(rent(9, brent=100), {"wrent": Decimal("88.46"), "wtcharge": Decimal("88.46")}),
        DerivationCase({**SETUP_GN, "brent": 100, "wrent": 5}, {"wrent": None, "brent": None}),
    ],
    "wtshortfall": [
        DerivationCase({**shortfall(tshortfall=50), "period": 2, "hb": 6}, {"wtshortfall": Decimal("25.00")}),
        DerivationCase(shortfall(tshortfall=Decimal("20.50")), {"wtshortfall": Decimal("20.50")}),
        DerivationCase({**shortfall(tshortfall=50), "hb": 9}, {"wtshortfall": None, "tshortfall": None}),
    ],
    "has_benefits": [
        DerivationCase({**SETUP_GN, "hb": 6}, {"has_benefits": 1}),
        DerivationCase({**SETUP_GN, "hb": 1}, {"has_benefits": 1}),
        DerivationCase({**SETUP_GN, "hb": 9}, {"has_benefits": 0}),
        DerivationCase({**SETUP_GN, "hb": 3}, {"has_benefits": 0}),
        DerivationCase(dict(SETUP_GN), {"has_benefits": None}),
    ],
    "tshortfall_known": [
        DerivationCase(shortfall(tshortfall_known=1, tshortfall=20), {"tshortfall_known": 0, "tshortfall": 20}),
        DerivationCase(shortfall(tshortfall_known=1), {"tshortfall_known": 1}),
    ],
    "nocharge": [
        DerivationCase({**SETUP_SH, "household_charge": 1}, {"nocharge": 1}, context=SH),
        DerivationCase({**SETUP_SH, "household_charge": 0}, {"nocharge": 0}, context=SH),
        DerivationCase({**SETUP_GN, "household_charge": 1}, {"nocharge": None, "household_charge": None}),
    ],
}

PAGE_CASES: dict[str, list[PageCase]] = {
    "income_amount": [
        PageCase({**SETUP_GN, "net_income_known": 0}, shown=True),
        PageCase({**SETUP_GN, "net_income_known": 1}, shown=False),
        PageCase({**SETUP_GN, "net_income_known": 2}, shown=False),
        PageCase(dict(SETUP_GN), shown=False),
    ],
    # Shown when the net income soft check (NI, owned by household_characteristics) holds: a full-time lead tenant
    # alone with £800 a week is above the soft maximum (730) and within the hard maximum (1230), §5.5.
    "income_amount_net_income_value_check": [
        PageCase({**SETUP_GN, "hhmemb": 1, "ecstat1": 1, **INCOME, "earnings": 800}, shown=True),
        PageCase({**SETUP_GN, "hhmemb": 1, "ecstat1": 1, **INCOME, "earnings": 400}, shown=False),
    ],
    "rent_or_other_charges": [
        PageCase(dict(SETUP_SH), shown=True, context=SH),
        PageCase(dict(SETUP_GN), shown=False),
    ],
    "rent_period": [
        PageCase(dict(SETUP_GN), shown=True),
        PageCase({**SETUP_SH, "household_charge": 0}, shown=True, context=SH),
        PageCase(dict(SETUP_SH), shown=True, context=SH),
        PageCase({**SETUP_SH, "household_charge": 1}, shown=False, context=SH),
    ],
    "rent_weekly": [
        *(PageCase(rent(p), shown=True) for p in (1, 5, 6, 7, 8, 9, 10, 11)),
        PageCase(sh_rent(1), shown=True, context=SH),
        PageCase(rent(2), shown=False),
        PageCase(dict(SETUP_GN), shown=False),
        PageCase({**sh_rent(1), "household_charge": 1}, shown=False, context=SH),
    ],
    "rent_bi_weekly": [PageCase(rent(2), shown=True), PageCase(rent(1), shown=False)],
    "rent_4_weekly": [PageCase(rent(3), shown=True), PageCase(rent(4), shown=False)],
    "rent_monthly": [
        PageCase(rent(4), shown=True),
        PageCase(rent(3), shown=False),
        PageCase({**sh_rent(4), "household_charge": 1}, shown=False, context=SH),
    ],
    # Shown when the rent soft check (RENT, owned by property_information) holds: £200 a week is between the soft
    # maximum (150) and the hard maximum (500) of the Leeds range.
    "brent_rent_value_check": [
        PageCase({**LEEDS_GN, "period": 1, "brent": 200}, shown=True),
        PageCase({**LEEDS_GN, "period": 1, "brent": 100}, shown=False),
    ],
    "scharge_value_check": [
        PageCase(rent(scharge=36), shown=True),
        PageCase(rent(scharge=35), shown=False),
        PageCase(rent(scharge=36), shown=False, context={"owning_organisation": None}),
    ],
    "pscharge_value_check": [
        PageCase(rent(pscharge=36), shown=True),
        PageCase(rent(pscharge=25), shown=False, context=LA_OWNER),
    ],
    "supcharg_value_check": [
        PageCase(rent(supcharg=36), shown=True),
        PageCase(rent(supcharg=20), shown=False),
    ],
    "outstanding": [
        PageCase({**SETUP_GN, "hb": 1}, shown=True),
        PageCase({**SETUP_GN, "hb": 6}, shown=True),
        PageCase({**SETUP_SH, "hb": 6, "household_charge": 0}, shown=True, context=SH),
        PageCase({**SETUP_GN, "hb": 9}, shown=False),
        PageCase({**SETUP_SH, "hb": 1, "household_charge": 1}, shown=False, context=SH),
    ],
    "outstanding_amount": [
        PageCase({**SETUP_GN, "hb": 1, "hbrentshortfall": 1}, shown=True),
        PageCase({**SETUP_GN, "hb": 1, "hbrentshortfall": 2}, shown=False),
        PageCase({**SETUP_GN, "hb": 3, "hbrentshortfall": 1}, shown=False),
    ],
}


# The declaration


def test_pages_are_declared_in_the_standards_order():
    assert [p.id for p in income_and_benefits.PAGES] == [
        "income_known",
        "income_amount",
        "income_amount_net_income_value_check",
        "housing_benefit",
        "benefits_proportion",
        "rent_or_other_charges",
        "rent_period",
        "rent_weekly",
        "rent_bi_weekly",
        "rent_4_weekly",
        "rent_monthly",
        "brent_rent_value_check",
        "scharge_value_check",
        "pscharge_value_check",
        "supcharg_value_check",
        "outstanding",
        "outstanding_amount",
    ]
    assert income_and_benefits.SUBSECTION in LETTINGS_2026.subsections


def test_question_numbers_and_special_options():
    questions = {q.id: q for p in income_and_benefits.PAGES for q in p.questions}
    numbers = {qid: q.number for qid, q in questions.items() if q.number}
    assert numbers == {
        "net_income_known": 93,
        "incfreq": 94,
        "earnings": 95,
        "hb": 96,
        "benefits": 97,
        "household_charge": 98,
        "period": 99,
        "brent": 100,
        "scharge": 101,
        "pscharge": 102,
        "supcharg": 103,
        "hbrentshortfall": 104,
        "tshortfall_known": 105,
        "tshortfall": 105,
    }
    special = {
        qid: [(o.code, o.kind, o.divider_before) for o in q.options if o.kind is not OptionKind.ANSWER]
        for qid, q in questions.items()
        if any(o.kind is not OptionKind.ANSWER for o in q.options)
    }
    assert special == {
        "net_income_known": [(2, OptionKind.PREFERS_NOT_TO_SAY, True)],
        "hb": [(10, OptionKind.PREFERS_NOT_TO_SAY, False), (3, OptionKind.DONT_KNOW, True)],
        "benefits": [(4, OptionKind.DONT_KNOW, True)],
        "hbrentshortfall": [(3, OptionKind.DONT_KNOW, True)],
    }
    assert [o.code for o in questions["period"].options] == [2, 3, 4, 9, 8, 7, 6, 5, 11, 1, 10]


def test_rent_pages_ask_the_same_charges_with_their_period_suffix():
    suffixes = {}
    for page in income_and_benefits.PAGES:
        if page.id.startswith("rent_") and page.id not in ("rent_period", "rent_or_other_charges"):
            assert [q.id for q in page.questions] == ["brent", "scharge", "pscharge", "supcharg", "tcharge"]
            assert page.header == "Household rent and charges"
            suffixes[page.id] = {q.suffix for q in page.questions}
    assert suffixes == {
        "rent_weekly": {" every week"},
        "rent_bi_weekly": {" every 2 weeks"},
        "rent_4_weekly": {" every 4 weeks"},
        "rent_monthly": {" every month"},
    }


def test_interruption_pages_confirm_their_checks():
    confirms = {p.id: p.confirms for p in income_and_benefits.PAGES if p.confirms}
    assert confirms == {
        "income_amount_net_income_value_check": "NI",
        "brent_rent_value_check": "RENT",
        "scharge_value_check": "SCH",
        "pscharge_value_check": "PSCH",
        "supcharg_value_check": "SUP",
    }
    checks = {c.id: c for c in LETTINGS_2026.checks}
    for code, field_id in (("SCH", "scharge"), ("PSCH", "pscharge"), ("SUP", "supcharg")):
        assert checks[code].confirm_field == f"{field_id}_value_check"
        assert checks[code].fields == (field_id, "period", "needstype")


def test_rent_periods_offered_are_the_managing_organisations():
    offered = income_and_benefits.period.offered_options
    assert offered is not None
    assert offered({}, make_context()) == frozenset(ALL_RENT_PERIOD_CODES)
    assert offered({}, make_context(managing_organisation=FEW_PERIODS)) == frozenset({1, 2})
    assert offered({}, make_context(managing_organisation=None)) == frozenset(ALL_RENT_PERIOD_CODES)


def test_dependent_suffixes():
    suffix = income_and_benefits.suffix_for
    assert suffix("earnings", {"incfreq": 2}) == " every month"
    assert suffix("earnings", {}) == ""
    assert suffix("tshortfall", {"period": 4}) == " every calendar month"
    # Quirk §8 #5, fixed: weekly for 51 weeks has a suffix too.
    assert suffix("tshortfall", {"period": 11}) == " every week for 51 weeks"
    assert suffix("brent", {"period": 2}) == ""


# Shared helpers


@pytest.mark.parametrize(
    ("rent_type", "needstype", "provider", "expected"),
    [
        (0, 1, 2, 1),
        (0, 2, 2, 2),
        (0, 1, 1, 3),
        (0, 2, 1, 4),
        (1, 1, 2, 5),
        (2, 2, 1, 8),
        (3, 1, 2, 9),
        (5, 2, 1, 12),
        (6, 1, 2, 13),
        (6, 2, 1, 16),
        (7, 1, 2, None),
        (None, 1, 2, None),
        ("0", 1, 2, None),
        (0, 3, 2, None),
    ],
)
def test_lettype_of(rent_type, needstype, provider, expected):
    owner = OrganisationFacts(9, "Owner", provider_type=provider)
    assert lettype_for({"rent_type": rent_type, "needstype": needstype}, make_context(owning_organisation=owner)) == (
        expected
    )


def test_lettype_needs_an_owning_organisation():
    assert lettype_for({"rent_type": 0, "needstype": 1}, make_context(owning_organisation=None)) is None
    assert lettype_for({"rent_type": 0, "needstype": 1}, None) is None


def test_rent_range_lookup():
    found = rent_range_for({**LEEDS_GN}, make_context())
    assert found is not None
    assert found.hard_max == Decimal("500")
    assert rent_range_for({**SETUP_SH}, supported_context()) is not None  # the location's LA, 0 bedrooms
    assert rent_range_for({**LEEDS_GN, "beds": None}, make_context()) is None
    assert rent_range_for({**LEEDS_GN, "startdate": None}, make_context()) is None
    assert rent_range_for({**LEEDS_GN, "beds": "2"}, make_context()) is None
    assert rent_range_for({**LEEDS_GN}, None) is None


# Messages


def messages(answers: dict[str, Any], **context: Any) -> dict[tuple[str, str], str]:
    outcome = evaluate(answers, make_context(**context))
    return {(i.check_id, i.field): i.message for i in outcome.errors + outcome.warnings}


def test_charge_limit_message_gives_the_limit_for_the_period():
    found = messages(rent(2, scharge=1700))
    expected = (
        "Enter a value for the service charge between £0 and £1,600.00 paid every 2 weeks. £1,600.00 is the max "
        "limit for rent and charges paid every 2 weeks for general needs lettings owned by a private registered "
        "provider."
    )
    assert found[("F12.scharge", "scharge")] == expected
    assert found[("F12.scharge", "period")] == expected
    found = messages(sh_rent(4, supcharg=900), **SH_LA)
    assert found[("F12.supcharg", "supcharg")] == (
        "Enter a value for the support charge between £0 and £866.67 paid every calendar month. £866.67 is the max "
        "limit for rent and charges paid every calendar month for supported housing lettings owned by a local "
        "authority."
    )
    assert ("F12.scharge", "scharge") not in found


def test_rent_period_message_names_the_organisation_and_period():
    found = messages(rent(4, brent=400), managing_organisation=FEW_PERIODS)
    assert found[("F15", "period")] == (
        "Small Homes does not use every calendar month as a rent period. Choose another rent period, or a data "
        "coordinator can add rent periods to your organisation."
    )
    assert found[("F15", "managing_organisation_id")] == (
        "Small Homes does not use every calendar month as a rent period. Set another rent period on this log, or a "
        "data coordinator can add rent periods to this organisation."
    )


def test_income_pair_messages():
    assert messages({**SETUP_GN, "net_income_known": 0, "earnings": 300}) == {
        ("F5", "incfreq"): "Select how often the household receives income.",
        ("F5", "earnings"): "Select how often the household receives income.",
    }
    assert messages({**SETUP_GN, "net_income_known": 0, "incfreq": 1}) == {
        ("F5", "incfreq"): "Enter how much income the household has in total.",
        ("F5", "earnings"): "Enter how much income the household has in total.",
    }


def test_rent_range_messages_flag_every_field_of_the_standard():
    found = messages({**LEEDS_GN, "period": 1, "brent": 30})
    fields = [field for check, field in found if check == "F13"]
    assert fields == [
        "brent",
        "beds",
        "uprn",
        "la",
        "postcode_known",
        "scheme_id",
        "location_id",
        "rent_type",
        "needstype",
        "period",
    ]
    assert found[("F13", "brent")] == (
        "Rent is below the absolute minimum expected for a property of this type. Please check the rent, rent "
        "period, local authority and (if general needs) number of bedrooms."
    )


def test_soft_charge_messages_say_what_was_entered():
    # Quirk §8 #3, fixed: the service charge message says what was entered, like the other two.
    found = messages(rent(1, brent=100, scharge=Decimal("1234.5")), owning_organisation=OWNER_LA)
    assert ("SCH", "scharge") not in found  # over the local authority limit of £500: a hard error instead
    found = messages(rent(3, brent=400, scharge=Decimal("160.5"), pscharge=200, supcharg=150))
    assert found[("SCH", "scharge")] == (
        "You told us the service charge is £160.50 every 4 weeks. This is higher than we would expect."
    )
    assert found[("PSCH", "pscharge")] == (
        "You told us the personal service charge is £200.00 every 4 weeks. This is higher than we would expect."
    )
    assert found[("SUP", "supcharg")] == (
        "You told us the support charge is £150.00 every 4 weeks. This is higher than we would expect."
    )


# Behaviour across the subsection

COMPLETE_GN: dict[str, Any] = {
    **SETUP_GN,
    **INCOME,
    "hb": 1,
    "benefits": 2,
    "period": 1,
    "brent": 100,
    "scharge": 10,
    "pscharge": 0,
    "supcharg": 0,
    "hbrentshortfall": 1,
    "tshortfall_known": 0,
    "tshortfall": 20,
}


def test_a_finished_subsection_is_completed():
    outcome = evaluate(COMPLETE_GN)
    assert outcome.errors == []
    assert outcome.warnings == []
    assert outcome.subsections["income_and_benefits"] is Status.COMPLETED
    assert outcome.answers["tcharge"] == 110
    assert outcome.answers["wtcharge"] == Decimal("110.00")


def test_outstanding_amount_is_optional_when_it_cannot_be_estimated():
    answers = {**COMPLETE_GN, "tshortfall_known": 1}
    del answers["tshortfall"]
    assert evaluate(answers).subsections["income_and_benefits"] is Status.COMPLETED
    answers["tshortfall_known"] = 0
    outcome = evaluate(answers)
    assert outcome.missing.get("income_and_benefits") == ["tshortfall"]


def test_the_total_charge_is_never_required():
    answers = {k: v for k, v in COMPLETE_GN.items() if k not in ("brent", "scharge", "pscharge", "supcharg")}
    outcome = evaluate(answers)
    assert outcome.missing.get("income_and_benefits") == ["brent", "scharge", "pscharge", "supcharg"]


def test_soft_charge_check_needs_its_confirmation_which_is_cleared_when_no_longer_needed():
    high = {**COMPLETE_GN, "scharge": 50}
    outcome = evaluate(high)
    assert [(w.check_id, w.confirm_field) for w in outcome.warnings] == [("SCH", "scharge_value_check")]
    assert outcome.missing.get("income_and_benefits") == ["scharge_value_check"]
    confirmed = evaluate({**high, "scharge_value_check": 0})
    assert confirmed.warnings == []
    assert confirmed.subsections["income_and_benefits"] is Status.COMPLETED
    assert evaluate({**COMPLETE_GN, "scharge_value_check": 0}).cleared == {"scharge_value_check": 0}


def test_supported_housing_without_charges_asks_no_rent():
    answers = {**SETUP_SH, **INCOME, "hb": 9, "benefits": 3, "household_charge": 1}
    outcome = evaluate(answers, supported_context())
    assert outcome.errors == []
    assert outcome.subsections["income_and_benefits"] is Status.COMPLETED
    assert outcome.answers["nocharge"] == 1
    assert "tcharge" not in outcome.answers


@pytest.mark.parametrize(
    ("answers", "cleared"),
    [
        # F1: an outstanding amount without a shortfall
        ({**COMPLETE_GN, "hbrentshortfall": 2}, {"tshortfall_known", "tshortfall"}),
        # F7: a shortfall without housing benefit
        ({**COMPLETE_GN, "hb": 9}, {"hbrentshortfall", "tshortfall_known", "tshortfall"}),
        ({**COMPLETE_GN, "hb": 3}, {"hbrentshortfall", "tshortfall_known", "tshortfall"}),
        # F11: charges with "does not pay charges"
        (
            {**SETUP_SH, **INCOME, "hb": 9, "benefits": 3, "household_charge": 1, "period": 1, "brent": 100},
            {"period", "brent"},
        ),
    ],
)
def test_inert_checks_cannot_fire_because_their_answers_are_cleared_first(answers, cleared):
    outcome = evaluate(answers, supported_context() if answers.get("needstype") == 2 else None)
    assert cleared <= set(outcome.cleared)
    assert outcome.errors == []


def test_income_is_stored_in_whole_pounds_in_every_channel():
    outcome = evaluate({**SETUP_GN, **INCOME, "earnings": "1,250.50"})
    assert outcome.answers["earnings"] == 1251
    assert outcome.derived["earnings"] == 1251
    assert evaluate(outcome.answers).answers["earnings"] == 1251


# Robustness: random answers for this subsection's fields never raise, and evaluating twice changes nothing

KEYS = st.sampled_from(
    [
        "net_income_known",
        "incfreq",
        "earnings",
        "hb",
        "benefits",
        "household_charge",
        "period",
        "brent",
        "scharge",
        "pscharge",
        "supcharg",
        "tcharge",
        "hbrentshortfall",
        "tshortfall_known",
        "tshortfall",
        "scharge_value_check",
        "wtshortfall",
        "wtcharge",
        "needstype",
        "la",
        "beds",
        "rent_type",
        "startdate",
    ]
)
VALUES = st.one_of(
    st.none(),
    st.integers(-5, 2000),
    st.sampled_from(["", "x", "2", "1.5", "E08000035", True]),
    st.decimals(min_value=-10, max_value=5000, places=2, allow_nan=False),
)


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(KEYS, VALUES, max_size=14), st.sampled_from([None, "la", "sh"]))
def test_random_answers_never_raise_and_outcomes_are_idempotent(answers, kind):
    context = {"la": make_context(**LA_OWNER), "sh": supported_context()}.get(kind or "", make_context())
    outcome = evaluate({**SETUP_GN, **answers}, context)
    again = evaluate(outcome.answers, context)
    assert again.answers == outcome.answers
    assert again.errors == outcome.errors
    assert again.warnings == outcome.warnings
    assert again.cleared == {}
