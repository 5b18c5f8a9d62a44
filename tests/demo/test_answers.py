from __future__ import annotations

import datetime
import random

from django.conf import settings

from collect.demo import answers as varied
from collect.rulebook import Status
from collect.standards.facts import OrganisationFacts
from collect.standards.lettings.context import LettingsContext
from collect.standards.refdata_files import FileReferenceData
from collect.standards.registry import evaluator

ENGINE = evaluator("lettings-2026")


def _answers(seed, provider_type=2):
    return varied.complete_answers(
        random.Random(seed),
        number=seed,
        owner_id=1,
        manager_id=1,
        assigned_id=10,
        owner_provider_type=provider_type,
        first_day=datetime.date(2026, 4, 1),
        last_day=datetime.date(2026, 11, 21),
    )


def _context(provider_type):
    owner = OrganisationFacts(1, "Owner", provider_type, rent_periods=frozenset(range(1, 12)))
    return LettingsContext(
        today=datetime.date(2026, 11, 21),
        refdata=FileReferenceData(settings.COLLECT_REFDATA_DIR),
        owning_organisation=owner,
        managing_organisation=owner,
        assigned_user_organisation_ids=frozenset({1}),
    )


def test_complete_answers_vary_and_the_rulebook_completes_them_once_soft_checks_are_confirmed():
    confirmed = varied.confirmations(ENGINE)
    seen_postcodes, seen_sizes = set(), set()
    for seed in range(40):
        provider_type = 1 + seed % 2
        answers = _answers(seed, provider_type)
        seen_postcodes.add(answers["postcode_full"])
        seen_sizes.add(answers["hhmemb"])
        assert datetime.date(2026, 4, 1) <= answers["startdate"] <= datetime.date(2026, 11, 21)
        outcome = ENGINE.evaluate({**confirmed, **answers}, _context(provider_type))
        assert outcome.status is Status.COMPLETED, (seed, outcome.errors, outcome.missing)
    assert len(seen_postcodes) > 5
    assert seen_sizes == {1, 2}


def test_the_same_generator_gives_the_same_answers():
    assert _answers(3) == _answers(3)
    assert _answers(3) != _answers(4)


def test_confirmations_are_cleared_where_no_soft_check_fires():
    outcome = ENGINE.evaluate({**varied.confirmations(ENGINE), **_answers(5)}, _context(2))
    shown = {w.confirm_field for w in ENGINE.evaluate(_answers(5), _context(2)).warnings}
    assert {key for key in varied.confirmations(ENGINE) if key in outcome.answers} == shown


def test_partly_answered_keeps_the_answers_of_the_pages_done_in_order():
    answers = _answers(1)
    assert varied.partly_answered(ENGINE, answers, 0) == {
        key: answers[key] for key in ("owning_organisation_id", "managing_organisation_id", "assigned_to_id")
    }
    for done in (1, 5, 20):
        asked = {key for page in ENGINE.collection.pages[:done] for q in page.questions for key in q.answer_ids}
        assert set(varied.partly_answered(ENGINE, answers, done)) == (asked & set(answers)) | set(varied.SETUP_DEFAULTS)
    assert len(varied.partly_answered(ENGINE, answers, 20)) > len(varied.partly_answered(ENGINE, answers, 5)) > 3
    everything = varied.partly_answered(ENGINE, answers, varied.page_count(ENGINE))
    assert set(answers) - set(everything) <= {"manual_address_entry_selected"}
    assert varied.page_count(ENGINE) == len(ENGINE.collection.pages)
