"""Web pages of the API: an organisation's tokens (made, listed, revoked) and the API's documentation page."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods

from collect.accounts.models import User
from collect.accounts.policy import organisations_in_scope, require, signed_in_user
from collect.api import tokens
from collect.api.models import ApiToken, Scope
from collect.organisations.models import Organisation


def can_manage_tokens(user: User, organisation: Organisation) -> bool:
    """Support, and the organisation's data coordinators, make and revoke its API tokens."""
    return user.is_support or (user.is_data_coordinator and user.organisation_id == organisation.pk)


def _organisation(request: HttpRequest, pk: int) -> tuple[User, Organisation]:
    """The person and an organisation whose tokens they manage (404 outside their scope, 403 for their role)."""
    user = signed_in_user(request)
    organisation = get_object_or_404(organisations_in_scope(user), pk=pk)
    require(can_manage_tokens(user, organisation))
    return user, organisation


def _nav(user: User) -> str:
    return "organisations" if user.is_support else "organisation"


class TokenForm(forms.Form):
    """A new token's name and scope."""

    name = forms.CharField(
        max_length=100,
        error_messages={
            "required": "Enter a name for the token, such as the name of the system that will use it",
            "max_length": "The name must be 100 characters or fewer",
        },
    )
    scope = forms.ChoiceField(
        choices=[
            (Scope.READ_WRITE.value, "Read and write: create, change and delete logs"),
            (Scope.READ.value, "Read only: list and read logs, check answers"),
        ],
        error_messages={"required": "Select what the token can do", "invalid_choice": "Select what the token can do"},
    )

    def clean_name(self) -> str:
        name: str = self.cleaned_data["name"].strip()
        if not name:
            raise forms.ValidationError("Enter a name for the token, such as the name of the system that will use it")
        return name


def token_list(request: HttpRequest, pk: int) -> HttpResponse:
    """The organisation's API tokens: name, scope, who made it, when it was last used, revoked or not."""
    user, organisation = _organisation(request, pk)
    found = ApiToken.objects.filter(organisation=organisation).select_related("created_by", "revoked_by")
    context = {"organisation": organisation, "tokens": found, "nav_section": _nav(user)}
    return render(request, "api/tokens.html", context)


@require_http_methods(["GET", "POST"])
def token_create(request: HttpRequest, pk: int) -> HttpResponse:
    """Make a token; the page after shows it once (it is not stored, so it cannot be shown again)."""
    user, organisation = _organisation(request, pk)
    form = TokenForm(request.POST if request.method == "POST" else None, initial={"scope": Scope.READ_WRITE.value})
    if request.method == "POST" and form.is_valid():
        record, token = tokens.create_token(user, organisation, form.cleaned_data["name"], form.cleaned_data["scope"])
        context: dict[str, Any] = {"organisation": organisation, "record": record, "token": token}
        response = render(request, "api/token_created.html", {**context, "nav_section": _nav(user)})
        response["Cache-Control"] = "no-store"
        return response
    context = {"organisation": organisation, "form": form, "nav_section": _nav(user)}
    return render(request, "api/token_new.html", context)


@require_http_methods(["GET", "POST"])
def token_revoke(request: HttpRequest, pk: int, token_pk: int) -> HttpResponse:
    """Revoke a token after confirming: calls with it stop working at once."""
    user, organisation = _organisation(request, pk)
    record = get_object_or_404(ApiToken.objects.filter(organisation=organisation, revoked_at__isnull=True), pk=token_pk)
    if request.method == "POST":
        tokens.revoke_token(user, record)
        messages.success(request, f"The token {record.name} has been revoked")
        return redirect("api:tokens", pk=organisation.pk)
    context = {"organisation": organisation, "record": record, "nav_section": _nav(user)}
    return render(request, "api/token_revoke.html", context)


def _operations(schema: dict[str, Any]) -> list[dict[str, Any]]:
    """The OpenAPI document's operations, grouped by tag, for the docs page."""
    groups: dict[str, list[dict[str, Any]]] = {}
    for path, operations in schema.get("paths", {}).items():
        for method, operation in operations.items():
            tag = (operation.get("tags") or ["Other"])[0]
            groups.setdefault(tag, []).append(
                {
                    "method": method.upper(),
                    "path": path,
                    "id": operation.get("operationId", ""),
                    "summary": operation.get("summary", ""),
                    "description": operation.get("description", ""),
                    "parameters": operation.get("parameters", []),
                    "has_body": "requestBody" in operation,
                    "responses": sorted(operation.get("responses", {}).items()),
                    "secured": bool(operation.get("security")),
                }
            )
    return [{"tag": tag, "operations": found} for tag, found in groups.items()]


def docs(request: HttpRequest) -> HttpResponse:
    """The API's documentation page, drawn from the OpenAPI document the API serves (no scripts from elsewhere)."""
    from collect.api.api import api
    from collect.api.json_schema import collections_of

    schema = api.get_openapi_schema(path_prefix="/api/v1/")
    context = {
        "info": schema.get("info", {}),
        "groups": _operations(schema),
        "collections": [c for kind in ("lettings", "sales") for c in collections_of(kind)],
    }
    return render(request, "api/docs.html", context)
