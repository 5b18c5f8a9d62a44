"""The collection years the service knows, by id (such as "lettings-2026"), compiled once per process."""

from __future__ import annotations

import functools
from collections.abc import Callable

from collect.rulebook import CollectionYear, Evaluator, compile_collection


def _lettings_2026() -> CollectionYear:
    from collect.standards.lettings.y2026 import LETTINGS_2026

    return LETTINGS_2026


def _sales_2026() -> CollectionYear:
    from collect.standards.sales.y2026 import SALES_2026

    return SALES_2026


COLLECTIONS: dict[str, Callable[[], CollectionYear]] = {"lettings-2026": _lettings_2026, "sales-2026": _sales_2026}


def collection(collection_id: str) -> CollectionYear:
    """A collection year's declaration."""
    try:
        return COLLECTIONS[collection_id]()
    except KeyError:
        known = ", ".join(sorted(COLLECTIONS))
        raise KeyError(f"No collection year called {collection_id!r}. Known: {known}") from None


@functools.cache
def evaluator(collection_id: str) -> Evaluator:
    """A collection year compiled for evaluation (once per process)."""
    return compile_collection(collection(collection_id))
