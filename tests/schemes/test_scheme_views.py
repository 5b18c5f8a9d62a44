"""Creating a scheme page by page, check your answers, changing answers, and what each form refuses."""

from __future__ import annotations

import pytest
from django.urls import reverse

from collect.audit.models import AuditEvent
from collect.organisations.models import OrganisationRelationship
from collect.schemes.models import Scheme
from tests.conftest import verified_login
from tests.schemes.factories import make_scheme

DETAILS = {
    "service_name": "Riverside Court",
    "scheme_type": "7",
    "registered_under_care_act": "2",
    "arrangement_type": "D",
}


def test_a_coordinator_creates_a_scheme_page_by_page(client, coordinator):
    client.force_login(coordinator)
    response = client.post(reverse("schemes:new"), {**DETAILS, "sensitive": "on"})
    scheme = Scheme.objects.get()
    assert response.url == reverse("schemes:primary-client-group", args=[scheme.pk])
    assert scheme.owning_organisation == coordinator.organisation  # no other organisation to choose
    assert scheme.sensitive == 1
    assert not scheme.confirmed
    assert scheme.status == "incomplete"

    response = client.post(response.url, {"primary_client_group": "M"})
    assert response.url == reverse("schemes:other-client-group", args=[scheme.pk])
    response = client.post(response.url, {"has_other_client_group": "1"})
    assert response.url == reverse("schemes:secondary-client-group", args=[scheme.pk])
    page = client.get(response.url).content.decode()
    assert 'value="M"' not in page  # the primary group is not offered again
    response = client.post(response.url, {"secondary_client_group": "E"})
    assert response.url == reverse("schemes:support", args=[scheme.pk])
    response = client.post(response.url, {"support_type": "3", "intended_stay": "M"})
    assert response.url == reverse("schemes:check-answers", args=[scheme.pk])

    page = client.get(response.url).content.decode()
    for answer in ("Riverside Court", "Partially", "Older people with support needs", "Medium level", "Medium stay"):
        assert answer in page
    response = client.post(reverse("schemes:check-answers", args=[scheme.pk]))
    assert response.url == reverse("schemes:detail", args=[scheme.pk])
    scheme.refresh_from_db()
    assert scheme.confirmed
    assert scheme.status == "incomplete"  # until it has a location
    assert scheme.secondary_client_group == "E"
    actions = list(
        AuditEvent.objects.filter(target_type="scheme", target_id=scheme.pk).values_list("action", flat=True)
    )
    assert actions.count("Created") == 1
    assert actions.count("Confirmed") == 1
    assert actions.count("Changed") == 4


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({**DETAILS, "service_name": ""}, "service_name", "Enter the scheme name"),
        ({**DETAILS, "service_name": "x" * 201}, "service_name", "Scheme name must be 200 characters or fewer"),
        ({**DETAILS, "scheme_type": ""}, "scheme_type", "Select the type of scheme"),
        ({**DETAILS, "scheme_type": "99"}, "scheme_type", "Select the type of scheme"),
        (
            {**DETAILS, "registered_under_care_act": ""},
            "registered_under_care_act",
            "Select if this scheme is regulated by the Care Quality Commission",
        ),
        (
            {**DETAILS, "arrangement_type": "Z"},
            "arrangement_type",
            "Select who provides the support services used by this scheme",
        ),
    ],
)
def test_details_errors_name_the_field(client, coordinator, data, field, message):
    client.force_login(coordinator)
    response = client.post(reverse("schemes:new"), data)
    assert response.status_code == 200
    html = response.content.decode()
    assert f'href="#{field}">{message}' in html
    assert f'id="{field}-error"' in html
    assert not Scheme.objects.exists()


@pytest.mark.parametrize(
    ("page", "data", "field", "message"),
    [
        ("primary-client-group", {}, "primary_client_group", "Select the client group this scheme is intended for"),
        ("primary-client-group", {"primary_client_group": "X"}, "primary_client_group", "Select the client group"),
        ("other-client-group", {"has_other_client_group": "2"}, "has_other_client_group", "Select if this scheme"),
        ("support", {"intended_stay": "P"}, "support_type", "Select the level of support given"),
        ("support", {"support_type": "6", "intended_stay": "P"}, "support_type", "Select the level of support"),
        ("support", {"support_type": "2"}, "intended_stay", "Select the intended length of stay"),
    ],
)
def test_question_pages_refuse_missing_and_tampered_answers(client, coordinator, page, data, field, message):
    scheme = make_scheme(coordinator.organisation, confirmed=False, locations=0, primary_client_group="")
    client.force_login(coordinator)
    response = client.post(reverse(f"schemes:{page}", args=[scheme.pk]), data)
    assert response.status_code == 200
    assert f'href="#{field}">{message}' in response.content.decode()


def test_the_secondary_group_cannot_be_the_primary_group(client, coordinator):
    scheme = make_scheme(coordinator.organisation, confirmed=False, has_other_client_group=1)
    client.force_login(coordinator)
    response = client.post(reverse("schemes:secondary-client-group", args=[scheme.pk]), {"secondary_client_group": "M"})
    assert 'href="#secondary_client_group">Select the other client group' in response.content.decode()


def test_answering_no_other_group_clears_the_secondary_group(client, coordinator):
    scheme = make_scheme(
        coordinator.organisation, confirmed=False, has_other_client_group=1, secondary_client_group="E"
    )
    client.force_login(coordinator)
    response = client.post(
        reverse("schemes:other-client-group", args=[scheme.pk]) + "?change=1", {"has_other_client_group": "0"}
    )
    assert response.url == reverse("schemes:check-answers", args=[scheme.pk])
    scheme.refresh_from_db()
    assert scheme.secondary_client_group == ""


def test_changing_to_yes_from_check_answers_asks_the_secondary_group_then_returns(client, coordinator):
    scheme = make_scheme(coordinator.organisation, confirmed=False)
    client.force_login(coordinator)
    url = reverse("schemes:other-client-group", args=[scheme.pk]) + "?change=1"
    response = client.post(url, {"has_other_client_group": "1"})
    assert response.url == reverse("schemes:secondary-client-group", args=[scheme.pk]) + "?change=1"
    response = client.post(response.url, {"secondary_client_group": "E"})
    assert response.url == reverse("schemes:check-answers", args=[scheme.pk])


def test_check_answers_refuses_to_create_an_unfinished_scheme(client, coordinator):
    scheme = make_scheme(coordinator.organisation, confirmed=False, support_type=None, intended_stay="")
    client.force_login(coordinator)
    response = client.post(reverse("schemes:check-answers", args=[scheme.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Answer ‘Level of support given’" in html
    assert "Answer ‘Intended length of stay’" in html
    scheme.refresh_from_db()
    assert not scheme.confirmed


def test_support_chooses_the_owner_among_organisations_holding_stock(client, support, organisation, make_organisation):
    no_stock = make_organisation("Agents Ltd", holds_own_stock=False)
    verified_login(client, support)
    page = client.get(reverse("schemes:new")).content.decode()
    assert organisation.name in page
    assert no_stock.name not in page
    response = client.post(reverse("schemes:new"), {**DETAILS, "owning_organisation": no_stock.pk})
    assert (
        'href="#owning_organisation">Select the organisation that owns the housing stock' in response.content.decode()
    )
    response = client.post(reverse("schemes:new"), {**DETAILS})
    assert 'href="#owning_organisation">Select the organisation' in response.content.decode()
    response = client.post(reverse("schemes:new"), {**DETAILS, "owning_organisation": organisation.pk})
    assert Scheme.objects.get().owning_organisation == organisation


def test_a_coordinator_without_stock_owners_cannot_smuggle_another_owner(client, coordinator, other_organisation):
    client.force_login(coordinator)
    client.post(reverse("schemes:new"), {**DETAILS, "owning_organisation": other_organisation.pk})
    assert Scheme.objects.get().owning_organisation == coordinator.organisation


def test_a_managing_agent_chooses_among_its_stock_owners(
    client, coordinator, related, other_organisation, make_organisation
):
    stranger_org = make_organisation("Far Away Homes")
    client.force_login(coordinator)
    page = client.get(reverse("schemes:new")).content.decode()
    assert other_organisation.name in page
    assert coordinator.organisation.name in page
    assert stranger_org.name not in page
    response = client.post(reverse("schemes:new"), {**DETAILS, "owning_organisation": stranger_org.pk})
    assert "from the list" in response.content.decode()
    client.post(reverse("schemes:new"), {**DETAILS, "owning_organisation": other_organisation.pk})
    assert Scheme.objects.get().owning_organisation == other_organisation


def test_a_coordinator_whose_organisation_holds_no_stock_and_has_no_owners_cannot_create(
    client, make_user, make_organisation
):
    from collect.accounts.models import Role

    agent = make_user(Role.DATA_COORDINATOR, make_organisation("No Stock", holds_own_stock=False))
    client.force_login(agent)
    assert client.get(reverse("schemes:new")).status_code == 403
    assert "Create a new supported housing scheme" not in client.get(reverse("schemes:list")).content.decode()


def test_once_confirmed_a_coordinator_only_changes_name_confidentiality_and_owner(client, coordinator):
    scheme = make_scheme(coordinator.organisation)
    client.force_login(coordinator)
    details = client.get(reverse("schemes:details", args=[scheme.pk])).content.decode()
    assert 'name="service_name"' in details
    assert 'name="sensitive"' in details
    assert 'name="scheme_type"' not in details
    response = client.post(
        reverse("schemes:details", args=[scheme.pk]),
        {"service_name": "New name", "scheme_type": "5", "arrangement_type": "O"},  # smuggled answers
    )
    assert response.url == reverse("schemes:detail", args=[scheme.pk])
    scheme.refresh_from_db()
    assert (scheme.service_name, scheme.scheme_type, scheme.arrangement_type, scheme.sensitive) == (
        "New name",
        7,
        "D",
        0,
    )
    for page in ("primary-client-group", "other-client-group", "support"):
        assert client.get(reverse(f"schemes:{page}", args=[scheme.pk])).status_code == 403
        assert client.post(reverse(f"schemes:{page}", args=[scheme.pk]), {"support_type": "4"}).status_code == 403
    page = client.get(reverse("schemes:detail", args=[scheme.pk])).content.decode()
    assert reverse("schemes:support", args=[scheme.pk]) not in page


def test_support_changes_any_answer_of_a_confirmed_scheme(client, support, organisation):
    scheme = make_scheme(organisation)
    verified_login(client, support)
    response = client.post(reverse("schemes:support", args=[scheme.pk]), {"support_type": "4", "intended_stay": "V"})
    assert response.url == reverse("schemes:detail", args=[scheme.pk])
    scheme.refresh_from_db()
    assert scheme.support_type == 4
    event = AuditEvent.objects.filter(target_type="scheme", action="Changed").get()
    assert event.changes["support_type"] == {"label": "Level of support given", "from": "Low level", "to": "High level"}
    page = client.get(reverse("schemes:detail", args=[scheme.pk])).content.decode()
    assert "History of changes" in page
    assert "High level" in page


def test_history_is_for_support_only(client, coordinator, organisation):
    scheme = make_scheme(organisation)
    client.force_login(coordinator)
    assert "History of changes" not in client.get(reverse("schemes:detail", args=[scheme.pk])).content.decode()


def test_a_data_provider_only_looks(client, provider):
    scheme = make_scheme(provider.organisation)
    client.force_login(provider)
    page = client.get(reverse("schemes:detail", args=[scheme.pk])).content.decode()
    assert "Riverside Court" in page
    assert "Change" not in page
    assert "Add a location" not in page
    assert "Deactivate" not in page
    assert client.get(reverse("schemes:details", args=[scheme.pk])).status_code == 403


def test_list_search_and_scope(client, coordinator, related, other_organisation, make_organisation):
    own = make_scheme(coordinator.organisation, service_name="Own Court")
    owners = make_scheme(other_organisation, service_name="Owner House")
    hidden = make_scheme(make_organisation("Elsewhere"), service_name="Hidden Hall")
    client.force_login(coordinator)
    page = client.get(reverse("schemes:list")).content.decode()
    assert "Own Court" in page
    assert "Owner House" in page
    assert "Hidden Hall" not in page
    assert client.get(reverse("schemes:detail", args=[hidden.pk])).status_code == 404
    assert "Owner House" not in client.get(reverse("schemes:list"), {"q": "own c"}).content.decode()
    assert "Own Court" in client.get(reverse("schemes:list"), {"q": own.code}).content.decode()
    by_code = client.get(reverse("schemes:list"), {"q": owners.code.lower()}).content.decode()
    assert "Owner House" in by_code
    assert "Own Court" not in by_code
    by_postcode = client.get(reverse("schemes:list"), {"q": "s12hh"}).content.decode()
    assert "Own Court" in by_postcode
    assert "Owner House" in by_postcode
    assert "Hidden Hall" not in client.get(reverse("schemes:list"), {"q": "Hidden"}).content.decode()


def test_list_shows_statuses_and_pages(client, support, organisation):
    for n in range(55):
        make_scheme(organisation, service_name=f"Scheme {n:02}", locations=0)
    verified_login(client, support)
    first = client.get(reverse("schemes:list")).content.decode()
    assert "55 schemes" in first
    assert "Incomplete" in first
    assert "?page=2" in first
    assert "Scheme 54" in client.get(reverse("schemes:list"), {"page": "2"}).content.decode()


def test_list_does_not_grow_queries_with_schemes(client, support, organisation, django_assert_max_num_queries):
    for n in range(30):
        make_scheme(organisation, service_name=f"Scheme {n:02}")
    verified_login(client, support)
    with django_assert_max_num_queries(17):  # with the collection calendar and the notification banner
        client.get(reverse("schemes:list"))


def test_navigation_shows_schemes_to_stock_holders_and_agents(client, make_user, make_organisation, related):
    from collect.accounts.models import Role

    holder = make_user(Role.DATA_PROVIDER, make_organisation("Holder", holds_own_stock=True))
    nothing = make_user(Role.DATA_PROVIDER, make_organisation("Nothing", holds_own_stock=False))
    agent = make_user(Role.DATA_PROVIDER, make_organisation("Agent", holds_own_stock=False))
    OrganisationRelationship.objects.create(stock_owner=holder.organisation, managing_agent=agent.organisation)
    link = f'href="{reverse("schemes:list")}"'
    for user, shown in ((holder, True), (nothing, False), (agent, True)):
        client.force_login(user)
        assert (link in client.get(reverse("web:home")).content.decode()) is shown
