"""The soft checks of the 2026/27 sales log (sales-2026.md §4.3): triggers, confirmation questions and messages.

Their interruption pages appear in several subsections (the purchase price check after the local authority, the
bedrooms and the price), so every soft check is declared here once and each subsection module shows its pages with
`interruption_page`. A page confirms its check by id; the confirmation answer is 0 ("Yes") or 1 ("No", go back).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any

from collect.rulebook import Check, F, Page, Pred, Question, Severity
from collect.rulebook.conditions import Condition, any_of, remembered
from collect.standards.answers import as_date, as_text, confirmation, format_pounds
from collect.standards.calendar import collection_start_year
from collect.standards.sales.context import SaleRange
from collect.standards.sales.y2026.common import (
    ALL_PERSONS,
    DISCOUNTED_OWNERSHIP,
    JOINT,
    MAX_PEOPLE_WITH_DETAILS,
    OLDER_PERSONS_SHARED_OWNERSHIP,
    OPSO,
    PERSONS,
    combined_income,
    in_london,
    number,
    sales_context,
)

ANY = Mapping[str, Any]
Test = Callable[[ANY, Any], bool]


def _pred(description: str, test: Test, *reads: str) -> Condition:
    return Pred(description, test, reads=reads)


def interruption_page(page_id: str, check: Check, when: Condition | None = None) -> Page:
    """An interruption page confirming `check`, shown when its trigger holds (and `when`, if given)."""
    assert check.confirm_field is not None
    trigger = check.when if when is None else check.when & when
    return Page(page_id, (CONFIRMATIONS[check.confirm_field],), shown_when=trigger, confirms=check.id)


def _money(name: str) -> Callable[[ANY, Any], str]:
    return lambda a, c: format_pounds(a.get(name))


# Purchase price (PRICE): outside the expected range for the local authority and bedrooms (§4.4 sale ranges).

SALE_RANGE_BEDS_CAP = 4


@remembered(reads=("saledate", "la", "beds"))
def sale_range_for(answers: ANY, context: Any) -> SaleRange | None:
    """The expected price range: by the sale date's collection year, the local authority and min(beds, 4)."""
    known = sales_context(context)
    saledate, la, beds = as_date(answers.get("saledate")), as_text(answers.get("la")), number(answers, "beds")
    if known is None or saledate is None or la is None or beds is None:
        return None
    return known.refdata.sale_range(collection_start_year(saledate), la, min(int(beds), SALE_RANGE_BEDS_CAP))


def price_direction(answers: ANY, context: Any) -> str | None:
    """The word "lower" or "higher" when the purchase price is outside its expected range (the range itself is fine)."""
    value = number(answers, "value")
    if value is None:
        return None
    found = sale_range_for(answers, context)
    if found is None:
        return None
    if value < found.soft_min:
        return "lower"
    return "higher" if value > found.soft_max else None


PRICE = _pred(
    "the purchase price is outside the expected range for the local authority and bedrooms (sale_ranges)",
    lambda a, c: price_direction(a, c) is not None,
    "value",
    "saledate",
    "la",
    "beds",
)


# Buyers' incomes against their working situation (INCOME1_ECSTAT, INCOME2_ECSTAT, §4.4 table; 10: no check).


@dataclass(frozen=True)
class IncomeRange:
    """The annual income expected of a buyer in a working situation, in pounds."""

    soft_min: int
    soft_max: int


INCOME_RANGES: Mapping[int, IncomeRange] = {
    1: IncomeRange(13_400, 150_000),
    2: IncomeRange(2_600, 80_000),
    3: IncomeRange(2_080, 30_000),
    4: IncomeRange(520, 23_400),
    5: IncomeRange(520, 80_000),
    6: IncomeRange(520, 50_000),
    7: IncomeRange(520, 30_000),
    8: IncomeRange(520, 150_000),
    9: IncomeRange(520, 150_000),
    0: IncomeRange(520, 150_000),
}


def income_direction(buyer: int) -> Callable[[ANY, Any], str | None]:
    """The word "less" or "more" when a buyer's income is outside the range expected for their working situation."""

    def direction(answers: ANY, context: Any) -> str | None:
        income, ecstat = number(answers, f"income{buyer}"), answers.get(f"ecstat{buyer}")
        expected = INCOME_RANGES.get(ecstat) if type(ecstat) is int else None
        if income is None or expected is None:
            return None
        if income < expected.soft_min:
            return "less"
        return "more" if income > expected.soft_max else None

    return direction


def _income_for_ecstat(buyer: int) -> Condition:
    direction = income_direction(buyer)
    return _pred(
        f"buyer {buyer}'s income is outside the range expected for their working situation",
        lambda a, c: direction(a, c) is not None,
        f"income{buyer}",
        f"ecstat{buyer}",
    )


INCOME1_FOR_ECSTAT = _income_for_ecstat(1)
INCOME2_FOR_ECSTAT = _income_for_ecstat(2)

# Discounted ownership incomes (INCOME1_DISCOUNTED, INCOME2_DISCOUNTED, COMBINED_INCOME) and the shared ownership
# hard caps (F1-F3) use the same limits.
LONDON_INCOME_LIMIT, INCOME_LIMIT = 90_000, 80_000


def income_limit(answers: ANY) -> int | None:
    """The income limit for the property's area, or None when the local authority is not known."""
    london = in_london(answers)
    if london is None:
        return None
    return LONDON_INCOME_LIMIT if london else INCOME_LIMIT


def _over_limit(amount: Decimal | None, answers: ANY) -> bool:
    limit = income_limit(answers)
    return amount is not None and limit is not None and amount > limit


INCOME1_OVER_DISCOUNTED_MAX = DISCOUNTED_OWNERSHIP & _pred(
    "buyer 1's income is over £90,000 in London or £80,000 elsewhere",
    lambda a, c: _over_limit(number(a, "income1"), a),
    "income1",
    "la",
)
INCOME2_OVER_DISCOUNTED_MAX = DISCOUNTED_OWNERSHIP & _pred(
    "buyer 2's income is over £90,000 in London or £80,000 elsewhere",
    lambda a, c: _over_limit(number(a, "income2"), a),
    "income2",
    "la",
)
COMBINED_INCOME_OVER_DISCOUNTED_MAX = DISCOUNTED_OWNERSHIP & _pred(
    "both incomes are given and together are over £90,000 in London or £80,000 elsewhere",
    lambda a, c: (
        number(a, "income1") is not None and number(a, "income2") is not None and _over_limit(combined_income(a), a)
    ),
    "income1",
    "income2",
    "la",
)


# Mortgage over 5 times the income used for it (MORTGAGE; quirk §7 #10: any mortgage when no income was used).


def _mortgage_over_soft_max(answers: ANY, context: Any) -> bool:
    mortgage, inc1mort, inc2mort = number(answers, "mortgage"), answers.get("inc1mort"), answers.get("inc2mort")
    if mortgage is None or inc1mort is None or (inc2mort is None and answers.get("jointpur") != 2):
        return False
    income1, income2 = number(answers, "income1"), number(answers, "income2")
    if (inc1mort == 1 and income1 is None) or (inc2mort == 1 and income2 is None):
        return False
    used = (income1 if inc1mort == 1 and income1 is not None else 0) + (
        income2 if inc2mort == 1 and income2 is not None else 0
    )
    return mortgage > 5 * used


MORTGAGE_OVER_SOFT_MAX = _pred(
    "the mortgage is more than 5 times the income used for the mortgage application",
    _mortgage_over_soft_max,
    "mortgage",
    "inc1mort",
    "inc2mort",
    "jointpur",
    "income1",
    "income2",
)


# Savings and deposit (SAVINGS, DEPOSIT).


def savings_limit(answers: ANY) -> int:
    """£200,000 for Older Persons Shared Ownership, else £100,000 (quirk §7 #8: the question names £100,000)."""
    return 200_000 if answers.get("type") == OLDER_PERSONS_SHARED_OWNERSHIP else 100_000


SAVINGS_OVER_SOFT_MAX = _pred(
    "the savings are over £100,000 (£200,000 for Older Persons Shared Ownership)",
    lambda a, c: (savings := number(a, "savings")) is not None and savings > savings_limit(a),
    "savings",
    "type",
)


def _deposit_over_soft_max(answers: ANY, context: Any) -> bool:
    savings, deposit = number(answers, "savings"), number(answers, "deposit")
    if savings is None or deposit is None or answers.get("mortgageused") != 1:
        return False
    # Quirk §7 #11, kept: savings are whole pounds and the standard divides as integers, so 4/3 of them is floored.
    return deposit > (savings * 4) // 3


DEPOSIT_OVER_SOFT_MAX = _pred(
    "a mortgage was used and the deposit is more than 4/3 of the savings",
    _deposit_over_soft_max,
    "savings",
    "deposit",
    "mortgageused",
)


# Older Persons Shared Ownership buyers' ages (OPSO_AGE; quirk §7 #7 kept: under 64, though the text says 65).

OPSO_AGE = 64


def _too_young_for_opso(answers: ANY, buyer: int) -> bool:
    age = number(answers, f"age{buyer}")
    return (age is not None and age < OPSO_AGE) or answers.get(f"age{buyer}_known") == 1


def _buyers_age_for_opso_invalid(answers: ANY, context: Any) -> bool:
    if answers.get("type") != OLDER_PERSONS_SHARED_OWNERSHIP:
        return False
    if answers.get("jointpur") == 1:
        return _too_young_for_opso(answers, 1) and _too_young_for_opso(answers, 2)
    if answers.get("jointpur") == 2:
        return _too_young_for_opso(answers, 1)
    return False


BUYERS_AGE_FOR_OPSO_INVALID = _pred(
    "an Older Persons Shared Ownership sale where no buyer is known to be 64 or over",
    _buyers_age_for_opso_invalid,
    "type",
    "jointpur",
    "age1",
    "age1_known",
    "age2",
    "age2_known",
)


# Retirement (RETIRED, NOT_RETIRED), per person 1 to 6.

RETIRED, WORKING_REFUSED, RETIREMENT_AGE = 5, 10, 66


def retired_under_soft_min_age(person: int) -> Condition:
    """Person N is retired and aged under 66."""
    return (F(f"ecstat{person}") == RETIRED) & (F(f"age{person}") < RETIREMENT_AGE)


def not_retired_over_soft_max_age(person: int) -> Condition:
    """Person N is over 66 and neither retired nor preferring not to say."""
    ecstat = F(f"ecstat{person}")
    return ecstat.answered() & ecstat.not_one_of(RETIRED, WORKING_REFUSED) & (F(f"age{person}") > RETIREMENT_AGE)


# Partners (PARTNER_UNDER_16, MULTIPLE_PARTNERS), persons 2 to 6.


def partner_under_16(person: int) -> Condition:
    """Person N is under 16 and buyer 1's partner."""
    return (F(f"age{person}") < 16) & (F(f"relat{person}") == "P")


def _people_with_details(answers: ANY) -> int:
    """min(hhmemb, 6), with hhmemb as §3.2 row 12 derives it in 2026: hholdcount once jointpur is answered.

    Read from hholdcount and jointpur rather than from the derived hhmemb, which is derived after routing: a trigger
    reading it would hide its interruption pages on the first pass, and clear their confirmation with them.
    """
    members = number(answers, "hholdcount")
    if members is None or answers.get("jointpur") is None:
        return 0
    return min(int(members), MAX_PEOPLE_WITH_DETAILS)


def partners(answers: ANY) -> tuple[int, ...]:
    """The persons 2 to min(hhmemb, 6) who are buyer 1's partner."""
    last = _people_with_details(answers)
    return tuple(n for n in PERSONS if n <= last and answers.get(f"relat{n}") == "P")


MULTIPLE_PARTNERS = _pred(
    "more than one of persons 2 to min(hhmemb, 6) is buyer 1's partner (hhmemb: hholdcount once jointpur is given)",
    lambda a, c: len(partners(a)) > 1,
    "hholdcount",
    "jointpur",
    *(f"relat{n}" for n in PERSONS),
)

# Buyers living in the property (BUYER1_LIVEIN, BUYER2_LIVEIN), wheelchair (WHEELCHAIR).
ROUTE_OPEN = F("ownershipsch").one_of(1, 2)
BUYER1_LIVEIN_WRONG = ROUTE_OPEN & (F("buy1livein") == 2)
BUYER2_LIVEIN_WRONG = JOINT & ROUTE_OPEN & (F("buy2livein") == 2)
WHEELCHAIR_WHEN_NOT_DISABLED = (F("wheel") == 1) & (F("disabled") == 2)

# Sale information: discount, grant, staircasing shares, monthly charges.


def _discount_limit(answers: ANY) -> int | None:
    proptype = answers.get("proptype")
    return 50 if proptype in (1, 2) else 35 if proptype in (3, 4, 9) else None


PERCENTAGE_DISCOUNT_INVALID = _pred(
    "the discount is over 50% for a flat or bedsit, or over 35% for a house, bungalow or other",
    lambda a, c: (
        (discount := number(a, "discount")) is not None
        and (limit := _discount_limit(a)) is not None
        and discount > limit
    ),
    "discount",
    "proptype",
)
GRANT_RANGE = (9_000, 16_000)
GRANT_OUTSIDE_COMMON_RANGE = (
    F("grant").answered()
    & F("type").answered()
    & F("saledate").answered()
    & F("type").not_one_of(21, 8)  # types 8 and 21 are held to the range by the hard check I9
    & ((F("grant") < GRANT_RANGE[0]) | (F("grant") > GRANT_RANGE[1]))
)
STAIRBOUGHT_OVER_SOFT_MAX = F("stairbought") > 50
STAIROWNED_OUT_OF_SOFT_RANGE = OPSO & ((F("stairowned") >= 76) & (F("stairowned") <= 100))


def monthly_charges_limit(answers: ANY) -> int:
    """£550 a month for Older Persons Shared Ownership, else £300."""
    return 550 if answers.get("type") == OLDER_PERSONS_SHARED_OWNERSHIP else 300


MONTHLY_CHARGES_OVER_SOFT_MAX = _pred(
    "the monthly charges are over £300 (£550 for Older Persons Shared Ownership)",
    lambda a, c: (
        a.get("type") is not None
        and a.get("proptype") is not None
        and (charge := number(a, "mscharge")) is not None
        and charge > monthly_charges_limit(a)
    ),
    "type",
    "proptype",
    "mscharge",
)


# Confirmation questions (§2.9), one per confirmation field.

CONFIRMATIONS: Mapping[str, Question] = {
    q.id: q
    for q in (
        confirmation("value_value_check", "Are you sure?", "Purchase price confirmation"),
        confirmation("income1_value_check", "Are you sure this is correct?", "Buyer 1 income confirmation"),
        confirmation("income2_value_check", "Are you sure this is correct?", "Buyer 2 income confirmation"),
        confirmation("combined_income_value_check", "Are you sure this is correct?", "Combined income confirmation"),
        confirmation(
            "mortgage_value_check",
            "Are you sure that the mortgage is more than 5 times the income used for the mortgage application?",
            "Mortgage confirmation",
        ),
        confirmation(
            "savings_value_check", "Are you sure the savings are higher than £100,000?", "Savings confirmation"
        ),
        confirmation(
            "deposit_value_check",
            "Are you sure that the deposit is this much higher than the buyer’s savings?",
            "Deposit confirmation",
        ),
        confirmation(
            "old_persons_shared_ownership_value_check",
            "Are you sure this is correct?",
            "Older Persons Shared Ownership confirmation",
        ),
        confirmation("retirement_value_check", "Are you sure this person is retired?", "Retirement confirmation"),
        confirmation("partner_under_16_value_check", "Are you sure this is correct?", "Partner under 16 confirmation"),
        confirmation(
            "multiple_partners_value_check", "Are you sure this is correct?", "Multiple partners confirmation"
        ),
        confirmation("buyer_livein_value_check", "Are you sure this is correct?", "Buyer lives in confirmation"),
        confirmation(
            "wheel_value_check",
            "You told us that someone in the household uses a wheelchair.",
            "Wheelchair confirmation",
        ),
        confirmation(
            "percentage_discount_value_check", "Are you sure this is correct?", "Percentage discount confirmation"
        ),
        confirmation("grant_value_check", "Are you sure? Grants are usually £9,000 - £16,000", "Grant confirmation"),
        confirmation("staircase_bought_value_check", "Are you sure this is correct?", "Percentage bought confirmation"),
        confirmation("stairowned_value_check", "Are you sure?", "Percentage owned confirmation"),
        confirmation("monthly_charges_value_check", "Are you sure this is correct?", "Monthly charges confirmation"),
    )
}
NOT_RETIRED_CONFIRMATION = replace(
    CONFIRMATIONS["retirement_value_check"], text="Are you sure this person isn’t retired?"
)


def not_retired_page(page_id: str, person: int) -> Page:
    """The interruption page for person N over 66 and not retired (its question is worded the other way)."""
    return Page(
        page_id, (NOT_RETIRED_CONFIRMATION,), shown_when=not_retired_over_soft_max_age(person), confirms="NOT_RETIRED"
    )


# The checks, with the national service's titles and informative text as messages.

ADDRESS = ("uprn", "postcode_full", "la")


def _on(fields: tuple[str, ...], message: Callable[[ANY, Any], str] | str) -> dict[str, Any]:
    return dict.fromkeys(fields, message)


def _price_message(answers: ANY, context: Any) -> str:
    direction = price_direction(answers, context) or "higher"
    return (
        f"You told us the purchase price is {format_pounds(answers.get('value'))}. This is {direction} than we would "
        "expect."
    )


def _income_message(buyer: int) -> Callable[[ANY, Any], str]:
    direction = income_direction(buyer)

    def message(answers: ANY, context: Any) -> str:
        return (
            f"You told us the income of buyer {buyer} is {format_pounds(answers.get(f'income{buyer}'))}. This is "
            f"{direction(answers, context) or 'more'} than we would expect for someone in this working situation."
        )

    return message


def _discounted_income_message(buyer: int) -> Callable[[ANY, Any], str]:
    return lambda a, c: (
        f"You told us the income of buyer {buyer} is {format_pounds(a.get(f'income{buyer}'))}. This seems high for "
        "this sale type. Are you sure this is correct?"
    )


def _buyers(answers: ANY, joint: str, single: str) -> str:
    return joint if answers.get("jointpur") == 1 else single


def _person_fields(fields: tuple[str, ...], people: tuple[int, ...], message: Callable[[int], Any]) -> dict[str, Any]:
    return {f"{name}{n}": message(n) for n in people for name in fields}


def _when_person(condition: Callable[[int], Condition], template: str) -> Callable[[int], Any]:
    """Messages on one person's answers, filled in only when the condition holds for that person."""

    def for_person(person: int) -> Any:
        holds = condition(person).compile()  # once, when the declaration is built
        age = f"age{person}"

        def message(answers: ANY, context: Any) -> str:
            return template.format(age=answers.get(age)) if holds(answers, context) else ""

        return message

    return for_person


RETIRED_TEXT = (
    "You told us this person is aged {age} years and retired. The minimum expected retirement age in England is 66."
)
NOT_RETIRED_TEXT = (
    "You told us this person is over 66 and not retired. The minimum expected retirement age in England is 66."
)
PARTNER_TEXT = (
    "You told us this person is aged {age} years and has 'Partner' relationship to buyer 1. Are you sure this is "
    "correct?"
)


MULTIPLE_PARTNERS_TEXT = (
    "You told us there are more than 1 persons with 'Partner' relationship to buyer 1. Are you sure this is correct?"
)


def _when_partner(person: int) -> Callable[[ANY, Any], str]:
    """The multiple partners message, on the partner answers of the partners only."""

    def message(answers: ANY, context: Any) -> str:
        return MULTIPLE_PARTNERS_TEXT if person in partners(answers) else ""

    message.__doc__ = MULTIPLE_PARTNERS_TEXT
    return message


def _livein_message(buyer: int) -> Callable[[ANY, Any], str]:
    def message(answers: ANY, context: Any) -> str:
        route = "shared ownership" if answers.get("ownershipsch") == 1 else "discounted ownership"
        return (
            f"You told us that buyer {buyer} will not live in the property. For {route} types, the buyer usually "
            "lives in the property."
        )

    return message


SOFT_CHECKS: tuple[Check, ...] = (
    Check(
        "PRICE",
        Severity.SOFT,
        PRICE,
        _on(("value", "beds", *ADDRESS), _price_message),
        description="The purchase price is below the soft minimum or above the soft maximum of the sale range for "
        "the collection year, local authority and bedrooms (at most 4); no range, no check.",
        confirm_field="value_value_check",
    ),
    Check(
        "INCOME1_ECSTAT",
        Severity.SOFT,
        INCOME1_FOR_ECSTAT,
        _on(("ecstat1", "income1"), _income_message(1)),
        description="Buyer 1's income is outside the range expected for their working situation (§4.4).",
        confirm_field="income1_value_check",
    ),
    Check(
        "INCOME2_ECSTAT",
        Severity.SOFT,
        INCOME2_FOR_ECSTAT,
        _on(("ecstat2", "income2"), _income_message(2)),
        description="Buyer 2's income is outside the range expected for their working situation (§4.4).",
        confirm_field="income2_value_check",
    ),
    Check(
        "INCOME1_DISCOUNTED",
        Severity.SOFT,
        INCOME1_OVER_DISCOUNTED_MAX,
        _on((*ADDRESS, "income1"), _discounted_income_message(1)),
        description="A discounted ownership sale where buyer 1's income is over £90,000 (London) or £80,000.",
        confirm_field="income1_value_check",
    ),
    Check(
        "INCOME2_DISCOUNTED",
        Severity.SOFT,
        INCOME2_OVER_DISCOUNTED_MAX,
        _on((*ADDRESS, "income2"), _discounted_income_message(2)),
        description="A discounted ownership sale where buyer 2's income is over £90,000 (London) or £80,000.",
        confirm_field="income2_value_check",
    ),
    Check(
        "COMBINED_INCOME",
        Severity.SOFT,
        COMBINED_INCOME_OVER_DISCOUNTED_MAX,
        _on(
            (*ADDRESS, "income1", "income2"),
            lambda a, c: (
                f"You told us the combined income of this household is {format_pounds(combined_income(a))}. "
                "This seems high for this sale type. Are you sure this is correct?"
            ),
        ),
        description="A discounted ownership sale where the buyers' combined income is over £90,000 (London) or "
        "£80,000.",
        confirm_field="combined_income_value_check",
    ),
    Check(
        "MORTGAGE",
        Severity.SOFT,
        MORTGAGE_OVER_SOFT_MAX,
        _on(
            ("mortgage", "inc1mort", "inc2mort", "jointpur", "income1", "income2"),
            lambda a, c: (
                f"You told us that the mortgage amount is {format_pounds(a.get('mortgage'))}. This is more "
                "than 5 times the income, which is higher than we would expect."
            ),
        ),
        description="The mortgage is more than 5 times the incomes used for the mortgage application (any mortgage "
        "when no income was used, quirk §7 #10, kept: a mortgage with no income is worth confirming).",
        confirm_field="mortgage_value_check",
    ),
    Check(
        "SAVINGS",
        Severity.SOFT,
        SAVINGS_OVER_SOFT_MAX,
        _on(
            ("savings",),
            lambda a, c: (
                f"You told us the {_buyers(a, 'buyers’', 'buyer’s')} savings were "
                f"{format_pounds(a.get('savings'))}. This is higher than we would expect."
            ),
        ),
        description="Savings over £100,000, or £200,000 for Older Persons Shared Ownership.",
        confirm_field="savings_value_check",
        affects=("type",),
        decision="Quirk §7 #8: the question always names £100,000; kept as worded, the OPSO limit is the rule.",
    ),
    Check(
        "DEPOSIT",
        Severity.SOFT,
        DEPOSIT_OVER_SOFT_MAX,
        _on(
            ("savings", "deposit"),
            lambda a, c: (
                f"You told us the {_buyers(a, 'buyers’', 'buyer’s')} deposit was "
                f"{format_pounds(a.get('deposit'))} and their savings were {format_pounds(a.get('savings'))}. The "
                "deposit amount is higher than we would expect for the amount of savings they have."
            ),
        ),
        description="A mortgage was used and the deposit is more than 4/3 of the savings (floored, quirk §7 #11).",
        confirm_field="deposit_value_check",
        affects=("mortgageused",),
    ),
    Check(
        "OPSO_AGE",
        Severity.SOFT,
        BUYERS_AGE_FOR_OPSO_INVALID,
        _on(
            ("type", "jointpur", "age1", "age2"),
            lambda a, c: (
                f"You told us the {_buyers(a, 'buyers are', 'buyer is')} using the Older Persons Shared "
                "Ownership scheme. At least one buyer must be aged 65 years and over to use this scheme."
            ),
        ),
        description="Older Persons Shared Ownership where every buyer is under 64 or of unknown age.",
        confirm_field="old_persons_shared_ownership_value_check",
        decision="Quirk §7 #7, kept: the threshold is under 64 though the text says 65 — changing the threshold "
        "would change which logs are confirmed downstream; the wording is the standard's.",
    ),
    Check(
        "RETIRED",
        Severity.SOFT,
        any_of([retired_under_soft_min_age(n) for n in ALL_PERSONS]),
        _person_fields(("age", "ecstat"), ALL_PERSONS, _when_person(retired_under_soft_min_age, RETIRED_TEXT)),
        description="A person 1 to 6 is retired and aged under 66.",
        confirm_field="retirement_value_check",
    ),
    Check(
        "NOT_RETIRED",
        Severity.SOFT,
        any_of([not_retired_over_soft_max_age(n) for n in ALL_PERSONS]),
        _person_fields(("age", "ecstat"), ALL_PERSONS, _when_person(not_retired_over_soft_max_age, NOT_RETIRED_TEXT)),
        description="A person 1 to 6 is over 66 and neither retired nor preferring not to say.",
        confirm_field="retirement_value_check",
    ),
    Check(
        "PARTNER_UNDER_16",
        Severity.SOFT,
        any_of([partner_under_16(n) for n in PERSONS]),
        _person_fields(("age", "relat"), PERSONS, _when_person(partner_under_16, PARTNER_TEXT)),
        description="A person 2 to 6 is under 16 and buyer 1's partner.",
        confirm_field="partner_under_16_value_check",
    ),
    Check(
        "MULTIPLE_PARTNERS",
        Severity.SOFT,
        MULTIPLE_PARTNERS,
        {f"relat{n}": _when_partner(n) for n in PERSONS},
        description="More than one of persons 2 to min(hhmemb, 6) is buyer 1's partner; the partners' answers are "
        "flagged.",
        confirm_field="multiple_partners_value_check",
        decision="hhmemb is read as §3.2 derives it (hholdcount once jointpur is given), so the trigger holds on the "
        "pass that routes its pages and a confirmation is not cleared; only the partners' relationship answers get "
        "the message, not those of people who are not in the household.",
    ),
    Check(
        "BUYER1_LIVEIN",
        Severity.SOFT,
        BUYER1_LIVEIN_WRONG,
        _on(("ownershipsch", "buy1livein"), _livein_message(1)),
        description="Buyer 1 will not live in a shared or discounted ownership property.",
        confirm_field="buyer_livein_value_check",
    ),
    Check(
        "BUYER2_LIVEIN",
        Severity.SOFT,
        BUYER2_LIVEIN_WRONG,
        _on(("ownershipsch", "buy2livein"), _livein_message(2)),
        description="In a joint purchase, buyer 2 will not live in a shared or discounted ownership property.",
        confirm_field="buyer_livein_value_check",
    ),
    Check(
        "WHEELCHAIR",
        Severity.SOFT,
        WHEELCHAIR_WHEN_NOT_DISABLED,
        _on(("disabled", "wheel"), "You told us that someone in the household uses a wheelchair."),
        description="Someone uses a wheelchair but no one is said to have a disability.",
        confirm_field="wheel_value_check",
    ),
    Check(
        "DISCOUNT",
        Severity.SOFT,
        PERCENTAGE_DISCOUNT_INVALID,
        _on(
            ("discount", "proptype"),
            lambda a, c: (
                f"You told us that the percentage discount is {a.get('discount')}%. This is higher than we "
                "would expect."
            ),
        ),
        description="A discount over 50% for a flat or bedsit, or over 35% for a house, bungalow or other.",
        confirm_field="percentage_discount_value_check",
        decision="Quirk §7 #9: fixed — the national title shows a raw `%{discount}` placeholder; we show the discount.",
    ),
    Check(
        "GRANT",
        Severity.SOFT,
        GRANT_OUTSIDE_COMMON_RANGE,
        _on(
            ("grant",),
            lambda a, c: (
                f"You told us that the grant amount is {format_pounds(a.get('grant'))}. Loans, grants and "
                "subsidies are usually between £9,000 and £16,000."
            ),
        ),
        description="A grant outside £9,000 to £16,000 for a sale type other than 8 and 21 (which I9 holds to it).",
        confirm_field="grant_value_check",
    ),
    Check(
        "STAIRBOUGHT",
        Severity.SOFT,
        STAIRBOUGHT_OVER_SOFT_MAX,
        _on(
            ("stairbought",),
            lambda a, c: (
                f"You told us that {a.get('stairbought')}% was bought in this staircasing transaction. Most "
                "staircasing transactions are less than 50%"
            ),
        ),
        description="More than 50% bought in a staircasing transaction.",
        confirm_field="staircase_bought_value_check",
    ),
    Check(
        "STAIROWNED",
        Severity.SOFT,
        STAIROWNED_OUT_OF_SOFT_RANGE,
        _on(
            ("type", "stairowned"),
            lambda a, c: (
                f"You told us that {_buyers(a, 'the buyers now own', 'the buyer now owns')} "
                f"{a.get('stairowned')}% of the property. The maximum percentage that can be owned under the Older "
                "Persons Shared Ownership scheme is 75%, unless the property was funded outside the Affordable Homes "
                "Programme. Make sure these answers are correct."
            ),
        ),
        description="Older Persons Shared Ownership buyers now own 76% to 100%.",
        confirm_field="stairowned_value_check",
    ),
    Check(
        "CHARGES",
        Severity.SOFT,
        MONTHLY_CHARGES_OVER_SOFT_MAX,
        _on(
            ("type", "mscharge", "proptype"),
            lambda a, c: (
                f"You told us that the monthly charges were {format_pounds(a.get('mscharge'))}. This is "
                "higher than we would expect."
            ),
        ),
        description="Monthly charges over £300 (£550 for Older Persons Shared Ownership).",
        confirm_field="monthly_charges_value_check",
    ),
)
CHECKS_BY_ID: Mapping[str, Check] = {c.id: c for c in SOFT_CHECKS}
