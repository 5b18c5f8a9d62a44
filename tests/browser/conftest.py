"""Browser tests: Playwright driving Debian's Chromium (/usr/bin/chromium) against a live server.

Every page a test visits through `visit` or `check_page` is checked with axe-core (0 violations) and for one h1
and unique ids.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, sync_playwright

from tests.support.html import assert_good_page

# Playwright's sync API runs an event loop in the test thread; Django's ORM calls from the test are still synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = Path(os.environ.get("COLLECT_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--headless=new",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: bin/test installs Debian's chromium package")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Browser, live_server: Any) -> Iterator[Page]:
    context = browser.new_context(base_url=live_server.url)
    opened = context.new_page()
    opened.set_default_timeout(10_000)
    yield opened
    context.close()


_axe = Axe()
_CONDITIONAL_REVEAL = re.compile(r'class="govuk-(radios|checkboxes)__input"[^>]*aria-controls="conditional-')


def _is_govuk_conditional_reveal(node: dict[str, Any]) -> bool:
    """GOV.UK Frontend's conditional reveals set aria-expanded on the radio or checkbox, deliberately.

    The Design System keeps it after research with screen reader users and lists axe's finding as a known issue
    (alphagov/govuk-frontend#979). This exempts exactly that node: aria-expanded, and nothing else, on a GOV.UK
    radio or checkbox that controls a conditional reveal.
    """
    messages = [item["message"] for item in node.get("any", []) + node.get("all", []) + node.get("none", [])]
    only_expanded = all("aria-expanded" in m and "not allowed" in m for m in messages) and messages
    return bool(only_expanded and _CONDITIONAL_REVEAL.search(node.get("html", "")))


def check_page(page: Page) -> None:
    """Fail the test if the page in the browser has an axe violation, not one h1, or repeated ids."""
    results = _axe.run(page)
    violations = []
    for violation in results.response["violations"]:
        nodes = violation["nodes"]
        if violation["id"] == "aria-allowed-attr":
            nodes = [n for n in nodes if not _is_govuk_conditional_reveal(n)]
        if nodes:
            violations.append({**violation, "nodes": nodes})
    results.response["violations"] = violations
    assert not violations, f"{page.url}: axe found\n{results.generate_report()}"
    assert_good_page(page.content(), page.url)


def visit(page: Page, path: str) -> None:
    """Go to a path of the service and check the page."""
    page.goto(path)
    check_page(page)
