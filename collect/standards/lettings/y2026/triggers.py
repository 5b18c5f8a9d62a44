"""Soft-check triggers used on pages of more than one subsection (lettings-2026.md §5.3).

Each is owned by one subsection module (noted below) and imported by the others that show its interruption page.
"""

from __future__ import annotations

from collect.rulebook import Pred
from collect.rulebook.conditions import Condition

# Owned by property_information: the weekly rent is outside the expected range for its area, type and bedrooms.
RENT: Condition = Pred("the rent is outside the expected range (RENT)", lambda a, c: False)
# Owned by household_characteristics: somebody is pregnant but nobody is likely to be (PREG).
PREG: Condition = Pred("nobody in the household is likely to be pregnant (PREG)", lambda a, c: False)
# Owned by household_characteristics: the household's income is outside the expected range (NI).
NET_INCOME: Condition = Pred("the household income is outside the expected range (NI)", lambda a, c: False)
# Owned by household_characteristics: someone cannot work because of illness but nobody has a condition (WI).
WORKING_ILLNESS: Condition = Pred("someone is unable to work through illness but no condition (WI)", lambda a, c: False)
