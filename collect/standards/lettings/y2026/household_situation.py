"""The household situation subsection of the 2026/27 lettings log (lettings-2026.md): pages, checks, derivations.

Pages and questions: §2.6 and §3.6; derived variables: §4.1 (previous postcode cleaning and lookup, the previous
location reset, the referral reset when the owning organisation's type changes) and §4.2 (renewal values, new_old,
checkbox zeros); hard checks H2, H3, H7–H12 and P11 (§5.2); the soft check ROTH (§5.3).

Not declared, on purpose: H1 (reasons for reasonable preference given although it was not given). The reasons live
only on `reasonable_preference_reason`, which is shown only when `reasonpref == 1`; answers of pages not shown are
cleared before any check runs (§0), so the rule can never fire, in the national service as here. P2 (re-let to a
temporary tenant against the legacy `referral`) is inert in 2026 and belongs to property information anyway.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, MutableMapping
from dataclasses import replace
from typing import Any

from collect.rulebook import Check, Derivation, F, Option, Page, Pred, Question, QuestionKind, Severity, Subsection
from collect.rulebook.conditions import Condition
from collect.rulebook.declaration import OptionKind
from collect.standards.answers import checkbox_zeros, interruption
from collect.standards.lettings.context import LettingsContext
from collect.standards.lettings.y2026.common import (
    GENERAL_NEEDS,
    LOCAL_AUTHORITY,
    NOT_RENEWAL,
    PRIVATE_REGISTERED_PROVIDER,
    RENEWAL,
    SETUP_DONE,
    SUPPORTED_HOUSING,
    owner_provider_type,
)
from collect.standards.previous_address import (
    PostcodeLookup,
    previous_postcode_derivations,
    previous_postcode_format_check,
)

DONT_KNOW = OptionKind.DONT_KNOW
PREFERS_NOT_TO_SAY = OptionKind.PREFERS_NOT_TO_SAY

# Conditions

# Quirk §8 #15: fixed. The national service routes the referral pages with custom code that ignores setup_done.
# Here every page of the subsection needs setup done (the subsection is enabled only then, as for every other page):
# the difference shows only while setup is incomplete, when the subsection "cannot start yet" and none of its other
# pages is routed either, so referral answers are cleared along with the rest instead of being kept alone.
OWNED_BY_LOCAL_AUTHORITY: Condition = Pred(
    "the owning organisation is a local authority", lambda a, c: owner_provider_type(c) == LOCAL_AUTHORITY
)
OWNED_BY_PRIVATE_PROVIDER: Condition = Pred(
    "the owning organisation is a private registered provider",
    lambda a, c: owner_provider_type(c) == PRIVATE_REGISTERED_PROVIDER,
)
NEW_LETTING: Condition = F("renewal") == 0
PRP_REFERRAL: Condition = OWNED_BY_PRIVATE_PROVIDER & NOT_RENEWAL
# is_internal_transfer? (§4.3, 2026)
INTERNAL_TRANSFER: Condition = (
    (F("referral_register") == 2)
    | ((F("referral_register") == 6) & (F("referral_noms") == 3))
    | ((F("referral_register") == 7) & (F("referral_noms") == 5))
)
# prevten codes that are social housing. Quirk §8 #6: the national method is called is_prevten_general_needs? but
# means "prevten is NOT one of these"; H9 uses the meaning, not the name.
SOCIAL_HOUSING_PREVTEN = frozenset({30, 31, 32, 33, 35, 38, 40, 6})
# prevten codes that count as an existing social tenant for new_old (§4.2, as coded: 34 is not a 2026 option, and
# 38 and 40 are not in the list).
EXISTING_SOCIAL_TENANT_PREVTEN = frozenset({6, 30, 31, 32, 33, 34, 35})

# Questions (§3.6)

_DURATIONS = (
    Option(2, "Under 1 year"),
    Option(7, "1 year but under 2 years"),
    Option(8, "2 years but under 3 years"),
    Option(9, "3 years but under 4 years"),
    Option(10, "4 years but under 5 years"),
    Option(11, "5 years but under 10 years"),
    Option(12, "10 years or more"),
    Option(6, "Don’t know", kind=DONT_KNOW, divider_before=True),
)
layear = Question(
    "layear",
    QuestionKind.RADIO,
    "How long has the household continuously lived in the local authority area of the new letting?",
    "Length of time in local authority area",
    number=81,
    options=(Option(1, "Just moved to local authority area with this new let"), *_DURATIONS),
)
waityear = Question(
    "waityear",
    QuestionKind.RADIO,
    "How long has the household been on the local authority housing register (or waiting list) for the area of the "
    "new letting?",
    "Length of time on local authority waiting list",
    number=82,
    options=(Option(13, "Household not on the housing register (or waiting list) in this area"), *_DURATIONS),
    derived_when=RENEWAL,
)

_LAST_SETTLED_HOME = (
    "The tenant’s ‘last settled home’ is their last long-standing home. For tenants who were in temporary "
    "accommodation, sleeping rough or otherwise homeless, their last settled home is where they were living "
    "immediately before that period."
)
_RENEWAL_NOTE = "You told us this letting is a renewal. We have removed some options because of this."
_END_OF_TENANCY = (
    Option(50, "End of social or private sector tenancy - no fault"),
    Option(51, "End of social or private sector tenancy - evicted due to anti-social behaviour (ASB)"),
    Option(52, "End of social or private sector tenancy - evicted due to rent arrears"),
    Option(53, "End of social or private sector tenancy - evicted for any other reason"),
)
_REASON_TEXT = "What is the tenant’s main reason for the household leaving their last settled home?"
_REASON_LABEL = "Reason for leaving last settled home"
reason = Question(
    "reason",
    QuestionKind.RADIO,
    _REASON_TEXT,
    _REASON_LABEL,
    hint=_LAST_SETTLED_HOME,
    number=83,
    options=(
        *_END_OF_TENANCY,
        Option(1, "Permanently decanted from another property owned by this landlord"),
        Option(2, "Left home country as a refugee"),
        Option(45, "Discharged from prison"),
        Option(46, "Discharged from long-stay hospital or similar institution"),
        Option(4, "Loss of tied accommodation"),
        Option(55, "Leaving foster care or children's home"),
        Option(9, "Asked to leave by family or friends"),
        Option(8, "Relationship breakdown (non-violent) with partner"),
        Option(44, "Death of household member in last settled accommodation"),
        Option(16, "To move nearer to family, friends or school"),
        Option(17, "To move nearer to work"),
        Option(48, "Domestic abuse - previously joint tenancy with partner"),
        Option(49, "Domestic abuse - other"),
        Option(56, "Non-domestic violence (e.g. gang violence)"),
        Option(57, "Cuckooing (property being used by others for illegal activity)"),
        Option(10, "Racial harassment"),
        Option(31, "Hate crime"),
        Option(11, "Other problems with neighbours"),
        Option(34, "Repossession"),
        Option(54, "Could no longer afford rent or mortgage"),
        Option(12, "Property unsuitable because of overcrowding"),
        Option(13, "Property unsuitable because of ill health or disability"),
        Option(14, "Property unsuitable because of poor condition"),
        Option(29, "Under occupation (offered incentive to downsize)"),
        Option(30, "Under occupation (no incentive)"),
        Option(18, "To move to accommodation with support"),
        Option(19, "To move to independent accommodation"),
        Option(47, "Tenant prefers not to say", kind=PREFERS_NOT_TO_SAY),
        Option(20, "Other"),
        Option(28, "Don’t know", kind=DONT_KNOW, divider_before=True),
    ),
)
reason_renewal = replace(
    reason,
    hint=f"{_LAST_SETTLED_HOME}\n\n{_RENEWAL_NOTE}",
    options=(
        *_END_OF_TENANCY,
        Option(20, "Other"),
        Option(47, "Tenant prefers not to say", kind=PREFERS_NOT_TO_SAY),
        Option(28, "Don’t know", kind=DONT_KNOW, divider_before=True),
    ),
)
reasonother = Question(
    "reasonother", QuestionKind.TEXT, "What is the reason?", number=83, revealed_by=("reason", frozenset({20}))
)
reasonother_value_check = replace(
    interruption("reasonother_value_check", "Are you sure this doesn’t fit an existing category?"),
    check_answers_label="Reason other confirmation",
)

_PREVTEN_TEXT = "Where was the household immediately before this letting?"
_PREVTEN_LABEL = "Where household was immediately before this letting"
_PREVTEN_HINT = "This is where the household was the night before they moved into this new let."
_SUPPORTED_PREVTEN = (
    Option(35, "Extra care housing"),
    Option(38, "Older people’s housing for tenants with low support needs"),
    Option(6, "Other supported housing"),
)
prevten = Question(
    "prevten",
    QuestionKind.RADIO,
    _PREVTEN_TEXT,
    _PREVTEN_LABEL,
    hint=_PREVTEN_HINT,
    number=84,
    options=(
        Option(30, "Fixed-term local authority general needs tenancy"),
        Option(32, "Fixed-term private registered provider (PRP) general needs tenancy"),
        Option(31, "Lifetime local authority general needs tenancy"),
        Option(33, "Lifetime private registered provider (PRP) general needs tenancy"),
        Option(40, "Other general needs"),
        *_SUPPORTED_PREVTEN,
        Option(27, "Owner occupation (low-cost home ownership)"),
        Option(26, "Owner occupation (private)"),
        Option(3, "Private sector tenancy"),
        Option(28, "Living with friends or family (long-term)"),
        Option(39, "Sofa surfing (moving regularly between family or friends, no permanent bed)"),
        Option(14, "Bed and breakfast"),
        Option(7, "Direct access hostel"),
        Option(10, "Hospital"),
        Option(29, "Prison or approved probation hostel"),
        Option(18, "Any other temporary accommodation"),
        Option(19, "Rough sleeping"),
        Option(21, "Refuge"),
        Option(13, "Children’s home or foster care"),
        Option(24, "Home Office Asylum Support"),
        Option(37, "Host family or similar refugee accommodation"),
        Option(23, "Mobile home or caravan"),
        Option(9, "Residential care home"),
        Option(4, "Tied housing or rented with job"),
        Option(25, "Any other accommodation"),
    ),
    # General needs renewals: set from the owning organisation's type (§4.2), not asked.
    derived_when=RENEWAL & GENERAL_NEEDS,
)
prevten_renewal = replace(prevten, hint=f"{_RENEWAL_NOTE}\n\n{_PREVTEN_HINT}", options=_SUPPORTED_PREVTEN)
homeless = Question(
    "homeless",
    QuestionKind.RADIO,
    "Did the household experience homelessness immediately before this letting?",
    "Household homeless immediately before letting",
    number=85,
    options=(Option(11, "Yes - assessed by a local authority as homeless"), Option(1, "No")),
)

_LAST_SETTLED_ACCOMMODATION = (
    "This is the tenant’s last long-standing home. It is where the tenant was living before any period in temporary "
    "accommodation, sleeping rough or otherwise homeless."
)
# The four previous-address questions keep their answers when their page is not shown (§0): on renewals they are
# copied from the property's address, and the local authority page hides itself once the postcode has given one.
ppcodenk = Question(
    "ppcodenk",
    QuestionKind.RADIO,
    "Do you know the postcode of the household’s last settled accommodation?",
    "Postcode of the household’s last settled accommodation",
    hint=_LAST_SETTLED_ACCOMMODATION,
    number=86,
    options=(Option(0, "Yes"), Option(1, "No", kind=DONT_KNOW)),
    keep_when_off_route=True,
)
ppostcode_full = Question(
    "ppostcode_full",
    QuestionKind.POSTCODE,
    "Postcode for the previous accommodation",
    "Postcode of household’s last settled accommodation",
    number=86,
    width=5,
    revealed_by=("ppcodenk", frozenset({0})),
    not_known_when=F("ppcodenk") == 1,
    keep_when_off_route=True,
)
previous_la_known = Question(
    "previous_la_known",
    QuestionKind.RADIO,
    "Do you know the local authority of the household’s last settled accommodation?",
    "Local authority of household’s last settled accommodation",
    hint=_LAST_SETTLED_ACCOMMODATION,
    number=87,
    options=(Option(1, "Yes"), Option(0, "No", kind=DONT_KNOW)),
    # Quirk §8 #7: kept. Optional whenever the PROPERTY's postcode is known (as coded nationally), which in 2026 is
    # nearly every log: requiring it would leave logs in progress that the national service completes, and bulk
    # upload files made for it would fail here. Reported to the standard's owners as a probable defect.
    optional_when=F("postcode_known") == 1,
    keep_when_off_route=True,
)
# The options are every local authority active at the start of the collection year (reference data), with
# Scotland, Wales, Northern Ireland and "Outside UK" (these four below); the service offers them from the register.
PREVIOUS_LA_OUTSIDE_ENGLAND: tuple[tuple[str, str], ...] = (
    ("S92000003", "Scotland"),
    ("W92000004", "Wales"),
    ("N92000002", "Northern Ireland"),
    ("9300000XX", "Outside the UK"),
)
prevloc = Question(
    "prevloc",
    QuestionKind.SELECT,
    "Select a local authority",
    "Location of household’s last settled accommodation",
    hint=(
        "Select ‘Northern Ireland’, ‘Scotland’, ‘Wales’ or ‘Outside the UK’ if the household’s last settled home was "
        "outside England."
    ),
    number=87,
    revealed_by=("previous_la_known", frozenset({1})),
    not_known_when=F("previous_la_known") == 0,
    keep_when_off_route=True,
)
reasonpref = Question(
    "reasonpref",
    QuestionKind.RADIO,
    "Was the household given ‘reasonable preference’ by the local authority?",
    "Household given reasonable preference",
    hint=(
        "Households may be given ‘reasonable preference’ for social housing under one or more specific categories by "
        "the local authority. This is also known as ‘priority need’."
    ),
    number=88,
    options=(Option(1, "Yes"), Option(2, "No"), Option(3, "Don’t know", kind=DONT_KNOW, divider_before=True)),
)
reasonable_preference_reason = Question(
    "reasonable_preference_reason",
    QuestionKind.CHECKBOX,
    "Why was the household given ‘reasonable preference’?",
    "Reason for reasonable preference",
    hint="Select all that apply.",
    number=89,
    options=(
        Option("rp_homeless", "They were homeless or about to lose their home (within 56 days)"),
        Option("rp_insan_unsat", "They were living in unsanitary, overcrowded or unsatisfactory housing"),
        Option("rp_medwel", "They needed to move due to medical and welfare reasons (including disability)"),
        Option("rp_hardship", "They needed to move to avoid hardship to themselves or others"),
        Option("rp_dontknow", "Don’t know", kind=DONT_KNOW, divider_before=True),
    ),
)
letting_allocation = Question(
    "letting_allocation",
    QuestionKind.CHECKBOX,
    "How was this letting allocated?",
    "Allocation system",
    hint="Select all that apply.",
    number=90,
    options=(
        Option(
            "cbl",
            "Choice-based lettings (CBL)",
            hint="Where available vacant properties are advertised and applicants are able to bid for specific "
            "properties.",
        ),
        Option(
            "cap",
            "Common Allocation Policy (CAP)",
            hint="Where a common system agreed between a group of housing providers is used to determine applicant’s "
            "priority for housing.",
        ),
        Option(
            "chr",
            "Common housing register (CHR)",
            hint="Where a single waiting list is used by a group of housing providers to receive and process housing "
            "applications. Providers may use different approaches to determine priority.",
        ),
        Option(
            "accessible_register",
            "Accessible housing register",
            hint="Where the ‘access category’ or another descriptor of whether an available vacant property meets a "
            "range of access needs is displayed to applicants during the allocations process.",
        ),
        Option("letting_allocation_unknown", "None of these allocation systems", divider_before=True),
    ),
)

_REFERRAL_TEXT = "What was the source of referral for this letting?"
_REFERRAL_LABEL = "Source of referral for letting"
# Quirk §8 #4: kept. Question numbers as the paper form: local authority register 91; PRP register, nominations and
# referring organisation all 92.
referral_register_la = Question(
    "referral_register",
    QuestionKind.RADIO,
    _REFERRAL_TEXT,
    _REFERRAL_LABEL,
    number=91,
    options=(
        Option(1, "Renewal to the same tenant in the same property"),
        Option(
            2,
            "Internal transfer from another property owned by the same local authority - for existing social tenants "
            "only",
        ),
        Option(3, "From a housing register (waiting list)"),
        Option(4, "Tenant applied directly (not via a nomination or housing register)"),
    ),
    derived_when=RENEWAL,
)
referral_register_prp = replace(
    referral_register_la,
    number=92,
    options=(
        Option(5, "Renewal to the same tenant in the same property"),
        Option(
            6,
            "From a local authority housing register (waiting list) or a register with local authority involvement",
        ),
        Option(7, "From a housing register (waiting list) with no local authority involvement"),
        Option(8, "Tenant applied directly (not via a nomination or waiting list)"),
        Option(9, "Don't know", kind=DONT_KNOW),
    ),
)
_PRP_INTERNAL_TRANSFER = (
    "Internal transfer from another property owned by the same PRP landlord - for existing social tenants only"
)
referral_noms_la_hr = Question(
    "referral_noms",
    QuestionKind.RADIO,
    _REFERRAL_TEXT,
    _REFERRAL_LABEL,
    number=92,
    options=(
        Option(1, "Nominated by a local authority to a PRP"),
        Option(2, "Supported housing only - referred by a local authority to a PRP"),
        Option(3, _PRP_INTERNAL_TRANSFER),
        Option(4, "Other"),
    ),
)
referral_noms_hr = replace(
    referral_noms_la_hr,
    options=(
        Option(5, _PRP_INTERNAL_TRANSFER),
        Option(6, "A different PRP landlord - for existing social tenants only"),
        Option(7, "Directly referred by a third party"),
        Option(8, "Other"),
    ),
)
referral_org_nominated = Question(
    "referral_org",
    QuestionKind.RADIO,
    _REFERRAL_TEXT,
    _REFERRAL_LABEL,
    number=92,
    options=(
        Option(1, "Referred to LA by health service"),
        Option(2, "Referred to LA by community learning disability team"),
        Option(3, "Referred to LA by community mental health team"),
        Option(4, "Referred to LA by adult social services"),
        Option(5, "Referred to LA by children's social care"),
        Option(6, "Referred to LA by police, probation, prison or youth offending team following a custodial sentence"),
        Option(7, "Referred to LA by police, probation, prison or youth offending team without a custodial sentence"),
        Option(8, "Referred to LA by a voluntary agency"),
        Option(9, "Other referral"),
        Option(10, "Don't know", kind=DONT_KNOW),
    ),
)
referral_org_directly_referred = replace(
    referral_org_nominated,
    options=(
        Option(11, "Health service"),
        Option(12, "Community learning disability team"),
        Option(13, "Community mental health team"),
        Option(14, "Adult social services"),
        Option(15, "Children's social care"),
        Option(16, "Police, probation, prison or youth offending team following a custodial sentence"),
        Option(17, "Police, probation, prison or youth offending team without a custodial sentence"),
        Option(18, "Voluntary agency"),
        Option(19, "Other third party"),
        Option(20, "Don't know", kind=DONT_KNOW),
    ),
)

# The soft check ROTH (§5.3): an "other" reason that looks like one of the listed reasons.
REASON_PHRASES = (
    "Decant",
    "Decanted",
    "Refugee",
    "Asylum",
    "Ukraine",
    "Ukrainian",
    "Army",
    "Military",
    "Domestic Abuse",
    "Domestic Violence",
    "DA",
    "DV",
    "Relationship breakdown",
    "Overcrowding",
    "Overcrowded",
    "Too small",
    "More space",
    "Bigger property",
    "Damp",
    "Mould",
    "Fire",
    "Repossession",
    "Death",
    "Deceased",
    "Passed away",
    "Prison",
    "Hospital",
)
# Quirk §8 #18: fixed. The national pattern is \b[^[:alpha]]*PHRASE[^[:alpha:]]*\b, whose first class lacks a colon
# and so means "any character but : a l p h": "xDA" or "Sunda" match "DA". We restore the intended class, so a phrase
# matches only as a word or words of its own, wherever it appears, with any surrounding non-letters.
_NOT_LETTER = r"[\W\d_]"
_REASON_PATTERN = re.compile(
    "|".join(rf"\b{_NOT_LETTER}*{re.escape(phrase)}{_NOT_LETTER}*\b" for phrase in REASON_PHRASES), re.IGNORECASE
)


def _looks_like_listed_reason(answers: Mapping[str, Any], context: Any) -> bool:
    text = answers.get("reasonother")
    return isinstance(text, str) and _REASON_PATTERN.search(text) is not None


REASON_OTHER_LOOKS_LISTED: Condition = Pred(
    "the other reason for leaving contains a phrase of a listed reason (ROTH)",
    _looks_like_listed_reason,
    reads=("reasonother",),
)

# Pages (§2.6), in order

PAGES: tuple[Page, ...] = (
    Page("time_lived_in_local_authority", (layear,)),
    Page("time_on_waiting_list", (waityear,), shown_when=NEW_LETTING),
    Page("reason_for_leaving_last_settled_home", (reason, reasonother), shown_when=NEW_LETTING),
    Page("reason_for_leaving_last_settled_home_renewal", (reason_renewal, reasonother), shown_when=RENEWAL),
    Page(
        "reasonother_value_check",
        (reasonother_value_check,),
        shown_when=REASON_OTHER_LOOKS_LISTED,
        confirms="ROTH",
    ),
    Page("previous_housing_situation", (prevten,), shown_when=NOT_RENEWAL),
    Page("previous_housing_situation_renewal", (prevten_renewal,), shown_when=RENEWAL & SUPPORTED_HOUSING),
    Page("homelessness", (homeless,)),
    Page("previous_postcode", (ppcodenk, ppostcode_full), shown_when=NEW_LETTING),
    Page(
        "previous_local_authority",
        (previous_la_known, prevloc),
        # As coded: shown only once the flag is known to be false (not when it has never been set).
        shown_when=(F("is_previous_la_inferred") == False) & NEW_LETTING,  # noqa: E712
    ),
    Page("reasonable_preference", (reasonpref,)),
    Page("reasonable_preference_reason", (reasonable_preference_reason,), shown_when=F("reasonpref") == 1),
    Page("allocation_system", (letting_allocation,)),
    Page("referral_register_la", (referral_register_la,), shown_when=OWNED_BY_LOCAL_AUTHORITY & NOT_RENEWAL),
    Page("referral_register_prp", (referral_register_prp,), shown_when=PRP_REFERRAL),
    Page("referral_noms_la_hr", (referral_noms_la_hr,), shown_when=PRP_REFERRAL & (F("referral_register") == 6)),
    Page("referral_noms_hr", (referral_noms_hr,), shown_when=PRP_REFERRAL & (F("referral_register") == 7)),
    Page(
        "referral_org_nominated",
        (referral_org_nominated,),
        shown_when=PRP_REFERRAL & (F("referral_register") == 6) & (F("referral_noms") == 1),
    ),
    Page(
        "referral_org_directly_referred",
        (referral_org_directly_referred,),
        shown_when=PRP_REFERRAL & (F("referral_register") == 7) & (F("referral_noms") == 7),
    ),
)
SUBSECTION = Subsection("household_situation", "Household situation", PAGES, enabled_when=SETUP_DONE)

# Checks (§5.2, §5.3)

_PREVTEN_LABELS: dict[Any, str] = {option.code: option.label for option in prevten.options}


def _prevten_label(answers: Mapping[str, Any]) -> str:
    code = answers.get("prevten")
    return _PREVTEN_LABELS.get(code, "") if isinstance(code, int) else ""


def _internal_transfer_prevten(answers: Mapping[str, Any], context: Any) -> str:
    return (
        f"Answer cannot be {_prevten_label(answers)} as this tenancy is an internal transfer. Internal transfers are "
        "for existing social tenants only; your answer to where the household was immediately before this letting "
        "shows the tenant was not in the social sector immediately prior to this letting."
    )


def _internal_transfer_referral(answers: Mapping[str, Any], context: Any) -> str:
    return (
        "Answer cannot be internal transfer as the household situation immediately before this letting was "
        f"{_prevten_label(answers)}. Internal transfers are for existing social tenants only; your answer to where "
        "the household was immediately before this letting shows the tenant was not in the social sector "
        "immediately prior to this letting."
    )


def _has_owner(answers: Mapping[str, Any], context: Any) -> bool:
    return isinstance(context, LettingsContext) and context.owning_organisation is not None


def _property_la(answers: Mapping[str, Any], context: Any) -> str | None:
    """The property's local authority as the national `la` reader gives it: the answer, else the location's (§4.3)."""
    la = answers.get("la")
    if isinstance(la, str) and la:
        return la
    location = context.location if isinstance(context, LettingsContext) else None
    if answers.get("location_id") is not None and location is not None and location.local_authority_code:
        return location.local_authority_code
    return None


def _property_postcode(answers: Mapping[str, Any], context: Any) -> str | None:
    """The property's postcode as the national `postcode_full` reader gives it: the answer, else the location's."""
    postcode = answers.get("postcode_full")
    if isinstance(postcode, str) and postcode:
        return postcode
    location = context.location if isinstance(context, LettingsContext) else None
    if answers.get("location_id") is not None and location is not None and location.postcode:
        return location.postcode
    return None


SAME_LA_JUST_MOVED: Condition = Pred(
    "the property's local authority is the previous one",
    lambda a, c: (la := _property_la(a, c)) is not None and a.get("prevloc") == la,
    reads=("la", "location_id", "prevloc"),
)

# H3: the national pattern \A[^[:alpha:]]*PHRASE[^[:alpha:]]*\Z, case-insensitive: the whole answer is the phrase.
HOMELESSNESS_PHRASES = (
    "Homeless",
    "Homelessness",
    "Temporary accommodation",
    "Temp accommodation",
    "TA",
    "Sleeping rough",
    "Rough sleeping",
)
_HOMELESSNESS_PATTERN = re.compile(
    rf"{_NOT_LETTER}*(?:{'|'.join(re.escape(p) for p in HOMELESSNESS_PHRASES)}){_NOT_LETTER}*", re.IGNORECASE
)


def _other_reason_is_homelessness(answers: Mapping[str, Any], context: Any) -> bool:
    text = answers.get("reasonother")
    return isinstance(text, str) and _HOMELESSNESS_PATTERN.fullmatch(text) is not None


_OTHER_MISSING = "If reason is other then reasonother must be provided."
_OTHER_NOT_REQUIRED = "reasonother must not be provided if reason was not other."


def _other_reason_message(answers: Mapping[str, Any], context: Any) -> str:
    return _OTHER_MISSING if answers.get("reason") == 20 else _OTHER_NOT_REQUIRED


def _roth_message(answers: Mapping[str, Any], context: Any) -> str:
    return (
        "You told us that the tenant’s main reason for leaving their last settled home was "
        f"{answers.get('reasonother', '')}. The reason you have entered looks very similar to one of the existing "
        "response categories. Please check the categories and select the appropriate one. If the existing categories "
        "are not suitable, please confirm here to move onto the next question."
    )


_SAME_LA_PROPERTY = (
    "You told us the tenant had just moved into the local authority, but this location is in the same local "
    "authority. Check your answers are correct"
)
_SAME_LA_PREVIOUS = (
    "The local authority of the previous property should not be the same as the current local authority, as you "
    "told us they had just moved to the local authority area. Check your answers are correct."
)

CHECKS: tuple[Check, ...] = (
    Check(
        "H2",
        Severity.HARD,
        ((F("reason") == 20) & F("reasonother").missing()) | ((F("reason") != 20) & F("reasonother").answered()),
        {"reason": _other_reason_message, "reasonother": _other_reason_message},
        description=(
            "The reason for leaving is 'Other' but no reason is given, or a reason is given although the reason "
            "for leaving is not 'Other'"
        ),
        decision=(
            "One check for both halves of the rule, so the reason question also carries the second half's message "
            "(nationally only the text is flagged then): the engine flags the same fields whichever half holds."
        ),
    ),
    Check(
        "H3",
        Severity.HARD,
        (F("reason") == 20)
        & Pred(
            "the other reason is only a word for homelessness",
            _other_reason_is_homelessness,
            reads=("reasonother",),
        ),
        {
            "reason": (
                "Please give the reason for the tenant leaving their last settled home. This is where they were living "
                "before they became homeless, were living in temporary accommodation or sleeping rough."
            )
        },
        description=(
            "The other reason for leaving is just homelessness, temporary accommodation or rough sleeping "
            "(ignoring case and surrounding non-letters)"
        ),
    ),
    Check(
        "H7",
        Severity.HARD,
        (F("rsnvac") == 9) & F("prevten").one_of(4, 6, 8, 24, 25, 34, 35),
        {
            "prevten": (
                "Answer cannot be non-temporary accommodation as this is a re-let to a tenant who occupied the same "
                "property as temporary accommodation."
            )
        },
        description=(
            "A re-let to a tenant who occupied the same property as temporary accommodation, but the household came "
            "from accommodation that is not temporary"
        ),
    ),
    Check(
        "H8",
        Severity.HARD,
        (F("age1") > 25) & (F("prevten") == 13),
        {
            "prevten": "Answer cannot be a children’s home or foster care as the lead tenant is 26 or older.",
            "age1": (
                "The lead tenant must be under 26 as you told us their housing situation immediately before this "
                "letting was a children’s home or foster care."
            ),
        },
        description="The household came from a children's home or foster care but the lead tenant is over 25",
    ),
    Check(
        "H9",
        Severity.HARD,
        Pred("the owning organisation is known", _has_owner)
        & INTERNAL_TRANSFER
        & F("prevten").answered()
        & F("prevten").not_one_of(*SOCIAL_HOUSING_PREVTEN),
        {
            "prevten": _internal_transfer_prevten,
            "referral_register": _internal_transfer_referral,
            "referral_noms": _internal_transfer_referral,
        },
        description="An internal transfer, but the household was not in social housing immediately before",
    ),
    Check(
        "H10",
        Severity.HARD,
        (F("previous_la_known") == 1) & F("prevloc").missing(),
        {"prevloc": "Enter name of local authority."},
        description="The previous local authority is known but not given",
    ),
    Check(
        "H11",
        Severity.HARD,
        (F("renewal") == 1) & (F("layear") == 1),
        {
            "layear": ("The household cannot have just moved to the local authority area if this letting is a renewal"),
            "renewal": "This letting cannot be a renewal if the household has just moved to the local authority area",
        },
        description="A renewal, but the household has just moved to the local authority area",
    ),
    Check(
        "H12",
        Severity.HARD,
        (F("layear") == 1) & F("startdate").answered() & SAME_LA_JUST_MOVED,
        {
            "layear": (
                "You told us this tenant previously lived in this local authority. Check your answers are correct."
            ),
            "la": _SAME_LA_PROPERTY,
            "postcode_full": _SAME_LA_PROPERTY,
            "uprn": _SAME_LA_PROPERTY,
            "uprn_selection": _SAME_LA_PROPERTY,
            "ppostcode_full": _SAME_LA_PREVIOUS,
            "prevloc": _SAME_LA_PREVIOUS,
            "scheme_id": _SAME_LA_PROPERTY,
            "location_id": _SAME_LA_PROPERTY,
        },
        description=(
            "The household has just moved to the local authority area, but the previous local authority is the "
            "property's"
        ),
        decision=(
            "Nationally the scheme and location messages are not reported by bulk upload; a check is reported by "
            "bulk upload or not as a whole, so here they are (the scheme and location columns are flagged too)."
        ),
    ),
    previous_postcode_format_check("P11"),
    Check(
        "ROTH",
        Severity.SOFT,
        REASON_OTHER_LOOKS_LISTED,
        {"reason": _roth_message, "reasonother": _roth_message},
        description=(
            "The other reason for leaving contains, as a word or words of its own and ignoring case, a phrase of a "
            "listed reason: " + ", ".join(REASON_PHRASES)
        ),
        confirm_field="reasonother_value_check",
        affects=("reason", "reasonother"),
        decision=(
            "Quirk §8 #18: fixed. The national pattern's first character class misses a colon ([:alpha] instead of "
            '[:alpha:]) so a phrase also matched after most letters ("xDA", "Sunda"); here a phrase must stand '
            "as a word of its own, as intended."
        ),
    ),
)

# Derivations (§4.1, §4.2)


def _refdata(context: Any) -> PostcodeLookup | None:
    return context.refdata if isinstance(context, LettingsContext) else None


def _was_renewal_value(
    answers: Mapping[str, Any], previous: Mapping[str, Any] | None, name: str, value: Any, *conditions: str
) -> bool:
    """The log has just stopped being in the state that derived `value` for `name`, and still holds that value.

    Nationally the value is cleared whatever it is; here only while it is unchanged by this same edit, so an answer
    given along with the change (through the API, say) is not lost. In the web form the two are the same.
    """
    if previous is None or previous.get("renewal") != 1:
        return False
    changed = any(answers.get(c) != previous.get(c) for c in ("renewal", *conditions))
    return changed and answers.get(name) == value and previous.get(name) == value


def _derive_on_renewal(name: str, value: int) -> Derivation:
    """A value of the renewal row of DEPENDENCIES_2026 (§4.1): set on renewals, cleared when it stops being one."""

    def apply(answers: MutableMapping[str, Any], context: Any, previous: Mapping[str, Any] | None) -> None:
        if answers.get("renewal") == 1:
            answers[name] = value
        elif _was_renewal_value(answers, previous, name, value):
            answers[name] = None

    return Derivation(
        f"{name}_renewal",
        f"{name} is {value} on a renewal; the value is cleared when the log stops being a renewal",
        (name,),
        ("renewal", name),
        apply,
    )


# Quirk §8 #2: kept. Renewals get referral_register 1, the local authority code for "Renewal…", even when the owner is
# a private registered provider (whose own code is 5): national data records every renewal as 1 and statistics read
# it so; the question is not asked on renewals, so no user sees the code.
_referral_register_renewal = _derive_on_renewal("referral_register", 1)
_waityear_renewal = _derive_on_renewal("waityear", 2)


def _prevten_renewal(answers: MutableMapping[str, Any], context: Any, previous: Mapping[str, Any] | None) -> None:
    """§4.2: general needs renewals came from the owner's general needs stock; cleared when that stops."""
    if previous is not None and previous.get("needstype") == 1:
        managing = context.managing_organisation if isinstance(context, LettingsContext) else None
        prevten_value = previous.get("prevten")
        if managing is not None and _was_renewal_value(answers, previous, "prevten", prevten_value, "needstype"):
            answers["prevten"] = None
    if answers.get("renewal") == 1 and answers.get("needstype") == 1:
        # Without a known owner there is nothing to derive; the question is not asked either way.
        answers["prevten"] = {PRIVATE_REGISTERED_PROVIDER: 32, LOCAL_AUTHORITY: 30}.get(
            owner_provider_type(context) or 0
        )


def _previous_location_renewal(
    answers: MutableMapping[str, Any], context: Any, previous: Mapping[str, Any] | None
) -> None:
    """§4.2: on a renewal the household's last settled home is this property."""
    if answers.get("renewal") != 1:
        return
    answers["ppostcode_full"] = _property_postcode(answers, context)
    known = answers.get("postcode_known")
    answers["ppcodenk"] = {0: 1, 1: 0}.get(known) if isinstance(known, int) else None
    inferred = answers.get("is_la_inferred")
    answers["is_previous_la_inferred"] = inferred if isinstance(inferred, bool) else None
    la = _property_la(answers, context)
    answers["previous_la_known"] = 1 if la else None
    answers["prevloc"] = la


def _new_old(answers: MutableMapping[str, Any], context: Any, previous: Mapping[str, Any] | None) -> None:
    """§4.2: 2 for a tenant already in social housing, else 1 (nothing without a start date)."""
    if answers.get("startdate") is None:
        answers["new_old"] = None
        return
    came_from = answers.get("prevten")
    social = isinstance(came_from, int) and came_from in EXISTING_SOCIAL_TENANT_PREVTEN
    # The legacy `referral` (1 or 10 also meant an existing tenant) is not collected in 2026.
    answers["new_old"] = 2 if social else 1


_LA_REFERRAL_CODES = frozenset(o.code for o in referral_register_la.options)
_PRP_REFERRAL_CODES = frozenset(o.code for o in referral_register_prp.options)


def _referral_register_provider_change(
    answers: MutableMapping[str, Any], context: Any, previous: Mapping[str, Any] | None
) -> None:
    """§4.1 step 11: a new owning organisation of the other provider type resets the source of referral.

    The context describes only the current owner, so the previous owner's type is read from the code held: the two
    types' codes do not overlap. (The engine already clears a code not offered to the current owner; this rule says
    why, for the change.) Renewals are left to the renewal rule, which gives 1 whatever the owner.
    """
    if previous is None or answers.get("renewal") == 1:
        return
    before, now = previous.get("owning_organisation_id"), answers.get("owning_organisation_id")
    if before is None or now is None or before == now:
        return
    code = answers.get("referral_register")
    if not isinstance(code, int):
        return
    owner_type = owner_provider_type(context)
    if (owner_type == LOCAL_AUTHORITY and code in _PRP_REFERRAL_CODES) or (
        owner_type == PRIVATE_REGISTERED_PROVIDER and code in _LA_REFERRAL_CODES
    ):
        answers["referral_register"] = None


DERIVATIONS: tuple[Derivation, ...] = (
    *previous_postcode_derivations(_refdata),
    _waityear_renewal,
    _referral_register_renewal,
    Derivation(
        "prevten_renewal",
        "On a general needs renewal the household came from the owner's general needs stock: 32 (PRP) or 30 (local "
        "authority); cleared when a general needs renewal stops being one",
        ("prevten",),
        ("renewal", "needstype", "prevten"),
        _prevten_renewal,
    ),
    Derivation(
        "previous_location_renewal",
        "On a renewal the previous address is the property's: ppostcode_full, ppcodenk, is_previous_la_inferred, "
        "previous_la_known and prevloc follow postcode_full, postcode_known, is_la_inferred and la",
        ("ppostcode_full", "ppcodenk", "is_previous_la_inferred", "previous_la_known", "prevloc"),
        ("renewal", "postcode_full", "postcode_known", "is_la_inferred", "la", "location_id"),
        _previous_location_renewal,
    ),
    Derivation(
        "new_old",
        "2 (existing social tenant) when prevten is 6, 30, 31, 32, 33, 34 or 35, else 1 (new to social housing); "
        "nothing without a start date",
        ("new_old",),
        ("startdate", "prevten"),
        _new_old,
    ),
    checkbox_zeros(reasonable_preference_reason),
    checkbox_zeros(letting_allocation),
    Derivation(
        "referral_register_provider_change",
        "When the owning organisation changes to one of the other provider type, the source of referral is reset",
        ("referral_register",),
        ("owning_organisation_id", "referral_register", "renewal"),
        _referral_register_provider_change,
    ),
)
