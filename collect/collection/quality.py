"""Data quality: which checks fire most and which soft warnings are confirmed most (issue 10).

By organisation and by question, so the department can improve its guidance.

The write path stores the checks each log raises (`Log.checks`, collect.logs.writing.check_record); this counts
them over a collection year's logs. A check "fires" on a log while its answers raise it; a soft warning is
"confirmed" when its confirmation question is answered "yes, this is correct".
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from collect.journeys.kinds import PAGES
from collect.logs.models import Log
from collect.rulebook.declaration import CollectionYear, Severity
from collect.standards.registry import COLLECTIONS, collection


@dataclass(frozen=True)
class CheckFigures:
    """How often one check fires and is confirmed."""

    check_id: str
    description: str
    questions: tuple[str, ...]
    soft: bool
    fired: int
    confirmed: int


@dataclass(frozen=True)
class GroupFigures:
    """Checks fired and warnings confirmed for one organisation or one question."""

    name: str
    logs: int
    fired: int
    confirmed: int


@dataclass
class Quality:
    """A collection year's data quality figures for one kind of log."""

    kind: str
    start_year: int
    logs: int = 0
    checks: list[CheckFigures] = field(default_factory=list)
    organisations: list[GroupFigures] = field(default_factory=list)
    questions: list[GroupFigures] = field(default_factory=list)


def declaration_for(kind: str, start_year: int) -> CollectionYear | None:
    """The collection year's declaration, or None when the year is not declared."""
    wanted = f"{kind}-{start_year}"
    return collection(wanted) if wanted in COLLECTIONS else None


def quality(kind: str, start_year: int, organisation_id: int | None = None) -> Quality:
    """Count the checks of a year's visible logs (one organisation's, if given), most frequent first."""
    from collect.organisations.models import Organisation

    logs = Log.objects.visible().filter(kind=kind).filter(PAGES[kind].in_years([start_year]))
    if organisation_id is not None:
        logs = logs.filter(owning_organisation_id=organisation_id)
    fired: Counter[str] = Counter()
    confirmed: Counter[str] = Counter()
    by_owner: dict[int | None, Counter[str]] = {}
    total = 0
    for owner, checks in logs.values_list("owning_organisation_id", "checks").iterator(chunk_size=5000):
        total += 1
        counts = by_owner.setdefault(owner, Counter())
        counts["logs"] += 1
        for check_id in {*checks.get("errors", ()), *checks.get("warnings", ())}:
            fired[check_id] += 1
            counts["fired"] += 1
        for check_id in checks.get("confirmed", ()):
            confirmed[check_id] += 1
            counts["confirmed"] += 1
    declared = declaration_for(kind, start_year)
    known = {check.id: check for check in declared.checks} if declared else {}
    labels = {q.id: q.label for q in declared.questions().values()} if declared else {}
    figures = []
    by_question: dict[str, Counter[str]] = {}
    for check_id in set(fired) | set(confirmed):
        check = known.get(check_id)
        questions = tuple(labels.get(f, f) for f in check.fields) if check else ()
        figures.append(
            CheckFigures(
                check_id,
                (check.description if check else "") or check_id.replace("_", " ").capitalize(),
                questions,
                bool(check and check.severity is Severity.SOFT),
                fired[check_id],
                confirmed[check_id],
            )
        )
        for question in questions or ("Not a question of the form",):
            counts = by_question.setdefault(question, Counter())
            counts["fired"] += fired[check_id]
            counts["confirmed"] += confirmed[check_id]
    figures.sort(key=lambda c: (-c.fired, -c.confirmed, c.check_id))
    names = {
        o.pk: o.current_name
        for o in Organisation.objects.filter(pk__in=[k for k in by_owner if k]).prefetch_related("name_changes")
    }
    organisations = [
        GroupFigures(names.get(owner, "No owning organisation yet") if owner else "No owning organisation yet",
                     c["logs"], c["fired"], c["confirmed"])
        for owner, c in by_owner.items()
        if c["fired"] or c["confirmed"]
    ]  # fmt: skip
    organisations.sort(key=lambda g: (-g.fired, -g.confirmed, g.name))
    question_figures = [GroupFigures(name, 0, c["fired"], c["confirmed"]) for name, c in by_question.items()]
    question_figures.sort(key=lambda g: (-g.fired, -g.confirmed, g.name))
    return Quality(kind, start_year, total, figures, organisations, question_figures)
