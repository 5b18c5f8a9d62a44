"""Readable documentation of a collection year, generated from its declaration (Markdown and HTML).

Lists every page with when it is shown, every question with its codes and limits, every derived variable and every
check with its trigger and messages. `tests/rulebook/test_docs.py` fails when the committed documents are stale.
"""

from __future__ import annotations

import html
from collections.abc import Iterator
from pathlib import Path

from collect.rulebook.conditions import Condition, always, never
from collect.rulebook.declaration import Check, CollectionYear, Question


def _when(condition: Condition) -> str:
    return "always" if condition is always else str(condition)


def _limits(question: Question) -> str:
    parts = []
    if question.minimum is not None:
        parts.append(f"min {question.prefix}{question.minimum}{question.suffix}")
    if question.maximum is not None:
        parts.append(f"max {question.prefix}{question.maximum}{question.suffix}")
    if question.step is not None:
        parts.append(f"step {question.step}")
    return ", ".join(parts)


def _answers(question: Question) -> str:
    if question.options:
        return "; ".join(
            f"{o.code} = {o.label}" + (f" ({o.kind.value})" if o.kind.value != "answer" else "")
            for o in question.options
        )
    return _limits(question)


def _extras(question: Question) -> list[str]:
    notes = []
    if question.revealed_by:
        parent, values = question.revealed_by
        notes.append(f"shown when {parent} is one of {sorted(values, key=str)}")
    if question.optional_when is not never:
        notes.append(f"optional when {_when(question.optional_when)}")
    if question.derived_when is not never:
        notes.append(f"derived when {_when(question.derived_when)}")
    if question.not_known_when is not never:
        notes.append(f"'Not known' when {_when(question.not_known_when)}")
    if question.keep_when_off_route:
        notes.append("kept when its page is not shown")
    return notes


def _message_text(check: Check, field_id: str) -> str:
    message = check.messages[field_id]
    return message if isinstance(message, str) else (message.__doc__ or "(message built from the answers)").strip()


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def markdown(collection: CollectionYear) -> str:
    """The collection year as one Markdown document."""
    return "\n".join(_markdown_lines(collection)) + "\n"


def _markdown_lines(collection: CollectionYear) -> Iterator[str]:
    yield f"# {collection.label} ({collection.id})"
    yield ""
    yield "Generated from the declaration by `python -m collect.rulebook docs`. Do not edit by hand."
    yield ""
    yield "## Questions, by section, subsection and page"
    yield from _markdown_pages(collection)
    yield from _markdown_rules(collection)


def _markdown_pages(collection: CollectionYear) -> Iterator[str]:
    for section in collection.sections:
        yield ""
        yield f"### {section.label}"
        for subsection in section.subsections:
            yield ""
            yield f"#### {subsection.label} (`{subsection.id}`)"
            if subsection.enabled_when is not always:
                yield ""
                yield f"Can be started when: {_when(subsection.enabled_when)}"
            for page in subsection.pages:
                yield ""
                yield f"**Page `{page.id}`** — shown when: {_when(page.shown_when)}"
                yield ""
                yield "| Question | Q# | Type | Text | Answers | Notes |"
                yield "|---|---|---|---|---|---|"
                for q in page.questions:
                    text = q.text + (f" (hint: {q.hint})" if q.hint else "")
                    yield (
                        f"| `{q.id}` | {q.number or ''} | {q.kind.value} | {_cell(text)} | {_cell(_answers(q))} "
                        f"| {_cell('; '.join(_extras(q)))} |"
                    )


def _markdown_rules(collection: CollectionYear) -> Iterator[str]:
    if collection.derivations:
        yield ""
        yield "## Derived variables"
        yield ""
        yield "| Id | Sets | Reads | Rule |"
        yield "|---|---|---|---|"
        for d in collection.derivations:
            yield f"| `{d.id}` | {', '.join(d.sets)} | {', '.join(d.reads)} | {_cell(d.description)} |"
    if collection.checks:
        yield ""
        yield "## Checks"
        yield ""
        yield "| Id | Kind | When | Field | Message |"
        yield "|---|---|---|---|---|"
        for c in collection.checks:
            kind = "error" if c.severity.value == "error" else f"warning, confirmed by {c.confirm_field}"
            when = c.description or _when(c.when)
            for n, field_id in enumerate(c.messages):
                lead = f"| `{c.id}` | {kind} | {_cell(when)}" if n == 0 else "| | |"
                yield f"{lead} | `{field_id}` | {_cell(_message_text(c, field_id))} |"
            if c.decision:
                yield f"| | | Decision: {_cell(c.decision)} | | |"
    if collection.duplicate_fields:
        yield ""
        yield "## Duplicate logs"
        yield ""
        yield (
            f"Two logs are duplicates when both have {_cell(_when(collection.duplicate_when))}, and these answers "
            f"are the same: {', '.join(f'`{f}`' for f in collection.duplicate_fields)}."
        )
    if collection.notes:
        yield ""
        yield "## Notes and decisions"
        for key, note in collection.notes.items():
            yield f"- **{key}**: {note}"


def html_document(collection: CollectionYear) -> str:
    """The collection year as a standalone HTML page (the same content as the Markdown)."""
    e = html.escape
    out = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f"<title>{e(collection.label)}</title></head><body>",
        f"<h1>{e(collection.label)} ({e(collection.id)})</h1>",
        "<p>Generated from the declaration by <code>python -m collect.rulebook docs</code>.</p>",
    ]
    for section in collection.sections:
        out.append(f"<h2>{e(section.label)}</h2>")
        for subsection in section.subsections:
            out.append(f"<h3>{e(subsection.label)} (<code>{e(subsection.id)}</code>)</h3>")
            for page in subsection.pages:
                out.append(f"<h4>Page <code>{e(page.id)}</code></h4><p>Shown when: {e(_when(page.shown_when))}</p>")
                out.append(
                    "<table><thead><tr><th>Question</th><th>Q#</th><th>Type</th><th>Text</th>"
                    "<th>Answers</th><th>Notes</th></tr></thead><tbody>"
                )
                for q in page.questions:
                    out.append(
                        f"<tr><td><code>{e(q.id)}</code></td><td>{q.number or ''}</td><td>{e(q.kind.value)}</td>"
                        f"<td>{e(q.text)}</td><td>{e(_answers(q))}</td><td>{e('; '.join(_extras(q)))}</td></tr>"
                    )
                out.append("</tbody></table>")
    if collection.derivations:
        out.append(
            "<h2>Derived variables</h2><table><thead><tr><th>Id</th><th>Sets</th><th>Rule</th></tr></thead><tbody>"
        )
        out.extend(
            f"<tr><td><code>{e(d.id)}</code></td><td>{e(', '.join(d.sets))}</td><td>{e(d.description)}</td></tr>"
            for d in collection.derivations
        )
        out.append("</tbody></table>")
    if collection.checks:
        out.append(
            "<h2>Checks</h2><table><thead><tr><th>Id</th><th>Kind</th><th>When</th><th>Field</th>"
            "<th>Message</th></tr></thead><tbody>"
        )
        for c in collection.checks:
            for field_id in c.messages:
                out.append(
                    f"<tr><td><code>{e(c.id)}</code></td><td>{e(c.severity.value)}</td>"
                    f"<td>{e(c.description or _when(c.when))}</td><td><code>{e(field_id)}</code></td>"
                    f"<td>{e(_message_text(c, field_id))}</td></tr>"
                )
        out.append("</tbody></table>")
    if collection.duplicate_fields:
        fields = ", ".join(f"<code>{e(f)}</code>" for f in collection.duplicate_fields)
        out.append(
            f"<h2>Duplicate logs</h2><p>Two logs are duplicates when both have {e(_when(collection.duplicate_when))}, "
            f"and these answers are the same: {fields}.</p>"
        )
    out.append("</body></html>")
    return "\n".join(out) + "\n"


def write_docs(collection: CollectionYear, folder: Path) -> list[Path]:
    """Write `<id>.md` and `<id>.html` into a folder; return their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    md = folder / f"{collection.id}.md"
    page = folder / f"{collection.id}.html"
    md.write_text(markdown(collection), encoding="utf-8")
    page.write_text(html_document(collection), encoding="utf-8")
    return [md, page]
