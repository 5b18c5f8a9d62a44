"""Cell checks of the 2026/27 lettings bulk upload template (lettings-2026.md §6.4).

Only the rules about how the template encodes answers (year digits, ticked boxes that exclude each other, the parts of
the source of referral, charges all or none, the UPRN or the address, allocation flags, organisations, the assigned
user, the scheme and location): every other rule is the declaration's, evaluated on the answers read.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from collect.rulebook.template import Category, CellCheck, Cells
from collect.standards import bulk
from collect.standards.lettings.y2026.bulk_readers import (
    ACCESS_FIELDS,
    ACCESS_NEEDS_NOT_KNOWN,
    ACCESS_TYPES,
    ALLOCATION_FLAGS,
    CHARGES,
    CONDITION_EFFECTS,
    NO_ACCESS_NEEDS,
    NO_CHARGES,
    OTHER_ACCESS_NEEDS,
    PREFERENCE_DONT_KNOW,
    PREFERENCE_REASONS,
    QUESTIONS,
    REFERRAL_FIELDS,
    RENEWAL,
    SUPPORTED_HOUSING,
    TICKED,
    YES_NO_CELL,
    cell_value,
    dont_know_with_other_reasons,
    find_location,
    find_scheme,
    given_fields,
    person_fields,
    referral_provider,
    ticked_fields,
)
from collect.standards.lettings.y2026.common import PERSONS

YEARS = {10: "Tenancy start year", 31: "Void date year", 34: "Major repairs completion year"}


def _year_digits(numbers: tuple[int, ...]) -> Callable[[Cells, Any], dict[int, str]]:
    """Years of 2 digits (as 1 or 2, since "07" is 7) or 4 digits."""

    def check(cells: Cells, lookups: Any) -> dict[int, str]:
        found = {}
        for number in numbers:
            year = cells.get(number)
            if type(year) is int and not (0 <= year < 100 or 1000 <= year <= 9999):
                found[number] = f"{YEARS[number]} must be 2 or 4 digits."
        return found

    return check


ONE_ACCESS_TYPE = (
    "Only one disabled access need: fully wheelchair-accessible housing, wheelchair access to essential rooms or level "
    "access housing, can be selected."
)
_ACCESS_NEEDS_LISTED = (
    "fully wheelchair-accessible housing, wheelchair access to essential rooms, level access housing or other "
    "disabled access needs."
)
NO_ACCESS_NEEDS_WITH_NEEDS = f"No disabled access needs can’t be selected if you have selected {_ACCESS_NEEDS_LISTED}"
ACCESS_NEEDS_NOT_KNOWN_WITH_NEEDS = (
    f"Don’t know disabled access needs can’t be selected if you have selected {_ACCESS_NEEDS_LISTED}"
)
NONE_AND_NOT_KNOWN = "No disabled access needs and don’t know disabled access needs cannot be selected together."


def _access_needs_combination(cells: Cells, lookups: Any) -> dict[int, str]:
    types, needs = ticked_fields(cells, *ACCESS_TYPES), ticked_fields(cells, *ACCESS_TYPES, OTHER_ACCESS_NEEDS)
    found = dict.fromkeys(types, ONE_ACCESS_TYPE) if len(types) > 1 else {}
    none, not_known = cells.get(NO_ACCESS_NEEDS) == TICKED, cells.get(ACCESS_NEEDS_NOT_KNOWN) == TICKED
    if none and not_known:
        found |= {NO_ACCESS_NEEDS: NONE_AND_NOT_KNOWN, ACCESS_NEEDS_NOT_KNOWN: NONE_AND_NOT_KNOWN}
    elif none and needs:
        found[NO_ACCESS_NEEDS] = NO_ACCESS_NEEDS_WITH_NEEDS
    elif not_known and needs:
        found[ACCESS_NEEDS_NOT_KNOWN] = ACCESS_NEEDS_NOT_KNOWN_WITH_NEEDS
    return found


PREFERENCE_DONT_KNOW_WITH_OTHERS = (
    "You cannot select 'Don't know' if any of the other reasonable preference reasons are also selected."
)
PREFERENCE_OTHER_WITH_DONT_KNOW = (
    "You cannot select this reasonable preference reason as you've also selected 'Don't know' as a reason."
)


def _preference_combination(cells: Cells, lookups: Any) -> dict[int, str]:
    if cells.get(121) != 1 or not dont_know_with_other_reasons(cells):
        return {}
    others = dict.fromkeys(ticked_fields(cells, 122, 123, 124, 125), PREFERENCE_OTHER_WITH_DONT_KNOW)
    return {**others, PREFERENCE_DONT_KNOW: PREFERENCE_DONT_KNOW_WITH_OTHERS}


TICK_BOXES = (*ACCESS_FIELDS, *CONDITION_EFFECTS, *PREFERENCE_REASONS)


def _tick_box_values(cells: Cells, lookups: Any) -> dict[int, str]:
    """A tick box holds 1 (ticked), 0 or nothing."""
    return {
        n: f"Enter a valid value for {QUESTIONS[n]}"
        for n in TICK_BOXES
        if cell_value(cells, n) is not None and cells.get(n) not in (0, 1)
    }


NO_CONDITION = (
    "You cannot answer this question as you told us nobody in the household has a physical or mental health condition "
    "(or other illness) expected to last 12 months or more."
)


def _effects_without_condition(cells: Cells, lookups: Any) -> dict[int, str]:
    if cells.get(100) == 1:
        return {}
    return dict.fromkeys(ticked_fields(cells, *CONDITION_EFFECTS), NO_CONDITION)


REFERRAL_INCOMPATIBLE = (
    'Your answers for each part of "What is the source of referral for this letting?" are incompatible with each '
    "other. Use the bulk upload specification or paper form to check which answers are possible."
)


def _referral_combination(cells: Cells, lookups: bulk.Lookups | None) -> dict[int, str]:
    """The parts of the source of referral go together (all blank is the declaration's missing answer)."""
    if cells.get(7) == RENEWAL or not given_fields(cells, *REFERRAL_FIELDS):
        return {}
    if referral_provider(cells, lookups) is not None:
        return {}
    return dict.fromkeys(REFERRAL_FIELDS, REFERRAL_INCOMPATIBLE)


CHARGE_NAMES = {142: "basic rent", 143: "service charge", 144: "personal service charge", 145: "support charge"}
ALL_CHARGES = (
    "You must enter all these fields: basic rent, service charge, personal service charge and support charge. Please "
    "enter ‘0' for any types of charges that you don’t issue."
)


def _charges_all_or_none(cells: Cells, lookups: Any) -> dict[int, str]:
    given = given_fields(cells, *CHARGES)
    no_charges = cells.get(4) == SUPPORTED_HOUSING and cells.get(140) == NO_CHARGES
    if no_charges or not given or len(given) == len(CHARGES):
        return {}
    return {
        n: ALL_CHARGES if n in given else f"Please enter the {name}. If there is no {name}, please enter '0'."
        for n, name in CHARGE_NAMES.items()
    }


UPRN_OR_ADDRESS = "Enter either the UPRN or the full address."


def _uprn_or_address(cells: Cells, lookups: Any) -> dict[int, str]:
    if given_fields(cells, 18):
        return {}
    blank = [n for n in (19, 21, 23, 24) if cell_value(cells, n) is None]
    return dict.fromkeys((18, *blank), UPRN_OR_ADDRESS) if blank else {}


ALLOCATION_NAMES = {
    127: "the Choice-Based Lettings (CBL)",
    128: "the Common Allocation Policy (CAP)",
    129: "the Common Housing Register (CHR)",
    130: "the Accessible Housing Register",
}


def _allocation_given(cells: Cells, lookups: Any) -> dict[int, str]:
    return {
        n: f"You must answer was the letting made under {name}?"
        for n, name in ALLOCATION_NAMES.items()
        if cell_value(cells, n) is None
    }


def _allocation_valid(cells: Cells, lookups: Any) -> dict[int, str]:
    return {
        n: f"Enter a valid value for {QUESTIONS[n]}"
        for n in ALLOCATION_FLAGS
        if cell_value(cells, n) is not None and cells.get(n) not in YES_NO_CELL
    }


SCHEME_NOT_FOUND = "This scheme code does not belong to the owning organisation or managing organisation."
LOCATION_NOT_FOUND = (
    "Location code must relate to a location that is owned by the owning organisation or managing organisation."
)


def _scheme_and_location(cells: Cells, lookups: bulk.Lookups) -> dict[int, str]:
    """A supported housing letting names its scheme and location; both are found among the organisations' schemes."""
    found: dict[int, str] = {}
    scheme, location = bulk.text(cells, 5), bulk.text(cells, 6)
    if cells.get(4) == SUPPORTED_HOUSING:
        blank = [(n, name) for n, name in ((5, "scheme"), (6, "location")) if not given_fields(cells, n)]
        found |= {n: f"You must answer {name} code." for n, name in blank}
    owner, manager = (bulk.text(cells, n) for n in (1, 2))
    organisations_found = owner and manager and lookups.organisation(owner) and lookups.organisation(manager)
    if not scheme or not organisations_found:
        return found
    if find_scheme(cells, lookups) is None:
        found[5] = SCHEME_NOT_FOUND
    elif location and find_location(cells, lookups) is None:
        found[6] = LOCATION_NOT_FOUND
    return found


AGES = (41, *(person_fields(p)[0] for p in PERSONS))

CHECKS: tuple[CellCheck, ...] = (
    *bulk.organisation_checks(
        1,
        2,
        3,
        manager_message="This managing organisation does not have a relationship with the owning organisation.",
        user_question="what is the CORE username of the account this letting log should be assigned to?",
    ),
    CellCheck(
        "lettings.scheme_location",
        (5, 6),
        _scheme_and_location,
        Category.SETUP,
        blocks=True,
        needs_lookups=True,
        description="A supported housing letting gives a scheme and a location of the owning or managing organisation.",
    ),
    CellCheck(
        "lettings.start_year_digits",
        (10,),
        _year_digits((10,)),
        Category.SETUP,
        description="The tenancy start year has 2 or 4 digits.",
    ),
    CellCheck(
        "lettings.year_digits",
        (31, 34),
        _year_digits((31, 34)),
        description="The void date and major repairs years have 2 or 4 digits.",
    ),
    bulk.age_format_check(AGES, {n: f"person {i}" for i, n in enumerate(AGES, start=1)}),
    CellCheck(
        "lettings.access_needs",
        ACCESS_FIELDS,
        _access_needs_combination,
        description="At most one access needs type; no needs and don't know are not ticked with needs or together.",
    ),
    CellCheck(
        "lettings.reasonable_preference",
        tuple(PREFERENCE_REASONS),
        _preference_combination,
        description="Don't know is not ticked with another reasonable preference reason.",
    ),
    CellCheck(
        "lettings.tick_boxes",
        TICK_BOXES,
        _tick_box_values,
        description="Tick boxes (access needs, condition effects, reasonable preference reasons) hold 1, 0 or nothing.",
    ),
    CellCheck(
        "lettings.condition_effects",
        tuple(CONDITION_EFFECTS),
        _effects_without_condition,
        description="Condition effects are ticked only when somebody has a condition (field 100 is 1).",
    ),
    CellCheck(
        "lettings.referral",
        REFERRAL_FIELDS,
        _referral_combination,
        description="The parts of the source of referral (not a renewal) are a combination the standard allows.",
    ),
    CellCheck(
        "lettings.charges",
        tuple(CHARGES),
        _charges_all_or_none,
        description="The four charges are given all together or not at all (§8 #9 fixed: unless no charges are paid).",
    ),
    CellCheck(
        "lettings.uprn_or_address",
        (18, 19, 21, 23, 24),
        _uprn_or_address,
        description="Either the UPRN or the address line 1, town or city and both parts of the postcode are given.",
    ),
    CellCheck(
        "lettings.allocation_given",
        tuple(ALLOCATION_FLAGS),
        _allocation_given,
        Category.NOT_ANSWERED,
        description="Each allocation system flag is given.",
    ),
    CellCheck(
        "lettings.allocation_values",
        tuple(ALLOCATION_FLAGS),
        _allocation_valid,
        description="Each allocation system flag is 1 (yes) or 2 (no).",
    ),
)
