"""Every URL needs a signed-in user unless it is on the explicit public list."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from collect.web.public import DEBUG_PUBLIC_VIEW_NAMES, PUBLIC_VIEW_NAMES

SAMPLE_ARGUMENTS = {
    "IntConverter": "1",
    "StringConverter": "sample",
    "SlugConverter": "sample",
    "PathConverter": "sample",
    "UUIDConverter": "00000000-0000-0000-0000-000000000000",
}


def all_routes(resolver: URLResolver | None = None, prefix: str = "", namespace: str = "") -> Iterator[tuple[str, str]]:
    """(view name, sample path) for every URL pattern of the project."""
    resolver = resolver or get_resolver()
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from all_routes(pattern, prefix + str(pattern.pattern), inner)
        elif isinstance(pattern, URLPattern):
            converters = pattern.pattern.converters
            route = re.sub(
                r"<(?:\w+:)?(\w+)>",
                lambda m, converters=converters: SAMPLE_ARGUMENTS[type(converters[m.group(1)]).__name__],
                prefix + str(pattern.pattern),
            )
            yield f"{namespace}{pattern.name}", "/" + route


ROUTES = sorted(set(all_routes()))


def test_every_route_has_a_name():
    assert all(not name.endswith("None") for name, _ in ROUTES), ROUTES


def test_public_list_names_real_routes():
    names = {name for name, _ in ROUTES}
    assert names >= (PUBLIC_VIEW_NAMES | DEBUG_PUBLIC_VIEW_NAMES)


@pytest.mark.parametrize(("name", "path"), [r for r in ROUTES if r[0] not in PUBLIC_VIEW_NAMES])
@pytest.mark.parametrize("method", ["get", "post"])
def test_private_routes_send_anonymous_visitors_to_sign_in(client, db, name, path, method):
    response = getattr(client, method)(path)
    assert response.status_code == 302, f"{name} {path} answered {response.status_code} without signing in"
    assert response.url.startswith(reverse("accounts:sign-in"))


@pytest.mark.parametrize("name", sorted(DEBUG_PUBLIC_VIEW_NAMES))
def test_debug_pages_do_not_exist_outside_debug(client, db, name, settings):
    path = dict(ROUTES)[name]
    settings.DEBUG = False
    assert client.get(path).status_code in {302, 404}
