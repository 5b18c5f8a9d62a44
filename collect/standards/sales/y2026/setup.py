"""Set up this sales log (sales 2026/27): pages, checks and derivations (sales-2026.md §1.1, §2.1, §4.2 S1–S6, §6.3).

Who fills in the log decides the owning organisation, reporting organisation and log owner pages (§1.1): they read
the context's user facts, as the national service's custom routing does, with the rules lettings shares
(`collect.standards.organisations`). The organisation and user selects are always needed and never cleared (the
standard marks them "derived"). Setup is completed (`setup_done`, §6.3) when every applicable setup question but the
optional purchaser code is answered, the privacy notice ticked; every other subsection needs it.

Not part of the rulebook (the service does them, as they need the database): filling in the owning organisation,
reporting organisation and log owner of a new log from its creator (§2.1), setting the reporting organisation when a
support user chooses an owning organisation without managing agents, and resetting the log owner when a support user
moves the log to organisations the owner does not belong to (§3.1 step 4). For that reason, and as the sales standard
has no such validation (§4.2 lists S1–S6 only), lettings' check that the log owner belongs to the owning or managing
organisation (lettings S3) is not declared for sales.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Mapping
from typing import Any

from collect.rulebook import Check, Derivation, F, Option, Page, Pred, Question, QuestionKind, Severity, Subsection
from collect.rulebook.conditions import Condition, always
from collect.rulebook.declaration import OptionKind
from collect.standards import organisations
from collect.standards.answers import as_date
from collect.standards.facts import OrganisationFacts
from collect.standards.sales.y2026.common import (
    DISCOUNTED_OWNERSHIP,
    JOINT,
    NOT_JOINT_OR_UNKNOWN,
    SETUP_DONE_FLAG,
    SHARED_OWNERSHIP,
    YES_NO,
    sales_context,
)

ANY = Mapping[str, Any]

# The pages that depend on who is filling in the log (§1.1)

_ORGANISATION_PAGES = organisations.organisation_pages(sales_context)
OWNING_ORGANISATION_ASKED = _ORGANISATION_PAGES.stock_owner
MANAGING_ORGANISATION_ASKED = _ORGANISATION_PAGES.managing_agent
LOG_OWNER_ASKED = _ORGANISATION_PAGES.log_owner

# Questions (§2.1)

owning_organisation_id = Question(
    "owning_organisation_id",
    QuestionKind.SELECT,
    "Which organisation owns this log?",
    "Owning organisation",
    number=1,
    always_applicable=True,
    keep_when_off_route=True,
)
managing_organisation_id = Question(
    "managing_organisation_id",
    QuestionKind.SELECT,
    "Which organisation is reporting this sale?",
    "Reported by",
    number=2,
    always_applicable=True,
    keep_when_off_route=True,
)
assigned_to_id = Question(
    "assigned_to_id",
    QuestionKind.SELECT,
    "Which user are you creating this log for?",
    "Log owner",
    always_applicable=True,
    keep_when_off_route=True,
)

saledate = Question(
    "saledate", QuestionKind.DATE, "What is the sale completion date?", "Sale completion date", number=3
)
purchid = Question(
    "purchid",
    QuestionKind.TEXT,
    "What is the purchaser code?",
    "Purchaser code",
    hint="This is how you usually refer to the purchaser on your own systems.",
    number=4,
    width=10,
    optional_when=always,
)
ownershipsch = Question(
    "ownershipsch",
    QuestionKind.RADIO,
    "Select the type of sale",
    "Purchase made under ownership scheme",
    hint="Sales logs are not required for outright and other sales.",
    number=5,
    options=(
        Option(
            1,
            "Shared Ownership",
            hint="When the purchaser buys an initial share of up to 75% of the property value and pays rent to the "
            "PRP on the remaining portion, or a subsequent staircasing transaction",
        ),
        Option(2, "Discounted Ownership"),
    ),
)
SHARED_TYPES = (
    Option(2, "Shared Ownership (old model lease)"),
    Option(30, "Shared Ownership (new model lease)"),
    Option(18, "Social HomeBuy — shared ownership purchase"),
    Option(16, "Home Ownership for people with Long-Term Disabilities (HOLD)"),
    Option(24, "Older Persons Shared Ownership"),
    Option(28, "Rent to Buy — Shared Ownership"),
    Option(31, "Right to Shared Ownership (RtSO)"),
    Option(32, "London Living Rent — Shared Ownership"),
)
shared_type = Question(
    "type",
    QuestionKind.RADIO,
    "What is the type of shared ownership sale?",
    "Type of shared ownership sale",
    number=6,
    options=SHARED_TYPES,
)
staircase = Question(
    "staircase",
    QuestionKind.RADIO,
    "Is this a staircasing transaction?",
    "Staircasing transaction",
    hint="A staircasing transaction is when the household purchases more shares in their property, increasing the "
    "proportion they own and decreasing the proportion the housing association owns. Once the household purchases "
    "100% of the shares, they own the property.",
    number=7,
    options=YES_NO,
)
DISCOUNTED_TYPES = (
    Option(8, "Right to Acquire (RTA)"),
    Option(14, "Preserved Right to Buy (PRTB)"),
    Option(9, "Right to Buy (RTB)"),
    Option(29, "Rent to Buy - Full Ownership"),
    Option(21, "Social HomeBuy for outright purchase"),
    Option(22, "Any other equity loan scheme"),
)
discounted_type = Question(
    "type",
    QuestionKind.RADIO,
    "What is the type of discounted ownership sale?",
    "Type of discounted ownership sale",
    number=8,
    options=DISCOUNTED_TYPES,
)
jointpur = Question(
    "jointpur",
    QuestionKind.RADIO,
    "Is this a joint purchase?",
    "Joint purchase",
    hint="This is where two or more people are named as legal owners of the property after the purchase",
    number=9,
    options=YES_NO,
)
jointmore = Question(
    "jointmore",
    QuestionKind.RADIO,
    "Are there more than 2 joint buyers of this property?",
    "More than 2 joint buyers",
    number=10,
    options=(*YES_NO, Option(3, "Don’t know", kind=OptionKind.DONT_KNOW)),
)
noint = Question(
    "noint",
    QuestionKind.RADIO,
    "Did you interview the buyer to answer these questions?",
    "Buyer interviewed in person",
    hint="You should still try to answer all questions even if the buyer wasn’t interviewed in person",
    number=11,
    options=(Option(2, "Yes"), Option(1, "No")),  # reversed codes (§2.1)
)
noint_joint = Question(
    "noint",
    QuestionKind.RADIO,
    "Did you interview the buyers to answer these questions?",
    "Buyers interviewed in person",
    hint="You should still try to answer all questions even if the buyers weren’t interviewed in person",
    number=11,
    options=(Option(2, "Yes"), Option(1, "No")),
)
privacynotice = Question(
    "privacynotice",
    QuestionKind.CHECKBOX,
    "Declaration",
    "Buyer has seen the privacy notice",
    hint="Make sure the buyer has seen or been given access to the Ministry of Housing, Communities and Local "
    "Government (MHCLG) privacy notice before completing this log. This is a legal requirement under data protection "
    "legislation.",
    number=12,
    options=(Option("privacynotice", "The buyer has seen or been given access to the MHCLG privacy notice"),),
)
privacynotice_joint = Question(
    "privacynotice",
    QuestionKind.CHECKBOX,
    "Declaration",
    "Buyers have seen the privacy notice",
    hint="Make sure the buyers have seen or been given access to the Ministry of Housing, Communities and Local "
    "Government (MHCLG) privacy notice before completing this log. This is a legal requirement under data protection "
    "legislation.",
    number=12,
    options=(Option("privacynotice", "The buyers have seen or been given access to the MHCLG privacy notice"),),
)
PRIVACY_HEADER = "Ministry of Housing, Communities and Local Government privacy notice"

PAGES: tuple[Page, ...] = (
    Page("owning_organisation", (owning_organisation_id,), shown_when=OWNING_ORGANISATION_ASKED),
    Page("managing_organisation", (managing_organisation_id,), shown_when=MANAGING_ORGANISATION_ASKED),
    Page("completion_date", (saledate,)),
    Page("assigned_to", (assigned_to_id,), shown_when=LOG_OWNER_ASKED),
    Page("purchaser_code", (purchid,)),
    Page("ownership_scheme", (ownershipsch,)),
    Page("shared_ownership_type", (shared_type,), shown_when=SHARED_OWNERSHIP),
    Page("staircasing", (staircase,), shown_when=SHARED_OWNERSHIP),
    Page("discounted_ownership_type", (discounted_type,), shown_when=DISCOUNTED_OWNERSHIP),
    Page("joint_purchase", (jointpur,), shown_when=F("ownershipsch").one_of(1, 2)),
    Page("number_joint_buyers", (jointmore,), shown_when=JOINT),
    Page("buyer_interview_joint_purchase", (noint_joint,), shown_when=JOINT),
    Page("buyer_interview", (noint,), shown_when=NOT_JOINT_OR_UNKNOWN),
    Page("privacy_notice_joint_purchase", (privacynotice_joint,), shown_when=JOINT, header=PRIVACY_HEADER),
    Page("privacy_notice", (privacynotice,), shown_when=NOT_JOINT_OR_UNKNOWN, header=PRIVACY_HEADER),
)
SUBSECTION = Subsection(
    "setup", "Set up this sales log", PAGES, done_flag=SETUP_DONE_FLAG, done_excluding=frozenset({"purchid"})
)
DERIVATIONS: tuple[Derivation, ...] = ()

# Checks (§4.2 S1–S6, §2.1 the privacy notice)

DATE_LABEL = "sale completion date"


def _saledate(answers: ANY) -> datetime.date | None:
    return as_date(answers.get("saledate"))


def _owner(answers: ANY, context: Any) -> OrganisationFacts | None:
    return organisations.owner(answers, sales_context(context))


def _owner_merged(answers: ANY, context: Any) -> bool:
    return organisations.merged(_owner(answers, context), _saledate(answers))


def _owner_not_yet_active(answers: ANY, context: Any) -> bool:
    return organisations.not_yet_active(_owner(answers, context), _saledate(answers))


def _merged_message(answers: ANY, context: Any) -> str:
    owner = _owner(answers, context)
    if owner is None:
        return ""
    return (
        f"Enter a date when the owning organisation was active. {owner.name} became inactive on "
        f"{organisations.day_text(owner.merge_date)} and was replaced by {owner.absorbing_organisation_name}."
    )


def _not_yet_active_message(answers: ANY, context: Any) -> str:
    owner = _owner(answers, context)
    if owner is None:
        return ""
    return (
        f"Enter a date when the owning organisation was active. {owner.name} became active on "
        f"{organisations.day_text(owner.available_from)}."
    )


def _owner_inactive_message(answers: ANY, context: Any) -> str:
    return organisations.inactive_message("owning", _owner(answers, context), _saledate(answers), DATE_LABEL)


def _privacy_message(answers: ANY, context: Any) -> str:
    buyers = "buyers" if answers.get("jointpur") == 1 else "buyer"
    return f"You must show or give the {buyers} access to the MHCLG privacy notice before you can submit this log."


def _pred(description: str, test: Callable[[ANY, Any], bool], *reads: str) -> Condition:
    return Pred(description, test, reads=reads)


OWNER_DATE = ("owning_organisation_id", "saledate")

CHECKS: tuple[Check, ...] = (
    Check(
        "S1",
        Severity.HARD,
        _pred(
            "the sale completion date is outside the collection years open today: from the start of the earliest "
            "year open for new logs (for a new log) or for changes (for an existing one), to the end of the current "
            "collection year",
            lambda a, c: organisations.outside_window(_saledate(a), sales_context(c)),
            "saledate",
        ),
        {"saledate": lambda a, c: organisations.window_message(sales_context(c))},
        description="The sale completion date must fall in a collection year open today (§0.3).",
        decision="Quirk §7 #5: bulk upload's own window (up to the new-logs end date, 3 July 2027) is not "
        "reproduced: this log-level window applies to every channel, so bulk upload rejects what its message says "
        "it does. The message describes the new-logs crossover even when an existing log is changed (as coded). The "
        "feature flag allowing future forms is a service setting, not part of the standard.",
    ),
    Check(
        "S2",
        Severity.HARD,
        _pred(
            "the sale completion date is more than 14 days after today",
            lambda a, c: organisations.too_far_ahead(_saledate(a), sales_context(c)),
            "saledate",
        ),
        {"saledate": "Sale completion date must not be later than 14 days from today’s date."},
        description="The sale completion date must not be more than 14 days in the future.",
    ),
    Check(
        "S3",
        Severity.HARD,
        _pred(
            "the owning organisation merged into another on or before the sale completion date",
            _owner_merged,
            *OWNER_DATE,
        ),
        {"saledate": _merged_message},
        description="The sale completion date must be before the owning organisation merged into another.",
    ),
    Check(
        "S4",
        Severity.HARD,
        _pred(
            "the owning organisation absorbed others and only became available after the sale completion date",
            _owner_not_yet_active,
            *OWNER_DATE,
        ),
        {"saledate": _not_yet_active_message},
        description="The sale completion date must be when an owning organisation formed by a merger was active.",
    ),
    Check(
        "S5",
        Severity.HARD,
        _pred(
            "the owning organisation merged into another on or before the sale completion date, or absorbed others "
            "and only became available after it",
            lambda a, c: _owner_merged(a, c) or _owner_not_yet_active(a, c),
            *OWNER_DATE,
        ),
        {"owning_organisation_id": _owner_inactive_message},
        description="The owning organisation must be active on the sale completion date.",
    ),
    Check(
        "S6",
        Severity.HARD,
        _pred(
            "the owning organisation has not accepted the data sharing agreement",
            lambda a, c: organisations.without_agreement(_owner(a, c)),
            "owning_organisation_id",
        ),
        {"owning_organisation_id": organisations.data_sharing_message("owning")},
        description="Only an organisation that accepted the data sharing agreement can own a sales log.",
        decision="The standard checks this only when the owning organisation is changed; checks here see no "
        "history, so it applies whenever the log's owning organisation has not accepted the agreement (a log cannot "
        "be completed for such an organisation either way).",
    ),
    Check(
        "PRIVACY_NOTICE",
        Severity.HARD,
        F("noint").answered() & (F("privacynotice") != 1),
        {"privacynotice": _privacy_message},
        description="The buyer (or buyers) must have seen the MHCLG privacy notice (§2.1): the notice must be ticked "
        "once the question before it (the interview) is answered.",
        decision="The standard gives this message for the privacy notice left blank when its page is submitted; "
        "here it is a check from the moment the page is reached (the interview question before it answered), so "
        "every channel reports it with the standard's wording. Setup is not completed without the notice either way.",
    ),
)
