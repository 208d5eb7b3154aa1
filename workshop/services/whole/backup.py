"""Backup and restore of the whole database (the file format: workshop.files.backup)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine, Table, func, select, text
from sqlalchemy.exc import DataError, IntegrityError

from workshop.domain.errors import DatabaseNotEmpty, InvalidInput
from workshop.files.backup import backup_document, json_value, read_backup, write_backup
from workshop.store import write
from workshop.store.migrations import SCHEMA_VERSION, VERSION_KEY
from workshop.store.tables import ENTITY_TABLES, settings, workshops

TABLES: tuple[Table, ...] = (settings, *ENTITY_TABLES)


def _key(table: Table) -> list[Any]:
    return [c for c in table.primary_key.columns] or list(table.columns)


def snapshot(engine: Engine) -> dict[str, Any]:
    """Every row of every table, in a stable order, as plain JSON values."""
    tables: dict[str, list[dict[str, Any]]] = {}
    with engine.connect() as conn:
        for table in TABLES:
            rows = conn.execute(select(table).order_by(*_key(table)))
            data = [{k: json_value(v) for k, v in r._mapping.items()} for r in rows]
            if table is settings:
                data = [r for r in data if r["key"] != VERSION_KEY]
            tables[table.name] = data
    return backup_document(tables, SCHEMA_VERSION)


def backup(engine: Engine, path: Path) -> dict[str, int]:
    """Write the whole database to a JSON file; returns rows per table."""
    return write_backup(snapshot(engine), path)


def restore(engine: Engine, path: Path, replace: bool = False) -> dict[str, int]:
    """Load a backup into an empty database (or replace everything, if asked); all or nothing."""
    # Every row is checked before the first is written: a bad backup changes nothing.
    checked = read_backup(path, TABLES, SCHEMA_VERSION)
    counts: dict[str, int] = {}
    try:
        return _write(engine, checked, replace, counts)
    except (IntegrityError, DataError) as exc:
        problem = str(exc.orig).splitlines()[0] if exc.orig else "a row breaks a rule of the database"
        raise InvalidInput(
            "error.backup.bad", field="file", file=str(path), detail=f"rows do not fit together ({problem})"
        ) from None


def _write(
    engine: Engine, checked: dict[str, list[dict[str, Any]]], replace: bool, counts: dict[str, int]
) -> dict[str, int]:
    with write(engine) as conn:
        if conn.execute(select(func.count()).select_from(workshops)).scalar() and not replace:
            raise DatabaseNotEmpty("error.database_holds_workshops")
        for table in reversed(TABLES):
            delete = table.delete()
            if table is settings:
                delete = delete.where(settings.c.key != VERSION_KEY)
            conn.execute(delete)
        for table in TABLES:
            rows = checked[table.name]
            if rows:
                conn.execute(table.insert(), rows)
            counts[table.name] = len(rows)
        if engine.dialect.name == "postgresql":
            # Past the restored rows, and never back: an id the replaced data used is not given again (issue 24;
            # on SQLite, AUTOINCREMENT keeps its own high-water mark through the deletes).
            for table in TABLES:
                if "id" in table.columns and counts.get(table.name):
                    sequence = f"pg_get_serial_sequence('{table.name}', 'id')"
                    conn.execute(
                        text(
                            f"SELECT setval({sequence}, "
                            f"GREATEST((SELECT MAX(id) FROM {table.name}), nextval({sequence}) - 1))"
                        )
                    )
    return counts
