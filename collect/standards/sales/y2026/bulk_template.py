"""The 2026/27 sales bulk upload template: its 136 fields, how cells become answers, and checks of cells.

sales-2026.md §5: the header texts and cell types are in `bulk_fields`; the readers below follow §5.3, with the
declaration's answer ids and codes where they differ from the national log's. Everything a row must satisfy that is
a rule of the standard (ranges, routing, required answers, options, the collection window, the discount cap, the
number of staircasing transactions...) is checked by evaluating the row's answers with the declaration; the checks
here are only about how the template writes answers (§5.4).

Decisions:
- Each route's section is read on that route only (fields 91–108 for a shared ownership initial purchase, 109–126
  for staircasing, 127–136 for discounted ownership), so a filled-in cell of another route's section is ignored
  rather than read and cleared. The national service also reads the mortgage and deposit of fields 102 and 104 on
  a staircasing transaction, only to clear them (quirk §7 #3).
- Field 92 (years lived in the property) is read only when filled in: "0" means the buyers did not live there, as
  the template says, and a blank is not taken as "0" (the national service does), so a missing answer is reported.
- Field 136 (discounted ownership leasehold charges) blank means no charges, as the template's "can be empty" says;
  fields 107 and 125 (service charges) must hold an amount or "R" (no charges), as nationally.
- Quirk §7 #4 fixed: a blank mortgage length is not a format error; when the length is asked (a mortgage was used)
  the rules report it as not answered, and when it is not asked a blank is right.
- Quirk §7 #23 fixed: no check here restates the options of fields 8 to 11 (or any other): a code that is not an
  option is cleared by the rules, and bulk upload reports it as "Enter a valid value for ...", not Rails' default.
  Codes the template writes differently are translated only when known (relationships, "R" tenures, ethnic
  backgrounds), so an unknown one still reaches the rules as given and is reported.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from collect.rulebook.template import BulkTemplate, Category, CellCheck, Cells, FileRules, Reader, code, date, joined
from collect.rulebook.template import value as value_of
from collect.standards import bulk
from collect.standards.countries import COUNTRIES
from collect.standards.people import NATIONALITY_REFUSED
from collect.standards.sales.y2026.bulk_fields import FIELDS, ROW_LABELS
from collect.standards.sales.y2026.bulk_readers import (
    AMOUNT,
    DISCOUNTED,
    INITIAL_PURCHASE,
    INTERVIEWED,
    INTERVIEWED_YES,
    REFUSED,
    SHARED,
    STAIRCASING,
    WHOLE_NUMBER,
    Either,
    Route,
    amount_or_refused,
    details_known,
    ethnic_background,
    mortgage_length,
    nationality,
    on_route,
    optional_amount,
    text_code,
    years_lived,
)

# Setup (fields 1–15)

SETUP: tuple[Reader, ...] = (
    date(1, 2, 3, "saledate"),
    bulk.organisation_reader(4, "owning_organisation_id"),
    bulk.organisation_reader(5, "managing_organisation_id"),
    bulk.assigned_user_reader(6),
    value_of(7, "purchid"),
    code(8, "ownershipsch"),
    on_route(SHARED, code(9, "type")),
    code(10, "staircase"),
    on_route(DISCOUNTED, code(11, "type")),
    code(12, "jointpur"),
    code(13, "jointmore"),
    code(14, "noint"),
    value_of(15, "privacynotice"),
)

# Property information (fields 16–28)

PROPERTY: tuple[Reader, ...] = (
    value_of(16, "uprn"),
    value_of(17, "address_line1"),
    value_of(18, "address_line2"),
    value_of(19, "town_or_city"),
    value_of(20, "county"),
    joined(21, 22, "postcode_full"),
    value_of(23, "la"),
    code(24, "proptype"),
    code(25, "buildheightclass"),
    code(26, "beds"),
    code(27, "builtype"),
    code(28, "wchair"),
)

# Household characteristics (fields 29–70): buyer 1, buyer 2 or person 2, the household, persons 3 to 6

PARTNER = {1: "P", 2: "X", 3: "R"}  # relatN: partner, not a partner, prefers not to say
AGE_FIELDS = {29: "buyer 1", 38: "buyer 2 or person 2", 48: "person 3", 54: "person 4", 60: "person 5", 66: "person 6"}


def _person_fields(person: int) -> tuple[int, int, int, int, int, int]:
    """Person N's (3 to 6) cells: relationship, age, sex, gender same as sex, gender description, working situation."""
    base = 47 + 6 * (person - 3)
    return (base, base + 1, base + 2, base + 3, base + 4, base + 5)


def _person(person: int, fields: tuple[int, int, int, int, int, int]) -> tuple[Reader, ...]:
    relat, age, sex, same, description, work = fields
    return (
        code(relat, f"relat{person}", PARTNER),
        bulk.age_reader(age, f"age{person}", f"age{person}_known"),
        text_code(sex, f"sexrab{person}"),
        code(same, f"gender_same_as_sex{person}"),
        value_of(description, f"gender_description{person}"),
        code(work, f"ecstat{person}"),
    )


PERSON_2_FIELDS = (37, 38, 39, 40, 41, 44)

HOUSEHOLD: tuple[Reader, ...] = (
    bulk.age_reader(29, "age1", "age1_known"),
    text_code(30, "sexrab1"),
    code(31, "gender_same_as_sex1"),
    value_of(32, "gender_description1"),
    ethnic_background(33, "ethnic_group", "ethnic"),
    nationality(34, "nationality_all_group", "nationality_all"),
    code(35, "ecstat1"),
    code(36, "buy1livein"),
    *_person(2, PERSON_2_FIELDS),
    ethnic_background(42, "ethnic_group2", "ethnicbuy2"),
    nationality(43, "nationality_all_buyer2_group", "nationality_all_buyer2"),
    code(45, "buy2livein"),
    code(46, "hholdcount"),
    details_known(2, PERSON_2_FIELDS, PERSON_2_FIELDS[:5]),
    *(reader for n in range(3, 7) for reader in _person(n, _person_fields(n))),
    *(details_known(n, _person_fields(n), _person_fields(n)[:5]) for n in range(3, 7)),
)

# Household situation, other household information, income, benefits and savings (fields 71–90)

DONT_KNOW_TENURE = {REFUSED: 0}


def _previous_la(cells: Cells, lookups: Any) -> dict[str, Any]:
    """Field 75, the previous local authority: a blank is "not known" on an initial purchase.

    A discounted sale's previous local authority is the property's; a staircasing transaction does not ask it.
    """
    found = bulk.text(cells, 75)
    if found:
        return {"previous_la_known": 1, "prevloc": found}
    return {"previous_la_known": 0} if INITIAL_PURCHASE.of_cells(cells) else {}


def _write_previous_la(answers: Mapping[str, Any]) -> dict[int, Any]:
    return {75: answers.get("prevloc") if answers.get("previous_la_known") == 1 else None}


SITUATION: tuple[Reader, ...] = (
    text_code(71, "prevten", DONT_KNOW_TENURE),
    code(72, "ppcodenk", {1: 0, 2: 1}),  # 1 known (ppcodenk 0), 2 not known (1)
    joined(73, 74, "ppostcode_full"),
    Reader("prevloc", (75,), ("prevloc", "previous_la_known"), _previous_la, _write_previous_la),
    code(76, "buy2living"),
    text_code(77, "prevtenbuy2", DONT_KNOW_TENURE),
    code(78, "hhregres"),
    code(79, "hhregresstill"),
    code(80, "armedforcesspouse"),
    code(81, "disabled"),
    code(82, "wheel"),
    amount_or_refused(83, Either("income1", "income1nk", refused=1, given=0)),
    code(84, "inc1mort"),
    amount_or_refused(85, Either("income2", "income2nk", refused=1, given=0)),
    code(86, "inc2mort"),
    code(87, "hb"),
    amount_or_refused(88, Either("savings", "savingsnk", refused=1, given=0)),
    code(89, "prevown"),
    code(90, "prevshared"),
)

# Sale information: each route's section (fields 91–108, 109–126, 127–136)

SERVICE_CHARGES = Either("mscharge", "has_mscharge", refused=0, given=1, pattern=AMOUNT)
LEASEHOLD_CHARGES = Either("mscharge", "has_mscharge", refused=0, given=1, blank=0, pattern=AMOUNT)


def _routed(route: Route, *readers: Reader) -> tuple[Reader, ...]:
    return tuple(on_route(route, reader) for reader in readers)


SALE: tuple[Reader, ...] = (
    code(91, "resale"),
    *_routed(INITIAL_PURCHASE, years_lived(92)),
    date(93, 94, 95, "hodate"),
    code(96, "frombeds"),
    code(97, "fromprop"),
    code(98, "socprevten"),
    *_routed(
        INITIAL_PURCHASE,
        value_of(99, "value"),
        value_of(100, "equity"),
        code(101, "mortgageused"),
        value_of(102, "mortgage"),
        mortgage_length(103),
        value_of(104, "deposit"),
        value_of(106, "mrent"),
        amount_or_refused(107, SERVICE_CHARGES),
        optional_amount(108, "management_fee", "has_management_fee"),
    ),
    value_of(105, "cashdis"),
    value_of(109, "stairbought"),
    value_of(110, "stairowned"),
    code(111, "staircasesale"),
    code(112, "firststair"),
    date(113, 114, 115, "initialpurchase"),
    code(116, "numstair"),
    date(117, 118, 119, "lasttransaction"),
    *_routed(
        STAIRCASING,
        value_of(120, "value"),
        value_of(121, "equity"),
        code(122, "mortgageused"),
        value_of(124, "mrent"),
        amount_or_refused(125, SERVICE_CHARGES),
    ),
    value_of(123, "mrentprestaircasing"),
    amount_or_refused(
        126,
        Either("newservicecharges", "hasservicechargeschanged", refused=2, given=1, pattern=AMOUNT),
    ),
    *_routed(
        DISCOUNTED,
        years_lived(127),
        value_of(128, "value"),
        code(131, "mortgageused"),
        value_of(132, "mortgage"),
        mortgage_length(133),
        value_of(135, "deposit"),
        amount_or_refused(136, LEASEHOLD_CHARGES),
    ),
    value_of(129, "grant"),
    value_of(130, "discount"),
    code(134, "extrabor"),
)

READERS: tuple[Reader, ...] = (*SETUP, *PROPERTY, *HOUSEHOLD, *SITUATION, *SALE)

# Checks of cells (§5.4): only how the template writes answers

MORTGAGE_LENGTH_FIELDS = ((INITIAL_PURCHASE, 103), (DISCOUNTED, 133))
SERVICE_CHARGE_FIELDS = ((INITIAL_PURCHASE, 107), (STAIRCASING, 125), (DISCOUNTED, 136))
NATIONALITIES = frozenset({NATIONALITY_REFUSED} | {country for country, _ in COUNTRIES})
FULL_ADDRESS = (17, 19, 21, 22)


def _sale_year(cells: Cells, lookups: Any) -> dict[int, str]:
    year = cells.get(3)
    if year is None or 10 <= year <= 99 or 1000 <= year <= 9999:
        return {}
    return {3: "Sale completion year must be 2 or 4 digits."}


def _route_cells(cells: Cells, fields: tuple[tuple[Route, int], ...]) -> list[tuple[int, str]]:
    """The cells of these (route, field) pairs that are filled in on the row's route, upper-cased."""
    found = ((number, bulk.text(cells, number).upper()) for route, number in fields if route.of_cells(cells))
    return [(number, given) for number, given in found if given]


def _mortgage_length_format(cells: Cells, lookups: Any) -> dict[int, str]:
    # A blank is not an error here (quirk §7 #4 fixed): the rules report a length that is asked and not given.
    return {
        number: "Mortgage length must be a number or the letter R"
        for number, given in _route_cells(cells, MORTGAGE_LENGTH_FIELDS)
        if given != REFUSED and not WHOLE_NUMBER.match(given)
    }


def _mortgage_length_interviewed(cells: Cells, lookups: Any) -> dict[int, str]:
    if cells.get(INTERVIEWED) != INTERVIEWED_YES:
        return {}
    return {
        number: "You indicated that you interviewed the buyer(s), but selected “Don’t know” for mortgage length. "
        "Please provide the mortgage length or update your response."
        for number, given in _route_cells(cells, MORTGAGE_LENGTH_FIELDS)
        if given == REFUSED
    }


def _charge_format(fields: tuple[tuple[Route, int], ...], message: str) -> Callable[[Cells, Any], dict[int, str]]:
    def check(cells: Cells, lookups: Any) -> dict[int, str]:
        return {
            number: message
            for number, given in _route_cells(cells, fields)
            if given != REFUSED and not AMOUNT.match(given)
        }

    return check


def _nationality(cells: Cells, lookups: Any) -> dict[int, str]:
    return {
        number: "Select a valid nationality."
        for number in (34, 43)
        if cells.get(number) is not None and cells.get(number) not in NATIONALITIES
    }


def _uprn_or_address(cells: Cells, lookups: Any) -> dict[int, str]:
    if bulk.text(cells, 16):
        return {}
    blank = [number for number in FULL_ADDRESS if not bulk.text(cells, number)]
    return dict.fromkeys((16, *blank), "Enter either the UPRN or the full address.") if blank else {}


CHECKS: tuple[CellCheck, ...] = (
    CellCheck(
        "sales.sale_year_digits",
        (3,),
        _sale_year,
        Category.SETUP,
        description="The sale completion year has 2 or 4 digits.",
    ),
    *bulk.organisation_checks(
        4,
        5,
        6,
        manager_message="This organisation does not have a relationship with the owning organisation.",
        user_question="what is the CORE username of the account this sales log should be assigned to?",
    ),
    CellCheck(
        "sales.uprn_or_address",
        (16, *FULL_ADDRESS),
        _uprn_or_address,
        description="A UPRN, or the address line 1, town or city and both parts of the postcode.",
    ),
    bulk.age_format_check(tuple(AGE_FIELDS), AGE_FIELDS),
    CellCheck(
        "sales.nationality",
        (34, 43),
        _nationality,
        description="A nationality is 0 (prefers not to say) or a country's 3-digit ISO code.",
    ),
    CellCheck(
        "sales.mortgage_length_format",
        (103, 133),
        _mortgage_length_format,
        description="The mortgage length of the row's route is a whole number or R (a blank is checked by the rules).",
    ),
    CellCheck(
        "sales.mortgage_length_interviewed",
        (103, 133),
        _mortgage_length_interviewed,
        description="R (not known) for the mortgage length only when the buyers were not interviewed.",
    ),
    CellCheck(
        "sales.service_charge_format",
        (107, 125, 136),
        _charge_format(SERVICE_CHARGE_FIELDS, "Service charge must be a positive number or the letter R."),
        description="The service or leasehold charges of the row's route are an amount or R.",
    ),
    CellCheck(
        "sales.new_service_charge_format",
        (126,),
        _charge_format(((STAIRCASING, 126),), "New service charge must be a number or the letter R."),
        description="The new service charge of a staircasing transaction is an amount or R.",
    ),
)

FILE_RULES = FileRules(
    kind_label="sales",
    date_fields=(1, 2, 3),
    wrong_year_message="Incorrect sale dates, please ensure you have used the correct template.",
    duplicate_fields=(4, 1, 2, 3, 7, 16, 17, 21, 22, 29, 30, 35),
    record_code_field=7,
    record_code_label="Purchaser code",
)

TEMPLATE = BulkTemplate(
    fields=FIELDS,
    readers=READERS,
    checks=CHECKS,
    file_rules=FILE_RULES,
    row_labels=ROW_LABELS,
    # Bookkeeping answers the template has no cell for (§5.3 error field mapping).
    reported_as={
        "uprn_selection": ("address_line1",),
        "pcodenk": ("postcode_full",),
        "is_la_inferred": ("la",),
    },
)
