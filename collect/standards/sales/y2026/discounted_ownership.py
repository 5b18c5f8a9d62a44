"""Discounted ownership scheme (sales 2026/27): pages, checks and derivations (sales-2026.md §1.9, §2.8).

Hard checks owned here: I6 (funding), I9 (grant range) and I11 (discount cap); F4 and F5 (shared with the shared
ownership route) are in sale_information.py. Soft checks shown here: DISCOUNT, GRANT, PRICE, MORTGAGE, DEPOSIT and
CHARGES (declared in triggers.py).

Not declared (quirk §7 #2): the three `discounted_ownership_deposit_and_mortgage_value_check_*` interruption pages
(after the price and discount, after the mortgage, after the deposit). Their trigger returns nothing from 2026, so
no log can be shown them; their confirmation field `deposit_and_mortgage_value_check` is not collected either.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from collect.rulebook import Check, Derivation, F, Option, Page, Pred, Question, QuestionKind, Severity, Subsection
from collect.rulebook.declaration import OptionKind
from collect.standards.answers import format_pounds
from collect.standards.sales.y2026 import triggers
from collect.standards.sales.y2026.common import (
    DISCOUNTED_OWNERSHIP,
    JOINT,
    MORTGAGE_USED,
    NOT_INTERVIEWED,
    NOT_JOINT_OR_UNKNOWN,
    RENT_TO_BUY_FULL,
    RIGHT_TO_BUY,
    SETUP_DONE,
    YES_NO,
    in_london,
    number,
)
from collect.standards.sales.y2026.sale_information import (
    PERCENT_STEP,
    cash_deposit,
    discount_value,
    leasehold_charges,
    lived_before_purchase,
    mortgage_amount,
    mortgage_deposit_and_grant_total,
    mortgage_length,
    mortgage_used,
    over_tolerance,
    percent,
    purchase_price,
    value_with_discount,
    value_with_discount_tolerance,
)

ANY = Mapping[str, Any]

# Questions (§2.8, discounted ownership)

LIVED_JOINT = lived_before_purchase(112, joint=True)
LIVED_NOT_JOINT = lived_before_purchase(112, joint=False)
value = purchase_price(
    113,
    "What is the full purchase price?",
    "Purchase price",
    "For all schemes, including Right to Acquire (RTA), Right to Buy (RTB) or Preserved Right to Buy (PRTB) sales, "
    "enter the full price of the property without any discount.",
    width=5,
)
grant = Question(
    "grant",
    QuestionKind.NUMERIC,
    "What was the amount of any loan, grant, discount or subsidy given?",
    "Amount of any loan, grant or subsidy",
    hint="For all schemes except Right to Buy (RTB), Preserved Right to Buy (PRTB) and Rent to Buy",
    number=114,
    minimum=0,
    maximum=999_999,
    step=1,
    prefix="£",
    width=5,
)
discount = Question(
    "discount",
    QuestionKind.NUMERIC,
    "What was the percentage discount?",
    "Percentage discount",
    hint="For Right to Buy (RTB) and Preserved Right to Buy (PRTB). For capped discount, enter capped %. If the "
    "property is sold to an existing tenant under RTB or PRTB, enter % discount from full market value.",
    number=115,
    minimum=0,
    maximum=70,
    step=PERCENT_STEP,
    suffix="%",
    width=5,
)
mortgageused = mortgage_used(116)
mortgage = mortgage_amount(117)
MORTLEN_NOT_INTERVIEWED = mortgage_length(118, interviewed=False)
MORTLEN_INTERVIEWED = mortgage_length(118, interviewed=True)
extrabor = Question(
    "extrabor",
    QuestionKind.RADIO,
    "Does this include any extra borrowing?",
    "Any other borrowing",
    number=119,
    options=(*YES_NO, Option(3, "Don’t know", kind=OptionKind.DONT_KNOW)),
)
deposit = cash_deposit(
    120,
    "Enter the total cash sum paid by the buyer towards the property that was not funded by the mortgage. This "
    "excludes any grant or loan.",
)
LEASEHOLD_CHARGES = leasehold_charges(121)

# Pages (§1.9)

PRICE_HEADER = "About the price of the property"
# Quirk §7 #14, kept: right to buy includes Voluntary Right to Buy (27), which is no longer offered; a 27 cannot be
# entered in 2026 (it is not one of the discounted ownership types), so the difference never shows.
GRANT_TYPES = ~RIGHT_TO_BUY & ~RENT_TO_BUY_FULL  # types 8, 21, 22 (or not yet known)

PAGES: tuple[Page, ...] = (
    Page("living_before_purchase_discounted_ownership_joint_purchase", LIVED_JOINT, shown_when=JOINT),
    Page("living_before_purchase_discounted_ownership", LIVED_NOT_JOINT, shown_when=NOT_JOINT_OR_UNKNOWN),
    # "right to buy, or neither right to buy nor rent to buy": every type but Rent to Buy - Full Ownership (29).
    Page("purchase_price", (value,), shown_when=F("type") != 29, header=PRICE_HEADER),
    Page("discount", (discount,), shown_when=RIGHT_TO_BUY, header=PRICE_HEADER),
    triggers.interruption_page("percentage_discount_value_check", triggers.CHECKS_BY_ID["DISCOUNT"]),
    Page("grant", (grant,), shown_when=GRANT_TYPES, header=PRICE_HEADER),
    triggers.interruption_page("grant_value_check", triggers.CHECKS_BY_ID["GRANT"]),
    Page("purchase_price_discounted_ownership", (value,), shown_when=RENT_TO_BUY_FULL, header=PRICE_HEADER),
    triggers.interruption_page("about_price_discounted_ownership_value_check", triggers.CHECKS_BY_ID["PRICE"]),
    Page("mortgage_used_discounted_ownership", (mortgageused,)),
    triggers.interruption_page(
        "discounted_ownership_mortgage_used_mortgage_value_check", triggers.CHECKS_BY_ID["MORTGAGE"]
    ),
    Page("mortgage_amount_discounted_ownership", (mortgage,), shown_when=MORTGAGE_USED),
    triggers.interruption_page(
        "discounted_ownership_mortgage_amount_mortgage_value_check", triggers.CHECKS_BY_ID["MORTGAGE"]
    ),
    Page(
        "mortgage_length_discounted_ownership_not_interviewed",
        MORTLEN_NOT_INTERVIEWED,
        shown_when=MORTGAGE_USED & NOT_INTERVIEWED,
    ),
    Page(
        "mortgage_length_discounted_ownership_interviewed",
        MORTLEN_INTERVIEWED,
        shown_when=MORTGAGE_USED & (F("noint") != 1),
    ),
    Page("extra_borrowing_discounted_ownership", (extrabor,), shown_when=MORTGAGE_USED),
    Page("deposit_discounted_ownership", (deposit,), header="About the deposit"),
    triggers.interruption_page(
        "discounted_ownership_deposit_joint_purchase_value_check", triggers.CHECKS_BY_ID["DEPOSIT"], when=JOINT
    ),
    triggers.interruption_page(
        "discounted_ownership_deposit_value_check", triggers.CHECKS_BY_ID["DEPOSIT"], when=NOT_JOINT_OR_UNKNOWN
    ),
    Page("leasehold_charges_discounted_ownership", LEASEHOLD_CHARGES),
    triggers.interruption_page("monthly_charges_discounted_ownership_value_check", triggers.CHECKS_BY_ID["CHARGES"]),
)
SUBSECTION = Subsection(
    "discounted_ownership_scheme",
    "Discounted ownership scheme",
    PAGES,
    enabled_when=DISCOUNTED_OWNERSHIP & SETUP_DONE,
    listed_when=F("ownershipsch").one_of(None, 2),
)
DERIVATIONS: tuple[Derivation, ...] = ()

# Checks (§4.2 I6, I9, I11)

# I6: the mortgage, deposit and grant pay the price less any discount. With a discount the tolerance is 0.1% of the
# price and only more than it is an error; without one (a grant, or Rent to Buy) a difference of £1 or more is.


def _funding_applies(answers: ANY) -> bool:
    return (
        answers.get("ownershipsch") == 2
        and answers.get("saledate") is not None
        and number(answers, "value") is not None
        and number(answers, "deposit") is not None
        and (number(answers, "mortgage") is not None or answers.get("mortgageused") == 2)
        and (
            number(answers, "discount") is not None or number(answers, "grant") is not None or answers.get("type") == 29
        )
    )


def _funding_mismatch(answers: ANY, context: Any) -> bool:
    if not _funding_applies(answers):
        return False
    total, price = mortgage_deposit_and_grant_total(answers), value_with_discount(answers)
    if total is None or price is None:
        return False
    strict = number(answers, "discount") is not None
    return over_tolerance(total, price, value_with_discount_tolerance(answers), strict=strict)


FUNDING_MISMATCH = Pred(
    "the mortgage, deposit and grant differ from the purchase price less the discount (I6)",
    _funding_mismatch,
    reads=("ownershipsch", "saledate", "value", "deposit", "mortgage", "mortgageused", "discount", "grant", "type"),
)


def _funding_message(answers: ANY, context: Any) -> str:
    """The amounts paid and the price less any discount, as I6 words them."""
    mortgage = number(answers, "mortgage")
    mortgage_text = f" ({format_pounds(mortgage)})" if mortgage is not None and mortgage > 0 else ""
    deposit_text = format_pounds(answers.get("deposit"))
    if number(answers, "grant") is not None:
        paid = f", cash deposit ({deposit_text}), and grant ({format_pounds(answers.get('grant'))})"
    else:
        paid = f" and cash deposit ({deposit_text})"
    value_text = format_pounds(answers.get("value"))
    discount_text = (
        f" ({value_text}) subtracted by the sum of the full purchase price ({value_text}) multiplied by the "
        f"percentage discount ({percent(answers.get('discount'))})"
        if number(answers, "discount") is not None
        else ""
    )
    return (
        f"The mortgage{mortgage_text}{paid} added together is "
        f"{format_pounds(mortgage_deposit_and_grant_total(answers))}.\n\n"
        f"The full purchase price{discount_text} is {format_pounds(value_with_discount(answers))}.\n\n"
        "These two amounts should be the same."
    )


GRANT_RANGE = (9_000, 16_000)
GRANT_HELD_TO_RANGE = (8, 21)  # Right to Acquire, Social HomeBuy for outright purchase (type 22: soft check GRANT)

# I11: the discount in pounds is capped.
LONDON_DISCOUNT_CAP, DISCOUNT_CAP = Decimal(137_400), Decimal(103_400)


def _discount_cap(answers: ANY) -> Decimal | None:
    london = in_london(answers)
    return None if london is None else LONDON_DISCOUNT_CAP if london else DISCOUNT_CAP


def _discount_over_cap(answers: ANY, context: Any) -> bool:
    amount, cap = discount_value(answers), _discount_cap(answers)
    return answers.get("saledate") is not None and amount is not None and cap is not None and amount > cap


def _discount_cap_message(answers: ANY, context: Any) -> str:
    where = "in London" if in_london(answers) else "outside of London"
    return (
        f"The percentage discount multiplied by the purchase price is {format_pounds(discount_value(answers))}. This "
        f"figure should not be more than {format_pounds(_discount_cap(answers))} for properties {where}."
    )


CHECKS: tuple[Check, ...] = (
    Check(
        "I6",
        Severity.HARD,
        FUNDING_MISMATCH,
        dict.fromkeys(
            ("mortgageused", "mortgage", "value", "deposit", "discount", "grant", "ownershipsch"), _funding_message
        ),
        description="Discounted ownership: the mortgage, cash deposit and grant add up to the purchase price less "
        "the percentage discount; within 0.1% of the price with a discount, under £1 without one.",
        decision="Quirk §7 #21, kept: without a discount every amount is in whole pounds, so 'a difference of £1 or "
        "more' is exact equality, while a percentage discount to the nearest 0.1% leaves a price only known to within "
        "0.1%. Messages: the national text's HTML line breaks are paragraphs (blank lines) here.",
    ),
    Check(
        "I9",
        Severity.HARD,
        F("saledate").answered()
        & F("type").one_of(*GRANT_HELD_TO_RANGE)
        & ((F("grant") < GRANT_RANGE[0]) | (F("grant") > GRANT_RANGE[1])),
        {"grant": "Loan, grants or subsidies must be between £9,000 and £16,000."},
        description="For Right to Acquire (8) and Social HomeBuy for outright purchase (21), a loan, grant or "
        "subsidy is £9,000 to £16,000.",
    ),
    Check(
        "I11",
        Severity.HARD,
        Pred(
            "the discount in pounds is over £137,400 in London or £103,400 elsewhere",
            _discount_over_cap,
            reads=("saledate", "value", "discount", "la"),
        ),
        dict.fromkeys(("discount", "value", "la", "postcode_full", "uprn"), _discount_cap_message),
        description="The percentage discount times the purchase price is at most £137,400 in London or £103,400 "
        "elsewhere.",
    ),
)
