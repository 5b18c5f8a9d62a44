"""Soft-check triggers used on pages of more than one subsection (lettings-2026.md §5.3).

Each is owned by one subsection module (noted below) and imported by the others that show its interruption page.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from collect.rulebook import Pred
from collect.rulebook.conditions import Condition
from collect.standards.lettings.y2026.common import (
    RENT_RANGE_BEDS_CAP,
    as_date,
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
PREG: Condition = Pred("nobody in the household is likely to be pregnant (PREG)", lambda a, c: False)
# Owned by household_characteristics: the household's income is outside the expected range (NI).
NET_INCOME: Condition = Pred("the household income is outside the expected range (NI)", lambda a, c: False)
# Owned by household_characteristics: someone cannot work because of illness but nobody has a condition (WI).
WORKING_ILLNESS: Condition = Pred("someone is unable to work through illness but no condition (WI)", lambda a, c: False)
