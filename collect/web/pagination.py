"""GOV.UK pagination for a page of results, keeping the search and filters of the list in every link."""

from __future__ import annotations

from typing import Any

from django.core.paginator import Page, Paginator
from django.http import QueryDict


def govuk_pagination(page: Page, query: QueryDict) -> dict[str, Any] | None:
    """The parameters of govukPagination, or None when everything fits on one page.

    `query` holds the list's search and filters; each link adds its page number to them.
    """
    if page.paginator.num_pages <= 1:
        return None

    def href(number: int) -> str:
        linked = query.copy()
        linked["page"] = str(number)
        return "?" + linked.urlencode()

    items: list[dict[str, Any]] = []
    for number in page.paginator.get_elided_page_range(page.number, on_each_side=1, on_ends=1):
        if number == Paginator.ELLIPSIS:
            items.append({"ellipsis": True})
        else:
            items.append({"number": number, "href": href(int(number)), "current": number == page.number})
    return {
        "previous": {"href": href(page.previous_page_number())} if page.has_previous() else None,
        "next": {"href": href(page.next_page_number())} if page.has_next() else None,
        "items": items,
    }
