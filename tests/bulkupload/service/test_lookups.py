"""Look-ups of what rows name, contexts from cached facts, and duplicates searched only in the uploader's scope."""

from __future__ import annotations

import pytest

from collect.accounts.models import Role
from collect.bulkupload.lookups import DatabaseLookups, FileContexts, existing_duplicates, permitted_owner_ids
from collect.bulkupload.report import Report
from collect.logs.context import log_context
from collect.logs.writing import create_log, save_answers
from collect.organisations.models import OrganisationRelationship
from collect.standards.registry import evaluator
from tests.bulkupload.service.conftest import complete
from tests.bulkupload.service.fakes import row_result

pytestmark = pytest.mark.django_db


def test_organisations_users_schemes_and_locations_are_found_by_their_codes(
    provider, signed, other_organisation, related
):
    from tests.schemes.factories import make_location, make_scheme

    lookups = DatabaseLookups(provider, signed)
    own = lookups.organisation(f"org{signed.pk}")
    assert own is not None
    assert own.managing_agent_ids == frozenset({signed.pk})
    owner = lookups.organisation(f"ORG{other_organisation.pk}")
    assert owner is not None
    assert signed.pk in owner.managing_agent_ids
    assert lookups.organisation("ORG999999") is None
    assert lookups.organisation("nonsense") is None
    found = lookups.user(provider.email.upper())
    assert found is not None
    assert found.id == provider.pk
    assert lookups.user("nobody@example.com") is None
    assert lookups.uploader.permitted_owner_ids == frozenset({signed.pk, other_organisation.pk})
    scheme = make_scheme(signed)
    location = make_location(scheme)
    assert lookups.scheme(f"S{scheme.pk}", frozenset({signed.pk})) == scheme.pk
    assert lookups.scheme(f"S{scheme.pk}", frozenset({other_organisation.pk})) is None
    assert lookups.location(scheme.pk, str(location.pk)) == location.pk
    assert lookups.location(scheme.pk, "L1") is None


def test_an_organisation_without_stock_may_add_only_its_stock_owners_logs(make_organisation):
    agent = make_organisation(holds_own_stock=False)
    owner = make_organisation()
    OrganisationRelationship.objects.create(stock_owner=owner, managing_agent=agent)
    assert permitted_owner_ids(agent) == frozenset({owner.pk})


def test_the_context_of_a_row_is_the_one_the_web_form_builds(provider, signed):
    answers = complete(signed, provider)
    rules = evaluator("lettings-2026")
    web = rules.evaluate(answers, log_context("lettings", answers, provider, is_new_log=True))
    bulk = rules.evaluate(answers, FileContexts("lettings", provider).context_for(answers))
    assert (bulk.status, bulk.errors, bulk.warnings) == (web.status, web.errors, web.warnings)
    assert bulk.answers == web.answers


def test_200_rows_make_a_bounded_number_of_queries(provider, signed, make_user, django_assert_max_num_queries):
    users = [make_user(Role.DATA_PROVIDER, signed) for _ in range(5)]
    rows = [complete(signed, users[n % 5], tenancycode=f"T{n}") for n in range(200)]
    with django_assert_max_num_queries(40):
        lookups = DatabaseLookups(provider, signed)
        contexts = FileContexts("lettings", provider)
        for answers in rows:
            lookups.organisation(f"ORG{signed.pk}")
            lookups.user(users[0].email)
            contexts.context_for(answers)
        report = Report("lettings-2026", "lettings", "f.csv", rows=[_row(answers) for answers in rows])
        existing_duplicates(report, provider)


def _row(answers):
    outcome = evaluator("lettings-2026").evaluate(answers)
    return row_result(row=9, record_code="", record_reference="", answers=outcome.answers, status="completed")


@pytest.mark.parametrize(("who", "found"), [("provider", []), ("support", [0])])
def test_duplicates_are_searched_only_in_the_uploaders_scope(
    request, provider, signed, stranger, other_organisation, who, found
):
    existing = create_log(stranger).log
    save_answers(existing, complete(other_organisation, stranger), stranger)
    existing.refresh_from_db()
    assert existing.duplicate_key
    uploader = request.getfixturevalue(who)
    report = Report("lettings-2026", "lettings", "f.csv", rows=[_row(complete(other_organisation, stranger))])
    assert existing_duplicates(report, uploader) == found


def test_duplicates_in_scope_are_found(provider, signed):
    existing = create_log(provider).log
    save_answers(existing, complete(signed, provider), provider)
    report = Report(
        "lettings-2026",
        "lettings",
        "f.csv",
        rows=[_row(complete(signed, provider, tenancycode="X")), _row(complete(signed, provider))],
    )
    assert existing_duplicates(report, provider) == [1]
