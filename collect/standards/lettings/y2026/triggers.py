"""Soft-check triggers used on pages of more than one subsection (lettings-2026.md §5.3).

Each is owned by one subsection module (noted below) and imported by the others that show its interruption page.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from collect.rulebook import Pred
from collect.rulebook.conditions import Condition
from collect.standards.answers import answer_number, as_date
from collect.standards.lettings.y2026.common import (
    ALL_PERSONS,
    MAX_PEOPLE_WITH_DETAILS,
    PERSONS,
    RENT_RANGE_BEDS_CAP,
    net_income_soft_range,
    people_with_details,
    rent_range_for,
    weekly,
)


def rent_soft_direction(answers: Mapping[str, Any], context: Any) -> str | None:
    """The word "lower" or "higher" when the weekly rent is in a soft band of the expected range (RENT), else None.

    lower: hard_min <= weekly rent <= soft_min; higher: soft_max <= weekly rent <= hard_max, or, for general needs
    with more than 4 bedrooms, any weekly rent above soft_max (as coded, §5.3).
    """
    try:
        rent = weekly(answers.get("brent"), answers.get("period"))
    except ArithmeticError:  # an amount too large to round to the penny
        return None
    if rent is None or not rent.is_finite() or as_date(answers.get("startdate")) is None:
        return None
    found = rent_range_for(answers, context)
    if found is None:
        return None
    if found.hard_min <= rent <= found.soft_min:
        return "lower"
    beds = answers.get("beds")
    many_beds = isinstance(beds, (int, Decimal)) and not isinstance(beds, bool) and beds > RENT_RANGE_BEDS_CAP
    if (many_beds and rent > found.soft_max) or (not many_beds and found.soft_max <= rent <= found.hard_max):
        return "higher"
    return None


# Owned by property_information: the weekly rent is in a soft band of the expected range for its area, letting type
# and bedrooms (RENT, §5.3). Pages: local_authority_rent_value_check, beds_rent_value_check (property information)
# and brent_rent_value_check (finances); all confirm `rent_value_check`.
RENT: Condition = Pred(
    "the weekly rent is within the soft band below or above the expected range for the local authority, "
    "letting type and bedrooms (RENT)",
    lambda a, c: rent_soft_direction(a, c) is not None,
    reads=("brent", "period", "startdate", "la", "location_id", "beds", "rent_type", "needstype"),
)


# Owned by household_characteristics: somebody is pregnant but nobody is likely to be (PREG).
def _male(answers: Mapping[str, Any], person: int) -> bool:
    """Sex registered at birth male, and gender the same as that sex."""
    return answers.get(f"sexrab{person}") == "M" and answers.get(f"gender_same_as_sex{person}") == 1


def _sex_and_gender_given(answers: Mapping[str, Any], person: int) -> bool:
    details_known = person == 1 or answers.get(f"details_known_{person}") == 0
    return (
        details_known
        and answers.get(f"sexrab{person}") is not None
        and answers.get(f"gender_same_as_sex{person}") is not None
    )


def no_household_member_likely_to_be_pregnant(answers: Mapping[str, Any], context: Any = None) -> bool:
    """Nobody is likely to be pregnant though somebody is said to be (PREG, lettings-2026.md §5.3).

    preg_occ == 1, at most 8 people, everyone's sex and gender answered, and either everybody is male, or every age
    is known and no non-male person is aged 13 to 55.
    """
    if answers.get("preg_occ") != 1:
        return False
    members = answer_number(answers.get("hhmemb"))
    if members is not None and members > MAX_PEOPLE_WITH_DETAILS:
        return False
    people = range(1, people_with_details(answers) + 1)
    if not all(_sex_and_gender_given(answers, n) for n in people):
        return False
    if all(_male(answers, n) for n in people):
        return True
    ages = {n: answer_number(answers.get(f"age{n}")) for n in people}
    if any(ages[n] is None or answers.get(f"age{n}_known") != 0 for n in people):
        return False
    return not any(13 <= age <= 55 and not _male(answers, n) for n, age in ages.items() if age is not None)


PREG: Condition = Pred(
    "somebody is pregnant but nobody in the household is likely to be (PREG)",
    no_household_member_likely_to_be_pregnant,
    reads=(
        "preg_occ",
        "hhmemb",
        *(f"{name}{n}" for n in ALL_PERSONS for name in ("sexrab", "gender_same_as_sex", "age")),
        *(f"age{n}_known" for n in ALL_PERSONS),
        *(f"details_known_{n}" for n in PERSONS),
    ),
)

# Owned by household_characteristics: the household's income is in the soft band of its expected range (NI, §5.5).
NET_INCOME: Condition = Pred(
    "the household's weekly income is above or below the expected range for its working situations (NI)",
    lambda a, c: net_income_soft_range(a) is not None,
    reads=("earnings", "incfreq", "hhmemb", *(f"ecstat{n}" for n in ALL_PERSONS), *(f"age{n}" for n in PERSONS)),
)


# Owned by household_characteristics: someone cannot work because of illness but nobody has a condition (WI).
def working_situation_illness(answers: Mapping[str, Any], context: Any = None) -> bool:
    """WI (lettings-2026.md §5.3): illness == 2 and a person 1 to people_with_details has ecstat 8."""
    if answers.get("illness") != 2:
        return False
    get = answers.get
    return any(get(key) == 8 for key in _ECSTAT_KEYS[: people_with_details(answers)])


_ECSTAT_KEYS = tuple(f"ecstat{n}" for n in ALL_PERSONS)


WORKING_ILLNESS: Condition = Pred(
    "someone is unable to work because of long-term sickness or disability, but nobody has a condition (WI)",
    working_situation_illness,
    reads=("illness", "hhmemb", *(f"ecstat{n}" for n in ALL_PERSONS)),
)
