from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from django.conf import settings

from collect.rulebook.__main__ import main


def run(monkeypatch, capsys, argv, stdin=""):
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    code = main(argv)
    out = capsys.readouterr()
    return code, out.out, out.err


def test_evaluate_reads_standard_input_and_prints_the_outcome(monkeypatch, capsys):
    code, out, _ = run(
        monkeypatch,
        capsys,
        ["evaluate", "--collection", "lettings-2026", "--today", "2026-11-21", "-"],
        '{"needstype": 1}',
    )
    outcome = json.loads(out)
    assert set(outcome) == {"status", "subsections", "errors", "warnings", "derived", "cleared", "missing"}
    assert code == (1 if outcome["errors"] else 0)


def test_evaluate_reads_a_file(monkeypatch, capsys, tmp_path):
    path = tmp_path / "log.json"
    path.write_text(json.dumps({"needstype": 2, "startdate": "2026-10-05"}))
    code, out, _ = run(monkeypatch, capsys, ["evaluate", "--collection", "lettings-2026", str(path)])
    assert json.loads(out)["status"] in {"not_started", "in_progress", "completed"}
    assert code in {0, 1}


@pytest.mark.parametrize("text", ["not json", "[1, 2]"])
def test_a_file_that_is_not_one_json_object_is_refused(monkeypatch, capsys, text):
    code, out, err = run(monkeypatch, capsys, ["evaluate", "--collection", "lettings-2026", "-"], text)
    assert code == 2
    assert out == ""
    assert "Could not read -" in err


def test_an_unknown_collection_is_named(monkeypatch, capsys):
    code, _, err = run(monkeypatch, capsys, ["evaluate", "--collection", "lettings-1999", "-"], "{}")
    assert code == 2
    assert "No collection year called 'lettings-1999'" in err


def test_evaluate_checks_a_sales_log_with_the_published_sale_ranges(monkeypatch, capsys, tmp_path):
    setup = {
        "owning_organisation_id": 1,
        "managing_organisation_id": 1,
        "assigned_to_id": 10,
        "saledate": "2026-10-05",
        "ownershipsch": 1,
        "type": 30,
        "staircase": 2,
        "jointpur": 2,
        "noint": 2,
        "privacynotice": 1,
    }
    answers = {**setup, "la": "E09000033", "beds": 1, "value": 100000, "income1nk": 0, "income1": 95000}
    path = tmp_path / "sale.json"
    path.write_text(json.dumps(answers))
    refdata = Path(settings.COLLECT_REFDATA_DIR)
    argv = ["evaluate", "--collection", "sales-2026", "--today", "2026-11-21", "--refdata", str(refdata), str(path)]
    code, out, _ = run(monkeypatch, capsys, argv)
    outcome = json.loads(out)
    assert code == 1
    assert outcome["subsections"]["setup"] == "completed"
    assert {(e["check"], e["field"]) for e in outcome["errors"]} >= {("F1", "income1"), ("F1", "la")}
    price = [w for w in outcome["warnings"] if w["check"] == "PRICE" and w["field"] == "value"]
    assert price == [
        {
            "check": "PRICE",
            "confirm_field": "value_value_check",
            "field": "value",
            "message": "You told us the purchase price is £100,000.00. This is lower than we would expect.",
        }
    ]
