"""Pieces the 2026/27 lettings subsections share: option lists, conditions, money helpers, interruption questions."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from collect.rulebook import F, Option, Question, QuestionKind
from collect.rulebook.conditions import Condition, remembered
from collect.standards.answers import CONFIRM, answer_number, as_code, as_date, as_text, confirmation, money
from collect.standards.calendar import collection_start_year
from collect.standards.lettings.context import LettingsContext, RentRange

START_YEAR = 2026
PERSONS = tuple(range(2, 9))  # household members 2 to 8 have their own questions
ALL_PERSONS = tuple(range(1, 9))

YES_NO = (Option(1, "Yes"), Option(0, "No"))

# Every page outside Setup needs the setup subsection done (lettings-2026.md §7.3); the engine sets this flag.
SETUP_DONE_FLAG = "setup_done"
SETUP_DONE: Condition = F(SETUP_DONE_FLAG).is_true()
# "renewal != 1": an unanswered renewal counts as not a renewal (§0).
NOT_RENEWAL: Condition = F("renewal") != 1
RENEWAL: Condition = F("renewal") == 1
GENERAL_NEEDS: Condition = F("needstype") == 1
SUPPORTED_HOUSING: Condition = F("needstype") == 2

# Weeks in a year for each rent period code (§4.2).
WEEKS_IN_PERIOD: Mapping[int, int] = {1: 52, 2: 26, 3: 13, 4: 12, 5: 50, 6: 49, 7: 48, 8: 47, 9: 46, 10: 53, 11: 51}
WEEKS_IN_YEAR = 52
PENNY = Decimal("0.01")
LOCAL_AUTHORITY, PRIVATE_REGISTERED_PROVIDER = 1, 2


def weekly(value: Any, period: Any) -> Decimal | None:
    """An amount paid every `period` as a weekly amount to the penny: value / 52 * weeks (§4.2)."""
    amount = money(value)
    weeks = WEEKS_IN_PERIOD.get(period) if isinstance(period, int) else None
    if amount is None or weeks is None or not amount.is_finite():
        return None
    try:
        if weeks == WEEKS_IN_YEAR:  # paid weekly: the amount itself, to the penny
            return amount.quantize(PENNY, rounding=ROUND_HALF_UP)
        return (amount * weeks / WEEKS_IN_YEAR).quantize(PENNY, rounding=ROUND_HALF_UP)
    except ArithmeticError:  # too large to hold to the penny: not a real amount
        return None


# Reading answers and context defensively, and rent-type groups (lettings-2026.md §4.2–§4.3), shared by the setup
# and property subsections and the RENT trigger. Rules built on these never raise on odd answers.

# rent_type → renttype: 1 social, 2 affordable, 3 intermediate, 4 specified accommodation.
RENTTYPE_FROM_RENT_TYPE: Mapping[int, int] = {0: 1, 1: 2, 2: 2, 3: 3, 4: 3, 5: 3, 6: 4}
# Letting type by (renttype, needstype, owning organisation's provider type) (§4.2): within each rent type group,
# general needs PRP, general needs LA, supported housing PRP, supported housing LA.
_LETTYPE_ORDER = (
    (1, PRIVATE_REGISTERED_PROVIDER),
    (1, LOCAL_AUTHORITY),
    (2, PRIVATE_REGISTERED_PROVIDER),
    (2, LOCAL_AUTHORITY),
)
_LETTYPES: Mapping[tuple[int, int, int], int] = {
    (renttype, needstype, provider): code
    for renttype, codes in {1: (1, 3, 2, 4), 2: (5, 7, 6, 8), 3: (9, 11, 10, 12), 4: (13, 15, 14, 16)}.items()
    for (needstype, provider), code in zip(_LETTYPE_ORDER, codes, strict=True)
}
# renttype 1 or 2 (social or affordable rent), read from the rent type answer rather than the derived `renttype`, so
# that routing before the derivations (which clears answers off the route) sees it (§2.2 tenancy length pages).
SOCIAL_OR_AFFORDABLE_RENT: Condition = F("rent_type").one_of(
    *(code for code, renttype in RENTTYPE_FROM_RENT_TYPE.items() if renttype in (1, 2))
)
RENT_RANGE_BEDS_CAP = 4  # general needs rent ranges stop at 4 bedrooms (LaRentRange::MAX_BEDS)


def lettings_context(context: Any) -> LettingsContext | None:
    """The context when it is a LettingsContext, else None (rules then treat context facts as unknown)."""
    return context if isinstance(context, LettingsContext) else None


def owner_provider_type(context: Any) -> int | None:
    """The owning organisation's provider type, or None when unknown (never raises)."""
    known = lettings_context(context)
    owner = known.owning_organisation if known else None
    return owner.provider_type if owner else None


def renttype_for(answers: Mapping[str, Any]) -> int | None:
    """The rent type group of the log's rent type (§4.2), or None."""
    rent_type = as_code(answers.get("rent_type"))
    return RENTTYPE_FROM_RENT_TYPE.get(rent_type) if rent_type is not None else None


def lettype_for(answers: Mapping[str, Any], context: Any) -> int | None:
    """The letting type 1–16 from renttype, needstype and the owning organisation's provider type (§4.2)."""
    renttype, needstype = renttype_for(answers), as_code(answers.get("needstype"))
    provider = owner_provider_type(context)
    if renttype is None or needstype is None or provider is None:
        return None
    return _LETTYPES.get((renttype, needstype, provider))


def property_la(answers: Mapping[str, Any], context: Any) -> str | None:
    """The property's local authority as the standard reads it (§4.3): the answer, else the SH location's."""
    la = as_text(answers.get("la"))
    if la is not None:
        return la
    known = lettings_context(context)
    if known and known.location is not None and answers.get("location_id") is not None:
        return as_text(known.location.local_authority_code)
    return None


def beds_for_rent_range(answers: Mapping[str, Any]) -> int | None:
    """Bedrooms for the rent range look-up (§4.3): 0 for supported housing, else min(beds, 4)."""
    if answers.get("needstype") == 2:
        return 0
    beds = answers.get("beds")
    if isinstance(beds, bool) or not isinstance(beds, (int, Decimal)):
        return None
    return min(int(beds), RENT_RANGE_BEDS_CAP)


# The suffix of the rent questions by rent period (the brent question of the routed rent page, §2.7).
RENT_PERIOD_SUFFIX: Mapping[int, str] = {
    **dict.fromkeys((1, 5, 6, 7, 8, 9, 10, 11), " every week"),
    2: " every 2 weeks",
    3: " every 4 weeks",
    4: " every month",
}


# The confirmation of the RENT soft check, asked on the property and finances interruption pages (§5.3).
RENT_VALUE_CHECK = Question(
    "rent_value_check",
    QuestionKind.INTERRUPTION,
    "Are you sure this is correct?",
    "Total rent confirmation",
    hint="Check the following:\n- the decimal point\n- the frequency, for example every week or every calendar "
    "month\n- the rent type is correct, for example affordable or social rent",
    options=CONFIRM,
)


@remembered(reads=("startdate", "rent_type", "needstype", "la", "location_id", "beds"))
def rent_range_for(answers: Mapping[str, Any], context: Any) -> RentRange | None:
    """The expected weekly rent range of the log (§5.4), or None when there is none or something is missing.

    Looked up by the collection year of the start date, the letting type (computed from the answers, not the stored
    `lettype`, so routing before derivations sees it), the property's local authority (the answer, else the
    supported housing location's) and the bedrooms (0 for supported housing, at most 4 for general needs).
    """
    known = lettings_context(context)
    startdate = as_date(answers.get("startdate"))
    lettype, la, beds = lettype_for(answers, context), property_la(answers, context), beds_for_rent_range(answers)
    if known is None or startdate is None or lettype is None or la is None or beds is None:
        return None
    return known.refdata.rent_range(collection_start_year(startdate), lettype, la, beds)


# Household members and income (lettings-2026.md §4.3, §5.5): read-time helpers shared by the household and income
# subsections and by the soft-check triggers.

MAX_PEOPLE_WITH_DETAILS = 8
INCOME_FREQUENCIES: Mapping[int, str] = {1: "weekly", 2: "monthly", 3: "yearly"}


def people_with_details(answers: Mapping[str, Any]) -> int:
    """How many people have their own questions: min(hhmemb or 8, 8) (§4.3)."""
    members = answer_number(answers.get("hhmemb"))
    if members is None:
        return MAX_PEOPLE_WITH_DETAILS
    return max(0, min(int(members), MAX_PEOPLE_WITH_DETAILS))


def weekly_net_income(answers: Mapping[str, Any]) -> Decimal | None:
    """The household's income per week (§4.3): monthly * 12 / 52 and yearly / 52, rounded to whole pounds."""
    earnings = answer_number(answers.get("earnings"))
    frequency = answers.get("incfreq")
    if earnings is None:
        return None
    if frequency == 1:
        return earnings
    if frequency == 2:
        return (earnings * 12 / 52).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    if frequency == 3:
        return (earnings / 52).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    return None


@dataclass(frozen=True)
class IncomeRange:
    """Expected weekly household income, in pounds (§5.5)."""

    soft_min: int
    soft_max: int
    hard_min: int
    hard_max: int

    def __add__(self, other: IncomeRange) -> IncomeRange:
        return IncomeRange(
            self.soft_min + other.soft_min,
            self.soft_max + other.soft_max,
            self.hard_min + other.hard_min,
            self.hard_max + other.hard_max,
        )


# Weekly income ranges by working situation (ecstat code), summed over the household (§5.5).
INCOME_RANGES: Mapping[int, IncomeRange] = {
    1: IncomeRange(143, 730, 90, 1230),
    2: IncomeRange(67, 620, 50, 950),
    3: IncomeRange(80, 480, 40, 990),
    4: IncomeRange(50, 370, 10, 450),
    5: IncomeRange(50, 380, 10, 1000),
    6: IncomeRange(53, 540, 10, 890),
    7: IncomeRange(47, 460, 10, 1300),
    8: IncomeRange(54, 460, 10, 2000),
    9: IncomeRange(50, 450, 10, 750),
    0: IncomeRange(50, 580, 10, 1040),
    10: IncomeRange(47, 730, 10, 2000),
}
CHILD_UNDER_16, PREFERS_NOT_TO_SAY_WORKING = 9, 10


def _range_of(code: Any) -> IncomeRange | None:
    return INCOME_RANGES.get(code) if isinstance(code, int) and not isinstance(code, bool) else None


@remembered(reads=("ecstat1", "hhmemb", *(f"{name}{n}" for n in PERSONS for name in ("ecstat", "age"))))
def applicable_income_range(answers: Mapping[str, Any]) -> IncomeRange | None:
    """The household's expected income range (§5.5), or None without the lead tenant's situation or hhmemb.

    The lead tenant's range plus, for each person 2 to people_with_details, their working situation's range; a
    person without one counts as a child under 16 when aged under 16, otherwise as "prefers not to say".
    """
    get = answers.get
    lead = _range_of(get("ecstat1"))
    members = answer_number(get("hhmemb"))
    if lead is None or members is None:
        return None
    if members <= 1:
        return lead
    soft_min, soft_max, hard_min, hard_max = lead.soft_min, lead.soft_max, lead.hard_min, lead.hard_max
    for ecstat_key, age_key in _INCOME_KEYS[: people_with_details(answers) - 1]:
        found = _range_of(get(ecstat_key))
        if found is None:
            age = answer_number(get(age_key))
            found = INCOME_RANGES[CHILD_UNDER_16 if age is not None and age < 16 else PREFERS_NOT_TO_SAY_WORKING]
        soft_min, soft_max = soft_min + found.soft_min, soft_max + found.soft_max
        hard_min, hard_max = hard_min + found.hard_min, hard_max + found.hard_max
    return IncomeRange(soft_min, soft_max, hard_min, hard_max)


# (working situation, age) answer ids of persons 2 to 8, for the income range
_INCOME_KEYS = tuple((f"ecstat{n}", f"age{n}") for n in PERSONS)


def net_income_soft_range(answers: Mapping[str, Any]) -> str | None:
    """The word "higher" or "lower" when the weekly income is in a soft band of the expected range (NI)."""
    weekly = weekly_net_income(answers)
    if weekly is None:  # no income given: no need to work out the expected range
        return None
    expected = applicable_income_range(answers)
    if expected is None:
        return None
    if expected.soft_max <= weekly <= expected.hard_max:
        return "higher"
    if expected.hard_min <= weekly <= expected.soft_min:
        return "lower"
    return None


# Confirmation questions of the household soft checks whose interruption pages appear in several subsections (§5.3).
PREGNANCY_VALUE_CHECK = confirmation("pregnancy_value_check", "Are you sure this is correct?", "Pregnancy confirmation")
NET_INCOME_VALUE_CHECK = confirmation(
    "net_income_value_check", "Are you sure this is correct?", "Net income confirmation"
)
WORKING_SITUATION_ILLNESS_CHECK = confirmation(
    "working_situation_illness_check", "Are you sure this is correct?", "Working situation illness confirmation"
)
