"""Property information (lettings 2026/27): pages, checks and derivations (lettings-2026.md §2.2, §3.2, §4, §5).

The address is found by an address search (the answer is a UPRN) or entered by hand. Looking a UPRN or a search up
in OS Places is NOT part of the rulebook: the service does it (the standard's §4.1 steps 9–10) and writes what it
found — `uprn`, `uprn_known` 1, `uprn_confirmed` 1, `uprn_selection`, the address lines, town and postcode — before
evaluating. Channels without an address search (bulk upload, the API) give the address lines with no UPRN; such an
address counts as entered by hand (the standard's bulk upload falls back to manual entry the same way). The rules
here keep the bookkeeping answers (`uprn_known`, `uprn_confirmed`, `uprn_selection`, `manual_address_entry_selected`,
`postcode_known`, `is_la_inferred`) consistent, normalise the postcode and find its local authority (§4.1 step 3).
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Mapping, MutableMapping
from dataclasses import replace
from typing import Any

from collect.rulebook import Check, Derivation, F, Option, Page, Pred, Question, QuestionKind, Severity, Subsection
from collect.rulebook.conditions import Compare, Condition, always
from collect.rulebook.declaration import OptionKind, Stage
from collect.standards import addresses, postcodes
from collect.standards.answers import as_code, as_date, changed_since, interruption, pounds
from collect.standards.facts import LocalAuthorityFacts
from collect.standards.lettings.y2026.common import (
    GENERAL_NEEDS,
    NOT_RENEWAL,
    RENEWAL,
    RENT_PERIOD_SUFFIX,
    RENT_VALUE_CHECK,
    SETUP_DONE,
    SUPPORTED_HOUSING,
    YES_NO,
    lettings_context,
    property_la,
)
from collect.standards.lettings.y2026.triggers import RENT, rent_soft_direction

ANY = Mapping[str, Any]
MessageFn = Callable[[ANY, Any], str]

# Reading the answers


_present = addresses.present
_clear = addresses.clear
# The property's postcode: postcode_known 1 when known; the local authority inferred from it.
POSTCODE = addresses.PostcodeFields("postcode_full", "postcode_known", 1, "la", "is_la_inferred")


def _postcode_lookup(context: Any) -> addresses.PostcodeLookup | None:
    known = lettings_context(context)
    return known.refdata.local_authority_for_postcode if known else None


def _authority_lookup(context: Any) -> addresses.AuthorityLookup | None:
    known = lettings_context(context)
    return known.refdata.local_authority if known else None


def _authority(answers: ANY, context: Any) -> LocalAuthorityFacts | None:
    known, la = lettings_context(context), property_la(answers, context)
    return known.refdata.local_authority(la) if known and la else None


def _years_before(day: datetime.date, years: int) -> datetime.date:
    """The same day some years earlier (29 February becomes 28 February in a common year)."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


# Soft-check triggers of this subsection (§5.3)

TWO_YEARS_IN_DAYS = 730
TWENTY_YEARS_IN_DAYS = 7300


def _long_vacancy(field: str) -> Callable[[ANY, Any], bool]:
    def test(answers: ANY, context: Any) -> bool:
        day, start = as_date(answers.get(field)), as_date(answers.get("startdate"))
        if day is None or start is None:
            return False
        return (
            start - datetime.timedelta(days=TWENTY_YEARS_IN_DAYS)
            <= day
            <= start - datetime.timedelta(days=TWO_YEARS_IN_DAYS)
        )

    return test


VOID = Pred(
    "the void date is between 2 and 20 years (730 to 7300 days) before the tenancy start date (VOID)",
    _long_vacancy("voiddate"),
    reads=("voiddate", "startdate"),
)
MRC = Pred(
    "the major repairs date is between 2 and 20 years (730 to 7300 days) before the tenancy start date (MRC)",
    _long_vacancy("mrcdate"),
    reads=("mrcdate", "startdate"),
)

# Questions (§3.2)

first_time_property_let_as_social_housing = Question(
    "first_time_property_let_as_social_housing",
    QuestionKind.RADIO,
    "Is this the first time the property has been let as social housing?",
    "First time being let as social housing",
    number=12,
    options=(
        Option(1, "Yes", hint="This property was previously used for other purposes or is a new-build."),
        Option(0, "No", hint="This is a re-let of existing social housing stock."),
    ),
    derived_when=RENEWAL,
)
unitletas = Question(
    "unitletas",
    QuestionKind.RADIO,
    "What type was the property most recently let as?",
    "Most recent let type",
    hint="This is the rent type of the previous tenancy in this property.",
    number=14,
    options=(
        Option(1, "Social rent basis"),
        Option(2, "Affordable rent basis"),
        Option(5, "London Affordable Rent basis"),
        Option(6, "Rent to Buy basis"),
        Option(7, "London Living Rent basis"),
        Option(8, "Another Intermediate Rent basis"),
        Option(
            9,
            "Specified accommodation - exempt accommodation, managed properties, refuges and local authority hostels",
        ),
        Option(3, "Don’t know", kind=OptionKind.DONT_KNOW, divider_before=True),
    ),
    derived_when=RENEWAL,
)
rsnvac_relet = Question(
    "rsnvac",
    QuestionKind.RADIO,
    "What is the reason for the property being vacant?",
    "Vacancy reason",
    number=15,
    options=(
        Option(
            14,
            "Renewal of fixed-term tenancy",
            hint="To the same tenant in the same property, except if was previously used as temporary accommodation.",
        ),
        Option(9, "Re-let to tenant who occupied same property as temporary accommodation"),
        Option(
            13,
            "Internal transfer",
            hint="Where a tenant moved from one social housing property to another property. Their landlord may be "
            "the same or may have changed.",
        ),
        Option(12, "Tenant moved to other social housing provider"),
        Option(8, "Tenant moved to private sector or other accommodation"),
        Option(18, "Tenant moved to care home"),
        Option(20, "Tenant moved to long-stay hospital or similar institution"),
        Option(5, "Tenant died with no succession"),
        Option(19, "Tenant involved in a succession downsize"),
        Option(6, "Tenant abandoned property"),
        Option(10, "Tenant was evicted due to rent arrears"),
        Option(11, "Tenant was evicted due to anti-social behaviour"),
        Option(21, "Tenant was evicted due to both rent arrears and anti-social behaviour"),
        Option(22, "Any other reason"),
    ),
    derived_when=RENEWAL,
)
rsnvac_first_let = Question(
    "rsnvac",
    QuestionKind.RADIO,
    "What is the reason for the property being vacant?",
    "Vacancy reason",
    number=13,
    options=(
        Option(16, "First let of conversion, rehabilitation or acquired property"),
        Option(17, "First let of leased property"),
        Option(15, "First let of new-build property"),
    ),
    derived_when=RENEWAL,
)
uprn = Question(
    "uprn",
    QuestionKind.ADDRESS,
    "Enter address or UPRN",
    "Address",
    hint="For example, '1 Victoria Road' or '10010457355'",
    number=16,
)
# The address entered by hand is kept when its page is not shown (§0 exemptions).
address_line1 = Question(
    "address_line1",
    QuestionKind.TEXT,
    "Address line 1",
    "Address lines 1 and 2",
    number=17,
    keep_when_off_route=True,
)
address_line2 = Question(
    "address_line2",
    QuestionKind.TEXT,
    "Address line 2 (optional)",
    optional_when=always,
    keep_when_off_route=True,
)
town_or_city = Question(
    "town_or_city", QuestionKind.TEXT, "Town or city", "Town or city", number=17, keep_when_off_route=True
)
county = Question(
    "county",
    QuestionKind.TEXT,
    "County (optional)",
    "County",
    number=17,
    optional_when=always,
    keep_when_off_route=True,
)
postcode_full = Question(
    "postcode_full", QuestionKind.POSTCODE, "Postcode", "Postcode", number=17, width=5, keep_when_off_route=True
)
la = Question(
    "la",
    QuestionKind.SELECT,
    "What is the property’s local authority?",
    "Local authority",
    number=18,
    keep_when_off_route=True,
)
unittype_gn = Question(
    "unittype_gn",
    QuestionKind.RADIO,
    "What type of unit is the property?",
    "Type of unit",
    number=19,
    options=(
        Option(2, "Bedsit"),
        Option(8, "Bungalow"),
        Option(1, "Flat or maisonette"),
        Option(7, "House"),
        Option(10, "Shared bungalow"),
        Option(4, "Shared flat or maisonette"),
        Option(9, "Shared house"),
        Option(6, "Other"),
    ),
)
wchair = Question(
    "wchair",
    QuestionKind.RADIO,
    "Is the property built or adapted to wheelchair-user standards?",
    "Property built or adapted to wheelchair-user standards",
    hint="This is whether someone who uses a wheelchair is able to make full use of all of the property’s rooms and "
    "facilities, including use of both inside and outside space, and entering and exiting the property.",
    number=20,
    options=(Option(1, "Yes"), Option(2, "No")),
    # Supported housing: from the location's mobility type (§4.2).
    derived_when=SUPPORTED_HOUSING & F("location_id").answered(),
)
BEDSIT: Condition = F("unittype_gn") == 2
beds = Question(
    "beds",
    QuestionKind.NUMERIC,
    "How many bedrooms does the property have?",
    "Number of bedrooms",
    hint="If shared accommodation, enter the number of bedrooms occupied by this household.",
    number=21,
    minimum=1,
    maximum=12,
    step=1,
    width=2,
    derived_when=BEDSIT,
)
voiddate = Question(
    "voiddate", QuestionKind.DATE, "What is the void date?", "Void date", number=22, derived_when=RENEWAL
)
majorrepairs = Question(
    "majorrepairs",
    QuestionKind.RADIO,
    "Were any major repairs carried out during the void period?",
    "Major repairs carried out during void period",
    hint="Major repairs are works which could not reasonably be carried out with a tenant in occupation, and which "
    "need to be carried out in a property while it is vacant. They are works that have prevented the re-letting of "
    "the property because of their scale and extent. They involve remedial works that are necessary for the property "
    "to remain habitable and include structural repairs, site works and service installations.",
    number=23,
    options=YES_NO,
)
mrcdate = Question(
    "mrcdate",
    QuestionKind.DATE,
    "When were the repairs completed?",
    "Completion date of repairs",
    number=23,
    revealed_by=("majorrepairs", frozenset({1})),
)
sheltered = Question(
    "sheltered",
    QuestionKind.RADIO,
    "Is this property older people’s housing?",
    "Letting is older people’s housing",
    hint="This includes retirement living, sheltered housing and extra care housing. There is no national set limit "
    'for "older people", please answer based on your own policies.\n\nExtra care housing is for tenants with medium '
    "to high care and support needs, often with 24 hour access to support staff provided by an agency registered "
    "with the Care Quality Commission.",
    number=24,
    options=(
        Option(7, "Yes – for tenants with low support needs"),
        Option(2, "Yes – extra care housing"),
        Option(8, "Yes – other"),
        Option(3, "No"),
        Option(4, "Don’t know", kind=OptionKind.DONT_KNOW, divider_before=True),
    ),
)
void_date_value_check = replace(
    interruption("void_date_value_check", "Are you sure the property has been vacant for this long?"),
    check_answers_label="Void date confirmation",
)
major_repairs_date_value_check = replace(
    interruption("major_repairs_date_value_check", "Are you sure the property has been vacant for this long?"),
    check_answers_label="Major repairs date confirmation",
)

FIRST_LET: Condition = F("first_time_property_let_as_social_housing") == 1
RELET: Condition = F("first_time_property_let_as_social_housing") == 0
# Re-let vacancy reasons other than a renewal (`vacancy_reason_not_renewal_or_first_let?`).
RELET_REASONS = (5, 6, 8, 9, 10, 11, 12, 13, 18, 19, 20, 21, 22)
# `manual_address_entry_selected` defaults to false: unanswered counts as the address search.
MANUAL_ADDRESS: Condition = F("manual_address_entry_selected").is_true()
LA_NOT_INFERRED: Condition = Compare("is_la_inferred", "==", False)
ADDRESS_HEADER = "What is the property’s address?"

PAGES: tuple[Page, ...] = (
    Page("first_time_property_let_as_social_housing", (first_time_property_let_as_social_housing,), NOT_RENEWAL),
    Page("property_let_type", (unitletas,), RELET & NOT_RENEWAL),
    Page("property_vacancy_reason_not_first_let", (rsnvac_relet,), RELET & NOT_RENEWAL),
    Page("property_vacancy_reason_first_let", (rsnvac_first_let,), FIRST_LET & NOT_RENEWAL),
    # The address is asked for general needs and supported housing alike in 2026 (`is_address_asked?`).
    Page("address_search", (uprn,), ~MANUAL_ADDRESS, header=ADDRESS_HEADER),
    Page(
        "address",
        (address_line1, address_line2, town_or_city, county, postcode_full),
        MANUAL_ADDRESS,
        header=ADDRESS_HEADER,
    ),
    Page("property_local_authority", (la,), LA_NOT_INFERRED & GENERAL_NEEDS),
    Page("local_authority_rent_value_check", (RENT_VALUE_CHECK,), RENT, confirms="RENT"),
    Page("property_unit_type", (unittype_gn,), GENERAL_NEEDS),
    Page("property_wheelchair_accessible", (wchair,), GENERAL_NEEDS),
    Page("property_number_of_bedrooms", (beds,), GENERAL_NEEDS & (F("unittype_gn") != 2)),
    Page("beds_rent_value_check", (RENT_VALUE_CHECK,), RENT, confirms="RENT"),
    Page("void_date", (voiddate,), NOT_RENEWAL, header="Void date"),
    Page("void_date_value_check", (void_date_value_check,), VOID, confirms="VOID"),
    Page("property_major_repairs", (majorrepairs, mrcdate), NOT_RENEWAL & F("rsnvac").one_of(*RELET_REASONS)),
    Page("property_major_repairs_value_check", (major_repairs_date_value_check,), MRC, confirms="MRC"),
    Page("sheltered_accommodation", (sheltered,), SUPPORTED_HOUSING),
)
SUBSECTION = Subsection("property_information", "Property information", PAGES, enabled_when=SETUP_DONE)

# Derivations (§4.1 steps 3 and 6, §4.2)

ADDRESS_FIELDS = addresses.ADDRESS_FIELDS


def _process_postcode(answers: MutableMapping[str, Any], context: Any, previous: ANY | None) -> None:
    """§4.1 step 3: a changed postcode is normalised, marked known, and its local authority looked up."""
    addresses.process_postcode(answers, previous, POSTCODE, _postcode_lookup(context))


def _forget_unknown_postcode(answers: MutableMapping[str, Any], context: Any, previous: ANY | None) -> None:
    """§4.1 step 6: without a known postcode there is no postcode, and no local authority inferred from one."""
    addresses.forget_unknown_postcode(answers, POSTCODE)


RENEWAL_VALUES: Mapping[str, int] = {"rsnvac": 14, "first_time_property_let_as_social_housing": 0, "offered": 0}
# rent_type → the let type of the same rent type basis (unitletas).
UNITLETAS_FROM_RENT_TYPE: Mapping[int, int] = {0: 1, 1: 2, 2: 5, 3: 6, 4: 7, 5: 8, 6: 9}


def _renewal(answers: MutableMapping[str, Any], context: Any, previous: ANY | None) -> None:
    if previous is not None and previous.get("renewal") == 1 and answers.get("renewal") != 1:
        _clear(answers, *RENEWAL_VALUES, "voiddate", "unitletas")
    if answers.get("renewal") == 1:
        answers.update(RENEWAL_VALUES)
        answers["voiddate"] = answers.get("startdate")
        rent_type = as_code(answers.get("rent_type"))
        answers["unitletas"] = UNITLETAS_FROM_RENT_TYPE.get(rent_type) if rent_type is not None else None


FIRST_LET_REASONS = frozenset({15, 16, 17})


def _newprop(answers: MutableMapping[str, Any], context: Any, previous: ANY | None) -> None:
    reason = as_code(answers.get("rsnvac"))
    if reason is not None:
        answers["newprop"] = 1 if reason in FIRST_LET_REASONS else 2


def _bedsit_beds(answers: MutableMapping[str, Any], context: Any, previous: ANY | None) -> None:
    if previous is not None and previous.get("unittype_gn") == 2 and answers.get("unittype_gn") != 2:
        answers["beds"] = None
    if answers.get("unittype_gn") == 2:
        answers["beds"] = 1


def _location_wchair(answers: MutableMapping[str, Any], context: Any, previous: ANY | None) -> None:
    known = lettings_context(context)
    location = known.location if known else None
    if answers.get("needstype") == 2 and answers.get("location_id") is not None and location is not None:
        answers["wchair"] = 1 if location.mobility_type == "W" else 2


NEW_BUILD = 15


_entered_without_uprn = addresses.entered_without_uprn


def _choose_manual_entry(answers: MutableMapping[str, Any], was: ANY) -> bool:
    """Whether the address is entered by hand, after the new-build switches (and recording it as a boolean)."""
    reason, reason_was = answers.get("rsnvac"), was.get("rsnvac")
    if reason == NEW_BUILD and reason_was != NEW_BUILD and answers.get("uprn") is None:
        answers["manual_address_entry_selected"] = True
    if reason != NEW_BUILD and reason_was == NEW_BUILD:
        answers["manual_address_entry_selected"] = _entered_without_uprn(answers)
    manual = answers.get("manual_address_entry_selected")
    if manual is None and _entered_without_uprn(answers):
        manual = True  # an address with no UPRN and no choice recorded was entered by hand (bulk upload, API)
    if manual is not None:
        answers["manual_address_entry_selected"] = bool(manual)
    return bool(manual)


def _forget_unknown_uprn(answers: MutableMapping[str, Any], was: ANY) -> None:
    """A UPRN known not to exist, or not confirmed, is cleared, with the address it brought (not for a new build)."""
    unconfirmed = addresses.forget_unknown_uprn(answers, was, POSTCODE, keep_address=answers.get("rsnvac") == NEW_BUILD)
    if unconfirmed and answers.get("renewal") == 1:
        answers["previous_la_known"] = None


def _forget_searched_address(answers: MutableMapping[str, Any]) -> None:
    _clear(answers, *ADDRESS_FIELDS, "postcode_full")


def _address_bookkeeping(answers: MutableMapping[str, Any], context: Any, previous: ANY | None) -> None:
    """§4.2 address bookkeeping, in the standard's order."""
    was: ANY = previous or {}
    manual = _choose_manual_entry(answers, was)
    _forget_unknown_uprn(answers, was)
    addresses.follow_uprn(answers, previous, manual, _forget_searched_address)


def _vacdays(answers: MutableMapping[str, Any], context: Any, previous: ANY | None) -> None:
    start = as_date(answers.get("startdate"))
    since = as_date(answers.get("mrcdate")) or as_date(answers.get("voiddate"))
    answers["vacdays"] = (start - since).days if start is not None and since is not None else None


def _la_inactive_on_startdate(answers: MutableMapping[str, Any], context: Any, previous: ANY | None) -> None:
    addresses.forget_la_inactive_on(answers, previous, "startdate", POSTCODE, _authority_lookup(context))


def _location_change(answers: MutableMapping[str, Any], context: Any, previous: ANY | None) -> None:
    if changed_since("location_id", answers, previous):
        _clear(answers, "uprn", "uprn_known", "uprn_confirmed", *ADDRESS_FIELDS, "postcode_full", "la")


BOOKKEEPING = ("uprn_known", "uprn_confirmed", "uprn_selection", "manual_address_entry_selected")

DERIVATIONS: tuple[Derivation, ...] = (
    Derivation(
        "postcode_full",
        "A new or changed property postcode is written in capitals with one space before the last three characters "
        "(compacted if it is not a postcode), recorded as known (postcode_known 1), and its local authority looked up: "
        "when found, la is set to it and is_la_inferred is true, otherwise is_la_inferred is false and la is left as "
        "it was (§4.1 step 3). The renewal copy to the previous postcode is part of the household situation's renewal "
        "rule.",
        ("postcode_full", "postcode_known", "la", "is_la_inferred"),
        ("postcode_full",),
        _process_postcode,
        stage=Stage.INPUT,
    ),
    Derivation(
        "postcode_not_known",
        "Unless the postcode is known (postcode_known 1), the postcode is cleared, a local authority inferred from it "
        "is cleared, and is_la_inferred is false (§4.1 step 6).",
        ("postcode_full", "la", "is_la_inferred"),
        ("postcode_known", "is_la_inferred"),
        _forget_unknown_postcode,
        stage=Stage.INPUT,
    ),
    Derivation(
        "renewal_property",
        "A renewal is not a first let (0), its vacancy reason is 'renewal of fixed-term tenancy' (14), it was offered "
        "0 times before, its void date is the tenancy start date and its last let type is the basis of its rent type; "
        "when a log stops being a renewal these are cleared (§4.1 dependency table, §4.2).",
        ("rsnvac", "first_time_property_let_as_social_housing", "offered", "voiddate", "unitletas"),
        ("renewal", "startdate", "rent_type"),
        _renewal,
    ),
    Derivation(
        "newprop",
        "New property: 1 when the vacancy reason is a first let (15, 16, 17), 2 for any other reason; left as it was "
        "without a vacancy reason (as coded) (§4.2).",
        ("newprop",),
        ("rsnvac",),
        _newprop,
    ),
    Derivation(
        "beds_bedsit",
        "A bedsit has 1 bedroom; when the unit type changes from bedsit the bedrooms are cleared, to be asked (§4.2).",
        ("beds",),
        ("unittype_gn",),
        _bedsit_beds,
    ),
    Derivation(
        "wchair",
        "Supported housing: the property is built or adapted to wheelchair-user standards (1) when its location's "
        "mobility type is W, otherwise not (2) (§4.2).",
        ("wchair",),
        ("needstype", "location_id"),
        _location_wchair,
    ),
    Derivation(
        "address_bookkeeping",
        "Keeps the address answers consistent (§4.2): choosing a new-build vacancy reason without a UPRN switches to "
        "entering the address by hand, and leaving it switches back unless an address was typed; an address with no "
        "UPRN and no choice recorded counts as entered by hand; an address without a UPRN makes uprn_known 0, which "
        "clears the UPRN (and, when a UPRN was known before and it is not a new build, the address, postcode and "
        "local authority); an unconfirmed UPRN is cleared with the address; entering by hand clears the UPRN "
        "bookkeeping; otherwise a UPRN is known and confirmed, and without a UPRN the address is cleared; "
        "uprn_selection follows the UPRN.",
        (
            *BOOKKEEPING,
            "uprn",
            *ADDRESS_FIELDS,
            "postcode_known",
            "postcode_full",
            "la",
            "is_la_inferred",
            "previous_la_known",
        ),
        ("rsnvac", "uprn", *BOOKKEEPING, "address_line1", "town_or_city", "renewal"),
        _address_bookkeeping,
    ),
    Derivation(
        "vacdays",
        "Days vacant: tenancy start date minus the major repairs date, or else minus the void date (§4.2).",
        ("vacdays",),
        ("startdate", "mrcdate", "voiddate"),
        _vacdays,
    ),
    Derivation(
        "la_inactive_on_startdate",
        "When the tenancy start date changes and the local authority did not exist on it, the local authority is "
        "cleared (to be asked) and is_la_inferred is false (§4.2). Nothing is cleared for a new log: P10 reports it.",
        ("la", "is_la_inferred"),
        ("startdate", "la"),
        _la_inactive_on_startdate,
    ),
    Derivation(
        "location_change",
        "When the supported housing location changes, the address, UPRN and local authority are cleared (§4.2). "
        "Nothing is cleared for a new log.",
        ("uprn", "uprn_known", "uprn_confirmed", *ADDRESS_FIELDS, "postcode_full", "la"),
        ("location_id",),
        _location_change,
    ),
)

# Checks (§5.2, §5.3)


def _date_pair(later: str, earlier: str) -> Callable[[ANY, Any], bool]:
    """`later` is before `earlier` (both dates given)."""

    def test(answers: ANY, context: Any) -> bool:
        first, second = as_date(answers.get(later)), as_date(answers.get(earlier))
        return first is not None and second is not None and first < second

    return test


def _more_than_20_years_before(field: str) -> Callable[[ANY, Any], bool]:
    def test(answers: ANY, context: Any) -> bool:
        day, start = as_date(answers.get(field)), as_date(answers.get("startdate"))
        return day is not None and start is not None and _years_before(start, 20) > day

    return test


def _pred(description: str, test: Callable[[ANY, Any], bool], *reads: str) -> Condition:
    return Pred(description, test, reads=reads)


def _uprn_malformed(answers: ANY, context: Any) -> bool:
    return addresses.uprn_malformed(answers)


def _postcode_malformed(answers: ANY, context: Any) -> bool:
    return addresses.postcode_malformed(answers, POSTCODE)


def _postcode_not_location(answers: ANY, context: Any) -> bool:
    known = lettings_context(context)
    location = known.location if known else None
    postcode = answers.get("postcode_full")
    if location is None or answers.get("location_id") is None or not isinstance(postcode, str):
        return False
    return postcodes.compact(postcode) != postcodes.compact(location.postcode)


def _outside_england(answers: ANY, context: Any) -> bool:
    return addresses.outside_england(property_la(answers, context), _authority_lookup(context))


def _authority_not_on_startdate(answers: ANY, context: Any) -> bool:
    start = as_date(answers.get("startdate"))
    return addresses.not_on_date(property_la(answers, context), start, _authority_lookup(context))


ADDRESS_OUTSIDE = (
    "It looks like you have entered an address outside of England. Only create logs for lettings in England."
)
POSTCODE_OUTSIDE = (
    "It looks like you have an entered a postcode outside of England. Only create logs for lettings in England."
)
LOCATION_OUTSIDE = (
    "It looks like you have selected a location outside of England. Only create logs for lettings in England."
)
POSTCODE_NOT_LOCATION = (
    "The postcode in the address does not match the postcode for the location in the scheme. Please review your "
    "answers to the address or UPRN question (whichever you answered) and the location question."
)
SCHEME_OUTSIDE = "This scheme’s only location is outside of England. Only create logs for lettings in England."


def _outside_england_startdate(answers: ANY, context: Any) -> str:
    if answers.get("needstype") == 2:
        return LOCATION_OUTSIDE
    return ADDRESS_OUTSIDE if _present(answers.get("uprn")) else POSTCODE_OUTSIDE


def _supported_only(message: str) -> MessageFn:
    """The location's message for supported housing, else the address's (the engine flags a fixed set of fields)."""
    return lambda answers, context: message if answers.get("needstype") == 2 else ADDRESS_OUTSIDE


def _authority_not_on_startdate_message(answers: ANY, context: Any) -> str:
    authority = _authority(answers, context)
    name = authority.name if authority else "This local authority"
    return (
        f"{name} does not exist on the tenancy start date, due to a change in local authority names and boundaries. "
        "Please enter the local authority name in use on the tenancy start date"
    )


def _rent_message(answers: ANY, context: Any) -> str:
    period = as_code(answers.get("period"))
    suffix = RENT_PERIOD_SUFFIX.get(period, " every week") if period is not None else " every week"
    direction = rent_soft_direction(answers, context) or "higher"
    return (
        f"You told us the rent is {pounds(answers.get('brent'))}{suffix.lower()}. This is {direction} than we would "
        "expect."
    )


ADDRESS_FLAGS = ("la", "postcode_full", "uprn", "uprn_selection", "startdate", "location_id", "scheme_id")
SHARED_HOUSING = (4, 9, 10)
NOT_TEMPORARY_PREVIOUS_TENURES = (4, 6, 8, 24, 25, 34, 35)
ONE_PERSON_SHARED: Condition = (
    (F("hhmemb") == 1) & F("unittype_gn").one_of(*SHARED_HOUSING) & ((F("beds") < 1) | (F("beds") > 3))
)
BEDS_AREA_AFFECTED = ("brent", "period", "startdate", "uprn", "postcode_full", "la", "beds", "rent_type", "needstype")

# D1 ("major repairs date on a first let") is not declared: it is inert in 2026. The major repairs date is only asked
# when the vacancy reason is a re-let other than a renewal, so for a first let (15, 16, 17) its page is not shown and
# the date is cleared before any check runs (as in the national service, which clears before validating).
CHECKS: tuple[Check, ...] = (
    Check(
        "D2",
        Severity.HARD,
        _pred(
            "the major repairs date is after the tenancy start date",
            _date_pair("startdate", "mrcdate"),
            "mrcdate",
            "startdate",
        ),
        {
            "mrcdate": "Enter a major repairs date that is before the tenancy start date.",
            "startdate": "Enter a tenancy start date that is after the major repair date.",
        },
        description="Major repairs must be completed before the tenancy starts.",
    ),
    Check(
        "D3",
        Severity.HARD,
        _pred(
            "the major repairs date is more than 20 years before the tenancy start date",
            _more_than_20_years_before("mrcdate"),
            "mrcdate",
            "startdate",
        ),
        {
            "mrcdate": "Enter a major repairs completion date that is no more than 20 years before the tenancy start "
            "date.",
            "startdate": "Enter a tenancy start date that is no more than 20 years after the major repairs completion "
            "date.",
        },
        description="Major repairs must be completed at most 20 years before the tenancy starts.",
    ),
    Check(
        "D4",
        Severity.HARD,
        _pred(
            "the void date is after the major repairs date", _date_pair("mrcdate", "voiddate"), "voiddate", "mrcdate"
        ),
        {
            "voiddate": "Void date must be before the major repairs date if provided.",
            "mrcdate": "Major repairs date must be after the void date if provided.",
        },
        description="The property must be void before its major repairs are completed.",
    ),
    Check(
        "D5",
        Severity.HARD,
        _pred(
            "the void date is after the tenancy start date",
            _date_pair("startdate", "voiddate"),
            "voiddate",
            "startdate",
        ),
        {
            "voiddate": "Enter a void date that is before the tenancy start date.",
            "startdate": "Enter a tenancy start date that is after the void date.",
        },
        description="The property must be void before the tenancy starts.",
    ),
    Check(
        "D6",
        Severity.HARD,
        _pred(
            "the void date is more than 20 years before the tenancy start date",
            _more_than_20_years_before("voiddate"),
            "voiddate",
            "startdate",
        ),
        {
            "voiddate": "Enter a void date no more than 20 years before the tenancy start date.",
            "startdate": "Enter a tenancy start date that is no more than 20 years after the void date.",
        },
        description="The property must be void at most 20 years before the tenancy starts.",
    ),
    Check(
        "P1",
        Severity.HARD,
        (F("rsnvac") == 9) & F("prevten").one_of(*NOT_TEMPORARY_PREVIOUS_TENURES),
        {
            "rsnvac": "Answer cannot be re-let to tenant who occupied the same property as temporary accommodation as "
            "this accommodation is not temporary."
        },
        description="A re-let to the tenant who occupied the property as temporary accommodation needs a temporary "
        "previous tenure (H7 flags the previous tenure).",
    ),
    # P2 (re-let to a temporary tenant against the legacy referral answer) is not declared: inert in 2026, as the
    # referral question is not collected.
    Check(
        "P3",
        Severity.HARD,
        (F("renewal") == 0) & (F("rsnvac") == 14),
        {"rsnvac": "Reason for vacancy cannot be 'Renewal of fixed-term tenancy' if letting is not a renewal."},
        description="Only a renewal can have 'renewal of fixed-term tenancy' as its vacancy reason.",
    ),
    Check(
        "P4",
        Severity.HARD,
        ONE_PERSON_SHARED,
        {
            "unittype_gn": "A shared house with fewer than two tenants must have 1 to 3 bedrooms.",
            "beds": "A shared house with fewer than two tenants must have 1 to 3 bedrooms.",
            "hhmemb": "A shared house with more than 3 bedrooms cannot have fewer than two tenants.",
        },
        description="Shared housing for one person has 1 to 3 bedrooms.",
    ),
    Check(
        "P5",
        Severity.HARD,
        F("unittype_gn").one_of(*SHARED_HOUSING) & ((F("beds") < 1) | (F("beds") > 7)) & ~ONE_PERSON_SHARED,
        {
            "unittype_gn": "A shared house must have 1 to 7 bedrooms.",
            "beds": "A shared house must have 1 to 7 bedrooms.",
        },
        description="Shared housing has 1 to 7 bedrooms.",
    ),
    Check(
        "P6",
        Severity.HARD,
        _pred("the UPRN is not 1 to 12 digits", _uprn_malformed, "uprn"),
        {"uprn": "UPRN must be 12 digits or less."},
        description="A UPRN is a number of up to 12 digits.",
    ),
    Check(
        "P7",
        Severity.HARD,
        _pred(
            "the postcode is known but is not in the format of a UK postcode",
            _postcode_malformed,
            "postcode_full",
            "postcode_known",
        ),
        {"postcode_full": "Enter a postcode in the correct format, for example AA1 1AA."},
        description="The property's postcode must be a UK postcode.",
        decision="The format is our postcode module's UK format; the standard's expression also accepts British "
        "overseas territories and BFPO numbers, which cannot be the address of a letting in England.",
    ),
    Check(
        "P8",
        Severity.HARD,
        _pred(
            "the address's postcode is not the postcode of the supported housing location",
            _postcode_not_location,
            "postcode_full",
            "location_id",
        ),
        dict.fromkeys(("location_id", "uprn", "postcode_full"), POSTCODE_NOT_LOCATION),
        description="A supported housing letting's address must be at its location's postcode.",
    ),
    Check(
        "P9",
        Severity.HARD,
        _pred(
            "the property's local authority (the answer, else the location's) is not an English local authority",
            _outside_england,
            "la",
            "location_id",
        ),
        {
            "la": ADDRESS_OUTSIDE,
            "postcode_full": POSTCODE_OUTSIDE,
            "uprn": ADDRESS_OUTSIDE,
            "uprn_selection": ADDRESS_OUTSIDE,
            "startdate": _outside_england_startdate,
            "location_id": _supported_only(LOCATION_OUTSIDE),
            "scheme_id": _supported_only(SCHEME_OUTSIDE),
        },
        description="Only lettings in England are collected.",
        decision="The standard flags the location and scheme only for supported housing; the engine flags a fixed "
        "set of fields, so general needs logs get the address message on those (unanswered, never shown) fields.",
    ),
    Check(
        "P10",
        Severity.HARD,
        _pred(
            "the property's English local authority did not exist on the tenancy start date",
            _authority_not_on_startdate,
            "la",
            "location_id",
            "startdate",
        ),
        dict.fromkeys(ADDRESS_FLAGS, _authority_not_on_startdate_message),
        description="The local authority must exist on the tenancy start date.",
        decision="The standard flags the location and scheme only for supported housing; the engine flags a fixed "
        "set of fields, so general needs logs are flagged on those (unanswered, never shown) fields too.",
    ),
    Check(
        "RENT",
        Severity.SOFT,
        RENT,
        {"brent": _rent_message},
        description="The weekly rent is at or below the soft minimum (down to the hard minimum), or at or above the "
        "soft maximum (up to the hard maximum; any amount above it for general needs with more than 4 bedrooms), of "
        "the expected range for the local authority, letting type and bedrooms.",
        confirm_field="rent_value_check",
        affects=BEDS_AREA_AFFECTED,
    ),
    Check(
        "VOID",
        Severity.SOFT,
        VOID,
        {
            "voiddate": "You told us that the property has been vacant for more than 2 years. This is longer than we "
            "would expect."
        },
        description="The void date is 2 to 20 years before the tenancy start date.",
        confirm_field="void_date_value_check",
        affects=("voiddate", "startdate"),
    ),
    Check(
        "MRC",
        Severity.SOFT,
        MRC,
        {"mrcdate": "You told us the property has been vacant for 2 years. This is longer than we would expect."},
        description="The major repairs date is 2 to 20 years before the tenancy start date.",
        confirm_field="major_repairs_date_value_check",
        affects=("mrcdate", "startdate"),
    ),
)
