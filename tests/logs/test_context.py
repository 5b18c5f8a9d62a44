"""The rulebook's context from the database: the facts of organisations, the person and the assigned user."""

from __future__ import annotations

import datetime

import pytest

from collect.logs.context import assigned_user_organisation_ids, lettings_context, organisation_facts
from collect.organisations.actions import accept_data_sharing_agreement
from collect.organisations.models import Organisation, OrganisationRelationship


@pytest.fixture
def world(organisation, other_organisation, make_organisation, coordinator, provider):
    """Riverside (signed) manages for Hilltop and absorbed two organisations, one holding stock."""
    coordinator.is_dpo = True
    coordinator.save()
    accept_data_sharing_agreement(coordinator, organisation)
    OrganisationRelationship.objects.create(stock_owner=other_organisation, managing_agent=organisation)
    third = make_organisation("Third", holds_own_stock=False)
    OrganisationRelationship.objects.create(stock_owner=organisation, managing_agent=third)
    merged = make_organisation("Merged", absorbing_organisation=organisation, merge_date=datetime.date(2026, 5, 1))
    make_organisation("Merged without stock", absorbing_organisation=organisation, holds_own_stock=False)
    return merged


def test_the_facts_of_owner_manager_person_and_assigned_user(world, organisation, other_organisation, provider):
    answers = {
        "owning_organisation_id": other_organisation.pk,
        "managing_organisation_id": str(organisation.pk),
        "assigned_to_id": provider.pk,
    }
    context = lettings_context(answers, provider, is_new_log=True)
    assert context.owning_organisation.id == other_organisation.pk
    assert not context.owning_organisation.accepted_data_sharing_agreement
    assert not context.owning_organisation.has_absorbed_organisations
    manager = context.managing_organisation
    assert (manager.id, manager.accepted_data_sharing_agreement, manager.has_absorbed_organisations) == (
        organisation.pk,
        True,
        True,
    )
    assert context.user.organisation == manager
    assert (context.user.stock_owner_count, context.user.managing_agent_count) == (2, 1)  # Hilltop, Merged; Third
    assert not context.user.is_data_coordinator
    assert context.assigned_user_organisation_ids == frozenset(
        Organisation.objects.filter(name__in=("Riverside Homes", "Merged", "Merged without stock")).values_list(
            "pk", flat=True
        )
    )
    assert context.is_new_log


def test_a_merged_organisation_names_the_one_that_absorbed_it(world, organisation):
    facts = lettings_context({"owning_organisation_id": world.pk}, None, is_new_log=False).owning_organisation
    assert facts.absorbing_organisation_name == organisation.name
    assert facts.merge_date == datetime.date(2026, 5, 1)
    assert organisation_facts(Organisation.objects.get(pk=organisation.pk)).has_absorbed_organisations


def test_unknown_or_unreadable_ids_give_no_facts(world, provider):
    context = lettings_context(
        {"owning_organisation_id": "x", "managing_organisation_id": 10**9, "assigned_to_id": "nobody"},
        provider,
        is_new_log=False,
    )
    assert (context.owning_organisation, context.managing_organisation) == (None, None)
    assert context.assigned_user_organisation_ids == frozenset()
    assert assigned_user_organisation_ids({"assigned_to_id": 10**9}) == frozenset()


def test_the_context_takes_a_few_queries(world, organisation, other_organisation, provider, django_assert_num_queries):
    answers = {
        "owning_organisation_id": other_organisation.pk,
        "managing_organisation_id": organisation.pk,
        "assigned_to_id": provider.pk,
    }
    with django_assert_num_queries(2):  # the organisations with their facts; the assigned user's organisations
        lettings_context(answers, provider, is_new_log=False)
