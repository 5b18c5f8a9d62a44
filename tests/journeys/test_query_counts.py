"""Query counts of the log pages stay the same however many logs the database holds (no query per log)."""

from __future__ import annotations

import pytest

from collect.demo.answers import POSTCODES
from collect.demo.generation import generate_logs, generated
from collect.logs.models import LogStatus
from collect.logs.writing import engine, stored_answers
from collect.organisations.actions import accept_data_sharing_agreement
from collect.refdata.models import LocalAuthority
from collect.standards.postcodes import local_authority_code
from tests.conftest import verified_login
from tests.journeys.support import form_data

# The most queries each page may take: the session, the person and their second factors, the log in their scope (6);
# the rulebook's context from the database (organisations with their facts, the assigned user's organisations, then
# the local authority and rent range the rules look up) each time the rulebook runs (4: once for a view, three times
# for a save); the options of the service's own questions (assigned_to: 1); for a save the locked log, the update, the
# audit event and the savepoint (5); the collection calendar (read once per request) and the notification banner (2).
TASK_LIST = 15  # and whether the log has duplicates, and whether the person may delete it (2)
PAGE_VIEW = 16
PAGE_SAVE = 28
LOG_LIST = 15  # with the filters' options, the count, one page of logs and the duplicate sets banner


@pytest.fixture
def logs(request, organisation, coordinator, provider, related):
    """A signed organisation with generated logs (how many: the test's parameter), local authorities known."""
    coordinator.is_dpo = True
    coordinator.save()
    accept_data_sharing_agreement(coordinator, organisation)
    for postcode in POSTCODES:
        code = local_authority_code(postcode)
        LocalAuthority.objects.get_or_create(code=code, defaults={"name": code, "start_year": 2021})
    generate_logs(request.param, complete_share=0.8)
    return list(generated("lettings-2026").filter(status=LogStatus.COMPLETED).order_by("pk"))


def _page_asking(log, answer_id):
    evaluator = engine(log)
    return next(p for p in evaluator.collection.pages if any(q.id == answer_id for q in p.questions))


@pytest.mark.parametrize("logs", [5, 200], indirect=True)
@pytest.mark.parametrize("answer_id", ["assigned_to_id", "needstype", "hhmemb", "brent"])
def test_a_form_page_takes_the_same_queries_whatever_the_number_of_logs(
    client, coordinator, logs, answer_id, django_assert_max_num_queries
):
    log = logs[0]
    page = _page_asking(log, answer_id)
    url = f"/lettings-logs/{log.pk}/{page.id.replace('_', '-')}"
    verified_login(client, coordinator)
    client.get("/lettings-logs")  # the session's first request records when it was last seen
    with django_assert_max_num_queries(PAGE_VIEW):
        assert client.get(url).status_code == 200
    with django_assert_max_num_queries(PAGE_SAVE):
        response = client.post(url, form_data(page, stored_answers(log)))
    assert response.status_code == 302


@pytest.mark.parametrize("logs", [5, 200], indirect=True)
def test_the_task_list_and_log_list_take_the_same_queries_whatever_the_number_of_logs(
    client, coordinator, logs, django_assert_max_num_queries
):
    verified_login(client, coordinator)
    client.get("/lettings-logs")  # the session's first request records when it was last seen
    with django_assert_max_num_queries(TASK_LIST):
        assert client.get(f"/lettings-logs/{logs[0].pk}").status_code == 200
    with django_assert_max_num_queries(LOG_LIST):
        assert client.get("/lettings-logs").status_code == 200
    with django_assert_max_num_queries(LOG_LIST):
        assert client.get("/lettings-logs?page=2").status_code == 200
