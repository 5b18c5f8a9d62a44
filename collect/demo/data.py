"""Demo organisations and users: every kind of organisation and every role, for trying the service out."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction

from collect.accounts.models import Role, User
from collect.organisations.models import Organisation, OrganisationRelationship, ProviderType

DEMO_PASSWORD = "demo-password-2026"  # noqa: S105 - published on purpose for the demo accounts

DEPARTMENT = "Ministry of Housing, Communities and Local Government"
COUNCIL = "Demo City Council"
HOUSING_ASSOCIATION = "Demo Homes Housing Association"
MANAGING_AGENT = "Demo Property Management Ltd"


@dataclass(frozen=True)
class DemoOrganisation:
    name: str
    provider_type: ProviderType
    holds_own_stock: bool
    is_department: bool = False


@dataclass(frozen=True)
class DemoUser:
    email: str
    name: str
    organisation: str
    role: Role
    is_dpo: bool = False
    is_key_contact: bool = False


ORGANISATIONS = (
    DemoOrganisation(DEPARTMENT, ProviderType.LOCAL_AUTHORITY, holds_own_stock=False, is_department=True),
    DemoOrganisation(COUNCIL, ProviderType.LOCAL_AUTHORITY, holds_own_stock=True),
    DemoOrganisation(HOUSING_ASSOCIATION, ProviderType.PRIVATE_REGISTERED_PROVIDER, holds_own_stock=True),
    DemoOrganisation(MANAGING_AGENT, ProviderType.PRIVATE_REGISTERED_PROVIDER, holds_own_stock=False),
)
# (stock owner, managing agent)
RELATIONSHIPS = ((COUNCIL, MANAGING_AGENT), (HOUSING_ASSOCIATION, MANAGING_AGENT), (COUNCIL, HOUSING_ASSOCIATION))
USERS = (
    DemoUser("support@example.com", "Sam Support", DEPARTMENT, Role.SUPPORT),
    DemoUser("coordinator@council.example.com", "Chris Coordinator", COUNCIL, Role.DATA_COORDINATOR, True, True),
    DemoUser("provider@council.example.com", "Pat Provider", COUNCIL, Role.DATA_PROVIDER),
    DemoUser("coordinator@homes.example.com", "Harper Coordinator", HOUSING_ASSOCIATION, Role.DATA_COORDINATOR, True),
    DemoUser("provider@homes.example.com", "Hari Provider", HOUSING_ASSOCIATION, Role.DATA_PROVIDER),
    DemoUser("coordinator@agent.example.com", "Alex Coordinator", MANAGING_AGENT, Role.DATA_COORDINATOR, True, True),
    DemoUser("provider@agent.example.com", "Ash Provider", MANAGING_AGENT, Role.DATA_PROVIDER),
)


@transaction.atomic
def load_demo_data() -> tuple[int, list[User]]:
    """Create what is missing; leave what exists (including changed passwords) alone.

    Returns how many records were created and the demo users.
    """
    created = 0
    organisations: dict[str, Organisation] = {}
    for spec in ORGANISATIONS:
        organisation, made = Organisation.objects.get_or_create(
            name=spec.name,
            defaults={
                "provider_type": spec.provider_type,
                "holds_own_stock": spec.holds_own_stock,
                "is_department": spec.is_department,
            },
        )
        if spec.is_department and not organisation.is_department:
            # Demo data loaded before the flag existed: only the department may have support users.
            Organisation.objects.filter(pk=organisation.pk).update(is_department=True)
        organisations[spec.name] = organisation
        created += made
    for owner, agent in RELATIONSHIPS:
        _, made = OrganisationRelationship.objects.get_or_create(
            stock_owner=organisations[owner], managing_agent=organisations[agent]
        )
        created += made
    users = []
    for person in USERS:
        user = User.objects.filter(email=person.email).first()
        if user is None:
            user = User.objects.create_user(
                person.email,
                DEMO_PASSWORD,
                name=person.name,
                organisation=organisations[person.organisation],
                role=person.role,
                is_dpo=person.is_dpo,
                is_key_contact=person.is_key_contact,
            )
            created += 1
        users.append(user)
    return created, users
