"""Every form of the service, sent hostile values: never a server error, and a value sent never comes back unescaped.

For each route that takes a POST and that someone may use (tests/web/test_permissions.py), the page is fetched as
that person, the names of its form's fields are read from it, and hypothesis sends them values an attacker or a
broken client might: long text, control characters, markup, spreadsheet formulas, numbers out of any range, dates
that do not exist, and lists where one value is expected. The response must not be a server error (5xx), and the
markup sent must appear only escaped.
"""

from __future__ import annotations

from html.parser import HTMLParser
from typing import Any

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import verified_login
from tests.web.test_permissions import ALLOW, CASES, Case, world  # noqa: F401 - the world fixture

MARKER = '<script>alert("x")</script>'
HOSTILE = st.one_of(
    st.text(max_size=40),
    st.text(alphabet=st.characters(codec="utf-8"), min_size=1, max_size=400),
    st.sampled_from(
        [
            MARKER,
            '=HYPERLINK("http://x")',
            "+1",
            "-1",
            "@SUM(1)",
            "\x00",
            "0" * 200,
            "9" * 30,
            "-99999",
            "1e309",
            "NaN",
            "31/02/2026",
            "2026-02-31",
            "",
            " ",
            "\t\r\n",
            "' OR 1=1 --",
            "../../etc/passwd",
            "%00",
            "😀" * 50,
        ]
    ),
)


class _Fields(HTMLParser):
    """The names of the fields of a page's forms (not the CSRF token)."""

    def __init__(self) -> None:
        super().__init__()
        self.names: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        name = dict(attrs).get("name")
        if tag in ("input", "select", "textarea", "button") and name and name != "csrfmiddlewaretoken":
            self.names.add(name)


def _someone_allowed(case: Case) -> str | None:
    return next((persona for persona, outcome in case.expect.items() if outcome == ALLOW), None)


POSTS = [case for case in CASES if case.method == "post" and _someone_allowed(case)]


@pytest.mark.parametrize("case", POSTS, ids=lambda c: c.id)
def test_hostile_values_never_cause_a_server_error(client, world, case):  # noqa: F811 - the world fixture
    persona = _someone_allowed(case)
    assert persona is not None
    verified_login(client, world.people[persona])
    path = reverse(case.name, args=case.args(world))
    page = client.get(path)
    parser = _Fields()
    if page.status_code == 200 and page.get("Content-Type", "").startswith("text/html"):
        parser.feed(page.content.decode())
    names = sorted(parser.names | set(case.data(world)))
    if not names:
        pytest.skip("the route takes no fields")

    @settings(max_examples=6, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
    @given(st.fixed_dictionaries({name: st.one_of(HOSTILE, st.lists(HOSTILE, max_size=3)) for name in names}))
    def send(values: dict[str, Any]) -> None:
        response = client.post(path, values)
        assert response.status_code < 500, f"{case.id}: {response.status_code} for {values!r}"
        if not getattr(response, "streaming", False):
            assert MARKER.encode() not in response.content, f"{case.id} sent back markup unescaped"

    send()
