from __future__ import annotations

import datetime
from html import unescape

import pytest
from django.urls import reverse
from django.utils import timezone

from collect.accounts.models import Role, User
from collect.organisations import merging
from collect.organisations.actions import accept_data_sharing_agreement
from collect.organisations.merging import MergeStep, register_merge_step, run_merge
from collect.organisations.models import MergeRequest, MergeStatus, Organisation, OrganisationRelationship
from tests.conftest import verified_login

MERGE_DATE = datetime.date(2026, 10, 1)


@pytest.fixture
def scenario(make_organisation, make_user):
    absorbing = make_organisation("Big Homes", holds_own_stock=False, rent_periods=[1])
    small = make_organisation("Small Homes", holds_own_stock=True, rent_periods=[2, 4])
    agent = make_organisation("Agent Ltd", holds_own_stock=False)
    owner = make_organisation("Owner Council", holds_own_stock=True)
    OrganisationRelationship.objects.create(stock_owner=small, managing_agent=agent)
    OrganisationRelationship.objects.create(stock_owner=owner, managing_agent=small)
    OrganisationRelationship.objects.create(stock_owner=owner, managing_agent=absorbing)  # becomes a duplicate
    OrganisationRelationship.objects.create(stock_owner=small, managing_agent=absorbing)  # becomes a self-link
    dpo = make_user(Role.DATA_COORDINATOR, absorbing, is_dpo=True)
    accept_data_sharing_agreement(dpo, absorbing)
    moving = [make_user(organisation=small), make_user(Role.DATA_COORDINATOR, small)]
    support = make_user(Role.SUPPORT, make_organisation("Department", is_department=True))
    merge = MergeRequest.objects.create(
        absorbing_organisation=absorbing, merge_date=MERGE_DATE, requested_by=support, status=MergeStatus.READY
    )
    merge.merging_organisations.add(small)
    return {"absorbing": absorbing, "small": small, "agent": agent, "owner": owner, "moving": moving, "merge": merge}


@pytest.mark.django_db(transaction=True)
def test_merge_moves_users_and_relationships_and_emails_everyone(scenario, mailoutbox):
    merge = run_merge(scenario["merge"].pk)
    absorbing, small = scenario["absorbing"], Organisation.objects.get(pk=scenario["small"].pk)
    assert merge.status == MergeStatus.MERGED
    assert set(User.objects.filter(organisation=small)) == set()
    assert all(User.objects.get(pk=u.pk).organisation == absorbing for u in scenario["moving"])
    links = {(r.stock_owner.name, r.managing_agent.name) for r in OrganisationRelationship.objects.all()}
    assert links == {("Big Homes", "Agent Ltd"), ("Owner Council", "Big Homes")}
    absorbing.refresh_from_db()
    assert absorbing.holds_own_stock is True
    assert absorbing.rent_periods == [1, 2, 4]
    assert (small.merge_date, small.absorbing_organisation) == (MERGE_DATE, absorbing)
    assert merge.moved == {"users": 2, "relationships": 2, "schemes": 0}
    assert len(mailoutbox) == 3  # the absorbing organisation's DPO and the two moved users
    assert "Small Homes merged into Big Homes" in mailoutbox[0].subject


def test_merge_runs_once(scenario):
    run_merge(scenario["merge"].pk)
    User.objects.filter(pk=scenario["moving"][0].pk).update(organisation=scenario["small"])
    assert run_merge(scenario["merge"].pk).status == MergeStatus.MERGED
    assert User.objects.get(pk=scenario["moving"][0].pk).organisation == scenario["small"]


def test_a_failed_merge_changes_nothing(scenario, monkeypatch):
    def explode(context):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(merging, "MERGE_STEPS", dict(merging.MERGE_STEPS))
    register_merge_step(MergeStep("boom", "Boom", lambda o, d: 0, explode))
    before_links = set(OrganisationRelationship.objects.values_list("stock_owner", "managing_agent"))
    merge = run_merge(scenario["merge"].pk)
    assert merge.status == MergeStatus.FAILED
    assert "disk on fire" in merge.last_failure
    assert all(User.objects.get(pk=u.pk).organisation == scenario["small"] for u in scenario["moving"])
    assert set(OrganisationRelationship.objects.values_list("stock_owner", "managing_agent")) == before_links
    assert Organisation.objects.get(pk=scenario["small"].pk).merge_date is None


def page(response) -> str:
    return unescape(response.content.decode())


def test_the_journey_checks_every_answer(client, support, scenario):
    verified_login(client, support)
    response = client.post(reverse("organisations:merge-start"))
    merge = MergeRequest.objects.latest("pk")
    assert response.url == reverse("organisations:merge-absorbing", args=[merge.pk])
    html = page(client.post(response.url, {}))
    assert "Select the absorbing organisation" in html
    assert "Select whether the absorbing organisation is already active" in html
    busy = page(client.get(response.url))
    assert "Small Homes" not in busy  # already in another merge request
    client.post(response.url, {"organisation": scenario["agent"].pk, "absorbing_is_new": "0"})
    merging_url = reverse("organisations:merge-merging", args=[merge.pk])
    assert "Add at least one merging organisation" in page(client.post(merging_url, {"continue": "1"}))
    client.post(merging_url, {"organisation": scenario["owner"].pk})
    assert client.post(merging_url, {"continue": "1"}).url == reverse("organisations:merge-date", args=[merge.pk])
    date_url = reverse("organisations:merge-date", args=[merge.pk])
    assert "Enter the merge date" in page(client.post(date_url, {}))
    far = timezone.localdate() + datetime.timedelta(days=400)
    too_far = {"merge_date-day": far.day, "merge_date-month": far.month, "merge_date-year": far.year}
    assert "no more than 1 year from today" in page(client.post(date_url, too_far))
    assert "as a real date" in page(
        client.post(date_url, {"merge_date-day": "30", "merge_date-month": "2", "merge_date-year": "2026"})
    )
    client.post(date_url, {"merge_date-day": "1", "merge_date-month": "10", "merge_date-year": "2026"})
    detail = page(client.get(reverse("organisations:merge", args=[merge.pk])))
    assert "Agent Ltd has not accepted the data sharing agreement" in detail
    assert client.post(reverse("organisations:merge-run", args=[merge.pk])).status_code == 302
    assert MergeRequest.objects.get(pk=merge.pk).status == MergeStatus.READY  # refused: problems remain


@pytest.mark.django_db(transaction=True)
def test_support_starts_a_ready_merge(client, scenario):
    support = User.objects.get(role=Role.SUPPORT)
    verified_login(client, support)
    merge = scenario["merge"]
    detail = page(client.get(reverse("organisations:merge", args=[merge.pk])))
    assert "What will move" in detail
    client.post(reverse("organisations:merge-run", args=[merge.pk]))
    merge.refresh_from_db()
    assert merge.status == MergeStatus.MERGED
    assert "What moved" in page(client.get(reverse("organisations:merge", args=[merge.pk])))
    assert client.get(reverse("organisations:merge-date", args=[merge.pk])).status_code == 403  # no changes after


def test_merge_copies_schemes_and_deactivates_the_originals(scenario):
    from collect.schemes.models import Scheme
    from tests.schemes.factories import add_local_authorities, make_scheme

    add_local_authorities()
    original = make_scheme(scenario["small"], locations=2, startdate=datetime.date(2025, 4, 1))
    merge = run_merge(scenario["merge"].pk)
    assert merge.moved["schemes"] == 1
    copy = Scheme.objects.get(owning_organisation=scenario["absorbing"])
    assert copy.service_name == original.service_name
    assert copy.code != original.code
    assert copy.startdate == MERGE_DATE
    assert copy.locations.count() == 2
    assert {loc.startdate for loc in copy.locations.all()} == {MERGE_DATE}
    assert original.status_on(MERGE_DATE - datetime.timedelta(days=1)) in {"active", "deactivating_soon"}
    assert original.status_on(MERGE_DATE) == "deactivated"
