"""What the three sale information subsections share (sales 2026/27): questions, money helpers, rules.

The shared ownership initial purchase, staircasing and discounted ownership subsections ask several of the same
answers with their own wording and question numbers (sales-2026.md §2.8): the purchase price (`value`), the initial
equity share, whether a mortgage was used and its amount and length, the deposit, service or leasehold charges, and
how long the buyers lived in the property. Their question builders are here, with:

- the computed quantities of §3.3 that the funding checks use (`value_with_discount`, `over_tolerance`, ...);
- the derivations of §3.2 that hold on every route: rows 3 (no service charge amount without service charges),
  26 (mortgage length known when the buyer turns out not to have been interviewed) and 28 (mortgage 0 when no
  mortgage was used, cleared when not known);
- the hard checks of §4.2 that concern more than one route: F4 (mortgage not £0), F5 (charges not £0), F10 (initial
  equity range by shared ownership type, also for the staircasing "initial equity", quirk §7 #15) and I8 (basic rent).
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping, MutableMapping
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any

from collect.rulebook import Check, Derivation, F, Option, Pred, Question, QuestionKind, Severity
from collect.rulebook.declaration import OptionKind
from collect.standards.answers import as_code, changed_since
from collect.standards.sales.y2026.common import SHARED_OWNERSHIP, YES_NO, number

ANY = Mapping[str, Any]

# --------------------------------------------------------------------------------------------------------------------
# Formatting and dates


def percent(value: Any) -> str:
    """A percentage as messages show it: 25%, 27.5% (no trailing zeros)."""
    amount = number({"v": value}, "v")
    if amount is None:
        return f"{value}%"
    if amount == amount.to_integral_value():
        return f"{int(amount)}%"
    return f"{format(amount.normalize(), 'f')}%"


def years_before(day: datetime.date, years: int) -> datetime.date:
    """The same day `years` earlier (29 February becomes 28 February, as Rails' `date - n.years`)."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


# --------------------------------------------------------------------------------------------------------------------
# Computed quantities (§3.3): functions of the answers, never stored.

ONE_POUND = Decimal(1)
TOLERANCE_SHARE = Decimal("0.001")  # 0.1% of the price: half the spread of a percentage given to the nearest 0.1
HUNDRED = Decimal(100)


def value_with_discount(answers: ANY) -> Decimal | None:
    """The purchase price less the percentage discount (the price itself without a discount)."""
    value, discount = number(answers, "value"), number(answers, "discount")
    if value is None:
        return None
    return value if discount is None else value - value * discount / HUNDRED


def value_with_discount_tolerance(answers: ANY) -> Decimal:
    """£1 without a price or a discount, else 0.1% of the price."""
    value, discount = number(answers, "value"), number(answers, "discount")
    return ONE_POUND if value is None or discount is None else value * TOLERANCE_SHARE


def mortgage_deposit_and_grant_total(answers: ANY) -> Decimal | None:
    """Mortgage (0 if none) + deposit + grant (0 if none); None without a deposit."""
    deposit = number(answers, "deposit")
    if deposit is None:
        return None
    return (number(answers, "mortgage") or 0) + deposit + (number(answers, "grant") or 0)


def expected_shared_ownership_deposit_value(answers: ANY) -> Decimal | None:
    """The price of the share bought: purchase price * initial equity / 100."""
    value, equity = number(answers, "value"), number(answers, "equity")
    return None if value is None or equity is None else value * equity / HUNDRED


def expected_shared_ownership_deposit_value_tolerance(answers: ANY) -> Decimal:
    """£1 without a price or an equity share, else 0.1% of the price."""
    value, equity = number(answers, "value"), number(answers, "equity")
    return ONE_POUND if value is None or equity is None else value * TOLERANCE_SHARE


def mortgage_and_deposit_total(answers: ANY) -> Decimal | None:
    """Mortgage + deposit, None unless both are given."""
    mortgage, deposit = number(answers, "mortgage"), number(answers, "deposit")
    return None if mortgage is None or deposit is None else mortgage + deposit


def mortgage_deposit_and_discount_total(answers: ANY) -> Decimal:
    """Mortgage + deposit + Social HomeBuy cash discount, each 0 when missing."""
    return sum((number(answers, name) or Decimal(0) for name in ("mortgage", "deposit", "cashdis")), Decimal(0))


def deposit_and_discount_total(answers: ANY) -> Decimal:
    """Deposit + Social HomeBuy cash discount, each 0 when missing."""
    return (number(answers, "deposit") or Decimal(0)) + (number(answers, "cashdis") or Decimal(0))


def stairbought_part_of_value(answers: ANY) -> Decimal | None:
    """The price of the share bought in a staircasing transaction: purchase price * percentage bought / 100."""
    value, bought = number(answers, "value"), number(answers, "stairbought")
    return None if value is None or bought is None else value * bought / HUNDRED


def discount_value(answers: ANY) -> Decimal | None:
    """The discount in pounds: purchase price * percentage discount / 100."""
    value, discount = number(answers, "value"), number(answers, "discount")
    return None if value is None or discount is None else value * discount / HUNDRED


def over_tolerance(amount: Decimal, expected: Decimal, tolerance: Decimal, *, strict: bool) -> bool:
    """Whether two amounts differ by more than the tolerance (`strict`) or by at least it."""
    difference = abs(amount - expected)
    return difference > tolerance if strict else difference >= tolerance


# --------------------------------------------------------------------------------------------------------------------
# Questions (§2.8), built per route: the wording, numbers and hints differ between the subsections.

MONEY_STEP = Decimal("0.01")
PERCENT_STEP = Decimal("0.1")
MAX_PRICE = 999_999


def lived_before_purchase(question_number: int, *, joint: bool) -> tuple[Question, Question]:
    """Did the buyer(s) live in the property before purchasing it, and for how long (proplen_asked, proplen)."""
    who = "buyers" if joint else "buyer"
    asked = Question(
        "proplen_asked",
        QuestionKind.RADIO,
        f"Did the {who} live in the property before purchasing it?",
        f"{who.capitalize()} lived in the property before purchasing",
        number=question_number,
        options=(Option(0, "Yes"), Option(1, "No")),
    )
    years = Question(
        "proplen",
        QuestionKind.NUMERIC,
        "How long did they live there?",
        "Number of years living in the property before purchase",
        hint="You should round up to the nearest year",
        number=question_number,
        minimum=1,
        maximum=80,
        step=1,
        suffix=" years",
        width=5,
        revealed_by=("proplen_asked", frozenset({0})),
    )
    return asked, years


def purchase_price(question_number: int, text: str, label: str, hint: str, width: int) -> Question:
    """The full purchase price (value): £15,000 to £999,999 in whole pounds."""
    return Question(
        "value",
        QuestionKind.NUMERIC,
        text,
        label,
        hint=hint,
        number=question_number,
        minimum=15_000,
        maximum=MAX_PRICE,
        step=1,
        prefix="£",
        width=width,
    )


def initial_equity(question_number: int, text: str) -> Question:
    """The initial percentage equity share (equity): 0 to 100% to the nearest 0.1%."""
    return Question(
        "equity",
        QuestionKind.NUMERIC,
        text,
        "Initial percentage equity share",
        hint="Enter the amount of initial equity share held by the purchaser (for example, 25% or 50%)",
        number=question_number,
        minimum=0,
        maximum=100,
        step=PERCENT_STEP,
        suffix="%",
        width=5,
    )


MORTGAGE_NOT_USED, MORTGAGE_NOT_KNOWN = 2, 3


def mortgage_used(
    question_number: int, text: str = "Was a mortgage used for the purchase of this property?"
) -> Question:
    """Whether a mortgage was used (mortgageused): every option is offered in 2026, "Don't know" included (I14)."""
    return Question(
        "mortgageused",
        QuestionKind.RADIO,
        text,
        "Mortgage used",
        number=question_number,
        options=(*YES_NO, Option(MORTGAGE_NOT_KNOWN, "Don’t know", kind=OptionKind.DONT_KNOW)),
    )


def mortgage_amount(question_number: int) -> Question:
    """The mortgage amount: £1 to £999,999; 0 (not asked, not cleared) when no mortgage was used (§3.2 row 28)."""
    return Question(
        "mortgage",
        QuestionKind.NUMERIC,
        "What is the mortgage amount?",
        "Mortgage amount",
        hint="Enter the amount of mortgage agreed with the mortgage lender. Exclude any deposits or cash payments. "
        "Numeric in pounds. Rounded to the nearest pound.",
        number=question_number,
        minimum=1,
        maximum=MAX_PRICE,
        step=1,
        prefix="£",
        width=5,
        derived_when=F("mortgageused") == MORTGAGE_NOT_USED,
    )


def mortgage_length(question_number: int, *, interviewed: bool) -> tuple[Question, ...]:
    """The mortgage length: asked outright when the buyers were interviewed, after "Do you know ...?" when not."""
    length = Question(
        "mortlen",
        QuestionKind.NUMERIC,
        "What is the length of the mortgage?",
        "Length of mortgage",
        hint="You should round up to the nearest year. Value should not exceed 60 years.",
        number=question_number,
        minimum=0,
        maximum=60,
        step=1,
        suffix=" years",
        width=5,
    )
    if interviewed:
        return (length,)
    known = Question(
        "mortlen_known",
        QuestionKind.RADIO,
        "Do you know the length of the mortgage?",
        "Length of mortgage known",
        number=question_number,
        options=(Option(0, "Yes"), Option(1, "No", kind=OptionKind.DONT_KNOW)),
    )
    return known, replace(length, revealed_by=("mortlen_known", frozenset({0})))


def cash_deposit(question_number: int, hint: str) -> Question:
    """The cash deposit: £0 to £999,999 in whole pounds."""
    return Question(
        "deposit",
        QuestionKind.NUMERIC,
        "How much cash deposit was paid on the property?",
        "Deposit amount",
        hint=hint,
        number=question_number,
        minimum=0,
        maximum=MAX_PRICE,
        step=1,
        prefix="£",
        width=5,
    )


SERVICE_CHARGES_HINT = (
    "This includes any charges for day-to-day maintenance and repairs, building insurance, and any contributions to a "
    "sinking or reserved fund. It does not include estate management fees."
)
HAS_CHARGES, NO_CHARGES = 1, 0


def service_charges(question_number: int) -> tuple[Question, Question]:
    """Shared ownership service charges (has_mscharge, mscharge): £1 to £9,999.99 a month."""
    has = Question(
        "has_mscharge",
        QuestionKind.RADIO,
        "Does the property have any service charges?",
        "Property service charges",
        hint=SERVICE_CHARGES_HINT,
        number=question_number,
        options=(Option(HAS_CHARGES, "Yes"), Option(NO_CHARGES, "No")),
    )
    amount = Question(
        "mscharge",
        QuestionKind.NUMERIC,
        "Enter the total monthly charge",
        "Monthly service charges",
        number=question_number,
        minimum=1,
        maximum=Decimal("9999.99"),
        step=MONEY_STEP,
        prefix="£",
        width=5,
        revealed_by=("has_mscharge", frozenset({HAS_CHARGES})),
    )
    return has, amount


def leasehold_charges(question_number: int) -> tuple[Question, Question]:
    """Discounted ownership leasehold charges (has_mscharge, mscharge): at least £1 a month, no maximum."""
    has = Question(
        "has_mscharge",
        QuestionKind.RADIO,
        "Does the property have any monthly leasehold charges?",
        "Property leasehold charges",
        hint="For example, service and management charges",
        number=question_number,
        options=(Option(HAS_CHARGES, "Yes"), Option(NO_CHARGES, "No")),
    )
    amount = Question(
        "mscharge",
        QuestionKind.NUMERIC,
        "Enter the total monthly charge",
        "Monthly leasehold charges",
        number=question_number,
        minimum=1,
        step=MONEY_STEP,
        prefix="£",
        width=5,
        revealed_by=("has_mscharge", frozenset({HAS_CHARGES})),
    )
    return has, amount


# --------------------------------------------------------------------------------------------------------------------
# Derivations of §3.2 that hold on every sale information route.


def _no_charge_amount(answers: MutableMapping[str, Any], context: Any, previous: ANY | None) -> None:
    if answers.get("has_mscharge") == NO_CHARGES:
        answers["mscharge"] = None


def _mortgage_by_mortgage_used(answers: MutableMapping[str, Any], context: Any, previous: ANY | None) -> None:
    used = answers.get("mortgageused")
    if used == MORTGAGE_NOT_USED:
        answers["mortgage"] = 0
    elif used == MORTGAGE_NOT_KNOWN:
        answers["mortgage"] = None


def _mortlen_known_when_no_longer_interviewed(
    answers: MutableMapping[str, Any], context: Any, previous: ANY | None
) -> None:
    interviewed_before = previous is not None and previous.get("noint") == 2
    no_longer = interviewed_before and changed_since("noint", answers, previous) and answers.get("noint") == 1
    if no_longer and answers.get("mortlen") is not None:
        answers["mortlen_known"] = 0


DERIVATIONS: tuple[Derivation, ...] = (
    Derivation(
        "mscharge_without_charges",
        "No service or leasehold charges (has_mscharge 0): the monthly amount is cleared (§3.2 row 3).",
        ("mscharge",),
        ("has_mscharge",),
        _no_charge_amount,
    ),
    Derivation(
        "mortgage_by_mortgage_used",
        "No mortgage used (mortgageused 2): the mortgage amount is 0; not known whether one was used (3): the amount "
        "is cleared (§3.2 row 28). The 0 is kept on the staircasing route too, where the amount is never asked "
        "(quirk §7 #3).",
        ("mortgage",),
        ("mortgageused",),
        _mortgage_by_mortgage_used,
    ),
    Derivation(
        "mortlen_known_not_interviewed",
        "When the answer to 'Did you interview the buyer?' changes from Yes (2) to No (1) and a mortgage length is "
        "given, the length is recorded as known (mortlen_known 0), as the not-interviewed page asks it (§3.2 row 26). "
        "Nothing changes for a new log.",
        ("mortlen_known",),
        ("noint", "mortlen"),
        _mortlen_known_when_no_longer_interviewed,
    ),
)

# --------------------------------------------------------------------------------------------------------------------
# Hard checks on more than one route (§4.2 F4, F5, F10, I8).


@dataclass(frozen=True)
class EquityRange:
    """The initial equity stake allowed for a shared ownership type, in percent."""

    minimum: int
    maximum: int


EQUITY_RANGES: Mapping[int, EquityRange] = {
    2: EquityRange(25, 75),
    30: EquityRange(10, 75),
    18: EquityRange(25, 90),
    16: EquityRange(10, 75),
    24: EquityRange(10, 75),
    28: EquityRange(10, 75),
    31: EquityRange(10, 75),
    32: EquityRange(10, 75),
}


def _equity_range(answers: ANY) -> EquityRange | None:
    code = as_code(answers.get("type"))
    return None if code is None else EQUITY_RANGES.get(code)


def _equity_under(answers: ANY, context: Any) -> bool:
    equity, found = number(answers, "equity"), _equity_range(answers)
    return equity is not None and found is not None and equity < found.minimum


def _equity_over(answers: ANY, context: Any) -> bool:
    equity, found = number(answers, "equity"), _equity_range(answers)
    return (
        equity is not None
        and found is not None
        and equity >= found.minimum
        and answers.get("resale") != 1
        and equity > found.maximum
    )


EQUITY_UNDER = Pred(
    "the initial equity is under the minimum for the shared ownership type", _equity_under, reads=("equity", "type")
)
EQUITY_OVER = Pred(
    "the initial equity is over the maximum for the shared ownership type, and the sale is not a resale",
    _equity_over,
    reads=("equity", "type", "resale"),
)


def _equity_under_message(answers: ANY, context: Any) -> str:
    found = _equity_range(answers)
    low = found.minimum if found else ""
    return f"The minimum initial equity stake for this type of shared ownership sale is {low}%."


def _equity_over_message(answers: ANY, context: Any) -> str:
    found = _equity_range(answers)
    return f"The maximum initial equity stake is {found.maximum if found else ''}%."


MAX_BASIC_RENT = 9_999
MORTGAGE_USED_AMOUNT_ZERO = (F("mortgageused") == 1) & (F("mortgage") == 0)

CHECKS: tuple[Check, ...] = (
    Check(
        "F4",
        Severity.HARD,
        MORTGAGE_USED_AMOUNT_ZERO,
        {"mortgage": "Mortgage value cannot be £0 if a mortgage was used for the purchase of this property."},
        description="A mortgage was used, so its amount is not £0.",
    ),
    Check(
        "F5",
        Severity.HARD,
        F("mscharge") == 0,
        {"mscharge": "Monthly leasehold charges cannot be £0 if the property has monthly charges."},
        description="A monthly service or leasehold charge, when given, is not £0.",
    ),
    Check(
        "F10.under",
        Severity.HARD,
        EQUITY_UNDER,
        {"equity": _equity_under_message, "type": _equity_under_message},
        description="The initial equity stake is at least the minimum for the shared ownership type: 25% for old "
        "model leases (2) and Social HomeBuy (18), 10% for the others.",
        decision="Quirk §7 #15, kept: the range also applies to the staircasing route's 'initial equity', which is "
        "the share bought at the initial purchase and so was held to the same range then (resale is not asked there, "
        "so the maximum applies).",
    ),
    Check(
        "F10.over",
        Severity.HARD,
        EQUITY_OVER,
        {"equity": _equity_over_message, "type": _equity_over_message, "resale": _equity_over_message},
        description="Unless the sale is a resale, the initial equity stake is at most the maximum for the shared "
        "ownership type: 90% for Social HomeBuy (18), 75% for the others.",
        decision="Quirk §7 #15, kept (see F10.under).",
    ),
    Check(
        "I8",
        Severity.HARD,
        SHARED_OWNERSHIP
        & F("type").answered()
        & (F("type") != 24)  # Older Persons Shared Ownership has no rent limit
        & (F("mrent") > MAX_BASIC_RENT),
        {
            "mrent": "Basic monthly rent must be between £0.00 and £9,999.00.",
            "type": "Basic monthly rent must be between £0.00 and £9,999.00.",
        },
        description="A shared ownership basic monthly rent is at most £9,999, except for Older Persons Shared "
        "Ownership.",
    ),
)
