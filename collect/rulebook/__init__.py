"""The rulebook engine: collection years declared as data, evaluated without Django.

A declaration (collect.standards) lists sections, subsections, pages, questions, derivations and checks.
`compile_collection` turns it into an Evaluator once; `Evaluator.evaluate(answers, context)` returns an Outcome:
routed pages, cleared answers, derived values, errors and warnings, and the status of every subsection and of the
log. Nothing here imports Django: the same rules run in the web form, bulk upload, the API and the CLI checker.
"""

from collect.rulebook.conditions import Condition, F, Pred, always, never
from collect.rulebook.declaration import (
    Check,
    CollectionYear,
    Derivation,
    Option,
    Page,
    Question,
    QuestionKind,
    Section,
    Severity,
    Subsection,
)
from collect.rulebook.evaluate import Evaluator, Issue, Outcome, Status, compile_collection

__all__ = [
    "Check",
    "CollectionYear",
    "Condition",
    "Derivation",
    "Evaluator",
    "F",
    "Issue",
    "Option",
    "Outcome",
    "Page",
    "Pred",
    "Question",
    "QuestionKind",
    "Section",
    "Severity",
    "Status",
    "Subsection",
    "always",
    "compile_collection",
    "never",
]
