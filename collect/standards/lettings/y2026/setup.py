"""Set up this lettings log (lettings 2026/27): pages, checks and derivations (lettings-2026.md §2.1, §3.1, §4, §5.2).

Who fills in the log decides some pages (stock owner, managing agent, log owner): they read the context's user
facts, as the national service's custom routing does. The organisation and user selects are always needed and never
cleared (the standard marks them "derived"). Setup is "done" (`setup_done`, §7.3) when every applicable setup
question other than the scheme, the location and the optional codes is answered; every other subsection needs it.

Not part of the rulebook (the service does them, as they need the database): filling in the owning organisation,
managing organisation and log owner of a new log from its creator, choosing the location of a scheme with exactly
one location, dropping a scheme owned by another organisation, and resetting the log owner when a support user moves
the log to organisations the owner does not belong to (§2.1, §4.1 steps 2 and 5).
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Mapping, MutableMapping
from typing import Any

from collect.rulebook import Check, Derivation, F, Option, Page, Pred, Question, QuestionKind, Severity, Subsection
from collect.rulebook.conditions import Condition, always
from collect.rulebook.declaration import Stage
from collect.standards import organisations
from collect.standards.answers import as_code, as_date, changed_since
from collect.standards.facts import OrganisationFacts
from collect.standards.lettings.context import LocationFacts, SchemeFacts
from collect.standards.lettings.y2026.common import (
    SETUP_DONE_FLAG,
    SUPPORTED_HOUSING,
    YES_NO,
    lettings_context,
    lettype_for,
    renttype_for,
)

# Answers (and context facts) read by the rules below

ANY = Mapping[str, Any]
LARGE_SCHEME_LOCATIONS = 19  # more than this many locations: the location is searched for, not picked from a list


_context = lettings_context


def _startdate(answers: ANY) -> datetime.date | None:
    return as_date(answers.get("startdate"))


def _owner(answers: ANY, context: Any) -> OrganisationFacts | None:
    return organisations.owner(answers, _context(context))


def _manager(answers: ANY, context: Any) -> OrganisationFacts | None:
    return organisations.manager(answers, _context(context))


def _scheme(answers: ANY, context: Any) -> SchemeFacts | None:
    known = _context(context)
    return known.scheme if known and answers.get("scheme_id") is not None else None


def _location(answers: ANY, context: Any) -> LocationFacts | None:
    known = _context(context)
    return known.location if known and answers.get("location_id") is not None else None


_day = organisations.day_text
_merged = organisations.merged
_not_yet_active = organisations.not_yet_active


# Display of the pages that depend on who is filling in the log (§2.1, collect.standards.organisations)


def _scheme_locations(context: Any) -> int:
    known = _context(context)
    return known.scheme.active_locations_on_start if known and known.scheme else 0


_ORGANISATION_PAGES = organisations.organisation_pages(lettings_context)
STOCK_OWNER_ASKED = _ORGANISATION_PAGES.stock_owner
MANAGING_AGENT_ASKED = _ORGANISATION_PAGES.managing_agent
LOG_OWNER_ASKED = _ORGANISATION_PAGES.log_owner
SCHEME_HAS_FEW_LOCATIONS = Pred(
    "the scheme has 2 to 19 locations available", lambda a, c: 1 < _scheme_locations(c) <= LARGE_SCHEME_LOCATIONS
)
SCHEME_HAS_MANY_LOCATIONS = Pred(
    "the scheme has more than 19 locations available", lambda a, c: _scheme_locations(c) > LARGE_SCHEME_LOCATIONS
)

# Questions (§3.1)

owning_organisation_id = Question(
    "owning_organisation_id",
    QuestionKind.SELECT,
    "Which organisation owns this property?",
    "Stock owner",
    number=1,
    always_applicable=True,
    keep_when_off_route=True,
)
managing_organisation_id = Question(
    "managing_organisation_id",
    QuestionKind.SELECT,
    "Which organisation manages this letting?",
    "Managing agent",
    number=2,
    always_applicable=True,
    keep_when_off_route=True,
)
assigned_to_id = Question(
    "assigned_to_id",
    QuestionKind.SELECT,
    "Which user are you creating this log for?",
    "Log owner",
    always_applicable=True,
    keep_when_off_route=True,
)
needstype = Question(
    "needstype",
    QuestionKind.RADIO,
    "What is the needs type?",
    "Needs type",
    number=3,
    options=(Option(1, "General needs"), Option(2, "Supported housing")),
)
scheme_id = Question(
    "scheme_id",
    QuestionKind.SELECT,
    "What scheme is this log for?",
    "Scheme name",
    hint="Enter postcode or scheme name.\n\nA supported housing scheme provides shared or self-contained housing for a "
    "particular client group, for example younger or vulnerable people.",
    number=4,
)
location_id = Question(
    "location_id",
    QuestionKind.RADIO,
    "Which location is this letting for?",
    "Location",
    number=5,
    keep_when_off_route=True,
)
location_id_search = Question(
    "location_id",
    QuestionKind.SELECT,
    "Which location is this letting for?",
    "Location",
    hint="This scheme has 20 or more locations.\n\nEnter postcode or address.",
    number=5,
    keep_when_off_route=True,
)
renewal = Question(
    "renewal",
    QuestionKind.RADIO,
    "Is this letting a renewal of social housing to the same tenant in the same property?",
    "Property renewal",
    hint="If the property was previously being used as temporary accommodation, then answer 'no'.",
    number=6,
    options=YES_NO,
)
startdate = Question(
    "startdate",
    QuestionKind.DATE,
    "What is the tenancy start date?",
    "Tenancy start date",
    hint="The tenancy start date can be up to 14 days from today. If your tenancy starts more than 14 days into the "
    "future, please wait until you are within 14 days of the start date before submitting your log.\n\nFor example, "
    "if you’re answering this question on 1 April, you can enter a tenancy start date up to and including 15 April.",
    number=7,
)
rent_type = Question(
    "rent_type",
    QuestionKind.RADIO,
    "What is the rent type?",
    "Rent type",
    number=8,
    options=(
        Option(0, "Social Rent"),
        Option(1, "Affordable Rent"),
        Option(2, "London Affordable Rent"),
        Option(3, "Rent to Buy"),
        Option(4, "London Living Rent"),
        Option(5, "Other intermediate rent product"),
        Option(
            6, "Specified accommodation - exempt accommodation, managed properties, refuges and local authority hostels"
        ),
    ),
)
irproduct_other = Question(
    "irproduct_other",
    QuestionKind.TEXT,
    "Name of rent product",
    "Product name",
    number=8,
    revealed_by=("rent_type", frozenset({5})),
)
tenancycode = Question(
    "tenancycode",
    QuestionKind.TEXT,
    "What is the tenant code?",
    "Tenant code",
    hint="This is how you usually refer to this tenancy on your own systems.",
    number=9,
    width=10,
    optional_when=always,
)
propcode = Question(
    "propcode",
    QuestionKind.TEXT,
    "What is the property reference?",
    "Property reference",
    hint="This is how you usually refer to this property on your own systems.",
    number=10,
    width=10,
    optional_when=always,
)
declaration = Question(
    "declaration",
    QuestionKind.CHECKBOX,
    "Declaration",
    "Tenant has seen the privacy notice",
    number=11,
    options=(Option("declaration", "The tenant has seen or been given access to the MHCLG privacy notice"),),
)

PAGES: tuple[Page, ...] = (
    Page("stock_owner", (owning_organisation_id,), shown_when=STOCK_OWNER_ASKED),
    Page("managing_organisation", (managing_organisation_id,), shown_when=MANAGING_AGENT_ASKED),
    Page("assigned_to", (assigned_to_id,), shown_when=LOG_OWNER_ASKED),
    Page("needs_type", (needstype,), header="Needs type"),
    Page("scheme", (scheme_id,), shown_when=SUPPORTED_HOUSING, header="Scheme"),
    Page("location", (location_id,), shown_when=SUPPORTED_HOUSING & SCHEME_HAS_FEW_LOCATIONS, header="Location"),
    Page(
        "location_search",
        (location_id_search,),
        shown_when=SUPPORTED_HOUSING & SCHEME_HAS_MANY_LOCATIONS,
        header="Location",
    ),
    Page("renewal", (renewal,)),
    Page("tenancy_start_date", (startdate,)),
    Page("rent_type", (rent_type, irproduct_other), header="Rent Type"),
    Page("tenant_code", (tenancycode,)),
    Page("property_reference", (propcode,)),
    Page(
        "declaration",
        (declaration,),
        header="Ministry of Housing, Communities and Local Government privacy notice",
    ),
)
SUBSECTION = Subsection(
    "setup",
    "Set up this lettings log",
    PAGES,
    done_flag=SETUP_DONE_FLAG,
    done_excluding=frozenset({"scheme_id", "location_id", "tenancycode", "propcode"}),
)

# Derivations (§4.1 step 2, §4.2)


def _reset_location_on_scheme_change(answers: MutableMapping[str, Any], context: Any, previous: ANY | None) -> None:
    if changed_since("scheme_id", answers, previous) and not changed_since("location_id", answers, previous):
        answers["location_id"] = None


def _reset_on_needstype_change(answers: MutableMapping[str, Any], context: Any, previous: ANY | None) -> None:
    if previous is not None and previous.get("needstype") == 2 and answers.get("needstype") != 2:
        answers["wchair"] = None
        answers["location_id"] = None


LAR_FROM_RENT_TYPE: Mapping[int, int] = {2: 1, 1: 2}
IRPRODUCT_FROM_RENT_TYPE: Mapping[int, int] = {3: 1, 4: 2, 5: 3}


def _set(name: str, value: Callable[[ANY, Any], Any]) -> Callable[[MutableMapping[str, Any], Any, ANY | None], None]:
    def apply(answers: MutableMapping[str, Any], context: Any, previous: ANY | None) -> None:
        answers[name] = value(answers, context)

    return apply


def _from_rent_type(mapping: Mapping[int, int]) -> Callable[[ANY, Any], int | None]:
    def value(answers: ANY, context: Any) -> int | None:
        code = as_code(answers.get("rent_type"))
        return mapping.get(code) if code is not None else None

    return value


DERIVATIONS: tuple[Derivation, ...] = (
    Derivation(
        "scheme_change_location",
        "When the scheme changes and the location does not, the location is cleared (the service then picks the "
        "scheme's only location, if it has one) (§4.1 step 2). Nothing is cleared for a new log.",
        ("location_id",),
        ("scheme_id", "location_id"),
        _reset_location_on_scheme_change,
        stage=Stage.INPUT,
    ),
    Derivation(
        "needstype_change",
        "When the needs type changes from supported housing, the location and the wheelchair answer derived from it "
        "are cleared (§4.2).",
        ("wchair", "location_id"),
        ("needstype",),
        _reset_on_needstype_change,
    ),
    Derivation(
        "renttype",
        "Rent type group from the rent type: social rent 1; affordable and London affordable rent 2; rent to buy, "
        "London living rent and other intermediate products 3; specified accommodation 4 (§4.2).",
        ("renttype",),
        ("rent_type",),
        _set("renttype", lambda a, c: renttype_for(a)),
    ),
    Derivation(
        "lettype",
        "Letting type 1–16 from the rent type group, needs type and owning organisation's provider type: social GN PRP "
        "1, GN LA 3, SH PRP 2, SH LA 4; affordable 5, 7, 6, 8; intermediate 9, 11, 10, 12; specified 13, 15, 14, 16; "
        "blank unless all are known (§4.2).",
        ("lettype",),
        ("rent_type", "needstype", "owning_organisation_id"),
        _set("lettype", lettype_for),
    ),
    Derivation(
        "lar",
        "London Affordable Rent flag: 1 for London Affordable Rent, 2 for Affordable Rent, otherwise blank (§4.2).",
        ("lar",),
        ("rent_type",),
        _set("lar", _from_rent_type(LAR_FROM_RENT_TYPE)),
    ),
    Derivation(
        "irproduct",
        "Intermediate rent product: 1 Rent to Buy, 2 London Living Rent, 3 other, otherwise blank (§4.2).",
        ("irproduct",),
        ("rent_type",),
        _set("irproduct", _from_rent_type(IRPRODUCT_FROM_RENT_TYPE)),
    ),
)

# Checks (§5.2 S1–S15)


def _outside_window(answers: ANY, context: Any) -> bool:
    return organisations.outside_window(_startdate(answers), _context(context))


def _window_message(answers: ANY, context: Any) -> str:
    return organisations.window_message(_context(context))


def _too_far_ahead(answers: ANY, context: Any) -> bool:
    return organisations.too_far_ahead(_startdate(answers), _context(context))


def _not_users_organisations(answers: ANY, context: Any) -> bool:
    return organisations.not_users_organisations(answers, _context(context))


def _inactive_message(role: str, organisation: OrganisationFacts | None, day: datetime.date | None) -> str:
    return organisations.inactive_message(role, organisation, day, "tenancy start date")


def _same_organisation_messages(owner: OrganisationFacts, day: datetime.date) -> list[str]:
    if _merged(owner, day):
        return [
            f"Enter a date when the owning and managing organisation was active. {owner.name} became inactive on "
            f"{_day(owner.merge_date)} and was replaced by {owner.absorbing_organisation_name}."
        ]
    if _not_yet_active(owner, day):
        return [
            f"Enter a date when the owning and managing organisation was active. {owner.name} became active on "
            f"{_day(owner.available_from)}."
        ]
    return []


def _same_merge(owner: OrganisationFacts, manager: OrganisationFacts) -> bool:
    return (
        owner.merge_date is not None
        and owner.merge_date == manager.merge_date
        and owner.absorbing_organisation_name == manager.absorbing_organisation_name
    )


def _merged_messages(
    owner: OrganisationFacts | None, manager: OrganisationFacts | None, day: datetime.date
) -> list[str]:
    if owner is not None and manager is not None and _merged(owner, day) and _merged(manager, day):
        return [
            f"Enter a date when the owning and managing organisations were active. {owner.name} became inactive on "
            f"{_day(owner.merge_date)} and was replaced by {owner.absorbing_organisation_name}. {manager.name} became "
            f"inactive on {_day(manager.merge_date)} and was replaced by {manager.absorbing_organisation_name}."
        ]
    return [
        f"Enter a date when the {role} organisation was active. {organisation.name} became inactive on "
        f"{_day(organisation.merge_date)} and was replaced by {organisation.absorbing_organisation_name}."
        for role, organisation in (("owning", owner), ("managing", manager))
        if organisation is not None and _merged(organisation, day)
    ]


def _absorbing_messages(
    owner: OrganisationFacts | None, manager: OrganisationFacts | None, day: datetime.date
) -> list[str]:
    if owner is not None and manager is not None and _not_yet_active(owner, day) and _not_yet_active(manager, day):
        return [
            f"Enter a date when the owning and managing organisations were active. {owner.name} became active on "
            f"{_day(owner.available_from)}, and {manager.name} became active on {_day(manager.available_from)}."
        ]
    return [
        f"Enter a date when the {role} organisation was active. {organisation.name} became active on "
        f"{_day(organisation.available_from)}."
        for role, organisation in (("owning", owner), ("managing", manager))
        if organisation is not None and _not_yet_active(organisation, day)
    ]


def _merge_start_messages(answers: ANY, context: Any) -> list[str]:
    """S7: why the start date is outside the time the owning and managing organisations were active."""
    day = _startdate(answers)
    owner, manager = _owner(answers, context), _manager(answers, context)
    if day is None:
        return []
    if (owner.id if owner else None) == (manager.id if manager else None):
        return _same_organisation_messages(owner, day) if owner is not None else []
    if owner is not None and manager is not None and _same_merge(owner, manager):
        if not _merged(owner, day):
            return []
        return [
            f"Enter a date when the owning and managing organisations were active. {owner.name} and {manager.name} "
            f"became inactive on {_day(owner.merge_date)} and were replaced by {owner.absorbing_organisation_name}."
        ]
    return _merged_messages(owner, manager, day) + _absorbing_messages(owner, manager, day)


def _scheme_incomplete(answers: ANY, context: Any) -> bool:
    scheme = _scheme(answers, context)
    return scheme is not None and (not scheme.confirmed or not scheme.has_confirmed_locations)


def _scheme_without_confirmed_locations(answers: ANY, context: Any) -> bool:
    scheme = _scheme(answers, context)
    return scheme is not None and not scheme.has_confirmed_locations


SCHEME_INACTIVE_STATUSES = frozenset({"deactivated", "reactivating_soon"})
LOCATION_INACTIVE_STATUSES = frozenset({"deactivated", "activating_soon", "reactivating_soon"})


def _scheme_inactive(answers: ANY, context: Any) -> bool:
    scheme = _scheme(answers, context)
    return scheme is not None and _startdate(answers) is not None and scheme.status_on_start in SCHEME_INACTIVE_STATUSES


def _scheme_inactive_message(field: str) -> Any:
    def message(answers: ANY, context: Any) -> str:
        scheme = _scheme(answers, context)
        name, day = (scheme.name, _day(scheme.status_date)) if scheme else ("", "an unknown date")
        if scheme is None or scheme.status_on_start == "deactivated":
            return (
                f"The scheme {name} was deactivated on {day} and was not available on the day you entered. Select "
                "another scheme or edit the tenancy start date."
            )
        if field == "startdate":
            return f"The scheme {name} is not available until {day}. Enter a tenancy start date after {day}."
        return f"The scheme {name} is not available until {day}. Select another scheme or edit the tenancy start date."

    return message


def _scheme_without_active_locations(answers: ANY, context: Any) -> bool:
    scheme = _scheme(answers, context)
    return scheme is not None and _startdate(answers) is not None and scheme.active_locations_on_start < 1


def _scheme_without_active_locations_message(answers: ANY, context: Any) -> str:
    scheme = _scheme(answers, context)
    return (
        f"The scheme {scheme.name if scheme else ''} has no locations that are active on this date. Enter another date "
        "or choose another scheme."
    )


def _location_inactive(answers: ANY, context: Any) -> bool:
    location = _location(answers, context)
    return (
        location is not None
        and _startdate(answers) is not None
        and location.status_on_start in LOCATION_INACTIVE_STATUSES
    )


def _location_inactive_message(field: str) -> Any:
    def message(answers: ANY, context: Any) -> str:
        location = _location(answers, context)
        postcode, day = (location.postcode, _day(location.available_from)) if location else ("", "an unknown date")
        if location is None or location.status_on_start == "deactivated":
            if field == "startdate":
                return (
                    f"The location {postcode} is inactive on this date. Enter another date or choose another location."
                )
            return (
                "This location is not active on the tenancy start date. Choose another location or edit the tenancy "
                "start date."
            )
        if field == "startdate":
            return f"The location {postcode} is not available until {day}. Enter a tenancy start date after {day}."
        return (
            f"The location {postcode} is not available until {day}. Select another location or edit the tenancy "
            "start date."
        )

    return message


def _location_incomplete(answers: ANY, context: Any) -> bool:
    location = _location(answers, context)
    return location is not None and not location.confirmed


def _no_data_sharing_agreement(answers: ANY, context: Any) -> bool:
    return organisations.without_agreement(_owner(answers, context)) or organisations.without_agreement(
        _manager(answers, context)
    )


def _data_sharing_message(field: str) -> Any:
    def message(answers: ANY, context: Any) -> str:
        owner_missing = organisations.without_agreement(_owner(answers, context))
        manager_missing = organisations.without_agreement(_manager(answers, context))
        role = "owning" if field == "owning_organisation_id" else "managing"
        # Name the organisation of this field when it lacks the agreement, otherwise the other one (see S15's decision).
        if role == "owning" and not owner_missing and manager_missing:
            role = "managing"
        elif role == "managing" and not manager_missing and owner_missing:
            role = "owning"
        return organisations.data_sharing_message(role)

    return message


def _pred(description: str, test: Any, *reads: str) -> Condition:
    return Pred(description, test, reads=reads)


ORGANISATIONS = ("owning_organisation_id", "managing_organisation_id")
SCHEME_FIELDS = ("scheme_id", "startdate")

CHECKS: tuple[Check, ...] = (
    Check(
        "S1",
        Severity.HARD,
        _pred(
            "the tenancy start date is outside the collection years open today: from the start of the earliest year "
            "open for new logs (for a new log) or for changes (for an existing one), to the end of the current "
            "collection year",
            _outside_window,
            "startdate",
        ),
        {"startdate": _window_message},
        description="The tenancy start date must fall in a collection year open today (§1.2).",
        decision="Quirk §8 #10: bulk upload's own window (up to the new-logs end date) is not reproduced: this "
        "log-level window applies to every channel, so bulk upload rejects what its message says it does. The "
        "message describes the new-logs crossover even when an existing log is changed (as coded).",
    ),
    Check(
        "S2",
        Severity.HARD,
        _pred("the tenancy start date is more than 14 days after today", _too_far_ahead, "startdate"),
        {"startdate": "The tenancy start date must not be later than 14 days from today’s date."},
        description="The tenancy start date must not be more than 14 days in the future.",
    ),
    Check(
        "S3",
        Severity.HARD,
        _pred(
            "the log owner, owning and managing organisation are all given and neither organisation is the log "
            "owner's organisation (or one it absorbed)",
            _not_users_organisations,
            "assigned_to_id",
            *ORGANISATIONS,
        ),
        {
            "assigned_to_id": "Please select the owning organisation or managing organisation that you belong to.",
            "owning_organisation_id": "Please select the owning organisation or managing organisation that you "
            "belong to.",
            "managing_organisation_id": "Please select the owning organisation or managing organisation that you "
            "belong to.",
        },
        description="The log owner must belong to the owning or the managing organisation.",
    ),
    Check(
        "S4",
        Severity.HARD,
        _pred(
            "the owning organisation merged into another on or before the tenancy start date",
            lambda a, c: _merged(_owner(a, c), _startdate(a)),
            "owning_organisation_id",
            "startdate",
        ),
        {"owning_organisation_id": lambda a, c: _inactive_message("owning", _owner(a, c), _startdate(a))},
        description="The owning organisation must not have merged into another by the tenancy start date.",
    ),
    Check(
        "S5",
        Severity.HARD,
        _pred(
            "the owning organisation absorbed others and only became available after the tenancy start date",
            lambda a, c: not _merged(_owner(a, c), _startdate(a)) and _not_yet_active(_owner(a, c), _startdate(a)),
            "owning_organisation_id",
            "startdate",
        ),
        {"owning_organisation_id": lambda a, c: _inactive_message("owning", _owner(a, c), _startdate(a))},
        description="An owning organisation formed by a merger must be active on the tenancy start date.",
    ),
    Check(
        "S6",
        Severity.HARD,
        _pred(
            "the managing organisation merged into another on or before the tenancy start date, or absorbed others "
            "and only became available after it",
            lambda a, c: _merged(_manager(a, c), _startdate(a)) or _not_yet_active(_manager(a, c), _startdate(a)),
            "managing_organisation_id",
            "startdate",
        ),
        {"managing_organisation_id": lambda a, c: _inactive_message("managing", _manager(a, c), _startdate(a))},
        description="The managing organisation must be active on the tenancy start date.",
    ),
    Check(
        "S7",
        Severity.HARD,
        _pred(
            "the owning or managing organisation merged into another on or before the tenancy start date, or only "
            "became available after it",
            lambda a, c: bool(_merge_start_messages(a, c)),
            "startdate",
            *ORGANISATIONS,
        ),
        {"startdate": lambda a, c: " ".join(_merge_start_messages(a, c))},
        description="The tenancy start date must be when the owning and managing organisations were active.",
        decision="When both a merged and a not-yet-active organisation apply, their messages are joined in one.",
    ),
    Check(
        "S8",
        Severity.HARD,
        (F("rent_type") == 5) & F("irproduct_other").missing(),
        {"irproduct_other": "Enter name of other intermediate rent product."},
        description="The name of an other intermediate rent product must be given.",
    ),
    Check(
        "S9",
        Severity.HARD,
        _pred(
            "the scheme is incomplete (not confirmed, or without a confirmed location)", _scheme_incomplete, "scheme_id"
        ),
        {"scheme_id": "This scheme is incomplete. Select another scheme or update this one."},
        description="The scheme must be complete.",
    ),
    Check(
        "S10",
        Severity.HARD,
        _pred("the scheme has no confirmed location", _scheme_without_confirmed_locations, "scheme_id"),
        {"scheme_id": "This scheme cannot be chosen as it has no completed locations."},
        description="The scheme must have a completed location.",
    ),
    Check(
        "S11",
        Severity.HARD,
        _pred(
            "the scheme is deactivated, or deactivated until a later reactivation, on the tenancy start date",
            _scheme_inactive,
            *SCHEME_FIELDS,
        ),
        {"startdate": _scheme_inactive_message("startdate"), "scheme_id": _scheme_inactive_message("scheme_id")},
        description="The scheme must be active on the tenancy start date.",
    ),
    Check(
        "S12",
        Severity.HARD,
        _pred(
            "the scheme has no location active on the tenancy start date",
            _scheme_without_active_locations,
            *SCHEME_FIELDS,
        ),
        {"startdate": _scheme_without_active_locations_message, "scheme_id": _scheme_without_active_locations_message},
        description="The scheme must have a location active on the tenancy start date.",
    ),
    Check(
        "S13",
        Severity.HARD,
        _pred(
            "the location (or its scheme) is deactivated, not yet available or awaiting reactivation on the tenancy "
            "start date",
            _location_inactive,
            "location_id",
            "startdate",
        ),
        {
            "startdate": _location_inactive_message("startdate"),
            "location_id": _location_inactive_message("location_id"),
            "scheme_id": _location_inactive_message("scheme_id"),
        },
        description="The location must be active on the tenancy start date.",
    ),
    Check(
        "S14",
        Severity.HARD,
        _pred("the location is not confirmed", _location_incomplete, "location_id"),
        {
            "location_id": "This location is incomplete. Select another location or update this one.",
            "scheme_id": "This location is incomplete. Select another location or update this one.",
        },
        description="The location must be complete.",
    ),
    Check(
        "S15",
        Severity.HARD,
        _pred(
            "the owning or managing organisation has not accepted the data sharing agreement",
            _no_data_sharing_agreement,
            *ORGANISATIONS,
        ),
        {field: _data_sharing_message(field) for field in ORGANISATIONS},
        description="Only organisations that accepted the data sharing agreement can own or manage a letting.",
        decision="The standard checks this only when the organisation is changed; checks here see no history, so it "
        "applies whenever the log's organisation has not accepted the agreement. Both organisation fields are flagged "
        "(the engine flags a fixed set of fields); each message names the organisation lacking the agreement.",
    ),
)
