"""Property information (sales 2026/27): pages, checks and derivations (sales-2026.md §1.2, §2.2, §2.10, §3, §4.2).

The address is found by an address search (the answer is a UPRN) or entered by hand (§2.10). Looking a UPRN or a
search up in OS Places is NOT part of the rulebook: the service does it (§3.1 steps 8–9) and writes what it found —
`uprn`, the address lines, town and postcode — before evaluating; channels without an address search (bulk upload,
the API) give the address lines with no UPRN, and such an address counts as entered by hand (bulk upload's address
matching falls back to manual entry the same way). The rules here, shared with lettings and the previous address
(`collect.standards.addresses`), normalise the postcode and infer its local authority (§3.1 steps 2 and 5), keep the
UPRN bookkeeping consistent (§3.2 rows 16–19) and hold the local authority to England and to the sale date (§3.2
row 23, §4.2 P2–P5). The purchase price, discounted ownership income, monthly charges and discount soft checks are
declared once in `triggers`; this subsection shows their interruption pages after the local authority and the
property type (§1.2).

P1 ("a bedsit has 1 bedroom") is not declared: it is inert, as for the standard, because a bedsit's bedrooms are set
to 1 (§3.2 row 20) before any check runs.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, MutableMapping
from typing import Any

from collect.rulebook import Check, Derivation, F, Option, Page, Pred, Question, QuestionKind, Severity, Subsection
from collect.rulebook.conditions import Compare, Condition, always
from collect.rulebook.declaration import OptionKind, Stage
from collect.standards import addresses
from collect.standards.answers import as_date, as_text
from collect.standards.sales.y2026 import triggers
from collect.standards.sales.y2026.common import IS_BEDSIT, NOT_STAIRCASING, SETUP_DONE, YES_NO, sales_context
from collect.standards.sales.y2026.triggers import interruption_page

ANY = Mapping[str, Any]
MessageFn = Callable[[ANY, Any], str]

# The property's postcode: pcodenk 0 when it is known (the standard's "postcode not known" flag); its local authority.
POSTCODE = addresses.PostcodeFields("postcode_full", "pcodenk", 0, "la", "is_la_inferred")


def _postcode_lookup(context: Any) -> addresses.PostcodeLookup | None:
    known = sales_context(context)
    return known.refdata.local_authority_for_postcode if known else None


def _authority_lookup(context: Any) -> addresses.AuthorityLookup | None:
    known = sales_context(context)
    return known.refdata.local_authority if known else None


# Questions (§2.2)

uprn = Question(
    "uprn",
    QuestionKind.ADDRESS,
    "Enter address or UPRN",
    "Address",
    hint="For example, '1 Victoria Road' or '10010457355'",
    number=13,
)
# The address entered by hand and the local authority are kept when their pages are not shown (§3.1 step 4).
address_line1 = Question(
    "address_line1",
    QuestionKind.TEXT,
    "Address line 1",
    "Address lines 1 and 2",
    number=14,
    keep_when_off_route=True,
)
address_line2 = Question(
    "address_line2",
    QuestionKind.TEXT,
    "Address line 2 (optional)",
    number=14,
    optional_when=always,
    keep_when_off_route=True,
)
town_or_city = Question(
    "town_or_city", QuestionKind.TEXT, "Town or city", "Town or city", number=14, keep_when_off_route=True
)
county = Question(
    "county",
    QuestionKind.TEXT,
    "County (optional)",
    "County",
    number=14,
    optional_when=always,
    keep_when_off_route=True,
)
postcode_full = Question(
    "postcode_full",
    QuestionKind.POSTCODE,
    "Postcode",
    "Postcode",
    number=14,
    width=5,
    keep_when_off_route=True,
    not_known_when=F("pcodenk") == 1,  # shown as "Not known" (bulk upload of earlier years; not asked in 2026)
)
la = Question(
    "la",
    QuestionKind.SELECT,
    "What is the property’s local authority?",
    "Local authority",
    number=15,
    keep_when_off_route=True,
)
proptype = Question(
    "proptype",
    QuestionKind.RADIO,
    "What type of unit is the property?",
    "Type of unit",
    number=16,
    options=(
        Option(1, "Flat or maisonette"),
        Option(2, "Bedsit"),
        Option(3, "House"),
        Option(4, "Bungalow"),
        Option(9, "Other"),
    ),
)
buildheightclass = Question(
    "buildheightclass",
    QuestionKind.RADIO,
    "What is the building height classification?",
    "Building height classification",
    hint="A high-rise building has at least 2 residential units and is at least 7 storeys or at least 18 metres "
    "high. If unsure, answer based on the number of storeys.",
    number=17,
    options=(Option(1, "High-rise"), Option(2, "Low-rise"), Option(3, "Don't know", kind=OptionKind.DONT_KNOW)),
)
beds = Question(
    "beds",
    QuestionKind.NUMERIC,
    "How many bedrooms does the property have?",
    "Number of bedrooms",
    number=18,
    minimum=1,
    maximum=9,
    step=1,
    width=2,
    derived_when=IS_BEDSIT,  # a bedsit has 1 bedroom (§3.2 row 20)
)
builtype = Question(
    "builtype",
    QuestionKind.RADIO,
    "What type of building is the property?",
    "Type of building",
    number=19,
    options=(Option(1, "Purpose-built"), Option(2, "Converted from previous residential or non-residential property")),
)
wchair = Question(
    "wchair",
    QuestionKind.RADIO,
    "Is the property built or adapted to wheelchair-user standards?",
    "Property built or adapted to wheelchair-user standards",
    hint="This is whether someone who uses a wheelchair is able to make full use of all of the property’s rooms and "
    "facilities, including use of both inside and outside space, and entering and exiting the property.",
    number=20,
    options=(*YES_NO, Option(3, "Don’t know", kind=OptionKind.DONT_KNOW)),
)

# `manual_address_entry_selected` defaults to false: unanswered counts as the address search (§1.2).
MANUAL_ADDRESS: Condition = F("manual_address_entry_selected").is_true()
# Strictly false: the local authority is asked when it was not inferred from the postcode (unset: not asked).
LA_NOT_INFERRED: Condition = Compare("is_la_inferred", "==", False)
ADDRESS_HEADER = "What is the property’s address?"
CHECKS_BY_ID = triggers.CHECKS_BY_ID

PAGES: tuple[Page, ...] = (
    Page("address_search", (uprn,), ~MANUAL_ADDRESS, header=ADDRESS_HEADER),
    Page(
        "address",
        (address_line1, address_line2, town_or_city, county, postcode_full),
        MANUAL_ADDRESS,
        header=ADDRESS_HEADER,
    ),
    Page("property_local_authority", (la,), LA_NOT_INFERRED),
    interruption_page("local_authority_buyer_1_income_max_value_check", CHECKS_BY_ID["INCOME1_DISCOUNTED"]),
    interruption_page("local_authority_buyer_2_income_max_value_check", CHECKS_BY_ID["INCOME2_DISCOUNTED"]),
    interruption_page("local_authority_combined_income_max_value_check", CHECKS_BY_ID["COMBINED_INCOME"]),
    interruption_page("about_price_la_value_check", CHECKS_BY_ID["PRICE"]),
    Page("property_unit_type", (proptype,)),
    Page("building_height_class", (buildheightclass,), F("proptype").one_of(1, 2, 9)),
    Page("property_number_of_bedrooms", (beds,), ~IS_BEDSIT),
    interruption_page("about_price_bedrooms_value_check", CHECKS_BY_ID["PRICE"]),
    interruption_page("monthly_charges_property_type_value_check", CHECKS_BY_ID["CHARGES"]),
    interruption_page("percentage_discount_proptype_value_check", CHECKS_BY_ID["DISCOUNT"]),
    Page("property_building_type", (builtype,), NOT_STAIRCASING),
    Page("property_wheelchair_accessible", (wchair,), NOT_STAIRCASING),
)
SUBSECTION = Subsection("property_information", "Property information", PAGES, enabled_when=SETUP_DONE)

# Derivations (§3.1 steps 2 and 5, §3.2 rows 8, 16–20, 23)


def _process_postcode(answers: MutableMapping[str, Any], context: Any, previous: ANY | None) -> None:
    addresses.process_postcode(answers, previous, POSTCODE, _postcode_lookup(context))


def _forget_unknown_postcode(answers: MutableMapping[str, Any], context: Any, previous: ANY | None) -> None:
    addresses.forget_unknown_postcode(answers, POSTCODE)


def _choose_manual_entry(answers: MutableMapping[str, Any]) -> bool:
    """Whether the address is entered by hand (recorded as a boolean once known)."""
    manual = answers.get("manual_address_entry_selected")
    if manual is None and addresses.entered_without_uprn(answers):
        manual = True  # an address with no UPRN and no choice recorded was entered by hand (bulk upload, the API)
    if manual is not None:
        answers["manual_address_entry_selected"] = bool(manual)
    return bool(manual)


def _forget_searched_address(answers: MutableMapping[str, Any]) -> None:
    """No UPRN on the search: no address, postcode, or local authority inferred from it (§3.2 row 19)."""
    addresses.clear(answers, *addresses.ADDRESS_FIELDS, "postcode_full", "pcodenk")
    if answers.get("is_la_inferred"):
        answers["la"] = None
    answers["is_la_inferred"] = False


def _address_bookkeeping(answers: MutableMapping[str, Any], context: Any, previous: ANY | None) -> None:
    """§3.2 rows 16–19, in the standard's order."""
    manual = _choose_manual_entry(answers)
    addresses.forget_unknown_uprn(answers, previous or {}, POSTCODE)
    addresses.follow_uprn(answers, previous, manual, _forget_searched_address)


def _postcode_parts(answers: MutableMapping[str, Any], context: Any, previous: ANY | None) -> None:
    postcode = as_text(answers.get("postcode_full"))
    outward, _, inward = postcode.partition(" ") if postcode else ("", "", "")
    answers["pcode1"] = outward or None
    answers["pcode2"] = inward or None


def _bedsit_beds(answers: MutableMapping[str, Any], context: Any, previous: ANY | None) -> None:
    if previous is not None and previous.get("proptype") == 2 and answers.get("proptype") != 2:
        answers["beds"] = None
    if answers.get("proptype") == 2:
        answers["beds"] = 1


def _la_inactive_on_saledate(answers: MutableMapping[str, Any], context: Any, previous: ANY | None) -> None:
    # Only for a sale date given: a date removed (or not yet readable) says nothing about the local authority.
    if as_date(answers.get("saledate")) is not None:
        addresses.forget_la_inactive_on(answers, previous, "saledate", POSTCODE, _authority_lookup(context))


BOOKKEEPING = addresses.UPRN_BOOKKEEPING
ADDRESS_FIELDS = addresses.ADDRESS_FIELDS

DERIVATIONS: tuple[Derivation, ...] = (
    Derivation(
        "postcode_full",
        "A new or changed property postcode is written in capitals with one space before the last three characters "
        "(compacted if it is not a postcode), recorded as known (pcodenk 0), and its local authority looked up: when "
        "found, la is set to it and is_la_inferred is true, otherwise is_la_inferred is false and la is left as it "
        "was (§3.1 step 2).",
        ("postcode_full", "pcodenk", "la", "is_la_inferred"),
        ("postcode_full",),
        _process_postcode,
        stage=Stage.INPUT,
    ),
    Derivation(
        "postcode_not_known",
        "Unless the postcode is known (pcodenk 0), the postcode is cleared, a local authority inferred from it is "
        "cleared, and is_la_inferred is false (§3.1 step 5).",
        ("postcode_full", "la", "is_la_inferred"),
        ("pcodenk", "is_la_inferred"),
        _forget_unknown_postcode,
        stage=Stage.INPUT,
    ),
    Derivation(
        "address_bookkeeping",
        "Keeps the address answers consistent (§3.2 rows 16–19): an address with no UPRN and no choice recorded "
        "counts as entered by hand; an address without a UPRN makes uprn_known 0, which clears the UPRN (and, when a "
        "UPRN was known before, the address, postcode and local authority); an unconfirmed UPRN is cleared with the "
        "address; entering by hand clears the UPRN bookkeeping; otherwise a UPRN is known and confirmed, and without "
        "a UPRN the address and postcode are cleared, with the local authority when it was inferred from them; "
        "uprn_selection follows the UPRN.",
        (*BOOKKEEPING, "uprn", *ADDRESS_FIELDS, "pcodenk", "postcode_full", "la", "is_la_inferred"),
        ("uprn", *BOOKKEEPING, "address_line1", "town_or_city"),
        _address_bookkeeping,
    ),
    Derivation(
        "pcode",
        "The postcode's outward and inward codes: pcode1 and pcode2, from the postcode split at its space (§3.2 "
        "row 8).",
        ("pcode1", "pcode2"),
        ("postcode_full",),
        _postcode_parts,
    ),
    Derivation(
        "beds_bedsit",
        "A bedsit has 1 bedroom; when the unit type changes from bedsit the bedrooms are cleared, to be asked (§3.2 "
        "row 20).",
        ("beds",),
        ("proptype",),
        _bedsit_beds,
    ),
    Derivation(
        "la_inactive_on_saledate",
        "When the sale completion date changes and the local authority did not exist on it, the local authority is "
        "cleared (to be asked) and is_la_inferred is false (§3.2 row 23). Nothing is cleared for a new log (P5 "
        "reports it) or when the date is removed.",
        ("la", "is_la_inferred"),
        ("saledate", "la"),
        _la_inactive_on_saledate,
    ),
)

# Checks (§4.2 P2–P5)


def _pred(description: str, test: Callable[[ANY, Any], bool], *reads: str) -> Condition:
    return Pred(description, test, reads=reads)


def _outside_england(answers: ANY, context: Any) -> bool:
    return addresses.outside_england(as_text(answers.get("la")), _authority_lookup(context))


def _la_not_on_saledate(answers: ANY, context: Any) -> bool:
    day = as_date(answers.get("saledate"))
    return addresses.not_on_date(as_text(answers.get("la")), day, _authority_lookup(context))


ADDRESS_OUTSIDE = "It looks like you have entered an address outside of England. Only create logs for sales in England."
POSTCODE_OUTSIDE = (
    "It looks like you have entered a postcode outside of England. Only create logs for sales in England."
)


def _outside_england_saledate(answers: ANY, context: Any) -> str:
    return ADDRESS_OUTSIDE if addresses.present(answers.get("uprn")) else POSTCODE_OUTSIDE


def _la_not_on_saledate_message(answers: ANY, context: Any) -> str:
    code, lookup = as_text(answers.get("la")), _authority_lookup(context)
    found = lookup(code) if lookup is not None and code else None
    name = found.name if found else "This local authority"
    return (
        f"{name} does not exist on the property sale date, due to a change in local authority names and boundaries. "
        "Please enter the local authority name in use on the sale date"
    )


ADDRESS_FLAGS = ("la", "postcode_full", "uprn", "uprn_selection", "saledate")

CHECKS: tuple[Check, ...] = (
    Check(
        "P2",
        Severity.HARD,
        _pred("the UPRN is not 1 to 12 digits", lambda a, c: addresses.uprn_malformed(a), "uprn"),
        {"uprn": "UPRN must be 12 digits or less."},
        description="A UPRN is a number of up to 12 digits.",
    ),
    Check(
        "P3",
        Severity.HARD,
        _pred(
            "the postcode is known but is not in the format of a UK postcode",
            lambda a, c: addresses.postcode_malformed(a, POSTCODE),
            "postcode_full",
            "pcodenk",
        ),
        {"postcode_full": "Enter a postcode in the correct format, for example AA1 1AA."},
        description="The property's postcode must be a UK postcode.",
        decision="The format is our postcode module's UK format; the standard's expression also accepts British "
        "overseas territories and BFPO numbers, which cannot be the address of a sale in England.",
    ),
    Check(
        "P4",
        Severity.HARD,
        _pred("the property's local authority is not an English local authority", _outside_england, "la"),
        {
            "la": ADDRESS_OUTSIDE,
            "postcode_full": POSTCODE_OUTSIDE,
            "uprn": ADDRESS_OUTSIDE,
            "uprn_selection": ADDRESS_OUTSIDE,
            "saledate": _outside_england_saledate,
        },
        description="Only sales in England are collected.",
        decision="An unknown local authority code counts as outside England (it is not an English one). The sale "
        "date gets the message too (the standard reports it in the web form only).",
    ),
    Check(
        "P5",
        Severity.HARD,
        _pred(
            "the property's English local authority did not exist on the sale completion date",
            _la_not_on_saledate,
            "la",
            "saledate",
        ),
        dict.fromkeys(ADDRESS_FLAGS, _la_not_on_saledate_message),
        description="The local authority must exist on the sale completion date.",
    ),
)
