"""The committed documentation of each collection year matches its declaration."""

from __future__ import annotations

from pathlib import Path

import pytest

from collect.rulebook.docs import html_document, markdown
from collect.standards.registry import COLLECTIONS, collection

DOCS = Path(__file__).resolve().parents[2] / "docs" / "rulebook"
REGENERATE = "python -m collect.rulebook docs --collection {id} --out docs/rulebook"


@pytest.mark.parametrize("collection_id", sorted(COLLECTIONS))
def test_committed_documents_are_up_to_date(collection_id):
    declared = collection(collection_id)
    for path, expected in (
        (DOCS / f"{collection_id}.md", markdown(declared)),
        (DOCS / f"{collection_id}.html", html_document(declared)),
    ):
        assert path.exists(), f"{path} is missing: run {REGENERATE.format(id=collection_id)}"
        assert path.read_text(encoding="utf-8") == expected, (
            f"{path.name} is out of date: run {REGENERATE.format(id=collection_id)}"
        )
