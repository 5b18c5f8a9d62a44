"""Check your answers: answers filled in for the person shown as such, amounts in pounds and pence."""

from __future__ import annotations

from collect.logs.writing import create_log, save_answers
from collect.standards.lettings.y2026 import examples
from tests.conftest import verified_login


def test_the_local_authority_found_from_the_postcode_is_shown_without_a_change_link(
    client, provider, signed_organisation
):
    verified_login(client, provider)
    log = create_log(provider).log
    answers = {
        **examples.GENERAL_NEEDS,
        "owning_organisation_id": signed_organisation.pk,
        "managing_organisation_id": signed_organisation.pk,
        "assigned_to_id": provider.pk,
    }
    save_answers(log, answers, provider)
    assert log.answers["is_la_inferred"] is True
    body = client.get(f"/lettings-logs/{log.pk}/property-information/check-answers").content.decode()
    assert "Filled in for you from your other answers" in body
    row = body[body.index("Filled in for you") - 600 : body.index("Filled in for you")]
    assert "Leeds" in row  # its name, not its code
    assert "/la?referrer" not in body


def test_amounts_are_shown_in_pounds_and_pence():
    from decimal import Decimal

    from collect.journeys.form import shown_answer
    from collect.standards.registry import evaluator

    brent = evaluator("lettings-2026").collection.questions()["brent"]
    assert shown_answer(brent, {"brent": Decimal("1110.0")}).startswith("£1,110.00")
