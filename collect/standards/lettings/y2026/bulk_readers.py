"""Readers of the 2026/27 lettings bulk upload template: a row's cells to the declaration's answers, and back.

Each reader does what the standard's parser does with its fields (lettings-2026.md §6.3), in the declaration's
answer ids and codes; `write` gives the cells of a log's answers (for generated files and round trips). Decisions
are listed in `bulk_template.py`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from collect.rulebook.template import Cells, CellType, Reader, TemplateField, code, date, joined, row_memo, value
from collect.standards import bulk
from collect.standards.lettings.y2026.bulk_fields import FIELDS
from collect.standards.lettings.y2026.common import LOCAL_AUTHORITY, PERSONS, PRIVATE_REGISTERED_PROVIDER
from collect.standards.people import ETHNIC_BACKGROUNDS, ETHNIC_REFUSED, NATIONALITY_OTHER, NATIONALITY_REFUSED

ANY = Mapping[str, Any]
BY_NUMBER: Mapping[int, TemplateField] = {f.number: f for f in FIELDS}
QUESTIONS: Mapping[int, str] = {f.number: " ".join(f.question.split()) for f in FIELDS}
SUPPORTED_HOUSING, RENEWAL, TICKED = 2, 1, 1
UNITED_KINGDOM = 826


def cell_value(cells: Cells, number: int) -> Any:
    """A cell's value, blank text as None."""
    found = cells.get(number)
    return None if found is None or (isinstance(found, str) and not found.strip()) else found


def given_fields(cells: Cells, *numbers: int) -> list[int]:
    """The fields among these that are not blank."""
    return [n for n in numbers if cell_value(cells, n) is not None]


def text_code(number: int, answer: str) -> Reader:
    """A text cell holding a numeric code (the standard types some code fields as text): digits are read as a number."""

    def read(cells: Cells, lookups: Any) -> dict[str, Any]:
        found = cell_value(cells, number)
        text = str(found).strip() if found is not None else ""
        return {answer: int(text) if text.isdecimal() and text.isascii() else found}

    def write(answers: ANY) -> dict[int, Any]:
        return {number: answers.get(answer)}

    return Reader(answer, (number,), (answer,), read, write)


def only_when(condition: Callable[[Cells], bool], reader: Reader) -> Reader:
    """A reader that reads only when the row's cells meet a condition (the standard copies some cells only then)."""

    def read(cells: Cells, lookups: Any) -> Mapping[str, Any]:
        return reader.read(cells, lookups) if condition(cells) else {}

    return Reader(reader.id, reader.fields, reader.sets, read, reader.write)


def _is(number: int, *wanted: int) -> Callable[[Cells], bool]:
    return lambda cells: cells.get(number) in wanted


# Set up (fields 1–15)


def _organisation_ids(cells: Cells, lookups: bulk.Lookups) -> frozenset[int]:
    found = (lookups.organisation(bulk.text(cells, n)) if bulk.text(cells, n) else None for n in (1, 2))
    return frozenset(o.id for o in found if o is not None)


def find_scheme(cells: Cells, lookups: bulk.Lookups) -> int | None:
    """The id of the scheme named in field 5, among the owning and managing organisations' schemes."""
    scheme, organisations = bulk.text(cells, 5), _organisation_ids(cells, lookups)
    return lookups.scheme(scheme, organisations) if scheme and organisations else None


def find_location(cells: Cells, lookups: bulk.Lookups) -> int | None:
    """The id of the location named in field 6, among the scheme's locations."""
    scheme_id, location = find_scheme(cells, lookups), bulk.text(cells, 6)
    return lookups.location(scheme_id, location) if scheme_id is not None and location else None


def _looked_up(number: int, answer: str, find: Callable[[Cells, bulk.Lookups], int | None], prefix: str) -> Reader:
    """A scheme or location code, read as its id (the offline checker reads a placeholder)."""

    def read(cells: Cells, lookups: bulk.Lookups | None) -> dict[str, Any]:
        if not bulk.text(cells, number):
            return {}
        return {answer: bulk.NOT_LOOKED_UP if lookups is None else find(cells, lookups)}

    def write(answers: ANY) -> dict[int, Any]:
        found = answers.get(answer)
        return {number: f"{prefix}{found}" if isinstance(found, int) and found >= 0 else None}

    return Reader(answer, (number,), (answer,), read, write)


def _rent_type(cells: Cells, lookups: Any) -> dict[str, Any]:
    found = cells.get(11)
    return {"rent_type": found - 1 if type(found) is int else None}


def _rent_type_cell(answers: ANY) -> dict[int, Any]:
    found = answers.get("rent_type")
    return {11: found + 1 if type(found) is int else None}


OTHER_INTERMEDIATE_RENT = 6

SETUP_READERS: tuple[Reader, ...] = (
    bulk.organisation_reader(1, "owning_organisation_id"),
    bulk.organisation_reader(2, "managing_organisation_id"),
    bulk.assigned_user_reader(3),
    code(4, "needstype"),
    _looked_up(5, "scheme_id", find_scheme, "S"),
    _looked_up(6, "location_id", find_location, ""),
    code(7, "renewal", {1: 1, 2: 0}),
    date(8, 9, 10, "startdate"),
    Reader("rent_type", (11,), ("rent_type",), _rent_type, _rent_type_cell),
    only_when(_is(11, OTHER_INTERMEDIATE_RENT), value(12, "irproduct_other")),
    value(13, "tenancycode"),
    value(14, "propcode"),
    code(15, "declaration"),
)

# Property information (fields 16–35)

FIRST_LET_REASONS = frozenset({15, 16, 17})


def _vacancy_reason(cells: Cells, lookups: Any) -> dict[str, Any]:
    found = cells.get(16)
    if found is None:
        return {}
    return {"rsnvac": found, "first_time_property_let_as_social_housing": int(found in FIRST_LET_REASONS)}


ADDRESS_LINES = {19: "address_line1", 20: "address_line2", 21: "town_or_city", 22: "county"}


def _address(cells: Cells, lookups: Any) -> dict[str, Any]:
    """The UPRN (known and confirmed when given) and the address lines; without a UPRN it is entered by hand."""
    found: dict[str, Any] = {answer: bulk.text(cells, n) or None for n, answer in ADDRESS_LINES.items()}
    uprn = bulk.text(cells, 18)
    if uprn:
        return {**found, "uprn": uprn, "uprn_known": 1, "uprn_confirmed": 1, "manual_address_entry_selected": False}
    if any(found.values()):
        found["manual_address_entry_selected"] = True
    return found


def _address_cells(answers: ANY) -> dict[int, Any]:
    uprn = answers.get("uprn")
    return {18: str(uprn) if uprn is not None else None, **{n: answers.get(a) for n, a in ADDRESS_LINES.items()}}


def _local_authority(cells: Cells, lookups: Any) -> dict[str, Any]:
    """The local authority; given without a postcode, the postcode is not known (postcode_known 0)."""
    la = bulk.text(cells, 25)
    if not la:
        return {}
    return {"la": la, "postcode_known": None if given_fields(cells, 23, 24) else 0}


def _local_authority_cell(answers: ANY) -> dict[int, Any]:
    """The local authority unless it was inferred from the postcode (the file gives what the provider gave)."""
    return {25: None if answers.get("is_la_inferred") is True else answers.get("la")}


def _major_repairs(cells: Cells, lookups: Any) -> dict[str, Any]:
    read = MAJOR_REPAIRS_DATE.read(cells, lookups)
    return {**read, "majorrepairs": 1 if read else 0}


MAJOR_REPAIRS_DATE = date(32, 33, 34, "mrcdate")

PROPERTY_READERS: tuple[Reader, ...] = (
    Reader(
        "rsnvac",
        (16,),
        ("rsnvac", "first_time_property_let_as_social_housing"),
        _vacancy_reason,
        lambda answers: {16: answers.get("rsnvac")},
    ),
    code(17, "unitletas"),
    Reader(
        "address",
        (18, 19, 20, 21, 22),
        ("uprn", "uprn_known", "uprn_confirmed", "manual_address_entry_selected", *ADDRESS_LINES.values()),
        _address,
        _address_cells,
    ),
    joined(23, 24, "postcode_full"),
    Reader("la", (25,), ("la", "postcode_known"), _local_authority, _local_authority_cell),
    code(26, "unittype_gn"),
    code(27, "wchair"),
    value(28, "beds"),
    date(29, 30, 31, "voiddate"),
    Reader("mrcdate", (32, 33, 34), ("mrcdate", "majorrepairs"), _major_repairs, MAJOR_REPAIRS_DATE.write),
    code(35, "sheltered"),
)

# Tenancy information (fields 36–40)

TENANCY_READERS: tuple[Reader, ...] = (
    code(36, "joint"),
    code(37, "startertenancy"),
    code(38, "tenancy"),
    value(39, "tenancyother"),
    value(40, "tenancylength"),
)

# Household characteristics (fields 41–89): the lead tenant, then persons 2 to 8 in blocks of six fields.

ETHNIC_GROUP_OF: Mapping[int, int] = {
    background: group for group, (_, backgrounds) in ETHNIC_BACKGROUNDS.items() for background, _ in backgrounds
} | {ETHNIC_REFUSED: ETHNIC_REFUSED}


def _ethnic(cells: Cells, lookups: Any) -> dict[str, Any]:
    """The ethnic background, and its group (a code that is not a background is passed through to be reported)."""
    found: Any = cells.get(45)
    return {"ethnic": found, "ethnic_group": ETHNIC_GROUP_OF.get(found, found)}


def _nationality(cells: Cells, lookups: Any) -> dict[str, Any]:
    """A country code: the United Kingdom (826) and "prefers not to say" (0) are groups of their own."""
    found = cells.get(46)
    if found is None:
        return {}
    group = found if found in (UNITED_KINGDOM, NATIONALITY_REFUSED) else NATIONALITY_OTHER
    return {"nationality_all_group": group, "nationality_all": found}


def _nationality_cell(answers: ANY) -> dict[int, Any]:
    group = answers.get("nationality_all_group")
    return {46: group if group in (UNITED_KINGDOM, NATIONALITY_REFUSED) else answers.get("nationality_all")}


def person_fields(person: int) -> tuple[int, int, int, int, int, int]:
    """Person 2..8's fields: age, partner, sex, gender same as sex, gender description, working situation."""
    first = 48 + 6 * (person - 2)
    return (first, first + 1, first + 2, first + 3, first + 4, first + 5)


_BLANK = (None, "")
_IDENTITY_FIELDS = {person: person_fields(person)[:5] for person in range(2, 9)}


def person_present(cells: Cells, person: int) -> bool:
    """A person is in the household when any of their fields but the working situation is given (§8 #12)."""
    get = cells.get
    return any(
        (found := get(n)) not in _BLANK and not (type(found) is str and not found.strip())
        for n in _IDENTITY_FIELDS[person]
    )


def _present(cells: Cells) -> frozenset[int]:
    return frozenset(p for p in PERSONS if person_present(cells, p))


def people_present(cells: Cells) -> frozenset[int]:
    """Persons 2..8 present in the household (worked out once per row)."""
    found: frozenset[int] = row_memo(cells, "people_present", _present)
    return found


def household_size(cells: Cells) -> int:
    """The lead tenant and each person present (so at most 8)."""
    return 1 + len(people_present(cells))


def _person_age(person: int) -> Reader:
    """Person N's age, or "R"; a person present without an age has an age that is known but not given."""
    number, age, known = person_fields(person)[0], f"age{person}", f"age{person}_known"
    reader = bulk.age_reader(number, age, known)

    def read(cells: Cells, lookups: Any) -> Mapping[str, Any]:
        found = reader.read(cells, lookups)
        return found or ({known: 0} if person in people_present(cells) else {})

    return Reader(age, (number,), reader.sets, read, reader.write)


def _details_known(person: int) -> Reader:
    """Whether person N's details are known: 0 when present, 1 when absent but within the household's size."""
    answer = f"details_known_{person}"

    def read(cells: Cells, lookups: Any) -> dict[str, Any]:
        if person in people_present(cells):
            return {answer: 0}
        return {answer: 1 if person <= household_size(cells) else None}

    return Reader(answer, person_fields(person)[:5], (answer,), read)


def _hhmemb(cells: Cells, lookups: Any) -> dict[str, Any]:
    return {"hhmemb": household_size(cells)}


PARTNER = {1: "P", 2: "X", 3: "R"}


def _person_readers(person: int) -> tuple[Reader, ...]:
    _, partner, sex, same, description, working = person_fields(person)
    same_reader = text_code if BY_NUMBER[same].cell_type is CellType.TEXT else code
    return (
        _person_age(person),
        code(partner, f"relat{person}", PARTNER),
        value(sex, f"sexrab{person}"),
        same_reader(same, f"gender_same_as_sex{person}"),
        value(description, f"gender_description{person}"),
        code(working, f"ecstat{person}"),
        _details_known(person),
    )


HOUSEHOLD_READERS: tuple[Reader, ...] = (
    bulk.age_reader(41, "age1", "age1_known"),
    value(42, "sexrab1"),
    text_code(43, "gender_same_as_sex1"),
    value(44, "gender_description1"),
    Reader("ethnic", (45,), ("ethnic", "ethnic_group"), _ethnic, lambda answers: {45: answers.get("ethnic")}),
    Reader("nationality", (46,), ("nationality_all_group", "nationality_all"), _nationality, _nationality_cell),
    code(47, "ecstat1"),
    *(reader for person in PERSONS for reader in _person_readers(person)),
    Reader("hhmemb", tuple(person_fields(p)[0] for p in PERSONS), ("hhmemb",), _hhmemb),
)

# Household needs (fields 90–110)

ACCESS_TYPES = {94: 0, 95: 1, 96: 2}  # field -> housingneeds_type
OTHER_ACCESS_NEEDS, NO_ACCESS_NEEDS, ACCESS_NEEDS_NOT_KNOWN = 97, 98, 99
ACCESS_FIELDS = (*ACCESS_TYPES, OTHER_ACCESS_NEEDS, NO_ACCESS_NEEDS, ACCESS_NEEDS_NOT_KNOWN)


def ticked_fields(cells: Cells, *numbers: int) -> list[int]:
    """The fields among these holding 1 (ticked)."""
    return [n for n in numbers if cells.get(n) == TICKED]


def _access_needs(cells: Cells, lookups: Any) -> dict[str, Any]:
    """Fields 94–99 as whether there are access needs, their type and other needs (the first type ticked)."""
    if not given_fields(cells, *ACCESS_FIELDS):
        return {}
    if cells.get(NO_ACCESS_NEEDS) == TICKED:
        return {"housingneeds": 2}
    if cells.get(ACCESS_NEEDS_NOT_KNOWN) == TICKED:
        return {"housingneeds": 3}
    types = ticked_fields(cells, *ACCESS_TYPES)
    other = 1 if cells.get(OTHER_ACCESS_NEEDS) == TICKED else (0 if types else None)
    return {"housingneeds": 1, "housingneeds_type": ACCESS_TYPES[types[0]] if types else 3, "housingneeds_other": other}


def _access_needs_cells(answers: ANY) -> dict[int, Any]:
    needs = answers.get("housingneeds")
    ticks = {NO_ACCESS_NEEDS: needs == 2, ACCESS_NEEDS_NOT_KNOWN: needs == 3}
    if needs == 1:
        ticks |= {n: answers.get("housingneeds_type") == t for n, t in ACCESS_TYPES.items()}
        ticks[OTHER_ACCESS_NEEDS] = answers.get("housingneeds_other") == 1
    return {n: TICKED if ticked else None for n, ticked in ticks.items()}


CONDITION_EFFECTS: Mapping[int, str] = {
    101: "illness_type_4",
    102: "illness_type_5",
    103: "illness_type_2",
    104: "illness_type_6",
    105: "illness_type_7",
    106: "illness_type_3",
    107: "illness_type_9",
    108: "illness_type_8",
    109: "illness_type_1",
    110: "illness_type_10",
}


def checkbox(number: int, answer: str) -> Reader:
    """A tick box cell: 1 ticked, blank not; written back as 1 or blank."""

    def write(answers: ANY) -> dict[int, Any]:
        return {number: TICKED if answers.get(answer) == TICKED else None}

    return Reader(answer, (number,), (answer,), lambda cells, lookups: {answer: cells.get(number)}, write)


NEEDS_READERS: tuple[Reader, ...] = (
    code(90, "armedforces"),
    code(91, "leftreg"),
    code(92, "reservist"),
    code(93, "preg_occ"),
    Reader(
        "housingneeds",
        ACCESS_FIELDS,
        ("housingneeds", "housingneeds_type", "housingneeds_other"),
        _access_needs,
        _access_needs_cells,
    ),
    code(100, "illness"),
    *(checkbox(number, answer) for number, answer in CONDITION_EFFECTS.items()),
)

# Household situation (fields 111–134)

REASON_OTHER = 20
PREFERENCE_REASONS: Mapping[int, str] = {
    122: "rp_homeless",
    123: "rp_insan_unsat",
    124: "rp_medwel",
    125: "rp_hardship",
    126: "rp_dontknow",
}
PREFERENCE_DONT_KNOW = 126
ALLOCATION_FLAGS: Mapping[int, str] = {127: "cbl", 128: "cap", 129: "chr", 130: "accessible_register"}
YES_NO_CELL = {1: 1, 2: 0}


def dont_know_with_other_reasons(cells: Cells) -> bool:
    """Reasonable preference "Don't know" (126) is ticked with another reason (122–125)."""
    return cells.get(PREFERENCE_DONT_KNOW) == TICKED and bool(ticked_fields(cells, 122, 123, 124, 125))


def _preference_reasons(cells: Cells, lookups: Any) -> dict[str, Any]:
    """The reasons ticked; none when "Don't know" is ticked with another reason (the check reports it)."""
    if dont_know_with_other_reasons(cells):
        return {}
    return {answer: cells.get(n) for n, answer in PREFERENCE_REASONS.items()}


def _preference_cells(answers: ANY) -> dict[int, Any]:
    return {n: TICKED if answers.get(answer) == TICKED else None for n, answer in PREFERENCE_REASONS.items()}


def _allocation_unknown(cells: Cells, lookups: Any) -> dict[str, Any]:
    """No allocation system applies when the four flags are all 2 (no)."""
    flags = [cells.get(n) for n in ALLOCATION_FLAGS]
    return {"letting_allocation_unknown": int(all(f == 2 for f in flags)) if None not in flags else None}


def _previous_local_authority(cells: Cells, lookups: Any) -> dict[str, Any]:
    """The last settled home's local authority: known when given, not known when its postcode is not given either."""
    prevloc = bulk.text(cells, 120)
    if prevloc:
        return {"prevloc": prevloc, "previous_la_known": 1}
    return {"previous_la_known": None if given_fields(cells, 118, 119) else 0}


def _previous_local_authority_cell(answers: ANY) -> dict[int, Any]:
    inferred = answers.get("is_previous_la_inferred") is True
    return {120: None if inferred else answers.get("prevloc")}


REFERRAL_FIELDS = (131, 132, 133, 134)
LA_REGISTER, PRP_REGISTER = range(1, 5), range(5, 10)
# The PRP part 2 (referral_noms) codes allowed for a part 1 code, and the part 3 (referral_org) codes for a part 2 code.
NOMINATIONS = {6: range(1, 5), 7: range(5, 9)}
ORGANISATIONS = {1: range(1, 11), 7: range(11, 21)}


def owner_provider_type(cells: Cells, lookups: bulk.Lookups | None) -> int | None:
    """The owning organisation's provider type (1 local authority, 2 PRP) when the look-ups give one."""
    owner = bulk.text(cells, 1)
    found = lookups.organisation(owner) if lookups is not None and owner else None
    provider = found.provider_type if found is not None else None
    return provider if provider in (LOCAL_AUTHORITY, PRIVATE_REGISTERED_PROVIDER) else None


def _allowed(found: Any, allowed: range | None) -> bool:
    return found is None if allowed is None else found in allowed


def _la_referral(cells: Cells) -> bool:
    return cells.get(131) in LA_REGISTER and not given_fields(cells, 132, 133, 134)


def _prp_referral(cells: Cells) -> bool:
    register: Any = cells.get(132)
    nominations: Any = cells.get(133)
    return (
        cell_value(cells, 131) is None
        and register in PRP_REGISTER
        and _allowed(nominations, NOMINATIONS.get(register))
        and _allowed(cells.get(134), ORGANISATIONS.get(nominations))
    )


def referral_provider(cells: Cells, lookups: bulk.Lookups | None) -> int | None:
    """Which provider type's referral questions the cells answer validly (None: an invalid combination)."""
    provider = owner_provider_type(cells, lookups)
    if provider != PRIVATE_REGISTERED_PROVIDER and _la_referral(cells):
        return LOCAL_AUTHORITY
    if provider != LOCAL_AUTHORITY and _prp_referral(cells):
        return PRIVATE_REGISTERED_PROVIDER
    return None


def _referral(cells: Cells, lookups: bulk.Lookups | None) -> dict[str, Any]:
    """Fields 131–134, when their combination is valid; renewals' source of referral is derived (§8 #2)."""
    if cells.get(7) == RENEWAL or not given_fields(cells, *REFERRAL_FIELDS):
        return {}
    provider = referral_provider(cells, lookups)
    if provider == LOCAL_AUTHORITY:
        return {"referral_register": cells.get(131)}
    if provider == PRIVATE_REGISTERED_PROVIDER:
        return {"referral_register": cells.get(132), "referral_noms": cells.get(133), "referral_org": cells.get(134)}
    return {}


def _referral_cells(answers: ANY) -> dict[int, Any]:
    register = answers.get("referral_register")
    if answers.get("renewal") == RENEWAL or register is None:
        return {}
    if register in LA_REGISTER:
        return {131: register}
    return {132: register, 133: answers.get("referral_noms"), 134: answers.get("referral_org")}


SITUATION_READERS: tuple[Reader, ...] = (
    code(111, "layear"),
    code(112, "waityear"),
    code(113, "reason"),
    only_when(_is(113, REASON_OTHER), value(114, "reasonother")),
    code(115, "prevten"),
    code(116, "homeless"),
    code(117, "ppcodenk", {1: 0, 2: 1}),
    joined(118, 119, "ppostcode_full"),
    Reader(
        "prevloc",
        (120,),
        ("prevloc", "previous_la_known"),
        _previous_local_authority,
        _previous_local_authority_cell,
    ),
    code(121, "reasonpref"),
    Reader(
        "reasonable_preference_reason",
        tuple(PREFERENCE_REASONS),
        tuple(PREFERENCE_REASONS.values()),
        _preference_reasons,
        _preference_cells,
    ),
    *(code(number, answer, YES_NO_CELL) for number, answer in ALLOCATION_FLAGS.items()),
    Reader("letting_allocation_unknown", tuple(ALLOCATION_FLAGS), ("letting_allocation_unknown",), _allocation_unknown),
    Reader(
        "referral",
        REFERRAL_FIELDS,
        ("referral_register", "referral_noms", "referral_org"),
        _referral,
        _referral_cells,
    ),
)

# Income, benefits and outgoings (fields 135–147)

CHARGES: Mapping[int, str] = {142: "brent", 143: "scharge", 144: "pscharge", 145: "supcharg"}
NO_CHARGES = 1  # field 140: the household does not pay rent or other charges


def _charges(cells: Cells, lookups: Any) -> dict[str, Any]:
    """The four charges, only when all four are given (the check reports the others)."""
    if len(given_fields(cells, *CHARGES)) < len(CHARGES):
        return {}
    return {answer: cells.get(n) for n, answer in CHARGES.items()}


def _shortfall(cells: Cells, lookups: Any) -> dict[str, Any]:
    found = cells.get(146)
    return {"hbrentshortfall": found, "tshortfall_known": 0 if found == 1 else None}


INCOME_READERS: tuple[Reader, ...] = (
    code(135, "net_income_known", {1: 0, 2: 1, 3: 2}),
    code(136, "incfreq"),
    value(137, "earnings"),
    code(138, "hb"),
    code(139, "benefits"),
    only_when(_is(4, SUPPORTED_HOUSING), code(140, "household_charge")),
    code(141, "period"),
    Reader(
        "charges",
        tuple(CHARGES),
        tuple(CHARGES.values()),
        _charges,
        lambda answers: {n: answers.get(answer) for n, answer in CHARGES.items()},
    ),
    Reader(
        "hbrentshortfall",
        (146,),
        ("hbrentshortfall", "tshortfall_known"),
        _shortfall,
        lambda answers: {146: answers.get("hbrentshortfall")},
    ),
    value(147, "tshortfall"),
)

READERS: tuple[Reader, ...] = (
    *SETUP_READERS,
    *PROPERTY_READERS,
    *TENANCY_READERS,
    *HOUSEHOLD_READERS,
    *NEEDS_READERS,
    *SITUATION_READERS,
    *INCOME_READERS,
)
