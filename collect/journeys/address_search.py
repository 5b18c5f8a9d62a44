"""The property's address page: search the configured address lookup and pick a result, or enter it by hand.

Without JavaScript: the search is a GET form (the query is in the URL), the results a list of radios posted back to
the page. The chosen UPRN is looked up again and its address written as the log's answers through the write path.
With no lookup configured, or when it is not working, the page offers manual entry (platform.md §9).
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from collect.accounts.models import User
from collect.addresses import lookup as addresses
from collect.journeys import form
from collect.logs.models import Log
from collect.logs.writing import save_answers
from collect.rulebook import Page
from collect.rulebook.declaration import Subsection

UNAVAILABLE = "Address search is not working at the moment. Enter the address manually."
NOT_RECOGNISED = "UPRN is not recognised. Check the number, or enter the address."


def address_page(  # noqa: PLR0917 - the request and the log's page, as log_page found them
    request: HttpRequest, log: Log, user: User, page: Page, subsection: Subsection, answers: dict[str, Any]
) -> HttpResponse:
    """Show the address search, its results, or save the chosen address or the choice to enter it by hand."""
    referrer = request.GET.get("referrer", "")
    lookup = addresses.configured()
    errors: dict[str, str] = {}
    if request.method == "POST" and (request.POST.get("manual_address") or lookup is None):
        result = save_answers(log, {"manual_address_entry_selected": True}, user)
        return redirect(form.after_save(log, page, subsection, result.outcome, referrer, {}))
    if request.method == "POST" and lookup is not None:
        uprn = request.POST.get("uprn", "").strip()
        if not uprn:
            errors["uprn"] = "Select the property’s address, or search again"
        else:
            errors, changes = _chosen(lookup, uprn, log, page, subsection, answers, user)
            if not errors:
                result = save_answers(log, changes, user)
                return redirect(form.after_save(log, page, subsection, result.outcome, referrer, changes))
    query = " ".join(request.GET.get("query", "").split())
    results: list[addresses.Address] = []
    if lookup is not None and "query" in request.GET:
        try:
            results = lookup.search(query) if query else []
        except addresses.LookupUnavailableError:
            errors["query"] = UNAVAILABLE
        else:
            if not query:
                errors["query"] = "Enter the property’s address or UPRN to search for it"
            elif not results:
                errors["query"] = f"No address matches ‘{query}’. Check it and search again, or enter it manually."
    current = ", ".join(
        str(answers[key])
        for key in ("address_line1", "address_line2", "town_or_city", "postcode_full")
        if answers.get(key) and answers.get("uprn")
    )
    question = page.questions[0]
    return render(
        request,
        "journeys/address_search.html",
        {
            "title": page.header or question.text,
            "log": log,
            "page": page,
            "question": question,
            "subsection": subsection,
            "lookup": lookup is not None,
            "query": query,
            "results": results,
            "errors": errors,
            "current": current,
            "referrer": referrer,
            "back": form.back_link(log, subsection, referrer, request),
        },
    )


def _chosen(  # noqa: PLR0917 - the choice, and the log's page to check it against
    lookup: addresses.AddressLookup,
    uprn: str,
    log: Log,
    page: Page,
    subsection: Subsection,
    answers: dict[str, Any],
    user: User,
) -> tuple[dict[str, str], dict[str, Any]]:
    """The answers of the chosen address, or the errors that stop it being saved."""
    try:
        address = lookup.by_uprn(uprn)
    except addresses.LookupUnavailableError:
        return {"uprn": UNAVAILABLE}, {}
    if address is None:
        return {"uprn": NOT_RECOGNISED}, {}
    changes = address.answers()
    errors, _ = form.page_errors(log, page, subsection, answers, changes, user)
    return errors, changes
