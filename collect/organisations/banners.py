"""The banners that tell people what stops their organisation from sending logs (platform.md §1.4)."""

from __future__ import annotations

from django.urls import reverse
from markupsafe import Markup

from collect.accounts.models import User
from collect.accounts.policy import has_accepted_data_sharing_agreement
from collect.organisations.models import Organisation


def organisation_banners(user: User) -> list[Markup]:
    """What the user's organisation must do before it can create logs, as HTML for notification banners."""
    if user.is_support:
        return []
    organisation = user.organisation
    banners: list[Markup] = []
    if not has_accepted_data_sharing_agreement(organisation):
        agreement = reverse("organisations:data-sharing-agreement", args=[organisation.pk])
        officers = list(organisation.users.filter(is_dpo=True, is_active=True).order_by("name"))
        if user.is_dpo:
            banners.append(
                Markup(
                    "Your organisation must accept the data sharing agreement before it can create logs. "
                    '<a class="govuk-notification-banner__link" href="{}">'
                    "Read and accept the data sharing agreement</a>."
                ).format(agreement)
            )
        elif officers:
            names = ", ".join(f"{o.name} ({o.email})" for o in officers)
            banners.append(
                Markup(
                    "Your organisation must accept the data sharing agreement before it can create logs. "
                    "Ask your data protection officer to accept it: {}. "
                    '<a class="govuk-notification-banner__link" href="{}">Read the data sharing agreement</a>.'
                ).format(names, agreement)
            )
        else:
            banners.append(
                Markup(
                    "Your organisation does not have a data protection officer, so it cannot accept the data sharing "
                    "agreement or create logs. Ask a data coordinator to make someone the data protection officer, or "
                    "contact the helpdesk."
                )
            )
    if (
        not organisation.holds_own_stock
        and not Organisation.objects.filter(managing_agent_links__managing_agent=organisation).exists()
    ):
        stock_owners = reverse("organisations:stock-owners", args=[organisation.pk])
        banners.append(
            Markup(
                "Your organisation does not own stock, so it can only create logs for a stock owner. "
                '<a class="govuk-notification-banner__link" href="{}">Add the organisations you manage stock for</a>.'
            ).format(stock_owners)
        )
    return banners
