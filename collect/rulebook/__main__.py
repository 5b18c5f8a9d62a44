"""The command-line checker: evaluate a log's answers (JSON) against a collection year, without a database.

python -m collect.rulebook evaluate --collection lettings-2026 log.json
python -m collect.rulebook evaluate --collection lettings-2026 - < log.json
python -m collect.rulebook evaluate --collection sales-2026 log.json
python -m collect.rulebook docs --collection lettings-2026 --out docs/rulebook
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import sys
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

PROVIDER_TYPES = {"la": 1, "local-authority": 1, "prp": 2, "private-registered-provider": 2}


def _default_refdata() -> Path:
    folder = os.environ.get("COLLECT_REFDATA_DIR")
    return Path(folder) if folder else Path(__file__).resolve().parents[2].parent / "shared" / "refdata"


def _json_default(value: Any) -> Any:
    if isinstance(value, (datetime.date, Decimal)):
        return str(value)
    if isinstance(value, (set, frozenset)):
        return sorted(value)
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


def _lettings_context(options: argparse.Namespace) -> Any:
    from collect.standards.facts import OrganisationFacts
    from collect.standards.lettings.context import LettingsContext
    from collect.standards.refdata_files import FileReferenceData

    periods = (
        frozenset(int(p) for p in options.rent_periods.split(",")) if options.rent_periods else frozenset(range(1, 12))
    )
    owner = OrganisationFacts(
        1, options.owning_organisation, PROVIDER_TYPES[options.provider_type], rent_periods=periods
    )
    return LettingsContext(
        today=options.today,
        refdata=FileReferenceData(options.refdata),
        owning_organisation=owner,
        managing_organisation=owner,
        assigned_user_organisation_ids=frozenset({owner.id}),
    )


def _sales_context(options: argparse.Namespace) -> Any:
    from collect.standards.facts import OrganisationFacts
    from collect.standards.refdata_files import FileReferenceData
    from collect.standards.sales.context import SalesContext

    owner = OrganisationFacts(1, options.owning_organisation, PROVIDER_TYPES[options.provider_type])
    return SalesContext(
        today=options.today,
        refdata=FileReferenceData(options.refdata),
        owning_organisation=owner,
        managing_organisation=owner,
        assigned_user_organisation_ids=frozenset({owner.id}),
    )


CONTEXTS = {"lettings": _lettings_context, "sales": _sales_context}


def _read_answers(source: str) -> dict[str, Any]:
    text = sys.stdin.read() if source == "-" else Path(source).read_text(encoding="utf-8")
    answers = json.loads(text, parse_float=Decimal)
    if not isinstance(answers, dict):
        raise ValueError("the file must hold one JSON object: answer ids as keys, codes as values")
    return answers


def evaluate_command(options: argparse.Namespace) -> int:
    """Print the outcome of one log as JSON; exit 0 when it has no errors, 1 when it has."""
    from collect.standards.registry import collection, evaluator

    make_context = CONTEXTS.get(collection(options.collection).kind)
    try:
        answers = _read_answers(options.file)
    except (OSError, ValueError) as error:
        print(f"Could not read {options.file}: {error}", file=sys.stderr)  # noqa: T201
        return 2
    context = make_context(options) if make_context else None
    outcome = evaluator(options.collection).evaluate(answers, context)
    json.dump(outcome.as_dict(), sys.stdout, indent=2, default=_json_default, sort_keys=True)
    sys.stdout.write("\n")
    return 1 if outcome.errors else 0


def docs_command(options: argparse.Namespace) -> int:
    """Write the documentation of a collection year (Markdown and HTML)."""
    from collect.rulebook.docs import write_docs
    from collect.standards.registry import collection

    for path in write_docs(collection(options.collection), Path(options.out)):
        print(path)  # noqa: T201
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the checker."""
    parser = argparse.ArgumentParser(prog="python -m collect.rulebook", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("evaluate", help="evaluate a log's answers and print the outcome as JSON")
    run.add_argument("file", help="a JSON file of answers, or - for standard input")
    run.add_argument("--collection", required=True, help="such as lettings-2026 or sales-2026")
    run.add_argument(
        "--today",
        type=datetime.date.fromisoformat,
        default=datetime.date.today(),
        help="the date to check against (YYYY-MM-DD; default today)",
    )
    run.add_argument(
        "--provider-type",
        choices=sorted(PROVIDER_TYPES),
        default="prp",
        help="the owning organisation's type (default prp)",
    )
    run.add_argument("--owning-organisation", default="Owning organisation", help="its name, for messages")
    run.add_argument(
        "--rent-periods", default="", help="rent period codes the organisation uses, such as 1,2,4 (lettings)"
    )
    run.add_argument(
        "--refdata",
        type=Path,
        default=_default_refdata(),
        help="folder of the published reference data files (default ../shared/refdata)",
    )
    run.set_defaults(handler=evaluate_command)
    docs = commands.add_parser("docs", help="write the collection year's documentation")
    docs.add_argument("--collection", required=True)
    docs.add_argument("--out", required=True, help="folder to write to")
    docs.set_defaults(handler=docs_command)
    options = parser.parse_args(argv)
    try:
        return int(options.handler(options))
    except KeyError as error:
        print(error.args[0] if error.args else error, file=sys.stderr)  # noqa: T201
        return 2


if __name__ == "__main__":
    sys.exit(main())
