"""Look-alike schemes and locations, the review page and the confirmation that they are not duplicates."""

from __future__ import annotations

from django.urls import reverse
from django.utils import timezone

from collect.audit.models import AuditEvent
from collect.schemes import actions
from collect.schemes.duplicates import open_duplicate_sets, organisations_with_open_duplicates
from collect.schemes.models import DuplicateReview
from tests.conftest import verified_login
from tests.schemes.factories import make_location, make_scheme


def test_schemes_with_the_same_key_answers_are_a_set(organisation, other_organisation):
    first = make_scheme(organisation, service_name="First")
    second = make_scheme(organisation, service_name="Second")  # same answers, another name
    make_scheme(organisation, service_name="Other stay", intended_stay="S")
    make_scheme(organisation, service_name="Unfinished", confirmed=False)
    make_scheme(other_organisation, service_name="Another owner")
    sets = open_duplicate_sets(organisation)
    assert sets.schemes == [[first, second]]
    assert sets.locations == []
    assert not open_duplicate_sets(other_organisation)


def test_a_deactivated_scheme_is_not_a_duplicate(coordinator):
    make_scheme(coordinator.organisation)
    gone = make_scheme(coordinator.organisation)
    actions.deactivate_scheme(coordinator, gone, timezone.localdate())
    assert not open_duplicate_sets(coordinator.organisation)


def test_locations_with_the_same_postcode_and_mobility_in_a_scheme_are_a_set(organisation):
    scheme = make_scheme(organisation, locations=0)
    first = make_location(scheme, name="Flat 1")
    second = make_location(scheme, name="Flat 2", postcode="S1 2HH")
    make_location(scheme, name="Adapted", mobility_type="W")
    make_location(scheme, name="Elsewhere", postcode="SW1A 1AA")
    make_location(make_scheme(organisation, locations=0, service_name="Another scheme"), name="Other scheme")
    sets = open_duplicate_sets(organisation)
    assert sets.locations == [[first, second]]


def test_confirming_hides_the_sets_until_a_new_look_alike_joins(coordinator):
    organisation = coordinator.organisation
    make_scheme(organisation)
    make_scheme(organisation)
    actions.confirm_not_duplicates(coordinator, organisation, open_duplicate_sets(organisation))
    assert not open_duplicate_sets(organisation)
    assert organisations_with_open_duplicates() == []
    make_scheme(organisation)
    assert len(open_duplicate_sets(organisation).schemes[0]) == 3
    assert organisations_with_open_duplicates() == [organisation]


def test_the_review_page_for_a_coordinator(client, coordinator):
    organisation = coordinator.organisation
    first, second = make_scheme(organisation, service_name="First"), make_scheme(organisation, service_name="Second")
    client.force_login(coordinator)
    listing = client.get(reverse("schemes:list")).content.decode()
    assert f"Review possible duplicates of {organisation.name}" in listing
    url = reverse("schemes:duplicates", args=[organisation.pk])
    page = client.get(url).content.decode()
    assert f"First ({first.code})" in page
    assert f"Second ({second.code})" in page
    response = client.post(url, {})
    assert (
        'href="#confirmed">Confirm that none of the schemes and locations above are duplicates'
        in response.content.decode()
    )
    assert not DuplicateReview.objects.exists()
    response = client.post(url, {"confirmed": "on"})
    assert response.url == reverse("schemes:list")
    review = DuplicateReview.objects.get()
    assert review.scheme_sets == [[first.pk, second.pk]]
    assert review.reviewed_by == coordinator
    assert AuditEvent.objects.get(target_type="organisation").note == f"{first.code}, {second.code}"
    assert "Review possible duplicates" not in client.get(reverse("schemes:list")).content.decode()
    assert "There are no possible duplicates to review" in client.get(url).content.decode()


def test_support_sees_every_organisation_to_review(client, support, organisation, other_organisation):
    make_scheme(organisation)
    make_scheme(organisation)
    make_scheme(other_organisation)
    verified_login(client, support)
    listing = client.get(reverse("schemes:list")).content.decode()
    assert f"Review possible duplicates of {organisation.name}" in listing
    assert f"Review possible duplicates of {other_organisation.name}" not in listing


def test_a_coordinator_reviews_only_their_own_organisation(client, coordinator, related, other_organisation):
    make_scheme(other_organisation)
    make_scheme(other_organisation)
    client.force_login(coordinator)
    assert client.get(reverse("schemes:duplicates", args=[other_organisation.pk])).status_code == 404
    assert "Review possible duplicates" not in client.get(reverse("schemes:list")).content.decode()
