"""The service navigation, which depends on who is signed in."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest
from django.urls import reverse


@dataclass(frozen=True)
class NavItem:
    """One link of the service navigation."""

    text: str
    url_name: str
    section: str
    # Shown only to the users for whom this returns True (everyone when None).
    shown_to: Callable[[Any], bool] | None = None

    @property
    def href(self) -> str:
        """The item's address."""
        return reverse(self.url_name)


def _sees_schemes(user: Any) -> bool:
    from collect.schemes.policy import sees_schemes_navigation

    return sees_schemes_navigation(user)


SUPPORT_NAV = (
    NavItem("Home", "web:home", "home"),
    NavItem("Organisations", "organisations:list", "organisations"),
    NavItem("Users", "accounts:users", "users"),
    NavItem("Lettings logs", "journeys:list", "lettings"),
    NavItem("Sales logs", "journeys:sales-list", "sales"),
    NavItem("Schemes", "schemes:list", "schemes"),
    NavItem("Bulk uploads", "bulkupload:support-list", "bulk-uploads"),
    NavItem("Collection", "collection:completeness", "collection"),
    NavItem("Statistics export", "exports:runs", "statistics-export"),
)
ORGANISATION_NAV = (
    NavItem("Home", "web:home", "home"),
    NavItem("Lettings logs", "journeys:list", "lettings"),
    NavItem("Sales logs", "journeys:sales-list", "sales"),
    NavItem("Schemes", "schemes:list", "schemes", shown_to=_sees_schemes),
    NavItem("Users", "accounts:users", "users"),
    NavItem("Your organisation", "organisations:mine", "organisation"),
    NavItem("Completeness", "collection:completeness", "collection", shown_to=lambda user: user.is_data_coordinator),
)


def navigation_for(request: HttpRequest, section: str | None) -> list[dict[str, object]]:
    """The navigation items for the signed-in user, as govukServiceNavigation expects them."""
    user = request.user
    if not user.is_authenticated:
        return []
    items = SUPPORT_NAV if user.is_support else ORGANISATION_NAV
    return [
        {"href": item.href, "text": item.text, "active": item.section == section}
        for item in items
        if item.shown_to is None or item.shown_to(user)
    ]
