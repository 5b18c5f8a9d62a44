"""Checks every page in the tests must pass: one h1, unique ids, a title that matches the h1."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from html.parser import HTMLParser


@dataclass
class PageFacts:
    """What the checks need to know about a page."""

    title: str = ""
    h1s: list[str] = field(default_factory=list)
    ids: Counter[str] = field(default_factory=Counter)
    error_summary: list[str] = field(default_factory=list)


class _Parser(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.facts = PageFacts()
        self._in: list[str] = []
        self._h1_text: list[str] | None = None
        self._title_text: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if attributes.get("id"):
            self.facts.ids[str(attributes["id"])] += 1
        if tag == "h1":
            self._h1_text = []
        elif tag == "title" and not self.facts.title and "svg" not in self._in:
            self._title_text = []
        if tag not in {"br", "img", "input", "meta", "link", "hr", "source", "circle", "path"}:
            self._in.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "h1" and self._h1_text is not None:
            self.facts.h1s.append(" ".join("".join(self._h1_text).split()))
            self._h1_text = None
        elif tag == "title" and self._title_text is not None:
            self.facts.title = " ".join("".join(self._title_text).split())
            self._title_text = None
        if tag in self._in:
            while self._in and self._in.pop() != tag:
                pass

    def handle_data(self, data: str) -> None:
        if self._h1_text is not None:
            self._h1_text.append(data)
        if self._title_text is not None:
            self._title_text.append(data)


def page_facts(html: str) -> PageFacts:
    """Parse a page."""
    parser = _Parser()
    parser.feed(html)
    return parser.facts


def page_problems(html: str) -> list[str]:
    """What is wrong with a page; empty when it passes."""
    facts = page_facts(html)
    problems = []
    if len(facts.h1s) != 1:
        problems.append(f"expected exactly one h1, found {len(facts.h1s)}: {facts.h1s}")
    duplicates = sorted(i for i, n in facts.ids.items() if n > 1)
    if duplicates:
        problems.append(f"duplicate ids: {duplicates}")
    heading = facts.title.removeprefix("Error: ").split(" - ")[0].strip()
    if not heading:
        problems.append("the page has no title")
    elif facts.h1s and not facts.h1s[0].startswith(heading):
        problems.append(f"title {facts.title!r} does not match the h1 {facts.h1s[0]!r}")
    if not facts.title.endswith("- GOV.UK"):
        problems.append(f"title {facts.title!r} does not end with '- GOV.UK'")
    return problems


def assert_good_page(html: str, where: str = "") -> None:
    """Fail the test if the page breaks a rule every page must keep."""
    problems = page_problems(html)
    assert not problems, f"{where}: " + "; ".join(problems)
