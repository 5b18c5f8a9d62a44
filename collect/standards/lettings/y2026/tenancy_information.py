"""Tenancy information (lettings 2026/27): pages, checks and derivations (lettings-2026.md §2.3, §3.3, §5.2, §5.3)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from collect.rulebook import Check, Derivation, F, Option, Page, Pred, Question, QuestionKind, Severity, Subsection
from collect.rulebook.conditions import Condition
from collect.rulebook.declaration import OptionKind
from collect.standards.answers import interruption
from collect.standards.lettings.y2026.common import (
    GENERAL_NEEDS,
    SETUP_DONE,
    SOCIAL_OR_AFFORDABLE_RENT,
    SUPPORTED_HOUSING,
)

ANY = Mapping[str, Any]

# Questions (§3.3)

joint = Question(
    "joint",
    QuestionKind.RADIO,
    "Is this a joint tenancy?",
    "Joint tenancy",
    hint="This is where two or more people are named on the tenancy agreement",
    number=25,
    options=(
        Option(1, "Yes"),
        Option(2, "No"),
        Option(3, "Don’t know", kind=OptionKind.DONT_KNOW, divider_before=True),
    ),
)
startertenancy = Question(
    "startertenancy",
    QuestionKind.RADIO,
    "Is this a starter tenancy?",
    "Starter or introductory tenancy",
    hint="If the tenancy has an ‘introductory period’, answer ‘yes’.\n\nYou should submit a CORE log at the beginning "
    "of the starter tenancy or introductory period, with the best information you have at the time. You do not need "
    "to submit a log when a tenant later rolls onto the main tenancy.",
    number=26,
    options=(Option(1, "Yes"), Option(2, "No")),
)
FIXED_TERM_HINT = "Fixed term tenancies are intended to be for a set amount of time up to 20 years."
TENANCY_OPTIONS = (
    Option(
        4,
        "Assured Shorthold Tenancy (AST) – Fixed term",
        hint=f"These are mostly provided by housing associations. {FIXED_TERM_HINT}",
    ),
    Option(6, "Secure – fixed term", hint=f"These are mostly provided by local authorities. {FIXED_TERM_HINT}"),
    Option(2, "Assured – lifetime"),
    Option(7, "Secure – lifetime"),
    Option(
        8,
        "Periodic",
        hint="These are rolling tenancies with no fixed end date. They may have an initial fixed term and then become "
        "rolling.",
    ),
    Option(5, "Licence agreement", hint="These are mostly used for Supported Housing and work on a rolling basis."),
    Option(3, "Other"),
)
tenancy = Question(
    "tenancy", QuestionKind.RADIO, "What is the type of tenancy?", "Type of tenancy", number=27, options=TENANCY_OPTIONS
)
starter_tenancy = replace(tenancy, hint="This is for the main tenancy after any starter or introductory period.")
tenancyother = Question(
    "tenancyother",
    QuestionKind.TEXT,
    "Please state the type of tenancy",
    "Type of tenancy (other)",
    number=27,
    revealed_by=("tenancy", frozenset({3})),
)
tenancyother_value_check = replace(
    interruption("tenancyother_value_check", ""), check_answers_label="Tenancy other confirmation"
)
FIXED_TERM: Condition = F("tenancy").one_of(4, 6)
NOT_INTRODUCTORY = "Do not include the starter or introductory period."
tenancylength = Question(
    "tenancylength",
    QuestionKind.NUMERIC,
    "What is the length of the fixed-term tenancy to the nearest year?",
    "Length of fixed-term tenancy",
    hint=NOT_INTRODUCTORY,
    number=28,
    minimum=0,
    maximum=150,
    step=1,
    width=2,
    # Optional unless the tenancy is fixed-term (§7.2).
    optional_when=F("tenancy").not_one_of(4, 6),
)
tenancylength_affordable_rent = replace(
    tenancylength,
    hint=f"{NOT_INTRODUCTORY}\n\nThe minimum period is 2 years for social or affordable rent general needs logs. You "
    "do not need to submit CORE logs for these types of tenancies if they are shorter than 2 years.",
)
tenancylength_intermediate_rent = replace(
    tenancylength,
    hint=f"{NOT_INTRODUCTORY}\n\nThe minimum period is 1 year for intermediate rent general needs logs. You do not "
    "need to submit CORE logs for these types of tenancies if they are shorter than 1 year.",
)
tenancylength_periodic = replace(
    tenancylength,
    text="What is the length of the periodic tenancy to the nearest year?",
    check_answers_label="Length of periodic tenancy",
    hint="As this is a periodic tenancy, this question is optional. If you do not have the information available "
    "click save and continue",
)

# TOTH (§5.3): the other tenancy type names an introductory or starter period.
#
# Quirk §8 #18: fixed. The national service builds `\b[^[:alpha]]*PHRASE[^[:alpha:]]*\b` (a missing colon makes the
# first class "not one of : a l p h"), so a phrase glued to other letters before it ("nonstarter") or followed by
# digits ("starter1") also matches. We match the phrase as a whole word, case-insensitively — the intended behaviour
# — as a soft warning gains nothing from those false alarms and nothing downstream depends on them.
INTRODUCTORY_OR_STARTER = re.compile(r"\b(?:introductory|intro|starter)\b", re.IGNORECASE)


def _names_starter_period(answers: ANY, context: Any) -> bool:
    other = answers.get("tenancyother")
    return isinstance(other, str) and bool(INTRODUCTORY_OR_STARTER.search(other))


TOTH = Pred(
    "the other tenancy type contains the word 'introductory', 'intro' or 'starter' (TOTH)",
    _names_starter_period,
    reads=("tenancyother",),
)

PAGES: tuple[Page, ...] = (
    Page("joint", (joint,)),
    Page("starter_tenancy", (startertenancy,)),
    Page("tenancy_type", (tenancy, tenancyother), shown_when=F("startertenancy") != 1),
    Page("starter_tenancy_type", (starter_tenancy, tenancyother), shown_when=F("startertenancy") == 1),
    Page("tenancyother_value_check", (tenancyother_value_check,), shown_when=TOTH, confirms="TOTH"),
    Page("tenancy_length", (tenancylength,), shown_when=FIXED_TERM & SUPPORTED_HOUSING),
    Page(
        "tenancy_length_affordable_rent",
        (tenancylength_affordable_rent,),
        shown_when=FIXED_TERM & SOCIAL_OR_AFFORDABLE_RENT & GENERAL_NEEDS,
    ),
    Page(
        "tenancy_length_intermediate_rent",
        (tenancylength_intermediate_rent,),
        shown_when=FIXED_TERM & ~SOCIAL_OR_AFFORDABLE_RENT & GENERAL_NEEDS,
    ),
    Page("tenancy_length_periodic", (tenancylength_periodic,), shown_when=F("tenancy") == 8),
)
SUBSECTION = Subsection("tenancy_information", "Tenancy information", PAGES, enabled_when=SETUP_DONE)
DERIVATIONS: tuple[Derivation, ...] = ()  # renttype, which the length pages read, is derived with the setup answers

# Checks (§5.2 T1–T7, §5.3 TOTH)


def _length_outside(low: int) -> Condition:
    return (F("tenancylength") < low) | (F("tenancylength") > 99)


def _length_message(low: int) -> str:
    return f"Enter a tenancy length between {low} and 99 years for a tenancy of this type."


def _other_tenancy_message(answers: ANY, context: Any) -> str:
    if answers.get("tenancy") == 3:
        return "If tenancy type is other then other tenancy type must be provided."
    return "other tenancy type must not be provided if tenancy type was not other."


PERIODIC_LENGTH = (
    "Enter a tenancy length between 1 and 99 years (or don't specify the length) for a tenancy of this type."
)

# T5 ("a length for a tenancy that is not fixed-term or periodic") is not declared: it is inert in 2026. The length
# is only asked for fixed-term and periodic tenancies, so for any other tenancy its pages are not shown and it is
# cleared before any check runs (as in the national service, which clears before validating).
CHECKS: tuple[Check, ...] = (
    Check(
        "T1",
        Severity.HARD,
        FIXED_TERM & SUPPORTED_HOUSING & _length_outside(1),
        {field: _length_message(1) for field in ("needstype", "tenancylength", "tenancy")},
        description="A fixed-term supported housing tenancy lasts 1 to 99 years.",
    ),
    Check(
        "T2",
        Severity.HARD,
        FIXED_TERM & GENERAL_NEEDS & SOCIAL_OR_AFFORDABLE_RENT & _length_outside(2),
        {field: _length_message(2) for field in ("needstype", "rent_type", "tenancylength", "tenancy")},
        description="A fixed-term general needs social or affordable rent tenancy lasts 2 to 99 years.",
    ),
    Check(
        "T3",
        Severity.HARD,
        FIXED_TERM & GENERAL_NEEDS & ~SOCIAL_OR_AFFORDABLE_RENT & _length_outside(1),
        {field: _length_message(1) for field in ("needstype", "rent_type", "tenancylength", "tenancy")},
        description="A fixed-term general needs tenancy of another rent type lasts 1 to 99 years.",
    ),
    Check(
        "T4",
        Severity.HARD,
        (F("tenancy") == 8) & _length_outside(1),
        {"tenancylength": PERIODIC_LENGTH, "tenancy": PERIODIC_LENGTH},
        description="A periodic tenancy's length, if given, is 1 to 99 years.",
    ),
    Check(
        "T6",
        Severity.HARD,
        ((F("tenancy") == 3) & F("tenancyother").missing()) | ((F("tenancy") != 3) & F("tenancyother").answered()),
        {"tenancy": _other_tenancy_message, "tenancyother": _other_tenancy_message},
        description="The other tenancy type is given exactly when the tenancy type is 'other'.",
        decision="When a type is given for a tenancy that is not 'other', the standard flags only the other type; "
        "the engine flags a fixed set of fields, so the tenancy type gets the same message.",
    ),
    Check(
        "T7",
        Severity.HARD,
        (F("joint") == 1) & (F("hhmemb") == 1) & F("startdate").answered(),
        {
            "joint": "This cannot be a joint tenancy as you've told us there’s only one person in the household.",
            "hhmemb": "There must be more than one person in the household as you've told us this is a joint tenancy.",
        },
        description="A joint tenancy has more than one person in the household.",
    ),
    Check(
        "TOTH",
        Severity.SOFT,
        TOTH,
        {
            "tenancyother": lambda a, c: (
                f"You told us that the type of tenancy was {a.get('tenancyother')}. We already know whether the "
                "tenancy is introductory or has a starter period from your previous answer. Your answer to the type "
                "of main tenancy question should be the type of tenancy that the tenant will roll onto after any "
                "introductory or starter period. Choose from the categories or write a description if no category is "
                "suitable."
            )
        },
        description="The other tenancy type looks like an introductory or starter period, which the starter tenancy "
        "question already records.",
        confirm_field="tenancyother_value_check",
        affects=("startertenancy", "tenancy", "tenancyother"),
        decision="Quirk §8 #18: fixed — the phrase must be a whole word (see INTRODUCTORY_OR_STARTER).",
    ),
)
