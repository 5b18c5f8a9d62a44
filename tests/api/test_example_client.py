"""The example client of docs/api.md, run against the live test server so it cannot rot."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from collect.logs.models import Log

SCRIPT = Path(__file__).resolve().parents[2] / "docs" / "examples" / "api_client.py"


@pytest.mark.django_db(transaction=True)
def test_the_example_client_creates_a_complete_log_and_fixes_an_error(live_server, token, capsys):
    spec = importlib.util.spec_from_file_location("api_client", SCRIPT)
    assert spec
    assert spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.main(["--url", live_server.url, "--token", token]) == 0
    printed = capsys.readouterr().out
    assert "beds:" in printed  # the reported error, with its check
    log = Log.objects.get()
    assert log.status == "completed"
    assert log.answers["beds"] == 2
    assert log.answers["tenancycode"] == "T124"
