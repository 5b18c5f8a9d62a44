"""The explicit list of pages that can be reached without signing in. Everything else needs a signed-in user."""

from __future__ import annotations

from django.conf import settings

PUBLIC_VIEW_NAMES = frozenset(
    {
        "web:start",
        "web:health",
        "web:accessibility-statement",
        "web:privacy-notice",
        "web:cookies",
        "accounts:sign-in",
        "accounts:password-forgotten",
        "accounts:password-reset-sent",
        "accounts:password-reset-link",
        "accounts:password-reset",
        "accounts:invitation-link",
        "accounts:invitation",
        "accounts:confirm-email-link",
        "accounts:confirm-email",
        "accounts:sign-out",
        "accounts:security-code-too-many",
        "opendata:statistics",
        "opendata:latest",
        "opendata:release",
        "opendata:file",
        "opendata:factsheet",
        "opendata:factsheet-pdf",
        "collection:notification",
        "collection:resources",
        "collection:resource-file",
        "collection:generated-template",
        "collection:generated-specification",
        # The supplier API (collect.api): its documents are public; its calls need a token, not a signed-in user.
        "api:docs",
        "api-v1:api-root",
        "api-v1:openapi-json",
        "api-v1:schemas",
        "api-v1:schema",
        *(
            f"api-v1:{kind}-{call}"
            for kind in ("lettings", "sales")
            for call in ("list", "create", "validate", "detail", "update", "delete", "validate-change")
        ),
    }
)
# Reachable without signing in only while settings.DEBUG is on (the views refuse otherwise).
DEBUG_PUBLIC_VIEW_NAMES = frozenset({"notify:sent-emails", "notify:sent-email"})


def is_public(view_name: str) -> bool:
    """True if the named view may be shown to someone who has not signed in."""
    return view_name in PUBLIC_VIEW_NAMES or (settings.DEBUG and view_name in DEBUG_PUBLIC_VIEW_NAMES)
