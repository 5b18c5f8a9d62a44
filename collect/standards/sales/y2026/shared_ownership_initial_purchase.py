"""Shared ownership - initial purchase (sales 2026/27): pages, checks and derivations (sales-2026.md §1.7, §2.8).

Hard checks owned here: I1 (handover date), I5 (previous bedsit) and I12 (funding of the share bought); the checks
this route shares with the others (F4, F5, F10, I8) are in sale_information.py. Soft checks shown here: PRICE,
MORTGAGE, DEPOSIT and CHARGES (declared in triggers.py).

Pages of §1.7 that are not declared, as no log can be shown them in 2026:
- `handover_date_check` (quirk §7 #1): its trigger, a handover date 5 years or more before the sale, is the same
  condition as the hard check I1(b), which rejects the answer first; its title also says "more than 3 years".
  Decision: not declared; I1 is the rule.
- `buyer_previous_joint_purchase`, `buyer_previous_not_joint_purchase` (soctenant): shown only when soctenant is not
  inferred, and since 2024 it always is (soctenant is derived from the previous tenures, never asked).
- `deposit_shared_ownership_optional`, `deposit_discount_optional`: shown only when the buyers own 100% (stairowned),
  which is asked on the staircasing route only, so never on this one. For the same reason the deposit and Social
  HomeBuy cash discount pages are declared without the "not stairowned 100" part of their condition: a stairowned
  left over from the staircasing route would hide them for one clearing pass and lose their answers.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, MutableMapping
from decimal import Decimal
from typing import Any

from collect.rulebook import Check, Derivation, F, Option, Page, Pred, Question, QuestionKind, Severity, Subsection
from collect.rulebook.declaration import OptionKind
from collect.standards.answers import as_date, format_pounds
from collect.standards.sales.y2026 import triggers
from collect.standards.sales.y2026.common import (
    JOINT,
    MORTGAGE_USED,
    NOT_INTERVIEWED,
    NOT_JOINT_OR_UNKNOWN,
    SETUP_DONE,
    SHARED_OWNERSHIP,
    SOCIAL_HOMEBUY,
    YES_NO,
    number,
)
from collect.standards.sales.y2026.sale_information import (
    HAS_CHARGES,
    MONEY_STEP,
    NO_CHARGES,
    cash_deposit,
    deposit_and_discount_total,
    expected_shared_ownership_deposit_value,
    expected_shared_ownership_deposit_value_tolerance,
    initial_equity,
    lived_before_purchase,
    mortgage_amount,
    mortgage_and_deposit_total,
    mortgage_deposit_and_discount_total,
    mortgage_length,
    mortgage_used,
    over_tolerance,
    percent,
    purchase_price,
    service_charges,
    years_before,
)

ANY = Mapping[str, Any]
SOCIAL_HOMEBUY_TYPE = 18

# Questions (§2.8, shared ownership - initial purchase)

resale = Question(
    "resale",
    QuestionKind.RADIO,
    "Is this a resale?",
    "Resale",
    hint="If the social landlord has previously sold the property to another buyer and is now reselling the property, "
    "select 'yes'. If this is the first time the property has been sold, select 'no'.",
    number=82,
    options=YES_NO,
)
LIVED_JOINT = lived_before_purchase(83, joint=True)
LIVED_NOT_JOINT = lived_before_purchase(83, joint=False)
hodate = Question(
    "hodate",
    QuestionKind.DATE,
    "What is the practical completion or handover date?",
    "Practical completion or handover date",
    hint="This is the date on which the building contractor hands over responsibility for the completed property to "
    "the private registered provider (PRP)",
    number=84,
)
frombeds = Question(
    "frombeds",
    QuestionKind.NUMERIC,
    "How many bedrooms did the property have?",
    "Number of bedrooms in previous property",
    hint="A bedsit has 1 bedroom.",
    number=85,
    minimum=1,
    maximum=6,
    step=1,
    width=5,
)
PROPERTY_TYPES = (
    Option(1, "Flat or maisonette"),
    Option(2, "Bedsit"),
    Option(3, "House"),
    Option(4, "Bungalow"),
    Option(9, "Other"),
    Option(0, "Don’t know", kind=OptionKind.DONT_KNOW),  # a valid code (bulk upload) that the form does not offer
)
OFFERED_PROPERTY_TYPES = frozenset({1, 2, 3, 4, 9})
fromprop = Question(
    "fromprop",
    QuestionKind.RADIO,
    "What was the previous property type?",
    "Previous property type",
    number=86,
    options=PROPERTY_TYPES,
    offered_options=lambda answers, context: OFFERED_PROPERTY_TYPES,
)
socprevten = Question(
    "socprevten",
    QuestionKind.RADIO,
    "What was the previous tenure of the buyer?",
    "Previous property tenure",
    number=87,
    options=(
        Option(1, "Social Rent"),
        Option(2, "Affordable Rent"),
        Option(3, "London Affordable Rent"),
        Option(9, "Other"),
        Option(10, "Don’t know", kind=OptionKind.DONT_KNOW),
    ),
)
value = purchase_price(
    88,
    "What was the full purchase price?",
    "Full purchase price",
    "Enter the full purchase price of the property before any discounts are applied. This is the full purchase price "
    "paid for 100% equity (this is equal to the value of the share owned by the PRP plus the value bought by the "
    "purchaser).",
    width=10,
)
equity = initial_equity(89, "What was the initial percentage share purchased?")
mortgageused = mortgage_used(90)
mortgage = mortgage_amount(91)
MORTLEN_NOT_INTERVIEWED = mortgage_length(92, interviewed=False)
MORTLEN_INTERVIEWED = mortgage_length(92, interviewed=True)
deposit = cash_deposit(
    93, "Enter the total cash sum paid by the buyer towards the property that was not funded by the mortgage."
)
cashdis = Question(
    "cashdis",
    QuestionKind.NUMERIC,
    "How much cash discount was given through Social HomeBuy?",
    "Cash discount through SocialHomeBuy",
    hint="Enter the total cash discount given on the property being purchased through the Social HomeBuy scheme",
    number=94,
    minimum=0,
    maximum=999_999,
    step=1,
    prefix="£",
    width=5,
)
mrent = Question(
    "mrent",
    QuestionKind.NUMERIC,
    "What is the basic monthly rent?",
    "Monthly rent",
    hint="Amount paid before any charges",
    number=95,
    minimum=0,
    step=MONEY_STEP,
    prefix="£",
    width=5,
)
SERVICE_CHARGES = service_charges(96)
has_management_fee = Question(
    "has_management_fee",
    QuestionKind.RADIO,
    "Does the property have an estate management fee?",
    "Monthly estate management fee",
    hint="Estate management fees are typically used for the maintenance of communal gardens, payments, private "
    "roads, car parks and/or play areas within new build estates.",
    number=97,
    options=(Option(HAS_CHARGES, "Yes"), Option(NO_CHARGES, "No")),
)
management_fee = Question(
    "management_fee",
    QuestionKind.NUMERIC,
    "Enter the total monthly management fee",
    "Monthly estate management fee",
    number=97,
    minimum=1,
    maximum=9_999,
    step=MONEY_STEP,
    prefix="£",
    width=5,
    revealed_by=("has_management_fee", frozenset({HAS_CHARGES})),
)

# Pages (§1.7)

NOT_RESALE = F("resale") == 2
# Shown when soctenant is 0 or 1, or a shared ownership buyer was a social tenant: soctenant is derived as 1 exactly
# when buyer 1 or buyer 2 was a local authority (1) or housing association (2) tenant, so both come to this.
PREVIOUSLY_SOCIAL_TENANT = F("prevten").one_of(1, 2) | F("prevtenbuy2").one_of(1, 2)

PAGES: tuple[Page, ...] = (
    Page("resale", (resale,)),  # shown when staircase is 2 or 3, which the subsection needs anyway
    Page("living_before_purchase_shared_ownership_joint_purchase", LIVED_JOINT, shown_when=NOT_RESALE & JOINT),
    Page("living_before_purchase_shared_ownership", LIVED_NOT_JOINT, shown_when=NOT_RESALE & NOT_JOINT_OR_UNKNOWN),
    Page("handover_date", (hodate,), shown_when=NOT_RESALE),  # (handover_date_check: not declared, see above)
    Page("previous_bedrooms", (frombeds,), shown_when=PREVIOUSLY_SOCIAL_TENANT),
    Page("previous_property_type", (fromprop,), shown_when=PREVIOUSLY_SOCIAL_TENANT),
    Page("shared_ownership_previous_tenure", (socprevten,), shown_when=PREVIOUSLY_SOCIAL_TENANT),
    Page("value_shared_ownership", (value,), header="About the price of the property"),
    triggers.interruption_page("about_price_shared_ownership_value_check", triggers.CHECKS_BY_ID["PRICE"]),
    Page("initial_equity", (equity,), header="About the price of the property"),
    Page("mortgage_used_shared_ownership", (mortgageused,)),
    triggers.interruption_page("mortgage_used_mortgage_value_check", triggers.CHECKS_BY_ID["MORTGAGE"]),
    Page("mortgage_amount_shared_ownership", (mortgage,), shown_when=MORTGAGE_USED),
    triggers.interruption_page("mortgage_amount_mortgage_value_check", triggers.CHECKS_BY_ID["MORTGAGE"]),
    Page(
        "mortgage_length_shared_ownership_not_interviewed",
        MORTLEN_NOT_INTERVIEWED,
        shown_when=MORTGAGE_USED & NOT_INTERVIEWED,
    ),
    Page(
        "mortgage_length_shared_ownership_interviewed",
        MORTLEN_INTERVIEWED,
        shown_when=MORTGAGE_USED & (F("noint") != 1),
    ),
    Page("deposit_shared_ownership", (deposit,), header="About the deposit"),
    triggers.interruption_page("deposit_joint_purchase_value_check", triggers.CHECKS_BY_ID["DEPOSIT"], when=JOINT),
    triggers.interruption_page("deposit_value_check", triggers.CHECKS_BY_ID["DEPOSIT"], when=NOT_JOINT_OR_UNKNOWN),
    Page("deposit_discount", (cashdis,), shown_when=SOCIAL_HOMEBUY, header="About the deposit"),
    Page("monthly_rent", (mrent,)),
    Page("service_charge", SERVICE_CHARGES),
    triggers.interruption_page("monthly_charges_initial_purchase_value_check", triggers.CHECKS_BY_ID["CHARGES"]),
    Page("estate_management_fee", (has_management_fee, management_fee)),
)
SUBSECTION = Subsection(
    "shared_ownership_initial_purchase",
    "Shared ownership - initial purchase",
    PAGES,
    enabled_when=SHARED_OWNERSHIP & SETUP_DONE & (F("staircase") == 2),
    listed_when=(F("staircase") == 2) & F("ownershipsch").one_of(None, 1),
)

# Derivations (§3.2 row 5)

HANDOVER_PARTS = ("hoday", "homonth", "hoyear")


def _handover_parts(answers: MutableMapping[str, Any], context: Any, previous: ANY | None) -> None:
    day = as_date(answers.get("hodate"))
    parts = (None, None, None) if day is None else (day.day, day.month, day.year)
    for name, part in zip(HANDOVER_PARTS, parts, strict=True):
        answers[name] = part


DERIVATIONS: tuple[Derivation, ...] = (
    Derivation(
        "handover_date_parts",
        "The day, month and year of the handover date (hoday, homonth, hoyear); cleared with the date (§3.2 row 5; "
        "the national service leaves them when the date is cleared, which would keep a stale date in the data).",
        HANDOVER_PARTS,
        ("hodate",),
        _handover_parts,
    ),
)

# Checks (§4.2 I1, I5, I12)


def _handover_after_sale(answers: ANY, context: Any) -> bool:
    handover, sale = as_date(answers.get("hodate")), as_date(answers.get("saledate"))
    return handover is not None and sale is not None and handover > sale


def _handover_5_years_before_sale(answers: ANY, context: Any) -> bool:
    handover, sale = as_date(answers.get("hodate")), as_date(answers.get("saledate"))
    return handover is not None and sale is not None and years_before(sale, 5) >= handover


# The equity share paid for (I12): the mortgage (if used), deposit and Social HomeBuy cash discount against the
# price of the share bought, within 0.1% of the purchase price (strictly more is an error in 2026).


def _funding_applies(answers: ANY) -> bool:
    """Whether I12 applies: an initial purchase with its figures given, and a mortgage used (with its amount) or not.

    The figures: sale date, type, price, deposit, equity, and for Social HomeBuy the cash discount.
    """
    social_homebuy = answers.get("type") == SOCIAL_HOMEBUY_TYPE
    used = answers.get("mortgageused")
    return (
        answers.get("staircase") in (2, 3)
        and answers.get("ownershipsch") == 1
        and answers.get("saledate") is not None
        and answers.get("type") is not None
        and all(number(answers, name) is not None for name in ("value", "deposit", "equity"))
        and (not social_homebuy or number(answers, "cashdis") is not None)
        and (used == 2 or (used == 1 and number(answers, "mortgage") is not None))
    )


def _funding_total(answers: ANY) -> Decimal | None:
    """The amount paid for the share, or None when I12 does not apply."""
    if not _funding_applies(answers):
        return None
    social_homebuy = answers.get("type") == SOCIAL_HOMEBUY_TYPE
    if answers.get("mortgageused") == 1:
        if social_homebuy:
            return mortgage_deposit_and_discount_total(answers)
        return mortgage_and_deposit_total(answers)
    return deposit_and_discount_total(answers) if social_homebuy else number(answers, "deposit")


def _funding_mismatch(answers: ANY, context: Any) -> bool:
    total, expected = _funding_total(answers), expected_shared_ownership_deposit_value(answers)
    if total is None or expected is None:
        return False
    return over_tolerance(total, expected, expected_shared_ownership_deposit_value_tolerance(answers), strict=True)


FUNDING_READS = (
    "staircase",
    "ownershipsch",
    "saledate",
    "type",
    "value",
    "deposit",
    "equity",
    "cashdis",
    "mortgageused",
    "mortgage",
)
FUNDING_MISMATCH = Pred(
    "the mortgage, deposit and cash discount paid differ from the price of the equity share bought by more than "
    "0.1% of the purchase price (I12)",
    _funding_mismatch,
    reads=FUNDING_READS,
)


def _funding_message(answers: ANY, context: Any) -> str:
    """The amounts paid and the price of the share bought, as I12 words them."""
    used = answers.get("mortgageused") == 1
    social_homebuy = answers.get("type") == SOCIAL_HOMEBUY_TYPE
    deposit_text, value_text = format_pounds(answers.get("deposit")), format_pounds(answers.get("value"))
    expected = format_pounds(expected_shared_ownership_deposit_value(answers))
    total = format_pounds(_funding_total(answers))
    cash = format_pounds(answers.get("cashdis"))
    if used:
        paid = (
            f"The mortgage ({format_pounds(answers.get('mortgage'))}), cash deposit ({deposit_text}), and cash "
            f"discount ({cash}) added together is {total}."
            if social_homebuy
            else f"The mortgage ({format_pounds(answers.get('mortgage'))}) and cash deposit ({deposit_text}) added "
            f"together is {total}."
        )
        share = (
            f"The full purchase price ({value_text}) multiplied by the percentage equity stake purchased "
            f"({percent(answers.get('equity'))}) is {expected}."
        )
    else:
        paid = (
            f"The cash deposit ({deposit_text}) and cash discount ({cash}) added together is {total}."
            if social_homebuy
            else f"The cash deposit is {deposit_text}."
        )
        share = f"The full purchase price ({value_text}) multiplied by the percentage bought is {expected}."
    return f"{paid}\n\n{share}\n\nThese two amounts should be the same."


def _funding_field(applies: Callable[[ANY], bool]) -> Callable[[ANY, Any], str]:
    """The I12 message on a field that is involved only in some cases ("" in the others)."""
    return lambda answers, context: _funding_message(answers, context) if applies(answers) else ""


FUNDING_MESSAGES: Mapping[str, Any] = {
    "mortgage": _funding_field(lambda a: a.get("mortgageused") == 1),
    "mortgageused": _funding_field(lambda a: a.get("mortgageused") != 1),
    "value": _funding_message,
    "deposit": _funding_message,
    "cashdis": _funding_field(lambda a: a.get("type") == SOCIAL_HOMEBUY_TYPE),
    "equity": _funding_message,
    "type": _funding_message,
}

HANDOVER_AFTER_SALE = Pred(
    "the handover date is after the sale completion date", _handover_after_sale, reads=("hodate", "saledate")
)
HANDOVER_5_YEARS_BEFORE_SALE = Pred(
    "the handover date is 5 years or more before the sale completion date",
    _handover_5_years_before_sale,
    reads=("hodate", "saledate"),
)

CHECKS: tuple[Check, ...] = (
    Check(
        "I1.after_sale",
        Severity.HARD,
        HANDOVER_AFTER_SALE,
        {
            "hodate": "Practical completion or handover date must be before sale completion date.",
            "saledate": "Sale completion date must be after practical completion or handover date.",
        },
        description="The practical completion or handover date is not after the sale completion date.",
    ),
    Check(
        "I1.too_early",
        Severity.HARD,
        HANDOVER_5_YEARS_BEFORE_SALE,
        {
            "hodate": "Practical completion or handover date must be less than 5 years before sale completion date.",
            "saledate": "Sale completion date must be less than 5 years after practical completion or handover date.",
        },
        description="The practical completion or handover date is less than 5 years before the sale completion date.",
        decision="Quirk §7 #1: the soft check handover_date_check (5 years or more, titled '3 years') can never be "
        "reached past this hard check, so it is not declared.",
    ),
    Check(
        "I5",
        Severity.HARD,
        (F("fromprop") == 2) & F("frombeds").answered() & (F("frombeds") != 1),
        {
            "frombeds": "A bedsit cannot have more than 1 bedroom.",
            "fromprop": "A bedsit cannot have more than 1 bedroom.",
        },
        description="A previous property that was a bedsit had 1 bedroom.",
        decision="Fixed: the national rule also fires when the number of bedrooms is not given ('frombeds != 1'), "
        "with a message about more than 1 bedroom; here it needs an answer (a missing one is reported as missing).",
    ),
    Check(
        "I12",
        Severity.HARD,
        FUNDING_MISMATCH,
        FUNDING_MESSAGES,
        description="Shared ownership initial purchase: the mortgage (if used), cash deposit and Social HomeBuy cash "
        "discount add up to the purchase price times the initial equity share, within 0.1% of the price. No check "
        "when it is not known whether a mortgage was used, or for Social HomeBuy without the cash discount.",
        decision="Messages: the national text separates its sentences with HTML line breaks; here they are separate "
        "paragraphs (blank lines), which every channel can show.",
    ),
)
