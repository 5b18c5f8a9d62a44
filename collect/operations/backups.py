"""Backing up the service (its database and stored files) into one archive, and restoring it into an empty one.

An archive is a tar file holding `manifest.json` (when, which database, how many rows each table had), the
database (`database.dump` from pg_dump on PostgreSQL, `database.sqlite3` from SQLite's online backup) and the
stored files under `files/` (uploads and generated downloads: the default storage's folder). Restoring refuses a
database that already holds tables, restores the files, then checks that every table has the rows the manifest
counted, so a restore that lost anything fails loudly.
"""

from __future__ import annotations

import datetime
import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from pathlib import Path
from typing import Any

from django.apps import apps
from django.core.files.storage import default_storage
from django.db import connections

MANIFEST = "manifest.json"
FILES = "files"


class RestoreError(Exception):
    """The archive cannot be restored here, or the restored data does not match the archive."""


def _storage_folder() -> Path:
    location = getattr(default_storage, "location", None)
    if location is None:
        raise RestoreError("Stored files are not on local disk: back them up with the storage's own tools.")
    return Path(location)


def table_counts(using: str = "default") -> dict[str, int]:
    """How many rows each table of the service's models holds."""
    counts: dict[str, int] = {}
    for model in apps.get_models(include_auto_created=True):
        if model._meta.managed and not model._meta.proxy:
            counts[model._meta.db_table] = model._default_manager.using(using).count()
    return dict(sorted(counts.items()))


def _postgres_env(settings_dict: dict[str, Any]) -> dict[str, str]:
    env = dict(os.environ)
    for key, name in (("HOST", "PGHOST"), ("PORT", "PGPORT"), ("USER", "PGUSER"), ("PASSWORD", "PGPASSWORD")):
        if settings_dict.get(key):
            env[name] = str(settings_dict[key])
    return env


def _dump_database(folder: Path, using: str) -> str:
    connection = connections[using]
    settings_dict = connection.settings_dict
    if connection.vendor == "postgresql":
        target = folder / "database.dump"
        command = ["pg_dump", "--format=custom", "--no-owner", "--no-privileges", f"--file={target}"]
        subprocess.run([*command, str(settings_dict["NAME"])], env=_postgres_env(settings_dict), check=True)  # noqa: S603
        return target.name
    if connection.vendor == "sqlite":
        target = folder / "database.sqlite3"
        source = sqlite3.connect(str(settings_dict["NAME"]))
        try:
            with sqlite3.connect(str(target)) as copy:
                source.backup(copy)
            copy.close()
        finally:
            source.close()
        return target.name
    raise RestoreError(f"Backing up a {connection.vendor} database is not supported.")


def backup(archive: Path, using: str = "default") -> dict[str, Any]:
    """Write an archive of the database and the stored files; give its manifest."""
    connection = connections[using]
    manifest: dict[str, Any] = {
        "created_at": datetime.datetime.now(datetime.UTC).isoformat(),
        "vendor": connection.vendor,
        "tables": table_counts(using),
    }
    with tempfile.TemporaryDirectory() as folder:
        manifest["database"] = _dump_database(Path(folder), using)
        partial = archive.with_name(archive.name + ".partial")
        with tarfile.open(partial, "w:gz") as tar:
            data = json.dumps(manifest, indent=2).encode()
            info = tarfile.TarInfo(MANIFEST)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
            tar.add(Path(folder) / manifest["database"], arcname=manifest["database"])
            files = _storage_folder()
            if files.exists():
                tar.add(files, arcname=FILES)
        partial.replace(archive)  # a backup cut off part-way never looks like a whole one
    return manifest


def _is_empty(using: str) -> bool:
    return not connections[using].introspection.table_names()


def _restore_database(folder: Path, manifest: dict[str, Any], using: str) -> None:
    connection = connections[using]
    if connection.vendor != manifest["vendor"]:
        raise RestoreError(f"The archive holds a {manifest['vendor']} database; this service uses {connection.vendor}.")
    settings_dict = connection.settings_dict
    dump = folder / manifest["database"]
    if connection.vendor == "postgresql":
        command = ["pg_restore", "--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction"]
        subprocess.run(  # noqa: S603
            [*command, f"--dbname={settings_dict['NAME']}", str(dump)], env=_postgres_env(settings_dict), check=True
        )
        return
    name = str(settings_dict["NAME"])
    if name in ("", ":memory:") or "mode=memory" in name:
        raise RestoreError("The database is in memory: restore into a database file.")
    connection.close()
    source = sqlite3.connect(str(dump))
    try:
        with sqlite3.connect(name) as target:
            source.backup(target)
        target.close()
    finally:
        source.close()


def restore(archive: Path, using: str = "default") -> dict[str, Any]:
    """Restore an archive into an empty database and the storage folder; check every table's rows; give the manifest."""
    if not _is_empty(using):
        raise RestoreError("The database already holds tables: restore into an empty database.")
    with tempfile.TemporaryDirectory() as folder, tarfile.open(archive, "r:gz") as tar:
        tar.extractall(folder, filter="data")
        manifest: dict[str, Any] = json.loads((Path(folder) / MANIFEST).read_text())
        _restore_database(Path(folder), manifest, using)
        files = Path(folder) / FILES
        if files.exists():
            shutil.copytree(files, _storage_folder(), dirs_exist_ok=True)
    found = table_counts(using)
    lost = {
        table: (count, found.get(table)) for table, count in manifest["tables"].items() if found.get(table) != count
    }
    if lost:
        raise RestoreError(f"The restored database does not match the archive (table: archived, restored): {lost}")
    return manifest
