"""Demo organisations and users: every kind of organisation and every role, for trying the service out."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction

from collect.accounts.models import Role, User
from collect.organisations.actions import accept_data_sharing_agreement
from collect.organisations.models import (
    DataSharingAgreement,
    Organisation,
    OrganisationRelationship,
    ProfitStatus,
    ProviderType,
)

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
    profit_status: ProfitStatus
    is_department: bool = False
    accepted_agreement: bool = True


@dataclass(frozen=True)
class DemoUser:
    email: str
    name: str
    organisation: str
    role: Role
    is_dpo: bool = False
    is_key_contact: bool = False


ORGANISATIONS = (
    DemoOrganisation(DEPARTMENT, ProviderType.LOCAL_AUTHORITY, False, ProfitStatus.LOCAL_AUTHORITY, is_department=True),
    DemoOrganisation(COUNCIL, ProviderType.LOCAL_AUTHORITY, True, ProfitStatus.LOCAL_AUTHORITY),
    # The housing association has not accepted the data sharing agreement yet, to show what that looks like.
    DemoOrganisation(
        HOUSING_ASSOCIATION,
        ProviderType.PRIVATE_REGISTERED_PROVIDER,
        True,
        ProfitStatus.NON_PROFIT,
        accepted_agreement=False,
    ),
    DemoOrganisation(MANAGING_AGENT, ProviderType.PRIVATE_REGISTERED_PROVIDER, False, ProfitStatus.PROFIT),
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
                "profit_status": spec.profit_status,
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
    for spec in ORGANISATIONS:
        organisation = organisations[spec.name]
        dpo = next((u for u in users if u.organisation_id == organisation.pk and u.is_dpo), None)
        if spec.accepted_agreement and dpo and not DataSharingAgreement.objects.filter(organisation=organisation):
            accept_data_sharing_agreement(dpo, organisation)
            created += 1
    return created, users
