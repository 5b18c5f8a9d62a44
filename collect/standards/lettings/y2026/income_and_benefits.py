"""Income, benefits and outgoings (lettings 2026/27): pages, checks and derivations (lettings-2026.md §2.7, §3.7).

Checks of §5.2 owned here: F5, F6, F8, F9, F10, F12, F13, F14, F15, F16; soft checks SCH, PSCH, SUP (§5.3).
The rent (RENT, owned by property_information) and net income (NI, owned by household_characteristics) soft checks
have an interruption page here that confirms them.

Not declared, because they can never fire once answers on pages that are not shown are cleared (§0), which happens
before any check runs (they are as inert as the legacy F17 care-home checks):
- F1 (outstanding amount without a shortfall): `tshortfall` is only on a page shown when `hbrentshortfall == 1`.
- F7 (shortfall but no housing benefit): `hbrentshortfall` is only on a page shown when `hb` is 1 or 6.
- F11 (charges answered twice): `chcharge` is not collected in 2026, and the charges (so `tcharge`) are only on pages
  shown when `household_charge` is 0 or unanswered.
tests/standards/lettings/test_income_and_benefits.py shows that answers that would trigger them are cleared.

Quirk §8 #9: the bulk upload "charges all-or-none" row check is skipped when SH and field 142 (basic rent) == 1,
probably meant as field 140 == 1 ("does not pay charges"). It belongs to the bulk upload row checks (§6.4), not to this
declaration; decision for the bulk upload parser: fix, skip the check when the letting is SH and field 140 == 1.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping, MutableMapping
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from collect.rulebook import Check, Derivation, F, Option, Page, Pred, Question, QuestionKind, Severity, Subsection
from collect.rulebook.conditions import Condition, always, remembered
from collect.rulebook.declaration import OptionKind, Stage
from collect.standards.answers import as_code, interruption
from collect.standards.codes import ALL_RENT_PERIOD_CODES, RENT_PERIOD_LABELS, RENT_PERIODS
from collect.standards.lettings.context import LettingsContext
from collect.standards.lettings.y2026 import triggers
from collect.standards.lettings.y2026.common import (
    GENERAL_NEEDS,
    LOCAL_AUTHORITY,
    PRIVATE_REGISTERED_PROVIDER,
    SETUP_DONE,
    SUPPORTED_HOUSING,
    WEEKS_IN_PERIOD,
    owner_provider_type,
    rent_range_for,
    weekly,
)

Answers = Mapping[str, Any]

# --------------------------------------------------------------------------------------------------------------------
# Codes and small helpers

HOUSING_BENEFIT, UNIVERSAL_CREDIT = 1, 6
RECEIVES_HOUSING_BENEFITS = (HOUSING_BENEFIT, UNIVERSAL_CREDIT)
# hb codes that count as "has benefits" in the derived variable (7 and 8 are older years' codes).
HAS_BENEFITS_CODES = frozenset({1, 6, 7, 8})
# net_income_known → incref (the encoded table of §4.1): 0 known, 1 refused, 2 not known.
INCREF_OF_NET_INCOME_KNOWN: Mapping[int, int] = {0: 0, 1: 2, 2: 1}
WEEKLY_PERIODS = (1, 5, 6, 7, 8, 9, 10, 11)
CHARGES = ("brent", "scharge", "pscharge", "supcharg")
MONEY_STEP = Decimal("0.01")


def _amount(value: Any) -> Decimal | None:
    """A money answer as a finite Decimal (ints and Decimals only; anything else is not an amount)."""
    if type(value) is Decimal:  # the common case: Decimal(value) would be an equal copy
        return value if value.is_finite() else None
    if isinstance(value, bool) or not isinstance(value, (int, Decimal)):
        return None
    amount = Decimal(value)
    return amount if amount.is_finite() else None


def _weekly(answers: Answers, field_id: str) -> Decimal | None:
    """A charge paid every rent period as a weekly amount (§4.2), or None."""
    amount = _amount(answers.get(field_id))
    return None if amount is None else weekly(amount, as_code(answers.get("period")))


def _pounds(amount: Decimal) -> str:
    """Money as the standard writes it in messages: £1,234.50."""
    return f"£{amount.quantize(MONEY_STEP, rounding=ROUND_HALF_UP):,.2f}"


def _period_label(answers: Answers) -> str:
    """The rent period as the standard quotes it in messages ("every 2 weeks", "weekly for 52 weeks")."""
    period = as_code(answers.get("period"))
    return RENT_PERIOD_LABELS.get(period, "").lower() if period is not None else ""


# --------------------------------------------------------------------------------------------------------------------
# Questions

PAYS_CHARGES: Condition = (F("household_charge") == 0) | F("household_charge").missing()

net_income_known = Question(
    "net_income_known",
    QuestionKind.RADIO,
    "Do you know the household’s combined income after tax?",
    "Household’s combined total income after tax",
    number=93,
    options=(
        Option(0, "Yes"),
        Option(1, "No"),
        Option(2, "Tenant prefers not to say", kind=OptionKind.PREFERS_NOT_TO_SAY, divider_before=True),
    ),
)
incfreq = Question(
    "incfreq",
    QuestionKind.RADIO,
    "How often does the household receive this amount?",
    "How often the household receives this amount",
    number=94,
    options=(Option(1, "Weekly"), Option(2, "Monthly"), Option(3, "Yearly")),
)
# Quirk §8 #1: earnings is a whole number of pounds in the standard (an integer column), but the question accepts
# pence; the national web form truncates them and bulk upload rounds. Decision: keep whole pounds (the published data
# and its statistics are whole pounds) and round half up in every channel (derivation "earnings_whole_pounds"), so
# the web form and bulk upload store the same value.
earnings = Question(
    "earnings",
    QuestionKind.NUMERIC,
    "How much income does the household have in total?",
    "Total household income",
    number=95,
    minimum=0,
    step=MONEY_STEP,
    prefix="£",
    width=5,
)
hb = Question(
    "hb",
    QuestionKind.RADIO,
    "Is the household likely to be receiving any of these housing-related benefits?",
    "Housing-related benefits received",
    hint=(
        "This is about when the tenant is in their new let. If they are unsure about the situation for their new let "
        "and their financial and working situation hasn’t changed significantly, answer based on what "
        "housing-related benefits they currently receive."
    ),
    number=96,
    options=(
        Option(1, "Housing benefit"),
        Option(6, "Universal Credit housing element"),
        Option(9, "Neither"),
        Option(10, "Tenant prefers not to say", kind=OptionKind.PREFERS_NOT_TO_SAY),
        Option(3, "Don’t know", kind=OptionKind.DONT_KNOW, divider_before=True),
    ),
)
benefits = Question(
    "benefits",
    QuestionKind.RADIO,
    "How much of the household’s income is from Universal Credit, state pensions or benefits?",
    "Household income from Universal Credit, state pension or benefit",
    hint="This excludes child and housing benefit, council tax support and tax credits.",
    number=97,
    options=(
        Option(1, "All"),
        Option(2, "Some"),
        Option(3, "None"),
        Option(4, "Don’t know", kind=OptionKind.DONT_KNOW, divider_before=True),
    ),
)
household_charge = Question(
    "household_charge",
    QuestionKind.RADIO,
    "Does the household pay rent or other charges for the accommodation?",
    "Does the household pay rent or charges",
    hint=(
        "If rent is charged on the property then answer ‘Yes’ to this question, even if the tenants do not pay it "
        "themselves."
    ),
    number=98,
    options=(Option(0, "Yes"), Option(1, "No")),
)


def offered_rent_periods(answers: Answers, context: Any) -> frozenset[Any]:
    """The rent periods offered: those the managing organisation uses (all of them when it is not known yet)."""
    every = frozenset(ALL_RENT_PERIOD_CODES)
    if not isinstance(context, LettingsContext) or context.managing_organisation is None:
        return every
    return every & context.managing_organisation.rent_periods


period = Question(
    "period",
    QuestionKind.RADIO,
    "How often does the household pay rent and other charges?",
    "Frequency of household rent and charges",
    hint=(
        "Select how often the household is charged. This may be different to how often they pay. "
        "Only options relevant to your organisation are shown below. To change these, go to the "
        "'About your organisation' page or contact our helpdesk using the link at the bottom of this page."
    ),
    number=99,
    options=tuple(Option(code, label) for code, label in RENT_PERIODS),
    offered_options=offered_rent_periods,
)

# The rent and charges are asked on one of four pages, by rent period; their suffix says how often.
PAGE_SUFFIX_OF_PERIOD: Mapping[int, str] = {
    **dict.fromkeys(WEEKLY_PERIODS, " every week"),
    2: " every 2 weeks",
    3: " every 4 weeks",
    4: " every month",
}
_CHARGE_TEXT: Mapping[str, tuple[int, str, str, str]] = {
    "brent": (
        100,
        "What is the basic rent?",
        "Basic rent",
        "This is the amount paid before any charges are added for services (for example, hot water or cleaning). "
        "Households may receive housing benefit or Universal Credit towards basic rent.",
    ),
    "scharge": (
        101,
        "What is the service charge?",
        "Service charge",
        "For example, for cleaning. Households may receive housing benefit or Universal Credit towards the service "
        "charge.",
    ),
    "pscharge": (
        102,
        "What is the personal service charge?",
        "Personal service charge",
        "For example, for heating or hot water. This doesn’t include housing benefit or Universal Credit.",
    ),
    "supcharg": (
        103,
        "What is the support charge?",
        "Support charge",
        "Any charges made to fund support services included in tenancy agreement.",
    ),
}


def _rent_questions(suffix: str) -> tuple[Question, ...]:
    charges = tuple(
        Question(
            field_id,
            QuestionKind.NUMERIC,
            text,
            label,
            hint=hint,
            number=number,
            minimum=0,
            step=MONEY_STEP,
            prefix="£",
            suffix=suffix,
            width=5,
        )
        for field_id, (number, text, label, hint) in _CHARGE_TEXT.items()
    )
    # The total is a read-only output: always worked out from the four charges (derivation "tcharge"), never required
    # (§7.2); it is hidden in check your answers.
    total = Question(
        "tcharge",
        QuestionKind.NUMERIC,
        "Total charge",
        "Household rent and charges",
        hint="This is the total for rent and all charges.",
        minimum=0,
        step=MONEY_STEP,
        prefix="£",
        suffix=suffix,
        width=5,
        optional_when=always,
        derived_when=always,
    )
    return (*charges, total)


hbrentshortfall = Question(
    "hbrentshortfall",
    QuestionKind.RADIO,
    "After the household has received any housing-related benefits, will they still need to pay for rent and charges?",
    "Any outstanding amount for basic rent and charges",
    hint="Also known as the ‘outstanding amount’.",
    number=104,
    options=(
        Option(1, "Yes"),
        Option(2, "No"),
        Option(3, "Don’t know", kind=OptionKind.DONT_KNOW, divider_before=True),
    ),
)
tshortfall_known = Question(
    "tshortfall_known",
    QuestionKind.RADIO,
    "Can you estimate the outstanding amount?",
    "Outstanding amount known",
    hint="You only need to give an approximate figure.",
    number=105,
    options=(Option(0, "Yes"), Option(1, "No")),
)
tshortfall = Question(
    "tshortfall",
    QuestionKind.NUMERIC,
    "Estimated outstanding amount",
    "Estimated outstanding amount",
    number=105,
    minimum=0,
    step=MONEY_STEP,
    prefix="£",
    width=5,
    revealed_by=("tshortfall_known", frozenset({0})),
    optional_when=F("tshortfall_known") == 1,
)


@dataclasses.dataclass(frozen=True)
class DependentSuffix:
    """A suffix that depends on another answer (the engine's `Question.suffix` is fixed, so forms read this)."""

    on: str
    labels: Mapping[int, str]

    def for_answers(self, answers: Answers) -> str:
        """The suffix for these answers ("" when the other answer is missing)."""
        code = as_code(answers.get(self.on))
        return self.labels.get(code, "") if code is not None else ""


# Quirk §8 #5: the national form shows no suffix for period 11 (weekly for 51 weeks) on the outstanding amount.
# Decision: fix; it is a missing label with no effect on the data, so 11 reads " every week for 51 weeks".
DEPENDENT_SUFFIXES: Mapping[str, DependentSuffix] = {
    "earnings": DependentSuffix("incfreq", {1: " every week", 2: " every month", 3: " every year"}),
    "tshortfall": DependentSuffix(
        "period",
        {
            2: " every 2 weeks",
            3: " every 4 weeks",
            4: " every calendar month",
            5: " every week for 50 weeks",
            6: " every week for 49 weeks",
            7: " every week for 48 weeks",
            8: " every week for 47 weeks",
            9: " every week for 46 weeks",
            11: " every week for 51 weeks",
            1: " every week for 52 weeks",
            10: " every week for 53 weeks",
        },
    ),
}


def suffix_for(question_id: str, answers: Answers) -> str:
    """A question's suffix for a log's answers: its dependent suffix if it has one, else its fixed one."""
    dependent = DEPENDENT_SUFFIXES.get(question_id)
    return dependent.for_answers(answers) if dependent else ""


# --------------------------------------------------------------------------------------------------------------------
# Soft checks on the service, personal service and support charges (SCH, PSCH, SUP) and the hard maxima (F12)

GN, SH = 1, 2
# Highest weekly charge allowed (F12), by provider type; the same for general needs and supported housing.
CHARGE_HARD_MAX: Mapping[str, Mapping[int, int]] = {
    "scharge": {PRIVATE_REGISTERED_PROVIDER: 800, LOCAL_AUTHORITY: 500},
    "pscharge": {PRIVATE_REGISTERED_PROVIDER: 700, LOCAL_AUTHORITY: 200},
    "supcharg": {PRIVATE_REGISTERED_PROVIDER: 800, LOCAL_AUTHORITY: 200},
}
# Highest weekly charge expected (SCH, PSCH, SUP), by (needs type, provider type).
CHARGE_SOFT_MAX: Mapping[str, Mapping[tuple[int, int], int]] = {
    "scharge": {
        (GN, LOCAL_AUTHORITY): 25,
        (GN, PRIVATE_REGISTERED_PROVIDER): 35,
        (SH, LOCAL_AUTHORITY): 100,
        (SH, PRIVATE_REGISTERED_PROVIDER): 200,
    },
    "pscharge": {
        (GN, LOCAL_AUTHORITY): 25,
        (GN, PRIVATE_REGISTERED_PROVIDER): 35,
        (SH, LOCAL_AUTHORITY): 75,
        (SH, PRIVATE_REGISTERED_PROVIDER): 100,
    },
    "supcharg": {
        (GN, LOCAL_AUTHORITY): 25,
        (GN, PRIVATE_REGISTERED_PROVIDER): 35,
        (SH, LOCAL_AUTHORITY): 75,
        (SH, PRIVATE_REGISTERED_PROVIDER): 85,
    },
}
CHARGE_NAMES: Mapping[str, str] = {
    "scharge": "service charge",
    "pscharge": "personal service charge",
    "supcharg": "support charge",
}
NEEDS_TYPE_NAMES: Mapping[int, str] = {GN: "general needs", SH: "supported housing"}
PROVIDER_TYPE_NAMES: Mapping[int, str] = {
    LOCAL_AUTHORITY: "local authority",
    PRIVATE_REGISTERED_PROVIDER: "private registered provider",
}


@remembered(reads=("needstype", "period", *CHARGE_NAMES))
def _charge_limits(answers: Answers, context: Any, charge: str) -> tuple[Decimal, int, int] | None:
    """The weekly charge with its soft and hard maxima, when the charge, period, needs type and owner are known."""
    needstype, provider = as_code(answers.get("needstype")), owner_provider_type(context)
    amount = _weekly(answers, charge)
    if amount is None or needstype is None or needstype not in NEEDS_TYPE_NAMES or provider is None:
        return None
    return amount, CHARGE_SOFT_MAX[charge][(needstype, provider)], CHARGE_HARD_MAX[charge][provider]


def _charge_high(charge: str, code: str) -> Condition:
    def test(answers: Answers, context: Any) -> bool:
        limits = _charge_limits(answers, context, charge)
        return limits is not None and limits[1] < limits[0] <= limits[2]

    name = CHARGE_NAMES[charge]
    return Pred(
        f"the weekly {name} is above the expected maximum and not above the limit ({code})",
        test,
        reads=(charge, "period", "needstype"),
    )


def _charge_over_limit(charge: str) -> Condition:
    def test(answers: Answers, context: Any) -> bool:
        limits = _charge_limits(answers, context, charge)
        return limits is not None and not 0 <= limits[0] <= limits[2]

    return Pred(
        f"the weekly {CHARGE_NAMES[charge]} is below £0 or above its limit for the owner's provider type",
        test,
        reads=(charge, "period", "needstype"),
    )


SCHARGE_HIGH = _charge_high("scharge", "SCH")
PSCHARGE_HIGH = _charge_high("pscharge", "PSCH")
SUPCHARG_HIGH = _charge_high("supcharg", "SUP")


def _charge_told(charge: str) -> Callable[[Answers, Any], str]:
    name = CHARGE_NAMES[charge]

    def message(answers: Answers, context: Any) -> str:
        amount = _amount(answers.get(charge))
        period_code = as_code(answers.get("period"))
        suffix = PAGE_SUFFIX_OF_PERIOD.get(period_code, "") if period_code is not None else ""
        told = f"{_pounds(amount)}{suffix}" if amount is not None else "this amount"
        return f"You told us the {name} is {told}. This is higher than we would expect."

    message.__doc__ = f"You told us the {name} is %{{{charge}}}. This is higher than we would expect."
    return message


def _over_limit_message(charge: str) -> Callable[[Answers, Any], str]:
    def message(answers: Answers, context: Any) -> str:
        period_code = as_code(answers.get("period"))
        needstype, provider = as_code(answers.get("needstype")), owner_provider_type(context)
        if (
            period_code is None
            or period_code not in WEEKS_IN_PERIOD
            or needstype is None
            or needstype not in NEEDS_TYPE_NAMES
            or provider is None
        ):
            return f"Enter a value for the {CHARGE_NAMES[charge]} within the limit for its rent period."
        maximum = _pounds(Decimal(CHARGE_HARD_MAX[charge][provider] * 52) / WEEKS_IN_PERIOD[period_code])
        frequency = _period_label(answers)
        return (
            f"Enter a value for the {CHARGE_NAMES[charge]} between £0 and {maximum} paid {frequency}. {maximum} is the "
            f"max limit for rent and charges paid {frequency} for {NEEDS_TYPE_NAMES[needstype]} lettings owned by a "
            f"{PROVIDER_TYPE_NAMES[provider]}."
        )

    message.__doc__ = (
        "Enter a value for the %{charge_name} between £0 and %{maximum_per_period} paid %{frequency}. "
        "%{maximum_per_period} is the max limit for rent and charges paid %{frequency} for %{letting_type} lettings "
        "owned by a %{provider_type}."
    )
    return message


# --------------------------------------------------------------------------------------------------------------------
# Pages

_CHECK_CHARGE_HINT = (
    "Check the following: the decimal point; the frequency, for example every week or every calendar month; "
    "the needs type."
)


def _confirmation(question_id: str, text: str, label: str, hint: str = "") -> Question:
    return dataclasses.replace(interruption(question_id, text, hint), check_answers_label=label)


RENT_PAGE_HEADER = "Household rent and charges"

PAGES: tuple[Page, ...] = (
    Page("income_known", (net_income_known,), header="Household’s combined income after tax"),
    Page("income_amount", (incfreq, earnings), shown_when=F("net_income_known") == 0, header="Total household income"),
    Page(
        "income_amount_net_income_value_check",
        (_confirmation("net_income_value_check", "Are you sure this is correct?", "Net income confirmation"),),
        shown_when=triggers.NET_INCOME,
        confirms="NI",
    ),
    Page("housing_benefit", (hb,)),
    Page("benefits_proportion", (benefits,)),
    Page("rent_or_other_charges", (household_charge,), shown_when=SUPPORTED_HOUSING),
    Page("rent_period", (period,), shown_when=GENERAL_NEEDS | (SUPPORTED_HOUSING & PAYS_CHARGES)),
    Page(
        "rent_weekly",
        _rent_questions(" every week"),
        shown_when=F("period").one_of(*WEEKLY_PERIODS) & PAYS_CHARGES,
        header=RENT_PAGE_HEADER,
    ),
    Page(
        "rent_bi_weekly",
        _rent_questions(" every 2 weeks"),
        shown_when=(F("period") == 2) & PAYS_CHARGES,
        header=RENT_PAGE_HEADER,
    ),
    Page(
        "rent_4_weekly",
        _rent_questions(" every 4 weeks"),
        shown_when=(F("period") == 3) & PAYS_CHARGES,
        header=RENT_PAGE_HEADER,
    ),
    Page(
        "rent_monthly",
        _rent_questions(" every month"),
        shown_when=(F("period") == 4) & PAYS_CHARGES,
        header=RENT_PAGE_HEADER,
    ),
    Page(
        "brent_rent_value_check",
        (
            _confirmation(
                "rent_value_check",
                "Are you sure this is correct?",
                "Total rent confirmation",
                "Check the following: the decimal point; the frequency, for example every week or every calendar "
                "month; the rent type is correct, for example affordable or social rent.",
            ),
        ),
        shown_when=triggers.RENT,
        confirms="RENT",
    ),
    Page(
        "scharge_value_check",
        (_confirmation("scharge_value_check", "Are you sure?", "Service charge confirmation", _CHECK_CHARGE_HINT),),
        shown_when=SCHARGE_HIGH,
        confirms="SCH",
    ),
    Page(
        "pscharge_value_check",
        (
            _confirmation(
                "pscharge_value_check", "Are you sure?", "Personal service charge confirmation", _CHECK_CHARGE_HINT
            ),
        ),
        shown_when=PSCHARGE_HIGH,
        confirms="PSCH",
    ),
    Page(
        "supcharg_value_check",
        (_confirmation("supcharg_value_check", "Are you sure?", "Support charge confirmation", _CHECK_CHARGE_HINT),),
        shown_when=SUPCHARG_HIGH,
        confirms="SUP",
    ),
    Page("outstanding", (hbrentshortfall,), shown_when=F("hb").one_of(*RECEIVES_HOUSING_BENEFITS) & PAYS_CHARGES),
    Page(
        "outstanding_amount",
        (tshortfall_known, tshortfall),
        shown_when=F("hb").one_of(*RECEIVES_HOUSING_BENEFITS) & (F("hbrentshortfall") == 1),
    ),
)
SUBSECTION = Subsection("income_and_benefits", "Income, benefits and outgoings", PAGES, enabled_when=SETUP_DONE)

# --------------------------------------------------------------------------------------------------------------------
# Hard checks (§5.2)


def _income_pair_message(answers: Answers, context: Any) -> str:
    if answers.get("earnings") is not None:
        return "Select how often the household receives income."
    return "Enter how much income the household has in total."


_income_pair_message.__doc__ = (
    "Select how often the household receives income. (earnings given without incfreq) / "
    "Enter how much income the household has in total. (incfreq given without earnings)"
)


def _negative(field_id: str) -> Condition:
    def test(answers: Answers, context: Any) -> bool:
        amount = _amount(answers.get(field_id))
        return amount is not None and amount < 0

    return Pred(f"{field_id} is below 0", test, reads=(field_id,))


def _shortfall_over_total(answers: Answers, context: Any) -> bool:
    shortfall, total = _amount(answers.get("wtshortfall")), _amount(answers.get("wtcharge"))
    return shortfall is not None and total is not None and shortfall > total


def _shortfall_not_positive(answers: Answers, context: Any) -> bool:
    shortfall = _amount(answers.get("wtshortfall"))
    return shortfall is not None and shortfall < MONEY_STEP and not _shortfall_over_total(answers, context)


def _total_under_10(answers: Answers, context: Any) -> bool:
    total = _weekly(answers, "tcharge")
    return total is not None and 0 <= total <= Decimal("9.99")


def _rent_below_range(answers: Answers, context: Any) -> bool:
    rent, found = _weekly(answers, "brent"), rent_range_for(answers, context)
    return rent is not None and found is not None and rent < found.hard_min


def _rent_above_range(answers: Answers, context: Any) -> bool:
    rent, found = _weekly(answers, "brent"), rent_range_for(answers, context)
    return rent is not None and found is not None and rent > found.hard_max


def _rent_range_messages(below: bool) -> dict[str, str]:
    head = (
        "Rent is below the absolute minimum expected for a property of this type"
        if below
        else "Rent is higher than the absolute maximum expected for a property of this type"
    )
    return {
        "brent": f"{head}. Please check the rent, rent period, local authority and (if general needs) number of "
        "bedrooms.",
        "beds": f"{head} based on this number of bedrooms.",
        "uprn": f"{head} based on this UPRN.",
        "la": f"{head} based on this local authority.",
        "postcode_known": f"{head}. Please check the rent, rent period, local authority and number of bedrooms.",
        "scheme_id": f"{head}. Please check the rent, rent period and local authority.",
        "location_id": f"{head}. Please check the rent, rent period and local authority.",
        "rent_type": f"{head} based on this lettings type.",
        "needstype": f"{head} based on this lettings type.",
        "period": f"{head} based on this period.",
    }


_RENT_RANGE_DECISION = (
    "The standard does not report this error on scheme_id, location_id, rent_type and needstype in bulk upload "
    "(skip_bu); one check carries every field, so bulk upload reports them too."
)


def _period_not_used(answers: Answers, context: Any) -> bool:
    code = as_code(answers.get("period"))
    if code is None or not isinstance(context, LettingsContext) or context.managing_organisation is None:
        return False
    return code not in context.managing_organisation.rent_periods


def _period_not_used_message(ending: str) -> Callable[[Answers, Any], str]:
    def message(answers: Answers, context: Any) -> str:
        managing = context.managing_organisation if isinstance(context, LettingsContext) else None
        name = managing.name if managing else "The managing organisation"
        return f"{name} does not use {_period_label(answers)} as a rent period. {ending}"

    message.__doc__ = f"%{{org_name}} does not use %{{rent_period}} as a rent period. {ending}"
    return message


_NEGATIVE_AMOUNT = "Enter an amount above 0."
_HB_BENEFITS = (
    "You answered that none of the household’s income is from Universal Credit, state pensions or benefits, but also "
    "that the tenant is likely to be receiving Universal Credit or housing benefit."
)

CHECKS: tuple[Check, ...] = (
    Check(
        "F5",
        Severity.HARD,
        (F("earnings").answered() & F("incfreq").missing()) | (F("incfreq").answered() & F("earnings").missing()),
        {"incfreq": _income_pair_message, "earnings": _income_pair_message},
        description="The household income is given without how often it is received, or the other way round.",
    ),
    # F6 flags only the amount that is below 0, so it is one check per amount ("F6.<field>").
    *(
        Check(
            f"F6.{field_id}",
            Severity.HARD,
            _negative(field_id),
            {field_id: _NEGATIVE_AMOUNT},
            description=f"{field_id} is below 0 (F6).",
        )
        for field_id in ("earnings", *CHARGES)
    ),
    Check(
        "F8",
        Severity.HARD,
        Pred(
            "the weekly outstanding amount is more than the weekly total charge",
            _shortfall_over_total,
            reads=("wtshortfall", "wtcharge"),
        ),
        {
            "tshortfall": "Enter a value less than the total charge.",
            "tcharge": "The total charge must be more than the outstanding amount.",
        },
        description="The weekly outstanding amount (wtshortfall) is more than the weekly total charge (wtcharge).",
    ),
    Check(
        "F9",
        Severity.HARD,
        Pred("the weekly outstanding amount is less than £0.01", _shortfall_not_positive, reads=("wtshortfall",)),
        {"tshortfall": "Enter a value over £0.01 as you told us there is an outstanding amount."},
        description="The weekly outstanding amount is under £0.01 (and not already more than the total charge).",
    ),
    Check(
        "F10",
        Severity.HARD,
        Pred("the weekly total charge is between £0 and £9.99", _total_under_10, reads=("tcharge", "period")),
        {"tcharge": "Enter a total charge that is at least £10.00 per week."},
        description="The total charge, as a weekly amount, is between £0 and £9.99.",
    ),
    # F12 flags the charge over its limit and the period, so it is one check per charge ("F12.<charge>").
    *(
        Check(
            f"F12.{charge}",
            Severity.HARD,
            _charge_over_limit(charge),
            {charge: _over_limit_message(charge), "period": _over_limit_message(charge)},
            description=(
                f"The weekly {CHARGE_NAMES[charge]} is not between £0 and its limit: £"
                f"{CHARGE_HARD_MAX[charge][PRIVATE_REGISTERED_PROVIDER]} for a private registered provider, £"
                f"{CHARGE_HARD_MAX[charge][LOCAL_AUTHORITY]} for a local authority (F12)."
            ),
        )
        for charge in ("scharge", "pscharge", "supcharg")
    ),
    Check(
        "F13",
        Severity.HARD,
        Pred(
            "the weekly rent is below the hard minimum of its rent range",
            _rent_below_range,
            reads=("brent", "period", "startdate", "la", "location_id", "beds", "rent_type", "needstype"),
        ),
        _rent_range_messages(below=True),
        description="A rent range exists for the letting and the weekly basic rent is below its hard minimum (§5.4).",
        decision=_RENT_RANGE_DECISION,
    ),
    Check(
        "F14",
        Severity.HARD,
        Pred(
            "the weekly rent is above the hard maximum of its rent range",
            _rent_above_range,
            reads=("brent", "period", "startdate", "la", "location_id", "beds", "rent_type", "needstype"),
        ),
        _rent_range_messages(below=False),
        description="A rent range exists for the letting and the weekly basic rent is above its hard maximum (§5.4).",
        decision=_RENT_RANGE_DECISION,
    ),
    Check(
        "F15",
        Severity.HARD,
        Pred("the managing organisation does not use the rent period", _period_not_used, reads=("period",)),
        {
            "period": _period_not_used_message(
                "Choose another rent period, or a data coordinator can add rent periods to your organisation."
            ),
            "managing_organisation_id": _period_not_used_message(
                "Set another rent period on this log, or a data coordinator can add rent periods to this organisation."
            ),
        },
        description="The rent period is not one of the managing organisation's rent periods.",
        decision=(
            "The standard does not report this error on managing_organisation_id in bulk upload (skip_bu); one "
            "check carries both fields, so bulk upload reports it too."
        ),
    ),
    Check(
        "F16",
        Severity.HARD,
        F("hb").one_of(*RECEIVES_HOUSING_BENEFITS) & (F("benefits") == 3),
        {"hb": _HB_BENEFITS, "benefits": _HB_BENEFITS},
        description="The household is likely to receive housing benefit or Universal Credit, but none of its income "
        "is from benefits.",
    ),
    # Soft checks (§5.3)
    Check(
        "SCH",
        Severity.SOFT,
        SCHARGE_HIGH,
        {"scharge": _charge_told("scharge")},
        description="The weekly service charge is above the expected maximum (general needs: local authority £25, "
        "private registered provider £35; supported housing: £100, £200) and not above its limit (F12).",
        confirm_field="scharge_value_check",
        affects=("period", "needstype"),
        decision=(
            'Quirk §8 #3: the national screen shows only "This is higher than we would expect." because its title '
            'is overwritten by mistake. Decision: fix; the message starts "You told us the service charge is …" '
            "like the personal service and support charge checks, so users see which answer to check."
        ),
    ),
    Check(
        "PSCH",
        Severity.SOFT,
        PSCHARGE_HIGH,
        {"pscharge": _charge_told("pscharge")},
        description="The weekly personal service charge is above the expected maximum (general needs: local "
        "authority £25, private registered provider £35; supported housing: £75, £100) and not above its limit (F12).",
        confirm_field="pscharge_value_check",
        affects=("period", "needstype"),
    ),
    Check(
        "SUP",
        Severity.SOFT,
        SUPCHARG_HIGH,
        {"supcharg": _charge_told("supcharg")},
        description="The weekly support charge is above the expected maximum (general needs: local authority £25, "
        "private registered provider £35; supported housing: £75, £85) and not above its limit (F12).",
        confirm_field="supcharg_value_check",
        affects=("period", "needstype"),
    ),
)

# --------------------------------------------------------------------------------------------------------------------
# Derivations (§4)


def _earnings_whole_pounds(answers: MutableMapping[str, Any], context: Any, previous: Mapping[str, Any] | None) -> None:
    amount = _amount(answers.get("earnings"))
    if amount is not None and amount != amount.to_integral_value():
        answers["earnings"] = int(amount.to_integral_value(rounding=ROUND_HALF_UP))


def _incref(answers: MutableMapping[str, Any], context: Any, previous: Mapping[str, Any] | None) -> None:
    code = as_code(answers.get("net_income_known"))
    answers["incref"] = INCREF_OF_NET_INCOME_KNOWN.get(code) if code is not None else None


def _tcharge(answers: MutableMapping[str, Any], context: Any, previous: Mapping[str, Any] | None) -> None:
    given = list(map(answers.get, CHARGES))
    if given.count(None) == len(given):
        answers["tcharge"] = None
        return
    amounts = []
    for charge, value in zip(CHARGES, given, strict=True):
        if value is None:
            answers[charge] = 0
        amounts.append(_amount(0 if value is None else value))
    answers["tcharge"] = None if None in amounts else sum(amounts)


_WEEKLY_OF: Mapping[str, str] = {
    "wrent": "brent",
    "wscharge": "scharge",
    "wpschrge": "pscharge",
    "wsupchrg": "supcharg",
    "wtcharge": "tcharge",
}


def _weekly_charges(answers: MutableMapping[str, Any], context: Any, previous: Mapping[str, Any] | None) -> None:
    get = answers.get
    period = as_code(get("period"))
    for target, source in _WEEKLY_OF.items():
        amount = _amount(get(source))
        answers[target] = None if amount is None else weekly(amount, period)


def _wtshortfall(answers: MutableMapping[str, Any], context: Any, previous: Mapping[str, Any] | None) -> None:
    receives = as_code(answers.get("hb")) in RECEIVES_HOUSING_BENEFITS
    answers["wtshortfall"] = _weekly(answers, "tshortfall") if receives else None


def _has_benefits(answers: MutableMapping[str, Any], context: Any, previous: Mapping[str, Any] | None) -> None:
    code = as_code(answers.get("hb"))
    answers["has_benefits"] = None if code is None else int(code in HAS_BENEFITS_CODES)


def _tshortfall_known(answers: MutableMapping[str, Any], context: Any, previous: Mapping[str, Any] | None) -> None:
    if answers.get("tshortfall") is not None:
        answers["tshortfall_known"] = 0


def _nocharge(answers: MutableMapping[str, Any], context: Any, previous: Mapping[str, Any] | None) -> None:
    code = as_code(answers.get("household_charge"))
    answers["nocharge"] = code if code in (0, 1) else None


DERIVATIONS: tuple[Derivation, ...] = (
    Derivation(
        "earnings_whole_pounds",
        "Quirk §8 #1: the household income is kept in whole pounds, as the standard stores it; pence are rounded "
        "half up (the national web form truncates them, its bulk upload rounds).",
        ("earnings",),
        ("earnings",),
        _earnings_whole_pounds,
        stage=Stage.INPUT,
    ),
    Derivation(
        "incref",
        "incref (income refused) from net_income_known: 0 (known) → 0, 1 (not known) → 2, 2 (prefers not to say) → 1; "
        "cleared when net_income_known is unanswered.",
        ("incref",),
        ("net_income_known",),
        _incref,
    ),
    Derivation(
        "tcharge",
        "When any of basic rent, service charge, personal service charge and support charge is given, the missing "
        "ones become 0 and tcharge is their total; with none given, there is no tcharge (it is a read-only output).",
        ("brent", "scharge", "pscharge", "supcharg", "tcharge"),
        CHARGES,
        _tcharge,
    ),
    Derivation(
        "weekly_charges",
        "Weekly equivalents of the rent and charges, to the penny: amount / 52 * weeks in the rent period "
        "(wrent, wscharge, wpschrge, wsupchrg, wtcharge); none without a rent period.",
        tuple(_WEEKLY_OF),
        (*CHARGES, "tcharge", "period"),
        _weekly_charges,
    ),
    Derivation(
        "wtshortfall",
        "The weekly outstanding amount, when there is one, the household receives housing benefit or Universal "
        "Credit (hb 1 or 6) and the rent period is known.",
        ("wtshortfall",),
        ("tshortfall", "hb", "period"),
        _wtshortfall,
    ),
    Derivation(
        "has_benefits",
        "has_benefits is 1 when hb is 1, 6, 7 or 8, else 0; none while hb is unanswered (the national service sets "
        "0 then; completed logs always have hb, so their values are the same).",
        ("has_benefits",),
        ("hb",),
        _has_benefits,
    ),
    Derivation(
        "tshortfall_known",
        "An outstanding amount given means it is known: tshortfall_known = 0.",
        ("tshortfall_known",),
        ("tshortfall",),
        _tshortfall_known,
    ),
    Derivation(
        "nocharge",
        "nocharge copies household_charge (0 pays rent or charges, 1 does not).",
        ("nocharge",),
        ("household_charge",),
        _nocharge,
    ),
)
