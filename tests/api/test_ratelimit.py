"""The rate limit per token: 429 with Retry-After once a token is over its calls per window."""

from __future__ import annotations

from collect.api.ratelimit import retry_after
from tests.api.conftest import ApiClient

LETTINGS = "/api/v1/lettings-logs"


def test_over_the_limit_a_token_gets_429_with_retry_after(settings, signed_organisation, make_token):
    settings.COLLECT_API_RATE_LIMIT = 3
    busy, other = ApiClient(make_token()[1]), ApiClient(make_token(name="Other")[1])
    assert [busy.get(LETTINGS).status_code for _ in range(3)] == [200] * 3
    refused = busy.get(LETTINGS)
    assert refused.status_code == 429
    assert refused["Content-Type"].startswith("application/problem+json")
    assert 1 <= int(refused["Retry-After"]) <= 60
    assert refused.json()["type"].endswith("#problem-rate-limited")
    assert other.get(LETTINGS).status_code == 200  # the limit is per token


def test_the_window_starts_again(settings):
    settings.COLLECT_API_RATE_LIMIT = 2
    settings.COLLECT_API_RATE_WINDOW = 60
    assert retry_after(7, now=600.0) is None
    assert retry_after(7, now=610.0) is None
    assert retry_after(7, now=650.5) == 10  # the window ends at 660
    assert retry_after(7, now=660.0) is None


def test_no_limit_when_set_to_zero(settings):
    settings.COLLECT_API_RATE_LIMIT = 0
    assert all(retry_after(8) is None for _ in range(50))
