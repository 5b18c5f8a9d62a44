"""Answers and derived values compressed with LZ4 on PostgreSQL (new and changed rows).

A log's answers are about 2 KB of JSON, so PostgreSQL compresses them; its default (pglz) is slow to decompress, and
every download and export decompresses every log. LZ4 decompresses several times faster. Other databases: no change.
"""

from typing import Any

from django.db import migrations

COLUMNS = ("answers", "derived")


def _compression(method: str) -> Any:
    def change(apps: Any, schema_editor: Any) -> None:
        if schema_editor.connection.vendor != "postgresql":
            return
        for column in COLUMNS:
            schema_editor.execute(f"ALTER TABLE logs_log ALTER COLUMN {column} SET COMPRESSION {method}")

    return change


class Migration(migrations.Migration):
    dependencies = [("logs", "0005_checks_and_completeness_indexes")]

    operations = [migrations.RunPython(_compression("lz4"), _compression("pglz"))]
