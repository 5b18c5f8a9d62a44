"""A fixed-window rate limit per API token, counted in Django's cache.

`COLLECT_API_RATE_LIMIT` calls per `COLLECT_API_RATE_WINDOW` seconds (README's configuration table). The counts live
in the cache named by `COLLECT_API_RATE_CACHE`: the in-process default counts per web process, so production points
it at a shared cache (such as Redis) for one count across processes.
"""

from __future__ import annotations

import math
import time

from django.conf import settings
from django.core.cache import caches


def retry_after(token_id: int, now: float | None = None) -> int | None:
    """Count one call of a token; the seconds to wait when it is over its limit, else None."""
    limit = int(settings.COLLECT_API_RATE_LIMIT)
    window = int(settings.COLLECT_API_RATE_WINDOW)
    if limit <= 0:
        return None
    now = time.time() if now is None else now
    bucket = int(now // window)
    key = f"collect-api-rate:{token_id}:{bucket}"
    cache = caches[settings.COLLECT_API_RATE_CACHE]
    cache.add(key, 0, timeout=window + 1)
    try:
        count = cache.incr(key)
    except ValueError:  # the count expired between add and incr: this is the window's first call
        cache.set(key, 1, timeout=window + 1)
        count = 1
    if count <= limit:
        return None
    return max(1, math.ceil((bucket + 1) * window - now))
