"""One table of every route and every role: allowed, refused (403) or not found (404) outside the user's scope.

Each route of the service has at least one row here; the completeness test fails when a route is added without
one. Each row says, for each kind of person, what must happen:
- ALLOW: the page works (2xx, or a redirect after a successful POST);
- DENY: signed in but the role may not (403);
- HIDE: the record belongs to another organisation (404);
- NOT_ALLOWED: the route does not answer this method (405), whoever asks.
Removing a permission check from a view turns a DENY or HIDE into ALLOW, and the test fails.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pytest
from django.urls import reverse

from collect.accounts.models import Role, User
from collect.organisations.models import MergeRequest, Organisation, OrganisationNameChange, OrganisationRelationship
from collect.web.public import DEBUG_PUBLIC_VIEW_NAMES, PUBLIC_VIEW_NAMES
from tests.conftest import verified_login
from tests.schemes import world as sw
from tests.web.test_access import ROUTES

ALLOW, DENY, HIDE, NOT_ALLOWED = "allow", "deny", "hide", "method not allowed"
PERSONAS = ("provider", "coordinator", "support", "stranger")


@dataclass
class World:
    """Two organisations with people in each, and the records the routes act on."""

    own: Organisation
    other: Organisation
    people: dict[str, User]
    own_user: User
    other_user: User
    extra: dict[str, Any] = field(default_factory=dict)


@pytest.fixture
def world(make_organisation, make_user) -> World:
    own = make_organisation("Own Homes", holds_own_stock=True)
    other = make_organisation("Other Council", holds_own_stock=True)
    department = make_organisation("Department", holds_own_stock=False, is_department=True)
    people = {
        "provider": make_user(Role.DATA_PROVIDER, own),
        "coordinator": make_user(Role.DATA_COORDINATOR, own),
        "support": make_user(Role.SUPPORT, department),
        # A coordinator of another organisation, who must not see the first organisation's records.
        "stranger": make_user(Role.DATA_COORDINATOR, other),
    }
    extra = {
        "deactivated_user": make_user(Role.DATA_PROVIDER, own, is_active=False),
        "invited_user": make_user(Role.DATA_PROVIDER, own, password=None),
    }
    world = World(
        own,
        other,
        people,
        own_user=make_user(Role.DATA_PROVIDER, own),
        other_user=make_user(organisation=other),
        extra=extra,
    )
    owner = make_organisation("Stock Owner", holds_own_stock=True)
    agent = make_organisation("Managing Agent", holds_own_stock=False)
    world.extra["stock_owner_link"] = OrganisationRelationship.objects.create(stock_owner=owner, managing_agent=own)
    world.extra["managing_agent_link"] = OrganisationRelationship.objects.create(stock_owner=own, managing_agent=agent)
    world.extra["name_change"] = OrganisationNameChange.objects.create(
        organisation=own, name="Own Homes Renamed", start_date=datetime.date(2030, 1, 1)
    )
    world.extra["merge"] = MergeRequest.objects.create(absorbing_organisation=own)
    from collect.collection.calendar import seed_defaults

    seed_defaults()  # the collection calendar, as the migration stores it
    return world


@dataclass(frozen=True)
class Case:
    """One route, how to call it, and what each persona must get."""

    name: str
    expect: dict[str, str]
    args: Callable[[World], list[Any]] = lambda w: []
    method: str = "get"
    data: Callable[[World], dict[str, Any]] = lambda w: {}

    @property
    def id(self) -> str:
        return f"{self.method.upper()} {self.name}"


def everyone(outcome: str = ALLOW) -> dict[str, str]:
    return dict.fromkeys(PERSONAS, outcome)


def roles(provider: str, coordinator: str, support: str, stranger: str) -> dict[str, str]:
    return {"provider": provider, "coordinator": coordinator, "support": support, "stranger": stranger}


def published_release(w: World) -> Any:
    """A published release of 2026 with a method, one area's factsheet and its PDF (made once per world)."""
    if "release" not in w.extra:
        from tests.opendata.test_views import make_published_release

        w.extra["release"] = make_published_release()
    return w.extra["release"]


def own_download(w: World) -> Any:
    """A lettings download asked for by someone in the own organisation (still being made)."""
    from collect.exports.models import Download

    if "download" not in w.extra:
        w.extra["download"] = Download.objects.create(
            requested_by=w.own_user, organisation=w.own, kind="lettings", year=2026
        )
    return w.extra["download"]


def own_user(w: World) -> list[Any]:
    return [w.own_user.pk]


def extra(name: str) -> Callable[[World], list[Any]]:
    return lambda w: [w.extra[name].pk]


def own_log(w: World) -> Any:
    """A lettings log of the own organisation, created by one of its providers."""
    if "own_log" not in w.extra:
        from collect.logs.writing import create_log

        w.extra["own_log"] = create_log(w.own_user).log
    return w.extra["own_log"]


def answered_log(w: World) -> Any:
    """The own organisation's log with every answer of the general needs example, which check errors may clear."""
    log = own_log(w)
    if "beds" not in log.answers:
        from collect.logs.writing import save_answers
        from collect.organisations.actions import accept_data_sharing_agreement
        from collect.refdata.models import LocalAuthority
        from collect.standards.lettings.y2026 import examples

        LocalAuthority.objects.get_or_create(code="E08000035", defaults={"name": "Leeds", "start_year": 2021})
        dpo = w.people["coordinator"]
        dpo.is_dpo = True
        dpo.save()
        accept_data_sharing_agreement(dpo, w.own)
        setup = {"owning_organisation_id": w.own.pk, "managing_organisation_id": w.own.pk}
        answers = {**examples.GENERAL_NEEDS, **setup, "assigned_to_id": w.own_user.pk}
        result = save_answers(log, answers, w.own_user)
        assert log.answers.get("beds") is not None, result.outcome.errors
    return log


CLEAR_BEDS = {"page": "property_number_of_bedrooms", "questions": "beds", "clear": "beds"}


def own_sales_log(w: World) -> Any:
    """A sales log of the own organisation, created by one of its providers, with its sale date."""
    if "own_sales_log" not in w.extra:
        from collect.logs.writing import create_log, save_answers

        log = create_log(w.own_user, "sales").log
        save_answers(log, {"saledate": datetime.date(2026, 10, 5), "purchid": "P1"}, w.own_user)
        w.extra["own_sales_log"] = log
    return w.extra["own_sales_log"]


def sales_page(page: str) -> Callable[[World], list[Any]]:
    return lambda w: [own_sales_log(w).pk, page]


# Two sales logs with the same duplicate-check answers (platform.md §4.4), assigned to the own provider.
SALES_DUPLICATE = {
    "saledate": datetime.date(2026, 10, 5),
    "purchid": "P1",
    "ownershipsch": 1,
    "type": 30,
    "staircase": 2,
    "jointpur": 2,
    "noint": 2,
    "privacynotice": 1,
    "manual_address_entry_selected": True,
    "address_line1": "1 Brick Lane",
    "town_or_city": "Leeds",
    "postcode_full": "LS1 1AA",
    "age1_known": 0,
    "age1": 35,
    "sexrab1": "F",
}


def own_sales_duplicates(w: World) -> list[Any]:
    """Two sales logs of the own organisation with the same duplicate-check answers, assigned to its provider."""
    if "own_sales_duplicates" not in w.extra:
        from collect.logs.writing import create_log, save_answers

        answers = {**SALES_DUPLICATE, "owning_organisation_id": w.own.pk, "managing_organisation_id": w.own.pk}
        logs = [create_log(w.own_user, "sales").log for _ in range(2)]
        for log in logs:
            save_answers(log, {**answers, "assigned_to_id": w.own_user.pk}, w.own_user)
            log.refresh_from_db()
        assert logs[0].duplicate_key
        assert logs[0].duplicate_key == logs[1].duplicate_key
        w.extra["own_sales_duplicates"] = logs
    return w.extra["own_sales_duplicates"]


def log_page(page: str) -> Callable[[World], list[Any]]:
    return lambda w: [own_log(w).pk, page]


def own_duplicates(w: World) -> list[Any]:
    """Two lettings logs of the own organisation with the same duplicate-check answers, assigned to its provider."""
    if "own_duplicates" not in w.extra:
        from collect.logs.writing import create_log, save_answers
        from collect.standards.lettings.y2026 import examples

        answers = {
            **examples.GENERAL_NEEDS,
            "owning_organisation_id": w.own.pk,
            "managing_organisation_id": w.own.pk,
            "assigned_to_id": w.own_user.pk,
        }
        logs = [create_log(w.own_user).log for _ in range(2)]
        for log in logs:
            save_answers(log, answers, w.own_user)
        assert logs[0].duplicate_key
        assert logs[0].duplicate_key == logs[1].duplicate_key
        w.extra["own_duplicates"] = logs
    return w.extra["own_duplicates"]


def own_upload(status: str = "created_with_errors", kind: str = "lettings") -> Callable[[World], list[Any]]:
    """An upload of the own organisation by its provider, with this status (no logs: its pages only show it)."""

    def make(w: World) -> list[Any]:
        key = f"upload_{status}_{kind}"
        if key not in w.extra:
            from django.core.files.base import ContentFile

            from collect.bulkupload.models import BulkUpload

            upload = BulkUpload(
                kind=kind, collection=f"{kind}-2026", uploaded_by=w.own_user, organisation=w.own, filename="a.csv"
            )
            upload.file.save(f"{upload.uuid}.csv", ContentFile(b"Field number,1\r\n"), save=False)
            upload.status = status
            upload.save()
            w.extra[key] = upload
        return [w.extra[key].uuid]

    return make


def bulk_upload_cases(kind: str) -> list[Case]:
    """The bulk upload pages of a kind: uploading needs an accepted data sharing agreement (here only support's
    chosen organisations have one); an upload's pages are its organisation's and support's, hidden from others."""
    name = f"bulkupload:{kind}"
    uploader = roles(DENY, DENY, ALLOW, DENY)
    mine = roles(ALLOW, ALLOW, ALLOW, HIDE)
    return [
        Case(f"{name}-start", uploader),
        Case(f"{name}-start", uploader, method="post"),
        Case(f"{name}-prepare", uploader, args=lambda w: [2026]),
        Case(f"{name}-prepare", everyone(NOT_ALLOWED), args=lambda w: [2026], method="post"),
        # The template and specification are for anyone signed in; a year not open is not found.
        Case(f"{name}-template", everyone(), args=lambda w: [2026]),
        Case(f"{name}-specification", everyone(), args=lambda w: [2026]),
        Case(f"{name}-template", everyone(HIDE), args=lambda w: [2019]),
        Case(f"{name}-upload", uploader, args=lambda w: [2026]),
        Case(f"{name}-upload", uploader, args=lambda w: [2026], method="post"),
        Case(f"{name}-status", mine, args=own_upload(kind=kind)),
        Case(f"{name}-status", everyone(NOT_ALLOWED), args=own_upload(kind=kind), method="post"),
        *(
            Case(f"{name}-{page}", mine, args=own_upload(kind=kind))
            for page in ("summary", "report", "errors-csv", "marked-file", "original-file")
        ),
        *(
            Case(f"{name}-{page}", mine, args=own_upload(kind=kind), method=m)
            for page in ("fix-choice", "deletion-report")
            for m in ("get", "post")
        ),
        *(
            Case(f"{name}-confirm-warnings", mine, args=own_upload("warnings_only", kind), method=m)
            for m in ("get", "post")
        ),
    ]


def own_nil_return(w: World) -> Any:
    """The own organisation's declaration of no lettings in the first quarter of 2026."""
    from collect.collection.models import NilReturn

    if "nil_return" not in w.extra:
        w.extra["nil_return"] = NilReturn.objects.create(
            organisation=w.own, start_year=2026, quarter=1, kind="lettings", declared_by=w.people["coordinator"]
        )
    return w.extra["nil_return"]


def reminder_round(w: World) -> Any:
    """The reminder round before the 2026 second quarter's cut-off."""
    from collect.collection.models import ReminderRound

    found, _ = ReminderRound.objects.get_or_create(
        start_year=2026,
        quarter=2,
        kind="reminder",
        defaults={"cutoff": datetime.date(2026, 10, 9), "send_on": datetime.date(2026, 9, 25)},
    )
    return found


def notification(w: World) -> Any:
    """A notification banner with a page, shown to everyone."""
    from collect.collection.models import Notification

    if "notification" not in w.extra:
        w.extra["notification"] = Notification.objects.create(
            title="The deadline moves",
            link_text="Read more",
            page_content="Details.",
            show_on_unauthenticated_pages=True,
        )
    return w.extra["notification"]


def resource(w: World) -> Any:
    """An uploaded resource of 2026 with its file."""
    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage

    from collect.collection.models import CollectionResource

    if "resource" not in w.extra:
        name = default_storage.save("collection-resources/test/form.pdf", ContentFile(b"%PDF-1.4 test"))
        w.extra["resource"] = CollectionResource.objects.create(
            start_year=2026, kind="lettings", resource_type="paper_form", display_name="Paper form",
            file_name=name, original_name="form.pdf", content_type="application/pdf", size=13,
        )  # fmt: skip
    return w.extra["resource"]


SUPPORT_ONLY = roles(DENY, DENY, ALLOW, DENY)
COMPLETENESS = ("collection:completeness", "collection:completeness-csv")
COLLECTION_CASES = [
    *[Case(name, roles(DENY, ALLOW, ALLOW, ALLOW)) for name in COMPLETENESS],
    *[Case(name, everyone(NOT_ALLOWED), method="post") for name in COMPLETENESS],
    Case("collection:nil-returns", roles(DENY, ALLOW, DENY, ALLOW)),
    Case("collection:nil-returns", roles(DENY, ALLOW, DENY, ALLOW), method="post",
         data=lambda w: {"kind": "sales", "quarter": "2026-2"}),
    Case("collection:nil-return-withdraw", roles(DENY, ALLOW, DENY, HIDE), args=lambda w: [own_nil_return(w).pk],
         method="post"),
    Case("collection:nil-return-withdraw", everyone(NOT_ALLOWED), args=lambda w: [own_nil_return(w).pk]),
    Case("collection:digest", everyone()),
    Case("collection:digest", everyone(), method="post", data=lambda w: {"frequency": "weekly"}),
    Case("collection:calendar", SUPPORT_ONLY),
    Case("collection:calendar", SUPPORT_ONLY, method="post"),
    Case("collection:calendar-year", SUPPORT_ONLY, args=lambda w: [2026]),
    Case("collection:calendar-year", SUPPORT_ONLY, args=lambda w: [2026], method="post"),
    Case("collection:reminders", SUPPORT_ONLY),
    Case("collection:reminders", everyone(NOT_ALLOWED), method="post"),
    Case("collection:reminder-round", SUPPORT_ONLY, args=lambda w: [reminder_round(w).pk]),
    Case("collection:reminder-round", SUPPORT_ONLY, args=lambda w: [reminder_round(w).pk], method="post",
         data=lambda w: {"paused": "1"}),
    Case("collection:data-quality", SUPPORT_ONLY),
    Case("collection:data-quality", everyone(NOT_ALLOWED), method="post"),
    Case("collection:notifications", SUPPORT_ONLY),
    Case("collection:notifications", everyone(NOT_ALLOWED), method="post"),
    Case("collection:notification-new", SUPPORT_ONLY),
    Case("collection:notification-new", SUPPORT_ONLY, method="post",
         data=lambda w: {"title": "Hello", "show_on_unauthenticated_pages": "0"}),
    Case("collection:notification", everyone(), args=lambda w: [notification(w).pk]),
    Case("collection:notification-edit", SUPPORT_ONLY, args=lambda w: [notification(w).pk]),
    Case("collection:notification-edit", SUPPORT_ONLY, args=lambda w: [notification(w).pk], method="post"),
    Case("collection:notification-end", SUPPORT_ONLY, args=lambda w: [notification(w).pk], method="post"),
    Case("collection:notification-end", everyone(NOT_ALLOWED), args=lambda w: [notification(w).pk]),
    Case("collection:notification-dismiss", everyone(), args=lambda w: [notification(w).pk], method="post"),
    Case("collection:notification-dismiss", everyone(NOT_ALLOWED), args=lambda w: [notification(w).pk]),
    Case("collection:resources", everyone()),
    Case("collection:resource-manage", SUPPORT_ONLY, args=lambda w: [2026]),
    Case("collection:resource-manage", SUPPORT_ONLY, args=lambda w: [2026], method="post"),
    Case("collection:resource-file", everyone(), args=lambda w: [resource(w).pk]),
    Case("collection:resource-delete", SUPPORT_ONLY, args=lambda w: [resource(w).pk], method="post"),
    Case("collection:resource-delete", everyone(NOT_ALLOWED), args=lambda w: [resource(w).pk]),
    Case("collection:generated-template", everyone(), args=lambda w: [2026, "lettings"]),
    Case("collection:generated-specification", everyone(), args=lambda w: [2026, "sales"]),
    Case("journeys:history", roles(ALLOW, ALLOW, ALLOW, HIDE), args=lambda w: [own_log(w).pk]),
    Case("journeys:history", everyone(NOT_ALLOWED), args=lambda w: [own_log(w).pk], method="post"),
    Case("journeys:sales-history", roles(ALLOW, ALLOW, ALLOW, HIDE), args=lambda w: [own_sales_log(w).pk]),
]  # fmt: skip


def own_api_token(w: World) -> list[Any]:
    """The own organisation and an API token of it, made by its coordinator."""
    if "api_token" not in w.extra:
        from collect.api.tokens import create_token

        w.extra["api_token"] = create_token(w.people["coordinator"], w.own, "Housing system")[0]
    return [w.own.pk, w.extra["api_token"].pk]


CASES: list[Case] = [
    Case("web:home", everyone()),
    Case("accounts:account", everyone()),
    Case("accounts:edit-account", everyone()),
    Case("accounts:edit-account", everyone(), method="post", data=lambda w: {"name": "New Name", "phone": ""}),
    Case("accounts:users", everyone()),
    Case("accounts:users", everyone(NOT_ALLOWED), method="post"),
    Case("accounts:users-csv", everyone()),
    Case("accounts:users-csv", everyone(NOT_ALLOWED), method="post"),
    Case("accounts:user", roles(ALLOW, ALLOW, ALLOW, HIDE), args=own_user),
    Case("accounts:user", everyone(NOT_ALLOWED), args=own_user, method="post"),
    Case("accounts:invite-user", roles(DENY, ALLOW, ALLOW, ALLOW)),
    Case("accounts:invite-user", roles(DENY, ALLOW, ALLOW, ALLOW), method="post"),
    # Two-factor authentication: the code pages send a verified session on; support cannot turn it off.
    Case("accounts:security-code", everyone()),
    Case("accounts:security-code", everyone(), method="post"),
    Case("accounts:security-code-new", everyone()),
    Case("accounts:security-code-new", everyone(), method="post"),
    Case("accounts:two-factor-email", everyone()),
    Case("accounts:two-factor-email", everyone(), method="post"),
    Case("accounts:authenticator-app", everyone()),
    Case("accounts:authenticator-app", everyone(), method="post", data=lambda w: {"code": "000000"}),
    Case("accounts:authenticator-app-remove", everyone()),
    Case("accounts:authenticator-app-remove", everyone(), method="post"),
    Case("accounts:two-factor-turn-off", roles(ALLOW, ALLOW, DENY, ALLOW)),
    Case("accounts:two-factor-turn-off", roles(ALLOW, ALLOW, DENY, ALLOW), method="post"),
    Case("accounts:edit-user", roles(DENY, ALLOW, ALLOW, HIDE), args=own_user),
    Case(
        "accounts:edit-user",
        roles(DENY, ALLOW, ALLOW, HIDE),
        args=own_user,
        method="post",
        data=lambda w: {"name": "Renamed", "email": w.own_user.email, "phone": "", "role": int(Role.DATA_PROVIDER)},
    ),
    Case("accounts:deactivate-user", roles(DENY, ALLOW, ALLOW, HIDE), args=own_user),
    Case("accounts:deactivate-user", roles(DENY, ALLOW, ALLOW, HIDE), args=own_user, method="post"),
    Case("accounts:reactivate-user", roles(DENY, ALLOW, ALLOW, HIDE), args=extra("deactivated_user")),
    Case("accounts:reactivate-user", roles(DENY, ALLOW, ALLOW, HIDE), args=extra("deactivated_user"), method="post"),
    Case("accounts:resend-invitation", roles(DENY, ALLOW, ALLOW, HIDE), args=extra("invited_user")),
    Case("accounts:resend-invitation", roles(DENY, ALLOW, ALLOW, HIDE), args=extra("invited_user"), method="post"),
    Case("accounts:move-user", roles(DENY, DENY, ALLOW, DENY), args=own_user),
    Case(
        "accounts:move-user",
        roles(DENY, DENY, ALLOW, DENY),
        args=own_user,
        method="post",
        data=lambda w: {"organisation": w.other.pk, "log_reassignment": "unassign"},
    ),
    Case("organisations:list", roles(DENY, DENY, ALLOW, DENY)),
    Case("organisations:create", roles(DENY, DENY, ALLOW, DENY)),
    Case("organisations:create", roles(DENY, DENY, ALLOW, DENY), method="post"),
    Case("organisations:mine", everyone()),
    Case("organisations:detail", roles(ALLOW, ALLOW, ALLOW, HIDE), args=lambda w: [w.own.pk]),
    Case("organisations:edit", roles(DENY, ALLOW, ALLOW, HIDE), args=lambda w: [w.own.pk]),
    Case("organisations:edit", roles(DENY, ALLOW, ALLOW, HIDE), args=lambda w: [w.own.pk], method="post"),
    Case("organisations:name-change", roles(DENY, DENY, ALLOW, DENY), args=lambda w: [w.own.pk]),
    Case("organisations:name-change", roles(DENY, DENY, ALLOW, DENY), args=lambda w: [w.own.pk], method="post"),
    Case(
        "organisations:name-change-cancel",
        roles(DENY, DENY, ALLOW, DENY),
        args=lambda w: [w.own.pk, w.extra["name_change"].pk],
        method="post",
    ),
    Case("organisations:status", roles(DENY, DENY, ALLOW, DENY), args=lambda w: [w.own.pk]),
    Case("organisations:status", roles(DENY, DENY, ALLOW, DENY), args=lambda w: [w.own.pk], method="post"),
    Case("organisations:stock-owners", roles(ALLOW, ALLOW, ALLOW, HIDE), args=lambda w: [w.own.pk]),
    Case("organisations:stock-owner-add", roles(DENY, ALLOW, ALLOW, HIDE), args=lambda w: [w.own.pk]),
    Case("organisations:stock-owner-add", roles(DENY, ALLOW, ALLOW, HIDE), args=lambda w: [w.own.pk], method="post"),
    Case(
        "organisations:stock-owner-remove",
        roles(DENY, ALLOW, ALLOW, HIDE),
        args=lambda w: [w.own.pk, w.extra["stock_owner_link"].pk],
    ),
    Case(
        "organisations:stock-owner-remove",
        roles(DENY, ALLOW, ALLOW, HIDE),
        args=lambda w: [w.own.pk, w.extra["stock_owner_link"].pk],
        method="post",
    ),
    Case("organisations:managing-agents", roles(ALLOW, ALLOW, ALLOW, HIDE), args=lambda w: [w.own.pk]),
    Case("organisations:managing-agent-add", roles(DENY, ALLOW, ALLOW, HIDE), args=lambda w: [w.own.pk]),
    Case("organisations:managing-agent-add", roles(DENY, ALLOW, ALLOW, HIDE), args=lambda w: [w.own.pk], method="post"),
    Case(
        "organisations:managing-agent-remove",
        roles(DENY, ALLOW, ALLOW, HIDE),
        args=lambda w: [w.own.pk, w.extra["managing_agent_link"].pk],
    ),
    Case(
        "organisations:managing-agent-remove",
        roles(DENY, ALLOW, ALLOW, HIDE),
        args=lambda w: [w.own.pk, w.extra["managing_agent_link"].pk],
        method="post",
    ),
    Case("organisations:data-sharing-agreement", roles(ALLOW, ALLOW, ALLOW, HIDE), args=lambda w: [w.own.pk]),
    # Only a data protection officer of the organisation accepts; none of these people is one.
    Case(
        "organisations:data-sharing-agreement",
        roles(DENY, DENY, DENY, HIDE),
        args=lambda w: [w.own.pk],
        method="post",
    ),
    Case("organisations:merges", roles(DENY, DENY, ALLOW, DENY)),
    Case("organisations:merge-start", roles(DENY, DENY, ALLOW, DENY), method="post"),
    Case("organisations:merge", roles(DENY, DENY, ALLOW, DENY), args=lambda w: [w.extra["merge"].pk]),
    *(
        Case(
            f"organisations:merge-{step}",
            roles(DENY, DENY, ALLOW, DENY),
            args=lambda w: [w.extra["merge"].pk],
            method=m,
        )
        for step in ("absorbing", "merging", "date")
        for m in ("get", "post")
    ),
    Case(
        "organisations:merge-run", roles(DENY, DENY, ALLOW, DENY), args=lambda w: [w.extra["merge"].pk], method="post"
    ),
    # Schemes and locations: coordinators and support change them, providers only look, others' records are hidden.
    # Lettings logs: everyone sees the list; creating needs an accepted data sharing agreement (none here, but
    # support's); a log is seen by everyone of its organisations, and is not found for anyone else.
    Case("journeys:list", everyone()),
    Case("journeys:list", everyone(NOT_ALLOWED), method="post"),
    Case("journeys:create", everyone(NOT_ALLOWED)),
    Case("journeys:create", roles(DENY, DENY, ALLOW, DENY), method="post"),
    Case("journeys:log", roles(ALLOW, ALLOW, ALLOW, HIDE), args=lambda w: [own_log(w).pk]),
    Case("journeys:log", everyone(NOT_ALLOWED), args=lambda w: [own_log(w).pk], method="post"),
    Case("journeys:page", roles(ALLOW, ALLOW, ALLOW, HIDE), args=log_page("needs-type")),
    Case(
        "journeys:page",
        roles(ALLOW, ALLOW, ALLOW, HIDE),
        args=log_page("needs-type"),
        method="post",
        data=lambda w: {"needstype": "1"},
    ),
    Case("journeys:check-answers", roles(ALLOW, ALLOW, ALLOW, HIDE), args=log_page("setup")),
    Case("journeys:check-answers", everyone(NOT_ALLOWED), args=log_page("setup"), method="post"),
    Case("journeys:review", roles(ALLOW, ALLOW, ALLOW, HIDE), args=lambda w: [own_log(w).pk]),
    Case("journeys:review", everyone(NOT_ALLOWED), args=lambda w: [own_log(w).pk], method="post"),
    Case(
        "journeys:check-errors",
        roles(ALLOW, ALLOW, ALLOW, HIDE),
        args=lambda w: [answered_log(w).pk],
        data=lambda w: {"page": "property_number_of_bedrooms", "questions": "beds"},
    ),
    Case("journeys:check-errors", everyone(NOT_ALLOWED), args=lambda w: [own_log(w).pk], method="post"),
    Case(
        "journeys:confirm-clear-answer",
        roles(ALLOW, ALLOW, ALLOW, HIDE),
        args=lambda w: [answered_log(w).pk],
        data=lambda w: CLEAR_BEDS,
    ),
    Case(
        "journeys:confirm-clear-answer",
        roles(ALLOW, ALLOW, ALLOW, HIDE),
        args=lambda w: [answered_log(w).pk],
        data=lambda w: CLEAR_BEDS,
        method="post",
    ),
    # Deleting: providers only the logs assigned to them (own_log is the own provider's, not the persona's).
    *(
        Case("journeys:delete", roles(DENY, ALLOW, ALLOW, HIDE), args=lambda w: [own_log(w).pk], method=m)
        for m in ("get", "post")
    ),
    *(
        Case("journeys:delete-logs", roles(DENY, ALLOW, ALLOW, HIDE), method=m, data=lambda w: {"log": own_log(w).pk})
        for m in ("get", "post")
    ),
    # Duplicates: everyone sees the sets they review; a provider reviews only sets with a log assigned to them.
    Case("journeys:duplicates", everyone()),
    Case("journeys:duplicates", everyone(NOT_ALLOWED), method="post"),
    Case("journeys:duplicate-review", roles(DENY, ALLOW, ALLOW, HIDE), args=lambda w: [own_duplicates(w)[0].pk]),
    Case(
        "journeys:duplicate-review",
        everyone(NOT_ALLOWED),
        args=lambda w: [own_duplicates(w)[0].pk],
        method="post",
    ),
    *(
        Case(
            "journeys:duplicate-keep",
            roles(DENY, ALLOW, ALLOW, HIDE),
            args=lambda w: [own_duplicates(w)[0].pk],
            method=m,
            data=lambda w: {"log": own_duplicates(w)[1].pk},
        )
        for m in ("get", "post")
    ),
    # Sales logs: the same pages and rules as lettings logs.
    Case("journeys:sales-list", everyone()),
    Case("journeys:sales-list", everyone(NOT_ALLOWED), method="post"),
    Case("journeys:sales-create", everyone(NOT_ALLOWED)),
    Case("journeys:sales-create", roles(DENY, DENY, ALLOW, DENY), method="post"),
    Case("journeys:sales-log", roles(ALLOW, ALLOW, ALLOW, HIDE), args=lambda w: [own_sales_log(w).pk]),
    Case("journeys:sales-log", everyone(NOT_ALLOWED), args=lambda w: [own_sales_log(w).pk], method="post"),
    Case("journeys:sales-page", roles(ALLOW, ALLOW, ALLOW, HIDE), args=sales_page("ownership-scheme")),
    Case(
        "journeys:sales-page",
        roles(ALLOW, ALLOW, ALLOW, HIDE),
        args=sales_page("ownership-scheme"),
        method="post",
        data=lambda w: {"ownershipsch": "1"},
    ),
    Case("journeys:sales-check-answers", roles(ALLOW, ALLOW, ALLOW, HIDE), args=sales_page("setup")),
    Case("journeys:sales-check-answers", everyone(NOT_ALLOWED), args=sales_page("setup"), method="post"),
    Case("journeys:sales-review", roles(ALLOW, ALLOW, ALLOW, HIDE), args=lambda w: [own_sales_log(w).pk]),
    Case("journeys:sales-review", everyone(NOT_ALLOWED), args=lambda w: [own_sales_log(w).pk], method="post"),
    Case(
        "journeys:sales-check-errors",
        roles(ALLOW, ALLOW, ALLOW, HIDE),
        args=lambda w: [own_sales_log(w).pk],
        data=lambda w: {"page": "purchaser_code", "questions": "purchid"},
    ),
    Case("journeys:sales-check-errors", everyone(NOT_ALLOWED), args=lambda w: [own_sales_log(w).pk], method="post"),
    *(
        Case(
            "journeys:sales-confirm-clear-answer",
            roles(ALLOW, ALLOW, ALLOW, HIDE),
            args=lambda w: [own_sales_duplicates(w)[0].pk],
            data=lambda w: {"page": "buyer_1_sex_registered_at_birth", "questions": "sexrab1", "clear": "sexrab1"},
            method=m,
        )
        for m in ("get", "post")
    ),
    *(
        Case("journeys:sales-delete", roles(DENY, ALLOW, ALLOW, HIDE), args=lambda w: [own_sales_log(w).pk], method=m)
        for m in ("get", "post")
    ),
    *(
        Case(
            "journeys:sales-delete-logs",
            roles(DENY, ALLOW, ALLOW, HIDE),
            method=m,
            data=lambda w: {"log": own_sales_log(w).pk},
        )
        for m in ("get", "post")
    ),
    Case("journeys:sales-duplicates", everyone()),
    Case("journeys:sales-duplicates", everyone(NOT_ALLOWED), method="post"),
    Case(
        "journeys:sales-duplicate-review",
        roles(DENY, ALLOW, ALLOW, HIDE),
        args=lambda w: [own_sales_duplicates(w)[0].pk],
    ),
    Case(
        "journeys:sales-duplicate-review",
        everyone(NOT_ALLOWED),
        args=lambda w: [own_sales_duplicates(w)[0].pk],
        method="post",
    ),
    *(
        Case(
            "journeys:sales-duplicate-keep",
            roles(DENY, ALLOW, ALLOW, HIDE),
            args=lambda w: [own_sales_duplicates(w)[0].pk],
            method=m,
            data=lambda w: {"log": own_sales_duplicates(w)[1].pk},
        )
        for m in ("get", "post")
    ),
    Case("schemes:list", everyone()),
    Case("schemes:download", everyone(), args=lambda w: ["combined"]),
    Case("schemes:new", roles(DENY, ALLOW, ALLOW, ALLOW)),
    Case("schemes:new", roles(DENY, ALLOW, ALLOW, ALLOW), method="post", data=lambda w: {"service_name": "New"}),
    Case("schemes:duplicates", roles(DENY, ALLOW, ALLOW, HIDE), args=lambda w: [w.own.pk]),
    Case("schemes:duplicates", roles(DENY, ALLOW, ALLOW, HIDE), args=lambda w: [w.own.pk], method="post"),
    Case("schemes:detail", roles(ALLOW, ALLOW, ALLOW, HIDE), args=lambda w: [sw.own_scheme(w).pk]),
    Case("schemes:detail", roles(HIDE, HIDE, ALLOW, ALLOW), args=lambda w: [sw.other_scheme(w).pk]),
    *[
        Case(f"schemes:{page}", roles(DENY, ALLOW, ALLOW, HIDE), args=lambda w: [sw.own_draft(w).pk], method=method)
        for page in ("details", "primary-client-group", "other-client-group", "secondary-client-group", "support")
        for method in ("get", "post")
    ],
    Case(
        "schemes:details",
        roles(DENY, ALLOW, ALLOW, HIDE),
        args=lambda w: [sw.own_scheme(w).pk],
        method="post",
        data=lambda w: {"service_name": "Renamed"},
    ),
    Case("schemes:check-answers", roles(DENY, ALLOW, ALLOW, HIDE), args=lambda w: [sw.own_draft(w).pk]),
    Case("schemes:check-answers", roles(DENY, ALLOW, ALLOW, HIDE), args=lambda w: [sw.own_draft(w).pk], method="post"),
    Case("schemes:deactivate", roles(DENY, ALLOW, ALLOW, HIDE), args=lambda w: [sw.own_scheme(w).pk]),
    Case(
        "schemes:deactivate",
        roles(DENY, ALLOW, ALLOW, HIDE),
        args=lambda w: [sw.own_scheme(w).pk],
        method="post",
        data=lambda w: {"when": "now"},
    ),
    *[
        Case(name, roles(DENY, ALLOW, ALLOW, HIDE), args=args, method=method, data=lambda w: sw.today())
        for name, args in (
            ("schemes:deactivate-confirm", lambda w: [sw.own_scheme(w).pk]),
            ("schemes:reactivate-confirm", lambda w: [sw.own_deactivated_scheme(w).pk]),
        )
        for method in ("get", "post")
    ],
    Case("schemes:reactivate", roles(DENY, ALLOW, ALLOW, HIDE), args=lambda w: [sw.own_deactivated_scheme(w).pk]),
    Case(
        "schemes:reactivate",
        roles(DENY, ALLOW, ALLOW, HIDE),
        args=lambda w: [sw.own_deactivated_scheme(w).pk],
        method="post",
        data=lambda w: {"when": "now"},
    ),
    Case("schemes:location-new", roles(DENY, ALLOW, ALLOW, HIDE), args=lambda w: [sw.own_scheme(w).pk]),
    Case(
        "schemes:location-new",
        roles(DENY, ALLOW, ALLOW, HIDE),
        args=lambda w: [sw.own_scheme(w).pk],
        method="post",
        data=lambda w: {"postcode": "ZZ1 1ZZ"},
    ),
    Case(
        "schemes:location",
        roles(ALLOW, ALLOW, ALLOW, HIDE),
        args=lambda w: [sw.own_scheme(w).pk, sw.own_location(w).pk],
    ),
    *[
        Case(
            f"schemes:location-{page}",
            roles(DENY, ALLOW, ALLOW, HIDE),
            args=lambda w: [sw.own_scheme(w).pk, sw.own_draft_location(w).pk],
            method=method,
        )
        for page in (
            "postcode",
            "local-authority",
            "name",
            "units",
            "type-of-unit",
            "mobility-standards",
            "availability",
            "check-answers",
        )
        for method in ("get", "post")
    ],
    *[
        Case(f"schemes:location-{page}", roles(DENY, ALLOW, ALLOW, HIDE), args=args, method=method, data=data)
        for page, args, data in (
            ("deactivate", lambda w: [sw.own_scheme(w).pk, sw.own_location(w).pk], lambda w: {"when": "now"}),
            (
                "reactivate",
                lambda w: [sw.own_scheme(w).pk, sw.own_deactivated_location(w).pk],
                lambda w: {"when": "now"},
            ),
            ("deactivate-confirm", lambda w: [sw.own_scheme(w).pk, sw.own_location(w).pk], lambda w: sw.today()),
            (
                "reactivate-confirm",
                lambda w: [sw.own_scheme(w).pk, sw.own_deactivated_location(w).pk],
                lambda w: sw.today(),
            ),
        )
        for method in ("get", "post")
    ],
    # Bulk upload: the pages of each kind, and support's list of every upload.
    *bulk_upload_cases("lettings"),
    *bulk_upload_cases("sales"),
    Case("bulkupload:support-list", roles(DENY, DENY, ALLOW, DENY)),
    Case("bulkupload:support-list", everyone(NOT_ALLOWED), method="post"),
    # Data out: log downloads by email link, and support's statistics export.
    *[
        Case(f"exports:{kind}-download", everyone(), method=m)
        for kind in ("lettings", "sales")
        for m in ("get", "post")
    ],
    Case("exports:download", roles(ALLOW, ALLOW, ALLOW, HIDE), args=lambda w: [own_download(w).uuid]),
    Case("exports:download", everyone(NOT_ALLOWED), args=lambda w: [own_download(w).uuid], method="post"),
    Case("exports:download-file", roles(ALLOW, ALLOW, ALLOW, HIDE), args=lambda w: [own_download(w).uuid]),
    Case("exports:runs", roles(DENY, DENY, ALLOW, DENY)),
    Case("exports:runs", roles(DENY, DENY, ALLOW, DENY), method="post", data=lambda w: {"full": "0"}),
    # Open data: public statistics pages (no sign-in), and support's page that publishes a release.
    Case("opendata:statistics", everyone()),
    Case("opendata:latest", everyone(), args=lambda w: [published_release(w).year]),
    Case("opendata:release", everyone(), args=lambda w: [2026, published_release(w).version]),
    Case("opendata:file", everyone(), args=lambda w: [2026, published_release(w).version, "method.md"]),
    Case("opendata:factsheet", everyone(), args=lambda w: [2026, published_release(w).version, "E09000001"]),
    Case("opendata:factsheet-pdf", everyone(), args=lambda w: [2026, published_release(w).version, "E09000001"]),
    *[
        Case(name, everyone(NOT_ALLOWED), method="post", args=args)
        for name, args in (
            ("opendata:statistics", lambda w: []),
            ("opendata:release", lambda w: [2026, published_release(w).version]),
            ("opendata:factsheet", lambda w: [2026, published_release(w).version, "E09000001"]),
        )
    ],
    Case("opendata:manage", roles(DENY, DENY, ALLOW, DENY)),
    Case(
        "opendata:manage",
        roles(DENY, DENY, ALLOW, DENY),
        method="post",
        data=lambda w: {"year": "2026", "notes": "n", "threshold": "5"},
    ),
    # Running the collection (collect.collection) and a log's history.
    *COLLECTION_CASES,
    # Debug-only pages answer 404 outside debug mode, for everyone.
    Case("notify:sent-emails", everyone(HIDE)),
    Case("notify:sent-email", everyone(HIDE), args=lambda w: ["x"]),
    # API tokens: the organisation's data coordinators and support.
    Case("api:tokens", roles(DENY, ALLOW, ALLOW, HIDE), args=lambda w: [w.own.pk]),
    Case("api:token-create", roles(DENY, ALLOW, ALLOW, HIDE), args=lambda w: [w.own.pk]),
    Case(
        "api:token-create",
        roles(DENY, ALLOW, ALLOW, HIDE),
        args=lambda w: [w.own.pk],
        method="post",
        data=lambda w: {"name": "Housing system", "scope": "read"},
    ),
    *(Case("api:token-revoke", roles(DENY, ALLOW, ALLOW, HIDE), args=own_api_token, method=m) for m in ("get", "post")),
]


def test_every_route_has_a_row():
    covered = {case.name for case in CASES}
    missing = sorted(
        name for name, _ in ROUTES if name not in covered and name not in PUBLIC_VIEW_NAMES - DEBUG_PUBLIC_VIEW_NAMES
    )
    assert not missing, f"add rows to CASES for: {missing}"


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_route_permissions(client, world, case, persona):
    verified_login(client, world.people[persona])
    path = reverse(case.name, args=case.args(world))
    response = getattr(client, case.method)(path, case.data(world))
    expected = case.expect[persona]
    status = response.status_code
    response.close()  # a file download keeps its file open until closed
    outcomes = {403: DENY, 404: HIDE, 405: NOT_ALLOWED}
    outcome = outcomes.get(status, ALLOW if status < 400 else f"error {status}")
    assert outcome == expected, f"{case.id} as {persona}: {status}, expected {expected}"
