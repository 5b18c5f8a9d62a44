from __future__ import annotations

from django.urls import reverse

from tests.conftest import verified_login


def test_own_organisation_page(client, provider, related, other_organisation):
    client.force_login(provider)
    response = client.get(reverse("organisations:mine"))
    assert response.url == reverse("organisations:detail", args=[provider.organisation_id])
    html = client.get(response.url).content.decode()
    assert provider.organisation.name in html
    assert other_organisation.name in html  # listed as its stock owner


def test_another_organisation_is_not_found(client, provider, other_organisation):
    client.force_login(provider)
    assert client.get(reverse("organisations:detail", args=[other_organisation.pk])).status_code == 404


def test_support_lists_and_searches_organisations(client, support, organisation, other_organisation):
    verified_login(client, support)
    html = client.get(reverse("organisations:list")).content.decode()
    assert organisation.name in html
    assert f'<a class="govuk-link" href="{reverse("organisations:detail", args=[other_organisation.pk])}">' in html
    found = client.get(reverse("organisations:list"), {"q": "hill"}).content.decode()
    assert other_organisation.name in found
    assert organisation.name not in found
    assert client.get(reverse("organisations:detail", args=[organisation.pk])).status_code == 200


def test_organisation_names_are_unique_ignoring_case(make_organisation):
    import pytest
    from django.db import IntegrityError, transaction

    make_organisation("Acme Homes")
    with pytest.raises(IntegrityError), transaction.atomic():
        make_organisation("ACME homes")
