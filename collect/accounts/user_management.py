"""People pages: the users list, its CSV download, a user's page and every change to users.

Inviting, changing, deactivating, reactivating and moving users; changing one's own details; confirming a new
email address. Every change goes through collect.accounts.actions; who may do what comes from collect.accounts.policy.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Page, Paginator
from django.http import HttpRequest, HttpResponse, QueryDict, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from collect.accounts import actions
from collect.accounts.forms import InviteUserForm
from collect.accounts.models import User
from collect.accounts.policy import (
    can_deactivate,
    can_manage_users_of,
    can_move_user,
    can_reactivate,
    can_resend_invitation,
    editable_user_fields,
    require,
    signed_in_user,
    support_required,
    users_in_scope,
)
from collect.accounts.tokens import Problem, Purpose, check_token
from collect.accounts.user_forms import AccountDetailsForm, MoveUserForm, UserDetailsForm, UserFilterForm
from collect.audit.trail import history
from collect.web.csv_download import csv_response

PAGE_SIZE = 50
CSV_COLUMNS = (
    "Name",
    "Email address",
    "Organisation",
    "Role",
    "Data protection officer",
    "Key contact",
    "Status",
    "Last signed in",
    "Created",
)
# A spreadsheet treats a cell starting with one of these as a formula (CSV injection).
_EMAIL_CHANGE_TOKEN = "collect_email_change_token"  # noqa: S105 - a session key, not a secret


def _target(request: HttpRequest, pk: int) -> tuple[User, User]:
    """The signed-in person and the user they act on; 404 outside their scope."""
    viewer = signed_in_user(request)
    return viewer, get_object_or_404(users_in_scope(viewer), pk=pk)


def _add_errors(form: forms.BaseForm, error: ValidationError) -> None:
    """Show an action's refusal on the form, next to the field it is about when the form has it."""
    if hasattr(error, "error_dict"):
        for name, errors in error.error_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, error)


def _user_page(user: User) -> HttpResponse:
    return redirect("accounts:user", pk=user.pk)


# The users list and its download


def _page_links(request: HttpRequest, page: Page) -> dict[str, Any]:
    """The parameters of govukPagination for this page of the list, keeping the search and filters."""

    def href(number: int) -> str:
        query = request.GET.copy()
        query["page"] = str(number)
        return "?" + query.urlencode()

    last = page.paginator.num_pages
    shown = sorted({1, last, *range(max(1, page.number - 1), min(last, page.number + 1) + 1)})
    items: list[dict[str, Any]] = []
    for index, number in enumerate(shown):
        if index and number - shown[index - 1] > 1:
            items.append({"ellipsis": True})
        items.append({"number": number, "href": href(number), "current": number == page.number})
    return {
        "previous": {"href": href(page.number - 1)} if page.has_previous() else None,
        "next": {"href": href(page.number + 1)} if page.has_next() else None,
        "items": items,
    }


def _without_page(query: QueryDict) -> str:
    copy = query.copy()
    copy.pop("page", None)
    return copy.urlencode()


@require_GET
def users(request: HttpRequest) -> HttpResponse:
    """The users this person may see, 50 a page, with a search, filters and a CSV download of what is shown."""
    viewer = signed_in_user(request)
    form = UserFilterForm(viewer, request.GET)
    found = form.apply(users_in_scope(viewer)).order_by("name", "pk")
    page = Paginator(found, PAGE_SIZE).get_page(request.GET.get("page"))
    filters = _without_page(request.GET)
    context = {
        "form": form,
        "page": page,
        "pagination": _page_links(request, page) if page.paginator.num_pages > 1 else None,
        "download_url": reverse("accounts:users-csv") + (f"?{filters}" if filters else ""),
        "can_invite": viewer.is_support or viewer.is_data_coordinator,
        "nav_section": "users",
    }
    return render(request, "accounts/users.html", context)


def _when(value: datetime | None) -> str:
    return timezone.localtime(value).strftime("%Y-%m-%d %H:%M") if value else ""


def user_csv_rows(found: Iterable[User]) -> Iterator[tuple[str, ...]]:
    """The rows of the users CSV: a header, then one row per user."""
    yield CSV_COLUMNS
    for user in found:
        row = (
            user.name,
            user.email,
            user.organisation.name,
            user.get_role_display(),
            "Yes" if user.is_dpo else "No",
            "Yes" if user.is_key_contact else "No",
            user.status,
            _when(user.last_login),
            _when(user.created_at),
        )
        yield row


@require_GET
def users_csv(request: HttpRequest) -> StreamingHttpResponse:
    """The users list with the same search and filters as a CSV file, streamed as it is read."""
    viewer = signed_in_user(request)
    form = UserFilterForm(viewer, request.GET)
    found = form.apply(users_in_scope(viewer)).order_by("name", "pk").iterator(chunk_size=500)
    return csv_response(user_csv_rows(found), f"users-{timezone.localdate():%Y-%m-%d}.csv")


# One user


@require_GET
def user_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """One user's details and what the viewer may do to them; support also sees the history of changes."""
    viewer, shown = _target(request, pk)
    context = {
        "account_user": shown,
        "editable": editable_user_fields(viewer, shown),
        "can_deactivate": can_deactivate(viewer, shown),
        "can_reactivate": can_reactivate(viewer, shown),
        "can_resend_invitation": can_resend_invitation(viewer, shown),
        "can_move": can_move_user(viewer),
        "events": history(shown) if viewer.is_support else None,
        "nav_section": "users",
    }
    return render(request, "accounts/user_detail.html", context)


@require_http_methods(["GET", "POST"])
def invite_user(request: HttpRequest) -> HttpResponse:
    """Support (any organisation) and data coordinators (their own) invite a user by email."""
    inviter = signed_in_user(request)
    require(inviter.is_support or inviter.is_data_coordinator)
    form = InviteUserForm(inviter, request.POST if request.method == "POST" else None, auto_id="%s")
    if form.is_valid():
        data = form.cleaned_data
        try:
            user = actions.invite_user(
                inviter,
                name=data["name"],
                email=data["email"],
                organisation=data["organisation"],
                role=data["role"],
                is_dpo=data["is_dpo"],
                is_key_contact=data["is_key_contact"],
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, f"Invitation sent to {user.email}")
            return _user_page(user)
    return render(request, "accounts/invite_user.html", {"form": form, "nav_section": "users"})


def _changed_message(update: actions.UserUpdate, whose: str) -> str:
    if update.pending_email:
        return (
            f"{whose} details have been saved. We have sent a link to {update.pending_email} to confirm the new "
            "email address; the current address works until it is followed"
        )
    if update.invitation_sent:
        return f"{whose} details have been saved and a new invitation has been sent to the new email address"
    return f"{whose} details have been saved" if update.changes else "Nothing was changed"


@require_http_methods(["GET", "POST"])
def edit_user(request: HttpRequest, pk: int) -> HttpResponse:
    """Change a user's details: the form only has the fields the viewer may change (policy.editable_user_fields)."""
    viewer, target = _target(request, pk)
    require(bool(editable_user_fields(viewer, target)))
    form = UserDetailsForm(viewer, target, request.POST if request.method == "POST" else None)
    if form.is_valid():
        try:
            update = actions.update_user(viewer, target, form.cleaned_data)
        except ValidationError as error:
            _add_errors(form, error)
        else:
            whose = "Your" if viewer.pk == target.pk else f"{target.name}\N{RIGHT SINGLE QUOTATION MARK}s"
            messages.success(request, _changed_message(update, whose))
            return _user_page(target)
    context = {"form": form, "account_user": target, "is_self": viewer.pk == target.pk, "nav_section": "users"}
    return render(request, "accounts/edit_user.html", context)


@require_http_methods(["GET", "POST"])
def edit_account(request: HttpRequest) -> HttpResponse:
    """Change one's own name and phone number."""
    user = signed_in_user(request)
    form = AccountDetailsForm(user, request.POST if request.method == "POST" else None)
    if form.is_valid():
        update = actions.update_user(user, user, form.cleaned_data)
        messages.success(request, _changed_message(update, "Your"))
        return redirect("accounts:account")
    return render(request, "accounts/edit_account.html", {"form": form, "nav_section": None})


@dataclass(frozen=True)
class _Confirmable:
    """A change to a user that a page asks to confirm first."""

    allowed: Callable[[User, User], bool]
    act: Callable[[User, User], None]
    template: str
    done: str
    on_self: bool = False


_CONFIRMABLE = {
    "deactivate": _Confirmable(
        can_deactivate, actions.deactivate_user, "accounts/deactivate_user.html", "{name} has been deactivated"
    ),
    "reactivate": _Confirmable(
        can_reactivate,
        actions.reactivate_user,
        "accounts/reactivate_user.html",
        "{name} has been reactivated. We have sent an email to {email}",
    ),
    "resend": _Confirmable(
        can_resend_invitation,
        actions.resend_invitation,
        "accounts/resend_invitation.html",
        "A new invitation has been sent to {email}",
        on_self=True,
    ),
}


def _confirmation(request: HttpRequest, pk: int, kind: str) -> HttpResponse:
    """A page asking to confirm a change to a user (GET), and the change once confirmed (POST).

    Refused for the viewer's role, or for themselves: 403. The user's status makes the change meaningless (already
    active, say): back to their page.
    """
    change = _CONFIRMABLE[kind]
    viewer, target = _target(request, pk)
    require(can_manage_users_of(viewer, target.organisation) and (change.on_self or viewer.pk != target.pk))
    if not change.allowed(viewer, target):
        return _user_page(target)
    if request.method == "POST":
        change.act(viewer, target)
        messages.success(request, change.done.format(name=target.name, email=target.email))
        return _user_page(target)
    return render(request, change.template, {"account_user": target, "nav_section": "users"})


@require_http_methods(["GET", "POST"])
def deactivate_user(request: HttpRequest, pk: int) -> HttpResponse:
    """Confirm, then deactivate a user: they can no longer sign in."""
    return _confirmation(request, pk, "deactivate")


@require_http_methods(["GET", "POST"])
def reactivate_user(request: HttpRequest, pk: int) -> HttpResponse:
    """Confirm, then reactivate a user, who is told by email."""
    return _confirmation(request, pk, "reactivate")


@require_http_methods(["GET", "POST"])
def resend_invitation(request: HttpRequest, pk: int) -> HttpResponse:
    """Confirm, then send a new invitation to a user who has not yet set a password."""
    return _confirmation(request, pk, "resend")


@support_required
@require_http_methods(["GET", "POST"])
def move_user(request: HttpRequest, pk: int) -> HttpResponse:
    """Move a user to another organisation and choose what happens to their logs (support only)."""
    viewer, target = _target(request, pk)
    form = MoveUserForm(target, request.POST if request.method == "POST" else None)
    if form.is_valid():
        organisation = form.cleaned_data["organisation"]
        logs = actions.LogReassignment(form.cleaned_data["log_reassignment"])
        try:
            actions.move_user_to_organisation(viewer, target, organisation, logs)
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, f"{target.name} has been moved to {organisation.name}")
            return _user_page(target)
    return render(request, "accounts/move_user.html", {"form": form, "account_user": target, "nav_section": "users"})


# Confirming a new email address (public: the link is followed from the new address's inbox)


def _email_link_problem(request: HttpRequest, problem: Problem) -> HttpResponse:
    status = 404 if problem is Problem.INVALID else 410
    return render(request, "accounts/email_change_problem.html", {"problem": problem}, status=status)


def confirm_email_link(request: HttpRequest, token: str) -> HttpResponse:
    """The link in a confirmation email: keep the token in the session and move it out of the address bar."""
    check = check_token(token, Purpose.EMAIL_CHANGE)
    if check.problem is not None:
        return _email_link_problem(request, check.problem)
    request.session[_EMAIL_CHANGE_TOKEN] = token
    return redirect("accounts:confirm-email")


@require_http_methods(["GET", "POST"])
def confirm_email(request: HttpRequest) -> HttpResponse:
    """Ask the owner of the new address to confirm it, then make it the account's address."""
    token = request.session.get(_EMAIL_CHANGE_TOKEN)
    if not isinstance(token, str):
        return _email_link_problem(request, Problem.INVALID)
    check = check_token(token, Purpose.EMAIL_CHANGE)
    if check.user is None or not check.user.pending_email:
        return _email_link_problem(request, check.problem or Problem.USED)
    user = check.user
    form = forms.Form(request.POST if request.method == "POST" else None)
    if form.is_valid():
        new_email = user.pending_email
        try:
            actions.confirm_email_change(user)
        except ValidationError as error:
            _add_errors(form, error)
        else:
            request.session.pop(_EMAIL_CHANGE_TOKEN, None)
            messages.success(request, f"Your email address is now {new_email}. Use it to sign in")
            return redirect("accounts:account" if request.user.pk == user.pk else "accounts:sign-in")
    return render(request, "accounts/confirm_email.html", {"form": form, "changing_user": user})
