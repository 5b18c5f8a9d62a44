"""Fixed-window rate limits counted in Django's cache: how many times something may happen per window of seconds.

Used where a person or a client could hammer the service: asking for password reset links (per address and per
network address), and the supplier API (per token, collect.api.ratelimit). The counts live in the cache named by
COLLECT_RATE_LIMIT_CACHE (the in-process default counts per web process; point it at a shared cache in production
for one count across processes).
"""

from __future__ import annotations

import hashlib
import math
import time

from django.conf import settings
from django.core.cache import caches


def retry_after(scope: str, key: str, limit: int, window: int, now: float | None = None) -> int | None:
    """Count one more of `scope` for `key`; the seconds to wait when that is over `limit` per `window`, else None."""
    if limit <= 0:
        return None
    now = time.time() if now is None else now
    bucket = int(now // window)
    digest = hashlib.sha256(key.encode()).hexdigest()[:32]  # any text is a safe cache key this way
    name = f"collect-rate:{scope}:{digest}:{bucket}"
    cache = caches[settings.COLLECT_RATE_LIMIT_CACHE]
    cache.add(name, 0, timeout=window + 1)
    try:
        count = cache.incr(name)
    except ValueError:  # the count expired between add and incr: this is the window's first
        cache.set(name, 1, timeout=window + 1)
        count = 1
    if count <= limit:
        return None
    return max(1, math.ceil((bucket + 1) * window - now))


def client_address(request_meta: dict[str, object]) -> str:
    """The network address a request came from (REMOTE_ADDR: set the proxy to pass the real one in production)."""
    return str(request_meta.get("REMOTE_ADDR", ""))
