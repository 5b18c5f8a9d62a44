"""Set up this sales log (sales 2026/27): pages, checks and derivations (sales-2026.md §1.1, §2.1, §4.2 S1–S6).

Setup is completed (`setup_done`, §6.3) when every applicable setup question but the optional purchaser code is
answered, the privacy notice ticked; every other subsection needs it.
"""

from __future__ import annotations

from collect.rulebook import Check, Derivation, F, Option, Page, Question, QuestionKind, Subsection
from collect.rulebook.conditions import always
from collect.rulebook.declaration import OptionKind
from collect.standards.sales.y2026.common import (
    DISCOUNTED_OWNERSHIP,
    JOINT,
    NOT_JOINT_OR_UNKNOWN,
    SETUP_DONE_FLAG,
    SHARED_OWNERSHIP,
    YES_NO,
)

# Questions (§2.1)

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
    Page("completion_date", (saledate,)),
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
CHECKS: tuple[Check, ...] = ()
