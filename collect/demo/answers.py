"""Varied answers for 2026/27 general needs lettings logs, for demo data and load benchmarks (no database).

The answers start from the declaration's complete general needs example and change what differs from one letting to
the next: dates, address and local authority, household, income and rent. They only choose answers; what the answers
mean (routing, derived values, checks, status) is left to the rulebook, which judges every log made from them.
"""

from __future__ import annotations

import datetime
import random
from decimal import Decimal
from typing import Any

from collect.rulebook import Evaluator
from collect.standards.lettings.y2026 import examples

# Postcodes in the ONS data (collect.standards.postcodes), so the rulebook infers their local authorities.
POSTCODES = (
    "LS1 1AA",
    "LS6 2AA",
    "SW1A 1AA",
    "B1 1BB",
    "M1 1AE",
    "S1 2HH",
    "NE1 7RU",
    "BS1 5TR",
    "L1 8JQ",
    "NG1 5FW",
    "TS24 7BT",
    "CB2 1TN",
    "EX1 1HS",
    "PL1 2AA",
    "YO1 7HH",
)
STREETS = ("Brick Lane", "Station Road", "Church Street", "Park Avenue", "Mill Lane", "Victoria Road", "The Green")
TOWNS = ("Leeds", "London", "Birmingham", "Manchester", "Sheffield", "Newcastle", "Bristol", "Liverpool")
PERSON_2 = ("details_known_2", "age2_known", "age2", "relat2", "sexrab2", "gender_same_as_sex2", "ecstat2")
LOCAL_AUTHORITY = 1  # the provider type of councils (OrganisationFacts.provider_type)
SETUP_DEFAULTS = ("owning_organisation_id", "managing_organisation_id", "assigned_to_id")


def _pennies(rng: random.Random, low: int, high: int) -> Decimal:
    return Decimal(rng.randrange(low * 100, high * 100)) / 100


def complete_answers(
    rng: random.Random,
    *,
    number: int,
    owner_id: int,
    manager_id: int,
    assigned_id: int,
    owner_provider_type: int,
    first_day: datetime.date,
    last_day: datetime.date,
) -> dict[str, Any]:
    """The answers of a whole general needs letting, varied by `rng`, numbered `number` in its tenancy code."""
    answers = dict(examples.GENERAL_NEEDS)
    start = first_day + datetime.timedelta(days=rng.randrange(max((last_day - first_day).days, 0) + 1))
    answers.update(
        owning_organisation_id=owner_id,
        managing_organisation_id=manager_id,
        assigned_to_id=assigned_id,
        startdate=start,
        voiddate=start - datetime.timedelta(days=rng.randrange(7, 300)),
        tenancycode=f"GEN-{number:07d}",
        propcode=f"P{rng.randrange(1, 50_000):05d}",
        address_line1=f"{rng.randrange(1, 200)} {rng.choice(STREETS)}",
        town_or_city=rng.choice(TOWNS),
        postcode_full=rng.choice(POSTCODES),
        ppostcode_full=rng.choice(POSTCODES),
        beds=rng.randrange(1, 5),
        age1=rng.randrange(18, 75),
        sexrab1=rng.choice("FM"),
        ecstat1=rng.choice((1, 1, 2)),
        earnings=rng.randrange(200, 900),
        brent=_pennies(rng, 70, 160),
        scharge=_pennies(rng, 0, 25),
    )
    if owner_provider_type == LOCAL_AUTHORITY:  # a council's referral sources are coded differently (spec §3.6)
        answers["referral_register"] = 3
        answers.pop("referral_noms", None)
    if rng.random() < 0.45:  # a tenant living alone
        answers["hhmemb"] = 1
        for key in PERSON_2:
            answers.pop(key, None)
    else:
        answers.update(age2=rng.randrange(18, 75), sexrab2=rng.choice("FM"), ecstat2=rng.choice((1, 2, 2)))
    return answers


def confirmations(engine: Evaluator) -> dict[str, Any]:
    """Every soft check confirmed, as a person confirms each one the form shows them.

    The rulebook clears the confirmations of checks that do not fire (their pages are not shown), so adding them to
    any answers gives what a person who confirmed every interruption on their way would have.
    """
    return {check.confirm_field: 0 for check in engine.collection.checks if check.confirm_field}


def partly_answered(engine: Evaluator, answers: dict[str, Any], pages_done: int) -> dict[str, Any]:
    """The answers a person has given after filling in the first `pages_done` pages of the form, in order."""
    done: set[str] = set()
    for index, page in enumerate(engine.collection.pages):
        if index >= pages_done:
            break
        done.update(key for question in page.questions for key in question.answer_ids)
    return {key: value for key, value in answers.items() if key in done or key in SETUP_DEFAULTS}


def page_count(engine: Evaluator) -> int:
    """How many pages the form has, shown or not."""
    return len(engine.collection.pages)
