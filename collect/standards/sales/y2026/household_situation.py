"""Household situation (sales 2026/27): pages, checks and derivations.

sales-2026.md §1.4 (pages), §2.5 (questions), §3.1 steps 3 and 6 (the previous postcode's cleaning and reset, shared
with lettings in collect.standards.previous_address), §3.2 rows 7, 9 and 14 (the discounted sale's previous address,
the previous postcode's parts, soctenant) and §4.2 H2 and P6.

The subsection is not asked on a staircasing transaction (§1). On a discounted ownership sale the buyer's last settled
home is the property (the sitting tenant buys it), so the previous-address pages are not shown and their answers are
copied from the property's address on every save (row 7).

Decisions:
- Quirk §7 #18 kept: the previous local authority may be any active local authority (the buyer may have lived in
  Wales or Scotland), while the property's must be in England.
- Quirk §7 #20 kept: the discounted sale's previous address is overwritten from the property's on every save; its
  pages are never shown on that route, so nothing a user typed is lost, and statistics read it as the property's.
  The national rule also copies `la_known`, which is not collected from 2024: here the previous local authority is
  known (1) when the property's is given.
"""

from __future__ import annotations

from collections.abc import Mapping, MutableMapping
from typing import Any

from collect.rulebook import Check, Derivation, F, Option, Page, Question, QuestionKind, Severity, Subsection
from collect.rulebook.declaration import OptionKind
from collect.standards.answers import as_date, as_text
from collect.standards.previous_address import (
    PostcodeLookup,
    previous_postcode_derivations,
    previous_postcode_format_check,
)
from collect.standards.sales.y2026.common import DISCOUNTED_OWNERSHIP, NOT_STAIRCASING, SETUP_DONE, sales_context

DONT_KNOW = OptionKind.DONT_KNOW
SOCIAL_TENANCIES = (1, 2)  # local authority, private registered provider or housing association tenant

# Questions (§2.5)

TENURES = (
    Option(1, "Local authority tenant"),
    Option(2, "Private registered provider or housing association tenant"),
    Option(3, "Private tenant"),
    Option(5, "Owner occupier"),
    Option(4, "Tied home or renting with job"),
    Option(6, "Living with family or friends"),
    Option(7, "Temporary accommodation"),
    Option(9, "Other"),
    Option(0, "Don’t know", kind=DONT_KNOW, divider_before=True),
)
prevten = Question(
    "prevten",
    QuestionKind.RADIO,
    "What was buyer 1’s previous tenure?",
    "Buyer 1’s previous tenure",
    number=64,
    options=TENURES,
)
_LAST_SETTLED_HOME = "This is also known as the household's 'last settled home'"
# The four previous-address questions keep their answers when their page is not shown (§3.1 step 4): on a
# discounted sale they are copied from the property's address, and the local authority page hides itself once the
# postcode has given one.
ppcodenk = Question(
    "ppcodenk",
    QuestionKind.RADIO,
    "Do you know the postcode of buyer 1’s last settled accommodation?",
    "Postcode of buyer 1’s last settled accommodation",
    hint=_LAST_SETTLED_HOME,
    number=65,
    options=(Option(0, "Yes"), Option(1, "No", kind=DONT_KNOW)),
    keep_when_off_route=True,
)
ppostcode_full = Question(
    "ppostcode_full",
    QuestionKind.POSTCODE,
    "Postcode",
    "Postcode of buyer 1’s last settled accommodation",
    number=65,
    width=5,
    revealed_by=("ppcodenk", frozenset({0})),
    not_known_when=F("ppcodenk") == 1,
    keep_when_off_route=True,
)
previous_la_known = Question(
    "previous_la_known",
    QuestionKind.RADIO,
    "Do you know the local authority of buyer 1’s last settled accommodation?",
    "Local authority of buyer 1’s last settled accommodation",
    number=66,
    options=(Option(1, "Yes"), Option(0, "No", kind=DONT_KNOW)),
    keep_when_off_route=True,
)
# Every local authority active at the start of the collection year, in any nation (quirk §7 #18): the service
# offers them from the register, like the lettings question.
prevloc = Question(
    "prevloc",
    QuestionKind.SELECT,
    "Select a local authority",
    "Local authority of buyer 1’s last settled accommodation",
    number=66,
    revealed_by=("previous_la_known", frozenset({1})),
    not_known_when=F("previous_la_known") == 0,
    keep_when_off_route=True,
)
buy2living = Question(
    "buy2living",
    QuestionKind.RADIO,
    "At the time of purchase, was buyer 2 living at the same address as buyer 1?",
    "Buyer 2 living at the same address",
    number=67,
    options=(Option(1, "Yes"), Option(2, "No"), Option(3, "Don’t know", kind=DONT_KNOW, divider_before=True)),
)
prevtenbuy2 = Question(
    "prevtenbuy2",
    QuestionKind.RADIO,
    "What was buyer 2’s previous tenure?",
    "Buyer 2’s previous tenure",
    number=68,
    options=TENURES,
)

# Pages (§1.4)

NOT_DISCOUNTED = F("ownershipsch") != 2
PAGES: tuple[Page, ...] = (
    Page("buyer1_previous_tenure", (prevten,)),
    Page("last_accommodation", (ppcodenk, ppostcode_full), shown_when=NOT_DISCOUNTED),
    Page(
        "last_accommodation_la",
        (previous_la_known, prevloc),
        # Strict, as nationally: not shown while it is not known whether the postcode gave the local authority.
        shown_when=NOT_DISCOUNTED & (F("is_previous_la_inferred") == False),  # noqa: E712
    ),
    Page("buyer_2_living_in", (buy2living,), shown_when=F("buy2livein") == 1),
    Page("buyer_2_previous_housing_situation", (prevtenbuy2,), shown_when=F("buy2living") == 2),
)
SUBSECTION = Subsection(
    "household_situation",
    "Household situation",
    PAGES,
    enabled_when=SETUP_DONE & NOT_STAIRCASING,
    listed_when=NOT_STAIRCASING,
)

# Checks (§4.2 H2, P6)

H2 = Check(
    "H2",
    Severity.HARD,
    F("saledate").answered() & DISCOUNTED_OWNERSHIP & F("prevten").one_of(3, 4, 5, 6, 7, 9, 0),
    dict.fromkeys(
        ("prevten", "ownershipsch"),
        "Buyer 1’s previous tenure should be “local authority tenant” or “private registered provider or housing "
        "association tenant” for discounted sales.",
    ),
    description="A discounted ownership sale where buyer 1 was not a local authority or housing association tenant "
    "(prevten 3, 4, 5, 6, 7, 9 or 0).",
)
CHECKS: tuple[Check, ...] = (H2, previous_postcode_format_check("P6"))

# Derivations (§3.1 steps 3 and 6, §3.2 rows 7, 9, 14)

Answers = MutableMapping[str, Any]
Previous = Mapping[str, Any] | None


def _refdata(context: Any) -> PostcodeLookup | None:
    known = sales_context(context)
    return known.refdata if known is not None else None


def _copy_property_address(answers: Answers, context: Any, previous: Previous) -> None:
    """Row 7: on a discounted sale (with a sale date) the buyer's last settled home is the property."""
    if as_date(answers.get("saledate")) is None or answers.get("ownershipsch") != 2:
        return
    la = as_text(answers.get("la"))
    inferred = answers.get("is_la_inferred")
    answers["ppostcode_full"] = as_text(answers.get("postcode_full"))
    answers["ppcodenk"] = answers.get("pcodenk")
    answers["prevloc"] = la
    answers["is_previous_la_inferred"] = inferred if isinstance(inferred, bool) else None
    answers["previous_la_known"] = 1 if la is not None else None


def _previous_postcode_parts(answers: Answers, context: Any, previous: Previous) -> None:
    """Row 9: the previous postcode's outward and inward parts."""
    postcode = as_text(answers.get("ppostcode_full"))
    parts = postcode.split() if postcode is not None else []
    outward, inward = (parts[0], parts[1]) if len(parts) == 2 else (None, None)
    answers["ppostc1"], answers["ppostc2"] = outward, inward


def _derive_soctenant(answers: Answers, context: Any, previous: Previous) -> None:
    """Row 14: on a shared ownership sale, whether a buyer was a social tenant just before; else nothing."""
    if as_date(answers.get("saledate")) is None:
        return
    if answers.get("prevten") is None or answers.get("ownershipsch") != 1:
        answers["soctenant"] = None
        return
    social = answers.get("prevten") in SOCIAL_TENANCIES or answers.get("prevtenbuy2") in SOCIAL_TENANCIES
    answers["soctenant"] = 1 if social else 2


DERIVATIONS: tuple[Derivation, ...] = (
    *previous_postcode_derivations(_refdata),
    Derivation(
        "previous_address_discounted",
        "On a discounted ownership sale with a sale date, buyer 1's last settled home is the property: "
        "ppostcode_full, ppcodenk, prevloc and is_previous_la_inferred are postcode_full, pcodenk, la and "
        "is_la_inferred, and previous_la_known is 1 when la is given.",
        ("ppostcode_full", "ppcodenk", "prevloc", "is_previous_la_inferred", "previous_la_known"),
        ("saledate", "ownershipsch", "postcode_full", "pcodenk", "la", "is_la_inferred"),
        _copy_property_address,
    ),
    Derivation(
        "ppostc",
        "ppostc1 and ppostc2: the outward and inward parts of the previous postcode.",
        ("ppostc1", "ppostc2"),
        ("ppostcode_full",),
        _previous_postcode_parts,
    ),
    Derivation(
        "soctenant",
        "With a sale date: on a shared ownership sale with buyer 1's previous tenure given, 1 when buyer 1 or buyer 2 "
        "was a local authority or housing association tenant (prevten or prevtenbuy2 1 or 2), else 2; on any other "
        "sale, or without the previous tenure, nothing.",
        ("soctenant",),
        ("saledate", "ownershipsch", "prevten", "prevtenbuy2"),
        _derive_soctenant,
    ),
)
