"""Shared ownership - staircasing transaction (sales 2026/27): pages, checks and derivations (sales-2026.md §1.8, §2.8).

Hard checks owned here: F6, F7, F8, F11, F12, I3, I4, I10 and I15; F5, F10 and I8 (shared with other routes) are in
sale_information.py. Soft checks shown here: STAIRBOUGHT, STAIROWNED, PRICE and CHARGES (declared in triggers.py).

Not declared: I13 (staircasing funding: mortgage and deposit against the price of the share bought). It is dormant in
2026 (quirk §7 #3): this route asks for neither the mortgage amount nor the deposit, so they are cleared before any
check runs (only a mortgage of 0 is kept when no mortgage was used, and then the deposit is missing).
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping, MutableMapping
from decimal import Decimal
from typing import Any

from collect.rulebook import Check, Derivation, F, Option, Page, Pred, Question, QuestionKind, Severity, Subsection
from collect.rulebook.declaration import OptionKind
from collect.standards.answers import as_code, as_date, changed_since
from collect.standards.sales.y2026 import triggers
from collect.standards.sales.y2026.common import (
    JOINT,
    NOT_JOINT_OR_UNKNOWN,
    SETUP_DONE,
    SHARED_OWNERSHIP,
    STAIRCASING,
    STAIROWNED_100,
    YES_NO,
    number,
)
from collect.standards.sales.y2026.sale_information import (
    MONEY_STEP,
    PERCENT_STEP,
    SERVICE_CHARGES_HINT,
    initial_equity,
    mortgage_used,
    percent,
    purchase_price,
    service_charges,
)
from collect.standards.sales.y2026.setup import SHARED_TYPES

ANY = Mapping[str, Any]

# Questions (§2.8, shared ownership - staircasing transaction)

stairbought = Question(
    "stairbought",
    QuestionKind.NUMERIC,
    "What percentage of the property has been bought in this staircasing transaction?",
    "Percentage bought in this staircasing transaction",
    number=98,
    minimum=0,
    maximum=100,
    step=PERCENT_STEP,
    suffix="%",
    width=5,
)


def _stairowned(joint: bool) -> Question:
    return Question(
        "stairowned",
        QuestionKind.NUMERIC,
        "What percentage of the property do the buyers now own in total?"
        if joint
        else "What percentage of the property does the buyer now own in total?",
        "Percentage the buyers now own in total" if joint else "Percentage the buyer now owns in total",
        number=99,
        minimum=0,
        maximum=100,
        step=PERCENT_STEP,
        suffix="%",
        width=5,
    )


stairowned_joint, stairowned = _stairowned(joint=True), _stairowned(joint=False)
staircasesale = Question(
    "staircasesale",
    QuestionKind.RADIO,
    "Was this part of a back-to-back staircasing transaction to facilitate sale of the home on the open market?",
    "Part of a back-to-back staircasing transaction",
    hint="Back-to-back staircasing transactions are used as a way for shared owners who own less than 100% of their "
    "property to sell on the open market. It involves the shared owner purchasing the remaining share from their "
    "landlord and immediately selling 100% of the property to a buyer on the open market. The landlord is then "
    "reimbursed for the staircasing transaction through the proceeds of sale to the buyer.",
    number=100,
    options=(*YES_NO, Option(3, "Don’t know", kind=OptionKind.DONT_KNOW)),
)
firststair = Question(
    "firststair",
    QuestionKind.RADIO,
    "Is this the first time the shared owner has engaged in staircasing in the home?",
    "First time staircasing",
    number=101,
    options=YES_NO,
)
numstair = Question(
    "numstair",
    QuestionKind.NUMERIC,
    "Including this time, how many times has the shared owner engaged in staircasing in the home?",
    "Number of staircasing transactions",
    number=102,
    minimum=2,
    maximum=10,
    step=1,
    width=2,
)
lasttransaction = Question(
    "lasttransaction",
    QuestionKind.DATE,
    "What was the date of the last staircasing transaction?",
    "Last staircasing transaction",
    number=103,
)
initialpurchase = Question(
    "initialpurchase",
    QuestionKind.DATE,
    "What was the date of the initial purchase of a share in the property?",
    "Initial staircasing transaction",
    number=104,
)
value = purchase_price(
    105,
    "What was the full purchase price for this staircasing transaction?",
    "Full purchase price",
    "Enter the full purchase price paid for 100% equity (this is equal to the value of the share owned by the PRP "
    "plus the value bought by the purchaser in the current and all previous transactions).",
    width=10,
)
equity = initial_equity(106, "What was the percentage shared purchased in the initial transaction?")
mortgageused = mortgage_used(107, "Was a mortgage used for this staircasing transaction?")
mrentprestaircasing = Question(
    "mrentprestaircasing",
    QuestionKind.NUMERIC,
    "What was the basic monthly rent prior to staircasing?",
    "Monthly rent prior to staircasing",
    hint="Amount paid before any charges",
    number=108,
    minimum=0,
    maximum=9_999,
    step=MONEY_STEP,
    prefix="£",
    width=5,
)
mrent = Question(
    "mrent",
    QuestionKind.NUMERIC,
    "What is the basic monthly rent after staircasing?",
    "Monthly rent after staircasing",
    hint="Amount paid before any charges",
    number=109,
    minimum=0,
    step=MONEY_STEP,
    prefix="£",
    width=5,
    derived_when=STAIROWNED_100,  # 0 when the buyers now own the whole property (§3.2 row 25)
)
SERVICE_CHARGES = service_charges(110)
hasservicechargeschanged = Question(
    "hasservicechargeschanged",
    QuestionKind.RADIO,
    "Will the service charge change after this staircasing transaction takes place?",
    "Service charge will change",
    hint=SERVICE_CHARGES_HINT,
    number=111,
    options=YES_NO,
)
newservicecharges = Question(
    "newservicecharges",
    QuestionKind.NUMERIC,
    "Enter the new total monthly charge",
    "New monthly service charges",
    number=111,
    minimum=0,
    maximum=Decimal("9999.99"),
    step=MONEY_STEP,
    prefix="£",
    width=5,
    revealed_by=("hasservicechargeschanged", frozenset({1})),
)

# Pages (§1.8)

ABOUT_STAIRCASING = "About the staircasing transaction"
FIRST_TIME = F("firststair") == 1

PAGES: tuple[Page, ...] = (
    Page(
        "about_staircasing_joint_purchase",
        (stairbought, stairowned_joint),
        shown_when=JOINT,
        header=ABOUT_STAIRCASING,
    ),
    Page(
        "about_staircasing_not_joint_purchase",
        (stairbought, stairowned),
        shown_when=NOT_JOINT_OR_UNKNOWN,
        header=ABOUT_STAIRCASING,
    ),
    Page("staircase_sale", (staircasesale,), shown_when=STAIROWNED_100),
    triggers.interruption_page("staircase_bought_value_check", triggers.CHECKS_BY_ID["STAIRBOUGHT"]),
    triggers.interruption_page(
        "staircase_owned_value_check_joint_purchase", triggers.CHECKS_BY_ID["STAIROWNED"], when=JOINT
    ),
    triggers.interruption_page(
        "staircase_owned_value_check_not_joint_purchase",
        triggers.CHECKS_BY_ID["STAIROWNED"],
        when=NOT_JOINT_OR_UNKNOWN,
    ),
    Page("staircase_first_time", (firststair,)),
    # Quirk §7 #16, kept: shown whenever this is not known to be the first staircasing (also before firststair is
    # answered, which the order of pages makes rare), and numstair is not set to 1 for a first staircasing: the
    # standard's data leaves it blank then, and downstream figures count previous transactions from it.
    Page(
        "staircase_previous",
        (numstair, lasttransaction, initialpurchase),
        shown_when=F("firststair") != 1,
        header="About previous staircasing transactions",
    ),
    Page("staircase_initial_date", (initialpurchase,), shown_when=FIRST_TIME),
    Page("value_shared_ownership_staircase", (value,), header="About the price of the property"),
    triggers.interruption_page("about_price_shared_ownership_value_check_staircasing", triggers.CHECKS_BY_ID["PRICE"]),
    Page("staircase_equity", (equity,), header="About the price of the property"),
    Page("staircase_mortgage_used_shared_ownership", (mortgageused,)),
    Page("monthly_rent_staircasing_owned", (mrentprestaircasing,), shown_when=STAIROWNED_100, header="Monthly rent"),
    Page(
        "monthly_rent_staircasing",
        (mrentprestaircasing, mrent),
        shown_when=F("stairowned") != 100,
        header="Monthly rent",
    ),
    Page("service_charge_staircasing", SERVICE_CHARGES),
    Page("service_charge_changed", (hasservicechargeschanged, newservicecharges)),
    triggers.interruption_page("monthly_charges_staircasing_value_check", triggers.CHECKS_BY_ID["CHARGES"]),
)
SUBSECTION = Subsection(
    "shared_ownership_staircasing_transaction",
    "Shared ownership - staircasing transaction",
    PAGES,
    enabled_when=SHARED_OWNERSHIP & SETUP_DONE & STAIRCASING,
    listed_when=STAIRCASING & F("ownershipsch").one_of(None, 1),
)

# Derivations (§3.2 rows 24, 25)


def _numstair_for_firststair(answers: MutableMapping[str, Any], context: Any, previous: ANY | None) -> None:
    if answers.get("numstair") == 1 and changed_since("firststair", answers, previous):
        answers["numstair"] = 1 if answers.get("firststair") == 1 else None


def _rent_when_owned_outright(answers: MutableMapping[str, Any], context: Any, previous: ANY | None) -> None:
    if answers.get("stairowned") == 100:
        answers["mrent"] = 0


DERIVATIONS: tuple[Derivation, ...] = (
    Derivation(
        "numstair_for_firststair",
        "When the answer to 'Is this the first time ...?' changes and the number of staircasing transactions is 1, "
        "it stays 1 for a first staircasing and is cleared otherwise, to be asked again (§3.2 row 24). Nothing "
        "changes for a new log.",
        ("numstair",),
        ("numstair", "firststair"),
        _numstair_for_firststair,
    ),
    Derivation(
        "mrent_owned_outright",
        "When the buyers now own 100%, the basic monthly rent after staircasing is 0 (§3.2 row 25).",
        ("mrent",),
        ("stairowned",),
        _rent_when_owned_outright,
    ),
)

# Checks (§4.2 F6, F7, F8, F11, F12, I3, I4, I10, I15)


def _buyers_own(answers: ANY) -> str:
    return "buyers now own" if answers.get("jointpur") == 1 else "buyer now owns"


def _type_label(answers: ANY) -> str:
    code = as_code(answers.get("type"))
    return next((o.label for o in SHARED_TYPES if o.code == code), "")


def _bought_more_than_owned(answers: ANY, context: Any) -> bool:
    bought, owned = number(answers, "stairbought"), number(answers, "stairowned")
    return bought is not None and owned is not None and bought > owned


def _bought_equals_owned(answers: ANY, context: Any) -> bool:
    bought, owned = number(answers, "stairbought"), number(answers, "stairowned")
    return answers.get("saledate") is not None and bought is not None and bought == owned


# F8: the smallest share a staircasing transaction may buy, by shared ownership type (1% for the others).
TEN_PERCENT_MINIMUM_TYPES = frozenset({2, 16, 18, 24})


def staircase_minimum(answers: ANY) -> int:
    """10% for old model leases, HOLD, Social HomeBuy and Older Persons Shared Ownership; 1% for the others."""
    return 10 if answers.get("type") in TEN_PERCENT_MINIMUM_TYPES else 1


def _bought_under_minimum(answers: ANY, context: Any) -> bool:
    bought = number(answers, "stairbought")
    return bought is not None and answers.get("type") is not None and bought < staircase_minimum(answers)


def _minimum_message(answers: ANY, context: Any) -> str:
    return (
        "The minimum percentage share that can be bought in a staircasing transaction for "
        f"{_type_label(answers).lower()} is {staircase_minimum(answers)}%. Please change your answer or check that "
        "you have selected the correct shared ownership type."
    )


# I10: the largest share a staircasing transaction may buy, by shared ownership type.
STAIRCASE_MAXIMUM: Mapping[int, int] = {30: 90, 16: 90, 28: 90, 31: 90, 32: 90, 2: 75, 18: 75, 24: 50}


def _bought_over_maximum(answers: ANY, context: Any) -> bool:
    bought, code = number(answers, "stairbought"), as_code(answers.get("type"))
    highest = STAIRCASE_MAXIMUM.get(code) if code is not None else None
    return answers.get("saledate") is not None and bought is not None and highest is not None and bought > highest


def _maximum_message(answers: ANY, context: Any) -> str:
    code = as_code(answers.get("type"))
    highest = STAIRCASE_MAXIMUM.get(code, "") if code is not None else ""
    return (
        f"The percentage bought in this staircasing transaction cannot be higher than {highest}% for "
        f"{_type_label(answers)} sales."
    )


# F11: the initial equity, the share bought now and at least 1% for each previous transaction fit in what is owned.


def _left(answers: ANY) -> Decimal | None:
    """What is owned beyond the initial equity and the share bought now; None unless all three and the date given."""
    owned, bought, initial = number(answers, "stairowned"), number(answers, "stairbought"), number(answers, "equity")
    if owned is None or bought is None or initial is None or answers.get("saledate") is None:
        return None
    return owned - bought - initial


def _previous_transactions(answers: ANY) -> Decimal | None:
    count = number(answers, "numstair")
    return None if count is None else count - 1


def _equity_more_than_left(answers: ANY, context: Any) -> bool:
    left = _left(answers)
    return left is not None and left < 0


def _previous_transactions_do_not_fit(answers: ANY, context: Any) -> bool:
    left, previous = _left(answers), _previous_transactions(answers)
    return left is not None and left >= 0 and previous is not None and left < previous


def _equity_message(answers: ANY, context: Any) -> str:
    owned, bought = number(answers, "stairowned") or 0, number(answers, "stairbought") or 0
    who = "buyers own" if answers.get("jointpur") == 1 else "buyer owns"
    return (
        f"The initial equity stake is {percent(answers.get('equity'))} and the percentage owned in total minus the "
        f"percentage bought is {percent(owned - bought)}. In a staircasing transaction, the equity stake purchased "
        f"cannot be larger than the percentage the {who} minus the percentage bought."
    )


def _previous_message(answers: ANY, context: Any) -> str:
    initial, bought = number(answers, "equity") or 0, number(answers, "stairbought") or 0
    previous = _previous_transactions(answers) or 0
    return (
        f"The initial equity stake is {percent(initial)}, the percentage bought is {percent(bought)}, and there have "
        f"been {previous} previous staircasing transactions, totalling at least {percent(initial + bought + previous)}"
        f", which is more than the total percentage owned by the buyers ({percent(answers.get('stairowned'))}). In a "
        "staircasing transaction, the total percentage owned must be at least the initial equity stake plus the "
        "percentage bought plus a minimum of 1% for each previous staircasing transaction."
    )


# I3, I4: the dates of the initial purchase and of the last staircasing transaction.
EARLIEST = datetime.date(1980, 1, 1)


def _date_on_or_after(name: str, other: str, description: str) -> Pred:
    def test(answers: ANY, context: Any) -> bool:
        day, limit = as_date(answers.get(name)), as_date(answers.get(other))
        return day is not None and limit is not None and day >= limit

    return Pred(description, test, reads=(name, other))


CHANGED_CHARGE_IS_THE_SAME = Pred(
    "the service charge will change but the new charge is the same as the current one",
    lambda a, c: (
        a.get("hasservicechargeschanged") == 1
        and a.get("has_mscharge") == 1
        and (new := number(a, "newservicecharges")) is not None
        and (current := number(a, "mscharge")) is not None
        and new == current
    ),
    reads=("hasservicechargeschanged", "newservicecharges", "has_mscharge", "mscharge"),
)

CHECKS: tuple[Check, ...] = (
    Check(
        "F6",
        Severity.HARD,
        Pred(
            "the percentage bought is more than the percentage owned",
            _bought_more_than_owned,
            reads=("stairbought", "stairowned"),
        ),
        {
            "stairowned": lambda a, c: (
                f"Total percentage {_buyers_own(a)} must be more than percentage bought in this transaction."
            )
        },
        description="The percentage the buyers now own is at least the percentage bought in this transaction.",
    ),
    Check(
        "F7",
        Severity.HARD,
        Pred(
            "the percentage bought is the same as the percentage owned",
            _bought_equals_owned,
            reads=("saledate", "stairbought", "stairowned"),
        ),
        dict.fromkeys(
            ("stairbought", "stairowned"),
            lambda a, c: (
                f"The percentage bought is {percent(a.get('stairbought'))} and the percentage owned in total is "
                f"{percent(a.get('stairowned'))}. These figures cannot be the same."
            ),
        ),
        description="The percentage bought in this transaction is not all that the buyers now own.",
    ),
    Check(
        "F8",
        Severity.HARD,
        Pred(
            "the percentage bought is under the minimum for the shared ownership type",
            _bought_under_minimum,
            reads=("stairbought", "type"),
        ),
        {"stairbought": _minimum_message, "type": _minimum_message},
        description="A staircasing transaction buys at least 10% for old model leases (2), HOLD (16), Social "
        "HomeBuy (18) and Older Persons Shared Ownership (24), and at least 1% for the other types.",
    ),
    Check(
        "F11.equity",
        Severity.HARD,
        Pred(
            "the initial equity is more than the percentage owned minus the percentage bought",
            _equity_more_than_left,
            reads=("stairowned", "stairbought", "equity", "saledate"),
        ),
        {"equity": _equity_message, "stairowned": _equity_message, "stairbought": _equity_message},
        description="The initial equity stake fits in the percentage owned minus the percentage bought.",
        decision="The national message says 'the buyer(s) own(s)'; here it says 'the buyers own' or 'the buyer "
        "owns' by the joint purchase answer, as the other staircasing messages do.",
    ),
    Check(
        "F11.previous",
        Severity.HARD,
        Pred(
            "the initial equity, the percentage bought and 1% for each previous staircasing transaction are more "
            "than the percentage owned",
            _previous_transactions_do_not_fit,
            reads=("stairowned", "stairbought", "equity", "saledate", "numstair"),
        ),
        dict.fromkeys(("equity", "stairowned", "stairbought", "numstair", "firststair"), _previous_message),
        description="The percentage owned is at least the initial equity stake plus the percentage bought plus 1% "
        "for each previous staircasing transaction.",
    ),
    Check(
        "F12",
        Severity.HARD,
        CHANGED_CHARGE_IS_THE_SAME,
        {
            "newservicecharges": "You said that the service charge will change and you entered the same amount as "
            "the previous question. If the service charge will not change, answer 'No'.",
            "mscharge": "You said that the service charge will change and you entered the same amount as the new "
            "service charge. If the service charge will not change, answer 'No' to that question before entering "
            "the service charge here.",
        },
        description="A service charge that will change has a new amount different from the current one.",
    ),
    Check(
        "I3.before_1980",
        Severity.HARD,
        F("initialpurchase") < EARLIEST,
        {"initialpurchase": "The initial purchase date must be after January 1, 1980."},
        description="The initial purchase was on or after 1 January 1980.",
    ),
    Check(
        "I3.after_sale",
        Severity.HARD,
        _date_on_or_after(
            "initialpurchase", "saledate", "the initial purchase date is on or after the sale completion date"
        ),
        {
            "initialpurchase": "The initial purchase date must be before the date of this sale.",
            "saledate": "Sale completion date for a staircasing transaction must be after the date of the initial "
            "purchase of a share.",
        },
        description="The initial purchase was before the sale completion date (the same day is an error in 2026).",
    ),
    Check(
        "I4.before_1980",
        Severity.HARD,
        F("lasttransaction") < EARLIEST,
        {"lasttransaction": "The last staircasing transaction date must be after January 1, 1980."},
        description="The last staircasing transaction was on or after 1 January 1980.",
    ),
    Check(
        "I4.after_sale",
        Severity.HARD,
        _date_on_or_after(
            "lasttransaction",
            "saledate",
            "the last staircasing transaction date is on or after the sale completion date",
        ),
        {
            "lasttransaction": "The last staircasing transaction date must be before the date of this sale.",
            "saledate": "Sale completion date must be after the date of the last staircasing transaction.",
        },
        description="The last staircasing transaction was before the sale completion date (the same day is an error "
        "in 2026).",
    ),
    Check(
        "I4.before_initial_purchase",
        Severity.HARD,
        _date_on_or_after(
            "initialpurchase",
            "lasttransaction",
            "the initial purchase date is on or after the last staircasing transaction date",
        ),
        {
            "initialpurchase": "The initial purchase date must be before the last staircasing transaction date.",
            "lasttransaction": "The last staircasing transaction date must be after the initial purchase date.",
        },
        description="The last staircasing transaction was after the initial purchase (the same day is an error in "
        "2026).",
    ),
    Check(
        "I10",
        Severity.HARD,
        Pred(
            "the percentage bought is over the maximum for the shared ownership type",
            _bought_over_maximum,
            reads=("saledate", "stairbought", "type"),
        ),
        {"stairbought": _maximum_message, "type": _maximum_message},
        description="A staircasing transaction buys at most 90% (new model leases, HOLD, Rent to Buy, Right to Shared "
        "Ownership, London Living Rent), 75% (old model leases, Social HomeBuy) or 50% (Older Persons Shared "
        "Ownership).",
    ),
    Check(
        "I15",
        Severity.HARD,
        (F("firststair") == 2) & (F("numstair") < 2),
        {
            "numstair": "The number of staircasing transactions must be greater than 1 when this is not the first "
            "staircasing transaction.",
            "firststair": "The answer to 'Is this the first staircasing transaction?' cannot be 'no' if the number of "
            "staircasing transactions is 1.",
        },
        description="When this is not the first staircasing transaction, there have been at least 2 in all.",
    ),
)
