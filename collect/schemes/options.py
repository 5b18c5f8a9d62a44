"""The answer options of supported housing schemes and locations: codes and labels of the national standard.

This is the one place these lists live. The scheme and location models, their pages, the CSV downloads and (later) the
lettings declaration read them from here. Plain Python, no Django, so the rulebook can import it.

Each list is in the order the pages show it. `offered=False` marks a code that existing data and files may carry but
that the pages no longer offer (as in the national service: "Floating support", "Property designed to accessible
general standard").
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Generic, NamedTuple, TypeVar

Code = TypeVar("Code", int, str)


class Option(NamedTuple, Generic[Code]):
    """One answer: its code, its label and an optional hint shown under it."""

    code: Code
    label: str
    hint: str = ""
    offered: bool = True


def choices(options: Iterable[Option[Code]]) -> list[tuple[Code, str]]:
    """(code, label) pairs of every option, for a model field's choices."""
    return [(o.code, o.label) for o in options]


def offered(options: Iterable[Option[Code]]) -> list[Option[Code]]:
    """The options a page offers."""
    return [o for o in options if o.offered]


def label_of(options: Iterable[Option[Code]], code: object) -> str:
    """The label of a code, or "" when the code is empty or unknown."""
    return next((o.label for o in options if o.code == code), "")


# Yes/No answers stored as 1/0 (`sensitive`, `has_other_client_group`).
YES, NO = 1, 0
YES_NO: tuple[Option[int], ...] = (Option(YES, "Yes"), Option(NO, "No"))

# Scheme: `schtype` in exports.
SCHEME_TYPES: tuple[Option[int], ...] = (
    Option(5, "Direct access hostel"),
    Option(4, "Foyer"),
    Option(7, "Housing for older people"),
    Option(6, "Other supported housing"),
)

# Scheme: `reghome` in exports. Regulated by the Care Quality Commission (registered under the Care Standards Act 2000).
CARE_ACT_YES, CARE_ACT_PARTIALLY, CARE_ACT_NO = 5, 2, 1
REGISTERED_UNDER_CARE_ACT: tuple[Option[int], ...] = (
    Option(CARE_ACT_YES, "Yes"),
    Option(CARE_ACT_PARTIALLY, "Partially", "Some but not all units in the scheme are regulated by the CQC."),
    Option(CARE_ACT_NO, "No"),
)

# Scheme: who provides the support services (`mantype` in exports).
ARRANGEMENT_TYPES: tuple[Option[str], ...] = (
    Option("D", "The same organisation that owns the housing stock"),
    Option("R", "Another registered stock owner"),
    Option("V", "A registered charity or voluntary organisation"),
    Option("O", "Another organisation"),
)

# Scheme: primary and secondary client groups (`cligrp1`, `cligrp2` in exports).
CLIENT_GROUPS: tuple[Option[str], ...] = (
    Option("O", "Homeless families with support needs"),
    Option("H", "Offenders and people at risk of offending"),
    Option("M", "Older people with support needs"),
    Option("L", "People at risk of domestic violence"),
    Option("A", "People with a physical or sensory disability"),
    Option("G", "People with alcohol problems"),
    Option("F", "People with drug problems"),
    Option("B", "People with HIV or AIDS"),
    Option("D", "People with learning disabilities"),
    Option("E", "People with mental health problems"),
    Option("I", "Refugees (permanent)"),
    Option("S", "Rough sleepers"),
    Option("N", "Single homeless people with support needs"),
    Option("R", "Teenage parents"),
    Option("Q", "Young people at risk"),
    Option("P", "Young people leaving care"),
)

# Scheme: level of support (`support` in exports).
SUPPORT_TYPES: tuple[Option[int], ...] = (
    Option(2, "Low level", "Staff visiting once a week, fortnightly or less."),
    Option(3, "Medium level", "Staff on site daily or making frequent visits with some out-of-hours cover."),
    Option(4, "High level", "Intensive level of staffing provided on a 24-hour basis."),
    Option(6, "Floating support", offered=False),
)

# Scheme: intended length of stay (`intstay` in exports).
INTENDED_STAYS: tuple[Option[str], ...] = (
    Option("V", "Very short stay", "Up to one month."),
    Option("S", "Short stay", "Up to one year."),
    Option("M", "Medium stay", "More than one year but with an expectation to move on."),
    Option("P", "Permanent", "Provides a home for life with no requirement for the tenant to move."),
)

# Location: the most common type of unit (`unittype_sh` of a supported housing letting).
UNIT_TYPES: tuple[Option[int], ...] = (
    Option(6, "Bungalow"),
    Option(1, "Self-contained flat or bedsit"),
    Option(2, "Self-contained flat or bedsit with common facilities"),
    Option(7, "Self-contained house"),
    Option(3, "Shared flat"),
    Option(4, "Shared house or hostel"),
)

# Location: mobility standards of most units (`mobstand` in exports; W gives wchair = 1 on a letting).
WHEELCHAIR_USER_STANDARD = "W"
MOBILITY_TYPES: tuple[Option[str], ...] = (
    Option(
        WHEELCHAIR_USER_STANDARD,
        "Wheelchair-user standard",
        "Suitable for someone who uses a wheelchair and offers the full use of all rooms and facilities.",
    ),
    Option(
        "A",
        "Fitted with equipment and adaptations",
        "Fitted with stairlifts, ramps, level access showers or grab rails.",
    ),
    Option("M", "Property designed to accessible general standard", offered=False),
    Option("N", "None", "Not designed to wheelchair-user standards or fitted with any equipment or adaptations."),
)

# Statuses of schemes and locations (platform.md §3.3), as codes (used in the CSV downloads) and labels.
INCOMPLETE = "incomplete"
ACTIVE = "active"
ACTIVATING_SOON = "activating_soon"
DEACTIVATING_SOON = "deactivating_soon"
DEACTIVATED = "deactivated"
REACTIVATING_SOON = "reactivating_soon"
STATUSES: tuple[Option[str], ...] = (
    Option(INCOMPLETE, "Incomplete"),
    Option(ACTIVE, "Active"),
    Option(ACTIVATING_SOON, "Activating soon"),
    Option(DEACTIVATING_SOON, "Deactivating soon"),
    Option(DEACTIVATED, "Deactivated"),
    Option(REACTIVATING_SOON, "Reactivating soon"),
)
