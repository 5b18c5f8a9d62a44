"""Pieces the 2026/27 lettings subsections share: option lists, conditions, money helpers, interruption questions."""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from collect.rulebook import F, Option, Question, QuestionKind
from collect.rulebook.conditions import Condition
from collect.standards.calendar import collection_start_year
from collect.standards.lettings.context import LettingsContext, RentRange

START_YEAR = 2026
PERSONS = tuple(range(2, 9))  # household members 2 to 8 have their own questions
ALL_PERSONS = tuple(range(1, 9))

YES_NO = (Option(1, "Yes"), Option(0, "No"))
CONFIRM = (Option(0, "Yes"), Option(1, "No"))

# Every page outside Setup needs the setup subsection done (lettings-2026.md §7.3); the engine sets this flag.
SETUP_DONE_FLAG = "setup_done"
SETUP_DONE: Condition = F(SETUP_DONE_FLAG).is_true()
# "renewal != 1": an unanswered renewal counts as not a renewal (§0).
NOT_RENEWAL: Condition = F("renewal") != 1
RENEWAL: Condition = F("renewal") == 1
GENERAL_NEEDS: Condition = F("needstype") == 1
SUPPORTED_HOUSING: Condition = F("needstype") == 2

# Weeks in a year for each rent period code (§4.2).
WEEKS_IN_PERIOD: Mapping[int, int] = {1: 52, 2: 26, 3: 13, 4: 12, 5: 50, 6: 49, 7: 48, 8: 47, 9: 46, 10: 53, 11: 51}
LOCAL_AUTHORITY, PRIVATE_REGISTERED_PROVIDER = 1, 2


def ctx(context: Any) -> LettingsContext:
    """The context of a lettings evaluation (the engine passes it untyped)."""
    if not isinstance(context, LettingsContext):
        raise TypeError("lettings rules need a LettingsContext")
    return context


def money(value: Any) -> Decimal | None:
    """A money answer as a Decimal, or None."""
    if value is None or isinstance(value, bool):
        return None
    try:
        return Decimal(str(value))
    except ArithmeticError:
        return None


def weekly(value: Any, period: Any) -> Decimal | None:
    """An amount paid every `period` as a weekly amount to the penny: value / 52 * weeks (§4.2)."""
    amount = money(value)
    weeks = WEEKS_IN_PERIOD.get(period) if isinstance(period, int) else None
    if amount is None or weeks is None:
        return None
    return (amount * weeks / 52).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def interruption(question_id: str, text: str = "Are you sure this is correct?", hint: str = "") -> Question:
    """The confirmation question of a soft check's interruption screen: 0 yes (confirmed), 1 no (go back)."""
    return Question(question_id, QuestionKind.INTERRUPTION, text, hint=hint, options=CONFIRM)


def provider_type(context: Any) -> int | None:
    """The owning organisation's provider type (1 local authority, 2 private registered provider)."""
    owner = ctx(context).owning_organisation
    return owner.provider_type if owner else None


# Letting type and rent ranges (lettings-2026.md §4.2, §5.4), shared by the modules that need them before the
# derived `lettype` is stored: rent type → rent type group (1 social, 2 affordable, 3 intermediate, 4 specified).
RENTTYPE_OF_RENT_TYPE: Mapping[int, int] = {0: 1, 1: 2, 2: 2, 3: 3, 4: 3, 5: 3, 6: 4}
# Offset of each (needs type, provider type) within a rent type group's four letting types.
_LETTYPE_OFFSET: Mapping[tuple[int, int], int] = {
    (1, PRIVATE_REGISTERED_PROVIDER): 1,
    (2, PRIVATE_REGISTERED_PROVIDER): 2,
    (1, LOCAL_AUTHORITY): 3,
    (2, LOCAL_AUTHORITY): 4,
}
# Rent ranges for general needs stop at 4 bedrooms; supported housing ranges are looked up with 0 bedrooms.
RENT_RANGE_MAX_BEDS = 4


def code_of(value: Any) -> int | None:
    """An answer as an integer code, or None (booleans and other types are not codes)."""
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def lettype_of(answers: Mapping[str, Any], context: Any) -> int | None:
    """The letting type 1-16 from rent type, needs type and the owning organisation's provider type (§4.2).

    Social: GN PRP 1, SH PRP 2, GN LA 3, SH LA 4; affordable 5-8, intermediate 9-12, specified accommodation 13-16
    in the same order. None unless all three are known.
    """
    rent_type, needstype = code_of(answers.get("rent_type")), code_of(answers.get("needstype"))
    owner = context.owning_organisation if isinstance(context, LettingsContext) else None
    if rent_type is None or needstype is None or owner is None:
        return None
    renttype = RENTTYPE_OF_RENT_TYPE.get(rent_type)
    offset = _LETTYPE_OFFSET.get((needstype, owner.provider_type))
    if renttype is None or offset is None:
        return None
    return (renttype - 1) * 4 + offset


def rent_range_of(answers: Mapping[str, Any], context: Any) -> RentRange | None:
    """The expected weekly rent range for the log (§5.4), or None when there is none or something is missing.

    Looked up by the collection year of the start date, the letting type, the local authority (the answer, or the
    supported housing location's) and the bedrooms (0 for supported housing, at most 4 for general needs).
    """
    startdate = answers.get("startdate")
    if not isinstance(context, LettingsContext) or not isinstance(startdate, datetime.date):
        return None
    lettype = lettype_of(answers, context)
    la = answers.get("la")
    if not (isinstance(la, str) and la) and context.location is not None:
        la = context.location.local_authority_code
    needstype, beds = code_of(answers.get("needstype")), code_of(answers.get("beds"))
    if needstype == 2:
        beds = 0
    elif needstype == 1 and beds is not None:
        beds = min(beds, RENT_RANGE_MAX_BEDS)
    else:
        beds = None
    if lettype is None or beds is None or not (isinstance(la, str) and la):
        return None
    return context.refdata.rent_range(collection_start_year(startdate), lettype, la, beds)
