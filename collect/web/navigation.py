"""The service navigation, which depends on who is signed in."""

from __future__ import annotations

from dataclasses import dataclass

from django.http import HttpRequest
from django.urls import reverse


@dataclass(frozen=True)
class NavItem:
    """One link of the service navigation."""

    text: str
    url_name: str
    section: str

    @property
    def href(self) -> str:
        """The item's address."""
        return reverse(self.url_name)


SUPPORT_NAV = (
    NavItem("Home", "web:home", "home"),
    NavItem("Organisations", "organisations:list", "organisations"),
    NavItem("Users", "accounts:users", "users"),
)
ORGANISATION_NAV = (
    NavItem("Home", "web:home", "home"),
    NavItem("Users", "accounts:users", "users"),
    NavItem("Your organisation", "organisations:mine", "organisation"),
)


def navigation_for(request: HttpRequest, section: str | None) -> list[dict[str, object]]:
    """The navigation items for the signed-in user, as govukServiceNavigation expects them."""
    user = request.user
    if not user.is_authenticated:
        return []
    items = SUPPORT_NAV if user.is_support else ORGANISATION_NAV
    return [{"href": item.href, "text": item.text, "active": item.section == section} for item in items]
